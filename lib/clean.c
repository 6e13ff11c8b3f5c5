#include "clean.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ascii.h"
#include "data.h"
#include "dates.h"
#include "hash.h"
#include "utf8.h"

const char *const sift_meta_names[SIFT_META_N] = {
	"byline", "author", "email", "date", "dateline", "copyright", "title"
};

/* Lines longer than this are body text: no rule looks at them. */
#define RULE_MAXLEN 400

/* ---- the rule table ------------------------------------------------- */

/*
 * The bigram signature: 256 bits, one per hashed pair of adjacent bytes.
 * A rule's signature holds the pairs inside its literal runs; a line can
 * only match if its own signature has all of them.
 */
struct sig {
	uint64_t w[4];
};

static void
sig_add(struct sig *g, unsigned char a, unsigned char b)
{
	unsigned h = ((unsigned)a * 167u + b) & 255u;

	g->w[h >> 6] |= (uint64_t)1 << (h & 63);
}

static int
sig_covers(const struct sig *line, const struct sig *need)
{
	return (need->w[0] & ~line->w[0]) == 0 && (need->w[1] & ~line->w[1]) == 0 &&
	    (need->w[2] & ~line->w[2]) == 0 && (need->w[3] & ~line->w[3]) == 0;
}

enum rule_kind {
	RK_UI, RK_END, RK_PHOTO, RK_CREDIT, RK_META, RK_DATE, RK_UPDATED,
	RK_COPYRIGHT, RK_DATELINE, RK_ENDING, RK_STOP, RK_NKINDS
};

static const char *const kind_names[RK_NKINDS] = {
	"ui", "end", "photo", "credit", "meta", "date", "updated",
	"copyright", "dateline", "ending", "stop"
};

struct rule {
	unsigned char kind;		/* enum rule_kind */
	unsigned char field[2];		/* meta field of each capture */
	unsigned char contains;		/* the pattern starts with '*' */
	char *reason;			/* NUL-terminated */
	char *pat;			/* lowercased, NUL-terminated */
	size_t patlen;
	/*
	 * Cheap tests before the matcher runs: text the line must start
	 * with, end with and contain (the longest literal run), and its
	 * least length.  Most lines fail one of them.
	 */
	char *head, *tail, *need;
	size_t headlen, taillen, needlen, minlen;
	struct sig sig;
	unsigned char needs_at;		/* has %e: the line needs an '@' */
};

static struct rule *rules;
static size_t nrules;
static int rules_loaded;

/* Candidate rules by the first byte of a line; rules that can start with
 * anything are in wild; rules without wildcards are in the exact table. */
struct idxlist {
	int *v;
	size_t n, cap;
};
#define NBUCKET 512
/*
 * Patterns that start with a literal are found by the bucket of their
 * first character.  The others (starting with %h, %d/%n or anything) are
 * split again by the bucket of their last character when they end with a
 * literal (most do: " 기자", "]", ...), so a line meets only the patterns
 * that can both start and end the way it does.
 */
enum { CLS_HANGUL, CLS_DIGIT, CLS_ANY, NCLS };
struct ruleindex {
	struct idxlist bucket[NBUCKET];
	struct idxlist tail[NCLS][NBUCKET];
	struct idxlist anytail[NCLS];
};
/* all: every pattern rule; prose: the few that can match a sentence of
 * the body (datelines, copyright notices, e-mail bylines, cookie banners),
 * so that body lines, most of the text, are not tried against the rest */
static struct ruleindex idx_all, idx_prose;

struct exact_slot {
	uint64_t hash;
	int rule;		/* -1: empty */
};
static struct exact_slot *exact;
static size_t exactcap;		/* power of two */

/* Korean endings (as code points) and English stop words (hashes). */
static int32_t endings[64];
static size_t nendings;
static uint64_t *stops;
static size_t stopcap;		/* power of two */

static void
idx_push(struct idxlist *l, int i)
{
	if (l->n == l->cap)
		l->v = sift_xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v), 8);
	l->v[l->n++] = i;
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
	return sift_hash64(s, n, 0x5eed) | 1;	/* 0 marks an empty slot */
}

static void
set_insert(uint64_t *tab, size_t cap, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);

	while (tab[i] != 0 && tab[i] != h)
		i = (i + 1) & (cap - 1);
	tab[i] = h;
}

static int
set_has(const uint64_t *tab, size_t cap, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);

	while (tab[i] != 0) {
		if (tab[i] == h)
			return 1;
		i = (i + 1) & (cap - 1);
	}
	return 0;
}

static int
meta_field_named(const char *s, size_t n)
{
	int i;

	for (i = 0; i < SIFT_META_N; i++)
		if (strlen(sift_meta_names[i]) == n &&
		    memcmp(sift_meta_names[i], s, n) == 0)
			return i;
	return -1;
}

/* Parse "reason" or "reason:field,field" (meta) or "field,field"
 * (dateline) into r.  Returns 0 or -1. */
static int
parse_reason(struct rule *r, const char *s, size_t n)
{
	const char *fields = s, *colon, *comma;
	size_t fn = n, rn = n;
	int nf = 0, f;

	r->field[0] = r->field[1] = SIFT_META_N;
	if (r->kind == RK_META) {
		colon = memchr(s, ':', n);
		if (colon == NULL)
			return -1;
		rn = (size_t)(colon - s);
		fields = colon + 1;
		fn = n - rn - 1;
	} else if (r->kind == RK_DATELINE) {
		rn = 8;
		s = "dateline";
	} else {
		fields = NULL;
	}
	r->reason = sift_xstrndup(s, rn);
	while (fields != NULL && fn > 0) {
		comma = memchr(fields, ',', fn);
		n = comma ? (size_t)(comma - fields) : fn;
		if ((f = meta_field_named(fields, n)) < 0 || nf == 2)
			return -1;
		r->field[nf++] = (unsigned char)f;
		if (comma == NULL)
			break;
		fn -= n + 1;
		fields = comma + 1;
	}
	return 0;
}

static int
kind_named(const char *s, size_t n)
{
	int i;

	for (i = 0; i < RK_NKINDS; i++)
		if (strlen(kind_names[i]) == n && memcmp(kind_names[i], s, n) == 0)
			return i;
	return -1;
}

static void
lower_ascii(char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] - 'A' + 'a');
}

/* 1 if the pattern has no wildcard, capture or escape: an exact line. */
static int
is_plain(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strchr("*~%{}\\", p[i]) != NULL)
			return 0;
	return 1;
}

/* How a line that p matches must start: FK_ANY, FK_HANGUL, FK_DIGIT, or
 * (>= 0) the bucket of its first character. */
enum { FK_ANY = -1, FK_HANGUL = -2, FK_DIGIT = -3 };

static int
bucket_of(const char *s, size_t n)
{
	int32_t cp;

	sift_utf8_decode(s, n, &cp);
	return (int)((uint32_t)cp % NBUCKET);
}

static int
first_key(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && p[i] == '{')
		i++;
	if (i >= n)
		return FK_ANY;
	switch (p[i]) {
	case '*':
	case '~':
	case '}':
		return FK_ANY;
	case '\\':
		return i + 1 < n ? bucket_of(p + i + 1, n - i - 1) : FK_ANY;
	case '%':
		if (i + 1 >= n)
			return FK_ANY;
		if (p[i + 1] == 'h')
			return FK_HANGUL;
		if (p[i + 1] == 'd' || p[i + 1] == 'n')
			return FK_DIGIT;
		if (p[i + 1] == '%')
			return '%';
		return FK_ANY;
	default:
		return bucket_of(p + i, n - i);
	}
}

/*
 * Fill the prefilter of r from its pattern: the literal runs (braces do
 * not break a run, they match nothing), the first if the pattern starts
 * with one, the last if it ends with one, the longest, the bigrams inside
 * all of them, and the least number of bytes a match needs.
 */
static void
set_prefilter(struct rule *r)
{
	const char *p = r->pat;
	size_t n = r->patlen, i = 0, litlen = 0;
	char *lit = sift_xmalloc(n + 1);
	int at_start = 1;

	r->head = r->tail = r->need = NULL;
	r->headlen = r->taillen = r->needlen = r->minlen = 0;
	memset(&r->sig, 0, sizeof(r->sig));
	while (i <= n) {
		int c = i < n ? (unsigned char)p[i] : -1;

		if (c == '{' || c == '}') {
			i++;
			continue;
		}
		if (c == '\\' && i + 1 < n)
			c = (unsigned char)p[++i];
		else if (c == '*' || c == '~' || c == '%')
			c = -2;		/* a wildcard ends the run */
		if (c >= 0) {
			if (litlen > 0)
				sig_add(&r->sig, (unsigned char)lit[litlen - 1],
				    (unsigned char)c);
			lit[litlen++] = (char)c;
			r->minlen++;
			i++;
			continue;
		}
		if (litlen > 0) {
			if (at_start) {
				r->head = sift_xstrndup(lit, litlen);
				r->headlen = litlen;
			}
			if (litlen > r->needlen) {
				free(r->need);
				r->need = sift_xstrndup(lit, litlen);
				r->needlen = litlen;
			}
			if (c == -1) {
				r->tail = sift_xstrndup(lit, litlen);
				r->taillen = litlen;
			}
			litlen = 0;
		}
		at_start = 0;
		if (c == -1)
			break;
		if (p[i] == '%') {
			r->minlen++;
			i += 2;
		} else {
			i++;
		}
	}
	free(lit);
}

/* Whether needle occurs in s (memmem is not in POSIX). */
static int
contains_bytes(const char *s, size_t n, const char *needle, size_t k)
{
	const char *p = s, *end = s + n;

	if (k == 0)
		return 1;
	while ((size_t)(end - p) >= k &&
	    (p = memchr(p, needle[0], (size_t)(end - p) - k + 1)) != NULL) {
		if (memcmp(p, needle, k) == 0)
			return 1;
		p++;
	}
	return 0;
}

static void
add_ending(const char *s, size_t n)
{
	int32_t cp;

	if (nendings < sizeof(endings) / sizeof(endings[0]) &&
	    sift_utf8_decode(s, n, &cp) == n)
		endings[nendings++] = cp;
}

/* The bucket of the last character p must end with, or -1. */
static int
last_key(const struct rule *r)
{
	const char *t;
	size_t k;

	if (r->taillen == 0)
		return -1;
	t = r->tail + r->taillen;
	k = 1;
	while (k < r->taillen && ((unsigned char)t[-(long)k] & 0xC0) == 0x80)
		k++;
	return bucket_of(t - k, k);
}

static void
index_rule(struct ruleindex *x, const struct rule *r, int i)
{
	int k = first_key(r->pat, r->patlen), cls, t;

	if (k >= 0) {
		idx_push(&x->bucket[k], i);
		return;
	}
	cls = k == FK_HANGUL ? CLS_HANGUL : k == FK_DIGIT ? CLS_DIGIT : CLS_ANY;
	if ((t = last_key(r)) >= 0)
		idx_push(&x->tail[cls][t], i);
	else
		idx_push(&x->anytail[cls], i);
}

static int
prose_ok(const struct rule *r)
{
	return r->kind == RK_DATELINE || (r->kind == RK_COPYRIGHT && !r->contains) ||
	    (r->kind == RK_UI && strcmp(r->reason, "cookie") == 0) ||
	    (r->kind == RK_META && strstr(r->pat, "%e") != NULL && !r->contains);
}

static void
load_rules(void)
{
	const char *text, *line, *f[3];
	size_t len, pos = 0, linelen, fl[3], i, nstop = 0;
	struct rule r;
	int k;

	rules_loaded = 1;
	text = sift_data("clean-rules.tsv", &len);
	if (text == NULL)
		return;
	/* size the hash tables from the line count */
	for (i = 0; i < len; i++)
		nstop += text[i] == '\n';
	for (exactcap = 64; exactcap < 2 * nstop; exactcap *= 2)
		;
	exact = sift_xmalloc(exactcap * sizeof(*exact));
	for (i = 0; i < exactcap; i++)
		exact[i].rule = -1;
	stopcap = 256;
	stops = sift_xcalloc(stopcap, sizeof(*stops));
	rules = sift_xmalloc(nstop * sizeof(*rules) + 1);

	while (sift_data_next_line(text, len, &pos, &line, &linelen)) {
		size_t nf = sift_data_split(line, linelen, f, fl, 3);

		if (nf < 2 || (k = kind_named(f[0], fl[0])) < 0)
			continue;
		if (k == RK_ENDING) {
			add_ending(f[1], fl[1]);
			continue;
		}
		if (k == RK_STOP) {
			char w[32];

			if (fl[1] < sizeof(w)) {
				memcpy(w, f[1], fl[1]);
				lower_ascii(w, fl[1]);
				set_insert(stops, stopcap, hash_bytes(w, fl[1]));
			}
			continue;
		}
		if (nf < 3 || fl[2] == 0)
			continue;
		memset(&r, 0, sizeof(r));
		r.kind = (unsigned char)k;
		if (parse_reason(&r, f[1], fl[1]) < 0) {
			free(r.reason);
			continue;
		}
		r.pat = sift_xstrndup(f[2], fl[2]);
		r.patlen = fl[2];
		lower_ascii(r.pat, r.patlen);
		r.contains = r.pat[0] == '*';
		set_prefilter(&r);
		r.needs_at = strstr(r.pat, "%e") != NULL;
		rules[nrules] = r;
		if (is_plain(r.pat, r.patlen)) {
			uint64_t h = hash_bytes(r.pat, r.patlen);
			size_t s = (size_t)h & (exactcap - 1);

			while (exact[s].rule >= 0 && exact[s].hash != h)
				s = (s + 1) & (exactcap - 1);
			if (exact[s].rule < 0) {	/* the first rule wins */
				exact[s].hash = h;
				exact[s].rule = (int)nrules;
			}
		} else {
			index_rule(&idx_all, &r, (int)nrules);
			if (prose_ok(&r))
				index_rule(&idx_prose, &r, (int)nrules);
		}
		nrules++;
	}
}

int
sift_clean_rules_ok(void)
{
	const char *text, *line, *f[3];
	size_t len, pos = 0, linelen, fl[3];
	struct rule r;
	int k, ok = 1;

	text = sift_data("clean-rules.tsv", &len);
	if (text == NULL)
		return 0;
	while (ok && sift_data_next_line(text, len, &pos, &line, &linelen)) {
		size_t nf = sift_data_split(line, linelen, f, fl, 3);

		if (nf < 2 || (k = kind_named(f[0], fl[0])) < 0) {
			ok = 0;
			break;
		}
		if (k == RK_ENDING || k == RK_STOP) {
			if (nf != 2 || fl[1] == 0)
				ok = 0;
			continue;
		}
		if (nf < 3 || fl[2] == 0) {
			ok = 0;
			break;
		}
		memset(&r, 0, sizeof(r));
		r.kind = (unsigned char)k;
		if (parse_reason(&r, f[1], fl[1]) < 0)
			ok = 0;
		free(r.reason);
	}
	return ok;
}

/* ---- pattern matching ------------------------------------------------ */

/* Bytes of the character at s (the text is valid UTF-8 by now). */
static inline size_t char_len(const unsigned char *s, size_t n);
static inline size_t
char_len(const unsigned char *s, size_t n)
{
	size_t k = 1;

	while (k < n && (s[k] & 0xC0) == 0x80)
		k++;
	return k;
}

static int
is_email_local(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
	    c == '+' || c == '-';
}

static int
is_email_domain(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '-';
}

/* Length of the e-mail address at s, or 0. */
static size_t
email_at(const unsigned char *s, size_t n)
{
	size_t i = 0, at, dot = 0;

	while (i < n && is_email_local(s[i]))
		i++;
	if (i == 0 || i >= n || s[i] != '@')
		return 0;
	at = i++;
	while (i < n && is_email_domain(s[i])) {
		if (s[i] == '.')
			dot = i;
		i++;
	}
	while (i > at + 1 && s[i - 1] == '.')
		i--;
	if (dot <= at + 1 || dot + 1 >= i)
		return 0;
	return i;
}

/*
 * Match pattern p[pi..pn) against line s[si..sn), backtracking over the
 * lengths a wildcard can take (longest first for %d %n %h %w, shortest
 * first for *).  Captures are written as the match proceeds, so after a
 * success they hold the values of the successful path.  Returns 1 or 0.
 */
static int
pm(const char *p, size_t pn, size_t pi, const unsigned char *s, size_t sn,
    size_t si, size_t *cap, int capi)
{
	size_t k, m;

	while (pi < pn) {
		unsigned char c = (unsigned char)p[pi];

		switch (c) {
		case '*':
			pi++;
			if (pi == pn)
				return 1;
			for (k = si;; k += char_len(s + k, sn - k)) {
				if (pm(p, pn, pi, s, sn, k, cap, capi))
					return 1;
				if (k >= sn)
					return 0;
			}
		case '~':
			pi++;
			if (si < sn && s[si] == ' ' &&
			    pm(p, pn, pi, s, sn, si + 1, cap, capi))
				return 1;
			continue;
		case '{':
			if (capi < 2)
				cap[2 * capi] = si;
			pi++;
			continue;
		case '}':
			if (capi < 2)
				cap[2 * capi + 1] = si - cap[2 * capi];
			capi++;
			pi++;
			continue;
		case '%':
			if (pi + 1 >= pn)
				return 0;
			c = (unsigned char)p[pi + 1];
			pi += 2;
			switch (c) {
			case 'd':
				for (m = si; m < sn && s[m] >= '0' && s[m] <= '9'; m++)
					;
				for (k = m; k > si; k--)
					if (pm(p, pn, pi, s, sn, k, cap, capi))
						return 1;
				return 0;
			case 'n':
				if (si >= sn || s[si] < '0' || s[si] > '9')
					return 0;
				for (m = si; m < sn && ((s[m] >= '0' && s[m] <= '9') ||
				    s[m] == '.' || s[m] == ','); m++)
					;
				for (k = m; k > si; k--)
					if (s[k - 1] >= '0' && s[k - 1] <= '9' &&
					    pm(p, pn, pi, s, sn, k, cap, capi))
						return 1;
				return 0;
			case 'h':
				for (m = si; sift_hangul_at((const char *)s + m,
				    sn - m); m += 3)
					;
				for (k = m; k > si; k -= 3)
					if (pm(p, pn, pi, s, sn, k, cap, capi))
						return 1;
				return 0;
			case 'w':
				for (m = si; m < sn && s[m] != ' '; m++)
					;
				for (k = m; k > si; k--) {
					if ((s[k] & 0xC0) == 0x80 && k < m)
						continue;	/* not a boundary */
					if (pm(p, pn, pi, s, sn, k, cap, capi))
						return 1;
				}
				return 0;
			case 'e':
				if ((k = email_at(s + si, sn - si)) == 0)
					return 0;
				si += k;
				continue;
			case '%':
				if (si < sn && s[si] == '%') {
					si++;
					continue;
				}
				return 0;
			default:
				return 0;
			}
		case '\\':
			if (++pi >= pn)
				return 0;
			c = (unsigned char)p[pi];
			/* fall through */
		default:
			if (si < sn && s[si] == c) {
				si++;
				pi++;
				continue;
			}
			return 0;
		}
	}
	return si == sn;
}

int
sift_clean_pattern_match(const char *pat, size_t patlen, const char *s,
    size_t n, size_t cap[4])
{
	size_t dummy[4];

	if (cap == NULL)
		cap = dummy;
	memset(cap, 0, 4 * sizeof(*cap));
	return pm(pat, patlen, 0, (const unsigned char *)s, n, 0, cap, 0);
}

/* ---- the per-line work ----------------------------------------------- */

enum line_class { CL_PROSE, CL_TEXT, CL_JUNK, CL_META, CL_END };

struct sift_clean_line {
	size_t off, len;		/* in c->norm */
	uint32_t lineno;
	int nchars, nvis, nletters, nhangul, nlatin, ndigits, nwords, nstop;
	int nwide;			/* letters of scripts written without
					 * spaces (Han, kana, Thai, ...) */
	unsigned char end_punct, ko_end, para, has_at, has_upper;
	unsigned char cls, keep, lifted, barrier, caption;
	int rule;			/* matching rule or -1 */
	size_t cap[4];
	int weight;
	const char *reason;
	uint64_t hash;
};

/* The bigram signature of line s[0..n). */
static void
line_sig(struct sig *g, const unsigned char *s, size_t n)
{
	size_t k;

	memset(g, 0, sizeof(*g));
	for (k = 1; k < n; k++)
		sig_add(g, s[k - 1], s[k]);
}

/*
 * The first rule of list (in file order, below limit) that matches the
 * line, or -1.  The cheap tests run first; the signature is computed on
 * first need.
 */
static int
first_match(const struct idxlist *list, int limit,
    const struct sift_clean_line *l, const char *lw, int prose_like,
    struct sig *sig, int *has_sig, size_t *cap)
{
	const unsigned char *s = (const unsigned char *)lw;
	size_t i, n = l->len;

	for (i = 0; i < list->n && list->v[i] < limit; i++) {
		const struct rule *r = &rules[list->v[i]];

		if (n < r->minlen || (r->needs_at && !l->has_at))
			continue;
		/* a sentence of the article is not a furniture line that
		 * happens to contain a furniture word */
		if (r->contains && prose_like && strcmp(r->reason, "cookie") != 0)
			continue;
		if (r->taillen && (s[n - 1] != (unsigned char)r->tail[r->taillen - 1] ||
		    memcmp(s + n - r->taillen, r->tail, r->taillen) != 0))
			continue;
		if (r->headlen && memcmp(s, r->head, r->headlen) != 0)
			continue;
		if (!*has_sig) {
			line_sig(sig, s, n);
			*has_sig = 1;
		}
		if (!sig_covers(sig, &r->sig))
			continue;
		if (r->needlen > r->headlen && r->needlen > r->taillen &&
		    !contains_bytes(lw, n, r->need, r->needlen))
			continue;
		if (sift_clean_pattern_match(r->pat, r->patlen, lw, n, cap))
			return list->v[i];
	}
	return -1;
}

/*
 * Find the rule that matches line l (lowercased in lw): an exact line rule
 * if there is one, else the first pattern in file order among the
 * candidate lists of the index (see struct ruleindex).
 */
static int
match_rules(const struct sift_clean_line *l, const char *lw, size_t *cap)
{
	const unsigned char *s = (const unsigned char *)lw;
	size_t n = l->len, e, k;
	int prose_like = l->end_punct && l->nchars >= 40 && (l->ko_end ||
	    (l->nwords >= 8 && l->nstop * 5 >= l->nwords));
	const struct ruleindex *x = prose_like ? &idx_prose : &idx_all;
	const struct idxlist *list[5];
	size_t bestcap[4];
	struct sig sig;
	int nlist = 0, j, r, best = INT_MAX, cls, last, has_sig = 0;
	uint64_t h;

	memset(cap, 0, 4 * sizeof(*cap));
	if (!prose_like) {
		h = l->has_upper ? hash_bytes(lw, n) : l->hash;
		for (e = (size_t)h & (exactcap - 1); exact[e].rule >= 0;
		    e = (e + 1) & (exactcap - 1))
			if (exact[e].hash == h)
				return exact[e].rule;
	}
	list[nlist++] = &x->bucket[bucket_of(lw, n)];
	/* a sentence can only be a dateline, a notice or a byline with an
	 * address, and those start with a literal or hold an '@' */
	if (!prose_like || l->has_at) {
		for (k = 1; k < n && (s[n - k] & 0xC0) == 0x80; k++)
			;
		last = bucket_of(lw + n - k, k);
		cls = sift_hangul_at(lw, n) ? CLS_HANGUL :
		    (s[0] >= '0' && s[0] <= '9') ? CLS_DIGIT : -1;
		if (cls >= 0) {
			list[nlist++] = &x->tail[cls][last];
			list[nlist++] = &x->anytail[cls];
		}
		list[nlist++] = &x->tail[CLS_ANY][last];
		list[nlist++] = &x->anytail[CLS_ANY];
	}
	for (j = 0; j < nlist; j++) {
		r = first_match(list[j], best, l, lw, prose_like, &sig, &has_sig,
		    cap);
		if (r >= 0 && r < best) {
			best = r;
			memcpy(bestcap, cap, sizeof(bestcap));
		}
	}
	if (best == INT_MAX) {
		memset(cap, 0, 4 * sizeof(*cap));
		return -1;
	}
	memcpy(cap, bestcap, sizeof(bestcap));
	return best;
}

static int
is_ending(int32_t cp)
{
	size_t i;

	for (i = 0; i < nendings; i++)
		if (endings[i] == cp)
			return 1;
	return 0;
}

/* The code point ending at s[end), moving *end back over it. */
static int32_t
prev_cp(const char *s, size_t *end)
{
	size_t i = *end;
	int32_t cp;

	if (i == 0)
		return 0;
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
	sift_utf8_decode(s + i, *end - i, &cp);
	*end = i;
	return cp;
}

static int
is_closer(int32_t cp)
{
	switch (cp) {
	case '"': case '\'': case ')': case ']': case '>':
	case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0x300B:
	case 0x3009: case 0xFF09: case 0x3011:
		return 1;
	}
	return 0;
}

static int
is_final_punct(int32_t cp)
{
	switch (cp) {
	case '.': case '!': case '?': case 0x2026: case 0x3002: case 0xFF01:
	case 0xFF1F: case 0xFF0E:
		return 1;
	}
	return 0;
}

/*
 * 1 for a letter of a script written without spaces between words (Han,
 * kana, Thai, Lao, Khmer, Myanmar, Tibetan): a Chinese or Japanese
 * sentence is one "word" by spaces, so such letters count as words of
 * their own (see words_of).
 */
static int
unspaced_script(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||	/* kana */
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F) ||
	    (cp >= 0x0E00 && cp <= 0x0EFF) ||	/* Thai, Lao */
	    (cp >= 0x0F00 && cp <= 0x0FFF) ||	/* Tibetan */
	    (cp >= 0x1000 && cp <= 0x109F) ||	/* Myanmar */
	    (cp >= 0x1780 && cp <= 0x17FF);	/* Khmer */
}

/* Count letters, digits, words and stop words; find how the line ends. */
static void
line_features(struct sift_clean_line *l, const char *s)
{
	size_t i = 0, n = l->len, wstart = 0, end;
	int inword = 0, wascii = 1;
	int32_t cp;

	l->nchars = l->nvis = l->nletters = l->nhangul = l->nlatin = 0;
	l->ndigits = l->nwords = l->nstop = l->nwide = 0;
	l->has_at = l->has_upper = 0;
	while (i <= n) {
		unsigned c = i < n ? (unsigned char)s[i] : ' ';
		size_t k = 1;

		if (c == ' ') {
			if (inword) {
				l->nwords++;
				if (wascii && i - wstart < 16) {
					char w[16];

					memcpy(w, s + wstart, i - wstart);
					lower_ascii(w, i - wstart);
					if (set_has(stops, stopcap,
					    hash_bytes(w, i - wstart)))
						l->nstop++;
				}
			}
			inword = 0;
			if (i < n)
				l->nchars++;
			i++;
			continue;
		}
		if (!inword) {
			inword = 1;
			wstart = i;
			wascii = 1;
		}
		l->nchars++;
		l->nvis++;
		if (c < 0x80) {
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
				l->nletters++;
				l->nlatin++;
				if (c < 'a')
					l->has_upper = 1;
			} else if (c >= '0' && c <= '9') {
				l->ndigits++;
			} else if (c != '\'' && c != '-') {
				wascii = 0;
				if (c == '@')
					l->has_at = 1;
			}
		} else if (c >= 0xEA && c <= 0xED && i + 2 < n &&
		    sift_hangul_at(s + i, n - i)) {
			k = 3;
			l->nletters++;
			l->nhangul++;
			wascii = 0;
		} else {
			k = sift_utf8_decode(s + i, n - i, &cp);
			switch (utf8proc_category(cp)) {
			case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
			case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
			case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
			case UTF8PROC_CATEGORY_MC:
				l->nletters++;
				l->nwide += unspaced_script(cp);
				break;
			case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
			case UTF8PROC_CATEGORY_NO:
				l->ndigits++;
				break;
			default:
				break;
			}
			wascii = 0;
		}
		i += k;
	}

	/* how it ends: closers, then final punctuation, then the ending */
	l->end_punct = l->ko_end = 0;
	end = n;
	cp = prev_cp(s, &end);
	while (end > 0 && is_closer(cp))
		cp = prev_cp(s, &end);
	if (is_final_punct(cp)) {
		l->end_punct = 1;
		while (end > 0 && is_final_punct(cp))
			cp = prev_cp(s, &end);
		while (end > 0 && is_closer(cp))
			cp = prev_cp(s, &end);
	}
	if (cp >= 0xAC00 && cp <= 0xD7A3 && is_ending(cp))
		l->ko_end = 1;
}

/* The reason of a line of digits and signs, compared by address. */
static const char reason_symbols[] = "symbols";

/*
 * Words, counting two letters of an unspaced script as one word (the
 * usual length of a Chinese word; Japanese mixes in kana, Thai runs
 * longer, but what matters is that a sentence is many words, not one).
 */
static int
words_of(const struct sift_clean_line *l)
{
	return l->nwords + l->nwide / 2;
}

/* Classes and weights of step 2 (clean.h) for a line no rule matched. */
static void
classify_by_features(struct sift_clean_line *l)
{
	int hangul_text = l->nhangul > l->nlatin;
	int wide_text = l->nwide * 2 > l->nletters;
	int words = words_of(l);

	if (l->nletters == 0 || l->nletters * 2 < l->nvis) {
		l->cls = CL_JUNK;
		l->reason = reason_symbols;
		return;
	}
	if (wide_text) {
		/* Chinese, Japanese, Thai: no stop words or endings to go
		 * by; a sentence-final mark, or length, makes prose */
		if ((l->end_punct && words >= 5) || l->nwide >= 40) {
			l->cls = CL_PROSE;
			l->reason = "prose";
		} else {
			l->cls = CL_TEXT;
			l->reason = "text";
		}
		return;
	}
	if (hangul_text ?
	    (l->end_punct && l->nwords >= 3 && (l->ko_end || l->nchars >= 50)) :
	    (l->end_punct && l->nwords >= 4)) {
		l->cls = CL_PROSE;
		l->reason = "prose";
		return;
	}
	/* a long line of words is prose in any language: the stop words
	 * are English only, and a paragraph may end without a full stop */
	if (l->nchars >= 80 && l->nwords >= 10 &&
	    (hangul_text || l->nstop * 6 >= l->nwords ||
	    (l->nchars >= 200 && l->nwords >= 30))) {
		l->cls = CL_PROSE;
		l->reason = "prose";
		return;
	}
	l->cls = CL_TEXT;
	l->reason = "text";
}

/* Weights of step 3 (clean.h): what a line adds to its article run. */
static void
set_weight(struct sift_clean_line *l)
{
	switch (l->cls) {
	case CL_PROSE:
		/* a Han or kana letter says about what two Latin or Hangul
		 * ones say */
		l->weight = l->end_punct ? l->nchars + l->nwide :
		    (l->nchars + l->nwide) / 2;
		break;
	case CL_TEXT:
		l->weight = -(5 + l->nchars / 4);
		break;
	case CL_JUNK:
		/* photos, captions and ads sit inside articles: crossing them
		 * is cheap; menus and buttons belong to the page around it */
		if (strcmp(l->reason, "caption") == 0 || strcmp(l->reason, "ad") == 0)
			l->weight = -3;
		else if (l->reason == reason_symbols)
			/* figures, code, a score line: tables and listings
			 * sit inside articles too; only the rules know
			 * furniture for sure */
			l->weight = -(5 + l->nchars / 4);
		else
			l->weight = -(15 + l->nchars / 2);
		break;
	default:
		l->weight = 0;
		break;
	}
}

/* A line that can be the headline or the deck under it. */
static int
headline_like(const struct sift_clean_line *l)
{
	return (l->cls == CL_TEXT || l->cls == CL_PROSE) && !l->caption &&
	    l->nwords >= 2 && l->nchars >= 8 && l->nchars <= 200 &&
	    l->nletters * 2 >= l->nvis && l->nvis > l->nwords + l->nwords / 2;
}

void
sift_cleaner_init(struct sift_cleaner *c, unsigned flags)
{
	memset(c, 0, sizeof(*c));
	c->flags = flags;
	sift_normalizer_init(&c->nz, (flags & SIFT_CLEAN_NFKC) ? SIFT_NORM_NFKC : 0);
	sift_buf_init(&c->norm, 0);
	sift_buf_init(&c->text, 0);
	sift_buf_init(&c->lower, 0);
	sift_buf_init(&c->in, 0);
	sift_buf_init(&c->json, 0);
	if (!rules_loaded)
		load_rules();
}

void
sift_cleaner_release(struct sift_cleaner *c)
{
	sift_normalizer_release(&c->nz);
	sift_buf_release(&c->norm);
	sift_buf_release(&c->text);
	sift_buf_release(&c->lower);
	sift_buf_release(&c->in);
	sift_buf_release(&c->json);
	free(c->d);
	free(c->lv);
	free(c->seen);
	memset(c, 0, sizeof(*c));
}

/* Split c->norm into lines with their features and rule matches. */
static size_t
split_lines(struct sift_cleaner *c)
{
	const char *s = c->norm.data;
	size_t n = c->norm.len, pos = 0, nl = 0, k = 0;
	int para = 0;

	while (pos < n) {
		const char *e = memchr(s + pos, '\n', n - pos);
		size_t len = e ? (size_t)(e - (s + pos)) : n - pos;
		struct sift_clean_line *l;

		if (len == 0) {		/* the blank line of a paragraph break */
			para = 1;
			pos++;
			k++;
			continue;
		}
		if (nl == c->lvcap)
			c->lv = sift_xgrow(c->lv, &c->lvcap, nl + 1, sizeof(*c->lv),
			    64);
		l = &c->lv[nl++];
		memset(l, 0, sizeof(*l));
		l->off = pos;
		l->len = len;
		l->lineno = k < c->nz.nlines ? c->nz.line_of[k] : 0;
		l->para = (unsigned char)para;
		l->rule = -1;
		para = 0;
		line_features(l, s + pos);
		l->hash = hash_bytes(s + pos, len);
		if (len <= RULE_MAXLEN && !l->has_upper) {
			l->rule = match_rules(l, s + pos, l->cap);
		} else if (len <= RULE_MAXLEN) {
			sift_buf_reset(&c->lower);
			sift_buf_add(&c->lower, s + pos, len);
			lower_ascii(c->lower.data, len);
			l->rule = match_rules(l, c->lower.data, l->cap);
		}
		pos += len + 1;
		k++;
	}
	return nl;
}

/* Subheads carry a marker; headlines in a list of related stories do not. */
static int
subhead_marked(const char *s, size_t n)
{
	static const char *const marks[] = {
		"■", "□", "◆", "◇", "●", "◈", "▣", "◎", "◉", "【"
	};
	size_t i, k;

	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		k = strlen(marks[i]);
		if (n >= k && memcmp(s, marks[i], k) == 0)
			return 1;
	}
	return 0;
}

static int
is_signature(const struct sift_clean_line *l)
{
	return l->rule >= 0 && (rules[l->rule].kind == RK_COPYRIGHT ||
	    (rules[l->rule].kind == RK_META && l->cls == CL_META));
}

/*
 * Barriers: every closing line, and a byline or e-mail once the body has
 * begun (it signs the article off).  One exception: a "related news" box
 * inside the body, i.e. before the article's signature with more prose
 * between the two and no other closing line, is not a barrier; its
 * headlines are junk and the article runs on across it.
 */
static void
set_barriers(struct sift_clean_line *lv, size_t nl, const char *text)
{
	size_t i, j, sig = nl;
	long prose = 0, before;

	for (i = 0; i < nl; i++) {
		struct sift_clean_line *l = &lv[i];

		if (l->cls == CL_PROSE)
			prose += l->nchars;
		if (l->cls == CL_END) {
			l->barrier = 1;
		} else if (l->cls == CL_META && rules[l->rule].kind == RK_META &&
		    prose >= 100) {
			l->barrier = 1;
		}
		if (sig == nl && prose >= 100 && is_signature(l))
			sig = i;
	}
	for (i = 0, before = 0; i < sig; i++) {
		long after = 0;
		int other_end = 0;

		if (lv[i].cls == CL_PROSE)
			before += lv[i].nchars;
		if (lv[i].cls != CL_END || strcmp(lv[i].reason, "related") != 0 ||
		    before < 100)
			continue;
		for (j = i + 1; j < sig; j++) {
			if (lv[j].cls == CL_END)
				other_end = 1;
			if (lv[j].cls == CL_PROSE)
				after += lv[j].nchars;
		}
		if (other_end || after < 40)
			continue;
		lv[i].cls = CL_JUNK;
		lv[i].barrier = 0;
		set_weight(&lv[i]);
		for (j = i + 1; j < sig && lv[j].cls == CL_TEXT; j++) {
			if (subhead_marked(text + lv[j].off, lv[j].len))
				break;
			lv[j].cls = CL_JUNK;
			lv[j].reason = "related";
			set_weight(&lv[j]);
		}
	}
}

/* Step 2: classes, reasons and barriers from the rules and features. */
static void
classify(struct sift_clean_line *lv, size_t nl, const char *text)
{
	size_t i;

	for (i = 0; i < nl; i++) {
		struct sift_clean_line *l = &lv[i];
		const struct rule *r = l->rule >= 0 ? &rules[l->rule] : NULL;

		if (r == NULL || r->kind == RK_DATELINE) {
			classify_by_features(l);
		} else {
			l->reason = r->reason;
			switch (r->kind) {
			case RK_UI:
				l->cls = CL_JUNK;
				break;
			case RK_END:
			case RK_COPYRIGHT:
				l->cls = CL_END;
				break;
			case RK_PHOTO:
				l->cls = CL_JUNK;
				if (i + 1 < nl && lv[i + 1].nchars <= 300 &&
				    lv[i + 1].rule < 0)
					lv[i + 1].caption = 1;
				break;
			case RK_CREDIT:
				l->cls = CL_JUNK;
				if (i > 0 && lv[i - 1].nchars <= 200 &&
				    (lv[i - 1].rule < 0 ||
				    rules[lv[i - 1].rule].kind == RK_DATELINE))
					lv[i - 1].caption = 1;
				break;
			default:	/* meta, date, updated */
				l->cls = CL_META;
				break;
			}
		}
		set_weight(l);
	}
	for (i = 0; i < nl; i++) {
		if (lv[i].caption && lv[i].cls != CL_END && lv[i].cls != CL_META) {
			lv[i].cls = CL_JUNK;
			lv[i].reason = "caption";
			set_weight(&lv[i]);
		}
	}
	set_barriers(lv, nl, text);
}
/*
 * Step 3: the best run between barriers (Kadane per region).  A copyright
 * notice or the comment box under an article closes the page's story:
 * what follows it (readers' comments, the site's picks, a teaser story, a
 * feed of other stories' leads) must weigh twice as much to win.
 */
#define CLOSED_MIN 200		/* weight of a run that a notice closes */

static int
closes_story(const struct sift_clean_line *l)
{
	return l->rule >= 0 && (rules[l->rule].kind == RK_COPYRIGHT ||
	    (rules[l->rule].kind == RK_END && strcmp(l->reason, "comment") == 0));
}

static int
best_run(const struct sift_clean_line *lv, size_t nl, size_t *start,
    size_t *end)
{
	long best = 0, cur = 0;
	size_t i, cs = 0;
	int found = 0, closed = 0;

	for (i = 0; i < nl; i++) {
		if (lv[i].barrier) {
			if (best >= CLOSED_MIN && closes_story(&lv[i]))
				closed = 1;
			cur = 0;
			cs = i + 1;
			continue;
		}
		if (cur <= 0) {
			cur = 0;
			cs = i;
		}
		cur += lv[i].weight;
		if (closed ? cur > 2 * best : cur > best) {
			closed = 0;
			best = cur;
			*start = cs;
			*end = i + 1;
			found = 1;
		}
	}
	return found;
}

static void
set_meta(struct sift_cleaner *c, int f, const char *s, size_t n)
{
	if (c->meta[f] == NULL && n > 0) {
		c->meta[f] = s;
		c->metalen[f] = n;
	}
}

/*
 * Parse the date on a line with dates.h.  Blogs write "2025. 3. 22."; the
 * spaces after the dots are squeezed out first so that the one date parser
 * of the project reads it as 2025.3.22.
 */
static int
parse_line_date(struct sift_cleaner *c, const char *s, size_t n)
{
	size_t i;

	sift_buf_reset(&c->lower);
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' && i >= 2 && s[i - 1] == '.' &&
		    s[i - 2] >= '0' && s[i - 2] <= '9' && i + 1 < n &&
		    s[i + 1] >= '0' && s[i + 1] <= '9')
			continue;
		sift_buf_addc(&c->lower, s[i]);
	}
	return sift_parse_date(c->lower.data, c->lower.len, c->date_iso, NULL) == 0 &&
	    c->date_iso[0] != '\0';
}

/* Lift bylines, e-mail, dateline, date and copyright from lines [0, hi). */
static void
lift_meta(struct sift_cleaner *c, struct sift_clean_line *lv, size_t nl,
    size_t art_start, size_t hi)
{
	const char *s = c->norm.data;
	size_t i;
	int j, pass;

	for (i = 0; i < hi; i++) {
		struct sift_clean_line *l = &lv[i];
		const struct rule *r = l->rule >= 0 ? &rules[l->rule] : NULL;

		if (r == NULL || (r->kind != RK_META && r->kind != RK_DATELINE))
			continue;
		if (r->kind == RK_META && strcmp(r->reason, "byline") == 0 &&
		    c->meta[SIFT_META_BYLINE] == NULL) {
			set_meta(c, SIFT_META_BYLINE, s + l->off, l->len);
			l->lifted = 1;
		}
		for (j = 0; j < 2; j++) {
			if (r->field[j] < SIFT_META_N && l->cap[2 * j + 1] > 0) {
				if (c->meta[r->field[j]] == NULL)
					l->lifted = 1;
				set_meta(c, r->field[j], s + l->off + l->cap[2 * j],
				    l->cap[2 * j + 1]);
			}
		}
	}
	/* the published date; failing that a dated byline; then any date */
	for (pass = 0; pass < 3 && c->meta[SIFT_META_DATE] == NULL; pass++) {
		for (i = 0; i < hi; i++) {
			const struct rule *r = lv[i].rule >= 0 ? &rules[lv[i].rule] : NULL;
			int want = pass == 0 ? RK_DATE : pass == 1 ? RK_META : RK_UPDATED;

			if (r == NULL || r->kind != want)
				continue;
			if (parse_line_date(c, s + lv[i].off, lv[i].len)) {
				set_meta(c, SIFT_META_DATE, c->date_iso,
				    strlen(c->date_iso));
				lv[i].lifted = 1;
				break;
			}
		}
	}
	/* the copyright line that closes the article, else any */
	for (pass = 0; pass < 2 && c->meta[SIFT_META_COPYRIGHT] == NULL; pass++) {
		for (i = pass == 0 ? art_start : 0; i < nl; i++) {
			if (lv[i].rule >= 0 && rules[lv[i].rule].kind == RK_COPYRIGHT) {
				set_meta(c, SIFT_META_COPYRIGHT, s + lv[i].off,
				    lv[i].len);
				lv[i].lifted = 1;
				break;
			}
		}
	}
}

/*
 * Step 4: the headline above the article, with up to two deck lines under
 * it, found past the byline, date and share lines.  Returns the index of
 * the headline or -1.
 *
 * The line right above the body is the headline on pages that sign the
 * article at the bottom, but on pages with a byline or date block under
 * the headline it can be a button the rules do not know ("글씨 줄이기",
 * "Share on X", a font-size bar).  So a short candidate found below such
 * a block gives way to a full-length headline above it.
 */
#define TITLE_MINLEN 15		/* chars: a deck, or a headline set apart */

static size_t
find_title(struct sift_clean_line *lv, size_t art_start)
{
	size_t i = art_start, scanned = 0, t, cand = (size_t)-1;
	int decks, meta_above_cand = 0;

	while (i > 0 && scanned < 40) {
		struct sift_clean_line *l = &lv[--i];

		scanned++;
		/* a comment count sits in the article header; other closing
		 * lines mean the walk left the article */
		if (l->cls == CL_END && strcmp(l->reason, "comment") != 0)
			break;
		if (l->cls == CL_META && cand != (size_t)-1)
			meta_above_cand = 1;
		if (l->cls == CL_JUNK || l->cls == CL_META || l->cls == CL_END)
			continue;
		/* a few letters the rules do not know, or a row of
		 * one-letter buttons ("가 가 가", "A A A"), is a button, not
		 * the end of the header */
		if (!headline_like(l) && (l->nchars < 12 ||
		    l->nvis <= l->nwords + l->nwords / 2))
			continue;
		if (!headline_like(l))
			break;
		if (cand == (size_t)-1) {
			cand = i;
			if (l->nchars >= TITLE_MINLEN)
				break;
			continue;	/* short: look above a byline block */
		}
		if (l->nchars < TITLE_MINLEN)
			continue;	/* another short one: buttons */
		if (meta_above_cand && l->nwords >= 3) {
			/* the headline; the short line under the byline
			 * block is left out */
			cand = i;
		}
		break;
	}
	if (cand == (size_t)-1)
		return (size_t)-1;
	lv[cand].keep = 1;
	lv[cand].reason = "title";
	/* a line above that reads like a headline too is the title, and
	 * this one its deck */
	for (t = cand, decks = 0; decks < 2 && t > 0; decks++, t--) {
		struct sift_clean_line *u = &lv[t - 1];

		if (!headline_like(u) || u->nchars < TITLE_MINLEN || u->nwords < 3 ||
		    u->barrier)
			break;
		u->keep = 1;
		u->reason = "title";
	}
	return t;
}

/*
 * A line of figures inside the article: a table cell ("2.3 GB/s"), a score,
 * a phone number.  Lines of signs alone ("▲", "***") are still dropped.
 */
static int
figures_line(const struct sift_clean_line *l)
{
	return l->cls == CL_JUNK && l->reason == reason_symbols &&
	    l->ndigits > 0 && !l->caption;
}

/* A line of plain text that ends like a sentence ("출시는 내년 예정."). */
static int
sentence_like(const struct sift_clean_line *l)
{
	return l->cls == CL_TEXT && !l->caption && l->end_punct &&
	    l->nwords >= 2 && !l->barrier;
}

/*
 * Step 5: drop repeats of a caption or of a line already kept.  Short
 * lines may repeat: the cells of a table ("1", "Yes"), the labels of a
 * list or a recipe ("Meal 2", "Eat every 2-3 hours") say the same thing
 * for different rows.
 */
#define DUP_MINLEN 24
static void
drop_repeats(struct sift_cleaner *c, struct sift_clean_line *lv, size_t nl)
{
	size_t cap, i;

	for (cap = 64; cap < 4 * nl; cap *= 2)
		;
	if (cap > c->seencap) {
		free(c->seen);
		c->seen = sift_xmalloc(cap * sizeof(*c->seen));
		c->seencap = cap;
	}
	cap = c->seencap;
	/* captions first: hashes flipped so they never meet kept lines */
	memset(c->seen, 0, cap * sizeof(*c->seen));
	for (i = 0; i < nl; i++)
		if (lv[i].caption)
			set_insert(c->seen, cap, ~lv[i].hash | 1);
	for (i = 0; i < nl; i++) {
		if (!lv[i].keep) {
			if (!lv[i].caption && set_has(c->seen, cap, ~lv[i].hash | 1) &&
			    (lv[i].cls == CL_PROSE || lv[i].cls == CL_TEXT))
				lv[i].reason = "caption";
			continue;
		}
		if (set_has(c->seen, cap, ~lv[i].hash | 1)) {
			lv[i].keep = 0;
			lv[i].reason = "caption";
		} else if (lv[i].nchars >= DUP_MINLEN &&
		    set_has(c->seen, cap, lv[i].hash)) {
			lv[i].keep = 0;
			lv[i].reason = "duplicate";
		} else {
			set_insert(c->seen, cap, lv[i].hash);
		}
	}
}

size_t
sift_clean(struct sift_cleaner *c, const char *text, size_t n)
{
	struct sift_clean_line *lv;
	size_t nl, i, start = 0, end = 0, hi, removed = 0, title;
	int found, any_junk = 0, need_sep = 0;

	if (!rules_loaded)
		load_rules();
	memset(c->meta, 0, sizeof(c->meta));
	memset(c->metalen, 0, sizeof(c->metalen));
	c->date_iso[0] = '\0';
	sift_normalize(&c->nz, text, n, &c->norm);
	nl = split_lines(c);
	lv = c->lv;
	classify(lv, nl, c->norm.data);

	/* furniture is what the rules know; a line of figures alone (a
	 * table cell, a score, code) is no sign of it */
	for (i = 0; i < nl; i++)
		if ((lv[i].cls == CL_JUNK && lv[i].reason != reason_symbols) ||
		    lv[i].cls == CL_END)
			any_junk = 1;
	if (!any_junk) {
		/* no sign of page furniture: the whole text is the article */
		for (i = 0; i < nl; i++)
			lv[i].keep = lv[i].cls != CL_META;
		found = nl > 0;
		start = 0;
		end = nl;
	} else {
		found = best_run(lv, nl, &start, &end);
		/* short sentences at either edge cost a little but belong to
		 * the article they touch */
		while (found && end < nl && sentence_like(&lv[end]))
			end++;
		while (found && start > 0 && sentence_like(&lv[start - 1]))
			start--;
		for (i = start; found && i < end; i++)
			lv[i].keep = lv[i].cls == CL_PROSE || lv[i].cls == CL_TEXT ||
			    figures_line(&lv[i]);
	}
	if (!found)
		start = end = nl;

	/* meta comes from the page down to the first closing list after
	 * the article (the signature lines right after it included) */
	for (hi = end; hi < nl; hi++)
		if (lv[hi].rule >= 0 && rules[lv[hi].rule].kind == RK_END)
			break;
	title = found ? find_title(lv, start) : (size_t)-1;
	lift_meta(c, lv, nl, start, hi);
	if (title != (size_t)-1)
		set_meta(c, SIFT_META_TITLE, c->norm.data + lv[title].off,
		    lv[title].len);
	drop_repeats(c, lv, nl);

	/* the cleaned text and the decisions */
	sift_buf_reset(&c->text);
	if (nl > c->dcap) {
		c->dcap = nl;
		c->d = sift_xrealloc(c->d, c->dcap * sizeof(*c->d));
	}
	c->nd = nl;
	for (i = 0; i < nl; i++) {
		struct sift_clean_line *l = &lv[i];
		struct sift_clean_decision *d = &c->d[i];

		if (l->para)
			need_sep = 2;
		if (l->keep && l->reason == reason_symbols)
			l->reason = "text";	/* a line of figures kept */
		if (!l->keep) {
			if ((l->cls == CL_PROSE || l->cls == CL_TEXT) &&
			    strcmp(l->reason, "prose") == 0)
				l->reason = "outside";
			else if (l->cls == CL_TEXT && strcmp(l->reason, "text") == 0)
				l->reason = "outside";
			removed++;
		} else {
			if (c->text.len > 0)
				sift_buf_add(&c->text, "\n\n", need_sep == 2 ? 2 : 1);
			sift_buf_add(&c->text, c->norm.data + l->off, l->len);
			need_sep = 1;
		}
		d->line = l->lineno;
		d->text = c->norm.data + l->off;
		d->len = l->len;
		d->reason = l->reason;
		d->kept = l->keep;
		d->lifted = l->lifted;
		d->score = l->weight;
	}
	return removed;
}

/* Merge the lifted values into rec's "meta" (see clean.h). */
static int
write_meta(struct sift_cleaner *c, struct sift_record *rec,
    struct sift_error *err)
{
	enum sift_json_type t = sift_record_type(rec, "meta");
	json_t *m;
	int f, first = 1;

	if (t == SIFT_JSON_NONE || t == SIFT_JSON_NULL) {
		/* the common case, written directly */
		sift_buf_reset(&c->json);
		sift_buf_addc(&c->json, '{');
		for (f = 0; f < SIFT_META_N; f++) {
			if (c->meta[f] == NULL)
				continue;
			if (!first)
				sift_buf_addc(&c->json, ',');
			first = 0;
			sift_json_put_string(&c->json, sift_meta_names[f],
			    strlen(sift_meta_names[f]));
			sift_buf_addc(&c->json, ':');
			sift_json_put_string(&c->json, c->meta[f], c->metalen[f]);
		}
		sift_buf_addc(&c->json, '}');
		sift_record_set_raw(rec, "meta", c->json.data, c->json.len);
		return 0;
	}
	if (t != SIFT_JSON_OBJECT)
		return sift_error_set(err, 0, "member \"meta\" is not an object");
	m = sift_record_get_json(rec, "meta");
	if (m == NULL)
		return sift_error_set(err, 0, "member \"meta\" is not an object");
	for (f = 0; f < SIFT_META_N; f++)
		if (c->meta[f] != NULL && json_object_get(m, sift_meta_names[f]) == NULL)
			json_object_set_new(m, sift_meta_names[f],
			    json_stringn(c->meta[f], c->metalen[f]));
	sift_record_set_json(rec, "meta", m);
	return 0;
}

static void
write_removed(struct sift_cleaner *c, struct sift_record *rec)
{
	size_t i;
	int first = 1;

	sift_buf_reset(&c->json);
	sift_buf_addc(&c->json, '[');
	for (i = 0; i < c->nd; i++) {
		const struct sift_clean_decision *d = &c->d[i];

		if (d->kept)
			continue;
		if (!first)
			sift_buf_addc(&c->json, ',');
		first = 0;
		sift_buf_addf(&c->json, "{\"line\":%lu,\"text\":",
		    (unsigned long)d->line);
		sift_json_put_string(&c->json, d->text, d->len);
		sift_buf_adds(&c->json, ",\"reason\":");
		sift_json_put_string(&c->json, d->reason, strlen(d->reason));
		sift_buf_addc(&c->json, '}');
	}
	sift_buf_addc(&c->json, ']');
	sift_record_set_raw(rec, "removed", c->json.data, c->json.len);
}

int
sift_clean_record(struct sift_cleaner *c, struct sift_record *rec,
    const char *field, struct sift_error *err)
{
	int r = sift_record_get_string(rec, field, &c->in);

	if (r == 0)
		return sift_error_set(err, 0, "missing field \"%s\"", field);
	if (r < 0)
		return sift_error_set(err, 0, "field \"%s\" is not a string", field);
	if (sift_record_type(rec, "meta") != SIFT_JSON_NONE &&
	    sift_record_type(rec, "meta") != SIFT_JSON_NULL &&
	    sift_record_type(rec, "meta") != SIFT_JSON_OBJECT)
		return sift_error_set(err, 0, "member \"meta\" is not an object");
	sift_clean(c, c->in.data, c->in.len);
	sift_record_set_string(rec, field, c->text.data, c->text.len);
	if (write_meta(c, rec, err) < 0)
		return -1;
	if (c->flags & SIFT_CLEAN_KEEP_REMOVED)
		write_removed(c, rec);
	return 1;
}
