/*
 * eval-numdate.c - score lib/numbers.c and lib/dates.c against gold data.
 * Built and run by scripts/eval-numdate; see its header for usage.
 *
 * Two kinds of gold:
 *
 *   --gold FILE   our own annotations, one sentence per line:
 *       {"id", "doc_date": "2025-03-14", "text",
 *        "numbers": [{"text", "value", "unit"}], "dates": [{"text", "value"}]}
 *     Gold items are located in the text in order (the first occurrence
 *     after the previous item of the same kind).  Scores: span precision,
 *     recall and F1 (exact byte span, and overlap), value accuracy on the
 *     matched spans (number: value and unit; date: the ISO string) and the
 *     end-to-end "correct value" rate = matched with the right value / gold.
 *
 *   --klue FILE   ../shared/data/ko_ner_klue (KLUE-NER dev): QT, DT and TI
 *     spans.  Our output is mapped to its labels: numbers -> QT; dates ->
 *     DT, except clock times and hour/minute/second durations -> TI; a
 *     date with a time ("14일 오후 8시") gives a DT span for the date part
 *     and a TI span for the time part, as KLUE labels them.  Scored by
 *     exact span and by overlap (one-to-one, same label).
 *
 *   --bench FILE  speed: both finders over every line of FILE (the "text"
 *     member of NDJSON lines, else the raw line), repeated until 50 MB have
 *     passed; prints MB/s of CPU time and of wall time.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dates.h"
#include "numbers.h"

struct span {
	size_t s, e;
	int type;		/* 0 QT, 1 DT, 2 TI */
	int used;
	double value;
	char str[64];		/* unit (numbers) or ISO value (dates) */
};

struct spans {
	struct span *v;
	size_t n, cap;
};

static void
add(struct spans *a, size_t s, size_t e, int type, double value,
    const char *str)
{
	struct span *x;

	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = realloc(a->v, a->cap * sizeof(*a->v));
		if (a->v == NULL)
			abort();
	}
	x = &a->v[a->n++];
	x->s = s;
	x->e = e;
	x->type = type;
	x->used = 0;
	x->value = value;
	snprintf(x->str, sizeof(x->str), "%s", str ? str : "");
}

struct score {
	long gold, pred, exact, overlap, value_ok;
};

static int verbose;
static const char *const type_name[] = { "QT", "DT", "TI" };

/* Match pred to gold one-to-one: exact spans first, then overlaps. */
static void
match(const char *text, struct spans *gold, struct spans *pred,
    struct score *sc, int numeric, const char *id)
{
	size_t i, j;

	for (i = 0; i < gold->n; i++)
		gold->v[i].used = 0;
	for (j = 0; j < pred->n; j++)
		pred->v[j].used = 0;
	for (i = 0; i < gold->n; i++) {
		struct span *g = &gold->v[i];

		sc[g->type].gold++;
		for (j = 0; j < pred->n; j++) {
			struct span *p = &pred->v[j];

			if (!p->used && p->type == g->type && p->s == g->s &&
			    p->e == g->e) {
				p->used = (int)i + 1;
				g->used = (int)j + 1;
				sc[g->type].exact++;
				break;
			}
		}
	}
	for (i = 0; i < gold->n; i++) {
		struct span *g = &gold->v[i];

		if (g->used)
			continue;
		for (j = 0; j < pred->n; j++) {
			struct span *p = &pred->v[j];

			if (!p->used && p->type == g->type && p->s < g->e &&
			    g->s < p->e) {
				p->used = (int)i + 1;
				g->used = (int)j + 1;
				break;
			}
		}
	}
	for (j = 0; j < pred->n; j++)
		sc[pred->v[j].type].pred++;
	for (i = 0; i < gold->n; i++) {
		struct span *g = &gold->v[i], *p;
		int ok;

		if (!g->used) {
			if (verbose)
				printf("%s\tMISS %s\t%.*s\t%s\n", id,
				    type_name[g->type], (int)(g->e - g->s),
				    text + g->s, g->str);
			continue;
		}
		sc[g->type].overlap++;
		p = &pred->v[g->used - 1];
		if (numeric < 0)
			ok = 1;		/* KLUE has no values */
		else if (numeric)
			ok = fabs(p->value - g->value) <= 1e-9 *
			    fmax(1, fabs(g->value)) && strcmp(p->str,
			    g->str) == 0;
		else
			ok = strcmp(p->str, g->str) == 0;
		sc[g->type].value_ok += ok;
		if (verbose && (!ok || p->s != g->s || p->e != g->e))
			printf("%s\t%s %s\t%.*s\t%.17g %s\tgot %.*s\t%.17g %s\n",
			    id, ok ? "SPAN" : "VALUE", type_name[g->type],
			    (int)(g->e - g->s), text + g->s, g->value, g->str,
			    (int)(p->e - p->s), text + p->s, p->value, p->str);
	}
	if (verbose)
		for (j = 0; j < pred->n; j++)
			if (!pred->v[j].used)
				printf("%s\tFALSE %s\t%.*s\t%.17g %s\n", id,
				    type_name[pred->v[j].type],
				    (int)(pred->v[j].e - pred->v[j].s),
				    text + pred->v[j].s, pred->v[j].value,
				    pred->v[j].str);
}

static void
report(const char *what, const struct score *s, int values)
{
	double pe = s->pred ? (double)s->exact / s->pred : 0;
	double re = s->gold ? (double)s->exact / s->gold : 0;
	double po = s->pred ? (double)s->overlap / s->pred : 0;
	double ro = s->gold ? (double)s->overlap / s->gold : 0;

	printf("%-8s gold %5ld  found %5ld  exact P %.3f R %.3f F1 %.3f  "
	    "overlap P %.3f R %.3f F1 %.3f", what, s->gold, s->pred, pe, re,
	    pe + re > 0 ? 2 * pe * re / (pe + re) : 0, po, ro,
	    po + ro > 0 ? 2 * po * ro / (po + ro) : 0);
	if (values)
		printf("  value acc %.3f  correct-value recall %.3f",
		    s->overlap ? (double)s->value_ok / s->overlap : 0,
		    s->gold ? (double)s->value_ok / s->gold : 0);
	printf("\n");
}

/* Our dates as KLUE labels (see the header comment). */
static void
dates_as_klue(const char *text, const struct sift_dates *d,
    struct spans *pred)
{
	size_t k, ds;

	(void)text;
	for (k = 0; k < d->n; k++) {
		const struct sift_date *x = &d->v[k];

		if (x->flags & SIFT_DATE_TIME_ONLY) {
			add(pred, x->start, x->end, 2, 0, x->value);
		} else if ((x->flags & SIFT_DATE_DURATION) &&
		    strchr(x->value, 'T') != NULL) {
			add(pred, x->start, x->end, 2, 0, x->value);
		} else if (x->time_start < x->end) {
			ds = x->time_start;
			while (ds > x->start && text[ds - 1] == ' ')
				ds--;
			add(pred, x->start, ds, 1, 0, x->value);
			add(pred, x->time_start, x->end, 2, 0, x->value);
		} else {
			add(pred, x->start, x->end, 1, 0, x->value);
		}
	}
}

static int
eval_klue(const char *path, const char *source)
{
	struct sift_numbers nums = SIFT_NUMBERS_INIT;
	struct sift_dates dates = SIFT_DATES_INIT;
	struct spans gold = { 0 }, pred = { 0 };
	struct score sc[3];
	char *line = NULL;
	size_t cap = 0, k, nsent = 0;
	ssize_t len;
	FILE *f = fopen(path, "r");

	if (f == NULL) {
		perror(path);
		return 1;
	}
	memset(sc, 0, sizeof(sc));
	while ((len = getline(&line, &cap, f)) > 0) {
		json_error_t err;
		json_t *rec = json_loadb(line, (size_t)len, 0, &err), *ents, *e;
		const char *text, *src, *id;
		size_t tlen, i;

		if (rec == NULL)
			continue;
		src = json_string_value(json_object_get(rec, "source"));
		if (strcmp(source, "all") != 0 && (src == NULL ||
		    strcmp(src, source) != 0)) {
			json_decref(rec);
			continue;
		}
		text = json_string_value(json_object_get(rec, "text"));
		tlen = json_string_length(json_object_get(rec, "text"));
		id = json_string_value(json_object_get(rec, "id"));
		gold.n = pred.n = 0;
		ents = json_object_get(rec, "entities");
		json_array_foreach(ents, i, e) {
			const char *t = json_string_value(json_object_get(e,
			    "type"));
			int type = -1;

			if (t == NULL)
				continue;
			if (strcmp(t, "QT") == 0)
				type = 0;
			else if (strcmp(t, "DT") == 0)
				type = 1;
			else if (strcmp(t, "TI") == 0)
				type = 2;
			if (type < 0)
				continue;
			add(&gold, (size_t)json_integer_value(json_object_get(e,
			    "bstart")), (size_t)json_integer_value(
			    json_object_get(e, "bend")), type, 0, "");
		}
		sift_find_numbers(text, tlen, &nums);
		for (k = 0; k < nums.n; k++)
			add(&pred, nums.v[k].start, nums.v[k].end, 0,
			    nums.v[k].value, nums.v[k].unit);
		sift_find_dates(text, tlen, NULL, &dates);
		dates_as_klue(text, &dates, &pred);
		match(text, &gold, &pred, sc, -1, id ? id : "?");
		nsent++;
		json_decref(rec);
	}
	fclose(f);
	printf("# KLUE-NER dev, source %s: %zu sentences; spans in bytes; "
	    "exact = same start and end, overlap = one-to-one, any shared "
	    "byte\n", source, nsent);
	report("QT", &sc[0], 0);
	report("DT", &sc[1], 0);
	report("TI", &sc[2], 0);
	free(line);
	free(gold.v);
	free(pred.v);
	sift_numbers_release(&nums);
	sift_dates_release(&dates);
	return 0;
}

/* Locate gold item text after *from in text; adds it with its value. */
static int
locate(const char *text, size_t tlen, json_t *item, int type, size_t *from,
    struct spans *gold, int numeric)
{
	const char *t = json_string_value(json_object_get(item, "text"));
	size_t l, i;
	char num[64];

	if (t == NULL)
		return -1;
	l = strlen(t);
	for (i = *from; i + l <= tlen; i++) {
		if (memcmp(text + i, t, l) == 0) {
			if (numeric) {
				json_t *v = json_object_get(item, "value");
				const char *u = json_string_value(
				    json_object_get(item, "unit"));

				add(gold, i, i + l, type, json_number_value(v),
				    u ? u : "");
			} else {
				const char *v = json_string_value(
				    json_object_get(item, "value"));

				add(gold, i, i + l, type, 0, v ? v : "");
			}
			*from = i + 1;
			return 0;
		}
	}
	(void)num;
	return -1;
}

static int
eval_gold(const char *path)
{
	struct sift_numbers nums = SIFT_NUMBERS_INIT;
	struct sift_dates dates = SIFT_DATES_INIT;
	struct spans gold = { 0 }, pred = { 0 };
	struct score sn[3], sd[3];
	char *line = NULL;
	size_t cap = 0, k, nsent = 0, lineno = 0;
	ssize_t len;
	int bad = 0;
	FILE *f = fopen(path, "r");

	if (f == NULL) {
		perror(path);
		return 1;
	}
	memset(sn, 0, sizeof(sn));
	memset(sd, 0, sizeof(sd));
	while ((len = getline(&line, &cap, f)) > 0) {
		json_error_t err;
		json_t *rec, *arr, *e;
		const char *text, *id, *dd;
		struct sift_ymd doc = { 0, 0, 0, -1, 0 };
		size_t tlen, i, from;

		lineno++;
		if (len <= 1)
			continue;
		rec = json_loadb(line, (size_t)len, 0, &err);
		if (rec == NULL) {
			fprintf(stderr, "eval-numdate: %s:%zu: %s\n", path,
			    lineno, err.text);
			bad = 1;
			continue;
		}
		text = json_string_value(json_object_get(rec, "text"));
		tlen = json_string_length(json_object_get(rec, "text"));
		id = json_string_value(json_object_get(rec, "id"));
		if (id == NULL)
			id = "?";
		dd = json_string_value(json_object_get(rec, "doc_date"));
		if (dd != NULL)
			sift_parse_date(dd, strlen(dd), NULL, &doc);

		gold.n = pred.n = 0;
		from = 0;
		arr = json_object_get(rec, "numbers");
		json_array_foreach(arr, i, e)
			if (locate(text, tlen, e, 0, &from, &gold, 1) != 0) {
				fprintf(stderr, "eval-numdate: %s:%zu: number "
				    "%zu not found in text\n", path, lineno, i);
				bad = 1;
			}
		sift_find_numbers(text, tlen, &nums);
		for (k = 0; k < nums.n; k++)
			add(&pred, nums.v[k].start, nums.v[k].end, 0,
			    nums.v[k].value, nums.v[k].unit);
		match(text, &gold, &pred, sn, 1, id);

		gold.n = pred.n = 0;
		from = 0;
		arr = json_object_get(rec, "dates");
		json_array_foreach(arr, i, e)
			if (locate(text, tlen, e, 1, &from, &gold, 0) != 0) {
				fprintf(stderr, "eval-numdate: %s:%zu: date "
				    "%zu not found in text\n", path, lineno, i);
				bad = 1;
			}
		sift_find_dates(text, tlen, dd ? &doc : NULL, &dates);
		for (k = 0; k < dates.n; k++)
			add(&pred, dates.v[k].start, dates.v[k].end, 1, 0,
			    dates.v[k].value);
		match(text, &gold, &pred, sd, 0, id);
		nsent++;
		json_decref(rec);
	}
	fclose(f);
	printf("# %s: %zu sentences\n", path, nsent);
	report("numbers", &sn[0], 1);
	report("dates", &sd[1], 1);
	free(line);
	free(gold.v);
	free(pred.v);
	sift_numbers_release(&nums);
	sift_dates_release(&dates);
	return bad;
}

static double
seconds(clockid_t clk)
{
	struct timespec t;

	clock_gettime(clk, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static int
bench(const char *path)
{
	struct sift_numbers nums = SIFT_NUMBERS_INIT;
	struct sift_dates dates = SIFT_DATES_INIT;
	const struct sift_ymd doc = { 2025, 3, 14, -1, 0 };
	char **lines = NULL, *line = NULL;
	size_t *lens = NULL, nl = 0, cap = 0, k, found = 0;
	double bytes = 0, per_pass = 0, c0, w0, c1, w1;
	ssize_t len;
	FILE *f = fopen(path, "r");

	if (f == NULL) {
		perror(path);
		return 1;
	}
	while ((len = getline(&line, &cap, f)) > 0) {
		json_t *rec = NULL;
		const char *t = line;
		size_t tl = (size_t)len;

		if (line[0] == '{' && (rec = json_loadb(line, (size_t)len, 0,
		    NULL)) != NULL && json_is_string(json_object_get(rec,
		    "text"))) {
			t = json_string_value(json_object_get(rec, "text"));
			tl = json_string_length(json_object_get(rec, "text"));
		}
		lines = realloc(lines, (nl + 1) * sizeof(*lines));
		lens = realloc(lens, (nl + 1) * sizeof(*lens));
		if (lines == NULL || lens == NULL || (lines[nl] = malloc(tl +
		    1)) == NULL)
			abort();
		memcpy(lines[nl], t, tl);
		lens[nl++] = tl;
		per_pass += (double)tl;
		json_decref(rec);
	}
	fclose(f);
	free(line);
	if (per_pass == 0)
		return 1;
	c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
	w0 = seconds(CLOCK_MONOTONIC);
	while (bytes < 50e6) {
		for (k = 0; k < nl; k++) {
			found += sift_find_numbers(lines[k], lens[k], &nums);
			found += sift_find_dates(lines[k], lens[k], &doc,
			    &dates);
		}
		bytes += per_pass;
	}
	c1 = seconds(CLOCK_PROCESS_CPUTIME_ID);
	w1 = seconds(CLOCK_MONOTONIC);
	printf("# bench %s: %.1f MB (%.2f MB x %.0f passes), %zu items\n",
	    path, bytes / 1e6, per_pass / 1e6, bytes / per_pass, found);
	printf("numbers+dates: %.1f MB/s CPU time, %.1f MB/s wall time\n",
	    bytes / 1e6 / (c1 - c0), bytes / 1e6 / (w1 - w0));
	for (k = 0; k < nl; k++)
		free(lines[k]);
	free(lines);
	free(lens);
	sift_numbers_release(&nums);
	sift_dates_release(&dates);
	return 0;
}

int
main(int argc, char *argv[])
{
	const char *source = "wikitree";
	int i, rc = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0) {
			verbose = 1;
		} else if (strcmp(argv[i], "--source") == 0 && i + 1 < argc) {
			source = argv[++i];
		} else if (strcmp(argv[i], "--klue") == 0 && i + 1 < argc) {
			rc |= eval_klue(argv[++i], source);
		} else if (strcmp(argv[i], "--gold") == 0 && i + 1 < argc) {
			rc |= eval_gold(argv[++i]);
		} else if (strcmp(argv[i], "--bench") == 0 && i + 1 < argc) {
			rc |= bench(argv[++i]);
		} else {
			fprintf(stderr, "usage: eval-numdate [-v] [--source "
			    "wikitree|nsmc|all] [--klue FILE] [--gold FILE]"
			    " [--bench FILE]...\n");
			return 2;
		}
	}
	return rc;
}
