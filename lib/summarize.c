#include "summarize.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "hash.h"
#include "json.h"
#include "utf8.h"

/* Tuned on the dev articles under tests/fixtures/summarize/ko-news, the
 * first half of ko_news_extsum_sci50 and of en_news_sum_realsumm (see
 * docs/sift-summarize.md); the held-out halves were not used. */
#define DAMPING 0.85
#define ITERATIONS 30
#define LENGTH_NORM 120.0	/* characters at which the length factor is 1 */
#define QUOTE_FACTOR 0.8
#define MMR_LAMBDA 0.7
#define SHORT_CHARS 12
#define TRIM_WINDOW 60		/* characters in which a byline mark is cut */
#define FACT_SIMILARITY 0.05	/* one shared figure and this much in common:
				 * the same fact told twice */

/* ---- skip rules (data/summarize-skip.tsv) ---- */

enum where { W_PREFIX, W_SUFFIX, W_CONTAINS, W_MARK };

struct rule {
	const char *s;		/* in the embedded data */
	size_t n;
	enum where where;
};

#define MAX_RULES 256

struct rules {
	struct rule r[MAX_RULES];
	size_t n;
	/* the first two bytes of every "contains" rule, as a bitmap, so that
	 * a sentence is scanned once and compared only where a rule could
	 * start */
	unsigned char first2[65536 / 8];
	int marks_have_eq;	/* every mark rule contains '=' */
};

static unsigned
pair_key(const char *p)
{
	return (unsigned)(unsigned char)p[0] << 8 | (unsigned char)p[1];
}

static void
load_rules(struct rules *rs)
{
	const char *text, *line, *f[3];
	size_t len, pos, n, fl[3];

	rs->n = 0;
	rs->marks_have_eq = 1;
	memset(rs->first2, 0, sizeof(rs->first2));
	text = sift_data("summarize-skip.tsv", &len);
	for (pos = 0; text && sift_data_next_line(text, len, &pos, &line, &n);) {
		struct rule *r;

		if (rs->n == MAX_RULES)
			break;
		if (sift_data_split(line, n, f, fl, 3) != 3 || fl[2] == 0)
			continue;
		r = &rs->r[rs->n];
		if (fl[1] == 6 && memcmp(f[1], "prefix", 6) == 0)
			r->where = W_PREFIX;
		else if (fl[1] == 6 && memcmp(f[1], "suffix", 6) == 0)
			r->where = W_SUFFIX;
		else if (fl[1] == 8 && memcmp(f[1], "contains", 8) == 0)
			r->where = W_CONTAINS;
		else if (fl[1] == 4 && memcmp(f[1], "mark", 4) == 0)
			r->where = W_MARK;
		else
			continue;
		r->s = f[2];
		r->n = fl[2];
		if (r->where == W_CONTAINS) {
			unsigned k;

			if (r->n < 2)
				continue;	/* one-byte rules would match everywhere */
			k = pair_key(r->s);
			rs->first2[k >> 3] |= (unsigned char)(1u << (k & 7));
		}
		if (r->where == W_MARK && memchr(r->s, '=', r->n) == NULL)
			rs->marks_have_eq = 0;
		rs->n++;
	}
}

/* ---- the summarizer ---- */

struct sift_summarizer {
	struct sift_summarize_opts o;
	struct sift_lexicon *lex;
	struct rules rules;
	struct sift_vecspace vs;
	size_t cap, simcap, n, m;
	struct sift_textref *text;	/* trimmed sentences */
	unsigned *cls;
	size_t *chars;
	unsigned char *cand;
	double *score, *pr, *tel, *out, *best_red;
	float *fpr, *fnext;		/* TextRank's iterates */
	size_t *nzrow, nzcap;		/* the matrix's non-zero entries by row */
	uint32_t *nzcol;
	float *nzval;
	size_t *sel;
	float *sim;			/* m x m */
	struct sift_buf lower;		/* ASCII-lowered sentence for the rules */
	struct sift_sentences doc;	/* sift_summarize_record's input */
	struct sift_buf json;		/* and its output */
};

struct sift_summarizer *
sift_summarizer_new(const struct sift_summarize_opts *o)
{
	struct sift_summarizer *s = sift_xcalloc(1, sizeof(*s));
	struct sift_vecspace vs0 = SIFT_VECSPACE_INIT;

	s->o = *o;
	s->lex = sift_lexicon_new();
	load_rules(&s->rules);
	s->vs = vs0;
	s->lower.data = sift_buf_empty;
	s->json.data = sift_buf_empty;
	s->doc.text.data = sift_buf_empty;
	return s;
}

void
sift_summarizer_free(struct sift_summarizer *s)
{
	if (s == NULL)
		return;
	sift_lexicon_free(s->lex);
	sift_vecspace_release(&s->vs);
	free(s->text);
	free(s->cls);
	free(s->chars);
	free(s->cand);
	free(s->score);
	free(s->pr);
	free(s->fpr);
	free(s->nzrow);
	free(s->nzcol);
	free(s->nzval);
	free(s->fnext);
	free(s->tel);
	free(s->out);
	free(s->best_red);
	free(s->sel);
	free(s->sim);
	sift_buf_release(&s->lower);
	sift_buf_release(&s->json);
	sift_sentences_release(&s->doc);
	free(s);
}

static void
reserve(struct sift_summarizer *s, size_t n)
{
	if (n <= s->cap)
		return;
	s->cap = n < 64 ? 64 : n * 2;
	s->text = sift_xrealloc(s->text, s->cap * sizeof(*s->text));
	s->cls = sift_xrealloc(s->cls, s->cap * sizeof(*s->cls));
	s->chars = sift_xrealloc(s->chars, s->cap * sizeof(*s->chars));
	s->cand = sift_xrealloc(s->cand, s->cap * sizeof(*s->cand));
	s->score = sift_xrealloc(s->score, s->cap * sizeof(*s->score));
	s->pr = sift_xrealloc(s->pr, s->cap * sizeof(*s->pr));
	s->fpr = sift_xrealloc(s->fpr, s->cap * sizeof(*s->fpr));
	s->nzrow = sift_xrealloc(s->nzrow, (s->cap + 1) * sizeof(*s->nzrow));
	s->fnext = sift_xrealloc(s->fnext, s->cap * sizeof(*s->fnext));
	s->tel = sift_xrealloc(s->tel, s->cap * sizeof(*s->tel));
	s->out = sift_xrealloc(s->out, s->cap * sizeof(*s->out));
	s->best_red = sift_xrealloc(s->best_red, s->cap * sizeof(*s->best_red));
	s->sel = sift_xrealloc(s->sel, s->cap * sizeof(*s->sel));
}

/* ---- sentence text helpers ---- */

/* memmem is a GNU extension; this is all we need of it. */
static const char *
find_bytes(const char *h, size_t hn, const char *nd, size_t nn)
{
	const char *p = h, *end = h + hn;

	if (nn == 0)
		return h;
	while (nn <= (size_t)(end - p)) {
		p = memchr(p, nd[0], (size_t)(end - p) - nn + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p, nd, nn) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Code point ending at byte e of s (e > 0); *start gets its first byte. */
static int32_t
last_cp(const char *s, size_t e, size_t *start)
{
	size_t b = e;
	int32_t cp;

	while (b > 0 && ((unsigned char)s[b - 1] & 0xC0) == 0x80 && e - b < 3)
		b--;
	if (b > 0)
		b--;
	sift_textvec_decode(s + b, e - b, &cp);
	*start = b;
	return cp;
}

static int
is_space_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B);
}

static int
is_closer(int32_t cp)
{
	switch (cp) {
	case '"': case '\'': case ')': case ']': case '}': case '>':
	case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0x300B:
	case 0x3009: case 0xFF09: case 0x3011: case 0x00BB:
		return 1;
	}
	return 0;
}

/* The last code point of t that is not a space or a closing quote or
 * bracket (0 if none). */
static int32_t
final_cp(struct sift_textref t)
{
	size_t e = t.n, b;
	int32_t cp;

	while (e > 0) {
		cp = last_cp(t.p, e, &b);
		if (!is_space_cp(cp) && !is_closer(cp))
			return cp;
		e = b;
	}
	return 0;
}

static int
is_terminal(int32_t cp)
{
	switch (cp) {
	case '.': case '!': case '?': case 0x3002: case 0xFF01: case 0xFF1F:
	case 0x2026: case 0x2025: case 0xFF0E:
		return 1;
	}
	return 0;
}

/* Endings a Korean sentence stops on when the punctuation was lost. */
static int
is_predicate_end(int32_t cp)
{
	switch (cp) {
	case 0xB2E4:	/* 다 */
	case 0xC694:	/* 요 */
	case 0xC8E0:	/* 죠 */
	case 0xAE4C:	/* 까 */
	case 0xC74C:	/* 음 */
	case 0xD568:	/* 함 */
	case 0xC784:	/* 임 */
	case 0xB428:	/* 됨 */
		return 1;
	}
	return 0;
}

static size_t
skip_spaces(const char *p, size_t i, size_t n)
{
	int32_t cp;

	while (i < n) {
		size_t st = sift_textvec_decode(p + i, n - i, &cp);

		if (!is_space_cp(cp))
			break;
		i += st;
	}
	return i;
}

/* Byte offset of the n-th code point of p (or len). */
static size_t
cp_offset(const char *p, size_t len, size_t ncp)
{
	size_t i = 0;
	int32_t cp;

	while (i < len && ncp-- > 0)
		i += sift_textvec_decode(p + i, len - i, &cp);
	return i;
}

/* Cut a leading dateline ("[서울=한빛일보]", "(부산=뉴스)") and a byline
 * that ends in one of the mark rules ("홍길동 기자 ="). */
static struct sift_textref
trim_dateline(const struct sift_summarizer *s, struct sift_textref t)
{
	size_t i, window;

	if (t.n > 0 && (t.p[0] == '[' || t.p[0] == '(')) {
		char close = t.p[0] == '[' ? ']' : ')';
		size_t lim = cp_offset(t.p, t.n, 30);
		const char *c = memchr(t.p, close, lim);

		if (c != NULL && memchr(t.p, '=', (size_t)(c - t.p)) != NULL) {
			i = skip_spaces(t.p, (size_t)(c - t.p) + 1, t.n);
			t.p += i;
			t.n -= i;
		}
	}
	window = cp_offset(t.p, t.n, TRIM_WINDOW);
	/* the marks end in '=' ("기자 ="), which most sentences lack */
	if (s->rules.marks_have_eq && memchr(t.p, '=', window) == NULL)
		return t;
	for (i = 0; i < s->rules.n; i++) {
		const struct rule *r = &s->rules.r[i];
		const char *hit;

		if (r->where != W_MARK || r->n > window)
			continue;
		hit = find_bytes(t.p, window, r->s, r->n);
		if (hit != NULL) {
			size_t cut = skip_spaces(t.p, (size_t)(hit - t.p) + r->n, t.n);

			t.p += cut;
			t.n -= cut;
			break;
		}
	}
	return t;
}

/* Lower-case ASCII copy of t into buf, for case-insensitive rules. */
static void
lower_ascii(struct sift_buf *buf, struct sift_textref t)
{
	size_t i;

	sift_buf_reset(buf);
	sift_buf_grow(buf, t.n);
	for (i = 0; i < t.n; i++) {
		unsigned char c = (unsigned char)t.p[i];

		buf->data[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	sift_buf_setlen(buf, t.n);
}

static int
matches_rule(const struct rule *r, const struct sift_buf *low)
{
	const char *p = low->data;
	size_t n = low->len;

	switch (r->where) {
	case W_PREFIX:
		return n >= r->n && memcmp(p, r->s, r->n) == 0;
	case W_SUFFIX:
		/* ignore trailing spaces, quotes and brackets */
		while (n > 0) {
			size_t b;
			int32_t cp = last_cp(p, n, &b);

			if (!is_space_cp(cp) && !is_closer(cp) && cp != '.')
				break;
			n = b;
		}
		return n >= r->n && memcmp(p + n - r->n, r->s, r->n) == 0;
	case W_CONTAINS:
		return find_bytes(p, n, r->s, r->n) != NULL;	/* see matches_any_rule */
	case W_MARK:
		return 0;
	}
	return 0;
}

/* Does any rule match the lowered sentence? */
static int
matches_any_rule(const struct rules *rs, const struct sift_buf *low)
{
	const char *p = low->data;
	size_t n = low->len, i, k;

	for (k = 0; k < rs->n; k++)
		if (rs->r[k].where != W_CONTAINS && matches_rule(&rs->r[k], low))
			return 1;
	for (i = 0; i + 1 < n; i++) {
		unsigned key = pair_key(p + i);

		if (!(rs->first2[key >> 3] & (1u << (key & 7))))
			continue;
		for (k = 0; k < rs->n; k++) {
			const struct rule *r = &rs->r[k];

			if (r->where == W_CONTAINS && r->n <= n - i &&
			    r->s[0] == p[i] && r->s[1] == p[i + 1] &&
			    memcmp(p + i + 2, r->s + 2, r->n - 2) == 0)
				return 1;
		}
	}
	return 0;
}

/* An e-mail address: name@host.tld, as bylines end. */
static int
has_email(struct sift_textref t)
{
	const char *at = t.n ? memchr(t.p, '@', t.n) : NULL;
	size_t i;

	while (at != NULL) {
		size_t a = (size_t)(at - t.p);
		char c = a > 0 ? t.p[a - 1] : ' ';
		int before = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
		int dot = 0;

		for (i = a + 1; i < t.n && t.p[i] != ' ' && (unsigned char)t.p[i] < 0x80; i++)
			if (t.p[i] == '.' && i + 1 < t.n && t.p[i + 1] != ' ')
				dot = 1;
		if (before && dot)
			return 1;
		at = a + 1 < t.n ? memchr(t.p + a + 1, '@', t.n - a - 1) : NULL;
	}
	return 0;
}

/* Share of the sentence between its first opening and last closing double
 * quote, in code points. */
static double
quoted_share(struct sift_textref t, size_t chars)
{
	size_t i = 0, k = 0, first = (size_t)-1, last = 0;
	int32_t cp;

	if (chars == 0)
		return 0.0;
	while (i < t.n) {
		size_t st = sift_textvec_decode(t.p + i, t.n - i, &cp);

		if (cp == '"' || cp == 0x201C || cp == 0x201D ||
		    (cp == '`' && i + 1 < t.n && t.p[i + 1] == '`') ||
		    (cp == '\'' && i + 1 < t.n && t.p[i + 1] == '\'')) {
			if (first == (size_t)-1)
				first = k;
			last = k;
		}
		i += st;
		k++;
	}
	if (first == (size_t)-1 || last <= first)
		return 0.0;
	return (double)(last - first + 1) / (double)chars;
}

static unsigned
classify(struct sift_summarizer *s, size_t i, struct sift_textref orig,
    int punctuated)
{
	struct sift_textref t = s->text[i];
	int32_t fin = final_cp(t);
	unsigned c = 0;

	if (s->chars[i] < SHORT_CHARS)
		c |= SIFT_SENT_SHORT;
	if (fin == '?' || fin == 0xFF1F)
		c |= SIFT_SENT_QUESTION;
	if (!is_terminal(fin) && (punctuated || !is_predicate_end(fin)))
		c |= SIFT_SENT_FRAGMENT;
	/* the rules see the sentence as given: "(사진=...)" is a caption even
	 * though it looks like a dateline to trim_dateline */
	lower_ascii(&s->lower, orig);
	if (matches_any_rule(&s->rules, &s->lower))
		c |= SIFT_SENT_BYLINE;
	if (has_email(t))
		c |= SIFT_SENT_BYLINE;
	if (quoted_share(t, s->chars[i]) >= 0.4)
		c |= SIFT_SENT_QUOTE;
	return c;
}

/* Do chosen sentence j and candidate i say the same thing? */
static int
redundant(const struct sift_summarizer *s, size_t i, size_t j, double sim)
{
	size_t facts;

	if (sim >= s->o.redundancy)
		return 1;
	facts = sift_vecspace_shared_facts(&s->vs, i, j);
	return facts >= 2 || (facts == 1 && sim >= FACT_SIMILARITY);
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * TextRank with an even teleport over the candidates: s->pr.  The power
 * iteration is the hot loop for long pages (m^2 per step), so it runs in
 * float over contiguous rows, which the compiler vectorizes; ranks need no
 * more precision than that.
 */
/*
 * TextRank with an even teleport over the candidates: s->pr.  The power
 * iteration is the hot loop on long pages, so the similarity matrix is
 * first packed into rows of its non-zero entries (menus and captions share
 * no terms with most sentences, so often most entries are zero) and the
 * iteration runs in float: ranks need no more precision than that.
 */
static void
textrank(struct sift_summarizer *s, size_t m, size_t ncand)
{
	float *pr = s->fpr, *next = s->fnext;
	size_t i, j, it, nnz = 0;

	if (m * m > s->nzcap) {
		s->nzcap = m * m;
		s->nzcol = sift_xrealloc(s->nzcol, s->nzcap * sizeof(*s->nzcol));
		s->nzval = sift_xrealloc(s->nzval, s->nzcap * sizeof(*s->nzval));
	}
	for (i = 0; i < m; i++) {
		const float *row = s->sim + i * m;
		double o = 0.0;

		s->nzrow[i] = nnz;
		for (j = 0; j < m; j++) {
			if (row[j] > 0.0f) {
				s->nzcol[nnz] = (uint32_t)j;
				s->nzval[nnz++] = row[j];
				o += row[j];
			}
		}
		s->out[i] = o;
		s->tel[i] = s->cand[i] ? 1.0 / (double)ncand : 0.0;
		pr[i] = (float)s->tel[i];
	}
	s->nzrow[m] = nnz;
	for (it = 0; it < ITERATIONS; it++) {
		float dangling = 0.0f, delta = 0.0f;

		memset(next, 0, m * sizeof(*next));
		for (i = 0; i < m; i++) {
			float share;
			size_t k;

			if (s->out[i] <= 0.0) {
				dangling += pr[i];
				continue;
			}
			share = pr[i] / (float)s->out[i];
			for (k = s->nzrow[i]; k < s->nzrow[i + 1]; k++)
				next[s->nzcol[k]] += share * s->nzval[k];
		}
		for (j = 0; j < m; j++) {
			float tel = (float)s->tel[j];
			float v = (1.0f - (float)DAMPING) * tel +
			    (float)DAMPING * (next[j] + dangling * tel);

			delta += fabsf(v - pr[j]);
			pr[j] = v;
		}
		if (delta < 1e-5f)
			break;
	}
	for (i = 0; i < m; i++)
		s->pr[i] = pr[i];
}

/* Choose up to k of the candidates by MMR; returns the count, s->sel
 * holds them in document order. */
static size_t
choose(struct sift_summarizer *s, size_t m, size_t k, size_t max_chars)
{
	size_t nsel = 0, used = 0, i, j;

	for (i = 0; i < m; i++)
		s->best_red[i] = 0.0;
	while (k == 0 || nsel < k) {
		size_t best = (size_t)-1;
		double bv = -1e300;

		for (i = 0; i < m; i++) {
			double v;

			if (!s->cand[i])
				continue;
			if (max_chars && used + s->chars[i] > max_chars)
				continue;
			v = MMR_LAMBDA * s->score[i] - (1.0 - MMR_LAMBDA) * s->best_red[i];
			if (v > bv) {
				bv = v;
				best = i;
			}
		}
		if (best == (size_t)-1)
			break;
		s->sel[nsel++] = best;
		used += s->chars[best];
		s->cand[best] = 0;
		/* update redundancy of the rest; drop those that repeat best */
		for (j = 0; j < m; j++) {
			double sim;

			if (!s->cand[j])
				continue;
			sim = s->sim[j * m + best];
			if (redundant(s, j, best, sim))
				s->cand[j] = 0;
			else if (sim > s->best_red[j])
				s->best_red[j] = sim;
		}
	}
	qsort(s->sel, nsel, sizeof(*s->sel), cmp_size);
	return nsel;
}

/* Rank v[0..n): fills text, cls, chars, cand, score and the similarity
 * matrix; returns m, the number of sentences ranked. */
static size_t
rank(struct sift_summarizer *s, const struct sift_textref *v, size_t n)
{
	size_t m = n < SIFT_SUMMARIZE_MAX_SENTENCES ? n : SIFT_SUMMARIZE_MAX_SENTENCES;
	size_t i, ncand = 0, punct = 0, r;
	double maxpr = 0.0, w = s->o.lead_weight;

	reserve(s, n);
	s->n = n;
	s->m = m;
	for (i = 0; i < n; i++) {
		s->text[i] = i < m ? trim_dateline(s, v[i]) : v[i];
		s->chars[i] = sift_utf8_count(s->text[i].p, s->text[i].n);
		s->cls[i] = 0;
		s->score[i] = 0.0;
		s->cand[i] = 0;
	}
	for (i = 0; i < m; i++)
		punct += is_terminal(final_cp(s->text[i]));
	for (i = 0; i < m; i++) {
		s->cls[i] = classify(s, i, v[i], punct * 2 >= m);
		s->cand[i] = s->chars[i] > 0 && !(s->cls[i] & SIFT_SENT_SKIP);
		ncand += s->cand[i];
	}
	/* nothing else is there: fall back to questions, headlines and short
	 * lines, and only then to bylines */
	for (r = 0; ncand == 0 && r < 2; r++) {
		for (i = 0; i < m; i++) {
			s->cand[i] = s->chars[i] > 0 &&
			    (r == 1 || !(s->cls[i] & SIFT_SENT_BYLINE));
			ncand += s->cand[i];
		}
	}
	if (ncand == 0)
		return m;

	sift_vecspace_build(&s->vs, s->lex, s->text, m);
	if (m * m > s->simcap) {
		s->simcap = m * m;
		s->sim = sift_xrealloc(s->sim, s->simcap * sizeof(*s->sim));
	}
	sift_vecspace_matrix(&s->vs, s->sim);
	textrank(s, m, ncand);
	for (i = 0; i < m; i++)
		if (s->cand[i] && s->pr[i] > maxpr)
			maxpr = s->pr[i];
	r = 0;
	for (i = 0; i < m; i++) {
		double sc, len;

		if (!s->cand[i])
			continue;
		sc = (1.0 - w) * (maxpr > 0.0 ? s->pr[i] / maxpr : 0.0) +
		    w / (double)(r + 1);
		len = (double)s->chars[i] / LENGTH_NORM;
		sc *= len < 1.0 ? len : 1.0;
		if (s->cls[i] & SIFT_SENT_QUOTE)
			sc *= QUOTE_FACTOR;
		s->score[i] = sc;
		r++;
	}
	return m;
}

size_t
sift_summarize(struct sift_summarizer *s, const struct sift_textref *v,
    size_t n, const size_t **sel)
{
	size_t m, k;

	m = rank(s, v, n);
	k = s->o.sentences;
	if (s->o.ratio > 0.0) {
		k = (size_t)ceil(s->o.ratio * (double)n - 1e-9);
		if (k == 0)
			k = 1;
	}
	*sel = s->sel;
	if (n == 0)
		return 0;
	return choose(s, m, k, s->o.max_chars);
}

struct sift_textref
sift_summarize_text(const struct sift_summarizer *s, size_t i)
{
	return s->text[i];
}

unsigned
sift_summarize_class(const struct sift_summarizer *s, size_t i)
{
	return s->cls[i];
}

double
sift_summarize_score(const struct sift_summarizer *s, size_t i)
{
	return s->score[i];
}

void
sift_summarize_put_json(const struct sift_summarizer *s, const size_t *sel,
    size_t nsel, struct sift_buf *out)
{
	size_t i;

	sift_buf_addc(out, '[');
	for (i = 0; i < nsel; i++) {
		if (i > 0)
			sift_buf_addc(out, ',');
		sift_json_put_string(out, s->text[sel[i]].p, s->text[sel[i]].n);
	}
	sift_buf_addc(out, ']');
}

/* ---- digests ---- */

struct cand {
	char *text;		/* owned */
	size_t len;
	double score;
	uint64_t hash;		/* of the text with spaces folded */
	double relpos;		/* position / sentences in its document */
	unsigned member, pos;
};

struct group {
	char *key;		/* owned JSON value */
	size_t keylen;
	uint64_t keyhash;
	size_t members, nids, nsources, maxsent;
	struct sift_buf ids;	/* JSON array body: "a","b" */
	struct sift_buf sources;
	uint64_t srchash[SIFT_DIGEST_MAX_SOURCES];
	struct cand pool[SIFT_DIGEST_POOL];
	size_t npool;
};

struct sift_digest {
	struct sift_summarize_opts o;
	struct sift_summarizer *member;	/* ranks each document */
	struct sift_summarizer *final;	/* chooses among a group's pool */
	struct group **g;
	size_t n, cap;
	size_t *slot;		/* open addressing: group index + 1, 0 = empty */
	size_t slots;
	struct sift_textref *refs;
	size_t nrefs;
	struct sift_sentences doc;	/* sift_digest_add_record's input */
	struct sift_buf key, id, source, scratch;
};

struct sift_digest *
sift_digest_new(const struct sift_summarize_opts *o)
{
	struct sift_digest *d = sift_xcalloc(1, sizeof(*d));
	struct sift_summarize_opts mo = *o;
	size_t k = o->sentences ? o->sentences : 3;

	d->o = *o;
	/* each member offers its best 2K sentences, at least 6 */
	mo.sentences = 2 * k < 6 ? 6 : 2 * k;
	mo.ratio = 0.0;
	mo.max_chars = 0;
	d->member = sift_summarizer_new(&mo);
	d->final = sift_summarizer_new(o);
	d->slots = 1024;
	d->slot = sift_xcalloc(d->slots, sizeof(*d->slot));
	d->doc.text.data = sift_buf_empty;
	d->key.data = d->id.data = d->source.data = d->scratch.data = sift_buf_empty;
	return d;
}

void
sift_digest_free(struct sift_digest *d)
{
	size_t i, j;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		struct group *g = d->g[i];

		for (j = 0; j < g->npool; j++)
			free(g->pool[j].text);
		free(g->key);
		sift_buf_release(&g->ids);
		sift_buf_release(&g->sources);
		free(g);
	}
	free(d->g);
	free(d->slot);
	free(d->refs);
	sift_sentences_release(&d->doc);
	sift_buf_release(&d->key);
	sift_buf_release(&d->id);
	sift_buf_release(&d->source);
	sift_buf_release(&d->scratch);
	sift_summarizer_free(d->member);
	sift_summarizer_free(d->final);
	free(d);
}

static void
rehash(struct sift_digest *d)
{
	size_t i, j, slots = d->slots * 2;
	size_t *slot = sift_xcalloc(slots, sizeof(*slot));

	for (i = 0; i < d->n; i++) {
		for (j = d->g[i]->keyhash & (slots - 1); slot[j] != 0; j = (j + 1) & (slots - 1))
			;
		slot[j] = i + 1;
	}
	free(d->slot);
	d->slot = slot;
	d->slots = slots;
}

static struct group *
find_group(struct sift_digest *d, const char *key, size_t keylen)
{
	uint64_t h = sift_hash64(key, keylen, 0x6772);
	size_t j;
	struct group *g;

	for (j = h & (d->slots - 1); d->slot[j] != 0; j = (j + 1) & (d->slots - 1)) {
		g = d->g[d->slot[j] - 1];
		if (g->keyhash == h && g->keylen == keylen &&
		    memcmp(g->key, key, keylen) == 0)
			return g;
	}
	g = sift_xcalloc(1, sizeof(*g));
	g->key = sift_xstrndup(key, keylen);
	g->keylen = keylen;
	g->keyhash = h;
	g->ids.data = sift_buf_empty;
	g->sources.data = sift_buf_empty;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->g = sift_xrealloc(d->g, d->cap * sizeof(*d->g));
	}
	d->g[d->n++] = g;
	d->slot[j] = d->n;
	if (d->n * 2 > d->slots)
		rehash(d);
	return g;
}

/* Hash of t with runs of spaces folded, so copies that differ only in
 * spacing count as one sentence. */
static uint64_t
folded_hash(struct sift_textref t)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL;
	size_t i;
	int space = 0;

	for (i = 0; i < t.n; i++) {
		unsigned char c = (unsigned char)t.p[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space)
			h = sift_mix64(h ^ ' ');
		space = 0;
		h = sift_mix64(h ^ c);
	}
	return h;
}

static void
pool_add(struct group *g, struct sift_textref t, double score, unsigned member,
    unsigned pos, size_t nsent)
{
	uint64_t h = folded_hash(t);
	struct cand *c;
	size_t i, worst = 0;

	if (t.n > SIFT_DIGEST_MAX_SENTENCE)
		return;
	for (i = 0; i < g->npool; i++) {
		if (g->pool[i].hash == h) {
			/* a copy: one candidate, the better score */
			if (score > g->pool[i].score)
				g->pool[i].score = score;
			return;
		}
	}
	if (g->npool < SIFT_DIGEST_POOL) {
		c = &g->pool[g->npool++];
	} else {
		for (i = 1; i < g->npool; i++)
			if (g->pool[i].score < g->pool[worst].score)
				worst = i;
		if (g->pool[worst].score >= score)
			return;
		c = &g->pool[worst];
		free(c->text);
	}
	c->text = sift_xstrndup(t.p, t.n);
	c->len = t.n;
	c->score = score;
	c->hash = h;
	c->member = member;
	c->pos = pos;
	c->relpos = nsent ? (double)pos / (double)nsent : 0.0;
}

void
sift_digest_add(struct sift_digest *d, const char *key, size_t keylen,
    const char *id, size_t idlen, const char *source, size_t sourcelen,
    const struct sift_textref *v, size_t n)
{
	struct group *g = find_group(d, key, keylen);
	const size_t *sel;
	size_t i, nsel;
	unsigned member = (unsigned)g->members;

	g->members++;
	if (n > g->maxsent)
		g->maxsent = n;
	if (id != NULL && g->nids < SIFT_DIGEST_MAX_IDS) {
		if (g->nids++ > 0)
			sift_buf_addc(&g->ids, ',');
		sift_buf_add(&g->ids, id, idlen);
	}
	if (source != NULL && g->nsources < SIFT_DIGEST_MAX_SOURCES) {
		uint64_t h = sift_hash64(source, sourcelen, 0x73);

		for (i = 0; i < g->nsources && g->srchash[i] != h; i++)
			;
		if (i == g->nsources) {
			g->srchash[g->nsources++] = h;
			if (g->sources.len > 0)
				sift_buf_addc(&g->sources, ',');
			sift_buf_add(&g->sources, source, sourcelen);
		}
	}
	nsel = sift_summarize(d->member, v, n, &sel);
	for (i = 0; i < nsel; i++)
		pool_add(g, sift_summarize_text(d->member, sel[i]),
		    sift_summarize_score(d->member, sel[i]), member, (unsigned)sel[i], n);
}

size_t
sift_digest_groups(const struct sift_digest *d)
{
	return d->n;
}

/* Sort the chosen pool indices into reading order: by relative position
 * in their documents (a digest reads like one story: the leads first),
 * then by member arrival (insertion sort: there are only a handful). */
static int
reads_before(const struct cand *x, const struct cand *y)
{
	if (x->relpos != y->relpos)
		return x->relpos < y->relpos;
	if (x->member != y->member)
		return x->member < y->member;
	return x->pos < y->pos;
}

static void
sort_reading_order(const struct group *g, size_t *sel, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		size_t x = sel[i];

		for (j = i; j > 0 && reads_before(&g->pool[x], &g->pool[sel[j - 1]]); j--)
			sel[j] = sel[j - 1];
		sel[j] = x;
	}
}

void
sift_digest_write(struct sift_digest *d, size_t gi, struct sift_buf *out)
{
	struct group *g = d->g[gi];
	struct sift_summarizer *s = d->final;
	size_t i, j, m = g->npool, k, nsel;
	double maxsup = 0.0;

	sift_buf_add(out, "{\"group\":", 9);
	sift_buf_add(out, g->key, g->keylen);
	sift_buf_add(out, ",\"ids\":[", 8);
	sift_buf_add(out, g->ids.data, g->ids.len);
	sift_buf_add(out, "],\"summary\":[", 13);

	if (m > d->nrefs) {
		d->nrefs = m;
		d->refs = sift_xrealloc(d->refs, m * sizeof(*d->refs));
	}
	reserve(s, m);
	for (i = 0; i < m; i++) {
		d->refs[i].p = g->pool[i].text;
		d->refs[i].n = g->pool[i].len;
		s->text[i] = d->refs[i];
		s->chars[i] = sift_utf8_count(d->refs[i].p, d->refs[i].n);
		s->cand[i] = 1;
		s->cls[i] = 0;
	}
	s->n = s->m = m;
	if (m > 0) {
		sift_vecspace_build(&s->vs, s->lex, d->refs, m);
		if (m * m > s->simcap) {
			s->simcap = m * m;
			s->sim = sift_xrealloc(s->sim, s->simcap * sizeof(*s->sim));
		}
		sift_vecspace_matrix(&s->vs, s->sim);
		for (i = 0; i < m; i++) {
			double sup = 0.0;

			for (j = 0; j < m; j++)
				if (g->pool[j].member != g->pool[i].member)
					sup += s->sim[i * m + j];
			s->pr[i] = sup;
			if (sup > maxsup)
				maxsup = sup;
		}
		for (i = 0; i < m; i++)
			s->score[i] = g->pool[i].score +
			    (maxsup > 0.0 ? 0.5 * s->pr[i] / maxsup : 0.0);
	}
	k = d->o.sentences;
	if (d->o.ratio > 0.0) {
		k = (size_t)ceil(d->o.ratio * (double)g->maxsent - 1e-9);
		if (k == 0)
			k = 1;
	}
	nsel = m ? choose(s, m, k, d->o.max_chars) : 0;
	sort_reading_order(g, s->sel, nsel);
	for (i = 0; i < nsel; i++) {
		if (i > 0)
			sift_buf_addc(out, ',');
		sift_json_put_string(out, g->pool[s->sel[i]].text, g->pool[s->sel[i]].len);
	}
	sift_buf_add(out, "],\"sources\":[", 13);
	sift_buf_add(out, g->sources.data, g->sources.len);
	sift_buf_addf(out, "],\"members\":%zu}", g->members);
}

/* ---- records ---- */

static void
sentences_reserve(struct sift_sentences *ss, size_t n)
{
	if (n + 1 <= ss->cap)
		return;
	ss->cap = (n + 1) * 2;
	ss->v = sift_xrealloc(ss->v, ss->cap * sizeof(*ss->v));
	ss->off = sift_xrealloc(ss->off, ss->cap * sizeof(*ss->off));
}

/* Decode the raw JSON array raw[0..n) of strings into ss.  The record was
 * validated by the parser, so only the shape is checked here. */
static int
decode_string_array(struct sift_sentences *ss, const char *raw, size_t n)
{
	size_t i = 0, k;

	while (i < n && raw[i] != '[')
		i++;
	if (i == n)
		return -1;
	i++;
	ss->n = 0;
	for (;;) {
		while (i < n && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' ||
		    raw[i] == '\r' || raw[i] == ','))
			i++;
		if (i >= n)
			return -1;
		if (raw[i] == ']')
			break;
		if (raw[i] != '"')
			return -1;
		for (k = i + 1; k < n && raw[k] != '"'; k++)
			if (raw[k] == '\\')
				k++;
		if (k >= n)
			return -1;
		sentences_reserve(ss, ss->n + 1);
		ss->off[ss->n] = ss->text.len;
		if (sift_json_decode_string(&ss->text, raw + i, k + 1 - i) < 0)
			return -1;
		ss->n++;
		ss->off[ss->n] = ss->text.len;
		i = k + 1;
	}
	/* the text buffer has stopped moving: point the refs into it */
	for (k = 0; k < ss->n; k++) {
		ss->v[k].p = ss->text.data + ss->off[k];
		ss->v[k].n = ss->off[k + 1] - ss->off[k];
	}
	return 0;
}

int
sift_sentences_from_record(struct sift_sentences *ss,
    const struct sift_record *rec, const char *field, struct sift_error *err)
{
	static const struct sift_segment_opts segopts = SIFT_SEGMENT_OPTS_INIT;
	enum sift_json_type t;
	const char *raw;
	size_t len, i;
	int r;

	sift_buf_reset(&ss->text);
	ss->n = 0;
	if (strcmp(field, "text") == 0 &&
	    (t = sift_record_type(rec, "sentences")) != SIFT_JSON_NONE) {
		raw = sift_record_raw(rec, "sentences", &len);
		if (t != SIFT_JSON_ARRAY || decode_string_array(ss, raw, len) < 0)
			return sift_error_set(err, 0,
			    "field 'sentences' is not an array of strings");
		return 1;
	}
	r = sift_record_get_string(rec, field, &ss->text);
	if (r < 0)
		return sift_error_set(err, 0, "field \"%s\" is not a string", field);
	if (r == 0)
		return sift_error_set(err, 0, "missing field \"%s\"", field);
	sift_segment(ss->text.data, ss->text.len, &segopts, &ss->spans);
	sentences_reserve(ss, ss->spans.n);
	for (i = 0; i < ss->spans.n; i++) {
		ss->v[i].p = ss->text.data + ss->spans.v[i].start;
		ss->v[i].n = ss->spans.v[i].end - ss->spans.v[i].start;
	}
	ss->n = ss->spans.n;
	return 1;
}

void
sift_sentences_release(struct sift_sentences *ss)
{
	sift_buf_release(&ss->text);
	free(ss->off);
	free(ss->v);
	sift_spans_release(&ss->spans);
	ss->off = NULL;
	ss->v = NULL;
	ss->n = ss->cap = 0;
}

int
sift_summarize_record(struct sift_summarizer *s, struct sift_record *rec,
    const char *field, struct sift_error *err)
{
	const size_t *sel;
	size_t nsel;
	int r;

	r = sift_sentences_from_record(&s->doc, rec, field, err);
	if (r <= 0)
		return r;
	nsel = sift_summarize(s, s->doc.v, s->doc.n, &sel);
	sift_buf_reset(&s->json);
	sift_summarize_put_json(s, sel, nsel, &s->json);
	sift_record_set_raw(rec, "summary", s->json.data, s->json.len);
	return 1;
}

/* The JSON text of member key, strings re-encoded canonically into out
 * (so "a" and "\u0061" name one group).  Returns 0 if absent. */
static int
member_json(const struct sift_record *rec, const char *key, struct sift_buf *out,
    struct sift_buf *scratch)
{
	const char *raw;
	size_t len;

	sift_buf_reset(out);
	raw = sift_record_raw(rec, key, &len);
	if (raw == NULL)
		return 0;
	if (sift_record_type(rec, key) == SIFT_JSON_STRING) {
		sift_buf_reset(scratch);
		if (sift_json_decode_string(scratch, raw, len) == 0) {
			sift_json_put_string(out, scratch->data, scratch->len);
			return 1;
		}
	}
	sift_buf_add(out, raw, len);
	return 1;
}

int
sift_digest_add_record(struct sift_digest *d, const struct sift_record *rec,
    const char *group_field, const char *id_field, const char *field,
    const char *where, struct sift_error *err)
{
	int r, has_id, has_src;

	r = sift_sentences_from_record(&d->doc, rec, field, err);
	if (r < 0)
		return r;
	has_id = member_json(rec, id_field, &d->id, &d->scratch);
	has_src = member_json(rec, "source", &d->source, &d->scratch);
	if (sift_record_type(rec, group_field) == SIFT_JSON_NULL ||
	    !member_json(rec, group_field, &d->key, &d->scratch)) {
		sift_buf_reset(&d->key);
		if (has_id) {
			sift_buf_add(&d->key, d->id.data, d->id.len);
		} else {
			sift_json_put_string(&d->key, where, strlen(where));
		}
	}
	sift_digest_add(d, d->key.data, d->key.len,
	    has_id ? d->id.data : NULL, d->id.len,
	    has_src ? d->source.data : NULL, d->source.len, d->doc.v, d->doc.n);
	return r;
}
