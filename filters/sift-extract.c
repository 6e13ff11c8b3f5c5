/*
 * sift-extract - who said what, with which numbers, when: fill each
 * record's "entities".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "extract.h"

static const char synopsis[] =
"usage: sift-extract [-k N] [--mentions] [--untitled] [--date DATE] [options]\n"
"                    [file ...]";

static const char help[] =
"NAME\n"
"  sift-extract - find people, organisations, dates, numbers, quotes, URLs,\n"
"  e-mail addresses and keywords in each record's text\n"
"\n"
"SYNOPSIS\n"
"  sift-extract [-k N] [--mentions] [--untitled] [--date DATE] [options]\n"
"               [file ...]\n"
"\n"
"  Adds \"entities\" to every record: {people: [{name, title, org}], orgs:\n"
"  [{name}], dates: [{text, value}], numbers: [{text, value, unit}], quotes:\n"
"  [{text, speaker}], urls, emails, keywords: [{term, score}]}.  Korean and\n"
"  English.  Titles and affiliations are read in any order (홍길동 한빛전자\n"
"  최고기술책임자(CTO), 서울대학교 정민호 교수, Jane Roe, chief executive of\n"
"  Acme Corp.), particles are stripped (한빛전자가 -> 한빛전자), quote speakers\n"
"  given as 그는, 홍 CTO or Roe are resolved to the full name.  Relative\n"
"  dates (14일, 지난 3월, 어제) are resolved against meta.date, or --date.\n"
"  The record's \"sentences\" are used when present; otherwise the text is\n"
"  segmented.  people lists those the text gives a title or role (씨 and\n"
"  an age are none); a person's org is omitted when the text gives none.\n"
"  An unknown speaker or an unresolved date value is null.  A record\n"
"  without the text field gets empty lists.\n"
"\n"
"OPTIONS\n"
"  -k, --keywords N      keep at most N keywords (default 10; 0: none)\n"
"      --mentions        also list every occurrence in entities.mentions as\n"
"                        {type, text, start, end}: code-point offsets, end\n"
"                        exclusive; type PS, OG, DT, TI or QT (a date\n"
"                        with a time of day is a DT and a TI mention)\n"
"      --untitled        also list in people the names the text gives no\n"
"                        title (as {name}): 빈소희는, Jane Roe said\n"
"      --date DATE       document date for records without meta.date\n"
"                        (2025-03-14, 2025년 3월 14일, ...)\n"
SIFT_COMMON_HELP
"\n"
SIFT_EXIT_HELP
"\n"
"EXAMPLE\n"
"  sift-ingest news/*.txt | sift-clean | sift-segment | sift-extract |\n"
"      jq -c '.entities.quotes[]'\n";

enum {
	OPT_MENTIONS = SIFT_OPT_FIRST_FILTER,
	OPT_UNTITLED,
	OPT_DATE
};

static const struct option longopts[] = {
	SIFT_COMMON_LONGOPTS,
	{ "keywords", required_argument, NULL, 'k' },
	{ "mentions", no_argument, NULL, OPT_MENTIONS },
	{ "untitled", no_argument, NULL, OPT_UNTITLED },
	{ "date", required_argument, NULL, OPT_DATE },
	{ NULL, 0, NULL, 0 }
};

struct extract_state {
	struct sift_common common;
	struct sift_extract_opts opts;
	struct sift_ymd default_date;
	int have_default_date;
	/* reused across records */
	struct sift_extract x;
	struct sift_buf text, json, tmp;
};

/* The document date: meta.date if it parses, else --date, else NULL. */
static const struct sift_ymd *
doc_date(struct extract_state *st, const struct sift_record *rec,
    struct sift_ymd *ymd)
{
	const char *raw, *d;
	size_t len, dlen;

	if (sift_record_type(rec, "meta") == SIFT_JSON_OBJECT &&
	    (raw = sift_record_raw(rec, "meta", &len)) != NULL &&
	    sift_extract_meta_date(raw, len, &st->tmp, &d, &dlen) &&
	    sift_parse_date(d, dlen, NULL, ymd) == 0)
		return ymd;
	return st->have_default_date ? &st->default_date : NULL;
}

static int
extract_record(struct sift_run *run, struct sift_record *rec, void *state)
{
	struct extract_state *st = state;
	struct sift_ymd ymd;
	json_t *sentences = NULL;
	int r;

	r = sift_record_get_string(rec, st->common.field, &st->text);
	if (r == 0) {
		sift_run_fail(run, "missing field \"%s\"", st->common.field);
		return SIFT_REC_FAIL;
	}
	if (r < 0) {
		sift_run_fail(run, "field \"%s\" is not a string", st->common.field);
		return SIFT_REC_FAIL;
	}
	/* sentences belong to the text field only when it is "text" */
	if (strcmp(st->common.field, "text") == 0 &&
	    sift_record_type(rec, "sentences") == SIFT_JSON_ARRAY)
		sentences = sift_record_get_json(rec, "sentences");
	sift_buf_reset(&st->json);
	sift_extract(&st->x, st->text.data, st->text.len, doc_date(st, rec, &ymd),
	    sentences, &st->opts, &st->json);
	json_decref(sentences);
	sift_record_set_raw(rec, "entities", st->json.data, st->json.len);
	return SIFT_REC_KEEP;
}

int
main(int argc, char *argv[])
{
	struct extract_state st = {
		.common = SIFT_COMMON_INIT,
		.opts = SIFT_EXTRACT_OPTS_INIT,
		.x = SIFT_EXTRACT_INIT,
		.text = SIFT_BUF_INIT,
		.json = SIFT_BUF_INIT,
		.tmp = SIFT_BUF_INIT,
	};
	struct sift_run_spec spec = { extract_record, NULL, &st };
	int opt, status;

	sift_cli_init("sift-extract", synopsis, help);
	while ((opt = getopt_long(argc, argv, SIFT_COMMON_SHORTOPTS "k:",
	    longopts, NULL)) != -1) {
		if (sift_common_option(&st.common, opt, optarg))
			continue;
		switch (opt) {
		case 'k':
			st.opts.keywords = (size_t)sift_parse_int(optarg, 0, 1000,
			    "--keywords");
			break;
		case OPT_MENTIONS:
			st.opts.mentions = 1;
			break;
		case OPT_UNTITLED:
			st.opts.untitled = 1;
			break;
		case OPT_DATE:
			if (sift_parse_date(optarg, strlen(optarg), NULL,
			    &st.default_date) < 0)
				sift_die_usage("invalid --date value: %s", optarg);
			st.have_default_date = 1;
			break;
		default:
			sift_die_usage(NULL);
		}
	}
	argc -= optind;
	argv += optind;
	sift_wordclass_init();
	status = sift_run(&st.common, argv, (size_t)argc, &spec);
	sift_extract_release(&st.x);
	sift_buf_release(&st.text);
	sift_buf_release(&st.json);
	sift_buf_release(&st.tmp);
	return status;
}
