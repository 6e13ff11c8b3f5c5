/*
 * sift-summarize - an extractive summary of each record, or one digest per
 * group of records.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "summarize.h"

static const char synopsis[] =
"usage: sift-summarize [-n K | -r R] [-c N] [--group-by FIELD] [options] [file ...]";

static const char help[] =
"NAME\n"
"  sift-summarize - choose the sentences that tell each story\n"
"\n"
"SYNOPSIS\n"
"  sift-summarize [-n K | -r R] [-c N] [--group-by FIELD] [options] [file ...]\n"
"\n"
"  Ranks the sentences of each record (its \"sentences\" array, or the text\n"
"  split by the sift segmenter) by TextRank over TF-IDF similarity of\n"
"  particle-stripped words and syllable bigrams, mixed with a lead prior for\n"
"  news, and sets \"summary\" to the best ones in document order.  No two\n"
"  summary sentences say the same thing.  Headlines, bylines, captions and\n"
"  questions are chosen only when nothing else is there.  A record without\n"
"  the text field passes through unchanged.\n"
"\n"
"  With --group-by, no record is passed through: after the input ends, one\n"
"  digest record {\"group\", \"ids\", \"summary\", \"sources\", \"members\"}\n"
"  is written per distinct value of FIELD (in order of first appearance),\n"
"  its summary drawn from all members without repeating a fact.  A record\n"
"  without FIELD (or with null) is a group of its own, named by its id.\n"
"  Memory is bounded per group (32 candidate sentences, 1000 ids, 100\n"
"  sources).  Bad lines under --on-error=pass are still copied through.\n"
"\n"
"OPTIONS\n"
"  -n, --sentences K     at most K sentences per summary (default 3; 0: no\n"
"                        limit, for use with --max-chars)\n"
"  -r, --ratio R         ceil(R * sentences) sentences instead, 0 < R <= 1\n"
"  -c, --max-chars N     at most N characters per summary in all\n"
"      --group-by FIELD  one digest per value of FIELD (e.g. cluster)\n"
"      --lead-weight W   weight of the lead prior, 0 (pure TextRank) to 1\n"
"                        (default 0.5)\n"
"      --redundancy T    cosine similarity at which two sentences count as\n"
"                        saying the same thing, 0 < T <= 1 (default 0.5)\n"
SIFT_COMMON_HELP
"\n"
SIFT_EXIT_HELP
"\n"
"EXAMPLES\n"
"  sift-segment news.ndjson | sift-summarize -n 2\n"
"  sift-dedup --mark news.ndjson | sift-summarize --group-by cluster\n";

enum {
	OPT_GROUP_BY = SIFT_OPT_FIRST_FILTER,
	OPT_LEAD_WEIGHT,
	OPT_REDUNDANCY
};

static const struct option longopts[] = {
	SIFT_COMMON_LONGOPTS,
	{ "sentences", required_argument, NULL, 'n' },
	{ "ratio", required_argument, NULL, 'r' },
	{ "max-chars", required_argument, NULL, 'c' },
	{ "group-by", required_argument, NULL, OPT_GROUP_BY },
	{ "lead-weight", required_argument, NULL, OPT_LEAD_WEIGHT },
	{ "redundancy", required_argument, NULL, OPT_REDUNDANCY },
	{ NULL, 0, NULL, 0 }
};

struct summarize_state {
	const struct sift_common *common;
	const char *group_by;
	struct sift_summarizer *sum;
	struct sift_digest *digest;
	struct sift_buf where, out;
};

static int
per_record(struct sift_run *run, struct sift_record *rec, void *state)
{
	struct summarize_state *st = state;
	struct sift_error err = SIFT_ERROR_INIT;
	int r;

	r = sift_summarize_record(st->sum, rec, st->common->field, &err);
	if (r < 0) {
		sift_run_fail(run, "%s", err.msg);
		return SIFT_REC_FAIL;
	}
	if (r == 0)
		++*sift_run_counter(run, "records without text");
	return SIFT_REC_KEEP;
}

static int
per_group_member(struct sift_run *run, struct sift_record *rec, void *state)
{
	struct summarize_state *st = state;
	struct sift_error err = SIFT_ERROR_INIT;
	int r;

	sift_buf_reset(&st->where);
	sift_buf_addf(&st->where, "%s:%zu", sift_run_name(run), sift_run_lineno(run));
	r = sift_digest_add_record(st->digest, rec, st->group_by,
	    st->common->id_field, st->common->field, st->where.data, &err);
	if (r < 0) {
		sift_run_fail(run, "%s", err.msg);
		return SIFT_REC_FAIL;
	}
	if (r == 0)
		++*sift_run_counter(run, "records without text");
	return SIFT_REC_DROP;
}

static int
write_digests(struct sift_run *run, void *state)
{
	struct summarize_state *st = state;
	size_t i, n = sift_digest_groups(st->digest);

	for (i = 0; i < n; i++) {
		sift_buf_reset(&st->out);
		sift_digest_write(st->digest, i, &st->out);
		sift_run_emit_line(run, st->out.data, st->out.len);
	}
	*sift_run_counter(run, "digests written") += n;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct sift_common common = SIFT_COMMON_INIT;
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct summarize_state st = { &common, NULL, NULL, NULL, SIFT_BUF_INIT,
	    SIFT_BUF_INIT };
	struct sift_run_spec spec = { per_record, NULL, &st };
	int opt, status, have_n = 0;

	sift_cli_init("sift-summarize", synopsis, help);
	while ((opt = getopt_long(argc, argv, SIFT_COMMON_SHORTOPTS "n:r:c:",
	    longopts, NULL)) != -1) {
		if (sift_common_option(&common, opt, optarg))
			continue;
		switch (opt) {
		case 'n':
			o.sentences = (size_t)sift_parse_int(optarg, 0, 100000, "-n");
			have_n = 1;
			break;
		case 'r':
			o.ratio = sift_parse_double(optarg, 1e-9, 1.0, "--ratio");
			break;
		case 'c':
			o.max_chars = (size_t)sift_parse_int(optarg, 1, 1000000000,
			    "--max-chars");
			break;
		case OPT_GROUP_BY: st.group_by = optarg; break;
		case OPT_LEAD_WEIGHT:
			o.lead_weight = sift_parse_double(optarg, 0.0, 1.0,
			    "--lead-weight");
			break;
		case OPT_REDUNDANCY:
			o.redundancy = sift_parse_double(optarg, 1e-9, 1.0,
			    "--redundancy");
			break;
		default: sift_die_usage(NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (have_n && o.ratio > 0.0)
		sift_die_usage("-n and --ratio exclude each other");
	if (o.sentences == 0 && o.ratio == 0.0 && o.max_chars == 0)
		sift_die_usage("-n 0 needs --max-chars");

	if (st.group_by != NULL) {
		st.digest = sift_digest_new(&o);
		spec.record = per_group_member;
		spec.end = write_digests;
	} else {
		st.sum = sift_summarizer_new(&o);
	}
	status = sift_run(&common, argv, (size_t)argc, &spec);
	sift_summarizer_free(st.sum);
	sift_digest_free(st.digest);
	sift_buf_release(&st.where);
	sift_buf_release(&st.out);
	return status;
}
