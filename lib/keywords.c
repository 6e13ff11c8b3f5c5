#include "keywords.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "hash.h"

#define T(i) (nm->toks.v[(i)])
#define NTOK (nm->toks.n)
#define TXT(i) (nm->text + T(i).start)

/* ---- background table ---- */

struct bg_entry {
	const char *s;		/* borrowed from the embedded data */
	uint32_t n;
	uint8_t band;
};

static struct bg_entry *bg_tab;
static size_t bg_mask;
static int bg_ready;

/* share of documents per band (index 0: unlisted) */
static const double band_share[6] = { 0.002, 0.01, 1.0 / 30, 1.0 / 12,
	0.2, 0.5 };
/* -log(band_share), and log(count) for small counts: computed once */
static double band_idf[6];
#define NLOG 256
static double log_count[NLOG];

/* The candidate table and the background table share one hash seed, so
 * a candidate's hash finds its band without hashing again. */
#define SEED 0x6b77

static struct bg_entry *
bg_slot_h(const char *s, size_t n, uint64_t h)
{
	size_t i = (size_t)h & bg_mask;

	while (bg_tab[i].s != NULL && !(bg_tab[i].n == n &&
	    memcmp(bg_tab[i].s, s, n) == 0))
		i = (i + 1) & bg_mask;
	return &bg_tab[i];
}

static struct bg_entry *
bg_slot(const char *s, size_t n)
{
	size_t i = (size_t)sift_hash64(s, n, SEED) & bg_mask;

	while (bg_tab[i].s != NULL && !(bg_tab[i].n == n &&
	    memcmp(bg_tab[i].s, s, n) == 0))
		i = (i + 1) & bg_mask;
	return &bg_tab[i];
}

static void
bg_init(void)
{
	const char *text, *line, *f[2];
	size_t len, pos = 0, ll, fl[2], count = 0, cap = 64;

	if (bg_ready)
		return;
	text = sift_data("extract-background.tsv", &len);
	if (text != NULL)
		while (sift_data_next_line(text, len, &pos, &line, &ll))
			count++;
	while (cap < count * 2 + 2)
		cap <<= 1;
	bg_tab = sift_xcalloc(cap, sizeof(*bg_tab));
	bg_mask = cap - 1;
	pos = 0;
	if (text != NULL)
		while (sift_data_next_line(text, len, &pos, &line, &ll)) {
			struct bg_entry *e;

			if (sift_data_split(line, ll, f, fl, 2) < 2 || fl[1] != 1 ||
			    f[1][0] < '1' || f[1][0] > '5')
				continue;
			e = bg_slot(f[0], fl[0]);
			e->s = f[0];
			e->n = (uint32_t)fl[0];
			e->band = (uint8_t)(f[1][0] - '0');
		}
	for (count = 0; count < 6; count++)
		band_idf[count] = -log(band_share[count]);
	for (count = 1; count < NLOG; count++)
		log_count[count] = log((double)count);
	bg_ready = 1;
}

double
sift_keyword_idf(const char *s, size_t n)
{
	bg_init();
	return band_idf[bg_slot(s, n)->band];
}

/* ---- candidates ---- */

struct cand {
	uint64_t hash;
	uint32_t off, len;	/* key text in kw->terms */
	uint32_t count;
	uint32_t first;		/* token index of the first occurrence */
	uint32_t gen;		/* 0: empty slot */
};

static struct cand *
cand_slot(struct sift_keywords *kw, const char *s, size_t n, uint64_t h)
{
	struct cand *tab = kw->tab;
	size_t mask = kw->tab_mask, i = (size_t)h & mask;

	for (;;) {
		struct cand *c = &tab[i];

		if (c->gen != kw->gen)
			return c;
		if (c->hash == h && c->len == n &&
		    memcmp(kw->terms.data + c->off, s, n) == 0)
			return c;
		i = (i + 1) & mask;
	}
}

static void
cand_add(struct sift_keywords *kw, const char *s, size_t n, size_t tok)
{
	uint64_t h = sift_hash64(s, n, SEED);
	struct cand *c = cand_slot(kw, s, n, h);
	struct sift_buf *b = &kw->terms;

	if (c->gen == kw->gen) {
		c->count++;
		return;
	}
	c->gen = kw->gen;
	c->hash = h;
	c->off = (uint32_t)b->len;
	c->len = (uint32_t)n;
	c->count = 1;
	c->first = (uint32_t)tok;
	/* the term and its NUL; the buffer stays NUL-terminated */
	if (b->cap - b->len < n + 2)
		sift_buf_grow(b, n + 2);
	memcpy(b->data + b->len, s, n);
	b->data[b->len + n] = '\0';
	b->len += n + 1;
	b->data[b->len] = '\0';
}

/* A Hangul word (particles stripped) that can be a keyword. */
static int
hangul_ok(const struct sift_names *nm, size_t i)
{
	const struct sift_tok *t = &T(i);
	size_t n = t->base - t->start;
	const char *s = TXT(i);
	uint64_t f = t->lex;

	if (t->kind != SIFT_TOK_HANGUL || t->nsyl < 2 || t->nsyl > 10)
		return 0;
	if (f & (SIFT_WC_STOP | SIFT_WC_TITLE | SIFT_WC_HON | SIFT_WC_PRON |
	    SIFT_WC_TITLE_MOD | SIFT_WC_ANON | SIFT_WC_PARTICLE))
		return 0;
	if (f & (SIFT_WC_COMMON | SIFT_WC_KEEP | SIFT_WC_ORG_NAME))
		return 1;
	if (sift_wordclass(s + n - 3, 3) & SIFT_WC_KWEND)
		return 0;
	/* verb stems left by the particle stripper: 발표하(는), 늘어나(는) */
	if (memcmp(s + n - 3, "하", 3) == 0 || memcmp(s + n - 3, "되", 3) == 0 ||
	    memcmp(s + n - 3, "나", 3) == 0 || memcmp(s + n - 3, "있", 3) == 0 ||
	    memcmp(s + n - 3, "없", 3) == 0 || memcmp(s + n - 3, "같", 3) == 0)
		return 0;
	/* a bare word that did not lose a particle ends in a verb-like
	 * syllable more often than not unless it is long */
	return 1;
}

/* Token i is part of a URL or an e-mail address (glued to '@', '/', ':'
 * or a dot between letters): "press@acme.example". */
static int
in_link(const struct sift_names *nm, size_t i)
{
	size_t k;

	for (k = i; k > 0 && !T(k).space; k--) {
		const struct sift_tok *p = &T(k - 1);

		if ((p->kind & SIFT_TOK_PUNCT) && (p->cp == '@' || p->cp == '/' ||
		    p->cp == ':' || (p->cp == '.' && k >= 2 &&
		    !(T(k - 2).kind & SIFT_TOK_PUNCT))))
			return 1;
	}
	for (k = i + 1; k < NTOK && !T(k).space; k++) {
		const struct sift_tok *p = &T(k);

		if ((p->kind & SIFT_TOK_PUNCT) && (p->cp == '@' || p->cp == '/' ||
		    p->cp == ':' || (p->cp == '.' && k + 1 < NTOK &&
		    !T(k + 1).space && (T(k + 1).kind & SIFT_TOK_LATIN))))
			return 1;
	}
	return 0;
}

/* x ranks before y: higher score (the first-position term already breaks
 * most ties), then the shorter term, then byte order: a total order, so
 * the result does not depend on the order candidates are collected in. */
static int
before(const struct sift_keywords *kw, const struct sift_keyword *x,
    const struct sift_keyword *y)
{
	if (x->score != y->score)
		return x->score > y->score;
	if (x->len != y->len)
		return x->len < y->len;
	return memcmp(kw->terms.data + x->off, kw->terms.data + y->off,
	    x->len) < 0;
}

/* Keep the best max entries of kw->v, best first: a partial insertion
 * sort, since max is small and the candidates many. */
static void
top_k(struct sift_keywords *kw, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < kw->n; i++) {
		struct sift_keyword c = kw->v[i];

		if (n == max && !before(kw, &c, &kw->v[n - 1]))
			continue;
		j = n < max ? n++ : n - 1;
		for (; j > 0 && before(kw, &c, &kw->v[j - 1]); j--)
			kw->v[j] = kw->v[j - 1];
		kw->v[j] = c;
	}
	kw->n = n;
}

size_t
sift_keywords_find(struct sift_keywords *kw, const struct sift_names *nm,
    size_t max)
{
	size_t i, mi = 0, need, k;
	char low[64];
	struct cand *tab;
	double best = 0;

	kw->n = 0;
	sift_buf_reset(&kw->terms);
	bg_init();
	if (max == 0 || NTOK == 0)
		return 0;
	/* the table is sized for the document and cleared by kw->gen */
	need = 64;
	while (need < NTOK * 2)
		need <<= 1;
	if (kw->tab_cap < need) {
		free(kw->tab);
		kw->tab = sift_xcalloc(need, sizeof(struct cand));
		kw->tab_cap = need;
	}
	/* only this record's share of the table is used and scanned: the
	 * table keeps the size of the largest record so far */
	kw->tab_mask = need - 1;
	if (++kw->gen == 0) {
		memset(kw->tab, 0, kw->tab_cap * sizeof(struct cand));
		kw->gen = 1;
	}
	for (i = 0; i < NTOK; i++) {
		const struct sift_tok *t = &T(i);

		/* people and organisations count under their full names */
		while (mi < nm->nm && nm->m[mi].tok_last < i)
			mi++;
		if (mi < nm->nm && nm->m[mi].tok_first <= i &&
		    i <= nm->m[mi].tok_last) {
			const struct sift_mention *m = &nm->m[mi];

			if (i == m->tok_first && m->ref >= 0 && !m->anon) {
				if (m->type == SIFT_MENTION_PERSON) {
					const struct sift_person *p =
					    &nm->people[m->ref];

					cand_add(kw, nm->text + p->name, p->name_len, i);
				} else {
					const struct sift_org *o = &nm->orgs[m->ref];

					cand_add(kw, nm->text + o->name, o->name_len, i);
				}
			}
			/* an organisation inside a person's phrase */
			for (k = mi + 1; k < nm->nm && nm->m[k].tok_first <= i; k++)
				if (nm->m[k].tok_first == i && nm->m[k].ref >= 0 &&
				    nm->m[k].type == SIFT_MENTION_ORG) {
					const struct sift_org *o =
					    &nm->orgs[nm->m[k].ref];

					cand_add(kw, nm->text + o->name, o->name_len, i);
				}
			continue;
		}
		if (t->kind & (SIFT_TOK_PUNCT | SIFT_TOK_DIGIT))
			continue;
		if (t->kind == SIFT_TOK_HANGUL) {
			if (hangul_ok(nm, i))
				cand_add(kw, TXT(i), t->base - t->start, i);
			continue;
		}
		if (t->kind == SIFT_TOK_LATIN) {
			size_t n = t->end - t->start, c, upper = 0;

			if (in_link(nm, i))
				continue;
			if (n < 2 || n >= sizeof(low))
				continue;
			for (c = 0; c < n; c++) {
				unsigned char ch = (unsigned char)TXT(i)[c];

				upper += ch >= 'A' && ch <= 'Z';
				low[c] = (char)(ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch);
			}
			if (sift_wordclass(low, n) & (SIFT_WC_STOP |
			    SIFT_WC_ENVERB | SIFT_WC_ENPRON | SIFT_WC_TITLE_EN))
				continue;
			/* acronyms keep their case, other words fold */
			if (upper == n)
				cand_add(kw, TXT(i), n, i);
			else if (n >= 3)
				cand_add(kw, low, n, i);
			continue;
		}
		/* Korean-Latin compounds (SK텔레콤, 5G망) as they are */
		if ((t->kind & SIFT_TOK_HANGUL) && (t->kind & SIFT_TOK_LATIN) &&
		    !(t->lex & SIFT_WC_STOP))
			cand_add(kw, TXT(i), t->base - t->start, i);
	}
	/* collect and score */
	tab = kw->tab;
	for (i = 0; i < need; i++) {
		struct sift_keyword *v;
		double idf, lc;

		if (tab[i].gen != kw->gen)
			continue;
		idf = band_idf[bg_slot_h(kw->terms.data + tab[i].off, tab[i].len,
		    tab[i].hash)->band];
		if (kw->n == kw->cap) {
			kw->cap = kw->cap ? kw->cap * 2 : 64;
			kw->v = sift_xrealloc(kw->v, kw->cap * sizeof(*kw->v));
		}
		v = &kw->v[kw->n++];
		v->off = tab[i].off;
		v->len = tab[i].len;
		/* log-scaled tf keeps one repeated word from drowning the rest;
		 * a tiny first-position term makes the order total */
		lc = tab[i].count < NLOG ? log_count[tab[i].count] :
		    log((double)tab[i].count);
		v->score = (1.0 + lc) * idf -
		    (double)tab[i].first * 1e-9;
		if (v->score > best)
			best = v->score;
	}
	top_k(kw, max);
	for (i = 0; i < kw->n; i++)
		kw->v[i].score = best > 0 ? kw->v[i].score / best : 0;
	return kw->n;
}

void
sift_keywords_release(struct sift_keywords *kw)
{
	free(kw->v);
	free(kw->tab);
	sift_buf_release(&kw->terms);
	memset(kw, 0, sizeof(*kw));
}
