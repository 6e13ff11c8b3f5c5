#include "textvec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "data.h"
#include "hash.h"
#include "utf8.h"

/* Seeds keep the kinds of term apart: the word "배터" and the bigram "배터"
 * are different terms. */
enum { SEED_WORD = 0x77, SEED_BIGRAM = 0x62, SEED_FACT = 0x66, SEED_STOP = 0x73 };

#define MAX_PARTICLES 128

struct particle {
	const char *s;		/* in the embedded data */
	size_t n;		/* bytes */
	size_t syll;		/* syllables */
	uint32_t tail;		/* last 3 bytes (one syllable), for a cheap test */
};

static uint32_t
tail3(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
}

struct sift_lexicon {
	uint64_t *stop;		/* open-addressing set of word hashes, 0 = empty */
	size_t stop_mask;
	struct particle part[MAX_PARTICLES];
	size_t npart;
};

/*
 * Hash of a term.  Most terms (a syllable bigram is 6 bytes, most words
 * are short) fit in 8 bytes: those are packed into one word and mixed,
 * several times cheaper than hashing them as a byte string.
 */
static uint64_t
term_hash(const char *p, size_t n, uint64_t seed)
{
	uint64_t v = 0;

	if (n > 8)
		return sift_hash64(p, n, seed);
	memcpy(&v, p, n);
	return sift_mix64(v ^ (uint64_t)n << 59 ^ seed * 0x9E3779B97F4A7C15ULL);
}

static void
stop_insert(struct sift_lexicon *lex, uint64_t h)
{
	size_t i;

	if (h == 0)
		h = 1;
	for (i = h & lex->stop_mask; lex->stop[i] != 0; i = (i + 1) & lex->stop_mask)
		if (lex->stop[i] == h)
			return;
	lex->stop[i] = h;
}

static int
by_length_desc(const void *a, const void *b)
{
	const struct particle *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return memcmp(x->s, y->s, x->n);
}

struct sift_lexicon *
sift_lexicon_new(void)
{
	struct sift_lexicon *lex = sift_xcalloc(1, sizeof(*lex));
	const char *text, *line, *f[2];
	size_t len, pos, n, fl[2], words = 0, size;

	text = sift_data("summarize-stopwords.tsv", &len);
	for (pos = 0; text && sift_data_next_line(text, len, &pos, &line, &n);)
		words++;
	for (size = 64; size < words * 4; size *= 2)
		;
	lex->stop = sift_xcalloc(size, sizeof(*lex->stop));
	lex->stop_mask = size - 1;
	for (pos = 0; text && sift_data_next_line(text, len, &pos, &line, &n);) {
		if (sift_data_split(line, n, f, fl, 2) >= 1 && fl[0] > 0)
			stop_insert(lex, term_hash(f[0], fl[0], SEED_STOP));
	}

	text = sift_data("summarize-particles.tsv", &len);
	for (pos = 0; text && sift_data_next_line(text, len, &pos, &line, &n);) {
		struct particle *p;

		if (lex->npart == MAX_PARTICLES)
			break;
		sift_data_split(line, n, f, fl, 1);
		if (fl[0] == 0)
			continue;
		p = &lex->part[lex->npart++];
		p->s = f[0];
		p->n = fl[0];
		p->syll = sift_utf8_count(f[0], fl[0]);
		if (p->n < 3) {
			lex->npart--;	/* not a Hangul particle */
			continue;
		}
		p->tail = tail3(f[0] + fl[0] - 3);
	}
	qsort(lex->part, lex->npart, sizeof(lex->part[0]), by_length_desc);
	return lex;
}

void
sift_lexicon_free(struct sift_lexicon *lex)
{
	if (lex == NULL)
		return;
	free(lex->stop);
	free(lex);
}

int
sift_lexicon_is_stop(const struct sift_lexicon *lex, const char *w, size_t n)
{
	uint64_t h = term_hash(w, n, SEED_STOP);
	size_t i;

	if (h == 0)
		h = 1;
	for (i = h & lex->stop_mask; lex->stop[i] != 0; i = (i + 1) & lex->stop_mask)
		if (lex->stop[i] == h)
			return 1;
	return 0;
}

size_t
sift_lexicon_strip(const struct sift_lexicon *lex, const char *w, size_t n)
{
	size_t i, syll;

	uint32_t tail;

	/* Hangul syllables are 3 bytes each */
	if (n < 6)
		return n;
	syll = n / 3;
	tail = tail3(w + n - 3);
	for (i = 0; i < lex->npart; i++) {
		const struct particle *p = &lex->part[i];
		size_t keep = p->syll == 1 ? 2 : 1;

		if (p->tail != tail || p->n >= n || syll < p->syll + keep)
			continue;
		/* the tail is the whole of a one-syllable particle */
		if (p->n == 3 || memcmp(w + n - p->n, p->s, p->n - 3) == 0)
			return n - p->n;
	}
	return n;
}

/* ---- tokenizer ---- */

enum script { S_NONE, S_DIGIT, S_WORD, S_HANGUL, S_CJK };

static enum script
script_of(int32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0x80) {
		if (cp >= '0' && cp <= '9')
			return S_DIGIT;
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return S_WORD;
		return S_NONE;
	}
	if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
	    (cp >= 0x3130 && cp <= 0x318F))
		return S_HANGUL;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0x20000 && cp <= 0x2FFFF))
		return S_CJK;
	cat = utf8proc_category(cp);
	switch (cat) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND:
		return S_WORD;
	default:
		return S_NONE;
	}
}

static void
push(uint64_t **v, size_t *len, size_t *cap, uint64_t h)
{
	if (*len == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = sift_xrealloc(*v, *cap * sizeof(**v));
	}
	(*v)[(*len)++] = h;
}

struct termsink {
	uint64_t **terms;
	size_t *len, *cap;
	uint64_t **facts;
	size_t *flen, *fcap;
};

/* Emit the terms of one token tok[0..n) of script sc. */
static void
emit_token(const struct sift_lexicon *lex, const char *tok, size_t n,
    enum script sc, struct termsink *k)
{
	size_t i, m;

	switch (sc) {
	case S_DIGIT:
		push(k->terms, k->len, k->cap, term_hash(tok, n, SEED_WORD));
		break;
	case S_WORD:
		if (!sift_lexicon_is_stop(lex, tok, n))
			push(k->terms, k->len, k->cap, term_hash(tok, n, SEED_WORD));
		break;
	case S_HANGUL:
		m = sift_lexicon_strip(lex, tok, n);
		if (sift_lexicon_is_stop(lex, tok, m))
			break;
		push(k->terms, k->len, k->cap, term_hash(tok, m, SEED_WORD));
		/* bigrams of syllables (3 bytes each in the Hangul block) */
		for (i = 0; i + 6 <= m; i += 3)
			push(k->terms, k->len, k->cap, term_hash(tok + i, 6, SEED_BIGRAM));
		break;
	case S_CJK:
		if (n <= 4) {
			push(k->terms, k->len, k->cap, term_hash(tok, n, SEED_WORD));
			break;
		}
		for (i = 0; i < n;) {
			int32_t c;
			size_t a = sift_textvec_decode(tok + i, n - i, &c), b;

			if (i + a >= n)
				break;
			b = sift_textvec_decode(tok + i + a, n - i - a, &c);
			push(k->terms, k->len, k->cap, term_hash(tok + i, a + b, SEED_BIGRAM));
			i += a;
		}
		break;
	case S_NONE:
		break;
	}
}

/* A fact is a number and the unit right after it: "2조원", "4.5%". */
static void
emit_fact(const char *num, size_t nn, const char *unit, size_t un,
    struct termsink *k)
{
	char b[64];
	uint64_t h;

	if (k->facts == NULL || nn + un > sizeof(b))
		return;
	memcpy(b, num, nn);
	memcpy(b + nn, unit, un);
	h = term_hash(b, nn + un, SEED_FACT);
	push(k->facts, k->flen, k->fcap, h);
	push(k->terms, k->len, k->cap, h);
}

void
sift_text_terms(const struct sift_lexicon *lex, const char *s, size_t n,
    struct sift_buf *tok, uint64_t **terms, size_t *len, size_t *cap,
    uint64_t **facts, size_t *flen, size_t *fcap)
{
	struct termsink k = { terms, len, cap, facts, flen, fcap };
	enum script cur = S_NONE, sc;
	size_t i = 0, numlen = 0;
	char numbuf[32];
	int32_t cp;

	sift_buf_reset(tok);
	while (i <= n) {
		size_t step = 1;

		if (i == n) {
			sc = S_NONE;
			cp = 0;
		} else if ((unsigned char)s[i] < 0x80) {
			cp = (unsigned char)s[i];
			sc = script_of(cp);
			/* keep "4.5" and "1,200" whole */
			if (sc == S_NONE && cur == S_DIGIT && (cp == '.' || cp == ',') &&
			    i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
				sift_buf_addc(tok, cp);
				i++;
				continue;
			}
		} else {
			step = sift_textvec_decode(s + i, n - i, &cp);
			sc = script_of(cp);
		}
		if (sc != cur) {
			if (tok->len > 0)
				emit_token(lex, tok->data, tok->len, cur, &k);
			if (cur == S_DIGIT && tok->len < sizeof(numbuf)) {
				memcpy(numbuf, tok->data, tok->len);
				numlen = tok->len;
			} else {
				numlen = 0;
			}
			if (numlen > 0 && cp == '%')
				emit_fact(numbuf, numlen, "%", 1, &k);
			if (numlen > 0 && (sc == S_HANGUL || sc == S_WORD)) {
				/* the unit: up to two syllables or letters after the number */
				size_t j = i, units = 0;
				int32_t c2;

				while (j < n && units < 2) {
					size_t st = sift_textvec_decode(s + j, n - j, &c2);
					enum script s2 = script_of(c2);

					if (s2 != sc)
						break;
					j += st;
					units++;
				}
				emit_fact(numbuf, numlen, s + i, j - i, &k);
			}
			sift_buf_reset(tok);
			cur = sc;
		}
		if (i == n)
			break;
		if (sc != S_NONE) {
			if (cp < 0x80)
				sift_buf_addc(tok, (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
			else if (sc == S_WORD)
				sift_buf_add_utf8(tok, utf8proc_tolower(cp));
			else
				sift_buf_add(tok, s + i, step);
		}
		i += step;
	}
}

/* ---- vector space ---- */

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Sort v[0..n) and drop repeats; returns the new length.  Fact lists are
 * short, so insertion sort does. */
static size_t
sort_unique(uint64_t *v, size_t n)
{
	size_t i, j, o = 0;

	if (n > 32) {
		qsort(v, n, sizeof(*v), cmp_u64);
	} else {
		for (i = 1; i < n; i++) {
			uint64_t x = v[i];

			for (j = i; j > 0 && v[j - 1] > x; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
	}
	for (i = 0; i < n; i++)
		if (o == 0 || v[i] != v[o - 1])
			v[o++] = v[i];
	return o;
}


static void table_grow(struct sift_vecspace *vs, size_t slots);

/* Id of term hash h, a new one if it is not in the table yet. */
static uint32_t
term_id(struct sift_vecspace *vs, uint64_t h)
{
	size_t mask = vs->slots - 1, i;
	uint32_t id;

	for (i = (size_t)(h ^ h >> 29) & mask; vs->slot_gen[i] == vs->gen;
	    i = (i + 1) & mask)
		if (vs->slot_hash[i] == h)
			return vs->slot_id[i];
	id = (uint32_t)vs->nterms++;
	vs->slot_gen[i] = vs->gen;
	vs->slot_hash[i] = h;
	vs->slot_id[i] = id;
	if (vs->nterms > vs->cap_id) {
		vs->cap_id = vs->nterms * 2;
		vs->df = sift_xrealloc(vs->df, vs->cap_id * sizeof(*vs->df));
		vs->last = sift_xrealloc(vs->last, vs->cap_id * sizeof(*vs->last));
		vs->lastpos = sift_xrealloc(vs->lastpos, vs->cap_id * sizeof(*vs->lastpos));
		vs->idf = sift_xrealloc(vs->idf, vs->cap_id * sizeof(*vs->idf));
		vs->dense = sift_xrealloc(vs->dense, vs->cap_id * sizeof(*vs->dense));
		vs->post_off = sift_xrealloc(vs->post_off,
		    (vs->cap_id + 1) * sizeof(*vs->post_off));
	}
	vs->df[id] = 0;
	vs->last[id] = UINT32_MAX;
	vs->dense[id] = 0.0f;
	if (vs->nterms * 2 > vs->slots)
		table_grow(vs, vs->slots * 2);
	return id;
}

/* Move the live entries into a table of `slots` slots. */
static void
table_grow(struct sift_vecspace *vs, size_t slots)
{
	uint64_t *oh = vs->slot_hash;
	uint32_t *oid = vs->slot_id, *ogen = vs->slot_gen, gen = vs->gen;
	size_t old = vs->slots, i, j;

	vs->slots = slots;
	vs->slot_hash = sift_xmalloc(slots * sizeof(*vs->slot_hash));
	vs->slot_id = sift_xmalloc(slots * sizeof(*vs->slot_id));
	vs->slot_gen = sift_xcalloc(slots, sizeof(*vs->slot_gen));
	vs->gen = 1;
	for (i = 0; i < old; i++) {
		if (ogen[i] != gen)
			continue;
		for (j = (size_t)(oh[i] ^ oh[i] >> 29) & (slots - 1);
		    vs->slot_gen[j] == 1; j = (j + 1) & (slots - 1))
			;
		vs->slot_gen[j] = 1;
		vs->slot_hash[j] = oh[i];
		vs->slot_id[j] = oid[i];
	}
	free(oh);
	free(oid);
	free(ogen);
}

void
sift_vecspace_build(struct sift_vecspace *vs, const struct sift_lexicon *lex,
    const struct sift_textref *v, size_t n)
{
	size_t i, j, ne = 0, nfact = 0;

	if (n + 1 > vs->cap_n) {
		vs->cap_n = (n + 1) * 2;
		vs->off = sift_xrealloc(vs->off, vs->cap_n * sizeof(*vs->off));
		vs->foff = sift_xrealloc(vs->foff, vs->cap_n * sizeof(*vs->foff));
	}
	vs->n = n;
	if (vs->slots == 0)
		table_grow(vs, 1024);
	/* a new generation empties the table without touching it */
	if (++vs->gen == 0) {
		memset(vs->slot_gen, 0, vs->slots * sizeof(*vs->slot_gen));
		vs->gen = 1;
	}
	vs->nterms = 0;

	for (i = 0; i < n; i++) {
		size_t nraw = 0, fstart = nfact;

		vs->off[i] = ne;
		vs->foff[i] = fstart;
		sift_text_terms(lex, v[i].p, v[i].n, &vs->tok, &vs->raw, &nraw,
		    &vs->cap_raw, &vs->fact, &nfact, &vs->cap_f);
		nfact = fstart + sort_unique(vs->fact + fstart, nfact - fstart);
		if (ne + nraw > vs->cap_e) {
			vs->cap_e = (ne + nraw) * 2;
			vs->id = sift_xrealloc(vs->id, vs->cap_e * sizeof(*vs->id));
			vs->w = sift_xrealloc(vs->w, vs->cap_e * sizeof(*vs->w));
		}
		for (j = 0; j < nraw; j++) {
			uint32_t id = term_id(vs, vs->raw[j]);

			if (vs->last[id] != (uint32_t)i) {
				vs->last[id] = (uint32_t)i;
				vs->lastpos[id] = (uint32_t)(ne - vs->off[i]);
				vs->id[ne] = id;
				vs->w[ne] = 1.0f;
				vs->df[id]++;
				ne++;
			} else {
				vs->w[vs->off[i] + vs->lastpos[id]] += 1.0f;
			}
		}
	}
	vs->off[n] = ne;
	vs->foff[n] = nfact;

	/* weights (1 + ln tf) * idf, then unit length */
	for (j = 0; j < vs->nterms; j++)
		vs->idf[j] = (float)log(((double)n + 1.0) / ((double)vs->df[j] + 0.5));
	for (i = 0; i < n; i++) {
		double norm = 0.0;

		for (j = vs->off[i]; j < vs->off[i + 1]; j++) {
			float tf = vs->w[j];

			vs->w[j] = (tf > 1.0f ? 1.0f + logf(tf) : 1.0f) * vs->idf[vs->id[j]];
			norm += (double)vs->w[j] * vs->w[j];
		}
		if (norm > 0.0) {
			float inv = (float)(1.0 / sqrt(norm));

			for (j = vs->off[i]; j < vs->off[i + 1]; j++)
				vs->w[j] *= inv;
		}
	}
}

void
sift_vecspace_matrix(struct sift_vecspace *vs, float *sim)
{
	size_t n = vs->n, ne = vs->off[n], i, j, t;

	memset(sim, 0, n * n * sizeof(*sim));
	if (vs->nterms == 0)
		return;
	/* postings by counting sort on the term id */
	if (ne + 1 > vs->cap_p) {
		vs->cap_p = (ne + 1) * 2;
		vs->post_s = sift_xrealloc(vs->post_s, vs->cap_p * sizeof(*vs->post_s));
		vs->post_w = sift_xrealloc(vs->post_w, vs->cap_p * sizeof(*vs->post_w));
	}
	vs->post_off[0] = 0;
	for (t = 0; t < vs->nterms; t++)
		vs->post_off[t + 1] = vs->post_off[t] + vs->df[t];
	for (t = 0; t < vs->nterms; t++)
		vs->last[t] = vs->post_off[t];		/* fill cursor */
	for (i = 0; i < n; i++) {
		for (j = vs->off[i]; j < vs->off[i + 1]; j++) {
			uint32_t at = vs->last[vs->id[j]]++;

			vs->post_s[at] = (uint32_t)i;
			vs->post_w[at] = vs->w[j];
		}
	}
	/* every pair of sentences that shares a term; postings are in
	 * sentence order, so a < b */
	for (t = 0; t < vs->nterms; t++) {
		uint32_t lo = vs->post_off[t], hi = vs->post_off[t + 1], a, b;

		for (a = lo; a + 1 < hi; a++) {
			float *row = sim + (size_t)vs->post_s[a] * n;
			float wa = vs->post_w[a];

			for (b = a + 1; b < hi; b++)
				row[vs->post_s[b]] += wa * vs->post_w[b];
		}
	}
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++) {
			float x = sim[i * n + j];

			if (x > 1.0f)
				x = 1.0f;
			sim[i * n + j] = sim[j * n + i] = x;
		}
	}
	/* last[] is per-build scratch: leave it so term_id's "seen in this
	 * sentence" test cannot match a real sentence index */
	for (t = 0; t < vs->nterms; t++)
		vs->last[t] = UINT32_MAX;
}

double
sift_vecspace_cosine(struct sift_vecspace *vs, size_t i, size_t j)
{
	size_t k;
	double dot = 0.0;

	for (k = vs->off[i]; k < vs->off[i + 1]; k++)
		vs->dense[vs->id[k]] = vs->w[k];
	for (k = vs->off[j]; k < vs->off[j + 1]; k++)
		dot += (double)vs->dense[vs->id[k]] * vs->w[k];
	for (k = vs->off[i]; k < vs->off[i + 1]; k++)
		vs->dense[vs->id[k]] = 0.0f;
	if (i == j)
		return vs->off[i + 1] > vs->off[i] ? 1.0 : 0.0;
	if (dot > 1.0)
		dot = 1.0;
	return dot < 0.0 ? 0.0 : dot;
}

size_t
sift_vecspace_shared_facts(const struct sift_vecspace *vs, size_t i, size_t j)
{
	size_t a = vs->foff[i], ae = vs->foff[i + 1];
	size_t b = vs->foff[j], be = vs->foff[j + 1];
	size_t shared = 0;

	while (a < ae && b < be) {
		if (vs->fact[a] < vs->fact[b]) {
			a++;
		} else if (vs->fact[a] > vs->fact[b]) {
			b++;
		} else {
			shared++;
			a++;
			b++;
		}
	}
	return shared;
}

size_t
sift_vecspace_terms(const struct sift_vecspace *vs, size_t i)
{
	return vs->off[i + 1] - vs->off[i];
}

void
sift_vecspace_release(struct sift_vecspace *vs)
{
	free(vs->off);
	free(vs->id);
	free(vs->w);
	free(vs->foff);
	free(vs->fact);
	free(vs->raw);
	free(vs->slot_hash);
	free(vs->slot_id);
	free(vs->slot_gen);
	free(vs->df);
	free(vs->last);
	free(vs->lastpos);
	free(vs->post_off);
	free(vs->idf);
	free(vs->dense);
	free(vs->post_s);
	free(vs->post_w);
	sift_buf_release(&vs->tok);
	memset(vs, 0, sizeof(*vs));
	vs->tok.data = sift_buf_empty;
}
