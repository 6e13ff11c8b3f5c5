#include "names.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "data.h"
#include "hash.h"
#include "utf8.h"

/* ---- lexicon ---- */

struct lex_entry {
	const char *s;		/* points into the embedded data (static) */
	uint32_t n;
	uint64_t flags;
};

static struct lex_entry *lex_tab;
static size_t lex_mask;
static int lex_ready;

/*
 * Per Hangul syllable (U+AC00..U+D7A3): the flags of the one-syllable word,
 * and the flags of every listed word that ends in it.  The tokenizer asks
 * "is this a particle / an organisation suffix / a title?" of every word;
 * most words can be turned away by their last syllable without hashing.
 */
#define NSYL 11172
static uint64_t syl_word[NSYL];
static uint64_t syl_tail[NSYL];
/* Bit L set: some listed word starts with this syllable (ASCII byte) and
 * is L syllables (bytes) long, L capped at 31.  Most words of a text are
 * in no list; this turns them away before hashing. */
static uint32_t head_syl[NSYL];
static uint32_t head_ascii[128];
/* The same, for particles and for particle-looking nouns only: the
 * stripper asks about every suffix of every word. */
static uint8_t head_part[NSYL];
static uint8_t head_keep[NSYL];
/* Syllables that end Korean nouns but never a foreign name (class nf). */
static uint8_t syl_nf[NSYL];

static inline uint32_t
len_bit(size_t len)
{
	return 1u << (len > 31 ? 31 : len);
}

/* s starts with a Hangul syllable (U+AC00..U+D7A3). */
static inline int
syllable_lead(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	int32_t cp;

	if (n < 3 || p[0] < 0xEA || p[0] > 0xED)
		return 0;
	cp = (int32_t)(p[0] & 0x0F) << 12 | (int32_t)(p[1] & 0x3F) << 6 |
	    (p[2] & 0x3F);
	return cp >= 0xAC00 && cp <= 0xD7A3;
}

static inline int
syl_index(const unsigned char *p)
{
	int32_t cp = (int32_t)(p[0] & 0x0F) << 12 | (int32_t)(p[1] & 0x3F) << 6 |
	    (p[2] & 0x3F);

	return (int)(cp - 0xAC00);
}

struct lex_class {
	const char *name;
	uint64_t flag;
};

static const struct lex_class surname_classes[] = {
	{ "1", SIFT_WC_SURNAME | SIFT_WC_SURNAME_TOP }, { "2", SIFT_WC_SURNAME },
	{ "3", SIFT_WC_SURNAME | SIFT_WC_SURNAME_RARE }, { "f", SIFT_WC_FOREIGN },
	{ "g", SIFT_WC_GIVEN }, { "fgiven", SIFT_WC_FGIVEN }, { "nf", 0 },
	{ "ffamily", SIFT_WC_FFAMILY }, { "roman", SIFT_WC_ROMAN },
	{ NULL, 0 }
};
static const struct lex_class title_classes[] = {
	{ "after", SIFT_WC_TITLE_AFTER }, { "before", SIFT_WC_TITLE_BEFORE },
	{ "both", SIFT_WC_TITLE_AFTER | SIFT_WC_TITLE_BEFORE },
	{ "mod", SIFT_WC_TITLE_MOD }, { "hon", SIFT_WC_HON },
	{ "en", SIFT_WC_TITLE_EN }, { "head", SIFT_WC_TITLE_HEAD },
	{ "jobend", SIFT_WC_JOB_END }, { "notjob", SIFT_WC_NOT_JOB }, { NULL, 0 }
};
static const struct lex_class org_classes[] = {
	{ "suffix", SIFT_WC_ORG_SUFFIX }, { "name", SIFT_WC_ORG_NAME },
	{ "en", SIFT_WC_ORG_EN }, { "enpre", SIFT_WC_ORG_ENPRE },
	{ "not", SIFT_WC_ORG_NOT }, { NULL, 0 }
};
static const struct lex_class particle_classes[] = {
	{ "subj", SIFT_WC_PART_SUBJ }, { "poss", SIFT_WC_PART_POSS },
	{ "other", SIFT_WC_PART_OTHER }, { "keep", SIFT_WC_KEEP },
	{ "verbend", SIFT_WC_VERBEND }, { "kwend", SIFT_WC_KWEND },
	{ "inner", SIFT_WC_INNER },
	{ NULL, 0 }
};
static const struct lex_class speech_classes[] = {
	{ "quot", SIFT_WC_QUOT }, { "verb", SIFT_WC_VERB },
	{ "pron", SIFT_WC_PRON }, { "anon", SIFT_WC_ANON },
	{ "enverb", SIFT_WC_ENVERB }, { "enpron", SIFT_WC_ENPRON },
	{ "det", SIFT_WC_DET }, { "snoun", SIFT_WC_SNOUN },
	{ NULL, 0 }
};
static const struct lex_class stop_classes[] = {
	{ "stop", SIFT_WC_STOP }, { "common", SIFT_WC_COMMON }, { NULL, 0 }
};

static struct lex_entry *
lex_slot(const char *s, size_t n)
{
	size_t i = (size_t)sift_hash64(s, n, 0x6c6578) & lex_mask;

	for (;;) {
		struct lex_entry *e = &lex_tab[i];

		if (e->s == NULL || (e->n == n && memcmp(e->s, s, n) == 0))
			return e;
		i = (i + 1) & lex_mask;
	}
}

static void
lex_add(const char *s, size_t n, uint64_t flags)
{
	struct lex_entry *e = lex_slot(s, n);

	if (e->s == NULL) {
		e->s = s;
		e->n = (uint32_t)n;
	}
	e->flags |= flags;
	if ((unsigned char)s[0] < 0x80)
		head_ascii[(unsigned char)s[0]] |= len_bit(n);
	else if (n >= 3 && syllable_lead(s, n)) {
		int k = syl_index((const unsigned char *)s);

		head_syl[k] |= len_bit(n / 3);
		if ((flags & SIFT_WC_PARTICLE) && n / 3 < 8)
			head_part[k] |= (uint8_t)(1u << (n / 3));
		if ((flags & SIFT_WC_KEEP) && n / 3 < 8)
			head_keep[k] |= (uint8_t)(1u << (n / 3));
	}
	/* the last three bytes are a syllable: remember the word's classes
	 * under it (see syl_tail) */
	if (n >= 3 && (unsigned char)s[n - 3] >= 0xEA &&
	    (unsigned char)s[n - 3] <= 0xED) {
		int k = syl_index((const unsigned char *)s + n - 3);

		if (k >= 0 && k < NSYL) {
			syl_tail[k] |= flags;
			if (n == 3)
				syl_word[k] |= flags;
		}
	}
}

static size_t
lex_load(const char *file, const struct lex_class *classes, int add)
{
	const char *text, *line, *f[2];
	size_t len, pos = 0, ll, fl[2], count = 0;
	const struct lex_class *c;

	text = sift_data(file, &len);
	if (text == NULL)
		return 0;
	while (sift_data_next_line(text, len, &pos, &line, &ll)) {
		if (sift_data_split(line, ll, f, fl, 2) < 2 || fl[0] == 0)
			continue;
		for (c = classes; c->name != NULL; c++) {
			if (strlen(c->name) == fl[1] &&
			    memcmp(c->name, f[1], fl[1]) == 0)
				break;
		}
		if (c->name == NULL)
			continue;
		if (add && c->flag == 0 && fl[0] == 3 && syllable_lead(f[0], 3))
			syl_nf[syl_index((const unsigned char *)f[0])] = 1;
		else if (add)
			lex_add(f[0], fl[0], c->flag);
		count++;
	}
	return count;
}

static const struct {
	const char *file;
	const struct lex_class *classes;
} lex_files[] = {
	{ "extract-surnames.tsv", surname_classes },
	{ "extract-titles.tsv", title_classes },
	{ "extract-orgs.tsv", org_classes },
	{ "extract-particles.tsv", particle_classes },
	{ "extract-speech.tsv", speech_classes },
	{ "extract-stopwords.tsv", stop_classes },
};

#define NLEX_FILES (sizeof(lex_files) / sizeof(lex_files[0]))

void
sift_wordclass_init(void)
{
	size_t i, total = 0, cap = 64;

	if (lex_ready)
		return;
	for (i = 0; i < NLEX_FILES; i++)
		total += lex_load(lex_files[i].file, lex_files[i].classes, 0);
	/* load factor at most one half keeps probe chains short */
	while (cap < total * 2)
		cap <<= 1;
	lex_tab = sift_xcalloc(cap, sizeof(*lex_tab));
	lex_mask = cap - 1;
	for (i = 0; i < NLEX_FILES; i++)
		lex_load(lex_files[i].file, lex_files[i].classes, 1);
	lex_ready = 1;
}

uint64_t
sift_wordclass(const char *s, size_t n)
{
	if (!lex_ready)
		sift_wordclass_init();
	if (n == 0)
		return 0;
	if ((unsigned char)s[0] < 0x80) {
		if (!(head_ascii[(unsigned char)s[0]] & len_bit(n)))
			return 0;
	} else if (n >= 3 && syllable_lead(s, n)) {
		int k = syl_index((const unsigned char *)s);

		if (n == 3)
			return syl_word[k];
		if (!(head_syl[k] & len_bit(n / 3)))
			return 0;
	}
	return lex_slot(s, n)->flags;
}

/* s[0..n) (all syllables, n a multiple of 3) may be a particle / a
 * particle-looking noun: a cheap test before the hash lookup. */
static inline int
maybe_particle(const char *s, size_t n)
{
	return n / 3 < 8 && syllable_lead(s, n) &&
	    (head_part[syl_index((const unsigned char *)s)] & (1u << (n / 3)));
}

static inline int
maybe_keep(const char *s, size_t n)
{
	return n / 3 < 8 && syllable_lead(s, n) &&
	    (head_keep[syl_index((const unsigned char *)s)] & (1u << (n / 3)));
}

/* Flags of all listed words ending in the syllable that ends s[0..n)
 * (0 if s does not end in a Hangul syllable). */
static uint64_t
tail_flags(const char *s, size_t n)
{
	int k;

	if (!lex_ready)
		sift_wordclass_init();
	if (n < 3 || (unsigned char)s[n - 3] < 0xEA ||
	    (unsigned char)s[n - 3] > 0xED)
		return 0;
	k = syl_index((const unsigned char *)s + n - 3);
	return k >= 0 && k < NSYL ? syl_tail[k] : 0;
}

/* ---- characters ---- */

static inline int
is_hangul_syllable(int32_t cp)
{
	return cp >= 0xAC00 && cp <= 0xD7A3;
}

static inline int
is_hangul(int32_t cp)
{
	return is_hangul_syllable(cp) || (cp >= 0x1100 && cp <= 0x11FF) ||
	    (cp >= 0x3130 && cp <= 0x318F);
}

/* Byte at s is the lead of a 3-byte Hangul syllable (EA B0 80..ED 9E A3). */
static inline int
syllable_at(const unsigned char *s, size_t n)
{
	int32_t cp;

	if (n < 3 || s[0] < 0xEA || s[0] > 0xED)
		return 0;
	cp = (int32_t)(s[0] & 0x0F) << 12 | (int32_t)(s[1] & 0x3F) << 6 |
	    (s[2] & 0x3F);
	return is_hangul_syllable(cp);
}

/* Number of Hangul syllables if s[0..n) is all Hangul syllables, else 0. */
static size_t
all_syllables(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n % 3 != 0)
		return 0;
	for (i = 0; i < n; i += 3)
		if (!syllable_at((const unsigned char *)s + i, n - i))
			return 0;
	return n / 3;
}

/*
 * The one-syllable case particles come in pairs chosen by the syllable
 * before them: 이/은/을/과 follow a final consonant, 가/는/를/와 a vowel.
 * A word whose last syllable is the wrong half of a pair does not end in
 * that particle: "누리플레이" is a name (레 has no final consonant, so its
 * subject particle would be 가), "누리플레" + 이 is no reading.  p is the
 * syllable before the particle q (both 3-byte Hangul syllables, checked
 * by the caller for q; p may be anything).  Returns 0 for a mismatch.
 */
static int
particle_fits(const char *p, const char *q)
{
	/* 와 after a final consonant is left to strip: no noun ends so,
	 * and user text writes "홍지영와" for 홍지영과 */
	static const char cons[] = "이은을과", vow[] = "가는를";
	const unsigned char *u = (const unsigned char *)p;
	int32_t cp;
	int i, want;

	for (i = 0, want = -1; i < 12; i += 3) {
		if (memcmp(q, cons + i, 3) == 0)
			want = 1;
		else if (i < 9 && memcmp(q, vow + i, 3) == 0)
			want = 0;
	}
	if (want < 0 || (u[0] & 0xF0) != 0xE0)
		return 1;
	cp = (int32_t)(u[0] & 0x0F) << 12 | (int32_t)(u[1] & 0x3F) << 6 |
	    (u[2] & 0x3F);
	if (!is_hangul_syllable(cp))
		return 1;
	return ((cp - 0xAC00) % 28 != 0) == want;
}

/* One particle off the end of s[0..n): the longest listed one that leaves
 * at least one character.  Returns the new length (n if none). */
static size_t
strip_one(const char *s, size_t n, uint64_t *cls)
{
	size_t k, best = 0;
	uint64_t f, bestf = 0;

	*cls = 0;
	if (!(tail_flags(s, n) & SIFT_WC_PARTICLE))
		return n;
	/* particles are one to four syllables */
	for (k = 3; k <= 12 && k < n; k += 3) {
		if (!syllable_at((const unsigned char *)s + n - k, k))
			break;
		if (!maybe_particle(s + n - k, k))
			continue;
		f = sift_wordclass(s + n - k, k);
		if ((f & SIFT_WC_PARTICLE) &&
		    !(k == 3 && n >= 6 && !particle_fits(s + n - 6, s + n - 3))) {
			best = k;
			bestf = f;
		}
	}
	*cls = bestf & SIFT_WC_PARTICLE;
	return n - best;
}

/* s[0..n) is a noun that merely ends like a particle (전문가, 경기도), or
 * a compound ending in one (해양학과, 연구성과) -- unless stripping the
 * particle at m leaves a listed word: 교수도 is 교수 + 도, not 교 + 수도. */
static int
kept_whole(const char *s, size_t n, size_t m)
{
	if (maybe_keep(s, n) && (sift_wordclass(s, n) & SIFT_WC_KEEP))
		return 1;
	if (!((n > 6 && maybe_keep(s + n - 6, 6) &&
	    (sift_wordclass(s + n - 6, 6) & SIFT_WC_KEEP)) ||
	    (n > 9 && maybe_keep(s + n - 9, 9) &&
	    (sift_wordclass(s + n - 9, 9) & SIFT_WC_KEEP))))
		return 0;
	return !(m >= 6 && (sift_wordclass(s, m) & (SIFT_WC_TITLE |
	    SIFT_WC_ORG_NAME | SIFT_WC_ANON | SIFT_WC_FFAMILY |
	    SIFT_WC_FGIVEN)));
}

size_t
sift_strip_particles(const char *s, size_t n, uint64_t *cls)
{
	size_t m, m2;
	uint64_t c1 = 0, c2 = 0;

	if (cls)
		*cls = 0;
	if (!(tail_flags(s, n) & SIFT_WC_PARTICLE))
		return n;
	m = strip_one(s, n, &c1);
	if (m == n || kept_whole(s, n, m))
		return n;
	/* stacked particles: "회장에게까지" = 회장 + 에게 + 까지; the class
	 * reported is that of the particle next to the noun */
	m2 = strip_one(s, m, &c2);
	if (m2 < m && m2 >= 3 && !kept_whole(s, m, m2) &&
	    (sift_wordclass(s + m2, m - m2) & SIFT_WC_INNER)) {
		m = m2;
		c1 = c2;
	}
	if (cls)
		*cls = c1;
	return m;
}

/* ---- tokenizer ---- */

static inline int
char_class(const char *s, size_t n, int32_t *cpp, size_t *len)
{
	int32_t cp;
	size_t k;
	utf8proc_category_t cat;

	if ((unsigned char)s[0] < 0x80) {
		unsigned char c = (unsigned char)s[0];

		*cpp = c;
		*len = 1;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			return SIFT_TOK_LATIN;
		if (c >= '0' && c <= '9')
			return SIFT_TOK_DIGIT;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v')
			return 0;
		return SIFT_TOK_PUNCT;
	}
	/* Hangul syllables, the bulk of Korean text, without a full decode */
	if (syllable_at((const unsigned char *)s, n) &&
	    ((unsigned char)s[1] & 0xC0) == 0x80 &&
	    ((unsigned char)s[2] & 0xC0) == 0x80) {
		*cpp = (int32_t)((unsigned char)s[0] & 0x0F) << 12 |
		    (int32_t)((unsigned char)s[1] & 0x3F) << 6 |
		    ((unsigned char)s[2] & 0x3F);
		*len = 3;
		return SIFT_TOK_HANGUL;
	}
	k = sift_utf8_decode(s, n, &cp);
	*cpp = cp;
	*len = k;
	if (is_hangul(cp))
		return SIFT_TOK_HANGUL;
	cat = utf8proc_category(cp);
	switch (cat) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		/* Latin-1 and Latin Extended letters count as Latin */
		return cp < 0x250 ? SIFT_TOK_LATIN : SIFT_TOK_OTHER;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
		return SIFT_TOK_OTHER;
	case UTF8PROC_CATEGORY_ND:
		return SIFT_TOK_DIGIT;
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return 0;
	default:
		if (cp == 0x200B || cp == 0xFEFF)
			return 0;
		return SIFT_TOK_PUNCT;
	}
}

static struct sift_tok *
tok_push(struct sift_toks *t)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->v = sift_xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	memset(&t->v[t->n], 0, sizeof(t->v[0]));
	return &t->v[t->n++];
}

static size_t name_shape(const char *s, size_t n);
static int given_name(const char *s, size_t n);
static int noun_final(const char *s, size_t n);
static uint32_t org_end_of(const char *text, const struct sift_tok *w);
static int compound_title(const char *s, size_t n, uint64_t lex,
    unsigned nsyl);
static int all_foreign(const char *s, size_t n);
static int name_connector(const struct sift_names *nm, size_t i);

static void
tok_finish_word_(const char *text, struct sift_tok *w)
{
	uint64_t cls = 0;
	size_t len = w->end - w->start, base = len;
	const unsigned char *s = (const unsigned char *)text + w->start;

	if (w->kind & SIFT_TOK_HANGUL) {
		/* strip only when the word ends in Hangul */
		if (len >= 3 && syllable_at(s + len - 3, 3))
			base = sift_strip_particles(text + w->start, len, &cls);
		/* a listed foreign name is whole: 카를로, 몬테로, 베가 */
		if (base != len && len >= 6 && (sift_wordclass(text + w->start,
		    len) & (SIFT_WC_FGIVEN | SIFT_WC_FFAMILY))) {
			base = len;
			cls = 0;
		}
		/* "한효주가" is a name and 가, not 한효 + 주가 (stock price):
		 * the noun rule yields to a name with given-name syllables */
		if (base == len && len == 12 && w->kind == SIFT_TOK_HANGUL) {
			size_t alt = strip_one(text + w->start, len, &cls);

			if (alt == 9 && name_shape(text + w->start, 9) &&
			    given_name(text + w->start, 9))
				base = alt;
			else
				cls = 0;
		}
	}
	w->base = w->start + (uint32_t)base;
	w->part = (uint8_t)(cls >> 11);
	w->lex = sift_wordclass(text + w->start, base);
	w->org_end = org_end_of(text, w);
	/* the tokenizer counted the word's syllables; particles are all
	 * syllables, so the base has (len - base) / 3 fewer */
	{
		size_t syl = w->nsyl - (len - base) / 3;

		w->nsyl = (uint8_t)syl;
	}
	if (w->kind & SIFT_TOK_LATIN)
		w->upper = s[0] >= 'A' && s[0] <= 'Z';
	w->ctitle = (w->kind & SIFT_TOK_HANGUL) &&
	    compound_title(text + w->start, base, w->lex, w->nsyl);
	/* the name rules ask these of most words, some several times */
	w->shape = (w->kind & SIFT_TOK_HANGUL) ?
	    (uint8_t)name_shape(text + w->start, len) : 0;
	w->foreign = (w->kind & SIFT_TOK_HANGUL) &&
	    all_foreign(text + w->start, base);
}


/*
 * The memo of finished words: news repeats its words (and a stream its
 * vocabulary), and stripping particles, the lexicon lookups and the
 * organisation test cost several hundred instructions a word.  A
 * direct-mapped table keyed by the word's bytes; a slot is overwritten by
 * the next word that hashes to it.  Words longer than MEMO_WORD bytes are
 * not kept.
 */
#define MEMO_BITS 14
#define MEMO_WORD 30

struct memo {
	uint64_t lex;
	uint32_t org_end;	/* relative to the word start (0: none) */
	uint8_t len;		/* 0: empty slot */
	uint8_t base;		/* base length */
	uint8_t part;
	uint8_t nsyl;
	uint8_t ctitle;
	uint8_t shape;
	uint8_t foreign;
	char s[MEMO_WORD];
};

static void
tok_finish_word(const char *text, struct sift_toks *t, struct sift_tok *w)
{
	size_t len = w->end - w->start;
	const char *s = text + w->start;
	struct memo *m;

	if (len > MEMO_WORD) {
		tok_finish_word_(text, w);
		return;
	}
	if (t->memo == NULL)
		t->memo = sift_xcalloc((size_t)1 << MEMO_BITS, sizeof(struct memo));
	m = (struct memo *)t->memo + (sift_hash64(s, len, 0x6d656d) &
	    (((size_t)1 << MEMO_BITS) - 1));
	if (m->len == len && memcmp(m->s, s, len) == 0) {
		w->base = w->start + m->base;
		w->part = m->part;
		w->lex = m->lex;
		w->org_end = m->org_end ? w->start + m->org_end : 0;
		w->nsyl = m->nsyl;
		w->ctitle = m->ctitle;
		w->shape = m->shape;
		w->foreign = m->foreign;
		if (w->kind & SIFT_TOK_LATIN)
			w->upper = (unsigned char)s[0] >= 'A' &&
			    (unsigned char)s[0] <= 'Z';
		return;
	}
	tok_finish_word_(text, w);
	m->len = (uint8_t)len;
	memcpy(m->s, s, len);
	m->base = (uint8_t)(w->base - w->start);
	m->part = w->part;
	m->lex = w->lex;
	m->org_end = w->org_end ? w->org_end - w->start : 0;
	m->nsyl = w->nsyl;
	m->ctitle = w->ctitle;
	m->shape = w->shape;
	m->foreign = w->foreign;
}

size_t
sift_tokenize(const char *text, size_t n, struct sift_toks *out)
{
	size_t i = 0, k;
	int32_t cp;
	int cls, space = 1, newline = 1;
	struct sift_tok *w = NULL;

	out->n = 0;
	while (i < n) {
		unsigned char c = (unsigned char)text[i];

		/* a space between words: the commonest character after
		 * Hangul, settled without char_class */
		if (c == ' ') {
			if (w) {
				tok_finish_word(text, out, w);
				w = NULL;
			}
			space = 1;
			i++;
			continue;
		}
		cls = char_class(text + i, n - i, &cp, &k);
		if (cls == 0) {
			if (w) {
				tok_finish_word(text, out, w);
				w = NULL;
			}
			space = 1;
			if (cp == '\n')
				newline = 1;
			i += k;
			continue;
		}
		if (cls == SIFT_TOK_PUNCT) {
			struct sift_tok *p;

			if (w) {
				tok_finish_word(text, out, w);
				w = NULL;
			}
			p = tok_push(out);
			p->start = (uint32_t)i;
			p->end = p->base = (uint32_t)(i + k);
			p->cp = cp;
			p->kind = SIFT_TOK_PUNCT;
			p->space = (uint8_t)space;
			p->newline = (uint8_t)newline;
			space = newline = 0;
			i += k;
			continue;
		}
		if (w == NULL) {
			w = tok_push(out);
			w->start = (uint32_t)i;
			w->space = (uint8_t)space;
			w->newline = (uint8_t)newline;
			space = newline = 0;
		}
		w->kind |= (uint8_t)cls;
		w->end = (uint32_t)(i + k);
		if (k == 3 && cls == SIFT_TOK_HANGUL && cp >= 0xAC00 && cp <= 0xD7A3) {
			/* the syllables that follow, the bulk of Korean text,
			 * without char_class's general decoding */
			if (w->nsyl < 255)
				w->nsyl++;
			i += 3;
			while (i + 2 < n && syllable_at((const unsigned char *)text +
			    i, n - i) &&
			    ((unsigned char)text[i + 1] & 0xC0) == 0x80 &&
			    ((unsigned char)text[i + 2] & 0xC0) == 0x80) {
				if (w->nsyl < 255)
					w->nsyl++;
				i += 3;
			}
			w->end = (uint32_t)i;
			continue;
		}
		i += k;
	}
	if (w)
		tok_finish_word(text, out, w);
	return out->n;
}

void
sift_toks_release(struct sift_toks *t)
{
	free(t->v);
	free(t->memo);
	t->memo = NULL;
	t->v = NULL;
	t->n = t->cap = 0;
}

/* ---- word predicates ---- */

#define T(i) (nm->toks.v[(i)])
#define NTOK (nm->toks.n)
#define TXT(i) (nm->text + T(i).start)

static int
is_word(const struct sift_tok *t)
{
	return !(t->kind & SIFT_TOK_PUNCT);
}

static int
is_hangul_word(const struct sift_tok *t)
{
	return t->kind == SIFT_TOK_HANGUL;
}

static int
bare(const struct sift_tok *t)
{
	return t->base == t->end;
}

static int
is_punct(const struct sift_tok *t, int32_t cp)
{
	return (t->kind & SIFT_TOK_PUNCT) && t->cp == cp;
}

/* Bytes of the family name at the start of s (3 or 6), or 0. */
static size_t
surname_len(const char *s, size_t n)
{
	if (n >= 6 && (sift_wordclass(s, 6) & SIFT_WC_SURNAME))
		return 6;
	if (n >= 3 && (sift_wordclass(s, 3) & SIFT_WC_SURNAME))
		return 3;
	return 0;
}

/*
 * s[0..n) (three syllables or more) ends like no given name: a particle
 * that no name ends in (는, 를, 을, 에, 와, 과, 께, 의, 로: "피해는",
 * "신화의", "부서와"), an adnominal verb ending ("배치한 연락관", "기소된
 * 원장": 된, 던, 할, 될 end no name; 한 ends names only after a given-name
 * syllable), or a listed noun and the copula 인 ("단체인").
 */
static int
name_ending_refused(const char *s, size_t n)
{
	static const char ends[][4] = {
		"는", "를", "을", "에", "와", "과", "께", "의", "로",
		"된", "던", "할", "될"
	};
	size_t e;

	if (n < 9)
		return 0;
	for (e = 0; e < sizeof(ends) / sizeof(ends[0]); e++)
		if (memcmp(s + n - 3, ends[e], 3) == 0)
			return 1;
	/* 한 after a given-name syllable ends names too (육정한, 이승한);
	 * after any other it is a verb (배치한, 소개한, 추행한) */
	if (memcmp(s + n - 3, "한", 3) == 0 &&
	    !(sift_wordclass(s + n - 6, 3) & SIFT_WC_GIVEN))
		return 1;
	/* a listed noun and the copula 인: "단체인", "대표인" */
	if (memcmp(s + n - 3, "인", 3) == 0 && (sift_wordclass(s, n - 3) &
	    (SIFT_WC_COMMON | SIFT_WC_STOP | SIFT_WC_TITLE | SIFT_WC_ORG_NAME)))
		return 1;
	return 0;
}

/*
 * s[0..n) has the shape of a Korean full name: a family name and one or
 * two more syllables, all Hangul, and it is not a listed word of another
 * kind.  Returns the family name's length in bytes, or 0.
 */
static size_t
name_shape(const char *s, size_t n)
{
	size_t syl = all_syllables(s, n), sl;
	uint64_t f;

	if (syl < 2 || syl > 4)
		return 0;
	f = sift_wordclass(s, n);
	if (f & (SIFT_WC_STOP | SIFT_WC_COMMON | SIFT_WC_TITLE |
	    SIFT_WC_ORG_NAME | SIFT_WC_HON | SIFT_WC_PRON | SIFT_WC_ANON |
	    SIFT_WC_TITLE_MOD | SIFT_WC_KEEP | SIFT_WC_VERB))
		return 0;
	sl = surname_len(s, n);
	if (sl == 6)
		return syl >= 3 ? 6 : 0;	/* "남궁" alone is a family name */
	if (sl == 0 || syl > 3)
		return 0;
	if (name_ending_refused(s, n))
		return 0;
	/* "김모" is an anonymised name, handled apart */
	if (syl == 2 && memcmp(s + 3, "모", 3) == 0)
		return 0;
	/* two-syllable names are rare and two-syllable nouns that start
	 * with a family name common (주전, 선두): ask for a given name */
	if (syl == 2 && !(sift_wordclass(s + 3, 3) & SIFT_WC_GIVEN))
		return 0;
	/* below the ten commonest family names, one given-name syllable at
	 * least: "서울시" and "노원구" are places */
	if (!(sift_wordclass(s, 3) & SIFT_WC_SURNAME_TOP) && syl == 3 &&
	    !(sift_wordclass(s + 3, 3) & SIFT_WC_GIVEN) &&
	    !(sift_wordclass(s + 6, 3) & SIFT_WC_GIVEN))
		return 0;
	/* after a rare family name, no syllable that sounds foreign: 마이클
	 * and 마포구 are no names, 맹순자 and 경하람 are */
	if (sift_wordclass(s, 3) & SIFT_WC_SURNAME_RARE) {
		size_t i;
		uint64_t f;

		for (i = 3; i < n; i += 3) {
			f = sift_wordclass(s + i, 3);
			if ((f & SIFT_WC_FOREIGN) && !(f & SIFT_WC_GIVEN))
				return 0;
		}
		/* nor a noun's last syllable: 음식점 */
		if (noun_final(s, n))
			return 0;
	}
	return 3;
}

/* "김모" (family name + 모): an anonymised person. */
static int
anon_shape(const char *s, size_t n)
{
	return n == 6 && all_syllables(s, n) == 2 &&
	    memcmp(s + 3, "모", 3) == 0 && (sift_wordclass(s, 3) & SIFT_WC_SURNAME);
}

static int all_foreign(const char *s, size_t n);

/* The word ends like a verb or adjective form (했다, 소개한, 밝혀지면). */
static int
verbal(const struct sift_names *nm, size_t i)
{
	const struct sift_tok *t = &T(i);

	if (!is_hangul_word(t) || t->end - t->start < 6 || !bare(t))
		return 0;
	/* "스펜서", "파노스": a foreign name ends in 서 or 스 as it likes */
	if (all_foreign(TXT(i), t->end - t->start))
		return 0;
	return (sift_wordclass(nm->text + t->end - 3, 3) & SIFT_WC_VERBEND) &&
	    !(t->lex & (SIFT_WC_TITLE | SIFT_WC_COMMON | SIFT_WC_ORG_NAME));
}

/*
 * The name in Hangul token i, with or without its particle: Korean names
 * are mostly three syllables, so "이현도" is read whole (not 이현 + 도)
 * while "김영희가" loses its particle.  Returns the name's length in bytes
 * (0 if the token is not name-shaped); *sl gets the family name's length.
 */
static size_t
token_name(const struct sift_names *nm, size_t i, size_t *sl)
{
	const struct sift_tok *t = &T(i);
	size_t full = t->end - t->start, base = t->base - t->start;

	if (!is_hangul_word(t))
		return 0;
	if (full == 9 && base == 6 && (*sl = name_shape(TXT(i), full)) != 0)
		return full;
	if ((*sl = name_shape(TXT(i), base)) != 0)
		return base;
	return 0;
}

static int
is_org_word_f(const char *s, size_t n, uint64_t f)
{
	size_t k, syl;

	if (f & SIFT_WC_ORG_NOT)
		return 0;
	if (f & SIFT_WC_ORG_NAME)
		return 1;
	if (f & (SIFT_WC_STOP | SIFT_WC_TITLE))
		return 0;
	if (!(tail_flags(s, n) & SIFT_WC_ORG_SUFFIX))
		return 0;
	syl = all_syllables(s, n);
	/* the longest listed suffix with something before it */
	for (k = 3; k < n; k += 3) {
		const unsigned char *p = (const unsigned char *)s + n - k;

		if (!syllable_at(p, k))
			break;
		if (!(sift_wordclass((const char *)p, k) & SIFT_WC_ORG_SUFFIX))
			continue;
		/* a one-syllable suffix (부, 청, 당) needs a longer word */
		if (k == 3 && (syl ? syl < 3 : n - k < 4))
			continue;
		/* "3부" or "2청" are not organisations */
		if ((unsigned char)s[0] >= '0' && (unsigned char)s[0] <= '9')
			return 0;
		return 1;
	}
	return 0;
}

static int
is_org_word(const char *s, size_t n)
{
	return is_org_word_f(s, n, sift_wordclass(s, n));
}

/* Token i is an organisation word (full token or without particles).
 * *end gets the end of the organisation name. */
static int
tok_org(const struct sift_names *nm, size_t i, uint32_t *end)
{
	const struct sift_tok *t = &T(i);

	if (t->org_end == 0)
		return 0;
	*end = t->org_end;
	return 1;
}

/* Where the organisation name in word w ends (the full word or its base),
 * or 0; computed once per token by the tokenizer. */
static uint32_t
org_end_of(const char *text, const struct sift_tok *w)
{
	if (w->kind & SIFT_TOK_PUNCT || (w->kind & SIFT_TOK_DIGIT && !(w->kind &
	    (SIFT_TOK_HANGUL | SIFT_TOK_LATIN))))
		return 0;
	if (w->base != w->end && is_org_word(text + w->start, w->end - w->start))
		return w->end;
	if (is_org_word_f(text + w->start, w->base - w->start, w->lex))
		return w->base;
	return 0;
}

/* Token i's base is a title (listed, or a compound ending in a listed
 * title such as 수석부사장).  want is the SIFT_WC_TITLE_* flags sought. */
static int
compound_title(const char *s, size_t n, uint64_t lex, unsigned nsyl)
{
	size_t k;

	if (lex & (SIFT_WC_STOP | SIFT_WC_COMMON))
		return 0;
	if (!(tail_flags(s, n) & (SIFT_WC_TITLE_AFTER | SIFT_WC_TITLE_HEAD)))
		return 0;
	/* a listed title with the honorific 님: 대통령님, 교수님 */
	if (n > 6 && memcmp(s + n - 3, "님", 3) == 0 &&
	    (sift_wordclass(s, n - 3) & SIFT_WC_TITLE_AFTER))
		return 1;
	/* a rank number glued to a listed title: 2차관, 1부시장 */
	for (k = 0; k < n && k < 2 && s[k] >= '0' && s[k] <= '9'; k++)
		;
	if (k > 0 && k < n && (sift_wordclass(s + k, n - k) &
	    SIFT_WC_TITLE_AFTER))
		return 1;
	/* the part before the listed title is a word of its own (국방 +
	 * 장관, 제2 + 차관), not one syllable ("주차장" is no 주 + 차장) */
	for (k = 6; k + 4 <= n; k += 3) {
		if (!syllable_at((const unsigned char *)s + n - k, k))
			break;
		if (sift_wordclass(s + n - k, k) & SIFT_WC_TITLE_AFTER)
			return 1;
	}
	/* 여신그룹장, 수산정책관: three or more syllables ending in a head */
	if (nsyl >= 3 && n >= 9 &&
	    (sift_wordclass(s + n - 3, 3) & SIFT_WC_TITLE_HEAD) &&
	    !is_org_word(s, n)) {
		/* but not a place ending in a common noun: 해오름극장,
		 * 야외공연장 end in 극장, 공연장, not in the head 장 */
		for (k = 6; k + 3 <= n && k <= 9; k += 3)
			if (sift_wordclass(s + n - k, k) & SIFT_WC_COMMON)
				return 0;
		return 1;
	}
	return 0;
}

static int
tok_title(const struct sift_names *nm, size_t i, uint64_t want)
{
	const struct sift_tok *t = &T(i);

	if (!is_word(t))
		return 0;
	if (t->lex & want)
		return 1;
	if (!(t->kind & SIFT_TOK_HANGUL) || (want & SIFT_WC_TITLE_AFTER) == 0)
		return 0;
	/* computed once per word by the tokenizer (and kept in its memo) */
	return t->ctitle;
}

/* ---- result building ---- */

static long org_add(struct sift_names *nm, uint32_t name, uint32_t len);

static size_t age_after(const struct sift_names *nm, size_t i);

static void
mention_push(struct sift_names *nm, uint32_t start, uint32_t end,
    size_t first, size_t last, int type, int titled)
{
	struct sift_mention *m;

	if (nm->nm == nm->m_cap) {
		nm->m_cap = nm->m_cap ? nm->m_cap * 2 : 64;
		nm->m = sift_xrealloc(nm->m, nm->m_cap * sizeof(*nm->m));
	}
	m = &nm->m[nm->nm++];
	m->start = start;
	m->end = end;
	m->tok_first = (uint32_t)first;
	m->tok_last = (uint32_t)last;
	m->ref = -1;
	m->type = (uint8_t)type;
	m->part = T(last).part;
	/* the case of a name with an age after it is that of the word glued
	 * to the ")": a particle alone or after an honorific, "방정옥(74)씨는",
	 * whether the age is inside the mention or not */
	if (last + 2 < NTOK && !T(last + 1).space &&
	    is_punct(&T(last + 1), '(') && T(last).base == T(last).end) {
		size_t k = age_after(nm, last + 1);

		if (k)
			last = k;
	}
	if (is_punct(&T(last), ')') && last + 1 < NTOK && !T(last + 1).space &&
	    is_hangul_word(&T(last + 1))) {
		const struct sift_tok *t = &T(last + 1);

		if (t->base == t->start || (t->lex & SIFT_WC_HON))
			m->part = t->part;
		else if (t->base == t->end && (t->lex & SIFT_WC_PARTICLE))
			/* a particle alone, "(81)은": the tokenizer keeps
			 * at least one syllable, so it is left whole */
			m->part = (uint8_t)((t->lex & SIFT_WC_PARTICLE) >> 11);
	}
	m->titled = (uint8_t)titled;
	m->anon = 0;
}

/* The mention just pushed names nobody in particular (김모씨, A씨). */
static void
mention_anon(struct sift_names *nm)
{
	nm->m[nm->nm - 1].anon = 1;
}

/* An organisation named inside a person's phrase is an organisation too. */
static void
org_in_phrase(struct sift_names *nm, uint32_t org, uint32_t org_len)
{
	size_t k;
	long ref;

	if (org_len == 0)
		return;
	for (k = 0; k < NTOK; k++)
		if (T(k).start == org)
			break;
	if (k == NTOK)
		return;
	ref = org_add(nm, org, org_len);
	mention_push(nm, org, org + org_len, k, k, SIFT_MENTION_ORG, 0);
	nm->m[nm->nm - 1].ref = (int32_t)ref;
}

static int
span_eq(const char *text, uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
	return alen == blen && memcmp(text + a, text + b, alen) == 0;
}

/* Add or merge a person; returns its index. */
static long
person_add(struct sift_names *nm, uint32_t name, uint32_t name_len,
    uint32_t title, uint32_t title_len, uint32_t org, uint32_t org_len,
    uint32_t surname, int korean)
{
	size_t i;
	struct sift_person *p;

	for (i = 0; i < nm->npeople; i++) {
		p = &nm->people[i];
		if (!span_eq(nm->text, p->name, p->name_len, name, name_len))
			continue;
		/* the title the text gives first wins ("투수 김태민" before
		 * "김태민 선수"), whatever pass found which */
		if (title_len && (p->title_len == 0 || title < p->title)) {
			p->title = title;
			p->title_len = title_len;
		}
		if (org_len && (p->org_len == 0 || org < p->org)) {
			p->org = org;
			p->org_len = org_len;
		}
		return (long)i;
	}
	if (nm->npeople == nm->people_cap) {
		nm->people_cap = nm->people_cap ? nm->people_cap * 2 : 16;
		nm->people = sift_xrealloc(nm->people,
		    nm->people_cap * sizeof(*nm->people));
	}
	p = &nm->people[nm->npeople];
	memset(p, 0, sizeof(*p));
	p->name = name;
	p->name_len = name_len;
	p->title = title;
	p->title_len = title_len;
	p->org = org;
	p->org_len = org_len;
	p->surname_len = surname;
	p->korean = (uint8_t)korean;
	/* the last word of a multi-word name ("리" of "마이클 리") */
	p->last = name;
	p->last_len = name_len;
	for (i = name_len; i > 0; i--) {
		if (nm->text[name + i - 1] == ' ') {
			p->last = name + (uint32_t)i;
			p->last_len = name_len - (uint32_t)i;
			break;
		}
	}
	/* a Korean name in English puts the family name first: "Yoo
	 * Ha-rin" is later "Yoo" */
	if (p->last != name && memchr(nm->text + p->last, '-', p->last_len) &&
	    (sift_wordclass(nm->text + name, p->last - name - 1) &
	    SIFT_WC_ROMAN)) {
		p->last_len = p->last - name - 1;
		p->last = name;
	}
	return (long)nm->npeople++;
}

static long
org_add(struct sift_names *nm, uint32_t name, uint32_t len)
{
	size_t i;
	struct sift_org *o;

	for (i = 0; i < nm->norgs; i++)
		if (span_eq(nm->text, nm->orgs[i].name, nm->orgs[i].name_len,
		    name, len))
			return (long)i;
	if (nm->norgs == nm->orgs_cap) {
		nm->orgs_cap = nm->orgs_cap ? nm->orgs_cap * 2 : 16;
		nm->orgs = sift_xrealloc(nm->orgs, nm->orgs_cap * sizeof(*nm->orgs));
	}
	o = &nm->orgs[nm->norgs];
	o->name = name;
	o->name_len = len;
	return (long)nm->norgs++;
}

static long resolve_partial(const struct sift_names *nm, const char *s,
    size_t n, const char *title, size_t title_len);

/* ---- Korean patterns ---- */

/* nm->owner[i]: the mention index + 1 that claimed token i, 0 if free. */
static int
free_range_(const struct sift_names *nm, size_t a, size_t b)
{
	size_t i;

	for (i = a; i <= b; i++)
		if (nm->owner[i])
			return 0;
	return 1;
}

/* Claim tokens a..b for the mention about to be pushed. */
static void
claim(struct sift_names *nm, size_t a, size_t b)
{
	size_t i;

	for (i = a; i <= b; i++)
		nm->owner[i] = (int32_t)nm->nm + 1;
}

/* Claim tokens first..last for a mention of person ref, text[start, end). */
static void
person_mention(struct sift_names *nm, uint32_t start, uint32_t end,
    size_t first, size_t last, int titled, long ref)
{
	claim(nm, first, last);
	mention_push(nm, start, end, first, last, SIFT_MENTION_PERSON, titled);
	nm->m[nm->nm - 1].ref = (int32_t)ref;
}

/*
 * The title phrase starting at token i: the title word, and an acronym in
 * parentheses glued to it ("최고기술책임자(CTO)").  Returns the index of its
 * last token.
 */
static size_t
title_extent(const struct sift_names *nm, size_t i)
{
	if (i + 3 < NTOK && bare(&T(i)) && is_punct(&T(i + 1), '(') &&
	    !T(i + 1).space && (T(i + 2).kind & SIFT_TOK_LATIN) &&
	    is_punct(&T(i + 3), ')'))
		return i + 3;
	return i;
}

/* End byte of the title phrase i..last, without trailing particles. */
static uint32_t
title_end(const struct sift_names *nm, size_t last)
{
	return is_punct(&T(last), ')') ? T(last).end : T(last).base;
}

/* A word that may not be part of a foreign name: anything listed. */
static int has_foreign_syllable(const char *s, size_t n);
static int noun_final(const char *s, size_t n);

/*
 * "알메이다", "아옌데": a foreign name may end in 다 like a verb (or the
 * copula 이다) does, but a word ending in 다 closes its sentence and is
 * never followed by another word of the phrase, as a name before its title
 * is; the other verb endings (-는, -한) do lead into a noun.  So a word
 * ending in 다 with a foreign syllable before it, and a word right after
 * it, is read whole.
 */
static int
foreign_da(const struct sift_names *nm, size_t j)
{
	const struct sift_tok *t = &T(j);
	size_t n = t->end - t->start;

	return t->kind == SIFT_TOK_HANGUL && n >= 9 && n <= 18 &&
	    j + 1 < NTOK && T(j + 1).space && is_word(&T(j + 1)) &&
	    memcmp(nm->text + t->end - 3, "다", 3) == 0 &&
	    has_foreign_syllable(TXT(j), n - 3);
}

static int
foreign_word_ok(const struct sift_names *nm, size_t j)
{
	const struct sift_tok *t = &T(j);
	uint32_t dummy;
	int da = foreign_da(nm, j);

	/* "델가도 페헤이라", "카를로 로시": inside a foreign name a word
	 * keeps an end that looks like a particle (도, 로, 가: syllables
	 * that end many foreign names) when another foreign word follows */
	if (!bare(t) && !da && j + 1 < NTOK && T(j + 1).space &&
	    T(j + 1).kind == SIFT_TOK_HANGUL && bare(&T(j + 1)) &&
	    t->end - t->base == 3 && t->nsyl >= 2 && !t->lex &&
	    (memcmp(nm->text + t->base, "도", 3) == 0 ||
	    memcmp(nm->text + t->base, "로", 3) == 0 ||
	    memcmp(nm->text + t->base, "가", 3) == 0) &&
	    has_foreign_syllable(TXT(j), t->base - t->start) &&
	    has_foreign_syllable(TXT(j + 1), T(j + 1).end - T(j + 1).start))
		da = 1;
	if (!is_hangul_word(t) || (!bare(t) && !da) || t->nsyl == 0 ||
	    t->nsyl > 5)
		return 0;
	if (t->lex & ~(SIFT_WC_SURNAME | SIFT_WC_FOREIGN | SIFT_WC_GIVEN |
	    SIFT_WC_SURNAME_RARE | SIFT_WC_FGIVEN | SIFT_WC_FFAMILY))
		return 0;
	if (tok_org(nm, j, &dummy) || tok_title(nm, j, SIFT_WC_TITLE))
		return 0;
	if (!da && verbal(nm, j))
		return 0;
	/* every longer word of a foreign name sounds foreign: "음식점"
	 * before "CEO" is no name */
	if (!(t->lex & SIFT_WC_FFAMILY) && noun_final(TXT(j), t->end - t->start))
		return 0;
	return 1;
}

/* s[0..n) ends in a syllable that ends nouns, never foreign names. */
static int
noun_final(const char *s, size_t n)
{
	return n >= 3 && syllable_lead(s + n - 3, 3) &&
	    syl_nf[syl_index((const unsigned char *)s + n - 3)];
}

static int
has_foreign_syllable(const char *s, size_t n)
{
	size_t i;

	if (n >= 6 && (sift_wordclass(s, n) & SIFT_WC_FFAMILY))
		return 1;

	for (i = 0; i + 3 <= n; i += 3)
		if (sift_wordclass(s + i, 3) & SIFT_WC_FOREIGN)
			return 1;
	return 0;
}

/* The token before j ends a phrase: nothing, punctuation, a word with a
 * particle, a role word or an organisation. */
static int
left_boundary(const struct sift_names *nm, size_t j)
{
	const struct sift_tok *t;
	uint32_t dummy;

	if (j == 0)
		return 1;
	t = &T(j - 1);
	if (t->kind & SIFT_TOK_PUNCT)
		return 1;
	if (!bare(t) || (t->lex & (SIFT_WC_STOP | SIFT_WC_TITLE_MOD)))
		return 1;
	if (verbal(nm, j - 1))
		return 1;
	if (tok_title(nm, j - 1, SIFT_WC_TITLE_BEFORE))
		return 1;
	if (tok_org(nm, j - 1, &dummy))
		return 1;
	return 0;
}

/* Token k is a listed noun or an organisation with a particle: "경찰은",
 * "사실은" are name-shaped as written, but 경찰 and 사실 are words. */
static int
noun_and_particle(const struct sift_names *nm, size_t k)
{
	return !bare(&T(k)) && (T(k).org_end || (T(k).lex &
	    ~(SIFT_WC_SURNAME | SIFT_WC_GIVEN | SIFT_WC_FOREIGN |
	    SIFT_WC_SURNAME_RARE | SIFT_WC_SURNAME_TOP)));
}

/* Token k holds a name (full, or a family name alone) right before the
 * organisation and title slots. */
static int
name_at(const struct sift_names *nm, size_t k)
{
	if (!is_hangul_word(&T(k)))
		return 0;
	/* a word glued to a closing quotation mark is an ending: "…"고 */
	if (k > 0 && !T(k).space && (T(k - 1).kind & SIFT_TOK_PUNCT) &&
	    T(k - 1).cp != '(' && T(k - 1).cp != '[')
		return 0;
	if (T(k).shape)
		return !noun_and_particle(nm, k);
	return bare(&T(k)) && T(k).nsyl == 1 && (T(k).lex & SIFT_WC_SURNAME) &&
	    !(T(k).lex & (SIFT_WC_PRON | SIFT_WC_TITLE_MOD | SIFT_WC_DET |
	    SIFT_WC_SURNAME_RARE));
}

/* Token j can fill the organisation or department slot between a name
 * and a title: a bare word that is no name, title, function word or verb. */
static int
slot_word(const struct sift_names *nm, size_t j)
{
	const struct sift_tok *t = &T(j);
	uint32_t oend;

	if (!is_word(t) || !bare(t) || t->space == 0)
		return 0;
	if (t->kind == SIFT_TOK_HANGUL && t->nsyl < 2)
		return 0;
	if (t->lex & (SIFT_WC_STOP | SIFT_WC_PRON | SIFT_WC_TITLE_MOD |
	    SIFT_WC_HON | SIFT_WC_ANON))
		return 0;
	if (t->kind & SIFT_TOK_DIGIT && !(t->kind & (SIFT_TOK_HANGUL |
	    SIFT_TOK_LATIN)))
		return 0;
	if (tok_org(nm, j, &oend))
		return 1;
	if (tok_title(nm, j, SIFT_WC_TITLE))
		return 0;
	if (verbal(nm, j))
		return 0;
	if (is_hangul_word(t) && t->shape)
		return 0;
	return 1;
}

/*
 * A name-shaped word in the organisation slot after a full name: "이호중
 * 서강대 교수", "안병모 기아차 미국법인장".  서강대 and 기아차 look like
 * names (서 + 강대, 기 + 아차), so slot_word turns them away; one is taken
 * as the organisation when the word before it is a full Korean name (a
 * common family name and two given-name syllables) and it is not one
 * itself, or ends in 대 (a university's short name: 경희대).
 */
static int
univ_slot(const struct sift_names *nm, size_t j)
{
	const struct sift_tok *t = &T(j), *p;
	size_t n = t->end - t->start;

	if (j == 0 || t->kind != SIFT_TOK_HANGUL || !bare(t) || t->nsyl < 2 ||
	    t->nsyl > 4 || !t->space || !t->shape || t->ctitle ||
	    (t->lex & SIFT_WC_TITLE))
		return 0;
	if (!(memcmp(TXT(j) + n - 3, "대", 3) == 0 && t->nsyl == 3) &&
	    given_name(TXT(j), n))
		return 0;
	p = &T(j - 1);
	return p->kind == SIFT_TOK_HANGUL && bare(p) && p->nsyl == 3 &&
	    p->end - p->start == 9 && p->shape == 3 &&
	    !(sift_wordclass(TXT(j - 1), 3) & SIFT_WC_SURNAME_RARE) &&
	    given_name(TXT(j - 1), 9);
}

/*
 * "유승민, 주호영, 윤상현 의원": names listed before a shared title, ending
 * at token first (the last name's phrase).  Each gets the title.
 */
static void
name_list(struct sift_names *nm, size_t first, uint32_t title,
    uint32_t title_len, uint32_t org, uint32_t org_len)
{
	size_t j = first, sl;

	while (j >= 2 && (is_punct(&T(j - 1), ',') || is_punct(&T(j - 1), 0xB7) ||
	    is_punct(&T(j - 1), 0x30FB)) && bare(&T(j - 2)) &&
	    !nm->owner[j - 2] && is_hangul_word(&T(j - 2)) &&
	    (sl = T(j - 2).shape) != 0) {
		long ref;

		j -= 2;
		ref = person_add(nm, T(j).start, T(j).end - T(j).start, title,
		    title_len, org, org_len, (uint32_t)sl, 1);
		person_mention(nm, T(j).start, T(j).end, j, j, 1, ref);
	}
}

/* Token j is a unit of an organisation: a Hangul word of three or more
 * syllables ending in 부, 과, 실, 팀 or 센터 (사업부, 재난대응과). */
static int
unit_word(const struct sift_names *nm, size_t j)
{
	static const char *const heads[] = { "부", "과", "실", "팀", "센터", "국",
	    "본부", "단", "처" };
	const struct sift_tok *t = &T(j);
	size_t n = t->end - t->start, i, h;

	if (t->kind != SIFT_TOK_HANGUL || t->nsyl < 3)
		return 0;
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		h = strlen(heads[i]);
		if (n > h && memcmp(TXT(j) + n - h, heads[i], h) == 0)
			return 1;
	}
	return 0;
}

/* A foreign name may begin at token k: after a boundary, or after a
 * unit of an organisation ("전파천문본부 마이아 린드크비스트"). */
static int
foreign_start(const struct sift_names *nm, size_t k)
{
	return left_boundary(nm, k) || (k > 0 && bare(&T(k - 1)) &&
	    unit_word(nm, k - 1));
}

/* Token j would be read as a foreign word whole although its last
 * syllable looks like a particle ("몬테로"); the caller knows from what
 * follows that it ends a name. */
static int
foreign_whole(const struct sift_names *nm, size_t j)
{
	const struct sift_tok *t = &T(j);
	uint32_t dummy;

	return t->kind == SIFT_TOK_HANGUL && t->nsyl >= 2 && t->nsyl <= 5 &&
	    has_foreign_syllable(TXT(j), t->end - t->start) &&
	    !(t->lex & ~(SIFT_WC_SURNAME | SIFT_WC_FOREIGN | SIFT_WC_GIVEN |
	    SIFT_WC_SURNAME_RARE | SIFT_WC_FGIVEN | SIFT_WC_FFAMILY)) &&
	    !tok_org(nm, j, &dummy) && !tok_title(nm, j, SIFT_WC_TITLE);
}

/* Token k has the shape of a Korean name with a common family name:
 * "김영희 누리플레이 대표" is a name and a company. */
static int
korean_like(const struct sift_names *nm, size_t k)
{
	return T(k).shape && T(k).nsyl <= 3 &&
	    !(sift_wordclass(TXT(k), 3) & SIFT_WC_SURNAME_RARE);
}

/* Tokens j-1 and j are two words of one foreign name, not a Korean name
 * and an unknown organisation: "마이아 린드크비스트 선임연구원" */
static int
foreign_pair(const struct sift_names *nm, size_t j)
{
	uint32_t oend;

	/* the second word may be long (린드크비스트 has six syllables) */
	return j > 0 && bare(&T(j)) && T(j).kind == SIFT_TOK_HANGUL &&
	    T(j).nsyl >= 3 && T(j).nsyl <= 7 && !tok_org(nm, j, &oend) &&
	    !(T(j).lex & ~(SIFT_WC_SURNAME | SIFT_WC_FOREIGN | SIFT_WC_GIVEN |
	    SIFT_WC_SURNAME_RARE | SIFT_WC_FGIVEN | SIFT_WC_FFAMILY)) &&
	    !noun_final(TXT(j), T(j).end - T(j).start) &&
	    has_foreign_syllable(TXT(j), T(j).end - T(j).start) &&
	    foreign_word_ok(nm, j - 1) && !korean_like(nm, j) &&
	    !korean_like(nm, j - 1);
}

/* Token k closes an age glued to a name, "변정호(48)": the name's index,
 * so that "NAME(48) ORG TITLE" reads like "NAME ORG TITLE"; else k. */
static size_t
name_before_age(const struct sift_names *nm, size_t k)
{
	size_t p;

	if (!is_punct(&T(k), ')'))
		return k;
	for (p = k; p > 1 && p + 8 > k; p--)
		if (is_punct(&T(p - 1), '(')) {
			if (age_after(nm, p - 1) == k && !T(p - 1).space &&
			    bare(&T(p - 2)) && name_at(nm, p - 2) &&
			    T(p - 2).shape)
				return p - 2;
			break;
		}
	return k;
}

/* Token k is a unit of an organisation standing before a name: bare, or
 * a department in 과 that the particle stripper took for 과 ("원예산업과"). */
static int
unit_before(const struct sift_names *nm, size_t k)
{
	const struct sift_tok *t = &T(k);

	return unit_word(nm, k) && (bare(t) || (t->end - t->base == 3 &&
	    memcmp(nm->text + t->base, "과", 3) == 0));
}

/*
 * Token j could be a Korean name whose given syllables are not in our
 * list (석다온, 위단비): a family name and two more syllables, listed as
 * nothing, no noun's or verb's ending.  Too weak alone; the caller asks
 * for an organisation before it and a listed title after it.  Returns the
 * family name's length or 0.
 */
static size_t
weak_name(const struct sift_names *nm, size_t j)
{
	const struct sift_tok *t = &T(j);
	size_t n = t->end - t->start, sl;
	const char *s = TXT(j);

	if (t->kind != SIFT_TOK_HANGUL || !bare(t) || t->lex || t->org_end ||
	    t->ctitle || t->nsyl < 3 || t->nsyl > 4 || n != (size_t)t->nsyl * 3)
		return 0;
	sl = surname_len(s, n);
	if (sl == 0 || (sl == 3 && t->nsyl != 3))
		return 0;
	/* a noun's last syllable, unless every syllable after the family
	 * name is a given-name one: 금현식, 맹서율 before their titles */
	if ((noun_final(s, n) && !(sl == 3 && given_name(s, n))) ||
	    verbal(nm, j) || all_foreign(s + sl, n - sl))
		return 0;
	return name_ending_refused(s, n) ? 0 : sl;
}

/* Token j (a name candidate right before a title) has an organisation
 * before it: "한국노동연구원 석다온 연구위원", "농림축산식품부 원예산업과
 * 위단비 과장", "가온조선의 석다온 과장". */
static int
framed_by_org(const struct sift_names *nm, size_t j)
{
	uint32_t oend;

	if (j == 0)
		return 0;
	if (tok_org(nm, j - 1, &oend) && (bare(&T(j - 1)) ||
	    ((uint64_t)T(j - 1).part << 11) == SIFT_WC_PART_POSS))
		return 1;
	return j > 1 && unit_before(nm, j - 1) && bare(&T(j - 2)) &&
	    tok_org(nm, j - 2, &oend);
}

/* Token i is followed by a Korean full name with 씨 glued or an age in
 * parentheses: "반기철씨는", "반기철(52)씨". */
static int
honoured_name_next(const struct sift_names *nm, size_t i)
{
	const struct sift_tok *t;
	size_t n;

	if (i + 1 >= NTOK || !T(i + 1).space || !is_hangul_word(&T(i + 1)))
		return 0;
	t = &T(i + 1);
	n = t->base - t->start;
	if ((n == 12 || n == 15) && memcmp(TXT(i + 1) + n - 3, "씨", 3) == 0 &&
	    name_shape(TXT(i + 1), n - 3) == (n == 12 ? 3 : 6))
		return 1;
	/* 김민수(45), 남궁도윤(23) */
	return (n == 9 || n == 12) && t->shape != 0 &&
	    n == (size_t)t->nsyl * 3 && i + 2 < NTOK &&
	    is_punct(&T(i + 2), '(') && !T(i + 2).space &&
	    age_after(nm, i + 2) != 0;
}

/*
 * Try "NAME [ORG] [mod] TITLE" and its variants with the title at token i.
 * Returns 1 if a mention was added.
 */
static int
match_title_after(struct sift_names *nm, size_t i)
{
	size_t j, last = title_extent(nm, i), first, name_first;
	uint32_t org = 0, org_len = 0, oend, tstart;
	size_t sl;
	long ref;
	int whole_j = 0;

	if (!tok_title(nm, i, SIFT_WC_TITLE_AFTER) || i == 0)
		return 0;
	/* "부동산 중개업자 반기철씨는": a title that may also stand before a
	 * name, followed by a name with 씨 or an age, belongs to that name
	 * when the word before it is a weak name (a rare family name) */
	if ((T(i).lex & SIFT_WC_TITLE_BEFORE) && bare(&T(i)) &&
	    honoured_name_next(nm, i) && T(i - 1).shape &&
	    (sift_wordclass(TXT(i - 1), 3) & SIFT_WC_SURNAME_RARE))
		return 0;
	/* ... and any title so placed when the word before is no name at
	 * all: "한누리대 총학생회장 남궁도윤(23)씨" */
	if (bare(&T(i)) && honoured_name_next(nm, i) && !T(i - 1).shape)
		return 0;
	/* "한국교통안전연구원 선임연구원": the next word is the title and this
	 * one the organisation */
	if (i + 1 < NTOK && bare(&T(i)) && T(i + 1).space &&
	    tok_title(nm, i + 1, SIFT_WC_TITLE_AFTER) && tok_org(nm, i, &oend))
		return 0;
	/* the title phrase may begin with modifiers: 김 전 장관 */
	j = i;
	while (j > 0 && (T(j - 1).lex & SIFT_WC_TITLE_MOD) && bare(&T(j - 1)) &&
	    is_word(&T(j - 1)))
		j--;
	tstart = T(j).start;
	if (j == 0)
		return 0;
	j--;
	/* NAME(age) TITLE: "김태준(41) 대표", read as NAME TITLE */
	if (is_punct(&T(j), ')') && name_before_age(nm, j) != j)
		j = name_before_age(nm, j);
	/* NAME ORG TITLE: an organisation (known or not: 김판석 울산 감독,
	 * 이은비 한국소비자연맹 정책실장) between name and title */
	if (foreign_pair(nm, j))
		whole_j = 1;
	else if (!bare(&T(j)) && j > 0 && foreign_whole(nm, j) &&
	    T(j).foreign &&
	    T(j).space && bare(&T(j - 1)) && is_hangul_word(&T(j - 1)) &&
	    ((T(j - 1).lex & SIFT_WC_FGIVEN) || (foreign_word_ok(nm, j - 1) &&
	    !korean_like(nm, j - 1))))
		/* the last word of a foreign name before its title keeps
		 * what looks like a particle: "토마스 베르그만 감독" */
		whole_j = 1;
	else if (j > 0 && (slot_word(nm, j) || univ_slot(nm, j)) &&
	    name_at(nm, name_before_age(nm, j - 1)) &&
	    (name_before_age(nm, j - 1) != j - 1 ||
	    T(j - 1).end - T(j - 1).start != 6) &&
	    !(j > 1 && univ_slot(nm, j - 1))) {
		if (tok_org(nm, j, &oend)) {
			org = T(j).start;
			org_len = oend - T(j).start;
		} else {
			org = T(j).start;
			org_len = T(j).end - T(j).start;
		}
		j = name_before_age(nm, j - 1);
	} else if (j > 1 && slot_word(nm, j) && (T(j - 1).lex &
	    SIFT_WC_TITLE_MOD) && bare(&T(j - 1)) && name_at(nm, j - 2)) {
		/* NAME MOD ORG TITLE: 정동영 전 통일부 장관 */
		org = T(j).start;
		org_len = tok_org(nm, j, &oend) ? oend - org : T(j).end - org;
		tstart = T(j - 1).start;
		j -= 2;
	} else if (j > 1 && slot_word(nm, j) && slot_word(nm, j - 1) &&
	    tok_org(nm, j - 1, &oend) && name_at(nm, name_before_age(nm,
	    j - 2))) {
		/* NAME ORG DEPT TITLE: 제갈현수 한결대학교 해양학과 교수 */
		org = T(j - 1).start;
		org_len = oend - T(j - 1).start;
		j = name_before_age(nm, j - 2);
	} else if (j > 1 && slot_word(nm, j) && univ_slot(nm, j - 1) &&
	    name_at(nm, j - 2)) {
		/* the same with a short name: 주영섭 한결대 해양학과 교수 */
		org = T(j - 1).start;
		org_len = T(j - 1).end - T(j - 1).start;
		j -= 2;
	} else if (j > 1 && bare(&T(j)) && T(j).space &&
	    tok_org(nm, j, &oend) && (foreign_word_ok(nm, j - 1) ||
	    foreign_whole(nm, j - 1)) &&
	    has_foreign_syllable(TXT(j - 1), T(j - 1).end - T(j - 1).start)) {
		/* FOREIGN-NAME ORG TITLE: 마리아 로페스 EU 집행위원; only a
		 * known organisation, as a foreign name gives less evidence
		 * than a Korean one */
		org = T(j).start;
		org_len = oend - T(j).start;
		j--;
		/* right before an organisation and a title the last word of
		 * a foreign name has no particle: "몬테로" is not 몬테 + 로 */
		whole_j = !bare(&T(j));
	}
	if (!is_word(&T(j)) || !free_range_(nm, j, last))
		return 0;
	first = j;
	name_first = j;
	/* the word right before a title has no particle: read it whole */
	sl = T(j).shape;
	if (sl == 0 && org_len == 0 && j == i - 1 && (framed_by_org(nm, j) ||
	    ((T(i).lex & SIFT_WC_TITLE_AFTER) && left_boundary(nm, j) &&
	    (!bare(&T(i)) || (i + 1 < NTOK && !T(i + 1).space &&
	    (T(i + 1).kind & SIFT_TOK_PUNCT))))))
		sl = weak_name(nm, j);
	if (is_hangul_word(&T(j)) &&
	    sl != 0 && !noun_and_particle(nm, j) &&
	    !(T(j).org_end && T(j).nsyl > 3)) {
		/* ORG UNIT NAME TITLE: 한빛공사 연금사업부 김영희 부장, 기상청
		 * 태풍센터 이수진 예보관; the person's organisation is the
		 * body, the unit (a word in 부, 과, 실, 팀, 센터) a part of it,
		 * as with ORG DEPT NAME TITLE below */
		if (org_len == 0 && j > 1 && unit_before(nm, j - 1) &&
		    bare(&T(j - 2)) && tok_org(nm, j - 2, &oend)) {
			org = T(j - 2).start;
			org_len = oend - T(j - 2).start;
			first = j - 2;
		} else if (org_len == 0 && j > 0 && tok_org(nm, j - 1, &oend) &&
		    (bare(&T(j - 1)) || (T(j - 1).part << 11) ==
		    SIFT_WC_PART_POSS)) {
			org = T(j - 1).start;
			org_len = oend - T(j - 1).start;
			first = j - 1;
		} else if (org_len == 0 && j > 1 && slot_word(nm, j - 1) &&
		    tok_org(nm, j - 2, &oend) && bare(&T(j - 2))) {
			org = T(j - 2).start;
			org_len = oend - T(j - 2).start;
			first = j - 2;
		}
		ref = person_add(nm, T(j).start, T(j).end - T(j).start, tstart,
		    title_end(nm, last) - tstart, org, org_len, (uint32_t)sl, 1);
		person_mention(nm, T(j).start, T(j).end, first, last, 1, ref);
		org_in_phrase(nm, org, org_len);
		name_list(nm, first, tstart, title_end(nm, last) - tstart, org,
		    org_len);
		return 1;
	}
	if (!bare(&T(j)) && !foreign_da(nm, j) && !whole_j)
		return 0;
	/* a known foreign given name and a Korean family name: "리처드 한
	 * 부사장" (한 would otherwise be read as the numeral "one") */
	if (!whole_j && is_hangul_word(&T(j)) && T(j).nsyl == 1 &&
	    (T(j).lex & SIFT_WC_SURNAME) && T(j).space && j > 0 &&
	    is_hangul_word(&T(j - 1)) && bare(&T(j - 1)) &&
	    (T(j - 1).lex & SIFT_WC_FGIVEN))
		whole_j = 1;
	/* after a connector the last word of a foreign name may also be
	 * a common noun: "라시드 알 하산" (하산, a descent) */
	if (!whole_j && is_hangul_word(&T(j)) && bare(&T(j)) && j > 1 &&
	    (T(j).lex & (SIFT_WC_FGIVEN | SIFT_WC_FFAMILY)) &&
	    T(j).space && name_connector(nm, j - 1) && T(j - 1).space &&
	    foreign_word_ok(nm, j - 2))
		whole_j = 1;
	/* a family name alone (홍 CTO, 신 회장) or the last word of a
	 * foreign name met before (리 CEO): a later mention */
	if (!whole_j && is_hangul_word(&T(j)) && (T(j).nsyl == 1 &&
	    (T(j).lex & SIFT_WC_SURNAME) && !(T(j).lex & (SIFT_WC_PRON |
	    SIFT_WC_SURNAME_RARE | SIFT_WC_DET)) ?
	    1 : resolve_partial(nm, TXT(j), T(j).end - T(j).start, NULL, 0) >= 0)) {
		claim(nm, j, last);
		mention_push(nm, T(j).start, T(j).end, j, last,
		    SIFT_MENTION_PERSON, 1);
		/* resolved after all full names are known; keep the title
		 * span in ref's place via the phrase tokens */
		return 1;
	}
	/* 김모 대표 */
	if (anon_shape(TXT(j), T(j).end - T(j).start)) {
		claim(nm, j, last);
		mention_push(nm, T(j).start, T(j).start + 3, j, last,
		    SIFT_MENTION_PERSON, 1);
		mention_anon(nm);
		return 1;
	}
	/* one to three foreign words: 마이클 리 CEO, 케리 장관 */
	if (foreign_word_ok(nm, j) || whole_j) {
		size_t k = j, words = 1;

		for (;;) {
			if (k > 0 && words < 3 && foreign_word_ok(nm, k - 1) &&
			    T(k).space && free_range_(nm, k - 1, k - 1)) {
				k--;
				words++;
			} else if (k > 1 && words < 3 && name_connector(nm, k - 1) &&
			    T(k).space && T(k - 1).space &&
			    foreign_word_ok(nm, k - 2) &&
			    free_range_(nm, k - 2, k - 1)) {
				/* "라시드 알 하산", "피터 반 다이크" */
				k -= 2;
				words += 2;
			} else {
				break;
			}
		}
		/* a known foreign given name starts a name whatever comes
		 * before it: "대표로 나선 마리아 로페스 EU 집행위원" (나선 is a
		 * verb form the lexicon cannot see); a word with nothing
		 * foreign about it before one is not part of the name */
		while (k < j && !(T(k).lex & SIFT_WC_FGIVEN) &&
		    (T(k + 1).lex & SIFT_WC_FGIVEN) &&
		    !has_foreign_syllable(TXT(k), T(k).end - T(k).start)) {
			k++;
			words--;
		}
		while (k < j && !foreign_start(nm, k) &&
		    !(T(k).lex & SIFT_WC_FGIVEN)) {
			k++;
			words--;
		}
		if (!foreign_start(nm, k) && !(T(k).lex & SIFT_WC_FGIVEN))
			return 0;
		/* the first word sounds foreign or is a known given name; a
		 * single word needs two syllables too */
		if (!(T(k).lex & SIFT_WC_FGIVEN) &&
		    !has_foreign_syllable(TXT(k), T(k).end - T(k).start) &&
		    !(whole_j && k + 1 == j))
			return 0;
		if (words == 1 && T(j).nsyl < 2)
			return 0;
		name_first = k;
		first = k;
		/* ORG UNIT FOREIGN-NAME TITLE: the body is the organisation,
		 * as with a Korean name */
		if (org_len == 0 && k > 1 && bare(&T(k - 1)) &&
		    bare(&T(k - 2)) && unit_word(nm, k - 1) &&
		    tok_org(nm, k - 2, &oend) && free_range_(nm, k - 2, k - 1)) {
			org = T(k - 2).start;
			org_len = oend - T(k - 2).start;
			first = k - 2;
		} else if (org_len == 0 && k > 0 && (bare(&T(k - 1)) ||
		    ((uint64_t)T(k - 1).part << 11) == SIFT_WC_PART_POSS) &&
		    tok_org(nm, k - 1, &oend) && free_range_(nm, k - 1, k - 1)) {
			/* ORG FOREIGN-NAME TITLE: "한강FC 토마스 베르그만
			 * 감독", "노바젠의 줄리아 스펜서 부사장" */
			org = T(k - 1).start;
			org_len = oend - T(k - 1).start;
			first = k - 1;
		}
		ref = person_add(nm, T(name_first).start,
		    T(j).end - T(name_first).start, tstart,
		    title_end(nm, last) - tstart, org, org_len, 0, 0);
		person_mention(nm, T(name_first).start, T(j).end,
		    first, last, 1, ref);
		org_in_phrase(nm, org, org_len);
		return 1;
	}
	return 0;
}

/* Token i is a bare particle inside a foreign name: Arabic al/el/bin/ibn,
 * Dutch van, German von, Romance de/del/da/di/la. */
static int
name_connector(const struct sift_names *nm, size_t i)
{
	static const char *const words[] = {
		"알", "엘", "빈", "벤", "이븐", "반", "판", "폰", "데", "델",
		"다", "디", "두", "라", "르"
	};
	const struct sift_tok *t = &T(i);
	size_t k, n = t->end - t->start;

	if (!is_hangul_word(t) || !bare(t) || n > 6)
		return 0;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (strlen(words[k]) == n && memcmp(TXT(i), words[k], n) == 0)
			return 1;
	return 0;
}

/* Token i is an unlisted job noun: it ends in a jobend syllable and is
 * listed as nothing that would make it something else. */
static int
job_word(const struct sift_names *nm, size_t i)
{
	const struct sift_tok *t = &T(i);
	size_t blen = t->base - t->start;

	if (t->kind != SIFT_TOK_HANGUL || t->nsyl < 2 || t->nsyl > 8 ||
	    blen != (size_t)t->nsyl * 3)
		return 0;
	if (!(sift_wordclass(TXT(i) + blen - 3, 3) & SIFT_WC_JOB_END))
		return 0;
	if (t->lex & (SIFT_WC_STOP | SIFT_WC_COMMON | SIFT_WC_ORG_NAME |
	    SIFT_WC_ORG_SUFFIX | SIFT_WC_VERB | SIFT_WC_KEEP | SIFT_WC_PRON |
	    SIFT_WC_ANON | SIFT_WC_HON | SIFT_WC_TITLE_MOD | SIFT_WC_NOT_JOB |
	    SIFT_WC_SURNAME | SIFT_WC_FFAMILY | SIFT_WC_FGIVEN | SIFT_WC_SNOUN |
	    SIFT_WC_DET))
		return 0;
	return !t->org_end && !t->shape && !verbal(nm, i);
}

/*
 * An unlisted job word right after a full Korean name: "나병철 경비원은",
 * "반석우(58) 임대업자는", "명도희 소리꾼의".  Korean forms most job
 * nouns with a handful of last syllables (경비원, 세무사, 임대업자, 소리꾼,
 * 용접공: class jobend).  A word ending in one of them that is listed as
 * nothing else (본인, 정부, 지원 are class notjob), right after a name of
 * three syllables and right before a particle or punctuation, is read as
 * the title.  Weaker than a listed title: tried after the listed ones,
 * before the honorifics and ages (which would take "반석우(58)" alone).
 */
static int
match_job_after(struct sift_names *nm, size_t i)
{
	const struct sift_tok *t = &T(i);
	size_t j, first, last;
	uint32_t org = 0, org_len = 0, oend;
	long ref;

	/* most words have no name or age right before them: ask that first */
	if (i == 0 || !(T(i - 1).shape || is_punct(&T(i - 1), ')')))
		return 0;
	if (!t->space || !job_word(nm, i))
		return 0;
	/* a particle or punctuation after it: "경비원은", "경비원(62)",
	 * "경비원," -- not a noun phrase going on ("김민수 지원 사격") */
	if (bare(t) && i + 1 < NTOK && !((T(i + 1).kind & SIFT_TOK_PUNCT) &&
	    !T(i + 1).space && T(i + 1).cp != '\'' && T(i + 1).cp != '"'))
		return 0;
	last = title_extent(nm, i);
	j = name_before_age(nm, i - 1);
	if (nm->owner[j] || !is_hangul_word(&T(j)) || !T(j).shape ||
	    T(j).nsyl < 3 || T(j).nsyl > 4 || (j == i - 1 && !bare(&T(j))))
		return 0;
	if (T(j).shape == 3 && T(j).nsyl != 3)
		return 0;
	/* with no listed title the name must look like one: given-name
	 * syllables only (추행한 혐의, 국무부 청사 are no names) */
	if (T(j).org_end || !given_name(TXT(j) + T(j).shape - 3,
	    T(j).base - T(j).start - T(j).shape + 3))
		return 0;
	/* a word glued to a closing quotation mark is an ending */
	if (j > 0 && !T(j).space && (T(j - 1).kind & SIFT_TOK_PUNCT))
		return 0;
	if (!free_range_(nm, j, last))
		return 0;
	first = j;
	/* ORG NAME JOB: 한빛아파트 나병철 경비원 */
	if (j > 0 && bare(&T(j - 1)) && tok_org(nm, j - 1, &oend) &&
	    free_range_(nm, j - 1, j - 1)) {
		org = T(j - 1).start;
		org_len = oend - T(j - 1).start;
		first = j - 1;
	}
	ref = person_add(nm, T(j).start, T(j).base - T(j).start, t->start,
	    title_end(nm, last) - t->start, org, org_len, T(j).shape, 1);
	person_mention(nm, T(j).start, T(j).base, first, last, 1, ref);
	org_in_phrase(nm, org, org_len);
	return 1;
}

/* The end of the foreign name in token k: a foreign word keeps what a
 * longer particle would take, "페헤이라는" is 페헤이라 + 는, not 페헤 +
 * 이라는; only its last syllable goes when that is a particle. */
static uint32_t
foreign_base(const struct sift_names *nm, size_t k)
{
	const struct sift_tok *t = &T(k);

	if (t->end - t->base > 3 && (sift_wordclass(nm->text + t->end - 3, 3) &
	    SIFT_WC_PARTICLE))
		return t->end - 3;
	return t->base;
}

/*
 * A role word and a foreign name: "배우 블레이크 라이블리의", "디자이너 칼
 * 라거펠트와".  One to three words that sound foreign; the last may carry
 * a particle.
 */
static int
match_role_foreign(struct sift_names *nm, size_t i, size_t j)
{
	size_t k = j, words = 0;
	uint32_t end = 0;
	long ref;

	while (k < NTOK && words < 3 && is_hangul_word(&T(k)) &&
	    (k == j || T(k).space) && !nm->owner[k]) {
		const struct sift_tok *t = &T(k);

		/* "엘레나 코바치": a foreign word followed by another keeps
		 * its particle-looking end */
		/* the first word sounds foreign or is a known given name */
		if (k == j && !(t->lex & SIFT_WC_FGIVEN) &&
		    !has_foreign_syllable(TXT(k), t->end - t->start))
			return 0;
		if (bare(t) || foreign_word_ok(nm, k) ? foreign_word_ok(nm, k) :
		    (k + 1 < NTOK &&
		    is_hangul_word(&T(k + 1)) && T(k + 1).space &&
		    all_foreign(TXT(k), t->end - t->start) &&
		    has_foreign_syllable(TXT(k + 1),
		    T(k + 1).base - T(k + 1).start))) {
			words++;
			end = t->end;
			k++;
			continue;
		}
		/* the last word carries the particle; after a first word
		 * that sounds foreign it need not ("일본 작가 미즈노
		 * 하루카는": 하루카 has no Western syllable) */
		if (!bare(t) && t->nsyl >= 1 && !(t->lex & ~(SIFT_WC_SURNAME |
		    SIFT_WC_FOREIGN | SIFT_WC_GIVEN | SIFT_WC_SURNAME_RARE |
		    SIFT_WC_FGIVEN | SIFT_WC_FFAMILY)) &&
		    (t->nsyl == 1 || has_foreign_syllable(TXT(k),
		    t->base - t->start) || (k > j && t->nsyl >= 2 &&
		    t->nsyl <= 4 && !verbal(nm, k) &&
		    !noun_final(TXT(k), t->base - t->start)))) {
			words++;
			end = foreign_base(nm, k);
			k++;
		}
		break;
	}
	if (words == 0 || (words == 1 && T(j).nsyl < 2))
		return 0;
	k = j + words - 1;
	/* a count follows a noun, not a name: "디자이너 브랜드 68곳" */
	if (bare(&T(k)) && k + 1 < NTOK && (T(k + 1).kind & SIFT_TOK_DIGIT))
		return 0;
	ref = person_add(nm, T(j).start, end - T(j).start, T(i).start,
	    T(i).base - T(i).start, 0, 0, 0, 0);
	person_mention(nm, T(j).start, end, i, k, 1, ref);
	return 1;
}

/* "배우 이아현", "누리소프트 대표 김영희": the title before the name. */
static int
match_title_before(struct sift_names *nm, size_t i)
{
	size_t j = i + 1, first = i, sl, nlen;
	uint32_t org = 0, org_len = 0, oend;
	long ref;
	int before;

	if (j >= NTOK || !bare(&T(i)) || !is_hangul_word(&T(j)))
		return 0;
	before = tok_title(nm, i, SIFT_WC_TITLE_BEFORE);
	/* an unlisted job noun before a name with 씨 or an age:
	 * "관광통역안내사 김민수(45)씨", "용접공 박철수씨는" */
	if (!before && !tok_title(nm, i, SIFT_WC_TITLE_AFTER) &&
	    T(j).space && job_word(nm, i) && (honoured_name_next(nm, i) ||
	    (T(j).shape == 3 && T(j).nsyl == 3 && bare(&T(j)) &&
	    j + 1 < NTOK && is_punct(&T(j + 1), '(') && !T(j + 1).space &&
	    age_after(nm, j + 1) != 0)))
		before = 1;
	/* a listed title before a name with 씨 or an age is that name's:
	 * "한누리대 총학생회장 남궁도윤(23)씨는" */
	if (!before && tok_title(nm, i, SIFT_WC_TITLE) && T(j).space &&
	    honoured_name_next(nm, i)) {
		before = 1;
		if (i > 0 && bare(&T(i - 1)) && tok_org(nm, i - 1, &oend)) {
			org = T(i - 1).start;
			org_len = oend - T(i - 1).start;
			first = i - 1;
		}
	}
	/* a title that usually follows a name stands first in its phrase
	 * before a full name with a particle: "해설위원 조명훈은" */
	if (!before && tok_title(nm, i, SIFT_WC_TITLE_AFTER) &&
	    left_boundary(nm, i) && (i == 0 || (!T(i - 1).shape &&
	    !(bare(&T(i - 1)) && tok_org(nm, i - 1, &oend)))) &&
	    T(j).space && T(j).nsyl == 3 && T(j).base - T(j).start == 9 &&
	    !bare(&T(j)) && T(j).part != 0 && name_shape(TXT(j), 9) == 3 &&
	    given_name(TXT(j), 9))
		before = 1;
	if (!before && i >= 2 && is_punct(&T(i - 1), '(') && !T(i - 1).space &&
	    j + 1 < NTOK && is_punct(&T(j + 1), ')') &&
	    tok_title(nm, i, SIFT_WC_TITLE_AFTER) && tok_org(nm, i - 2, &oend)) {
		/* ORG(TITLE NAME): "문화유산국민신탁(이사장 김종규)" */
		org = T(i - 2).start;
		org_len = oend - T(i - 2).start;
		first = i;
	} else if (!before) {
		/* ORG TITLE NAME needs the organisation */
		if (!tok_title(nm, i, SIFT_WC_TITLE_AFTER) || i == 0 ||
		    !bare(&T(i - 1)) || !tok_org(nm, i - 1, &oend))
			return 0;
		org = T(i - 1).start;
		org_len = oend - T(i - 1).start;
		first = i - 1;
	}
	/* the name, bare or with a particle or honorific after it */
	if ((nlen = token_name(nm, j, &sl)) == 0)
		return before ? match_role_foreign(nm, i, j) : 0;
	if (!free_range_(nm, first, j))
		return 0;
	ref = person_add(nm, T(j).start, (uint32_t)nlen, T(i).start,
	    T(i).base - T(i).start, org, org_len, (uint32_t)sl, 1);
	person_mention(nm, T(j).start, T(j).start + (uint32_t)nlen,
	    first, j, 1, ref);
	org_in_phrase(nm, org, org_len);
	return 1;
}

/*
 * Tokens from i are an age in parentheses after a name: "(45)", "(42·여)",
 * "(48·중국국적)", "(62·구속기소)".  Returns the index of the ")" or 0.
 */
static size_t
age_after(const struct sift_names *nm, size_t i)
{
	size_t k;

	if (i + 2 >= NTOK || !is_punct(&T(i), '(') ||
	    T(i + 1).kind != SIFT_TOK_DIGIT)
		return 0;
	for (k = i + 2; k < NTOK && k < i + 8; k++) {
		if (is_punct(&T(k), ')'))
			return k;
		if (T(k).kind & SIFT_TOK_PUNCT && !is_punct(&T(k), 0xB7) &&
		    !is_punct(&T(k), ',') && !is_punct(&T(k), 0x30FB))
			return 0;
	}
	return 0;
}

/* Tokens from i are a short note in parentheses glued to the word before:
 * "(구속기소)", "(KGC인삼공사)".  Returns the index of the ")" or 0. */
static size_t
paren_after(const struct sift_names *nm, size_t i)
{
	size_t k;

	if (i + 2 >= NTOK || !is_punct(&T(i), '(') || T(i).space)
		return 0;
	for (k = i + 1; k < NTOK && k < i + 6; k++) {
		if (is_punct(&T(k), ')'))
			return k > i + 1 ? k : 0;
		if (T(k).newline || is_punct(&T(k), '('))
			return 0;
	}
	return 0;
}

/* Both syllables after a one-syllable family name are given-name ones. */
static int
given_name(const char *s, size_t n)
{
	size_t i;

	for (i = 3; i < n; i += 3)
		if (!(sift_wordclass(s + i, 3) & SIFT_WC_GIVEN))
			return 0;
	return 1;
}

/* The title in token k standing right before a name: its length, or 0.
 * "원장 김도윤씨"; "상인회 회장인 길명수씨" (a title with the copula 인). */
static uint32_t
title_before_name(const struct sift_names *nm, size_t k)
{
	const struct sift_tok *t = &T(k);
	size_t n = t->end - t->start;

	if (bare(t) && tok_title(nm, k, SIFT_WC_TITLE))
		return (uint32_t)n;
	if (is_hangul_word(t) && n >= 9 && memcmp(TXT(k) + n - 3, "인", 3) == 0 &&
	    (sift_wordclass(TXT(k), n - 3) & SIFT_WC_TITLE))
		return (uint32_t)(n - 3);
	return 0;
}

/* Honorifics and ages: 김영희 씨, 김씨, 김모(33)씨, A씨, 김영희(45). */
static int
match_hon(struct sift_names *nm, size_t i)
{
	const struct sift_tok *t = &T(i);
	const char *s = TXT(i);
	size_t n = t->base - t->start, sl, last = i, j, k;
	int hon_glued = 0, hon_next = 0;
	uint32_t nend;

	if (!is_word(t) || nm->owner[i])
		return 0;
	/* glued 씨: "김씨", "김영희씨", "김모씨", "A씨" */
	if (n > 3 && memcmp(s + n - 3, "씨", 3) == 0)
		hon_glued = 1;
	/* a letter standing for someone: "A군", "B양", "K기자" */
	if (n > 1 && s[0] >= 'A' && s[0] <= 'Z' && syllable_at(
	    (const unsigned char *)s + 1, n - 1) && (sift_wordclass(s + 1, n - 1) &
	    (SIFT_WC_HON | SIFT_WC_TITLE_AFTER))) {
		claim(nm, i, i);
		mention_push(nm, t->start, t->start + 1, i, i,
		    SIFT_MENTION_PERSON, 1);
		mention_anon(nm);
		return 1;
	}
	/* "이 모 씨", "윤 모씨": an anonymised name written apart */
	if (is_hangul_word(t) && bare(t) && t->nsyl == 1 &&
	    (t->lex & SIFT_WC_SURNAME) && i + 1 < NTOK && T(i + 1).space &&
	    is_hangul_word(&T(i + 1)) && T(i + 1).base - T(i + 1).start >= 3 &&
	    memcmp(TXT(i + 1), "모", 3) == 0 && (T(i + 1).base - T(i + 1).start
	    == 3 || (T(i + 1).base - T(i + 1).start == 6 &&
	    memcmp(TXT(i + 1) + 3, "씨", 3) == 0))) {
		last = i + 1;
		if (T(i + 1).base - T(i + 1).start == 3 && i + 2 < NTOK &&
		    is_hangul_word(&T(i + 2)) && (T(i + 2).lex & SIFT_WC_HON))
			last = i + 2;
		claim(nm, i, last);
		mention_push(nm, t->start, t->start + 3, i, last,
		    SIFT_MENTION_PERSON, 1);
		mention_anon(nm);
		return 1;
	}
	/* next token is an honorific (after a space or an age) */
	j = i + 1;
	if ((k = age_after(nm, j)) != 0)
		j = k + 1;
	if (!hon_glued && j < NTOK && is_hangul_word(&T(j)) &&
	    (T(j).lex & SIFT_WC_HON) && (T(j).space || j > i + 1)) {
		hon_next = 1;
		last = j;
	} else if (!hon_glued && j < NTOK && j > i + 1 && is_hangul_word(&T(j)) &&
	    T(j).base - T(j).start == 3 && memcmp(TXT(j), "씨", 3) == 0) {
		hon_next = 1;
		last = j;
	}
	if (hon_glued)
		n -= 3;
	if (!hon_glued && !hon_next) {
		/* an age or a note in parentheses: 김영희(45), 이재현(구속기소);
		 * without an honorific the name must look like a given name */
		if ((k = age_after(nm, i + 1)) == 0 &&
		    (k = paren_after(nm, i + 1)) == 0)
			return 0;
		if (!bare(t) || !t->shape ||
		    !given_name(s, t->end - t->start))
			return 0;
		last = k;
	}
	if (!hon_glued && !bare(t) && !hon_next)
		return 0;
	/* "배두나 씨": before a separate honorific the word has no particle,
	 * whatever its last syllable looks like */
	if (hon_next && !bare(t)) {
		if (!is_hangul_word(t) || !t->shape)
			return 0;
		n = t->end - t->start;
	}
	if (anon_shape(s, n)) {
		claim(nm, i, last);
		mention_push(nm, t->start, t->start + 3, i, last,
		    SIFT_MENTION_PERSON, 1);
		mention_anon(nm);
		return 1;
	}
	if ((t->kind & SIFT_TOK_LATIN) && (unsigned char)s[0] >= 'A' &&
	    (unsigned char)s[0] <= 'Z' && n == 1) {
		claim(nm, i, last);
		mention_push(nm, t->start, t->start + 1, i, last,
		    SIFT_MENTION_PERSON, 1);
		mention_anon(nm);
		return 1;
	}
	if (!is_hangul_word(t))
		return 0;
	if (n == 3 && (sift_wordclass(s, 3) & SIFT_WC_SURNAME)) {
		claim(nm, i, last);
		mention_push(nm, t->start, t->start + 3, i, last,
		    SIFT_MENTION_PERSON, 1);
		return 1;
	}
	if ((sl = name_shape(s, n)) == 0) {
		/* any unlisted word before a separate 씨 is a name: 섬나 씨;
		 * a family name first makes a verb-like end a name's
		 * (신말자 씨: 자 ends verbs and older women's names) */
		if (!hon_next || t->nsyl < 2 || t->nsyl > 4 ||
		    (verbal(nm, i) && surname_len(s, n) == 0) ||
		    (t->lex & ~(SIFT_WC_SURNAME | SIFT_WC_FOREIGN |
		    SIFT_WC_GIVEN | SIFT_WC_SURNAME_RARE)) ||
		    memcmp(TXT(last), "씨", 3) != 0)
			return 0;
	}
	nend = t->start + (uint32_t)n;
	{
		uint32_t title = 0, title_len = 0, org = 0, org_len = 0, oend;
		size_t first = i;
		long ref;

		/* a title before it: "원장 김도윤씨", "배우 강하늘씨",
		 * "학부모회 대표 한지민씨" */
		if (i > 0 && is_word(&T(i - 1)) && !nm->owner[i - 1] &&
		    (title_len = title_before_name(nm, i - 1)) != 0) {
			first = i - 1;
			title = T(i - 1).start;
			if (i > 1 && bare(&T(i - 2)) && !nm->owner[i - 2] &&
			    tok_org(nm, i - 2, &oend)) {
				first = i - 2;
				org = T(i - 2).start;
				org_len = oend - org;
			}
		}
		ref = person_add(nm, t->start, (uint32_t)n, title, title_len,
		    org, org_len, (uint32_t)sl, 1);
		i = first;
		person_mention(nm, t->start, nend, i, last, 1, ref);
		org_in_phrase(nm, org, org_len);
		/* "고아라, 조윤희 씨": the honorific covers the list */
		if (hon_next && title_len == 0)
			name_list(nm, i, 0, 0, 0, 0);
	}
	return 1;
}

/*
 * A bare Korean name with no title: family name + two given-name
 * syllables, unknown to the lexicon, followed by a particle or a list
 * comma ("김민준은", "이서연의", "유승민, ...").  Weakest evidence, so last.
 */
/* Token k is a full Korean name by its letters alone, a particle allowed:
 * a common family name and two given-name syllables. */
static int
strong_name(const struct sift_names *nm, size_t k)
{
	const struct sift_tok *t = &T(k);

	return t->kind == SIFT_TOK_HANGUL && t->nsyl == 3 &&
	    t->base - t->start == 9 && !nm->owner[k] &&
	    !(t->lex & ~(SIFT_WC_SURNAME | SIFT_WC_FOREIGN | SIFT_WC_GIVEN)) &&
	    name_shape(TXT(k), 9) == 3 &&
	    !(sift_wordclass(TXT(k), 3) & SIFT_WC_SURNAME_RARE) &&
	    given_name(TXT(k), 9) && memcmp(TXT(k) + 6, "하", 3) != 0 &&
	    memcmp(TXT(k) + 6, "되", 3) != 0;
}

static void
match_bare(struct sift_names *nm)
{
	size_t i, sl, nlen;

	for (i = 0; i < NTOK; i++) {
		const struct sift_tok *t = &T(i);
		const char *s = TXT(i);
		long ref;
		int follow;

		if (nm->owner[i] || !is_hangul_word(t) || t->nsyl != 3)
			continue;
		nlen = t->base - t->start;
		if (nlen != 9 || (t->lex & ~(SIFT_WC_SURNAME | SIFT_WC_FOREIGN |
		    SIFT_WC_GIVEN)))
			continue;
		if ((sl = name_shape(s, nlen)) != 3 ||
		    (sift_wordclass(s, 3) & SIFT_WC_SURNAME_RARE))
			continue;
		if (!(sift_wordclass(s + 3, 3) & SIFT_WC_GIVEN) ||
		    !(sift_wordclass(s + 6, 3) & SIFT_WC_GIVEN))
			continue;
		/* 채택하(는), 사용하(는): verb stems, not names */
		if (memcmp(s + 6, "하", 3) == 0 || memcmp(s + 6, "되", 3) == 0)
			continue;
		follow = !bare(t) && t->part != 0;
		if (!follow && i + 1 < NTOK && (is_punct(&T(i + 1), ',') ||
		    is_punct(&T(i + 1), 0xB7)) && !T(i + 1).space)
			follow = 1;
		/* names listed with spaces only: "안정환 송종국은" (the next
		 * word a full name with a particle or a list comma) */
		if (!follow && bare(t) && i + 1 < NTOK && strong_name(nm, i + 1) &&
		    T(i + 1).space && ((!bare(&T(i + 1)) && T(i + 1).part) ||
		    (i + 2 < NTOK && !T(i + 2).space &&
		    (is_punct(&T(i + 2), ',') || is_punct(&T(i + 2), 0xB7)))))
			follow = 1;
		if (!follow)
			continue;
		ref = person_add(nm, t->start, (uint32_t)nlen, 0, 0, 0, 0,
		    (uint32_t)sl, 1);
		person_mention(nm, t->start, t->start + (uint32_t)nlen,
		    i, i, 0, ref);
	}
}

/*
 * A listed foreign family name with a particle or a list comma after it:
 * "메르켈은", "푸틴의"; with a foreign given name or a foreign-sounding
 * word before it, both words: "앙겔라 메르켈은".  A name met before with
 * a title was taken by repeat_mentions; this is for names the text never
 * introduces, which news does for the best-known people.
 */
static void
match_foreign_family(struct sift_names *nm)
{
	size_t i, first;

	for (i = 0; i < NTOK; i++) {
		const struct sift_tok *t = &T(i);
		long ref;
		int follow;

		if (nm->owner[i] || t->kind != SIFT_TOK_HANGUL || t->nsyl < 2 ||
		    !(t->lex & SIFT_WC_FFAMILY))
			continue;
		follow = !bare(t) && t->part != 0;
		if (!follow && i + 1 < NTOK && !T(i + 1).space &&
		    (is_punct(&T(i + 1), ',') || is_punct(&T(i + 1), 0xB7)))
			follow = 1;
		if (!follow)
			continue;
		/* up to two more words before it: "구스타보 알베르토
		 * 바스케스는", "앤더슨 실바는" */
		first = i;
		while (first > 0 && i - first < 2 && T(first).space &&
		    !nm->owner[first - 1] && is_hangul_word(&T(first - 1)) &&
		    bare(&T(first - 1)) && T(first - 1).nsyl >= 1 &&
		    ((T(first - 1).lex & SIFT_WC_FGIVEN) ||
		    (T(first - 1).nsyl >= 2 && foreign_word_ok(nm, first - 1) &&
		    has_foreign_syllable(TXT(first - 1),
		    T(first - 1).end - T(first - 1).start) &&
		    !T(first - 1).shape)))
			first--;
		ref = person_add(nm, T(first).start, t->base - T(first).start,
		    0, 0, 0, 0, 0, 0);
		person_mention(nm, T(first).start, t->base, first, i, 0, ref);
	}
}

/* Most syllables of s[0..n) are typical of foreign names (at least all
 * but one, and at least half). */
static int
all_foreign(const char *s, size_t n)
{
	size_t i, f = 0, syl = 0;

	for (i = 0; i + 3 <= n; i += 3, syl++)
		if (sift_wordclass(s + i, 3) & SIFT_WC_FOREIGN)
			f++;
	return syl > 0 && f + 1 >= syl && 2 * f >= syl;
}

/*
 * A foreign given name and one or two more words: "존 메이어의", "빌
 * 클린턴 전 대통령", "가네코 지히로의".  The last word may carry a particle;
 * the others are bare and unlisted.
 */
static void
match_foreign_given(struct sift_names *nm)
{
	size_t i, k, words;
	uint32_t end;

	for (i = 0; i + 1 < NTOK; i++) {
		long ref;

		if (nm->owner[i] || !is_hangul_word(&T(i)) || !bare(&T(i)))
			continue;
		/* a given name that is also a common noun (하산, a descent)
		 * starts no name by itself */
		if (T(i).lex & (SIFT_WC_COMMON | SIFT_WC_STOP))
			continue;
		/* without a listed given name, a run of two or three words
		 * that all sound foreign, after a phrase boundary: "디미트리스
		 * 캄메노스", "구스타보 알베르토 바스케스는" */
		if (!(T(i).lex & SIFT_WC_FGIVEN)) {
			size_t w = 0;

			/* cheap tests first: most words are turned away here */
			if (T(i).nsyl < 2 || (T(i).lex & ~(SIFT_WC_FOREIGN |
			    SIFT_WC_GIVEN | SIFT_WC_SURNAME | SIFT_WC_SURNAME_RARE)) ||
			    !T(i).foreign ||
			    !left_boundary(nm, i))
				continue;
			for (k = i; k < NTOK && w < 3; k++) {
				const struct sift_tok *t = &T(k);

				if (nm->owner[k] || !is_hangul_word(t) ||
				    (k > i && !t->space) || t->nsyl < 2 ||
				    (t->lex & ~(SIFT_WC_FOREIGN | SIFT_WC_GIVEN |
				    SIFT_WC_SURNAME | SIFT_WC_SURNAME_RARE)) ||
				    verbal(nm, k) || !t->foreign)
					break;
				w++;
				if (!bare(t))
					break;
			}
			if (w < 2 || (k < NTOK && bare(&T(k - 1)) &&
			    !(T(k).kind & SIFT_TOK_PUNCT) &&
			    !tok_title(nm, k, SIFT_WC_TITLE)))
				continue;
			end = T(i + w - 1).base;
			k = i + w - 1;
			ref = person_add(nm, T(i).start, end - T(i).start, 0, 0, 0,
			    0, 0, 0);
			person_mention(nm, T(i).start, end, i, k, 0, ref);
			i = k;
			continue;
		}
		end = 0;
		for (k = i + 1, words = 1; k < NTOK && words < 3; k++) {
			const struct sift_tok *t = &T(k);

			if (nm->owner[k] || !is_hangul_word(t) || !t->space ||
			    (t->lex & ~(SIFT_WC_SURNAME | SIFT_WC_FOREIGN |
			    SIFT_WC_GIVEN | SIFT_WC_SURNAME_RARE | SIFT_WC_FGIVEN |
			    SIFT_WC_FFAMILY)) || verbal(nm, k))
				break;
			/* "라시드 알 하산": a connector and the word after it */
			if (name_connector(nm, k) && bare(t) && k + 1 < NTOK &&
			    T(k + 1).space && is_hangul_word(&T(k + 1)) &&
			    !nm->owner[k + 1] &&
			    (T(k + 1).lex & (SIFT_WC_FGIVEN | SIFT_WC_FFAMILY))) {
				k++;
				words++;
				t = &T(k);
			}
			words++;
			end = bare(t) ? t->base : foreign_base(nm, k);
			/* a listed family name ends the name: "러셀 크로우
			 * 빼고" */
			if (!bare(t) || (t->lex & SIFT_WC_FFAMILY))
				break;
		}
		if (end == 0)
			continue;
		k = i + words - 1;
		ref = person_add(nm, T(i).start, end - T(i).start, 0, 0, 0, 0, 0, 0);
		person_mention(nm, T(i).start, end, i, k, 0, ref);
		i = k;
	}
}

/*
 * A name alone in parentheses, the cast of a role: "유시진 대위(송중기)와".
 * The name needs given-name syllables.
 */
static void
match_paren_name(struct sift_names *nm)
{
	size_t i;

	for (i = 1; i + 2 < NTOK; i++) {
		const struct sift_tok *t = &T(i);
		size_t sl;
		long ref;

		size_t open = i - 1;

		/* "(본명 심창민)": the real name of a stage name */
		if (i >= 2 && is_punct(&T(i - 2), '(') && bare(&T(i - 1)) &&
		    T(i - 1).end - T(i - 1).start == 6 &&
		    memcmp(TXT(i - 1), "본명", 6) == 0)
			open = i - 2;
		if (!is_punct(&T(open), '(') || nm->owner[i] ||
		    !is_hangul_word(t) || !bare(t) || (sl = t->shape) == 0 ||
		    t->nsyl != 3)
			continue;
		/* closed at once, or after an age: "(정은비·19)" */
		if (!is_punct(&T(i + 1), ')') && !((is_punct(&T(i + 1), 0xB7) ||
		    is_punct(&T(i + 1), ',')) && (T(i + 2).kind &
		    SIFT_TOK_DIGIT) && i + 3 < NTOK && is_punct(&T(i + 3), ')')))
			continue;
		/* a name alone in parentheses right after a word is the
		 * person who plays or is that word ("윤동주(강하늘)"): one
		 * given-name syllable is enough there; elsewhere two */
		if (!given_name(TXT(i), t->end - t->start) && !(open == i - 1 &&
		    i >= 2 && !T(open).space && is_word(&T(i - 2)) &&
		    ((sift_wordclass(TXT(i) + 3, 3) & SIFT_WC_GIVEN) ||
		    (sift_wordclass(TXT(i) + 6, 3) & SIFT_WC_GIVEN)) &&
		    !noun_final(TXT(i), t->end - t->start)))
			continue;
		ref = person_add(nm, t->start, t->end - t->start, 0, 0, 0, 0,
		    (uint32_t)sl, 1);
		person_mention(nm, t->start, t->end, i, i, 0, ref);
	}
}

/* ---- English ---- */

static int
en_word_eq(const struct sift_names *nm, size_t i, const char *w)
{
	size_t n = strlen(w);

	return is_word(&T(i)) && T(i).end - T(i).start == n &&
	    memcmp(TXT(i), w, n) == 0;
}

/* Lexicon flags of an English word, with a glued period tried first
 * ("Dr." before "Dr").  *last gets the last token used. */
static uint64_t
en_lex(const struct sift_names *nm, size_t i, size_t *last)
{
	uint64_t f;

	*last = i;
	if (i + 1 < NTOK && is_punct(&T(i + 1), '.') && !T(i + 1).space) {
		f = sift_wordclass(TXT(i), T(i + 1).end - T(i).start);
		if (f) {
			*last = i + 1;
			return f;
		}
	}
	return sift_wordclass(TXT(i), T(i).end - T(i).start);
}

/* Capitalised name words from i: "Jane", "Roe", initials "J." ... up to
 * max words; returns the number of tokens used (0 if none). */
/* s[0..n) is a lowercase particle of European names. */
static int
name_particle(const char *s, size_t n)
{
	static const char *const parts[] = {
		"de", "van", "der", "von", "da", "di", "del", "della", "la", "le",
		"du", "dos", "das", "ter", "den", "bin", "ibn", "al", "el", NULL
	};
	size_t k;

	for (k = 0; parts[k] != NULL; k++)
		if (strlen(parts[k]) == n && memcmp(parts[k], s, n) == 0)
			return 1;
	return 0;
}

static size_t
en_name_run(const struct sift_names *nm, size_t i, size_t max, size_t *words)
{
	size_t k = i, w = 0, dummy;
	uint64_t f;

	while (k < NTOK && w < max) {
		const struct sift_tok *t = &T(k);

		/* a lowercase particle inside a name: "Anouk de Graaf",
		 * "Ludwig van Beethoven" */
		if (k > i && t->kind == SIFT_TOK_LATIN && !t->upper && t->space &&
		    name_particle(TXT(k), t->end - t->start) && k + 1 < NTOK &&
		    T(k + 1).kind == SIFT_TOK_LATIN && T(k + 1).upper &&
		    T(k + 1).space) {
			k++;
			continue;
		}
		if (t->kind != SIFT_TOK_LATIN || !t->upper ||
		    (k > i && !t->space))
			break;
		f = en_lex(nm, k, &dummy);
		if (f & (SIFT_WC_ORG_EN | SIFT_WC_TITLE_EN | SIFT_WC_ENPRON))
			break;
		{
			char low[16];
			size_t n = t->end - t->start, c;

			if (n < sizeof(low)) {
				for (c = 0; c < n; c++)
					low[c] = (char)(TXT(k)[c] | 0x20);
				/* a stop word is no name part, unless it
				 * begins a hyphenated given name: "So-yeon" */
				if ((sift_wordclass(low, n) & SIFT_WC_STOP) &&
				    !(k + 2 < NTOK && is_punct(&T(k + 1), '-') &&
				    !T(k + 1).space && !T(k + 2).space &&
				    T(k + 2).kind == SIFT_TOK_LATIN))
					break;
			}
		}
		w++;
		/* an initial: "J." */
		if (t->end - t->start == 1 && k + 1 < NTOK &&
		    is_punct(&T(k + 1), '.'))
			k++;
		/* a hyphenated given name: "Min-jun" */
		while (k + 2 < NTOK && is_punct(&T(k + 1), '-') &&
		    !T(k + 1).space && !T(k + 2).space &&
		    T(k + 2).kind == SIFT_TOK_LATIN)
			k += 2;
		k++;
	}
	*words = w;
	return w ? k - i : 0;
}

static void
en_person(struct sift_names *nm, size_t first, size_t last, size_t nf,
    size_t nl, uint32_t title, uint32_t title_len, uint32_t org,
    uint32_t org_len)
{
	uint32_t ns = T(nf).start, nn = T(nl).end - T(nf).start;
	long ref = -1, hit = -1;
	size_t i;

	/* the last words of a longer name met before are a later mention
	 * of it: "Delgado Ferreira said" after "Marco Delgado Ferreira";
	 * only when one person fits */
	for (i = 0; i < nm->npeople; i++) {
		const struct sift_person *p = &nm->people[i];

		if (p->name_len > nn + 1 && nm->text[p->name + p->name_len -
		    nn - 1] == ' ' && memcmp(nm->text + p->name + p->name_len -
		    nn, nm->text + ns, nn) == 0 && !span_eq(nm->text, p->name,
		    p->name_len, ns, nn))
			hit = hit < 0 ? (long)i : -2;
	}
	if (hit >= 0) {
		ref = hit;
		if (title_len && nm->people[hit].title_len == 0) {
			nm->people[hit].title = title;
			nm->people[hit].title_len = title_len;
		}
	} else
		ref = person_add(nm, ns, nn, title, title_len, org, org_len, 0,
		    0);

	person_mention(nm, T(nf).start, T(nl).end,
	    first, last, title_len != 0, ref);
	org_in_phrase(nm, org, org_len);
}

/*
 * A Korean name in English: a family name as English spells it and a
 * hyphenated given name, "Yoo Ha-rin", "Choi Yoon-seo".  The form is
 * evidence enough, with no title ("Yoo said" then resolves to her).
 */
static void
match_romanized(struct sift_names *nm)
{
	size_t i;

	for (i = 0; i + 3 < NTOK; i++) {
		const struct sift_tok *t = &T(i);

		if (nm->owner[i] || t->kind != SIFT_TOK_LATIN || !t->upper ||
		    !(t->lex & SIFT_WC_ROMAN))
			continue;
		if (!T(i + 1).space || T(i + 1).kind != SIFT_TOK_LATIN ||
		    !T(i + 1).upper || !is_punct(&T(i + 2), '-') ||
		    T(i + 2).space || T(i + 3).space ||
		    T(i + 3).kind != SIFT_TOK_LATIN || T(i + 3).upper)
			continue;
		if (!free_range_(nm, i, i + 3))
			continue;
		en_person(nm, i, i + 3, i, i + 3, 0, 0, 0, 0);
		i += 3;
	}
}

/* Organisation name ending at or starting at token i (English).
 * Returns tokens used, 0 if none. */
static size_t
en_org_run(const struct sift_names *nm, size_t i, size_t *endtok)
{
	size_t k = i, last, seen = 0, dummy;
	uint64_t f;
	int pre = 0;

	if (T(i).kind != SIFT_TOK_LATIN || !T(i).upper)
		return 0;
	/* "University of X", "Bank of Korea" */
	if (i + 2 < NTOK && en_word_eq(nm, i + 1, "of") &&
	    T(i + 2).kind == SIFT_TOK_LATIN && T(i + 2).upper) {
		char buf[64];
		size_t n = T(i + 1).end - T(i).start;

		if (n < sizeof(buf)) {
			memcpy(buf, TXT(i), n);
			if (sift_wordclass(buf, n) & SIFT_WC_ORG_ENPRE)
				pre = 1;
		}
	}
	while (k < NTOK) {
		const struct sift_tok *t = &T(k);

		if (k > i && en_word_eq(nm, k, "of") && k + 1 < NTOK &&
		    T(k + 1).upper && (pre || seen == 0)) {
			k++;
			continue;
		}
		if (k > i && en_word_eq(nm, k, "&") )
			break;
		if (t->kind & SIFT_TOK_PUNCT) {
			if (t->cp == '&' && k + 1 < NTOK && T(k + 1).upper) {
				k++;
				continue;
			}
			break;
		}
		if (!(t->kind & SIFT_TOK_LATIN) || !t->upper ||
		    (k > i && !t->space))
			break;
		f = en_lex(nm, k, &last);
		seen++;
		/* "University of X" runs on to the end of X */
		if ((f & SIFT_WC_ORG_EN) && !(pre && k == i)) {
			*endtok = last;
			/* keep going: "Acme Holdings Group" */
			k = last + 1;
			if (k < NTOK && T(k).kind == SIFT_TOK_LATIN && T(k).upper &&
			    (en_lex(nm, k, &dummy) & SIFT_WC_ORG_EN))
				continue;
			return *endtok - i + 1;
		}
		k++;
		if (seen > 6)
			break;
	}
	if (pre) {
		*endtok = k - 1;
		return k - i;
	}
	return 0;
}

/*
 * ", [the|a|an] TITLE [of|at ORG]" after a name ending before token e:
 * "Jane Roe, chief executive of Acme Corp.".  Returns the last token used
 * (0 if there is no such phrase) and fills title and org spans.
 */
/*
 * Token k is a listed English title word on its own ("analyst",
 * "officer"), or ends a listed two-word one ("scientific officer" no,
 * "chief executive" yes).
 */
static int
en_title_at(const struct sift_names *nm, size_t k)
{
	return T(k).kind == SIFT_TOK_LATIN &&
	    (sift_wordclass(TXT(k), T(k).end - T(k).start) &
	    (SIFT_WC_TITLE_EN | SIFT_WC_TITLE)) != 0;
}

/*
 * Tokens a..b-1 are lowercase words that can qualify a title: "healthcare
 * analyst", "chief scientific officer", "union leader".  News writes the
 * field or rank of a job before its head noun, and the title is the whole
 * phrase; function words (the, and, who) and verbs (said) end it.
 */
static int
en_title_mods(const struct sift_names *nm, size_t a, size_t b)
{
	size_t k;

	if (b - a > 2)
		return 0;
	for (k = a; k < b; k++) {
		const struct sift_tok *t = &T(k);

		if (t->kind != SIFT_TOK_LATIN || t->upper || nm->owner[k] ||
		    (k > a && !t->space) || t->end - t->start < 3 ||
		    (t->lex & (SIFT_WC_STOP | SIFT_WC_ENVERB | SIFT_WC_ENPRON)))
			return 0;
	}
	return 1;
}

static size_t
en_appos(const struct sift_names *nm, size_t e, uint32_t *title,
    uint32_t *title_len, uint32_t *org, uint32_t *org_len)
{
	size_t k, t0, lastt, words, run;
	char buf[80];
	size_t n;

	*org = *org_len = 0;
	if (e + 1 >= NTOK || !is_punct(&T(e), ','))
		return 0;
	k = e + 1;
	if (en_word_eq(nm, k, "the") || en_word_eq(nm, k, "a") ||
	    en_word_eq(nm, k, "an"))
		k++;
	/* an age before the title: "a 27-year-old office worker" */
	if (k + 4 < NTOK && (T(k).kind & SIFT_TOK_DIGIT) &&
	    is_punct(&T(k + 1), '-') && en_word_eq(nm, k + 2, "year") &&
	    is_punct(&T(k + 3), '-') && en_word_eq(nm, k + 4, "old"))
		k += 5;
	t0 = k;
	/* the longest run of up to four words that is a listed title */
	lastt = 0;
	for (; k < NTOK && k < t0 + 4 && T(k).kind == SIFT_TOK_LATIN; k++) {
		if (en_word_eq(nm, k, "of") || en_word_eq(nm, k, "at"))
			break;
		n = T(k).end - T(t0).start;
		if (n >= sizeof(buf))
			break;
		memcpy(buf, TXT(t0), n);
		if (sift_wordclass(buf, n) & (SIFT_WC_TITLE_EN | SIFT_WC_TITLE))
			lastt = k;
		else if (k > t0 && en_title_mods(nm, t0, k) &&
		    en_title_at(nm, k))
			lastt = k;	/* "a healthcare analyst" */
	}
	if (lastt == 0)
		return 0;
	*title = T(t0).start;
	*title_len = T(lastt).end - T(t0).start;
	k = lastt + 1;
	if (k + 1 < NTOK && (en_word_eq(nm, k, "of") || en_word_eq(nm, k, "at"))) {
		long mi = nm->owner[k + 1] ? sift_names_mention_at(nm, k + 1) : -1;

		if (mi >= 0 && nm->m[mi].type == SIFT_MENTION_ORG) {
			*org = nm->m[mi].start;
			*org_len = nm->m[mi].end - *org;
			return nm->m[mi].tok_last;
		}
		/* an organisation we do not know: its capitalised words */
		run = en_name_run(nm, k + 1, 5, &words);
		if (run) {
			*org = T(k + 1).start;
			*org_len = T(k + run).end - *org;
			return k + run;
		}
	}
	return lastt;
}

static void
match_english(struct sift_names *nm)
{
	size_t i, last, words, run, endtok, l2;
	uint64_t f;

	/* organisations first: their capitalised words are not names */
	for (i = 0; i < NTOK; i++) {
		if (nm->owner[i] || T(i).kind != SIFT_TOK_LATIN || !T(i).upper)
			continue;
		if (i > 0 && (T(i - 1).kind == SIFT_TOK_LATIN) && T(i - 1).upper &&
		    !nm->owner[i - 1])
			continue;	/* start at the first capital */
		if (en_org_run(nm, i, &endtok)) {
			uint32_t end = T(endtok).end;
			long ref;

			if (!free_range_(nm, i, endtok))
				continue;
			/* strip a trailing period that ends the sentence only
			 * when it is not part of "Inc." */
			ref = org_add(nm, T(i).start, end - T(i).start);
			claim(nm, i, endtok);
			mention_push(nm, T(i).start, end, i, endtok,
			    SIFT_MENTION_ORG, 0);
			nm->m[nm->nm - 1].ref = (int32_t)ref;
			i = endtok;
		}
	}
	for (i = 0; i < NTOK; i++) {
		if (nm->owner[i] || T(i).kind != SIFT_TOK_LATIN)
			continue;
		f = en_lex(nm, i, &last);
		/* "chief executive Jane Roe": a two-word title */
		if (!(f & SIFT_WC_TITLE_EN) && i + 1 < NTOK &&
		    T(i + 1).kind == SIFT_TOK_LATIN && T(i + 1).space) {
			char buf[64];
			size_t n = T(i + 1).end - T(i).start;

			if (n < sizeof(buf)) {
				memcpy(buf, TXT(i), n);
				if (sift_wordclass(buf, n) & SIFT_WC_TITLE_EN) {
					f = SIFT_WC_TITLE_EN;
					last = i + 1;
				}
			}
		}
		/* Title Name: "Dr. Jane Roe", "President Lee", "CEO Jane Roe" */
		if ((f & SIFT_WC_TITLE_EN) || ((f & SIFT_WC_TITLE) &&
		    T(i).upper && all_syllables(TXT(i), 1) == 0)) {
			size_t t0 = i;
			uint32_t org = 0, org_len = 0;

			/* "Vice President", "Chief Executive": two-word titles */
			if (last + 2 < NTOK && T(last + 1).upper) {
				char buf[64];
				size_t n = T(last + 1).end - T(i).start, l2;

				if (n < sizeof(buf)) {
					memcpy(buf, TXT(i), n);
					if (sift_wordclass(buf, n) & SIFT_WC_TITLE_EN) {
						last = last + 1;
						(void)l2;
					}
				}
			}
			if (last + 1 >= NTOK)
				continue;
			/* the name set off by commas: "Her coach, Marco Delgado
			 * Ferreira, said"; two words at least, and a comma or a
			 * speech verb after them, so that a list is not read */
			if (last + 3 < NTOK && is_punct(&T(last + 1), ',') &&
			    !T(last + 1).space &&
			    (run = en_name_run(nm, last + 2, 3, &words)) != 0 &&
			    words >= 2 && last + 2 + run < NTOK &&
			    (is_punct(&T(last + 2 + run), ',') ||
			    (en_lex(nm, last + 2 + run, &l2) & SIFT_WC_ENVERB)) &&
			    free_range_(nm, t0, last + 1 + run)) {
				en_person(nm, t0, last + 1 + run, last + 2,
				    last + 1 + run, T(t0).start,
				    T(last).end - T(t0).start, 0, 0);
				i = last + 1 + run;
				continue;
			}
			run = en_name_run(nm, last + 1, 3, &words);
			if (run == 0 || !free_range_(nm, t0, last + run))
				continue;
			/* the title's qualifiers: "union leader Jang", "chief
			 * scientific officer Roe", and the portfolio of a
			 * minister or secretary, "Finance Minister Park" (one
			 * capitalised word, not the end of a longer name).  A
			 * capitalised word before other titles is a place or
			 * body, not part of the title: "Georgia Governor" */
			while (t0 > 0 && t0 + 2 > i && T(t0).space &&
			    en_title_mods(nm, t0 - 1, t0))
				t0--;
			if (t0 == i && t0 == last && t0 > 0 && T(t0).upper &&
			    T(t0).space && (en_word_eq(nm, t0, "Minister") ||
			    en_word_eq(nm, t0, "Secretary")) &&
			    T(t0 - 1).kind == SIFT_TOK_LATIN && T(t0 - 1).upper &&
			    !nm->owner[t0 - 1] && T(t0 - 1).end - T(t0 - 1).start >= 3 &&
			    !(T(t0 - 1).lex & (SIFT_WC_STOP | SIFT_WC_ENVERB |
			    SIFT_WC_ENPRON | SIFT_WC_TITLE_EN | SIFT_WC_TITLE)) &&
			    (t0 < 2 || !(T(t0 - 2).kind == SIFT_TOK_LATIN &&
			    T(t0 - 2).upper)))
				t0--;
			/* a lone capitalised word after Mr./Dr. is a name; after
			 * President or CEO it could be a sentence start */
			if (t0 > 0 && T(t0 - 1).kind == SIFT_TOK_LATIN &&
			    T(t0 - 1).upper && nm->owner[t0 - 1]) {
				long mi = sift_names_mention_at(nm, t0 - 1);

				if (mi >= 0 && nm->m[mi].type == SIFT_MENTION_ORG) {
					org = nm->m[mi].start;
					org_len = nm->m[mi].end - nm->m[mi].start;
				}
			}
			en_person(nm, t0, last + run, last + 1, last + run,
			    T(t0).start, T(last).end - T(t0).start, org, org_len);
			i = last + run;
			continue;
		}
		/* "said Jane Roe[, chief executive of Acme]" */
		if ((f & SIFT_WC_ENVERB) && i + 1 < NTOK) {
			uint32_t ti = 0, tl = 0, org, olen;
			size_t e, lastt;

			run = en_name_run(nm, i + 1, 3, &words);
			if (run && words >= 2 && free_range_(nm, i + 1, i + run)) {
				e = i + 1 + run;
				lastt = en_appos(nm, e, &ti, &tl, &org, &olen);
				if (lastt == 0) {
					org = olen = 0;
					lastt = e - 1;
				}
				en_person(nm, i + 1, lastt, i + 1, i + run, ti, tl, org,
				    olen);
				i = lastt;
			}
			continue;
		}
		/* "Jane Roe said", "Jane Roe, chief executive of Acme, said" */
		if (T(i).upper && (i == 0 || !(T(i - 1).kind & SIFT_TOK_LATIN) ||
		    !T(i - 1).upper)) {
			uint32_t ti = 0, tl = 0, org = 0, olen = 0;
			size_t e, lastt;

			run = en_name_run(nm, i, 3, &words);
			if (run == 0 || words < 2 || !free_range_(nm, i, i + run - 1))
				continue;
			e = i + run;
			if ((lastt = en_appos(nm, e, &ti, &tl, &org, &olen)) != 0) {
				en_person(nm, i, lastt, i, e - 1, ti, tl, org, olen);
				i = lastt;
				continue;
			}
			if (e < NTOK && (en_lex(nm, e, &last) & SIFT_WC_ENVERB)) {
				en_person(nm, i, e - 1, i, e - 1, 0, 0, 0, 0);
				i = e - 1;
			}
		}
	}
}

/* ---- later mentions ---- */

/* hay[0..hn) contains needle[0..nn). */
static int
contains(const char *hay, size_t hn, const char *needle, size_t nn)
{
	size_t i;

	if (nn == 0 || nn > hn)
		return nn == 0;
	for (i = 0; i + nn <= hn; i++)
		if (memcmp(hay + i, needle, nn) == 0)
			return 1;
	return 0;
}

/* A person whose family name (or last word) is s[0..n), preferring one
 * with the same title; -1 if none or ambiguous. */
static long
resolve_partial(const struct sift_names *nm, const char *s, size_t n,
    const char *title, size_t title_len)
{
	size_t i;
	long found = -1, titled = -1;
	int nfound = 0, ntitled = 0;

	for (i = 0; i < nm->npeople; i++) {
		const struct sift_person *p = &nm->people[i];
		int match;

		if (p->korean)
			match = p->surname_len == n &&
			    memcmp(nm->text + p->name, s, n) == 0;
		else
			match = p->last_len == n &&
			    memcmp(nm->text + p->last, s, n) == 0;
		if (!match)
			continue;
		/* a different title is a different person: "한 보좌관" is not
		 * 한승우 의원; "홍 CTO" is 최고기술책임자(CTO) 홍길동 */
		if (title_len && p->title_len && !contains(nm->text + p->title,
		    p->title_len, title, title_len) && !contains(title, title_len,
		    nm->text + p->title, p->title_len))
			continue;
		nfound++;
		found = (long)i;
		if (title_len && p->title_len >= title_len &&
		    memcmp(nm->text + p->title + p->title_len - title_len,
		    title, title_len) == 0) {
			ntitled++;
			titled = (long)i;
		}
	}
	if (ntitled == 1)
		return titled;
	if (nfound == 1)
		return found;
	return -1;
}

static void
resolve_mentions(struct sift_names *nm)
{
	size_t i;

	for (i = 0; i < nm->nm; i++) {
		struct sift_mention *m = &nm->m[i];
		const struct sift_tok *tl;
		size_t ttok;

		if (m->ref >= 0 || m->type != SIFT_MENTION_PERSON || m->anon)
			continue;
		/* the title word is the last word of the phrase (or the one
		 * before a parenthesised acronym) */
		ttok = m->tok_last;
		if (is_punct(&T(ttok), ')') && ttok >= 3)
			ttok -= 3;
		tl = &T(ttok);
		/* "곽씨는", "곽 씨": an honorific is no title to compare */
		if ((tl->lex & SIFT_WC_HON) || (tl->base - tl->start >= 3 &&
		    memcmp(nm->text + tl->base - 3, "씨", 3) == 0))
			m->ref = (int32_t)resolve_partial(nm, nm->text +
			    m->start, m->end - m->start, NULL, 0);
		else
			m->ref = (int32_t)resolve_partial(nm, nm->text +
			    m->start, m->end - m->start, nm->text + tl->start,
			    tl->base - tl->start);
	}
}

/* Full names found anywhere become mentions wherever they recur. */
static void
repeat_mentions(struct sift_names *nm)
{
	size_t i, p;

	if (nm->npeople == 0)
		return;
	for (i = 0; i < NTOK; i++) {
		const struct sift_tok *t = &T(i);

		if (nm->owner[i] || !is_word(t))
			continue;
		for (p = 0; p < nm->npeople; p++) {
			const struct sift_person *pp = &nm->people[p];
			size_t k = i;
			uint32_t end;

			/* the first bytes differ for almost every pair */
			if (nm->len - t->start < pp->name_len ||
			    nm->text[t->start] != nm->text[pp->name] ||
			    nm->text[t->start + 1] != nm->text[pp->name + 1] ||
			    memcmp(nm->text + t->start, nm->text + pp->name,
			    pp->name_len) != 0)
				continue;
			end = t->start + pp->name_len;
			/* the name must end at a token's end or base */
			while (k < NTOK && T(k).end < end)
				k++;
			if (k >= NTOK || (T(k).end != end && T(k).base != end &&
			    !(T(k).base < end && T(k).end > end &&
			    sift_strip_particles(nm->text + T(k).start,
			    T(k).end - T(k).start, NULL) <= end - T(k).start)))
				continue;
			if (T(k).end != end && T(k).base != end) {
				/* the name ends inside a particle run: accept
				 * only if the rest is a particle */
				uint64_t f = sift_wordclass(nm->text + end, T(k).end - end);

				if (!(f & SIFT_WC_PARTICLE) &&
				    memcmp(nm->text + end, "씨", 3) != 0)
					continue;
			}
			if (!free_range_(nm, i, k))
				continue;
			person_mention(nm, t->start, end, i, k, 0, p);
			i = k;
			break;
		}
	}
	/* English surnames alone: "Roe said" after "Jane Roe" */
	for (i = 0; i < NTOK; i++) {
		const struct sift_tok *t = &T(i);
		long r;

		if (nm->owner[i] || t->kind != SIFT_TOK_LATIN || !t->upper ||
		    (i + 1 < NTOK && T(i + 1).kind == SIFT_TOK_LATIN &&
		    T(i + 1).upper && T(i + 1).space))
			continue;
		r = resolve_partial(nm, TXT(i), t->end - t->start, NULL, 0);
		if (r < 0 || nm->people[r].korean || nm->people[r].last_len ==
		    nm->people[r].name_len)
			continue;
		person_mention(nm, t->start, t->end, i, i, 0, r);
	}
	/* the same in Hangul: "포겔은" after "안드레아스 포겔 감독" (the last
	 * word of a foreign name, two syllables at least, with or without a
	 * particle) */
	for (p = 0; p < nm->npeople; p++)
		if (!nm->people[p].korean && nm->people[p].last_len <
		    nm->people[p].name_len &&
		    (unsigned char)nm->text[nm->people[p].name] >= 0xEA)
			break;
	for (i = 0; p < nm->npeople && i < NTOK; i++) {
		const struct sift_tok *t = &T(i);
		long r;

		if (nm->owner[i] || t->kind != SIFT_TOK_HANGUL || t->nsyl < 2)
			continue;
		r = resolve_partial(nm, TXT(i), t->base - t->start, NULL, 0);
		if (r < 0 || nm->people[r].korean || nm->people[r].last_len ==
		    nm->people[r].name_len)
			continue;
		person_mention(nm, t->start, t->base, i, i, 0, r);
	}
}

static void
match_orgs(struct sift_names *nm)
{
	size_t i;
	uint32_t end;

	for (i = 0; i < NTOK; i++) {
		long ref;

		if (nm->owner[i] || !is_word(&T(i)) || !tok_org(nm, i, &end))
			continue;
		if (T(i).kind == SIFT_TOK_LATIN && !(T(i).lex & SIFT_WC_ORG_NAME))
			continue;
		ref = org_add(nm, T(i).start, end - T(i).start);
		claim(nm, i, i);
		mention_push(nm, T(i).start, end, i, i, SIFT_MENTION_ORG, 0);
		nm->m[nm->nm - 1].ref = (int32_t)ref;
	}
}

/* Mentions in text order.  They arrive in a few ascending runs (one per
 * pass), so an insertion sort is cheap and, unlike qsort, stable and free
 * of allocation. */
static void
sort_mentions(struct sift_names *nm)
{
	size_t i, j;

	for (i = 1; i < nm->nm; i++) {
		struct sift_mention m = nm->m[i];

		for (j = i; j > 0 && nm->m[j - 1].tok_first > m.tok_first; j--)
			nm->m[j] = nm->m[j - 1];
		nm->m[j] = m;
	}
}

/* People in order of first mention (the list grows in pattern order). */
static void
order_people(struct sift_names *nm)
{
	size_t i, k = 0, np = nm->npeople;
	int32_t *map;
	struct sift_person *tmp;
	size_t need = np * (sizeof(*map) + sizeof(*tmp)) + sizeof(*tmp);

	if (np < 2)
		return;
	if (nm->scratch_cap < need) {
		nm->scratch_cap = need * 2;
		free(nm->scratch);
		nm->scratch = sift_xmalloc(nm->scratch_cap);
	}
	tmp = (struct sift_person *)nm->scratch;
	map = (int32_t *)(tmp + np);
	for (i = 0; i < np; i++)
		map[i] = -1;
	for (i = 0; i < nm->nm; i++) {
		int32_t r = nm->m[i].ref;

		if (nm->m[i].type != SIFT_MENTION_PERSON || r < 0 || map[r] >= 0)
			continue;
		map[r] = (int32_t)k;
		tmp[k++] = nm->people[r];
	}
	for (i = 0; i < np; i++)
		if (map[i] < 0) {
			map[i] = (int32_t)k;
			tmp[k++] = nm->people[i];
		}
	memcpy(nm->people, tmp, np * sizeof(*tmp));
	for (i = 0; i < nm->nm; i++)
		if (nm->m[i].type == SIFT_MENTION_PERSON && nm->m[i].ref >= 0)
			nm->m[i].ref = map[nm->m[i].ref];
}

/*
 * "Haneul Orbit said ..." reads as an untitled English name, but "Haneul
 * Orbit chief executive Ahn So-yeon" shows it is the organisation before
 * a title and a name: its mentions become organisation mentions and the
 * person is dropped (name_len 0; the filter lists no such entry).
 */
static void
drop_person(struct sift_names *nm, int32_t ref)
{
	size_t k;

	for (k = 0; k < nm->nm; k++)
		if (nm->m[k].type == SIFT_MENTION_PERSON && nm->m[k].ref == ref) {
			nm->m[k].type = SIFT_MENTION_ORG;
			nm->m[k].ref = -1;
		}
	nm->people[ref].name_len = 0;
}

static void
en_org_not_person(struct sift_names *nm)
{
	size_t i, k, w;

	for (i = 0; i < nm->nm; i++) {
		const struct sift_mention *m = &nm->m[i];
		const struct sift_person *p;
		int hit = 0;

		if (m->type != SIFT_MENTION_PERSON || m->ref < 0 ||
		    T(m->tok_first).kind != SIFT_TOK_LATIN)
			continue;
		p = &nm->people[m->ref];
		if (p->title_len || p->name_len == 0)
			continue;
		/* up to three lowercase words ending in a title, then a
		 * capitalised word */
		for (k = m->tok_last + 1, w = 0; k + 1 < NTOK && w < 3; k++, w++) {
			if (T(k).kind != SIFT_TOK_LATIN || T(k).upper ||
			    !T(k).space)
				break;
			if ((en_title_at(nm, k) || (sift_wordclass(TXT(m->tok_last +
			    1), T(k).end - T(m->tok_last + 1).start) &
			    (SIFT_WC_TITLE_EN | SIFT_WC_TITLE))) && T(k + 1).kind ==
			    SIFT_TOK_LATIN && T(k + 1).upper && T(k + 1).space) {
				hit = 1;
				break;
			}
		}
		if (!hit)
			continue;
		/* every untitled person of that name */
		for (w = 0; w < nm->npeople; w++) {
			struct sift_person *q = &nm->people[w];

			if (w == (size_t)m->ref || q->title_len ||
			    q->name_len != p->name_len ||
			    memcmp(nm->text + q->name, nm->text + p->name,
			    p->name_len) != 0)
				continue;
			drop_person(nm, (int32_t)w);
		}
		drop_person(nm, m->ref);
	}
}

size_t
sift_names_find(struct sift_names *nm, const char *text, size_t n)
{
	size_t i;

	sift_wordclass_init();
	nm->text = text;
	nm->len = n;
	nm->npeople = nm->norgs = nm->nm = 0;
	sift_tokenize(text, n, &nm->toks);
	if (nm->owner_cap < NTOK + 1) {
		nm->owner_cap = NTOK + 64;
		free(nm->owner);
		nm->owner = sift_xmalloc(nm->owner_cap * sizeof(*nm->owner));
	}
	memset(nm->owner, 0, (NTOK + 1) * sizeof(*nm->owner));

	/* strongest evidence first: titles after names, then before */
	for (i = 1; i < NTOK; i++)
		if (is_word(&T(i)) && !nm->owner[i])
			match_title_after(nm, i);
	for (i = 0; i + 1 < NTOK; i++)
		if (is_word(&T(i)) && !nm->owner[i] && !nm->owner[i + 1])
			match_title_before(nm, i);
	for (i = 1; i < NTOK; i++)
		if (is_word(&T(i)) && !nm->owner[i])
			match_job_after(nm, i);
	for (i = 0; i < NTOK; i++)
		match_hon(nm, i);
	match_english(nm);
	match_romanized(nm);
	match_foreign_given(nm);
	repeat_mentions(nm);
	match_paren_name(nm);
	match_bare(nm);
	match_foreign_family(nm);
	match_orgs(nm);
	sort_mentions(nm);
	resolve_mentions(nm);
	order_people(nm);
	en_org_not_person(nm);
	return nm->npeople;
}

int
sift_names_name_shaped(const struct sift_names *nm, size_t k)
{
	const struct sift_tok *t;
	size_t n, sl;

	if (k >= NTOK)
		return 0;
	t = &T(k);
	n = t->base - t->start;
	if (t->kind != SIFT_TOK_HANGUL || t->nsyl < 3 || t->nsyl > 4 ||
	    n != (size_t)t->nsyl * 3 || t->org_end || t->lex)
		return 0;
	sl = name_shape(TXT(k), n);
	if (sl == 0 || (sl == 3 && t->nsyl != 3))
		return 0;
	/* one given-name syllable at least, and no verb stem: 추행한 */
	return (sift_wordclass(TXT(k) + sl, 3) & SIFT_WC_GIVEN) ||
	    (sift_wordclass(TXT(k) + n - 3, 3) & SIFT_WC_GIVEN);
}

long
sift_names_mention_at(const struct sift_names *nm, size_t tok)
{
	size_t i;
	long org_hit;

	/* a handful of mentions per document: a scan is cheapest, and works
	 * while the list is still being built (unsorted) */
	org_hit = -1;
	for (i = 0; i < nm->nm; i++) {
		if (nm->m[i].tok_first > tok || tok > nm->m[i].tok_last)
			continue;
		if (nm->m[i].type == SIFT_MENTION_PERSON)
			return (long)i;
		if (org_hit < 0)
			org_hit = (long)i;
	}
	return org_hit;
}

void
sift_names_release(struct sift_names *nm)
{
	sift_toks_release(&nm->toks);
	free(nm->people);
	free(nm->orgs);
	free(nm->m);
	free(nm->owner);
	free(nm->scratch);
	memset(nm, 0, sizeof(*nm));
}
