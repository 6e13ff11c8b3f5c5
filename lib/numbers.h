/*
 * numbers.h - quantities in running text: value and unit.
 *
 * sift_find_numbers scans Korean, English and mixed text for quantities and
 * gives each its byte span, numeric value and normalized unit:
 *
 *	1524만명          15240000    "명"
 *	3억 명            300000000   "명"
 *	1조2000억원       1.2e12      "원"
 *	2.5배             2.5         "배"
 *	35%, 4.1 percent  35, 4.1     "%"
 *	3기가와트(GW)     3           "GW"   (the symbol in parentheses is taken in)
 *	$1.2 billion      1.2e9       "USD"
 *	두 배, 세 명      2, 3        "배", "명"
 *	30~50대           30, max 50  "대"   (a range: SIFT_NUMBER_RANGE)
 *	10명 중 6명       two numbers, 10 "명" and 6 "명"
 *	(32), 1,234       32, 1234    ""     (a bare number has an empty unit)
 *	3분의 1           0.333...    ""     (a fraction)
 *	영하 20도         -20         "도"
 *	2-1, 53대 46      2 and 1     ""     (a score: SIFT_NUMBER_PAIR)
 *
 * Dates, times and durations (2025년, 3월, 14일, 3시간, 6개월: see dates.h),
 * versions (GPT-4.1), phone numbers and identifiers (A380, 5G) are not
 * quantities and are not reported.  Unit words and their normal forms live
 * in data/numbers-units.tsv, numeral words in data/numbers-native.tsv and the
 * particles that may follow a counter in data/numbers-particles.tsv.
 *
 * The tables are loaded on first use into static storage (not thread-safe on
 * that first call; afterwards read-only).
 */
#ifndef SIFT_NUMBERS_H
#define SIFT_NUMBERS_H

#include <stddef.h>

/* flags */
#define SIFT_NUMBER_RANGE	0x1	/* "30~50대": value is the low end, max the high end */
#define SIFT_NUMBER_APPROX	0x2	/* "약 30명", "30여명", "100명 가량": not exact */
#define SIFT_NUMBER_PAIR	0x4	/* "3-1", "53대 46": a score or tally; value is
					 * the first number, max the second */

struct sift_number {
	size_t start, end;	/* byte span in text, end exclusive */
	double value;
	char unit[32];		/* normalized: "명", "%", "GW", "원", "USD", "배", "" */
	double max;		/* high end of a range; == value when not a range */
	unsigned flags;		/* SIFT_NUMBER_* */
};

struct sift_numbers {
	struct sift_number *v;
	size_t n, cap;
};

#define SIFT_NUMBERS_INIT { NULL, 0, 0 }

/*
 * Find the quantities in text[0..n) (UTF-8), in order of position, into out
 * (which is reset first; its array is reused across calls, so a caller that
 * keeps one struct for a whole stream allocates only while the largest
 * record grows).  Returns out->n.
 */
size_t sift_find_numbers(const char *text, size_t n, struct sift_numbers *out);

/* Free out's array and leave it as SIFT_NUMBERS_INIT (reusable). */
void sift_numbers_release(struct sift_numbers *v);

/*
 * Parse the numeral at s[0..n): digits with comma groups and a decimal part,
 * with Korean scale characters ("1524만", "1조2000억", "5천188", "30억 900만")
 * or English scale words ("3.5 million"), or a numeral word ("세", "하나",
 * "스물다섯", "three").  No unit is read.  Returns the bytes used and sets
 * *value, or returns 0 if s does not start with a numeral.
 */
size_t sift_parse_numeral(const char *s, size_t n, double *value);

/*
 * A word list matched by longest prefix, keyed by the first character, for
 * the numbers and dates tables (also used by dates.c).  Words are borrowed
 * (the embedded data files live for the whole process).
 */
#define SIFT_LEX_MAX 1024
#define SIFT_LEX_BUCKETS 512
#define SIFT_LEX_PAIR_BITS 65536

struct sift_lexicon {
	int fold;		/* compare ASCII letters case-insensitively */
	size_t n;
	const char *word[SIFT_LEX_MAX];
	unsigned char len[SIFT_LEX_MAX];
	unsigned short order[SIFT_LEX_MAX];
	unsigned short start[SIFT_LEX_BUCKETS + 1];
	/* per position in order: the word's length and last byte (case
	 * folded when fold is set), the quick reject of sift_lex_match */
	unsigned char olen[SIFT_LEX_MAX];
	unsigned char olast[SIFT_LEX_MAX];
	/* one bit per Hangul syllable U+AC00..U+D7A3: some word starts
	 * with it (the scanners test this at every word) */
	unsigned char hangul_first[(11172 + 7) / 8];
	/* syllables that start a one-syllable word or one going on with a
	 * non-syllable; for the others, a hashed bit per pair of first two
	 * syllables: most words turned away by the first syllable alone
	 * still started with a listed one (이, 지, 오) */
	unsigned char hangul_open[(11172 + 7) / 8];
	unsigned char hangul_pair[SIFT_LEX_PAIR_BITS / 8];
	/* the same for words starting with an ASCII letter: letters (case
	 * folded when fold is set) that start a one-letter word or one going
	 * on with a non-letter, and a bit per pair of first two letters */
	unsigned char ascii_open[128 / 8];
	unsigned char ascii_pair[128 * 128 / 8];
};

/* Add word w[0..len) (borrowed); returns its index, or -1 if the lexicon is
 * full or the word longer than 255 bytes.  Call sift_lex_build after the
 * last add. */
int sift_lex_add(struct sift_lexicon *lx, const char *w, size_t len);
void sift_lex_build(struct sift_lexicon *lx);

/* Index of the longest word that is a prefix of s[0..n), its length in
 * *mlen; -1 if none. */
int sift_lex_match(const struct sift_lexicon *lx, const char *s, size_t n,
    size_t *mlen);

/* Cheap test before a lookup: whether s[0..n) may start a numeral word
 * ("세", "스물", "three"); false means it certainly does not. */
int sift_numeral_word_may_start(const char *s, size_t n);
/* The numeral words as a lexicon (static), for scanners that test
 * sift_lex_may_start_hangul on it inline. */
const struct sift_lexicon *sift_numeral_lexicon(void);

/* Cheap test: whether a word of lx may start at s[0..n). */
int sift_lex_may_start(const struct sift_lexicon *lx, const char *s,
    size_t n);

/* The hangul_pair bit of syllable indexes a, b (0..11171). */
static inline unsigned
sift_lex_pair_bit(unsigned a, unsigned b)
{
	return ((a * 11172u + b) * 2654435761u) >> 16;
}

/* sift_lex_may_start for a Hangul syllable at u[0..n) (n >= 3, lead byte
 * 0xEA..0xED): inline, for the scanners' loops. */
static inline int
sift_lex_may_start_hangul(const struct sift_lexicon *lx,
    const unsigned char *u, size_t n)
{
	unsigned cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) |
	    (u[2] & 0x3Fu), c2;

	if (cp < 0xAC00 || cp > 0xD7A3)
		return 0;
	cp -= 0xAC00;
	if (!((lx->hangul_first[cp >> 3] >> (cp & 7)) & 1))
		return 0;
	if ((lx->hangul_open[cp >> 3] >> (cp & 7)) & 1)
		return 1;
	if (n < 6 || u[3] < 0xEA || u[3] > 0xED)
		return 0;
	c2 = ((u[3] & 0x0Fu) << 12) | ((u[4] & 0x3Fu) << 6) | (u[5] & 0x3Fu);
	if (c2 < 0xAC00 || c2 > 0xD7A3)
		return 0;
	c2 = sift_lex_pair_bit(cp, c2 - 0xAC00);
	return (lx->hangul_pair[c2 >> 3] >> (c2 & 7)) & 1;
}

/* Whether a Hangul word ends at s[0..n): no Hangul follows, or only
 * particles (조사) do, one or two of them ("명이", "개국에서는"). */
int sift_word_ends(const char *s, size_t n);

#endif
