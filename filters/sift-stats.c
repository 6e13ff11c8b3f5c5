/*
 * sift-stats - one summary of a whole sift stream (the one filter that does
 * not pass records through).
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "io.h"
#include "stats.h"

static const char synopsis[] =
"usage: sift-stats [--human] [--svg FILE] [-t N] [--segment] [options] [file ...]";

static const char help[] =
"NAME\n"
"  sift-stats - describe a sift stream: sizes, lengths, scripts, duplicates,\n"
"  top entities\n"
"\n"
"SYNOPSIS\n"
"  sift-stats [--human] [--svg FILE] [-t N] [--segment] [options] [file ...]\n"
"\n"
"  Reads any sift stream and, instead of passing records through, writes\n"
"  ONE JSON object when the input ends: records, bytes (JSON lines with\n"
"  their newlines), records without text, text bytes, characters,\n"
"  sentences (from the \"sentences\" arrays sift-segment writes; null if\n"
"  there are none, unless --segment), record and sentence lengths in\n"
"  characters (min, p50, p90, p99, max, mean), the script mix of the\n"
"  letters (hangul, latin, han, kana, cyrillic, other), duplicates\n"
"  (records with dup_of) and clusters when present, the top people, orgs\n"
"  and keywords when \"entities\" is present, error records (an \"error\"\n"
"  member, as --on-error=pass writes them), UTF-8 repairs made reading\n"
"  this input and U+FFFD characters in the text.\n"
"\n"
"  Memory stays bounded: percentiles come from a log-bucket histogram\n"
"  (within 3.2%; min and max exact), distinct clusters are exact up to\n"
"  2^20 and estimated by HyperLogLog beyond (\"estimated\": true), top\n"
"  lists are exact up to 8192 distinct names per kind (\"approximate\":\n"
"  true beyond).\n"
"\n"
"OPTIONS\n"
"      --human           an aligned table instead of JSON\n"
"      --svg FILE        also draw the length histogram and the script mix\n"
"                        as a standalone SVG file\n"
"  -t, --top N           entries in each top list (default 10)\n"
"      --segment         split the text of records without \"sentences\"\n"
"                        with the sift segmenter to count theirs too\n"
"                        (about 3 times slower on raw text)\n"
SIFT_COMMON_HELP
"  (--on-error=pass is refused: no record is passed through)\n"
"\n"
SIFT_EXIT_HELP
"\n"
"EXAMPLES\n"
"  sift-segment news.ndjson | sift-stats --human\n"
"  sift-stats --svg corpus.svg corpus.ndjson.gz > corpus-stats.json\n";

enum {
	OPT_HUMAN = SIFT_OPT_FIRST_FILTER,
	OPT_SVG,
	OPT_SEGMENT
};

static const struct option longopts[] = {
	SIFT_COMMON_LONGOPTS,
	{ "human", no_argument, NULL, OPT_HUMAN },
	{ "svg", required_argument, NULL, OPT_SVG },
	{ "top", required_argument, NULL, 't' },
	{ "segment", no_argument, NULL, OPT_SEGMENT },
	{ NULL, 0, NULL, 0 }
};

struct stats_state {
	struct sift_stats *st;
	int human;
	struct sift_output *svg;
	struct sift_buf out;
};

static int
add_record(struct sift_run *run, struct sift_record *rec, void *state)
{
	struct stats_state *s = state;

	sift_stats_add(s->st, rec);
	return SIFT_REC_DROP;
}

static int
write_summary(struct sift_run *run, void *state)
{
	struct stats_state *s = state;
	struct sift_error err = SIFT_ERROR_INIT;

	sift_buf_reset(&s->out);
	if (s->human) {
		sift_stats_human(s->st, &s->out);
		/* emit_line adds the newline of the last line */
		if (s->out.len > 0 && s->out.data[s->out.len - 1] == '\n')
			s->out.len--;
	} else {
		sift_stats_json(s->st, &s->out);
	}
	sift_run_emit_line(run, s->out.data, s->out.len);
	if (s->svg != NULL) {
		sift_buf_reset(&s->out);
		sift_stats_svg(s->st, &s->out);
		if (sift_output_write(s->svg, s->out.data, s->out.len, &err) < 0 ||
		    sift_output_close(s->svg, &err) < 0) {
			s->svg = NULL;
			sift_run_fail(run, "%s", err.msg);
			return -1;
		}
		s->svg = NULL;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	struct sift_common common = SIFT_COMMON_INIT;
	struct sift_stats_opts o = SIFT_STATS_OPTS_INIT;
	struct stats_state s = { NULL, 0, NULL, SIFT_BUF_INIT };
	struct sift_run_spec spec = { add_record, write_summary, &s };
	struct sift_error err = SIFT_ERROR_INIT;
	const char *svg = NULL;
	int opt, status;

	sift_cli_init("sift-stats", synopsis, help);
	while ((opt = getopt_long(argc, argv, SIFT_COMMON_SHORTOPTS "t:", longopts,
	    NULL)) != -1) {
		if (sift_common_option(&common, opt, optarg))
			continue;
		switch (opt) {
		case OPT_HUMAN: s.human = 1; break;
		case OPT_SVG: svg = optarg; break;
		case 't': o.top = (size_t)sift_parse_int(optarg, 1, 10000, "--top"); break;
		case OPT_SEGMENT: o.segment = 1; break;
		default: sift_die_usage(NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (common.on_error == SIFT_ON_ERROR_PASS)
		sift_die_usage("--on-error=pass does not apply: sift-stats passes no records");
	if (svg != NULL && (s.svg = sift_output_new(svg, &err)) == NULL)
		sift_die("%s", err.msg);
	o.field = common.field;
	s.st = sift_stats_new(&o);
	status = sift_run(&common, argv, (size_t)argc, &spec);
	if (s.svg != NULL)	/* the run stopped before the end */
		(void)sift_output_close(s.svg, &err);
	sift_stats_free(s.st);
	sift_buf_release(&s.out);
	return status;
}
