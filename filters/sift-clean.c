/*
 * sift-clean - normalize scraped page text and keep the article only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "cli.h"

static const char synopsis[] =
"usage: sift-clean [--nfkc] [--keep-removed] [--explain] [options] [file ...]";

static const char help[] =
"NAME\n"
"  sift-clean - normalize page text and remove everything but the article\n"
"\n"
"SYNOPSIS\n"
"  sift-clean [--nfkc] [--keep-removed] [--explain] [options] [file ...]\n"
"\n"
"  Rewrites each record's text: Unicode NFC, control and zero-width\n"
"  characters removed, spaces and blank lines collapsed, lines trimmed;\n"
"  then menus, widgets, share/comment/subscribe boxes, photo captions,\n"
"  lists of other stories, teasers and footers are removed, so that the\n"
"  title, subheads and body remain.  Repeated lines keep their first\n"
"  occurrence (short ones, such as table cells, may repeat).  Chinese,\n"
"  Japanese and Thai prose is recognized without spaces between words.\n"
"  Byline, author, e-mail, date (ISO 8601), dateline,\n"
"  copyright and title go into the object \"meta\" (keys it already has\n"
"  are kept).  A record without the text field passes through unchanged.\n"
"  The rules are in data/clean-rules.tsv.\n"
"\n"
"OPTIONS\n"
"      --nfkc            compatibility folding (NFKC) instead of NFC\n"
"      --keep-removed    add \"removed\": [{line, text, reason}], one entry\n"
"                        per removed line (line: 1-based, in the input text)\n"
"      --explain         print every line's decision on stderr:\n"
"                        \"sift-clean: ID:LINE: keep|drop REASON (SCORE) TEXT\"\n"
SIFT_COMMON_HELP
"\n"
SIFT_EXIT_HELP
"\n"
"EXAMPLE\n"
"  sift-ingest pages/*.txt | sift-clean --keep-removed | jq -r .meta.title\n";

enum {
	OPT_NFKC = SIFT_OPT_FIRST_FILTER,
	OPT_KEEP_REMOVED,
	OPT_EXPLAIN
};

static const struct option longopts[] = {
	SIFT_COMMON_LONGOPTS,
	{ "nfkc", no_argument, NULL, OPT_NFKC },
	{ "keep-removed", no_argument, NULL, OPT_KEEP_REMOVED },
	{ "explain", no_argument, NULL, OPT_EXPLAIN },
	{ NULL, 0, NULL, 0 }
};

struct clean_opts {
	struct sift_common common;
	unsigned flags;
	int explain;
	struct sift_cleaner cleaner;
	struct sift_buf id;
	unsigned long long *removed;
};

/* --explain: one line per decision, named by record id and input line. */
static void
explain(struct sift_run *run, struct sift_record *rec, struct clean_opts *o)
{
	const struct sift_cleaner *c = &o->cleaner;
	size_t i;

	if (sift_record_get_string(rec, o->common.id_field, &o->id) != 1) {
		sift_buf_reset(&o->id);
		sift_buf_addf(&o->id, "%s:%zu", sift_run_name(run),
		    sift_run_lineno(run));
	}
	for (i = 0; i < c->nd; i++) {
		const struct sift_clean_decision *d = &c->d[i];

		fprintf(stderr, "%s: %s:%lu: %s %s%s (%d) %.*s\n", sift_prog.name,
		    o->id.data, (unsigned long)d->line, d->kept ? "keep" : "drop",
		    d->reason, d->lifted ? " +meta" : "", d->score, (int)d->len,
		    d->text);
	}
}

static int
clean_record(struct sift_run *run, struct sift_record *rec, void *state)
{
	struct clean_opts *o = state;
	struct sift_error err = SIFT_ERROR_INIT;
	size_t i;
	int r;

	r = sift_clean_record(&o->cleaner, rec, o->common.field, &err);
	if (r < 0) {
		sift_run_fail(run, "%s", err.msg);
		return SIFT_REC_FAIL;
	}
	if (r == 0)
		return SIFT_REC_KEEP;
	if (o->removed == NULL)
		o->removed = sift_run_counter(run, "lines removed");
	for (i = 0; i < o->cleaner.nd; i++)
		*o->removed += !o->cleaner.d[i].kept;
	if (o->explain)
		explain(run, rec, o);
	return SIFT_REC_KEEP;
}

int
main(int argc, char *argv[])
{
	struct clean_opts o = { SIFT_COMMON_INIT, 0, 0, { 0 }, SIFT_BUF_INIT, NULL };
	struct sift_run_spec spec = { clean_record, NULL, &o };
	int opt, status;

	sift_cli_init("sift-clean", synopsis, help);
	while ((opt = getopt_long(argc, argv, SIFT_COMMON_SHORTOPTS, longopts,
	    NULL)) != -1) {
		if (sift_common_option(&o.common, opt, optarg))
			continue;
		switch (opt) {
		case OPT_NFKC:
			o.flags |= SIFT_CLEAN_NFKC;
			break;
		case OPT_KEEP_REMOVED:
			o.flags |= SIFT_CLEAN_KEEP_REMOVED;
			break;
		case OPT_EXPLAIN:
			o.explain = 1;
			break;
		default:
			sift_die_usage("unknown option");
		}
	}
	argc -= optind;
	argv += optind;

	sift_cleaner_init(&o.cleaner, o.flags);
	status = sift_run(&o.common, argv, (size_t)argc, &spec);
	sift_cleaner_release(&o.cleaner);
	sift_buf_release(&o.id);
	return status;
}
