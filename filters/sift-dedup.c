/*
 * sift-dedup - one copy of each story: exact, near-duplicate and
 * repeated-line deduplication, in one process or as map/reduce/apply steps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dedup.h"
#include "io.h"

static const char synopsis[] =
"usage: sift-dedup [--exact] [--loose] [--shingle char:N|word:N] [-t T]\n"
"                  [--bands B --rows R] [--keep first|longest] [--mark]\n"
"                  [--transitive] [--lines N [--sentences]] [file ...]\n"
"       sift-dedup --emit-keys [--shard S] [options] [file ...]\n"
"       sift-dedup --clusters [options] [keyfile ...]\n"
"       sift-dedup --apply PLAN [--shard S] [options] [file ...]";

static const char help[] =
"NAME\n"
"  sift-dedup - drop exact and near-duplicate records and repeated lines\n"
"\n"
"SYNOPSIS\n"
"  sift-dedup [options] [file ...]\n"
"\n"
"  A record is a duplicate when its normalized text (NFC, white space\n"
"  folded) equals an earlier record's, or when its MinHash signature\n"
"  (character 5-grams) estimates a Jaccard similarity >= T with an\n"
"  earlier kept record that LSH banding offers as a candidate.  The first\n"
"  record of each cluster is kept and its duplicates are dropped.  Records\n"
"  whose text is missing or empty are never duplicates.\n"
"\n"
"OPTIONS\n"
"      --exact           exact duplicates only (no MinHash)\n"
"      --loose           also fold case, punctuation and NFKC forms\n"
"      --shingle KIND:N  char:N (default char:5) or word:N shingles\n"
"  -t, --threshold T     estimated Jaccard to merge (default 0.4)\n"
"      --bands B         LSH bands (default: from T, at most 9)\n"
"      --rows R          rows per band (with --bands; B * R <= 128)\n"
"      --keep WHICH      first (default) or longest record of a cluster\n"
"      --mark            keep every record; add cluster (the kept\n"
"                        record's id) to all, dup_of and similarity to\n"
"                        duplicates\n"
"      --transitive      a record similar to two clusters merges them\n"
"      --lines N         remove lines that occur in N or more kept\n"
"                        records (site boilerplate)\n"
"      --sentences       with --lines: remove entries of \"sentences\"\n"
"                        (and \"spans\") instead of lines of the text\n"
SIFT_COMMON_HELP
"\n"
"  Sharded mode (same options at every step; see scripts/dedup-parallel):\n"
"      --emit-keys       map: write one key line per record (a record\n"
"                        that --on-error=pass would copy is skipped)\n"
"      --shard S         shard number of this map or apply step (0..8388607)\n"
"      --clusters        reduce: read key lines sorted (LC_ALL=C sort),\n"
"                        write the plan\n"
"      --apply PLAN      filter the records of shard S by PLAN\n"
"\n"
"  --keep longest, --mark, --transitive and --lines hold the records in a\n"
"  temporary file in $TMPDIR until the end of the input.  Memory: under\n"
"  200 bytes per distinct record (--progress reports it).\n"
"\n"
SIFT_EXIT_HELP
"\n"
"EXAMPLE\n"
"  sift-ingest pages/*.txt | sift-clean | sift-dedup --lines 20 > unique.ndjson\n"
"  sift-dedup --mark -t 0.6 news.ndjson | jq -c 'select(.dup_of)'\n";

enum {
	OPT_EXACT = SIFT_OPT_FIRST_FILTER,
	OPT_LOOSE, OPT_SHINGLE, OPT_BANDS, OPT_ROWS, OPT_KEEP, OPT_MARK,
	OPT_TRANSITIVE, OPT_LINES, OPT_SENTENCES, OPT_EMIT_KEYS, OPT_SHARD,
	OPT_CLUSTERS, OPT_APPLY
};

static const struct option longopts[] = {
	SIFT_COMMON_LONGOPTS,
	{ "exact", no_argument, NULL, OPT_EXACT },
	{ "loose", no_argument, NULL, OPT_LOOSE },
	{ "shingle", required_argument, NULL, OPT_SHINGLE },
	{ "threshold", required_argument, NULL, 't' },
	{ "bands", required_argument, NULL, OPT_BANDS },
	{ "rows", required_argument, NULL, OPT_ROWS },
	{ "keep", required_argument, NULL, OPT_KEEP },
	{ "mark", no_argument, NULL, OPT_MARK },
	{ "transitive", no_argument, NULL, OPT_TRANSITIVE },
	{ "lines", required_argument, NULL, OPT_LINES },
	{ "sentences", no_argument, NULL, OPT_SENTENCES },
	{ "emit-keys", no_argument, NULL, OPT_EMIT_KEYS },
	{ "shard", required_argument, NULL, OPT_SHARD },
	{ "clusters", no_argument, NULL, OPT_CLUSTERS },
	{ "apply", required_argument, NULL, OPT_APPLY },
	{ NULL, 0, NULL, 0 }
};

enum mode { MODE_STREAM, MODE_SPOOL, MODE_KEYS, MODE_CLUSTERS, MODE_APPLY };

struct dedup_opts {
	struct sift_common common;
	struct sift_dedup_opts o;
	enum mode mode;
	const char *plan;
	struct sift_dedup *d;
	struct sift_buf line;
};

static void
emit_record(void *ctx, const struct sift_record *rec)
{
	sift_run_emit(ctx, rec);
}

static void
emit_line(void *ctx, const char *p, size_t n)
{
	sift_run_emit_line(ctx, p, n);
}

static int
on_record(struct sift_run *run, struct sift_record *rec, void *state)
{
	struct dedup_opts *o = state;
	struct sift_error err = SIFT_ERROR_INIT;
	int r = 0;

	switch (o->mode) {
	case MODE_STREAM: r = sift_dedup_stream(o->d, rec, &err); break;
	case MODE_SPOOL: r = sift_dedup_spool(o->d, rec, &err) < 0 ? -1 : 1; break;
	case MODE_APPLY: r = sift_dedup_apply(o->d, rec, &err); break;
	case MODE_KEYS:
		sift_buf_reset(&o->line);
		r = sift_dedup_emit_key(o->d, rec, &o->line, &err);
		if (r == 0)
			sift_run_emit_line(run, o->line.data, o->line.len);
		r = r < 0 ? -1 : 1;
		break;
	case MODE_CLUSTERS: break;
	}
	if (r < 0) {
		sift_run_fail(run, "%s", err.msg);
		return SIFT_REC_FAIL;
	}
	return r ? SIFT_REC_DROP : SIFT_REC_KEEP;
}

/* Closing counters (printed with --progress). */
static void
count(struct sift_run *run, const struct dedup_opts *o)
{
	const struct sift_dedup_stats *st = sift_dedup_stats(o->d);

	*sift_run_counter(run, o->o.mark || o->mode == MODE_CLUSTERS ?
	    "duplicates found" : "duplicates dropped") += st->duplicates;
	*sift_run_counter(run, "boilerplate lines found") += st->boilerplate;
	*sift_run_counter(run, "lines dropped") += st->lines_dropped;
	if (o->mode != MODE_KEYS && o->mode != MODE_APPLY && st->records)
		*sift_run_counter(run, "index bytes per record") +=
		    st->index_bytes / st->records;
}

static int
on_end(struct sift_run *run, void *state)
{
	struct dedup_opts *o = state;
	struct sift_error err = SIFT_ERROR_INIT;

	if (o->mode == MODE_SPOOL &&
	    sift_dedup_spool_finish(o->d, emit_record, run, &err) < 0) {
		sift_run_fail(run, "%s", err.msg);
		return -1;
	}
	count(run, o);
	return 0;
}

/* --clusters: the input is key lines, not records. */
static int
reduce(struct dedup_opts *o, char **paths, size_t npaths)
{
	struct sift_run *run = sift_run_begin(&o->common, paths, npaths);
	struct sift_input *in = sift_run_input(run);
	struct sift_error err = SIFT_ERROR_INIT;
	const char *line;
	size_t len;
	int r;

	while ((r = sift_input_getline(in, &line, &len, &err)) != 0) {
		if (r < 0 || (len > 0 && sift_dedup_reduce_line(o->d, line, len, emit_line, run, &err) < 0)) {
			if (r > 0)
				sift_warn("%s:%zu: %s", sift_input_name(in),
				    sift_input_lineno(in), err.msg);
			else
				sift_warn("%s", err.msg);
			return sift_run_finish(run, SIFT_EXIT_DATA);
		}
		sift_run_note(run, 1, 0);
	}
	if (sift_dedup_reduce_finish(o->d, emit_line, run, &err) < 0) {
		sift_warn("%s", err.msg);
		return sift_run_finish(run, SIFT_EXIT_DATA);
	}
	count(run, o);
	return sift_run_finish(run, SIFT_EXIT_OK);
}

static void
load_plan(struct dedup_opts *o)
{
	struct sift_input *in = sift_input_new((char *const[]){ (char *)o->plan }, 1);
	struct sift_error err = SIFT_ERROR_INIT;
	const char *line;
	size_t len;
	int r;

	while ((r = sift_input_getline(in, &line, &len, &err)) != 0) {
		if (r < 0)
			sift_die("%s", err.msg);
		if (len > 0 && sift_dedup_plan_line(o->d, line, len, &err) < 0)
			sift_die("%s:%zu: %s", o->plan, sift_input_lineno(in), err.msg);
	}
	sift_input_free(in);
}

static void
parse_shingle(struct sift_dedup_opts *d, const char *arg)
{
	const char *colon = strchr(arg, ':');
	size_t kind = colon ? (size_t)(colon - arg) : strlen(arg);

	if (kind == 4 && strncmp(arg, "char", 4) == 0) {
		d->shingle = SIFT_SHINGLE_CHAR;
		d->shingle_size = 5;
	} else if (kind == 4 && strncmp(arg, "word", 4) == 0) {
		d->shingle = SIFT_SHINGLE_WORD;
		d->shingle_size = 3;
	} else {
		sift_die_usage("invalid --shingle value: %s (want char:N or word:N)", arg);
	}
	if (colon)
		d->shingle_size = (int)sift_parse_int(colon + 1, 1, 32, "--shingle");
}

int
main(int argc, char *argv[])
{
	struct dedup_opts o = { SIFT_COMMON_INIT, SIFT_DEDUP_OPTS_INIT,
	    MODE_STREAM, NULL, NULL, SIFT_BUF_INIT };
	struct sift_run_spec spec = { on_record, on_end, &o };
	int opt, status, bands = 0, rows = 0, sharded = 0;

	sift_cli_init("sift-dedup", synopsis, help);
	while ((opt = getopt_long(argc, argv, SIFT_COMMON_SHORTOPTS "t:", longopts,
	    NULL)) != -1) {
		if (sift_common_option(&o.common, opt, optarg))
			continue;
		switch (opt) {
		case OPT_EXACT: o.o.exact_only = 1; break;
		case OPT_LOOSE: o.o.loose = 1; break;
		case OPT_SHINGLE: parse_shingle(&o.o, optarg); break;
		case 't': o.o.threshold = sift_parse_double(optarg, 0.01, 1, "--threshold"); break;
		case OPT_BANDS: bands = (int)sift_parse_int(optarg, 1, SIFT_MINHASH_K, "--bands"); break;
		case OPT_ROWS: rows = (int)sift_parse_int(optarg, 1, SIFT_MINHASH_K, "--rows"); break;
		case OPT_KEEP:
			if (strcmp(optarg, "first") == 0)
				o.o.keep_longest = 0;
			else if (strcmp(optarg, "longest") == 0)
				o.o.keep_longest = 1;
			else
				sift_die_usage("invalid --keep value: %s (want first or longest)", optarg);
			break;
		case OPT_MARK: o.o.mark = 1; break;
		case OPT_TRANSITIVE: o.o.transitive = 1; break;
		case OPT_LINES: o.o.lines_min = (long)sift_parse_int(optarg, 2, 1L << 30, "--lines"); break;
		case OPT_SENTENCES: o.o.sentences = 1; break;
		case OPT_EMIT_KEYS: o.mode = MODE_KEYS; sharded++; break;
		case OPT_CLUSTERS: o.mode = MODE_CLUSTERS; sharded++; break;
		case OPT_APPLY: o.mode = MODE_APPLY; o.plan = optarg; sharded++; break;
		case OPT_SHARD: o.o.shard = (long)sift_parse_int(optarg, 0, SIFT_DEDUP_MAX_SHARD, "--shard"); break;
		default: sift_die_usage(NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (sharded > 1)
		sift_die_usage("--emit-keys, --clusters and --apply exclude each other");
	if ((bands == 0) != (rows == 0))
		sift_die_usage("--bands and --rows go together");
	if (bands && bands * rows > SIFT_MINHASH_K)
		sift_die_usage("--bands times --rows must not exceed %d", SIFT_MINHASH_K);
	if (o.o.sentences && o.o.lines_min == 0)
		sift_die_usage("--sentences needs --lines");
	if (bands) {
		o.o.bands = bands;
		o.o.rows = rows;
	} else {
		sift_lsh_params(o.o.threshold, 9, &o.o.bands, &o.o.rows);
	}
	/* a passed-through record would end up among the key lines */
	if (o.mode == MODE_KEYS && o.common.on_error == SIFT_ON_ERROR_PASS)
		o.common.on_error = SIFT_ON_ERROR_SKIP;
	o.o.field = o.common.field;
	o.o.id_field = o.common.id_field;
	if (o.mode == MODE_STREAM && !sift_dedup_streams(&o.o))
		o.mode = MODE_SPOOL;
	o.d = sift_dedup_new(&o.o);
	if (o.mode == MODE_APPLY)
		load_plan(&o);
	if (o.mode == MODE_CLUSTERS)
		status = reduce(&o, argv, (size_t)argc);
	else
		status = sift_run(&o.common, argv, (size_t)argc, &spec);
	sift_dedup_free(o.d);
	sift_buf_release(&o.line);
	return status;
}
