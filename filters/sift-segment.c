/*
 * sift-segment - split each record's text into sentences.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "segment.h"

static const char synopsis[] =
"usage: sift-segment [--offsets] [--explode [--keep FIELD]...] [--no-line-breaks]\n"
"                    [--no-ko-endings] [options] [file ...]";

static const char help[] =
"NAME\n"
"  sift-segment - split each record's text into sentences\n"
"\n"
"SYNOPSIS\n"
"  sift-segment [--offsets] [--no-line-breaks] [--no-ko-endings] [options] [file ...]\n"
"  sift-segment --explode [--keep FIELD]... [options] [file ...]\n"
"\n"
"  Adds \"sentences\", the sentences of the text field in order, to every\n"
"  record.  Korean, English and CJK (。！？) are handled: quotes and brackets\n"
"  stay whole, numbers (2.5배, 2024.03.14), versions, abbreviations (U.S.,\n"
"  Dr.), URLs and e-mail addresses are not cut, and Korean sentences end at\n"
"  a sentence-final ending (했다, 했어요, 하죠) even without punctuation or a\n"
"  space (늘었다.이에).  A line break ends a sentence.  A record whose field\n"
"  is missing or not a string is a bad record (see --on-error).\n"
"\n"
"OPTIONS\n"
"      --offsets         also add \"spans\": [start, end] code-point offsets of\n"
"                        each sentence in the text (end exclusive)\n"
"      --explode         write one record per sentence instead of one per\n"
"                        document: {\"id\": \"<doc id>#<n>\", \"doc_id\", \"n\",\n"
"                        \"text\"} (n from 1; with --offsets also \"span\")\n"
"      --keep FIELD      (--explode) copy FIELD of the document into each\n"
"                        sentence record; repeatable\n"
"      --no-line-breaks  a single line break is a space (hard-wrapped text);\n"
"                        only a blank line ends a paragraph\n"
"      --no-ko-endings   end Korean sentences only at punctuation and line\n"
"                        breaks, not at endings such as 했다 before a space\n"
SIFT_COMMON_HELP
"\n"
SIFT_EXIT_HELP
"\n"
"EXAMPLES\n"
"  sift-ingest news/*.txt | sift-clean | sift-segment --offsets\n"
"  sift-segment --explode --keep source docs.ndjson | sift-dedup --lines\n";

enum {
	OPT_OFFSETS = SIFT_OPT_FIRST_FILTER,
	OPT_EXPLODE,
	OPT_KEEP,
	OPT_NO_LINE_BREAKS,
	OPT_NO_KO_ENDINGS
};

static const struct option longopts[] = {
	SIFT_COMMON_LONGOPTS,
	{ "offsets", no_argument, NULL, OPT_OFFSETS },
	{ "explode", no_argument, NULL, OPT_EXPLODE },
	{ "keep", required_argument, NULL, OPT_KEEP },
	{ "no-line-breaks", no_argument, NULL, OPT_NO_LINE_BREAKS },
	{ "no-ko-endings", no_argument, NULL, OPT_NO_KO_ENDINGS },
	{ NULL, 0, NULL, 0 }
};

struct segment_opts {
	struct sift_common common;
	struct sift_segment_opts seg;
	int offsets, explode;
	const char **keep;
	size_t nkeep;
	/* reused across records */
	struct sift_buf text, json, id, tmp;
	struct sift_spans spans, cps;
	struct sift_record out;
	unsigned long long *nsentences;	/* the --progress summary counter */
};

/* Append "[a,b]" without printf: this runs once per sentence. */
static void
put_span(struct sift_buf *b, size_t start, size_t end)
{
	char num[48];
	size_t v, n, i;

	sift_buf_addc(b, '[');
	for (i = 0; i < 2; i++) {
		v = i == 0 ? start : end;
		n = sizeof(num);
		do {
			num[--n] = (char)('0' + v % 10);
			v /= 10;
		} while (v);
		sift_buf_add(b, num + n, sizeof(num) - n);
		sift_buf_addc(b, i == 0 ? ',' : ']');
	}
}

/* Emit one record per sentence of the document rec. */
static void
explode(struct sift_run *run, struct segment_opts *o,
    const struct sift_record *rec, const struct sift_spans *bytes,
    const struct sift_spans *cps)
{
	const char *raw;
	size_t i, k, len;

	sift_buf_reset(&o->id);
	if (sift_record_get_string(rec, o->common.id_field, &o->id) != 1) {
		sift_buf_reset(&o->id);
		sift_buf_addf(&o->id, "%s:%zu", sift_run_name(run),
		    sift_run_lineno(run));
	}
	for (i = 0; i < bytes->n; i++) {
		sift_record_clear(&o->out);
		sift_buf_reset(&o->tmp);
		sift_buf_addf(&o->tmp, "%s#%zu", o->id.data, i + 1);
		sift_record_set_string(&o->out, o->common.id_field, o->tmp.data,
		    o->tmp.len);
		sift_record_set_string(&o->out, "doc_id", o->id.data, o->id.len);
		sift_record_set_int(&o->out, "n", (long long)(i + 1));
		sift_record_set_string(&o->out, o->common.field,
		    o->text.data + bytes->v[i].start,
		    bytes->v[i].end - bytes->v[i].start);
		if (cps != NULL) {
			sift_buf_reset(&o->tmp);
			put_span(&o->tmp, cps->v[i].start, cps->v[i].end);
			sift_record_set_raw(&o->out, "span", o->tmp.data, o->tmp.len);
		}
		for (k = 0; k < o->nkeep; k++) {
			raw = sift_record_raw(rec, o->keep[k], &len);
			if (raw != NULL)
				sift_record_set_raw(&o->out, o->keep[k], raw, len);
		}
		sift_run_emit(run, &o->out);
	}
}

static int
segment_record(struct sift_run *run, struct sift_record *rec, void *state)
{
	struct segment_opts *o = state;
	size_t i;
	int r;

	r = sift_record_get_string(rec, o->common.field, &o->text);
	if (r == 0) {
		sift_run_fail(run, "missing field \"%s\"", o->common.field);
		return SIFT_REC_FAIL;
	}
	if (r < 0) {
		sift_run_fail(run, "field \"%s\" is not a string", o->common.field);
		return SIFT_REC_FAIL;
	}
	sift_segment(o->text.data, o->text.len, &o->seg, &o->spans);
	if (o->nsentences == NULL)
		o->nsentences = sift_run_counter(run, "sentences");
	*o->nsentences += o->spans.n;
	if (o->offsets) {
		/* code-point offsets in a copy: the sentences still need
		 * the byte spans */
		o->cps.n = 0;
		for (i = 0; i < o->spans.n; i++)
			sift_spans_push(&o->cps, o->spans.v[i].start,
			    o->spans.v[i].end);
		sift_spans_to_codepoints(o->text.data, &o->cps);
	}
	if (o->explode) {
		explode(run, o, rec, &o->spans, o->offsets ? &o->cps : NULL);
		return SIFT_REC_DROP;
	}
	sift_buf_reset(&o->json);
	sift_buf_addc(&o->json, '[');
	for (i = 0; i < o->spans.n; i++) {
		if (i)
			sift_buf_addc(&o->json, ',');
		sift_json_put_string(&o->json, o->text.data + o->spans.v[i].start,
		    o->spans.v[i].end - o->spans.v[i].start);
	}
	sift_buf_addc(&o->json, ']');
	sift_record_set_raw(rec, "sentences", o->json.data, o->json.len);
	if (o->offsets) {
		sift_buf_reset(&o->json);
		sift_buf_addc(&o->json, '[');
		for (i = 0; i < o->cps.n; i++) {
			if (i)
				sift_buf_addc(&o->json, ',');
			put_span(&o->json, o->cps.v[i].start, o->cps.v[i].end);
		}
		sift_buf_addc(&o->json, ']');
		sift_record_set_raw(rec, "spans", o->json.data, o->json.len);
	}
	return SIFT_REC_KEEP;
}

int
main(int argc, char **argv)
{
	struct segment_opts o = {
		.common = SIFT_COMMON_INIT,
		.seg = SIFT_SEGMENT_OPTS_INIT,
		.text = SIFT_BUF_INIT, .json = SIFT_BUF_INIT,
		.id = SIFT_BUF_INIT, .tmp = SIFT_BUF_INIT,
		.spans = SIFT_SPANS_INIT, .cps = SIFT_SPANS_INIT, .out = SIFT_RECORD_INIT
	};
	struct sift_run_spec spec = { segment_record, NULL, &o };
	int opt, status;

	sift_cli_init("sift-segment", synopsis, help);
	while ((opt = getopt_long(argc, argv, SIFT_COMMON_SHORTOPTS, longopts,
	    NULL)) != -1) {
		if (sift_common_option(&o.common, opt, optarg))
			continue;
		switch (opt) {
		case OPT_OFFSETS:
			o.offsets = 1;
			break;
		case OPT_EXPLODE:
			o.explode = 1;
			break;
		case OPT_KEEP:
			o.keep = sift_xrealloc(o.keep, (o.nkeep + 1) * sizeof(*o.keep));
			o.keep[o.nkeep++] = optarg;
			break;
		case OPT_NO_LINE_BREAKS:
			o.seg.newline_breaks = 0;
			break;
		case OPT_NO_KO_ENDINGS:
			o.seg.ko_endings = 0;
			break;
		default:
			sift_die_usage("unknown option");
		}
	}
	if (o.nkeep > 0 && !o.explode)
		sift_die_usage("--keep needs --explode");
	argc -= optind;
	argv += optind;
	status = sift_run(&o.common, argv, (size_t)argc, &spec);
	sift_buf_release(&o.text);
	sift_buf_release(&o.json);
	sift_buf_release(&o.id);
	sift_buf_release(&o.tmp);
	sift_spans_release(&o.spans);
	sift_spans_release(&o.cps);
	sift_record_release(&o.out);
	free(o.keep);
	return status;
}
