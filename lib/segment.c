/*
 * segment.c - rule-based sentence segmentation (see segment.h).
 *
 * One forward pass over the bytes.  Most bytes are skipped through a class
 * table; work happens only at
 *   - terminal punctuation (. ! ? … 。 ！ ？ and runs of them), where the
 *     words on either side decide (abbreviations, numbers, initials, list
 *     markers, Korean endings, English capitalization);
 *   - whitespace after a Hangul word, where a sentence-final ending (했다,
 *     했어요, 하죠 ...) ends a sentence even without punctuation, as
 *     informal Korean often does;
 *   - quotes and brackets, which are tracked on a small stack: every break
 *     found inside a pair is provisional and is taken back when the pair
 *     closes, so that "…했다. …하겠다"고 말했다 stays one sentence while an
 *     opener that never closes does not swallow the rest of the paragraph;
 *   - line breaks (every one, or only blank lines, per opts).
 *
 * The word lists (abbreviations, Korean endings, words that open or continue
 * a sentence) live in data/segment-*.tsv|txt and are loaded once.
 */
#include "segment.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "data.h"
#include "hash.h"
#include "utf8.h"

/* ---------------------------------------------------------------- spans */

void
sift_spans_push(struct sift_spans *s, size_t start, size_t end)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = sift_xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n].start = start;
	s->v[s->n].end = end;
	s->n++;
}

void
sift_spans_release(struct sift_spans *s)
{
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

/* ---------------------------------------------------------- rule tables */

/*
 * A set of strings mapped to a small class value.  Keys are kept only as
 * 64-bit hashes: with a few thousand entries a false match is practically
 * impossible, and the table stays a flat array.
 */
struct table {
	uint64_t *key;		/* 0 = empty slot */
	unsigned char *val;
	size_t mask;
};

static uint64_t
key_hash(const char *s, size_t n)
{
	uint64_t h = sift_hash64(s, n, 0x5e67e47ULL);

	return h ? h : 1;
}

static void
table_init(struct table *t, size_t nentries)
{
	size_t cap = 16;

	while (cap < 2 * nentries)
		cap *= 2;
	t->key = sift_xcalloc(cap, sizeof(*t->key));
	t->val = sift_xcalloc(cap, 1);
	t->mask = cap - 1;
}

static void
table_put(struct table *t, const char *s, size_t n, unsigned char val)
{
	uint64_t h = key_hash(s, n);
	size_t i = (size_t)h & t->mask;

	while (t->key[i] != 0 && t->key[i] != h)
		i = (i + 1) & t->mask;
	t->key[i] = h;
	t->val[i] = val;
}

/* The class stored for s, or 0. */
static int
table_get(const struct table *t, const char *s, size_t n)
{
	uint64_t h;
	size_t i;

	if (t->key == NULL)
		return 0;
	h = key_hash(s, n);
	i = (size_t)h & t->mask;
	while (t->key[i] != 0) {
		if (t->key[i] == h)
			return t->val[i];
		i = (i + 1) & t->mask;
	}
	return 0;
}

enum abbr_class {
	ABBR_NONE,
	ABBR_TITLE,		/* Dr. Kim: never a break */
	ABBR_NUMBER,		/* No. 5: no break before a digit */
	ABBR_INNER,		/* e.g.: never a break */
	ABBR_POST,		/* Co.: break only before a sentence opener */
	ABBR_TIME,		/* a.m.: break before a capital, see below */
	ABBR_DOMAIN		/* com: the end of a domain name */
};

enum ko_class {
	KO_NONE,
	KO_FINAL,		/* 했다, 해요: ends a sentence */
	KO_WEAK,		/* 했음, 좋아: ends one only with support */
	KO_NO,			/* 보다, 필요: never an ending */
	KO_LINK			/* 것이, 그런데: leans on what follows */
};

enum ko_next {
	NEXT_NONE,
	NEXT_QUOTE,		/* 하고, 라며: a quotative verb follows */
	NEXT_CONT,		/* 싶어, 않는다: the clause goes on */
	NEXT_OPEN,		/* 그리고, 저는: typically opens a sentence */
	NEXT_START		/* 하지만: only ever opens a sentence */
};

#define HANGUL_FIRST 0xAC00
#define HANGUL_LAST 0xD7A3
#define HANGUL_COUNT (HANGUL_LAST - HANGUL_FIRST + 1)
/* Suffix entries longer than this many syllables are never matched (see
 * ko_class). */
#define KO_SUFFIX_MAX 6

static struct rules {
	int loaded;
	struct table abbrev;	/* lowercase abbreviation -> enum abbr_class */
	struct table openers;	/* English sentence openers -> 1 */
	struct table ko_end;	/* suffix ("^" whole word) -> enum ko_class */
	struct table ko_next;	/* word -> enum ko_next */
	struct table ko_next_prefix;	/* word prefix -> enum ko_next */
	/* Hangul syllables that end some final or weak suffix: a quick
	 * rejection test before any hashing. */
	unsigned char last_syllable[(HANGUL_COUNT + 7) / 8];
	/* per last syllable, the longest suffix entry (in syllables) that
	 * ends with it: bounds the lookups of ko_class */
	unsigned char maxlen[HANGUL_COUNT];
	/* first syllables of the "start" words (하지만 ...) */
	unsigned char start_first[(HANGUL_COUNT + 7) / 8];
	/*
	 * Quick rejection tests that spare ko_class and ko_next_class most
	 * of their hash lookups (the keys they look up are all Hangul, so an
	 * entry whose first character or length cannot match is never hit):
	 * suf_first[k] / caret_first[k]: first syllables of the plain / "^"
	 * ko_end entries of k syllables; jamo_len[j]: bit k set if some
	 * ko_end entry of k characters starts with compatibility jamo j;
	 * next_first: first syllables of the ko_next and ko_next_prefix
	 * entries; next_prefix_max: the longest prefix entry in syllables.
	 */
	unsigned char suf_first[KO_SUFFIX_MAX + 1][(HANGUL_COUNT + 7) / 8];
	unsigned char caret_first[KO_SUFFIX_MAX + 1][(HANGUL_COUNT + 7) / 8];
	unsigned char jamo_len[0x3163 - 0x3131 + 1];
	unsigned char next_first[(HANGUL_COUNT + 7) / 8];
	int next_prefix_max;
} rules;

#define BIT_SET(map, c) ((map)[(c) >> 3] |= (unsigned char)(1u << ((c) & 7)))
#define BIT_GET(map, c) ((map)[(c) >> 3] & (1u << ((c) & 7)))

/* Compatibility jamo (U+3131..) for each final consonant index 1..27. */
static const uint16_t jamo_of_final[28] = {
	0, 0x3131, 0x3132, 0x3133, 0x3134, 0x3135, 0x3136, 0x3137, 0x3139,
	0x313A, 0x313B, 0x313C, 0x313D, 0x313E, 0x313F, 0x3140, 0x3141,
	0x3142, 0x3144, 0x3145, 0x3146, 0x3147, 0x3148, 0x314A, 0x314B,
	0x314C, 0x314D, 0x314E
};

static size_t
count_lines(const char *text, size_t len)
{
	const char *line;
	size_t pos = 0, n = 0, l;

	while (sift_data_next_line(text, len, &pos, &line, &l))
		n++;
	return n;
}

static int
class_named(const char *s, size_t n, const char *const *names, int count)
{
	int i;

	for (i = 0; i < count; i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return i;
	return 0;
}

static inline size_t
decode(const char *s, size_t n, int32_t *cp);

static void
note_syllable(int c, int len, int mark)
{
	if (mark)
		BIT_SET(rules.last_syllable, c);
	if (rules.maxlen[c] < len)
		rules.maxlen[c] = (unsigned char)len;
}

/* Record the Korean suffix entry s[0..n): its last syllable (or, for a
 * bare jamo, every syllable it stands for) gets the entry's length in
 * maxlen and, if mark is set, a bit in last_syllable. */
static void
note_suffix(const char *s, size_t n, int mark)
{
	size_t i = 0, k;
	int32_t cp = 0, last = 0;
	int len = 0, c, t;

	while (i < n) {
		k = decode(s + i, n - i, &cp);
		if (cp != '^') {
			last = cp;
			len++;
		}
		i += k;
	}
	if (last >= HANGUL_FIRST && last <= HANGUL_LAST) {
		note_syllable(last - HANGUL_FIRST, len, mark);
	} else if (last >= 0x3131 && last <= 0x314E) {
		/* a bare final consonant: every syllable with it */
		for (t = 1; t < 28; t++)
			if (jamo_of_final[t] == last)
				break;
		for (c = t; t < 28 && c < HANGUL_COUNT; c += 28)
			note_syllable(c, len, mark);
	}
}

/* Number of code points in s[0..n) and the first of them (-1 if none). */
static int
count_cps(const char *s, size_t n, int32_t *first)
{
	size_t i, k;
	int32_t c;
	int len = 0;

	*first = -1;
	for (i = 0; i < n; i += k) {
		k = decode(s + i, n - i, &c);
		if (i == 0)
			*first = c;
		len++;
	}
	return len;
}

/* Record the ko_end entry s[0..n) in the rejection tests of ko_class. */
static void
note_ko_end(const char *s, size_t n)
{
	int caret = n > 0 && s[0] == '^';
	int32_t first;
	int len = count_cps(s + caret, n - caret, &first);

	if (len < 1 || len > KO_SUFFIX_MAX)
		return;		/* never looked up */
	if (first >= HANGUL_FIRST && first <= HANGUL_LAST)
		BIT_SET(caret ? rules.caret_first[len] : rules.suf_first[len],
		    first - HANGUL_FIRST);
	else if (!caret && first >= 0x3131 && first <= 0x3163)
		rules.jamo_len[first - 0x3131] |= (unsigned char)(1u << len);
}

/* Record the ko_next or (if prefix) ko_next_prefix entry s[0..n) in the
 * rejection tests of ko_next_class. */
static void
note_ko_next(const char *s, size_t n, int prefix)
{
	int32_t first;
	int len = count_cps(s, n, &first);

	if (first >= HANGUL_FIRST && first <= HANGUL_LAST)
		BIT_SET(rules.next_first, first - HANGUL_FIRST);
	if (prefix && len > rules.next_prefix_max)
		rules.next_prefix_max = len;
}

/* Record the first syllable of a "start" word (하지만) or prefix. */
static void
note_start(const char *s, size_t n)
{
	int32_t c0;

	decode(s, n, &c0);
	if (c0 >= HANGUL_FIRST && c0 <= HANGUL_LAST)
		BIT_SET(rules.start_first, c0 - HANGUL_FIRST);
}

/*
 * Load one data file into t: column 1 is the key, column 2 the class name
 * (index into names; a file with one column gives every key class 1).
 * Keys ending in '*' go to prefix (if not NULL) without the star.
 */
static void
load_table(const char *file, struct table *t, struct table *prefix,
    const char *const *names, int nnames, int lowercase, int mark)
{
	const char *text, *line, *f[2];
	size_t len, pos = 0, l, fl[2], nf, n;
	char key[128];
	int val;

	text = sift_data(file, &len);
	if (text == NULL)
		return;
	n = count_lines(text, len);
	table_init(t, n);
	if (prefix != NULL)
		table_init(prefix, n);
	while (sift_data_next_line(text, len, &pos, &line, &l)) {
		nf = sift_data_split(line, l, f, fl, 2);
		if (fl[0] == 0 || fl[0] >= sizeof(key))
			continue;
		val = nf > 1 ? class_named(f[1], fl[1], names, nnames) : 1;
		if (val == 0)
			continue;
		memcpy(key, f[0], fl[0]);
		if (lowercase) {
			size_t i;

			for (i = 0; i < fl[0]; i++)
				if (key[i] >= 'A' && key[i] <= 'Z')
					key[i] = (char)(key[i] - 'A' + 'a');
		}
		if (prefix != NULL && key[fl[0] - 1] == '*') {
			table_put(prefix, key, fl[0] - 1, (unsigned char)val);
			note_ko_next(key, fl[0] - 1, 1);
			if (val == NEXT_START)
				note_start(key, fl[0] - 1);
			continue;
		}
		table_put(t, key, fl[0], (unsigned char)val);
		if (t == &rules.ko_end)
			note_ko_end(key, fl[0]);
		else if (t == &rules.ko_next)
			note_ko_next(key, fl[0], 0);
		if (mark)
			note_suffix(key, fl[0], val == KO_FINAL || val == KO_WEAK);
		if (t == &rules.ko_next && val == NEXT_START)
			note_start(key, fl[0]);
	}
}

static void
rules_load(void)
{
	static const char *const abbr_names[] = {
		"", "title", "number", "inner", "post", "time", "domain"
	};
	static const char *const ko_names[] = {
		"", "final", "weak", "no", "link"
	};
	static const char *const next_names[] = {
		"", "quote", "cont", "open", "start"
	};

	if (rules.loaded)
		return;
	load_table("segment-en-abbrev.tsv", &rules.abbrev, NULL, abbr_names, 7,
	    1, 0);
	load_table("segment-en-openers.txt", &rules.openers, NULL, NULL, 0, 0, 0);
	load_table("segment-ko-endings.tsv", &rules.ko_end, NULL, ko_names, 5,
	    0, 1);
	load_table("segment-ko-next.tsv", &rules.ko_next, &rules.ko_next_prefix,
	    next_names, 5, 0, 0);
	rules.loaded = 1;
}

/* ------------------------------------------------------------ characters */

/*
 * Decode one code point of valid UTF-8 at s (n > 0 bytes available).  The
 * input is valid by contract; a malformed or truncated sequence still
 * advances by one byte and yields U+FFFD, so the scan can never overrun.
 */
static inline size_t
decode(const char *str, size_t n, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] < 0xE0 && n >= 2) {
		*cp = (int32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	if (s[0] >= 0xE0 && s[0] < 0xF0 && n >= 3) {
		*cp = (int32_t)(s[0] & 0x0F) << 12 | (int32_t)(s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);
		return 3;
	}
	if (s[0] >= 0xF0 && s[0] < 0xF5 && n >= 4) {
		*cp = (int32_t)(s[0] & 0x07) << 18 | (int32_t)(s[1] & 0x3F) << 12 |
		    (int32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

/* Start of the code point that ends just before i (i > lo). */
static size_t
prev_start(const char *s, size_t lo, size_t i)
{
	do
		i--;
	while (i > lo && ((unsigned char)s[i] & 0xC0) == 0x80);
	return i;
}

/* The code point ending just before i, or -1 at lo; *at gets its start. */
static inline int32_t
cp_before(const char *s, size_t lo, size_t i, size_t *at)
{
	int32_t cp;
	size_t p;

	if (i <= lo) {
		if (at)
			*at = lo;
		return -1;
	}
	p = prev_start(s, lo, i);
	decode(s + p, i - p, &cp);
	if (at)
		*at = p;
	return cp;
}

/* The code point at i (i < hi), or -1; *len gets its length. */
static inline int32_t
cp_at(const char *s, size_t i, size_t hi, size_t *len)
{
	int32_t cp;
	size_t k;

	if (i >= hi) {
		if (len)
			*len = 0;
		return -1;
	}
	k = decode(s + i, hi - i, &cp);
	if (len)
		*len = k;
	return cp;
}

static inline int
is_space(int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) ||
	    c == 0x202F || c == 0x205F || c == 0x2028 || c == 0x2029 ||
	    c == 0xFEFF;
}

/* Can the byte b start a whitespace character (see is_space)? */
static inline int
may_start_space(unsigned char b)
{
	return b == ' ' || (b >= '\t' && b <= '\r') || b == 0xC2 || b == 0xE2 ||
	    b == 0xE3 || b == 0xEF;
}

static inline int
is_hangul(int32_t c)
{
	return c >= HANGUL_FIRST && c <= HANGUL_LAST;
}

static inline int
is_jamo(int32_t c)
{
	return (c >= 0x3131 && c <= 0x318E) || (c >= 0x1100 && c <= 0x11FF);
}

static int
is_upper(int32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
	    (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}

static int
is_lower(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
	    (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x44F);
}

static int
is_digit(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static int
is_latin_letter(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

/* Letters of any script (for "is this a word character"). */
static int
is_letter(int32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	return c >= 0xC0 && !is_space(c) && !(c >= 0x2000 && c <= 0x2BFF) &&
	    !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFF20) &&
	    !(c >= 0x1F000);
}

/* Han ideographs, kana: scripts written without spaces. */
static int
is_cjk(int32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

/* Laughs, emoticons and flourishes that trail a Korean sentence:
 * ㅋㅋ ㅎㅎ ㅠㅠ ^^ ~~ ♡ and emoji. */
static inline int
is_deco(int32_t c)
{
	return is_jamo(c) || c == '~' || c == 0xFF5E || c == '^' || c == ';' ||
	    c == '_' || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) ||
	    c == 0xFE0F || c == 0x200D || (c >= 0x1F000 && c <= 0x1FAFF);
}

enum term_kind {
	TERM_NONE,
	TERM_DOT,		/* . ． */
	TERM_BANG,		/* ! ? and their full-width forms */
	TERM_ELLIPSIS,		/* … ‥ */
	TERM_CJK		/* 。 ｡ */
};

static int
term_kind(int32_t c)
{
	switch (c) {
	case '.':
	case 0xFF0E:
		return TERM_DOT;
	case '!':
	case '?':
	case 0xFF01:
	case 0xFF1F:
	case 0x203C:
	case 0x2047:
	case 0x2048:
	case 0x2049:
		return TERM_BANG;
	case 0x2026:
	case 0x2025:
		return TERM_ELLIPSIS;
	case 0x3002:
	case 0xFF61:
		return TERM_CJK;
	}
	return TERM_NONE;
}

/* For an opening bracket or quote: the closers that end it (0 if c does
 * not open anything).  Straight quotes close themselves. */
static int
closers_of(int32_t c, int32_t *a, int32_t *b)
{
	*b = 0;
	switch (c) {
	case '(': *a = ')'; break;
	case '[': *a = ']'; break;
	case '{': *a = '}'; break;
	case '<': *a = '>'; break;
	case '"': *a = '"'; break;
	case '\'': *a = '\''; break;
	case 0x201C: *a = 0x201D; break;		/* “ ” */
	case 0x2018: *a = 0x2019; break;		/* ‘ ’ */
	case 0x201E: *a = 0x201C; *b = 0x201D; break;	/* „ */
	case 0x201A: *a = 0x2018; *b = 0x2019; break;	/* ‚ */
	case 0x00AB: *a = 0x00BB; break;		/* « » */
	case 0x2039: *a = 0x203A; break;		/* ‹ › */
	case 0x300C: *a = 0x300D; break;		/* 「 」 */
	case 0x300E: *a = 0x300F; break;		/* 『 』 */
	case 0x300A: *a = 0x300B; break;		/* 《 》 */
	case 0x3008: *a = 0x3009; break;		/* 〈 〉 */
	case 0x3010: *a = 0x3011; break;		/* 【 】 */
	case 0x3014: *a = 0x3015; break;		/* 〔 〕 */
	case 0xFF08: *a = 0xFF09; break;		/* （ ） */
	case 0xFF3B: *a = 0xFF3D; break;		/* ［ ］ */
	case 0xFF5B: *a = 0xFF5D; break;		/* ｛ ｝ */
	case 0xFF02: *a = 0xFF02; break;		/* ＂ */
	default:
		*a = 0;
		return 0;
	}
	return 1;
}

static int
is_closer(int32_t c)
{
	switch (c) {
	case ')': case ']': case '}': case '>': case '"': case '\'':
	case 0x201D: case 0x2019: case 0x201C: case 0x00BB: case 0x203A:
	case 0x300D: case 0x300F: case 0x300B: case 0x3009: case 0x3011:
	case 0x3015: case 0xFF09: case 0xFF3D: case 0xFF5D: case 0xFF02:
		return 1;
	}
	return 0;
}

static int
is_opener(int32_t c)
{
	int32_t a, b;

	return closers_of(c, &a, &b);
}

/* Bullets that start list items even in the middle of a line. */
static int
is_bullet(int32_t c)
{
	return c == 0x2022 || c == 0x2043 || c == 0x25CF || c == 0x25E6;
}

/* Marks that may lead a line or item: • ⁃ - * → ▲ △ ■ □ ◆ ◇ ○ ● ※ ▶ ☞ */
static int
is_item_mark(int32_t c)
{
	return is_bullet(c) || c == '-' || c == '*' || c == '#' || c == 0x2192 ||
	    c == 0x2013 || c == 0x2014 || (c >= 0x25A0 && c <= 0x25FF) ||
	    c == 0x203B || c == 0x261E;
}

/* ------------------------------------------------------------- the scan */

#define STACK_MAX 32

struct open_mark {
	int32_t opener;
	int32_t want, want2;	/* closers that end this pair */
	size_t pos;		/* byte offset of the opener */
	size_t saved_n;		/* spans emitted before it */
	size_t saved_start;	/* sentence start before it */
};

struct seg {
	const char *s;
	size_t n;
	const struct sift_segment_opts *opts;
	struct sift_spans *out;
	size_t start;		/* start of the current sentence */
	struct open_mark stack[STACK_MAX];
	int depth;
	/* inline list ("1) a 2) b", "a. x b. y"): the marker expected next */
	int list_style;		/* 0 none, else LIST_* */
	long list_next;
	size_t block_start;	/* start of the current block */
	size_t hl_start, hl_end;	/* the line in_headline looked at last */
	int hl_value;
	int nominal_style;	/* -1 unknown, else see nominal_style() */
	/* final endings so far followed by punctuation, and by a space */
	unsigned long n_punct, n_bare;
	/* the pair that close_pair closed last */
	int32_t closed_open;	/* its opener */
	size_t closed_pos;	/* where the opener was */
	size_t closed_at;	/* where the closer was (+1: 0 means none) */
};

enum {
	LIST_DOT = 1,		/* 1. */
	LIST_PAREN,		/* 1) */
	LIST_DOTPAREN,		/* 1.) */
	LIST_ALPHA		/* a. */
};

static void
emit(struct seg *g, size_t end)
{
	size_t a = g->start, b = end, k;
	int32_t c;

	/* trim whitespace on both sides */
	while (a < b) {
		c = cp_at(g->s, a, b, &k);
		if (!is_space(c))
			break;
		a += k;
	}
	while (b > a) {
		size_t p;

		c = cp_before(g->s, a, b, &p);
		if (!is_space(c))
			break;
		b = p;
	}
	if (a < b)
		sift_spans_push(g->out, a, b);
	g->start = end;
}

/* Is i the end of the current block (paragraph or line)?  In blank-line
 * mode a newline ends the block only when the next line is blank. */
static int
block_ends_at(const struct seg *g, size_t i)
{
	size_t j;

	if (i >= g->n)
		return 1;
	if (g->s[i] != '\n')
		return 0;
	if (g->opts->newline_breaks)
		return 1;
	for (j = i + 1; j < g->n; j++) {
		if (g->s[j] == '\n')
			return 1;
		if (g->s[j] != ' ' && g->s[j] != '\t' && g->s[j] != '\r')
			return 0;
	}
	return 1;
}

/* Skip whitespace from i within the block; returns the position of the
 * next non-space character, or the block end (then *ended is set). */
static size_t
skip_space(const struct seg *g, size_t i, int *ended)
{
	size_t k;
	int32_t c;

	*ended = 0;
	while (i < g->n) {
		if (g->s[i] == ' ') {
			i++;	/* the common case, decided by the byte */
			continue;
		}
		if (block_ends_at(g, i)) {
			*ended = 1;
			return i;
		}
		c = cp_at(g->s, i, g->n, &k);
		if (c == 0x2028 || c == 0x2029) {
			*ended = 1;
			return i;
		}
		if (!is_space(c))
			return i;
		i += k;
	}
	*ended = 1;
	return i;
}

/* Tokens are looked at through a window: a "word" longer than this (a
 * base64 blob, a URL-like run) is cut there, which keeps every decision
 * O(1) and the whole scan linear. */
#define WORD_MAX 256

/* End of the token starting at i (up to the next whitespace). */
static size_t
token_end(const struct seg *g, size_t i)
{
	size_t k, lim = i + WORD_MAX < g->n ? i + WORD_MAX : g->n;

	while (i < lim) {
		unsigned char b = (unsigned char)g->s[i];

		if (b >= 0xEA && b <= 0xED && i + 3 <= lim &&
		    ((unsigned char)g->s[i + 1] & 0xC0) == 0x80 &&
		    ((unsigned char)g->s[i + 2] & 0xC0) == 0x80) {
			i += 3;	/* U+A000..U+DFFF (Hangul): never whitespace */
			continue;
		}
		if (!may_start_space(b)) {
			i++;
			continue;
		}
		if (is_space(cp_at(g->s, i, g->n, &k)))
			break;
		i += k;
	}
	return i;
}

/* Start of the token that ends at i (back to whitespace, not before lo). */
static size_t
token_start(const struct seg *g, size_t lo, size_t i)
{
	const unsigned char *u = (const unsigned char *)g->s;
	size_t p;

	if (i > lo + WORD_MAX)
		lo = i - WORD_MAX;
	while (i > lo) {
		int32_t c;

		/* byte tests for the common characters: ASCII, and the
		 * three-byte ones led by EA..ED (U+A000..U+DFFF, Hangul
		 * syllables), which are never whitespace */
		if (u[i - 1] < 0x80) {
			if (u[i - 1] == ' ' || (u[i - 1] >= '\t' &&
			    u[i - 1] <= '\r'))
				break;
			i--;
			continue;
		}
		if (i >= lo + 3 && u[i - 3] >= 0xEA && u[i - 3] <= 0xED &&
		    (u[i - 2] & 0xC0) == 0x80 && (u[i - 1] & 0xC0) == 0x80) {
			i -= 3;
			continue;
		}
		c = cp_before(g->s, lo, i, &p);
		if (is_space(c))
			break;
		i = p;
	}
	return i;
}

/* Does s[a..b) contain only whitespace and list marks? */
static int
only_marks(const struct seg *g, size_t a, size_t b)
{
	size_t k;

	while (a < b) {
		int32_t c = cp_at(g->s, a, b, &k);

		if (!is_space(c) && !is_item_mark(c))
			return 0;
		a += k;
	}
	return 1;
}

/* Is s[a..b) a laugh or emoticon token ("ㅋㅋ", "^^..", "😊!")? */
static int
is_deco_token(const struct seg *g, size_t a, size_t b)
{
	size_t k;
	int deco = 0;

	if (a >= b)
		return 0;
	while (a < b) {
		int32_t c = cp_at(g->s, a, b, &k);

		if (is_deco(c))
			deco = 1;
		else if (term_kind(c) == TERM_NONE)
			return 0;
		a += k;
	}
	return deco;
}

/* ---- the pair stack */

static void
push_open(struct seg *g, int32_t c, size_t pos)
{
	struct open_mark *m;
	int32_t a, b;

	if (!closers_of(c, &a, &b))
		return;
	if (g->depth == STACK_MAX) {
		/* deeper than any real text: forget the oldest */
		memmove(g->stack, g->stack + 1, (STACK_MAX - 1) * sizeof(*g->stack));
		g->depth--;
	}
	m = &g->stack[g->depth++];
	m->opener = c;
	m->want = a;
	m->want2 = b;
	m->pos = pos;
	m->saved_n = g->out->n;
	m->saved_start = g->start;
}

/* Depth index of the innermost open pair that c closes, or -1. */
static int
find_open(const struct seg *g, int32_t c)
{
	int d;

	for (d = g->depth - 1; d >= 0; d--)
		if (g->stack[d].want == c || g->stack[d].want2 == c)
			return d;
	return -1;
}

/* Close the pair at depth d with the closer at i: every break found
 * inside the pair is taken back. */
static void
close_pair(struct seg *g, int d, size_t i)
{
	struct open_mark *m = &g->stack[d];

	g->closed_at = i + 1;
	g->out->n = m->saved_n;
	g->start = m->saved_start;
	g->closed_open = m->opener;
	g->closed_pos = m->pos;
	g->depth = d;
}

/*
 * A straight quote (" or ') at i: decide whether it opens, closes or is an
 * apostrophe, and update the stack.  Returns 1 if it closed a pair.
 */
static int
straight_quote(struct seg *g, int32_t q, size_t i)
{
	int32_t prev, next;
	size_t k;
	int d, left_flank, right_flank;

	prev = cp_before(g->s, 0, i, NULL);
	next = cp_at(g->s, i + 1, g->n, &k);
	if (q == '\'' && prev >= 0 && prev < 0x80 && (is_latin_letter(prev) ||
	    is_digit(prev)) && next >= 0 && is_latin_letter(next))
		return 0;	/* don't, Michael's, 90's */
	/* like Markdown's flanking rule: a quote after a word closes, one
	 * before a word opens */
	right_flank = prev >= 0 && !is_space(prev) && !is_opener(prev);
	left_flank = next >= 0 && !is_space(next);
	d = find_open(g, q);
	if (d >= 0 && right_flank) {
		close_pair(g, d, i);
		return 1;
	}
	if (d >= 0 && d == g->depth - 1 && left_flank) {
		/* a new opener while one is open: the old one never closed */
		g->depth = d;
		push_open(g, q, i);
		return 0;
	}
	/* students' books: an apostrophe after a word, not an opener */
	if (left_flank && !(q == '\'' && right_flank && prev < 0x80 &&
	    is_latin_letter(prev)))
		push_open(g, q, i);
	return 0;
}

/* A closing bracket or curly quote at i.  Returns 1 if it closed a pair. */
static int
close_mark(struct seg *g, int32_t c, size_t i)
{
	int d;

	if (c == '"' || c == '\'' || c == 0xFF02)
		return straight_quote(g, c, i);
	if (c == 0x2019) {
		/* ’ between letters is an apostrophe: wasn’t, one’s */
		int32_t prev = cp_before(g->s, 0, i, NULL), next;

		next = cp_at(g->s, i + 3, g->n, NULL);
		if (prev >= 0 && is_letter(prev) && next >= 0 && is_letter(next) &&
		    !is_hangul(next))
			return 0;
	}
	if (c == '>') {
		int32_t prev = cp_before(g->s, 0, i, NULL);

		if (prev == '-' || prev == '=')
			return 0;	/* an arrow */
	}
	d = find_open(g, c);
	if (d < 0)
		return 0;
	close_pair(g, d, i);
	return 1;
}

/* ---- Korean endings */

struct word {
	size_t start, end;	/* the word without trailing decorations */
	int deco;		/* decorations followed it */
};

/*
 * The word before position i (which is whitespace or punctuation): skips
 * trailing decorations, and a decoration-only token before it ("찍음 ㅋㅋ").
 */
static struct word
word_before(const struct seg *g, size_t lo, size_t i)
{
	struct word w = { i, i, 0 };
	size_t p, a;
	int32_t c;

	a = token_start(g, lo, i);
	if (is_deco_token(g, a, i)) {
		/* "찍음 ㅋㅋ": use the word before the laugh */
		size_t j = a;

		while (j > lo) {
			c = cp_before(g->s, lo, j, &p);
			if (!is_space(c))
				break;
			j = p;
		}
		if (j == a || j <= lo)
			return w;
		i = j;
		a = token_start(g, lo, i);
		w.deco = 1;
	}
	while (i > a) {
		c = cp_before(g->s, a, i, &p);
		if (!is_deco(c))
			break;
		w.deco = 1;
		i = p;
	}
	w.start = a;
	w.end = i;
	return w;
}

/* Class of a Korean word s[a..b) by its ending (enum ko_class).  Unless
 * full is set, only final and weak endings are looked for (a bitmap of
 * their last syllables rejects most words without hashing). */
static int
ko_class(const struct seg *g, size_t a, size_t b, int full)
{
	int32_t cps[KO_SUFFIX_MAX];
	size_t starts[KO_SUFFIX_MAX], p, i = b;
	int nsyl = 0, k, cls = KO_NONE, v, kmax = KO_SUFFIX_MAX;
	char key[4 * KO_SUFFIX_MAX + 8];
	size_t klen;

	if (!rules.ko_end.key)
		return KO_NONE;
	/* collect the trailing syllables, last first, as many as the longest
	 * entry that could match */
	while (i > a && nsyl < kmax) {
		int32_t c = cp_before(g->s, a, i, &p);

		if (!is_hangul(c))
			break;
		if (nsyl == 0) {
			if (!full && !BIT_GET(rules.last_syllable,
			    c - HANGUL_FIRST))
				return KO_NONE;
			kmax = rules.maxlen[c - HANGUL_FIRST];
			if (kmax == 0)
				return KO_NONE;
			if (kmax > KO_SUFFIX_MAX)
				kmax = KO_SUFFIX_MAX;
		}
		cps[nsyl] = c;
		starts[nsyl] = p;
		nsyl++;
		i = p;
	}
	if (nsyl == 0)
		return KO_NONE;
	for (k = 1; k <= nsyl; k++) {
		size_t off = starts[k - 1];
		int32_t first = cps[k - 1];
		int final_c = (first - HANGUL_FIRST) % 28;

		/* the batchim pattern (ㄹ까 for 할까) or, for an open
		 * syllable, the vowel pattern (ㅕ요 for 졸려요) */
		if (k > 1 || final_c != 0) {
			int32_t jamo = final_c != 0 ? jamo_of_final[final_c] :
			    0x314F + (first - HANGUL_FIRST) / 28 % 21;

			if (rules.jamo_len[jamo - 0x3131] & (1u << k)) {
				klen = sift_utf8_encode(jamo, key);
				memcpy(key + klen, g->s + off + 3, b - off - 3);
				klen += b - off - 3;
				v = table_get(&rules.ko_end, key, klen);
				if (v)
					cls = v;
			}
		}
		if (BIT_GET(rules.suf_first[k], first - HANGUL_FIRST)) {
			v = table_get(&rules.ko_end, g->s + off, b - off);
			if (v)
				cls = v;
		}
		if (off == a && b - a + 1 < sizeof(key) &&
		    BIT_GET(rules.caret_first[k], first - HANGUL_FIRST)) {
			key[0] = '^';
			memcpy(key + 1, g->s + a, b - a);
			v = table_get(&rules.ko_end, key, b - a + 1);
			if (v)
				cls = v;
		}
	}
	return cls;
}

/* Class of the word s[a..b) as a follower (enum ko_next). */
static int
ko_next_class(const struct seg *g, size_t a, size_t b)
{
	size_t i = a, k, e = a;
	int v, cls = NEXT_NONE, nsyl = 0;
	int32_t c;

	/* the word without trailing punctuation (no entry is longer than
	 * eight syllables) */
	if (b > a + 24)
		b = a + 24;
	/* most words start with a syllable no entry starts with */
	c = cp_at(g->s, a, b, NULL);
	if (c < 0 || !is_hangul(c) ||
	    !BIT_GET(rules.next_first, c - HANGUL_FIRST))
		return NEXT_NONE;
	while (i < b) {
		c = cp_at(g->s, i, b, &k);
		if (!is_hangul(c))
			break;
		i += k;
		e = i;
		if (++nsyl > rules.next_prefix_max)
			continue;
		v = table_get(&rules.ko_next_prefix, g->s + a, e - a);
		if (v)
			cls = v;
	}
	if (e == a)
		return NEXT_NONE;
	v = table_get(&rules.ko_next, g->s + a, e - a);
	return v ? v : cls;
}

/* ---- what follows a candidate break */

/* Could the token at s[a..b) start a sentence?  Capitals, digits, other
 * scripts and list marks can; lowercase Latin ("she said") and
 * punctuation (", and") cannot, except camel-case names (iPhone). */
static int
starts_sentence(const struct seg *g, size_t a, size_t b)
{
	size_t k;
	int32_t c, c2;

	c = cp_at(g->s, a, b, &k);
	while (c >= 0 && is_opener(c)) {
		a += k;
		c = cp_at(g->s, a, b, &k);
	}
	if (c < 0)
		return 0;
	if (is_lower(c)) {
		c2 = cp_at(g->s, a + k, b, NULL);
		return c2 >= 0 && is_upper(c2);
	}
	if (is_upper(c) || is_digit(c) || is_item_mark(c) || c == '@' ||
	    c == '$' || c == 0x20A9)
		return 1;
	return is_letter(c);
}

/* Is the token at s[a..b) (leading quotes skipped) a common English
 * sentence opener? */
static int
is_en_opener(const struct seg *g, size_t a, size_t b)
{
	size_t e, k;
	int32_t c;

	while (a < b && is_opener((unsigned char)g->s[a]))
		a++;
	for (e = a; e < b; e += k) {
		c = cp_at(g->s, e, b, &k);
		if (!is_latin_letter(c))
			break;
	}
	return e > a && table_get(&rules.openers, g->s + a, e - a);
}

/* Korean follower class of the token at s[a..b), leading quotes skipped. */
static int
next_class(const struct seg *g, size_t a, size_t b)
{
	while (a < b && (g->s[a] == '"' || g->s[a] == '\''))
		a++;
	return ko_next_class(g, a, b);
}

/* ---- inline lists */

/* Parse a list marker token s[a..b): "12.", "3)", "4.)", "b.".  Returns
 * the LIST_* style and the item number, or 0. */
static int
list_marker(const struct seg *g, size_t a, size_t b, long *num)
{
	size_t i = a;
	long v = 0;

	while (i < b && is_item_mark((unsigned char)g->s[i]) && g->s[i] != '-')
		i++;
	if (i < b && g->s[i] >= 'a' && g->s[i] <= 'z' && i + 2 == b &&
	    g->s[i + 1] == '.') {
		*num = g->s[i];
		return LIST_ALPHA;
	}
	if (i >= b || g->s[i] < '0' || g->s[i] > '9')
		return 0;
	while (i < b && g->s[i] >= '0' && g->s[i] <= '9' && v < 1000)
		v = v * 10 + (g->s[i++] - '0');
	*num = v;
	if (b - i == 1 && g->s[i] == '.')
		return LIST_DOT;
	if (b - i == 1 && g->s[i] == ')')
		return LIST_PAREN;
	if (b - i == 2 && g->s[i] == '.' && g->s[i + 1] == ')')
		return LIST_DOTPAREN;
	return 0;
}

/* At whitespace i: does the next item of an inline list start here? */
static void
check_list(struct seg *g, size_t i)
{
	size_t a, b;
	long num;
	int ended, style;

	a = skip_space(g, i, &ended);
	if (ended)
		return;
	b = token_end(g, a);
	style = list_marker(g, a, b, &num);
	if (style == g->list_style && num == g->list_next &&
	    !only_marks(g, g->start, i)) {
		if (style == LIST_ALPHA) {
			size_t c = skip_space(g, b, &ended);

			if (ended || !starts_sentence(g, c, token_end(g, c)))
				return;
		}
		emit(g, i);
	}
}

/* The sentence so far starts with a list marker ending at e: remember
 * which item comes next. */
static void
note_list(struct seg *g, size_t a, size_t e)
{
	long num;
	int style = list_marker(g, a, e, &num);

	if (style) {
		g->list_style = style;
		g->list_next = num + 1;
	}
}

/* ---- punctuation */

enum left_kind { LEFT_OTHER, LEFT_HANGUL, LEFT_LATIN, LEFT_DIGIT, LEFT_CJK };

/* "At 5 a.m." opening a sentence: at most two words before the time and
 * the first a preposition. */
static int
fronted_time(const struct seg *g, size_t wa)
{
	static const char *const preps[] = {
		"at", "by", "around", "until", "till", "before", "after",
		"from", "since", "on", "about", "near", "past"
	};
	size_t a, e, words = 0, fa = 0, fe = 0, i;
	int ended;
	char low[8];

	a = skip_space(g, g->start, &ended);
	while (a < wa) {
		e = token_end(g, a);
		if (words == 0) {
			fa = a;
			fe = e;
		}
		if (++words > 2)
			return 0;
		a = skip_space(g, e, &ended);
	}
	if (words == 0 || fe - fa >= sizeof(low))
		return 0;
	for (i = 0; i < fe - fa; i++)
		low[i] = (char)(g->s[fa + i] | 0x20);
	for (i = 0; i < sizeof(preps) / sizeof(*preps); i++)
		if (strlen(preps[i]) == fe - fa && memcmp(preps[i], low, fe - fa) == 0)
			return 1;
	return 0;
}

/*
 * The Latin word s[wa..we) is followed by a single period and then the
 * token s[ta..tb): is that a sentence break?  Abbreviations, initials
 * and alphabetic list markers say no.
 */
static int
latin_period_breaks(struct seg *g, size_t wa, size_t we, size_t ta, size_t tb,
    int at_start)
{
	char low[40];
	size_t i, n = we - wa;
	int cls, dots = 0, maxseg = 0, seg = 0;
	int32_t t0 = cp_at(g->s, ta, tb, NULL);

	if (n < sizeof(low)) {
		for (i = 0; i < n; i++) {
			unsigned char ch = (unsigned char)g->s[wa + i];

			low[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch);
			if (ch == '.') {
				dots++;
				seg = 0;
			} else if (++seg > maxseg) {
				maxseg = seg;
			}
		}
		cls = table_get(&rules.abbrev, low, n);
	} else {
		cls = ABBR_NONE;
	}
	/* "a. The first item b. The second item" */
	if (n == 1 && g->s[wa] >= 'a' && g->s[wa] <= 'z' && at_start &&
	    is_upper(t0)) {
		note_list(g, wa, we + 1);
		return 0;
	}
	switch (cls) {
	case ABBR_TITLE:
	case ABBR_INNER:
		return 0;
	case ABBR_NUMBER:
		return !is_digit(t0) && starts_sentence(g, ta, tb);
	case ABBR_POST:
		return is_en_opener(g, ta, tb);
	case ABBR_TIME:
		return (is_upper(t0) || is_en_opener(g, ta, tb)) &&
		    !fronted_time(g, wa);
	}
	if (n == 1 && is_upper((unsigned char)g->s[wa]) && at_start &&
	    !is_latin_letter(t0))
		return 0;	/* a label: "Q. 올해 계획은?", "A. 해외 진출이다." */
	if (n == 1 && is_upper((unsigned char)g->s[wa])) {
		/* an initial (Jonas E. Smith) or a one-letter word (you and I.) */
		size_t pe = wa, pa, k;
		int32_t c;

		while (pe > g->start) {
			c = cp_before(g->s, g->start, pe, &k);
			if (!is_space(c))
				break;
			pe = k;
		}
		pa = token_start(g, g->start, pe);
		if (pa < pe) {
			c = cp_at(g->s, pa, pe, NULL);
			if (is_upper(c) && is_upper((unsigned char)g->s[wa]) &&
			    starts_sentence(g, ta, tb) && !is_en_opener(g, ta, tb))
				return 0;
		}
		return starts_sentence(g, ta, tb);
	}
	if (dots > 0 && maxseg <= 2)
		/* an unlisted dotted abbreviation (U.S.A., Ph.D.) */
		return is_en_opener(g, ta, tb);
	return starts_sentence(g, ta, tb);
}

/*
 * "world.Today", "1,000.That": a period glued to the next sentence.  Yes
 * when a lowercase word or a number ends before it and a capitalized
 * word starts after it, and the token is no URL, e-mail address, file
 * name or abbreviation (example.Com, Mr.Smith, U.S.Army, ASP.NET).
 */
static int
glued_latin_breaks(const struct seg *g, size_t wa, size_t we, size_t end)
{
	size_t i, te = token_end(g, end);
	int lower = 0, digit = 0;
	char low[16];
	int32_t c2 = cp_at(g->s, end + 1, g->n, NULL);

	if (c2 < 0 || !is_lower(c2))
		return 0;
	for (i = wa; i < te; i++) {
		char ch = g->s[i];

		if (ch == '.' && i > we && (i + 1 == te || is_closer(g->s[i + 1])))
			break;	/* "Tuesday.Mr. Smith": the next word's own period */
		if (ch == '@' || ch == '/' || ch == ':' || ch == '_' ||
		    (ch == '.' && i != we))
			return 0;
	}
	/* "example.Com": the end of a domain name */
	for (i = end; i < te && i - end < sizeof(low) && is_latin_letter(
	    (unsigned char)g->s[i]); i++)
		low[i - end] = (char)(g->s[i] | 0x20);
	if (table_get(&rules.abbrev, low, i - end) == ABBR_DOMAIN)
		return 0;
	for (i = wa; i < we; i++) {
		unsigned char ch = (unsigned char)g->s[i];

		if (ch >= 'a' && ch <= 'z')
			lower++;
		else if (ch >= '0' && ch <= '9')
			digit++;
		else if (ch != ',' && !(ch >= 'A' && ch <= 'Z' && i == wa))
			return 0;
	}
	if (we - wa < sizeof(low)) {
		for (i = 0; i < we - wa; i++)
			low[i] = (char)(g->s[wa + i] | 0x20);
		if (table_get(&rules.abbrev, low, we - wa))
			return 0;
	}
	return lower >= 2 || (digit > 0 && lower == 0);
}

/* Footnote marks after a sentence: [1], [12], [참고 2], [*].  Returns the
 * end of the mark at i, or i. */
static size_t
footnote_end(const struct seg *g, size_t i)
{
	size_t j, k, ncp = 0;
	int digit = 0;

	if (i >= g->n || g->s[i] != '[')
		return i;
	for (j = i + 1; j < g->n && j < i + 24; j += k) {
		int32_t c = cp_at(g->s, j, g->n, &k);

		if (c == ']')
			return (ncp > 0 && (digit || ncp <= 2)) ? j + 1 : i;
		if (c == '[' || c == '\n')
			return i;
		digit |= is_digit(c);
		ncp++;
	}
	return i;
}

/*
 * A parenthesis opening at a right after a sentence break: if it closes
 * soon and holds no sentence of its own ("했다. (6회 우승) 또한"), it is a
 * note on the sentence before, and the break belongs after it.  Returns
 * the position after the ')' in that case, else 0.
 */
static size_t
paren_note_end(const struct seg *g, size_t a)
{
	size_t j, k, p, wa;
	int depth = 0, ended;
	int32_t c, lc;

	for (j = a; j < g->n && j < a + 160; j += k) {
		c = cp_at(g->s, j, g->n, &k);
		if (c == '\n')
			return 0;
		if (c == '(' || c == 0xFF08)
			depth++;
		else if ((c == ')' || c == 0xFF09) && --depth == 0)
			break;
	}
	if (depth != 0 || j >= g->n || j >= a + 160)
		return 0;
	/* a note is a few nouns and numbers: a word that ends in an
	 * ending or a particle, or punctuation at the end, make it a clause */
	lc = cp_before(g->s, a, j, NULL);
	if (lc < 0 || !(is_letter(lc) || is_digit(lc)))
		return 0;
	for (wa = a + 1; wa < j; wa = p) {
		int cls;

		wa = skip_space(g, wa, &ended);
		p = token_end(g, wa);
		if (p > j)
			p = j;
		if (p <= wa)
			break;
		cls = ko_class(g, wa, p, 1);
		if (cls == KO_FINAL || cls == KO_WEAK || cls == KO_LINK)
			return 0;
	}
	cp_at(g->s, j, g->n, &k);
	return j + k;
}

/* Is the block around i a headline: a short line that does not end in
 * terminal punctuation?  An ellipsis in a headline joins two phrases
 * ("반도체 회복… 영업익 2배") rather than ending a sentence. */
static int
in_headline(struct seg *g, size_t i)
{
	size_t a = i, b = i, ncp = 0, p;
	int32_t c;

	if (i >= g->hl_start && i < g->hl_end)
		return g->hl_value;
	/* a headline is short: look no further than 80 characters (at most
	 * 320 bytes) each way */
	while (a > 0 && g->s[a - 1] != '\n' && i - a < 320)
		a--;
	while (b < g->n && g->s[b] != '\n' && b - i < 320)
		b++;
	g->hl_start = a;
	g->hl_end = b;
	g->hl_value = 0;
	if ((a > 0 && g->s[a - 1] != '\n') || (b < g->n && g->s[b] != '\n'))
		return 0;
	for (p = a; p < b; p++)
		ncp += ((unsigned char)g->s[p] & 0xC0) != 0x80;
	if (ncp > 80)
		return 0;
	while (b > a && is_space(c = cp_before(g->s, a, b, &p)))
		b = p;
	c = cp_before(g->s, a, b, NULL);
	g->hl_value = c >= 0 && term_kind(c) == TERM_NONE;
	return g->hl_value;
}

/* Number of Hangul syllables directly before i (back to lo). */
static size_t
hangul_run(const struct seg *g, size_t lo, size_t i)
{
	size_t n = 0, p;

	while (i > lo && n < 8 && is_hangul(cp_before(g->s, lo, i, &p))) {
		n++;
		i = p;
	}
	return n;
}

/* Is the token before s[wa] one Hangul syllable and a period ("전. 부.")? */
static int
spelled_before(const struct seg *g, size_t wa)
{
	size_t e = wa, a;

	while (e > g->start && is_space(cp_before(g->s, g->start, e, NULL)))
		e = prev_start(g->s, g->start, e);
	a = token_start(g, g->start, e);
	return e - a == 4 && g->s[e - 1] == '.' && is_hangul(cp_at(g->s, a, e, NULL));
}

/* Is c an opening bracket (not a quote)? */
static int
is_bracket(int32_t c)
{
	return c == '(' || c == '[' || c == '{' || c == 0xFF08 || c == 0xFF3B ||
	    c == 0x3010 || c == 0x3014;
}

/* End of the decoration run at i ("ㅋㅋ", "^^", "😊", "~~"), or i. */
static size_t
deco_end(const struct seg *g, size_t i)
{
	size_t k;

	while (i < g->n) {
		int32_t c = cp_at(g->s, i, g->n, &k);

		if (!is_deco(c))
			break;
		i += k;
	}
	return i;
}

/*
 * Terminal punctuation at i.  Consumes the run (?!, ..., . . .), the
 * closing quotes and brackets after it, footnote marks, a Markdown
 * emphasis close and a trailing laugh or emoticon, decides whether the
 * sentence ends there, and returns the position to continue from.
 */
static size_t
on_terminal(struct seg *g, size_t i)
{
	size_t j = i, k, end, ta, tb, wa, we, p;
	int32_t c, lc, nc;
	int ndots = 0, nbang = 0, nellip = 0, ncjk = 0, spaced = 0, ended;
	int left, closed = 0, inner = 0, any_closer = 0, paren_after = 0;
	int at_start, brk = 0, cls;

	lc = cp_before(g->s, 0, i, NULL);
	/* "compounds. . . . The practice": the sentence ends at the first
	 * period, and the spaced ellipsis opens the next one */
	if (g->s[i] == '.' && lc >= 0 && !is_space(lc) && i + 6 < g->n &&
	    memcmp(g->s + i + 1, " . . .", 6) == 0) {
		j = i + 7;
		while (j + 1 < g->n && g->s[j] == ' ' && g->s[j + 1] == '.')
			j += 2;
		ta = skip_space(g, j, &ended);
		if (!ended && is_upper(cp_at(g->s, ta, g->n, NULL))) {
			emit(g, i + 1);
			return i + 1;
		}
		j = i;
	}
	/* the run */
	while (j < g->n) {
		c = cp_at(g->s, j, g->n, &k);
		switch (term_kind(c)) {
		case TERM_DOT:
			ndots++;
			break;
		case TERM_BANG:
			nbang++;
			break;
		case TERM_ELLIPSIS:
			nellip++;
			break;
		case TERM_CJK:
			ncjk++;
			break;
		default:
			if (c == ' ' && ndots > 0 && j + 1 < g->n &&
			    g->s[j + 1] == '.' && g->s[j - 1] == '.') {
				spaced++;
				break;
			}
			goto run_done;
		}
		j += k;
	}
run_done:
	/* "[...]", "(…)" and "(?)" are marks inside a sentence */
	c = cp_at(g->s, j, g->n, NULL);
	if (ncjk == 0 && (lc == '[' || lc == '(') && (c == ']' || c == ')'))
		return j;
	/* closers, footnotes, Markdown emphasis, a trailing laugh */
	for (;;) {
		c = cp_at(g->s, j, g->n, &k);
		if (c < 0)
			break;
		if (c == '"' || c == '\'' || c == 0xFF02) {
			nc = cp_at(g->s, j + k, g->n, NULL);
			if (find_open(g, c) >= 0) {
				close_mark(g, c, j);
				closed = 1;
			} else if (!(nc < 0 || is_space(nc) || is_closer(nc))) {
				break;	/* opens the next sentence: ."Next */
			}
			any_closer = 1;
			j += k;
			continue;
		}
		if (is_closer(c)) {
			if (close_mark(g, c, j)) {
				closed = 1;
				/* "(가능한!) 어디든", "(He worked there.) at":
				 * the mark ends the bracket, not the sentence */
				if (is_bracket(g->closed_open) &&
				    !only_marks(g, g->start, g->closed_pos))
					inner = 1;
			} else if (c == ')') {
				paren_after = 1;
			}
			any_closer = 1;
			j += k;
			continue;
		}
		if (c == '[') {
			p = footnote_end(g, j);
			if (p == j)
				break;
			j = p;
			continue;
		}
		if (c == '*') {
			p = j;
			while (p < g->n && g->s[p] == '*')
				p++;
			nc = cp_at(g->s, p, g->n, NULL);
			if (nc >= 0 && !is_space(nc))
				break;
			j = p;
			continue;
		}
		if (is_deco(c)) {
			/* "답죠?ㅎㅅㅎ", "맛있습니다…ㅠㅠ", "입니다.~~" */
			p = deco_end(g, j);
			nc = cp_at(g->s, p, g->n, NULL);
			if (nc >= 0 && !is_space(nc) && !is_closer(nc))
				break;
			j = p;
			continue;
		}
		break;
	}
	end = j;
	if (end >= g->n || block_ends_at(g, end) || inner) {
		/* nothing to decide, but the style count wants to know */
		if (lc >= 0 && is_hangul(lc) &&
		    ko_class(g, token_start(g, g->start, i), i, 0) == KO_FINAL)
			g->n_punct++;
		return end;
	}

	/* what is on the left */
	wa = token_start(g, g->start, i);
	we = i;
	while (wa < we) {
		c = cp_at(g->s, wa, we, &k);
		if (!is_opener(c) && !is_item_mark(c))
			break;
		wa += k;
	}
	at_start = only_marks(g, g->start, wa);
	p = i;
	c = lc;
	while (c >= 0 && is_deco(c) && p > wa)
		c = cp_before(g->s, wa, p, &p);
	if (c >= 0 && is_hangul(c))
		left = LEFT_HANGUL;
	else if (c >= 0 && is_digit(c))
		left = LEFT_DIGIT;
	else if (c >= 0 && is_latin_letter(c))
		left = LEFT_LATIN;
	else if (c >= 0 && is_cjk(c))
		left = LEFT_CJK;
	else
		left = LEFT_OTHER;
	if (c == 0xB0)		/* N°. 1026 */
		left = LEFT_LATIN;
	cls = left == LEFT_HANGUL ? ko_class(g, wa, p, 1) : KO_NONE;
	if (cls == KO_FINAL)
		g->n_punct++;

	nc = cp_at(g->s, end, g->n, NULL);
	if (!is_space(nc)) {
		/* glued: "늘었다.이에", "。次", but not "2.5", "U.S.", "e.g",
		 * "뜻.'라고", "반.전.매.력" */
		if (ncjk > 0 || (left == LEFT_CJK && (nbang || ndots == 1)))
			brk = 1;
		else if (left == LEFT_HANGUL && (nellip > 0 || ndots > 1))
			/* "방식입니다...하지만", but "잠깐만..다", "보검..이가" */
			brk = cls == KO_FINAL && (is_hangul(nc) || nc == '(') &&
			    next_class(g, end, token_end(g, end)) != NEXT_QUOTE;
		else if (left == LEFT_HANGUL && nellip == 0 && ndots <= 1 &&
		    !(any_closer && is_hangul(nc)) &&
		    (is_letter(nc) || is_digit(nc) || is_opener(nc) ||
		    nc == '*') && next_class(g, end, token_end(g, end)) !=
		    NEXT_QUOTE)
			brk = cls == KO_FINAL || (cls != KO_NO && cls != KO_LINK &&
			    (nbang > 0 || hangul_run(g, wa, p) > 1));
		else if ((left == LEFT_LATIN || left == LEFT_DIGIT) &&
		    ndots == 1 && nbang == 0 && !any_closer && is_upper(nc))
			brk = glued_latin_breaks(g, wa, we, end);
		if (brk && nc == '(' && (p = paren_note_end(g, end)) > 0) {
			/* "…한다."(요한 3:13) */
			emit(g, p);
			return p;
		}
		if (brk)
			emit(g, end);
		return end;
	}

	ta = skip_space(g, end, &ended);
	if (ended)
		return end;
	tb = token_end(g, ta);
	nc = cp_at(g->s, ta, tb, NULL);

	if (ncjk > 0) {
		brk = 1;
	} else if ((nellip > 0 || ndots >= 2) && in_headline(g, i) && !spaced) {
		brk = 0;	/* "…"라는 제목… 부제", a headline */
	} else if (closed && !is_bracket(g->closed_open) && left != LEFT_LATIN) {
		/* a quote that ends in punctuation: '원빈:"너 지금..." 동원:',
		 * but not in a headline ('"일자리 뺏나?" 전문가들 "과장"') */
		brk = !is_lower(nc) && next_class(g, ta, tb) != NEXT_QUOTE &&
		    !in_headline(g, i);
	} else if (nellip > 0 || ndots >= 2) {
		if (in_headline(g, i) && !spaced) {
			/* "반도체 회복… 7월 수출 14% 증가" */
			brk = 0;
		} else if (left == LEFT_HANGUL) {
			/* "같고.. 원래" ends; "먹을것이... 면밖에", "아... 길었다"
			 * go on */
			brk = cls != KO_LINK && cls != KO_NO &&
			    next_class(g, ta, tb) != NEXT_QUOTE;
		} else if (spaced && ndots == 3 && nbang == 0) {
			brk = 0;	/* ". . ." inside a sentence */
		} else {
			brk = starts_sentence(g, ta, tb) && !is_lower(nc);
		}
	} else if (nbang > 0) {
		brk = !is_lower(nc) && next_class(g, ta, tb) != NEXT_QUOTE;
	} else {
		/* one period */
		switch (left) {
		case LEFT_HANGUL:
			/* "전. 부. 다. 요!!!": syllables spelled out one by one */
			if (hangul_run(g, wa, p) == 1 && cls != KO_FINAL &&
			    (tb - ta == 4 || spelled_before(g, wa)))
				brk = 0;
			else
				brk = next_class(g, ta, tb) != NEXT_QUOTE;
			break;
		case LEFT_CJK:
			brk = next_class(g, ta, tb) != NEXT_QUOTE;
			break;
		case LEFT_DIGIT:
			if (at_start && we - wa <= 3 && !closed) {
				/* "1. The first item", "15. 오이에 환장합니다" */
				note_list(g, wa, paren_after ? end : i + 1);
				brk = 0;
			} else if (is_digit(nc)) {
				brk = 0;	/* 2024. 3. 14 */
			} else {
				size_t pe = wa, pa;

				/* "3. 14. 발표": the last part of a date */
				while (pe > g->start && is_space(cp_before(g->s,
				    g->start, pe, NULL)))
					pe = prev_start(g->s, g->start, pe);
				pa = token_start(g, g->start, pe);
				if (we - wa <= 2 && pe > pa + 1 &&
				    g->s[pe - 1] == '.' &&
				    is_digit(cp_before(g->s, pa, pe - 1, NULL)) &&
				    cp_at(g->s, pa, pe, NULL) != '$')
					brk = 0;
				else
					brk = starts_sentence(g, ta, tb);
			}
			break;
		case LEFT_LATIN:
			if (closed)
				brk = starts_sentence(g, ta, tb);
			else
				brk = latin_period_breaks(g, wa, we, ta, tb,
				    at_start);
			break;
		default:
			brk = starts_sentence(g, ta, tb);
			break;
		}
	}
	if (!brk)
		return end;
	if (left == LEFT_HANGUL || left == LEFT_OTHER) {
		/* a laugh or emoticon after the break belongs to the sentence:
		 * "하니까요. 😲😲😲동그라미", "찍음. ㅋㅋ 오늘" */
		p = deco_end(g, ta);
		if (p > ta) {
			emit(g, p);
			return p;
		}
	}
	if ((nc == '(' || nc == 0xFF08) && (p = paren_note_end(g, ta)) > 0) {
		emit(g, p);
		return p;
	}
	emit(g, end);
	return end;
}

/* ---- Korean endings at whitespace */

/*
 * Has the text so far ended its Korean sentences with punctuation, as news
 * and reference text do?  The scan counts final endings followed by
 * terminal punctuation against those followed by a space inside a line.
 * In such a text an ending without punctuation in the middle of a line is
 * far more often the contracted connective -다(가) ("30만 회를 접었다
 * 펴도") or an unmarked quote than a sentence end, so it needs support
 * there; in blogs and chat, where many sentences go unpunctuated, it does
 * not.  Only what was already read counts, which keeps the scan one pass.
 */
static int
punctuated_style(const struct seg *g)
{
	return g->n_punct >= 4 && g->n_bare * 8 <= g->n_punct;
}

/* Does the word s[a..b) end in a syllable with final ㅁ (했음, 자극함)? */
static int
ends_in_m(const struct seg *g, size_t a, size_t b)
{
	int32_t c = cp_before(g->s, a, b, NULL);

	return c >= 0 && is_hangul(c) && (c - HANGUL_FIRST) % 28 == 16;
}

/*
 * Does the current block write its sentences in the nominal style of notes
 * and reviews, ending them in -음/-함/-임 ("호기심 자극함 한 줄짜리 ...")?
 * Yes when at least two such words end a sentence for certain: before
 * punctuation, a laugh or the end of the block, or in a form that is never
 * a noun (했음, 않음).  Then every -ㅁ word of two or more syllables that is
 * not a known noun ends a sentence.  Computed once per block, on demand.
 */
static int
nominal_style(struct seg *g)
{
	size_t i = g->block_start, a, e, k;
	int count = 0, ended;
	int32_t c;

	if (g->nominal_style >= 0)
		return g->nominal_style;
	while (i < g->n && count < 2) {
		a = skip_space(g, i, &ended);
		if (ended)
			break;
		e = token_end(g, a);
		/* the Hangul word inside the token, then what follows it */
		for (i = a; i < e; i += k) {
			c = cp_at(g->s, i, e, &k);
			if (!is_hangul(c))
				break;
		}
		if (i > a && ends_in_m(g, a, i) && hangul_run(g, a, i) >= 2) {
			int cls = ko_class(g, a, i, 1);

			c = cp_at(g->s, i, e, NULL);
			if (cls == KO_FINAL || (cls == KO_WEAK && (c < 0 ?
			    skip_space(g, e, &ended) >= g->n || ended :
			    (term_kind(c) != TERM_NONE || is_deco(c)))))
				count++;
		}
		i = e;
	}
	g->nominal_style = count >= 2;
	return g->nominal_style;
}

/* Does a run of at least three laugh or cry letters (ㅋㅋㅋ, ㅠㅠㅠ) end
 * just before i? */
static int
long_laugh_before(const struct seg *g, size_t i)
{
	size_t p = i;
	int n = 0;
	int32_t c;

	while (p > g->start) {
		c = cp_before(g->s, g->start, p, &p);
		if (c != 0x314B && c != 0x314E && c != 0x3160 && c != 0x315C)
			break;
		n++;
	}
	return n >= 3;
}

/*
 * Could the token after the whitespace at i be a word like 하지만 for
 * next_class (NEXT_START)?  A byte-level test that is never wrong when it
 * says no: such a word starts, after any straight quotes, with a syllable
 * in start_first.
 */
static int
start_word_may_follow(const struct seg *g, size_t i)
{
	size_t q;
	int ended;
	int32_t c;

	q = skip_space(g, i, &ended);
	if (ended)
		return 0;
	while (q < g->n && (g->s[q] == '"' || g->s[q] == '\''))
		q++;
	c = cp_at(g->s, q, g->n, NULL);
	return c >= 0 && is_hangul(c) &&
	    BIT_GET(rules.start_first, c - HANGUL_FIRST);
}

/*
 * The test on_space starts with, split out to be inlined in the main loop:
 * does the whitespace at i, after a word, need no further look?  Most
 * words end in a syllable no ending ends with, or are not Korean, and
 * no word like 하지만 follows.  Returns 1 when on_space would do nothing.
 */
static inline int
space_is_plain(const struct seg *g, size_t i)
{
	const unsigned char *u = (const unsigned char *)g->s;
	int32_t lc, nc;
	size_t j = i;

	if (g->list_style)
		return 0;
	if (!g->opts->ko_endings)
		return 1;
	if (i >= g->start + 3 && u[i - 3] >= 0xEA && u[i - 3] <= 0xED &&
	    (u[i - 2] & 0xC0) == 0x80 && (u[i - 1] & 0xC0) == 0x80)
		/* a three-byte character, as cp_before would decode it */
		lc = (int32_t)(u[i - 3] & 0x0F) << 12 |
		    (int32_t)(u[i - 2] & 0x3F) << 6 | (u[i - 1] & 0x3F);
	else if (i > g->start && u[i - 1] < 0x80)
		lc = u[i - 1];
	else
		return 0;	/* on_space decides */
	if (is_hangul(lc) ? BIT_GET(rules.last_syllable, lc - HANGUL_FIRST) :
	    (is_deco(lc) || lc == ')' || lc == '"'))
		return 0;
	while (j < g->n && (g->s[j] == ' ' || g->s[j] == '\t'))
		j++;
	nc = cp_at(g->s, j, g->n, NULL);
	return nc < 0 || !is_hangul(nc) ||
	    !BIT_GET(rules.start_first, nc - HANGUL_FIRST);
}

static void
on_space(struct seg *g, size_t i)
{
	struct word w;
	size_t ta, tb, p;
	int32_t lc;
	int ended, cls = KO_NONE, next, known = 0;

	if (g->list_style)
		check_list(g, i);
	if (!g->opts->ko_endings)
		return;
	lc = cp_before(g->s, g->start, i, &p);
	if (lc < 0)
		return;
	/* most words end in a syllable no ending ends with, or are not
	 * Korean: done, unless the next word is one like 하지만 */
	if (is_hangul(lc) ? !BIT_GET(rules.last_syllable, lc - HANGUL_FIRST) :
	    !(is_deco(lc) || lc == ')' || lc == '"' || lc == 0x201D)) {
		int32_t nc;
		size_t j = i;

		while (j < g->n && (g->s[j] == ' ' || g->s[j] == '\t'))
			j++;
		nc = cp_at(g->s, j, g->n, NULL);
		if (nc < 0 || !is_hangul(nc) ||
		    !BIT_GET(rules.start_first, nc - HANGUL_FIRST))
			return;
	}
	if ((lc == ')' || lc == '"' || lc == 0x201D) && g->depth == 0 &&
	    g->closed_at == p + 1 && g->closed_pos >= g->start &&
	    (!is_bracket(g->closed_open) ||
	    only_marks(g, g->start, g->closed_pos))) {
		/* "(…하더라구요ㅋㅋ) 마지막", '동원:"…걸릴께" 원빈:': a
		 * whole parenthesis or a quote that ends like a sentence */
		size_t e = p;

		lc = cp_before(g->s, g->start, e, &p);
		while (lc >= 0 && is_deco(lc))
			lc = cp_before(g->s, g->start, p, &p);
		if (lc < 0 || !is_hangul(lc))
			return;
		w = word_before(g, g->start, p + 3);
		if (ko_class(g, w.start, w.end, 0) != KO_FINAL)
			return;
		w.deco = 1;
	} else if (is_hangul(lc)) {
		/* what word_before finds when the word ends in a syllable */
		w.start = token_start(g, g->start, i);
		w.end = i;
		w.deco = 0;
		if (BIT_GET(rules.last_syllable, lc - HANGUL_FIRST)) {
			/* ko_class gives the same with full set or not */
			cls = ko_class(g, w.start, w.end, 0);
			known = 1;
			if (cls != KO_FINAL && cls != KO_WEAK &&
			    !start_word_may_follow(g, i))
				return;		/* nothing below can break */
		}
	} else if (is_deco(lc)) {
		w = word_before(g, g->start, i);
		if (w.deco && long_laugh_before(g, i) && w.end > w.start &&
		    ko_class(g, w.start, w.end, 1) != KO_LINK) {
			/* "지뢰ㅋㅋㅋㅋ 꾸기": a long laugh ends a sentence */
			ta = skip_space(g, i, &ended);
			if (!ended && next_class(g, ta, token_end(g, ta)) !=
			    NEXT_QUOTE)
				emit(g, i);
			return;
		}
	} else {
		return;
	}
	if (w.end <= w.start || !is_hangul(cp_before(g->s, w.start, w.end, NULL)))
		return;
	ta = skip_space(g, i, &ended);
	if (ended)
		return;
	tb = token_end(g, ta);
	if (is_deco_token(g, ta, tb))
		return;		/* decide after the laugh */
	next = next_class(g, ta, tb);
	if (!known)
		cls = ko_class(g, w.start, w.end, next == NEXT_START);
	if (next == NEXT_START) {
		/* "…유이(33) 하지만": such a word only opens a sentence */
		if (cls != KO_LINK && g->depth == 0)
			emit(g, i);
		return;
	}
	if (cls != KO_FINAL && cls != KO_WEAK)
		return;
	if (next == NEXT_QUOTE || next == NEXT_CONT)
		return;
	if (cls == KO_FINAL && !w.deco && next != NEXT_OPEN &&
	    punctuated_style(g)) {
		g->n_bare++;
		return;
	}
	if (cls == KO_FINAL)
		g->n_bare++;
	if (cls == KO_WEAK && !(w.deco || next == NEXT_OPEN) &&
	    !(ends_in_m(g, w.start, w.end) && hangul_run(g, w.start, w.end) >= 2 &&
	    nominal_style(g)))
		return;
	emit(g, i);
}


/*
 * A laugh, emoticon or tilde at i glued to a Korean word: if the word ends
 * a sentence and another word follows without a space ("볼게요^^로마",
 * "같아요😀하지만"), the sentence ends after the decoration.  Returns the
 * position to continue from.
 */
static size_t
on_glued_deco(struct seg *g, size_t i)
{
	size_t e = deco_end(g, i), a;
	int32_t nc = cp_at(g->s, e, g->n, NULL);

	if (nc < 0 || !(is_hangul(nc) || is_latin_letter(nc)) ||
	    !g->opts->ko_endings)
		return e;
	a = token_start(g, g->start, i);
	if (ko_class(g, a, i, 0) == KO_FINAL &&
	    next_class(g, e, token_end(g, e)) != NEXT_QUOTE)
		emit(g, e);
	return e;
}

/* ---- the main loop */

static void
end_block(struct seg *g, size_t i)
{
	emit(g, i);
	g->depth = 0;
	g->list_style = 0;
	g->block_start = i + 1;
	g->nominal_style = -1;
}

size_t
sift_segment(const char *text, size_t n, const struct sift_segment_opts *opts,
    struct sift_spans *out)
{
	static const struct sift_segment_opts defaults = SIFT_SEGMENT_OPTS_INIT;
	struct seg g;
	size_t i = 0, k;
	int32_t c;
	int prev_space = 1;

	rules_load();
	out->n = 0;
	memset(&g, 0, sizeof(g));
	g.s = text;
	g.n = n;
	g.opts = opts ? opts : &defaults;
	g.out = out;
	g.nominal_style = -1;
	while (i < n) {
		unsigned char b = (unsigned char)text[i];

		if (b >= 0xEA && b <= 0xED) {
			/* Hangul syllables (and nothing that matters here) */
			i += 3;
			prev_space = 0;
			continue;
		}
		if (b < 0x80) {
			switch (b) {
			case '\n':
				if (block_ends_at(&g, i)) {
					end_block(&g, i);
					prev_space = 1;
					i++;
					continue;
				}
				/* FALLTHROUGH */
			case ' ':
			case '\t':
			case '\r':
			case '\f':
			case '\v':
				if (!prev_space && !space_is_plain(&g, i))
					on_space(&g, i);
				prev_space = 1;
				i++;
				continue;
			case '.':
			case '!':
			case '?':
				i = on_terminal(&g, i);
				prev_space = 0;
				continue;
			case '"':
			case '\'':
				straight_quote(&g, b, i);
				break;
			case '(':
			case '[':
			case '{':
				push_open(&g, b, i);
				break;
			case '~':
			case '^':
				if (i > 0 && is_hangul(cp_before(text, 0, i, NULL))) {
					i = on_glued_deco(&g, i);
					prev_space = 0;
					continue;
				}
				break;
			case '<':
				if (i + 1 < n && text[i + 1] != ' ' &&
				    text[i + 1] != '=' && text[i + 1] != '-' &&
				    text[i + 1] != '<')
					push_open(&g, b, i);
				break;
			case ')':
				if (!close_mark(&g, b, i)) {
					size_t a = token_start(&g, g.start, i);

					if (only_marks(&g, g.start, a))
						note_list(&g, a, i + 1);
				}
				break;
			case ']':
			case '}':
			case '>':
				close_mark(&g, b, i);
				break;
			}
			prev_space = 0;
			i++;
			continue;
		}
		k = decode(text + i, n - i, &c);
		if (is_space(c)) {
			if (c == 0x2028 || c == 0x2029) {
				end_block(&g, i);
				prev_space = 1;
			} else {
				if (!prev_space)
					on_space(&g, i);
				prev_space = 1;
			}
			i += k;
			continue;
		}
		if (term_kind(c) != TERM_NONE) {
			i = on_terminal(&g, i);
			prev_space = 0;
			continue;
		}
		if (is_deco(c) && i > 0 && is_hangul(cp_before(text, 0, i, NULL))) {
			i = on_glued_deco(&g, i);
			prev_space = 0;
			continue;
		}
		if (find_open(&g, c) >= 0 && is_closer(c))
			close_mark(&g, c, i);
		else if (is_opener(c))
			push_open(&g, c, i);
		else if (is_closer(c))
			close_mark(&g, c, i);
		else if (is_bullet(c) && prev_space && !only_marks(&g, g.start, i))
			emit(&g, i);
		prev_space = 0;
		i += k;
	}
	emit(&g, n);
	return out->n;
}

void
sift_spans_to_codepoints(const char *text, struct sift_spans *spans)
{
	size_t i, pos = 0, cp = 0;

	for (i = 0; i < spans->n; i++) {
		struct sift_span *sp = &spans->v[i];
		size_t start = sp->start, end = sp->end;

		cp += sift_utf8_count(text + pos, start - pos);
		sp->start = cp;
		cp += sift_utf8_count(text + start, end - start);
		sp->end = cp;
		pos = end;
	}
}
