#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "hash.h"
#include "segment.h"
#include "textvec.h"
#include "utf8.h"

/* ---- histogram ---- */

size_t
sift_hist_bucket(uint64_t v)
{
	int e;

	if (v < 64)
		return (size_t)v;
	e = 63 - __builtin_clzll(v);		/* e >= 6 */
	return 64 + (size_t)(e - 6) * 16 + (size_t)((v >> (e - 4)) & 15);
}

uint64_t
sift_hist_bucket_low(size_t i)
{
	size_t e, sub;

	if (i < 64)
		return i;
	e = (i - 64) / 16 + 6;
	sub = (i - 64) % 16;
	return (uint64_t)(16 + sub) << (e - 4);
}

/* Width of bucket i (values in it: low .. low + width - 1). */
static uint64_t
bucket_width(size_t i)
{
	return i < 64 ? 1 : (uint64_t)1 << ((i - 64) / 16 + 2);
}

void
sift_hist_add(struct sift_hist *h, uint64_t v)
{
	if (h->count == 0 || v < h->min)
		h->min = v;
	if (h->count == 0 || v > h->max)
		h->max = v;
	h->count++;
	h->sum += v;
	h->b[sift_hist_bucket(v)]++;
}

uint64_t
sift_hist_quantile(const struct sift_hist *h, double q)
{
	uint64_t rank, seen = 0, v;
	size_t i;

	if (h->count == 0)
		return 0;
	if (q < 0.0)
		q = 0.0;
	if (q > 1.0)
		q = 1.0;
	rank = (uint64_t)ceil(q * (double)h->count - 1e-9);
	if (rank <= 1)
		return h->min;
	if (rank >= h->count)
		return h->max;
	for (i = 0; i < SIFT_HIST_BUCKETS; i++) {
		seen += h->b[i];
		if (seen >= rank)
			break;
	}
	if (i == SIFT_HIST_BUCKETS)
		return h->max;
	v = sift_hist_bucket_low(i) + (bucket_width(i) - 1) / 2;
	if (v < h->min)
		v = h->min;
	if (v > h->max)
		v = h->max;
	return v;
}

/* ---- scripts ---- */

static const char *const script_names[SIFT_SCRIPT_COUNT] = {
	"hangul", "latin", "han", "kana", "cyrillic", "other"
};

const char *
sift_script_name(enum sift_script s)
{
	return (unsigned)s < SIFT_SCRIPT_COUNT ? script_names[s] : "?";
}

/* The script class of a non-ASCII code point, or -1 if not a letter. */
static int
script_of(int32_t cp)
{
	utf8proc_category_t cat;

	if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
	    (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
	    (cp >= 0xD7B0 && cp <= 0xD7FF))
		return SIFT_SCRIPT_HANGUL;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F))
		return SIFT_SCRIPT_HAN;
	if ((cp >= 0x3040 && cp <= 0x30FF && cp != 0x30FB) ||
	    (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9F))
		return SIFT_SCRIPT_KANA;
	if (cp >= 0x0400 && cp <= 0x052F)
		return SIFT_SCRIPT_CYRILLIC;
	if ((cp >= 0x00C0 && cp <= 0x024F && cp != 0xD7 && cp != 0xF7) ||
	    (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A))
		return SIFT_SCRIPT_LATIN;
	cat = utf8proc_category(cp);
	if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
		return SIFT_SCRIPT_OTHER;
	return -1;
}

size_t
sift_script_count(const char *s, size_t n, uint64_t *counts,
    uint64_t *replacements)
{
	size_t i = 0, cps = 0;
	uint64_t latin = 0;
	int32_t cp;
	int last = -1, sc;
	int32_t lastcp = -1;

	while (i < n) {
		unsigned char b = (unsigned char)s[i];

		if (b < 0x80) {
			latin += (unsigned)((b | 0x20) - 'a') < 26;
			i++;
			cps++;
			continue;
		}
		i += sift_textvec_decode(s + i, n - i, &cp);
		cps++;
		if (cp == 0xFFFD) {
			if (replacements)
				++*replacements;
			continue;
		}
		/* Hangul syllables are most of a Korean text: skip the lookup */
		if (cp >= 0xAC00 && cp <= 0xD7A3) {
			counts[SIFT_SCRIPT_HANGUL]++;
			continue;
		}
		if (cp == lastcp) {
			sc = last;
		} else {
			sc = script_of(cp);
			lastcp = cp;
			last = sc;
		}
		if (sc >= 0)
			counts[sc]++;
	}
	counts[SIFT_SCRIPT_LATIN] += latin;
	return cps;
}

/* ---- distinct counting: exact set, then HyperLogLog ---- */

#define HLL_P 14
#define HLL_M (1u << HLL_P)

static void
hll_add(unsigned char *hll, uint64_t h)
{
	size_t idx = (size_t)(h >> (64 - HLL_P));
	uint64_t w = (h << HLL_P) | ((uint64_t)1 << (HLL_P - 1));
	unsigned char rho = (unsigned char)(__builtin_clzll(w) + 1);

	if (rho > hll[idx])
		hll[idx] = rho;
}

static void
set_insert(struct sift_distinct *d, uint64_t h)
{
	size_t i, mask;

	if ((d->n + 1) * 2 > d->slots) {
		size_t old = d->slots, j;
		uint64_t *os = d->set;

		d->slots = old ? old * 2 : 1024;
		d->set = sift_xcalloc(d->slots, sizeof(*d->set));
		mask = d->slots - 1;
		for (j = 0; j < old; j++) {
			if (os[j] == 0)
				continue;
			for (i = os[j] & mask; d->set[i] != 0; i = (i + 1) & mask)
				;
			d->set[i] = os[j];
		}
		free(os);
	}
	mask = d->slots - 1;
	for (i = h & mask; d->set[i] != 0; i = (i + 1) & mask)
		if (d->set[i] == h)
			return;
	d->set[i] = h;
	d->n++;
}

void
sift_distinct_add(struct sift_distinct *d, uint64_t h)
{
	size_t i;

	h = sift_mix64(h);
	if (h == 0)
		h = 1;
	if (d->hll != NULL) {
		hll_add(d->hll, h);
		return;
	}
	set_insert(d, h);
	if (d->n > SIFT_STATS_EXACT_DISTINCT) {
		d->hll = sift_xcalloc(HLL_M, 1);
		for (i = 0; i < d->slots; i++)
			if (d->set[i] != 0)
				hll_add(d->hll, d->set[i]);
		free(d->set);
		d->set = NULL;
		d->slots = 0;
	}
}

uint64_t
sift_distinct_count(const struct sift_distinct *d)
{
	double sum = 0.0, est, m = HLL_M;
	size_t i, zeros = 0;

	if (d->hll == NULL)
		return d->n;
	for (i = 0; i < HLL_M; i++) {
		sum += ldexp(1.0, -(int)d->hll[i]);
		zeros += d->hll[i] == 0;
	}
	est = (0.7213 / (1.0 + 1.079 / m)) * m * m / sum;
	if (est <= 2.5 * m && zeros > 0)
		est = m * log(m / (double)zeros);
	return (uint64_t)(est + 0.5);
}

void
sift_distinct_release(struct sift_distinct *d)
{
	free(d->set);
	free(d->hll);
	memset(d, 0, sizeof(*d));
}

/* ---- top names ---- */

#define NAME_MAX_BYTES 120

struct topent {
	uint64_t h, count;
	unsigned len;
	char name[NAME_MAX_BYTES];
};

struct toptab {
	struct topent *e;	/* 2 * SIFT_STATS_TOP_CAPACITY */
	size_t n;
	uint32_t *idx;		/* entry + 1; 0 = empty */
	size_t slots;
	int pruned;
};

static int
cmp_top(const void *a, const void *b)
{
	const struct topent *x = a, *y = b;
	unsigned n = x->len < y->len ? x->len : y->len;
	int c;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	c = memcmp(x->name, y->name, n);
	if (c != 0)
		return c;
	return x->len < y->len ? -1 : x->len > y->len;
}

static void
top_reindex(struct toptab *t)
{
	size_t i, j, mask = t->slots - 1;

	memset(t->idx, 0, t->slots * sizeof(*t->idx));
	for (i = 0; i < t->n; i++) {
		for (j = t->e[i].h & mask; t->idx[j] != 0; j = (j + 1) & mask)
			;
		t->idx[j] = (uint32_t)(i + 1);
	}
}

/* Name n bytes long, cut at a code point boundary to fit. */
static size_t
fit_name(const char *s, size_t n)
{
	if (n <= NAME_MAX_BYTES)
		return n;
	n = NAME_MAX_BYTES;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

static void
top_add(struct toptab *t, const char *s, size_t n)
{
	uint64_t h;
	size_t j, mask;
	struct topent *e;

	n = fit_name(s, n);
	if (n == 0)
		return;
	if (t->e == NULL) {
		t->e = sift_xmalloc(2 * SIFT_STATS_TOP_CAPACITY * sizeof(*t->e));
		t->slots = 4 * SIFT_STATS_TOP_CAPACITY;
		t->idx = sift_xcalloc(t->slots, sizeof(*t->idx));
	}
	h = sift_hash64(s, n, 0x746f70);
	mask = t->slots - 1;
	for (j = h & mask; t->idx[j] != 0; j = (j + 1) & mask) {
		e = &t->e[t->idx[j] - 1];
		if (e->h == h && e->len == n && memcmp(e->name, s, n) == 0) {
			e->count++;
			return;
		}
	}
	if (t->n == 2 * SIFT_STATS_TOP_CAPACITY) {
		/* keep the more frequent half */
		qsort(t->e, t->n, sizeof(*t->e), cmp_top);
		t->n = SIFT_STATS_TOP_CAPACITY;
		t->pruned = 1;
		top_reindex(t);
		for (j = h & mask; t->idx[j] != 0; j = (j + 1) & mask)
			;
	}
	e = &t->e[t->n];
	e->h = h;
	e->count = 1;
	e->len = (unsigned)n;
	memcpy(e->name, s, n);
	t->idx[j] = (uint32_t)(++t->n);
}

static void
top_free(struct toptab *t)
{
	free(t->e);
	free(t->idx);
}

/* ---- the accumulator ---- */

enum { TOP_PEOPLE, TOP_ORGS, TOP_KEYWORDS, TOP_COUNT };

struct sift_stats {
	struct sift_stats_opts o;
	uint64_t records, bytes, no_text, text_bytes, chars, sentences;
	uint64_t dups, dup_seen, cluster_records, entity_records, errors;
	uint64_t repairs, replacements, counted;	/* counted: records whose
						 * sentences were counted */
	uint64_t scripts[SIFT_SCRIPT_COUNT];
	struct sift_hist len, sentlen;
	struct sift_distinct clusters, multi;
	struct toptab top[TOP_COUNT];
	struct sift_buf text, scratch;
	struct sift_spans spans;
};

struct sift_stats *
sift_stats_new(const struct sift_stats_opts *o)
{
	struct sift_stats *st = sift_xcalloc(1, sizeof(*st));

	st->o = *o;
	if (st->o.field == NULL)
		st->o.field = "text";
	st->text.data = sift_buf_empty;
	st->scratch.data = sift_buf_empty;
	return st;
}

void
sift_stats_free(struct sift_stats *st)
{
	size_t i;

	if (st == NULL)
		return;
	sift_distinct_release(&st->clusters);
	sift_distinct_release(&st->multi);
	for (i = 0; i < TOP_COUNT; i++)
		top_free(&st->top[i]);
	sift_buf_release(&st->text);
	sift_buf_release(&st->scratch);
	sift_spans_release(&st->spans);
	free(st);
}

/* Code points in the JSON string literal raw[0..n) (with quotes) without
 * decoding it: an escape is one code point, a surrogate pair too. */
static size_t
literal_chars(const char *raw, size_t n)
{
	size_t i, c = 0;

	for (i = 1; i + 1 < n; i++) {
		unsigned char b = (unsigned char)raw[i];

		if (b == '\\') {
			if (raw[i + 1] == 'u') {
				/* a high surrogate escape and its low half count once */
				if (i + 11 < n && (raw[i + 2] == 'd' || raw[i + 2] == 'D') &&
				    strchr("89abAB", raw[i + 3]) != NULL && raw[i + 6] == '\\')
					i += 6;
				i += 5;
			} else {
				i++;
			}
			c++;
		} else if ((b & 0xC0) != 0x80) {
			c++;
		}
	}
	return c;
}

/* Count the strings of the JSON array raw[0..n) and their lengths. */
static uint64_t
count_sentences(struct sift_stats *st, const char *raw, size_t n)
{
	size_t i = 0, k;
	uint64_t count = 0;

	while (i < n && raw[i] != '[')
		i++;
	for (i++; i < n; i++) {
		if (raw[i] != '"')
			continue;
		for (k = i + 1; k < n && raw[k] != '"'; k++)
			if (raw[k] == '\\')
				k++;
		if (k >= n)
			break;
		sift_hist_add(&st->sentlen, literal_chars(raw + i, k + 1 - i));
		count++;
		i = k;
	}
	return count;
}

/*
 * A few steps over raw JSON text the record parser has already validated,
 * enough to read the names out of "entities" without building a jansson
 * tree (which cost a third of the run time on extracted corpora).
 */
static size_t
skip_ws(const char *p, size_t i, size_t n)
{
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
		i++;
	return i;
}

/* Index just past the string literal starting at p[i] == '"'. */
static size_t
skip_string(const char *p, size_t i, size_t n)
{
	for (i++; i < n && p[i] != '"'; i++)
		if (p[i] == '\\')
			i++;
	return i < n ? i + 1 : n;
}

/* Index just past the value starting at p[i]. */
static size_t
skip_value(const char *p, size_t i, size_t n)
{
	int depth = 0;

	if (i >= n)
		return n;
	if (p[i] == '"')
		return skip_string(p, i, n);
	if (p[i] != '{' && p[i] != '[') {
		while (i < n && p[i] != ',' && p[i] != '}' && p[i] != ']' &&
		    p[i] != ' ' && p[i] != '\n' && p[i] != '\t' && p[i] != '\r')
			i++;
		return i;
	}
	for (; i < n; i++) {
		if (p[i] == '"') {
			i = skip_string(p, i, n) - 1;
		} else if (p[i] == '{' || p[i] == '[') {
			depth++;
		} else if (p[i] == '}' || p[i] == ']') {
			if (--depth == 0)
				return i + 1;
		}
	}
	return n;
}

/*
 * Step through the members of the object (or the elements of the array)
 * whose opening bracket is p[at]: it->pos = at and it->value = 0 to start;
 * each call returns 1 with the key span (objects only) and the value's
 * start in it->value, or 0 at the end.
 */
struct json_iter {
	size_t pos, value;
};

static int
next_member(const char *p, size_t n, struct json_iter *it, const char **key,
    size_t *keylen)
{
	size_t j;

	if (it->pos >= n)
		return 0;
	if (it->value == 0)
		j = it->pos + 1;			/* past the bracket */
	else
		j = skip_value(p, it->value, n);	/* past the last value */
	j = skip_ws(p, j, n);
	if (j < n && p[j] == ',')
		j = skip_ws(p, j + 1, n);
	if (j >= n || p[j] == '}' || p[j] == ']') {
		it->pos = n;
		return 0;
	}
	if (key != NULL) {
		size_t k = skip_string(p, j, n);

		*key = p + j + 1;
		*keylen = k - j - 2;
		j = skip_ws(p, k, n);
		if (j < n && p[j] == ':')
			j = skip_ws(p, j + 1, n);
	}
	it->value = j;
	return 1;
}

static int
key_is(const char *key, size_t len, const char *want)
{
	return len == strlen(want) && memcmp(key, want, len) == 0;
}

/* Add each name of the entity list at p[a..n) (strings, or objects whose
 * member `field` is a string) to t. */
static void
add_names(struct sift_stats *st, struct toptab *t, const char *p, size_t a,
    size_t n, const char *field)
{
	struct json_iter it = { a, 0 }, obj;
	const char *key;
	size_t keylen;

	if (a >= n || p[a] != '[')
		return;
	while (next_member(p, n, &it, NULL, NULL)) {
		size_t at = (size_t)-1, v = it.value;

		if (p[v] == '"') {
			at = v;
		} else if (p[v] == '{') {
			obj.pos = v;
			obj.value = 0;
			while (next_member(p, n, &obj, &key, &keylen))
				if (key_is(key, keylen, field) && p[obj.value] == '"')
					at = obj.value;
		}
		if (at == (size_t)-1)
			continue;
		sift_buf_reset(&st->scratch);
		if (sift_json_decode_string(&st->scratch, p + at,
		    skip_string(p, at, n) - at) == 0)
			top_add(t, st->scratch.data, st->scratch.len);
	}
}

/* The names in the raw "entities" object p[0..n). */
static void
add_entities(struct sift_stats *st, const char *p, size_t n)
{
	struct json_iter it = { skip_ws(p, 0, n), 0 };
	const char *key;
	size_t keylen;

	if (it.pos >= n || p[it.pos] != '{')
		return;
	while (next_member(p, n, &it, &key, &keylen)) {
		if (key_is(key, keylen, "people"))
			add_names(st, &st->top[TOP_PEOPLE], p, it.value, n, "name");
		else if (key_is(key, keylen, "orgs"))
			add_names(st, &st->top[TOP_ORGS], p, it.value, n, "name");
		else if (key_is(key, keylen, "keywords"))
			add_names(st, &st->top[TOP_KEYWORDS], p, it.value, n, "term");
	}
}

void
sift_stats_add(struct sift_stats *st, const struct sift_record *rec)
{
	static const struct sift_segment_opts segopts = SIFT_SEGMENT_OPTS_INIT;
	const char *raw, *idraw;
	size_t len, idlen, i;
	int has_sentences;

	st->records++;
	st->bytes += rec->len + 1;
	st->repairs += rec->utf8_repairs;
	if (sift_record_type(rec, "error") != SIFT_JSON_NONE)
		st->errors++;

	has_sentences = strcmp(st->o.field, "text") == 0 &&
	    sift_record_type(rec, "sentences") == SIFT_JSON_ARRAY;
	if (has_sentences) {
		raw = sift_record_raw(rec, "sentences", &len);
		st->sentences += count_sentences(st, raw, len);
		st->counted++;
	}
	if (sift_record_get_string(rec, st->o.field, &st->text) == 1) {
		size_t chars = sift_script_count(st->text.data, st->text.len,
		    st->scripts, &st->replacements);

		st->text_bytes += st->text.len;
		st->chars += chars;
		sift_hist_add(&st->len, chars);
		if (!has_sentences && st->o.segment) {
			sift_segment(st->text.data, st->text.len, &segopts, &st->spans);
			st->sentences += st->spans.n;
			st->counted++;
			for (i = 0; i < st->spans.n; i++)
				sift_hist_add(&st->sentlen, sift_utf8_count(
				    st->text.data + st->spans.v[i].start,
				    st->spans.v[i].end - st->spans.v[i].start));
		}
	} else {
		st->no_text++;
	}

	if (sift_record_type(rec, "dup_of") != SIFT_JSON_NONE) {
		st->dup_seen = 1;
		if (sift_record_type(rec, "dup_of") != SIFT_JSON_NULL)
			st->dups++;
	}
	raw = sift_record_raw(rec, "cluster", &len);
	if (raw != NULL && sift_record_type(rec, "cluster") != SIFT_JSON_NULL) {
		uint64_t h = sift_hash64(raw, len, 0x636c);

		st->cluster_records++;
		sift_distinct_add(&st->clusters, h);
		idraw = sift_record_raw(rec, "id", &idlen);
		if (idraw == NULL || idlen != len || memcmp(idraw, raw, len) != 0)
			sift_distinct_add(&st->multi, h);
	}
	if (sift_record_type(rec, "entities") == SIFT_JSON_OBJECT) {
		raw = sift_record_raw(rec, "entities", &len);
		st->entity_records++;
		add_entities(st, raw, len);
	}
}

/* ---- output ---- */

static void
put_dist(struct sift_buf *out, const struct sift_hist *h)
{
	sift_buf_addf(out, "{\"min\":%llu,\"p50\":%llu,\"p90\":%llu,\"p99\":%llu,"
	    "\"max\":%llu,\"mean\":%.1f}",
	    (unsigned long long)h->min,
	    (unsigned long long)sift_hist_quantile(h, 0.50),
	    (unsigned long long)sift_hist_quantile(h, 0.90),
	    (unsigned long long)sift_hist_quantile(h, 0.99),
	    (unsigned long long)h->max,
	    h->count ? (double)h->sum / (double)h->count : 0.0);
}

static uint64_t
letters(const struct sift_stats *st)
{
	uint64_t n = 0;
	size_t i;

	for (i = 0; i < SIFT_SCRIPT_COUNT; i++)
		n += st->scripts[i];
	return n;
}

/* Sort a copy of the table's entries, most frequent first (the caller
 * frees the result). */
static struct topent *
top_sorted(const struct toptab *t)
{
	struct topent *v;

	if (t->n == 0)
		return NULL;
	v = sift_xmalloc(t->n * sizeof(*v));
	memcpy(v, t->e, t->n * sizeof(*v));
	qsort(v, t->n, sizeof(*v), cmp_top);
	return v;
}

static void
put_top(struct sift_buf *out, const struct toptab *t, const char *key,
    size_t k)
{
	struct topent *v = top_sorted(t);
	size_t i;

	sift_buf_addc(out, '[');
	for (i = 0; i < t->n && i < k; i++) {
		if (i > 0)
			sift_buf_addc(out, ',');
		sift_buf_addf(out, "{\"%s\":", key);
		sift_json_put_string(out, v[i].name, v[i].len);
		sift_buf_addf(out, ",\"count\":%llu}", (unsigned long long)v[i].count);
	}
	sift_buf_addc(out, ']');
	free(v);
}

void
sift_stats_json(struct sift_stats *st, struct sift_buf *out)
{
	uint64_t total = letters(st);
	size_t i;

	sift_buf_addf(out, "{\"records\":%llu,\"bytes\":%llu,\"records_without_text\":%llu,"
	    "\"text_bytes\":%llu,\"characters\":%llu,\"sentences\":",
	    (unsigned long long)st->records, (unsigned long long)st->bytes,
	    (unsigned long long)st->no_text, (unsigned long long)st->text_bytes,
	    (unsigned long long)st->chars);
	/* null, not 0, when no record told us its sentences */
	if (st->counted)
		sift_buf_addf(out, "%llu", (unsigned long long)st->sentences);
	else
		sift_buf_adds(out, "null");
	sift_buf_addf(out, ",\"records_with_sentences\":%llu,\"length_chars\":",
	    (unsigned long long)st->counted);
	put_dist(out, &st->len);
	sift_buf_add(out, ",\"sentence_chars\":", 18);
	if (st->counted)
		put_dist(out, &st->sentlen);
	else
		sift_buf_adds(out, "null");
	sift_buf_add(out, ",\"scripts\":{", 12);
	for (i = 0; i < SIFT_SCRIPT_COUNT; i++)
		sift_buf_addf(out, "%s\"%s\":{\"letters\":%llu,\"share\":%.4f}",
		    i ? "," : "", script_names[i], (unsigned long long)st->scripts[i],
		    total ? (double)st->scripts[i] / (double)total : 0.0);
	sift_buf_addc(out, '}');
	if (st->dup_seen)
		sift_buf_addf(out, ",\"duplicates\":%llu", (unsigned long long)st->dups);
	if (st->cluster_records)
		sift_buf_addf(out, ",\"clusters\":{\"records\":%llu,\"distinct\":%llu,"
		    "\"multi_member\":%llu,\"estimated\":%s}",
		    (unsigned long long)st->cluster_records,
		    (unsigned long long)sift_distinct_count(&st->clusters),
		    (unsigned long long)sift_distinct_count(&st->multi),
		    st->clusters.hll || st->multi.hll ? "true" : "false");
	if (st->entity_records) {
		sift_buf_addf(out, ",\"entities\":{\"records\":%llu,\"people\":",
		    (unsigned long long)st->entity_records);
		put_top(out, &st->top[TOP_PEOPLE], "name", st->o.top);
		sift_buf_add(out, ",\"orgs\":", 8);
		put_top(out, &st->top[TOP_ORGS], "name", st->o.top);
		sift_buf_add(out, ",\"keywords\":", 12);
		put_top(out, &st->top[TOP_KEYWORDS], "term", st->o.top);
		sift_buf_addf(out, ",\"approximate\":%s}",
		    st->top[0].pruned || st->top[1].pruned || st->top[2].pruned ?
		    "true" : "false");
	}
	sift_buf_addf(out, ",\"errors\":%llu,\"utf8_repairs\":%llu,"
	    "\"replacement_chars\":%llu}",
	    (unsigned long long)st->errors, (unsigned long long)st->repairs,
	    (unsigned long long)st->replacements);
}

/* ---- the table ---- */

/* Columns a string takes on a terminal (East Asian wide letters take 2). */
static size_t
display_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	int32_t cp;

	while (i < n) {
		int cw;

		i += sift_textvec_decode(s + i, n - i, &cp);
		cw = utf8proc_charwidth(cp);
		w += cw > 0 ? (size_t)cw : 0;
	}
	return w;
}

/* 1234567 -> "1,234,567" */
static void
put_grouped(struct sift_buf *out, uint64_t v)
{
	char digits[32];
	int n = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)v), i;

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			sift_buf_addc(out, ',');
		sift_buf_addc(out, digits[i]);
	}
}

/* One row: label padded to 28 columns, value right-aligned in 15, then an
 * optional note. */
static void
row(struct sift_buf *out, const char *label, size_t labellen, uint64_t v,
    const char *note)
{
	struct sift_buf num = SIFT_BUF_INIT;
	size_t w = display_width(label, labellen), i;

	put_grouped(&num, v);
	sift_buf_add(out, label, labellen);
	for (i = w; i < 28; i++)
		sift_buf_addc(out, ' ');
	for (i = num.len; i < 15; i++)
		sift_buf_addc(out, ' ');
	sift_buf_add(out, num.data, num.len);
	if (note != NULL && *note) {
		sift_buf_add(out, "  ", 2);
		sift_buf_adds(out, note);
	}
	sift_buf_addc(out, '\n');
	sift_buf_release(&num);
}

static void
rows(struct sift_buf *out, const char *label, uint64_t v, const char *note)
{
	row(out, label, strlen(label), v, note);
}

static void
dist_rows(struct sift_buf *out, const char *title, const struct sift_hist *h)
{
	sift_buf_adds(out, title);
	sift_buf_addc(out, '\n');
	rows(out, "  min", h->min, NULL);
	rows(out, "  p50", sift_hist_quantile(h, 0.50), NULL);
	rows(out, "  p90", sift_hist_quantile(h, 0.90), NULL);
	rows(out, "  p99", sift_hist_quantile(h, 0.99), NULL);
	rows(out, "  max", h->max, NULL);
	rows(out, "  mean", h->count ? (h->sum + h->count / 2) / h->count : 0, NULL);
}

static void
top_rows(struct sift_buf *out, const char *title, const struct toptab *t,
    size_t k)
{
	struct topent *v = top_sorted(t);
	struct sift_buf label = SIFT_BUF_INIT;
	size_t i;

	sift_buf_adds(out, title);
	sift_buf_addc(out, '\n');
	for (i = 0; i < t->n && i < k; i++) {
		sift_buf_reset(&label);
		sift_buf_add(&label, "  ", 2);
		sift_buf_add(&label, v[i].name, v[i].len);
		row(out, label.data, label.len, v[i].count, NULL);
	}
	if (t->n == 0)
		sift_buf_adds(out, "  (none)\n");
	sift_buf_release(&label);
	free(v);
}

void
sift_stats_human(struct sift_stats *st, struct sift_buf *out)
{
	uint64_t total = letters(st);
	char note[64];
	size_t i;

	rows(out, "records", st->records, NULL);
	rows(out, "bytes", st->bytes, NULL);
	rows(out, "records without text", st->no_text, NULL);
	rows(out, "text bytes", st->text_bytes, NULL);
	rows(out, "characters", st->chars, NULL);
	if (st->counted) {
		char note[64];

		snprintf(note, sizeof(note), "(in %llu record%s)",
		    (unsigned long long)st->counted, st->counted == 1 ? "" : "s");
		rows(out, "sentences", st->sentences, note);
	} else {
		sift_buf_adds(out, "sentences                   not counted (no \"sentences\"; see --segment)\n");
	}
	dist_rows(out, "record length (characters)", &st->len);
	if (st->counted)
		dist_rows(out, "sentence length (characters)", &st->sentlen);
	sift_buf_adds(out, "scripts (letters)\n");
	for (i = 0; i < SIFT_SCRIPT_COUNT; i++) {
		char label[32];

		snprintf(note, sizeof(note), "%5.1f%%",
		    total ? 100.0 * (double)st->scripts[i] / (double)total : 0.0);
		snprintf(label, sizeof(label), "  %s", script_names[i]);
		rows(out, label, st->scripts[i], note);
	}
	if (st->dup_seen)
		rows(out, "duplicates", st->dups, NULL);
	if (st->cluster_records) {
		const char *est = st->clusters.hll || st->multi.hll ? "(estimated)" : NULL;

		sift_buf_adds(out, "clusters\n");
		rows(out, "  records with a cluster", st->cluster_records, NULL);
		rows(out, "  distinct clusters", sift_distinct_count(&st->clusters), est);
		rows(out, "  with more than one member", sift_distinct_count(&st->multi), est);
	}
	if (st->entity_records) {
		rows(out, "records with entities", st->entity_records, NULL);
		top_rows(out, "top people", &st->top[TOP_PEOPLE], st->o.top);
		top_rows(out, "top orgs", &st->top[TOP_ORGS], st->o.top);
		top_rows(out, "top keywords", &st->top[TOP_KEYWORDS], st->o.top);
	}
	rows(out, "error records", st->errors, NULL);
	rows(out, "UTF-8 repairs", st->repairs, NULL);
	rows(out, "replacement characters", st->replacements, NULL);
}

/* ---- the chart ---- */

static const char *const script_colors[SIFT_SCRIPT_COUNT] = {
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#b07aa1"
};

/* 1234 -> "1.2k", 2000000 -> "2M" */
static void
put_short(struct sift_buf *out, double v)
{
	if (v >= 1e6)
		sift_buf_addf(out, "%.3gM", v / 1e6);
	else if (v >= 1e3)
		sift_buf_addf(out, "%.3gk", v / 1e3);
	else
		sift_buf_addf(out, "%.0f", v);
}

#define SVG_W 760
#define SVG_H 470
#define PLOT_X 70
#define PLOT_Y 70
#define PLOT_W 650
#define PLOT_H 220

/* Half-octave bin of a positive value: floor(2 log2 v). */
static int
half_octave(double v)
{
	return (int)floor(2.0 * log2(v) + 1e-9);
}

void
sift_stats_svg(struct sift_stats *st, struct sift_buf *out)
{
	const struct sift_hist *h = &st->len;
	uint64_t bins[160], maxbin = 0, total = letters(st);
	int jmin = 0, jmax = 0, nb = 0, j;
	double bw = 0.0, x;
	size_t i;

	sift_buf_addf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, "
	    "Helvetica, Arial, sans-serif\" font-size=\"12\">\n",
	    SVG_W, SVG_H, SVG_W, SVG_H);
	sift_buf_addf(out, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
	    SVG_W, SVG_H);
	sift_buf_adds(out, "<text x=\"20\" y=\"28\" font-size=\"17\" "
	    "font-weight=\"bold\">sift-stats</text>\n<text x=\"120\" y=\"28\" "
	    "font-size=\"13\" fill=\"#444\">");
	put_grouped(out, st->records);
	sift_buf_adds(out, " records, ");
	put_grouped(out, st->chars);
	sift_buf_adds(out, " characters, ");
	if (st->counted) {
		put_grouped(out, st->sentences);
		sift_buf_adds(out, " sentences");
	} else {
		sift_buf_adds(out, "sentences not counted");
	}
	if (st->dup_seen) {
		sift_buf_adds(out, ", ");
		put_grouped(out, st->dups);
		sift_buf_adds(out, " duplicates");
	}
	sift_buf_adds(out, "</text>\n");
	sift_buf_addf(out, "<text x=\"%d\" y=\"%d\" font-size=\"13\" "
	    "font-weight=\"bold\">Record length (characters, log scale)</text>\n",
	    PLOT_X, PLOT_Y - 14);

	/* bins: half octaves from min to max; lengths of 0 join the first */
	memset(bins, 0, sizeof(bins));
	if (h->count > 0) {
		jmin = half_octave(h->min > 0 ? (double)h->min : 1.0);
		jmax = half_octave(h->max > 0 ? (double)h->max : 1.0);
		nb = jmax - jmin + 1;
		if (nb > (int)(sizeof(bins) / sizeof(bins[0])))
			nb = (int)(sizeof(bins) / sizeof(bins[0]));
		for (i = 0; i < SIFT_HIST_BUCKETS; i++) {
			uint64_t low;

			if (h->b[i] == 0)
				continue;
			low = sift_hist_bucket_low(i);
			j = (low > 0 ? half_octave((double)low) : jmin) - jmin;
			if (j < 0)
				j = 0;
			if (j >= nb)
				j = nb - 1;
			bins[j] += h->b[i];
		}
		for (j = 0; j < nb; j++)
			if (bins[j] > maxbin)
				maxbin = bins[j];
		bw = (double)PLOT_W / nb;
	}
	/* axes */
	sift_buf_addf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#333\"/>\n", PLOT_X, PLOT_Y + PLOT_H, PLOT_X + PLOT_W,
	    PLOT_Y + PLOT_H);
	sift_buf_addf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#333\"/>\n", PLOT_X, PLOT_Y, PLOT_X, PLOT_Y + PLOT_H);
	sift_buf_addf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
	    PLOT_X - 6, PLOT_Y + 4);
	put_grouped(out, maxbin);
	sift_buf_addf(out, "</text>\n<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0"
	    "</text>\n", PLOT_X - 6, PLOT_Y + PLOT_H + 4);
	sift_buf_addf(out, "<text x=\"18\" y=\"%d\" transform=\"rotate(-90 18 %d)\" "
	    "text-anchor=\"middle\" fill=\"#444\">records</text>\n",
	    PLOT_Y + PLOT_H / 2, PLOT_Y + PLOT_H / 2);
	for (j = 0; j < nb; j++) {
		double bh = maxbin ? (double)PLOT_H * (double)bins[j] / (double)maxbin : 0;

		x = PLOT_X + j * bw;
		if (bins[j] > 0)
			sift_buf_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			    "height=\"%.1f\" fill=\"#4e79a7\"><title>%.0f-%.0f: %llu"
			    "</title></rect>\n", x + 1, PLOT_Y + PLOT_H - bh,
			    bw > 3 ? bw - 2 : bw, bh, ceil(pow(2.0, (jmin + j) / 2.0)),
			    ceil(pow(2.0, (jmin + j + 1) / 2.0)) - 1,
			    (unsigned long long)bins[j]);
		if (bins[j] > 0 && nb <= 40) {
			/* above the bar, or inside it in white when the bar is
			 * so tall that the label would meet the markers' */
			int inside = bh > PLOT_H - 30;

			sift_buf_addf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
			    "font-size=\"10\" fill=\"%s\">", x + bw / 2,
			    inside ? PLOT_Y + PLOT_H - bh + 36 : PLOT_Y + PLOT_H - bh - 3,
			    inside ? "#ffffff" : "#333333");
			put_grouped(out, bins[j]);
			sift_buf_adds(out, "</text>\n");
		}
		/* a label every octave, or every bin when there are few */
		if (nb <= 12 || (jmin + j) % 2 == 0) {
			sift_buf_addf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
			    "fill=\"#444\">", x, PLOT_Y + PLOT_H + 16);
			put_short(out, ceil(pow(2.0, (jmin + j) / 2.0)));
			sift_buf_adds(out, "</text>\n");
		}
	}
	if (nb > 0) {
		sift_buf_addf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
		    "fill=\"#444\">", PLOT_X + PLOT_W, PLOT_Y + PLOT_H + 16);
		put_short(out, ceil(pow(2.0, (jmin + nb) / 2.0)));
		sift_buf_adds(out, "</text>\n");
	}
	/* percentile markers */
	if (h->count > 0) {
		static const double qs[] = { 0.5, 0.9, 0.99 };
		static const char *const qn[] = { "p50", "p90", "p99" };

		for (i = 0; i < 3; i++) {
			uint64_t v = sift_hist_quantile(h, qs[i]);

			x = PLOT_X + (2.0 * log2(v > 0 ? (double)v : 1.0) - jmin) * bw;
			if (x < PLOT_X)
				x = PLOT_X;
			if (x > PLOT_X + PLOT_W)
				x = PLOT_X + PLOT_W;
			sift_buf_addf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
			    "stroke=\"#e15759\" stroke-dasharray=\"4 3\"/>\n<text x=\"%.1f\" "
			    "y=\"%d\" fill=\"#c03040\" font-size=\"11\" stroke=\"#ffffff\" "
			    "stroke-width=\"3\" paint-order=\"stroke\">%s ", x, PLOT_Y, x,
			    PLOT_Y + PLOT_H, x + 3, PLOT_Y + 10 + 13 * (int)i, qn[i]);
			put_grouped(out, v);
			sift_buf_adds(out, "</text>\n");
		}
	}

	/* script mix: one stacked bar and a legend */
	{
		int by = PLOT_Y + PLOT_H + 70;
		double bx = PLOT_X;

		sift_buf_addf(out, "<text x=\"%d\" y=\"%d\" font-size=\"13\" "
		    "font-weight=\"bold\">Script mix (letters)</text>\n", PLOT_X, by - 12);
		sift_buf_addf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"34\" "
		    "fill=\"#eeeeee\"/>\n", PLOT_X, by, PLOT_W);
		for (i = 0; i < SIFT_SCRIPT_COUNT && total > 0; i++) {
			double w = (double)PLOT_W * (double)st->scripts[i] / (double)total;

			if (st->scripts[i] == 0)
				continue;
			sift_buf_addf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
			    "height=\"34\" fill=\"%s\"><title>%s %.1f%%</title></rect>\n",
			    bx, by, w, script_colors[i], script_names[i],
			    100.0 * (double)st->scripts[i] / (double)total);
			bx += w;
		}
		for (i = 0; i < SIFT_SCRIPT_COUNT; i++) {
			int lx = PLOT_X + (int)(i % 3) * 220, ly = by + 62 + (int)(i / 3) * 24;

			sift_buf_addf(out, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" "
			    "fill=\"%s\"/>\n<text x=\"%d\" y=\"%d\">%s %.1f%%</text>\n",
			    lx, ly - 12, script_colors[i], lx + 20, ly,
			    script_names[i], total ? 100.0 * (double)st->scripts[i] /
			    (double)total : 0.0);
		}
	}
	sift_buf_adds(out, "</svg>\n");
}
