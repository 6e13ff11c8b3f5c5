/*
 * sift-ingest - the entry point of every pipeline: files, lines or other
 * tools' NDJSON in, sift records out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "html.h"
#include "ingest.h"
#include "io.h"

static const char synopsis[] =
"usage: sift-ingest [-l] [--id-prefix P] [--files-from FILE] [file ...]\n"
"       sift-ingest --html [--charset ENC] [--whole-page] [file ...]\n"
"       sift-ingest --ndjson [--text-from F | --html-from F] [--id-from F] [--source-from F] [file ...]";

static const char help[] =
"NAME\n"
"  sift-ingest - turn text files or other tools' NDJSON into sift records\n"
"\n"
"SYNOPSIS\n"
"  sift-ingest [options] [file ...]\n"
"  sift-ingest --html [options] [file ...]\n"
"  sift-ingest --ndjson [options] [file ...]\n"
"\n"
"  Each file (plain or gzip, '-' is stdin) becomes one record\n"
"  {\"id\", \"source\", \"text\"}; ids are the path without its extension.\n"
"  Invalid UTF-8 and NUL bytes become U+FFFD and are counted on stderr.\n"
"  With --html each file is a web page (any charset: <meta>, BOM or a guess;\n"
"  EUC-KR is read as CP949) and the record holds its main text, one block a\n"
"  line, and \"meta\" {title, date, author, site_name, canonical, lang, ...};\n"
"  source is the page's canonical URL when it names one.\n"
"\n"
"OPTIONS\n"
"      --files-from FILE  read file names, one a line, from FILE ('-': stdin)\n"
"  -l, --lines            one record per non-blank line, id \"<path>:<line>\"\n"
"      --id-prefix P      put P before every generated id\n"
"      --ndjson           input is NDJSON: validate, repair UTF-8, map fields\n"
"      --text-from F      (--ndjson) rename field F to text\n"
"      --id-from F        (--ndjson) rename field F to id; a missing id\n"
"                         becomes \"<file>:<line>\", a number a string\n"
"      --source-from F    (--ndjson) rename field F to source (else the file)\n"
"      --html             each file is an HTML page: extract text and meta\n"
"      --html-from F      (--ndjson) field F holds a raw HTML page: replace it\n"
"                         by its text, add meta (and source if missing)\n"
"      --charset ENC      (--html) decode pages as ENC (e.g. euc-kr), not\n"
"                         as their <meta charset> says\n"
"      --whole-page       (--html, --html-from) keep all visible text, not\n"
"                         only the main article block\n"
SIFT_COMMON_HELP
"\n"
SIFT_EXIT_HELP
"\n"
"EXAMPLES\n"
"  find corpus -name '*.txt' | sift-ingest --files-from - | sift-clean\n"
"  sift-ingest --ndjson --text-from content --source-from url crawl.jsonl.gz\n"
"  sift-ingest --html pages/*.html | sift-clean\n";

enum {
	OPT_FILES_FROM = SIFT_OPT_FIRST_FILTER,
	OPT_ID_PREFIX,
	OPT_NDJSON,
	OPT_TEXT_FROM,
	OPT_ID_FROM,
	OPT_SOURCE_FROM,
	OPT_HTML,
	OPT_HTML_FROM,
	OPT_CHARSET,
	OPT_WHOLE_PAGE
};

static const struct option longopts[] = {
	SIFT_COMMON_LONGOPTS,
	{ "files-from", required_argument, NULL, OPT_FILES_FROM },
	{ "lines", no_argument, NULL, 'l' },
	{ "id-prefix", required_argument, NULL, OPT_ID_PREFIX },
	{ "ndjson", no_argument, NULL, OPT_NDJSON },
	{ "text-from", required_argument, NULL, OPT_TEXT_FROM },
	{ "id-from", required_argument, NULL, OPT_ID_FROM },
	{ "source-from", required_argument, NULL, OPT_SOURCE_FROM },
	{ "html", no_argument, NULL, OPT_HTML },
	{ "html-from", required_argument, NULL, OPT_HTML_FROM },
	{ "charset", required_argument, NULL, OPT_CHARSET },
	{ "whole-page", no_argument, NULL, OPT_WHOLE_PAGE },
	{ NULL, 0, NULL, 0 }
};

struct ingest_opts {
	struct sift_common common;
	const char *files_from;
	const char *id_prefix;
	int lines, ndjson;
	struct sift_ingest_map map;
	struct sift_buf scratch;
	int html;			/* --html */
	const char *html_from;		/* --html-from */
	struct sift_html_opts html_opts;
	struct sift_html_page page;
};

static int
map_record(struct sift_run *run, struct sift_record *rec, void *state)
{
	struct ingest_opts *o = state;
	struct sift_error err = SIFT_ERROR_INIT;

	if (o->html_from && sift_html_map_record(rec, o->html_from,
	    o->map.text_field, &o->html_opts, &o->page, &o->scratch,
	    &err) < 0) {
		sift_run_fail(run, "%s", err.msg);
		return SIFT_REC_FAIL;
	}
	if (sift_ingest_map_record(rec, &o->map, sift_run_name(run),
	    sift_run_lineno(run), &o->scratch, &err) < 0) {
		sift_run_fail(run, "%s", err.msg);
		return SIFT_REC_FAIL;
	}
	return SIFT_REC_KEEP;
}

/* Read the operand list from --files-from into a NULL-terminated vector. */
static char **
read_file_list(const char *from, size_t *n)
{
	struct sift_input *in = sift_input_new((char *const[]){ (char *)from }, 1);
	struct sift_error err = SIFT_ERROR_INIT;
	const char *line;
	size_t len, cap = 0;
	char **v = NULL;
	int r;

	*n = 0;
	while ((r = sift_input_getline(in, &line, &len, &err)) > 0) {
		if (len == 0)
			continue;
		if (*n + 1 >= cap) {
			cap = cap ? cap * 2 : 64;
			v = sift_xrealloc(v, cap * sizeof(*v));
		}
		v[(*n)++] = sift_xstrndup(line, len);
	}
	if (r < 0)
		sift_die("%s", err.msg);
	sift_input_free(in);
	if (v == NULL)
		v = sift_xcalloc(1, sizeof(*v));
	v[*n] = NULL;
	return v;
}

/* Text mode: each operand (or each of its lines) is a record. */
static int
ingest_text(struct ingest_opts *o, char *const *paths, size_t npaths)
{
	struct sift_run *run = sift_run_begin(&o->common, paths, npaths);
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	struct sift_buf text = SIFT_BUF_INIT, id = SIFT_BUF_INIT, base = SIFT_BUF_INIT;
	size_t i, repairs, n = npaths ? npaths : 1;
	int status = SIFT_EXIT_OK;
	const char *line;
	size_t len;
	int r;

	if (o->lines) {
		struct sift_input *in = sift_run_input(run);

		while (!sift_run_failed_output(run) &&
		    (r = sift_input_getline(in, &line, &len, &err)) != 0) {
			if (r < 0) {
				sift_warn("%s", err.msg);
				status = SIFT_EXIT_DATA;
				break;
			}
			if (len == 0)
				continue;
			sift_ingest_id(&base, o->id_prefix, sift_input_name(in));
			sift_buf_reset(&id);
			sift_buf_addf(&id, "%s:%zu", base.data, sift_input_lineno(in));
			sift_buf_reset(&text);
			sift_buf_add(&text, line, len);
			repairs = sift_ingest_text(&rec, id.data, sift_input_name(in),
			    &text, &o->scratch);
			sift_run_note(run, 1, repairs);
			sift_run_emit(run, &rec);
		}
	} else {
		for (i = 0; i < n && !sift_run_failed_output(run); i++) {
			const char *path = npaths ? paths[i] : "-";

			sift_buf_reset(&text);
			if (sift_read_file(path, &text, &err) < 0) {
				if (sift_run_bad(run, NULL, err.msg, NULL, 0) < 0) {
					status = SIFT_EXIT_DATA;
					break;
				}
				continue;
			}
			sift_ingest_id(&id, o->id_prefix, path);
			if (o->html) {
				if (sift_html_record(&rec, id.data,
				    strcmp(path, "-") == 0 ? "<stdin>" : path,
				    text.data, text.len, &o->html_opts, &o->page,
				    &err) < 0) {
					sift_run_note(run, 1, 0);
					if (sift_run_bad(run, path, err.msg, NULL,
					    0) < 0) {
						status = SIFT_EXIT_DATA;
						break;
					}
					continue;
				}
				sift_run_note(run, 1, o->page.replacements);
				sift_run_emit(run, &rec);
				continue;
			}
			repairs = sift_ingest_text(&rec, id.data,
			    strcmp(path, "-") == 0 ? "<stdin>" : path, &text,
			    &o->scratch);
			sift_run_note(run, 1, repairs);
			sift_run_emit(run, &rec);
		}
	}
	sift_record_release(&rec);
	sift_buf_release(&text);
	sift_buf_release(&id);
	sift_buf_release(&base);
	return sift_run_finish(run, status);
}

int
main(int argc, char *argv[])
{
	struct ingest_opts o = { SIFT_COMMON_INIT, NULL, NULL, 0, 0,
	    { NULL, NULL, NULL, "text", "id", 1 }, SIFT_BUF_INIT, 0, NULL,
	    SIFT_HTML_OPTS_INIT, SIFT_HTML_PAGE_INIT };
	struct sift_run_spec spec = { map_record, NULL, &o };
	char **list = NULL;
	size_t nlist = 0, i;
	int opt, status;

	sift_cli_init("sift-ingest", synopsis, help);
	while ((opt = getopt_long(argc, argv, SIFT_COMMON_SHORTOPTS "l", longopts,
	    NULL)) != -1) {
		if (sift_common_option(&o.common, opt, optarg))
			continue;
		switch (opt) {
		case OPT_FILES_FROM: o.files_from = optarg; break;
		case 'l': o.lines = 1; break;
		case OPT_ID_PREFIX: o.id_prefix = optarg; break;
		case OPT_NDJSON: o.ndjson = 1; break;
		case OPT_TEXT_FROM: o.map.text_from = optarg; break;
		case OPT_ID_FROM: o.map.id_from = optarg; break;
		case OPT_SOURCE_FROM: o.map.source_from = optarg; break;
		case OPT_HTML: o.html = 1; break;
		case OPT_HTML_FROM: o.html_from = optarg; break;
		case OPT_CHARSET: o.html_opts.charset = optarg; break;
		case OPT_WHOLE_PAGE: o.html_opts.whole_page = 1; break;
		default: sift_die_usage(NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (!o.ndjson && (o.map.text_from || o.map.id_from || o.map.source_from))
		sift_die_usage("--text-from, --id-from and --source-from need --ndjson");
	if (o.ndjson && o.lines)
		sift_die_usage("--lines and --ndjson exclude each other");
	if (o.html && (o.ndjson || o.lines))
		sift_die_usage("--html excludes --ndjson and --lines (use --html-from)");
	if (o.html_from && (!o.ndjson || o.map.text_from))
		sift_die_usage("--html-from needs --ndjson and excludes --text-from");
	if (o.html_opts.charset && !o.html)
		sift_die_usage("--charset needs --html");
	if (o.html_opts.whole_page && !o.html && !o.html_from)
		sift_die_usage("--whole-page needs --html or --html-from");
	if (o.files_from) {
		if (argc > 0)
			sift_die_usage("give file names either as operands or with --files-from");
		list = read_file_list(o.files_from, &nlist);
		argv = list;
		argc = (int)nlist;
		if (nlist == 0) {
			/* an empty list is an empty stream, not stdin */
			static char *none[] = { NULL };

			argv = none;
		}
	}
	o.map.text_field = o.common.field;
	o.map.id_field = o.common.id_field;
	if (o.files_from && nlist == 0) {
		struct sift_run *run = sift_run_begin(&o.common, NULL, 0);

		status = sift_run_finish(run, SIFT_EXIT_OK);
	} else if (o.ndjson) {
		status = sift_run(&o.common, argv, (size_t)argc, &spec);
	} else {
		status = ingest_text(&o, argv, (size_t)argc);
	}
	for (i = 0; i < nlist; i++)
		free(list[i]);
	free(list);
	sift_buf_release(&o.scratch);
	sift_html_page_release(&o.page);
	return status;
}
