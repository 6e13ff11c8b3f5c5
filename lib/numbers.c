/*
 * numbers.c - quantities in running text (see numbers.h).
 *
 * The scanner walks the text one character at a time and stops only where a
 * quantity can start: an ASCII digit, a currency sign before a digit, or the
 * first syllable of a Hangul or English word that begins a numeral word
 * ("세", "하나", "three").  Each start goes through the same steps: numeral
 * (with Korean scales 천/만/억/조), unit (table first, then a bare counter),
 * an optional range end, then the checks that throw out dates, times,
 * versions, phone numbers and identifiers.
 */
#include "numbers.h"
#include "ascii.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "data.h"

/* ---------------------------------------------------------------- lexicon */

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static size_t
char_len(unsigned char b)
{
	if (b < 0x80)
		return 1;
	if (b < 0xE0)
		return 2;
	if (b < 0xF0)
		return 3;
	return 4;
}

static inline unsigned
lex_key(int fold, const unsigned char *s, size_t n)
{
	size_t len = char_len(s[0]), i;
	unsigned k = 0;

	if (s[0] < 0x80)
		return (unsigned)(fold ? ascii_lower(s[0]) : s[0]);
	if (len > n)
		len = n;
	/* FNV-1a over the bytes of the first character: Hangul syllables
	 * differ mostly in their last two bytes, which a plain sum would
	 * pile into a few buckets */
	k = 2166136261u;
	for (i = 0; i < len; i++)
		k = (k ^ s[i]) * 16777619u;
	return 128 + (k >> 8) % (SIFT_LEX_BUCKETS - 128);
}

/* The index of the Hangul syllable at s (0..11171), or -1. */
static int
syllable_index(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned cp;

	if (n < 3 || u[0] < 0xEA || u[0] > 0xED)
		return -1;
	cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
	if (cp < 0xAC00 || cp > 0xD7A3)
		return -1;
	return (int)(cp - 0xAC00);
}

int
sift_lex_add(struct sift_lexicon *lx, const char *w, size_t len)
{
	if (lx->n >= SIFT_LEX_MAX || len == 0 || len > 255)
		return -1;
	lx->word[lx->n] = w;
	lx->len[lx->n] = (unsigned char)len;
	return (int)lx->n++;
}

/* Order the words by bucket, longest first within a bucket, so that the
 * first hit in a bucket is the longest match. */
void
sift_lex_build(struct sift_lexicon *lx)
{
	unsigned short count[SIFT_LEX_BUCKETS + 1];
	unsigned key[SIFT_LEX_MAX];
	size_t i, j;

	memset(count, 0, sizeof(count));
	memset(lx->hangul_first, 0, sizeof(lx->hangul_first));
	memset(lx->hangul_open, 0, sizeof(lx->hangul_open));
	memset(lx->hangul_pair, 0, sizeof(lx->hangul_pair));
	memset(lx->ascii_open, 0, sizeof(lx->ascii_open));
	memset(lx->ascii_pair, 0, sizeof(lx->ascii_pair));
	for (i = 0; i < lx->n; i++) {
		int k = syllable_index(lx->word[i], lx->len[i]), k2;
		const unsigned char *w = (const unsigned char *)lx->word[i];

		if (w[0] < 0x80 && sift_ascii_alpha(w[0])) {
			unsigned a = lx->fold ? (unsigned)ascii_lower(w[0]) : w[0];

			if (lx->len[i] < 2 || w[1] >= 0x80 || !sift_ascii_alpha(w[1])) {
				lx->ascii_open[a >> 3] |= (unsigned char)(1u << (a & 7));
			} else {
				unsigned b = lx->fold ? (unsigned)ascii_lower(w[1]) :
				    w[1], bit = a * 128 + b;

				lx->ascii_pair[bit >> 3] |=
				    (unsigned char)(1u << (bit & 7));
			}
		}

		if (k >= 0) {
			lx->hangul_first[k >> 3] |= (unsigned char)(1u << (k & 7));
			k2 = syllable_index(lx->word[i] + 3, lx->len[i] - 3u);
			if (k2 < 0) {
				lx->hangul_open[k >> 3] |=
				    (unsigned char)(1u << (k & 7));
			} else {
				unsigned b = sift_lex_pair_bit((unsigned)k,
				    (unsigned)k2);

				lx->hangul_pair[b >> 3] |=
				    (unsigned char)(1u << (b & 7));
			}
		}
		key[i] = lex_key(lx->fold, (const unsigned char *)lx->word[i],
		    lx->len[i]);
		count[key[i] + 1]++;
	}
	lx->start[0] = 0;
	for (i = 1; i <= SIFT_LEX_BUCKETS; i++)
		lx->start[i] = (unsigned short)(lx->start[i - 1] + count[i]);
	memset(count, 0, sizeof(count));
	for (i = 0; i < lx->n; i++)
		lx->order[lx->start[key[i]] + count[key[i]]++] =
		    (unsigned short)i;
	for (i = 0; i < SIFT_LEX_BUCKETS; i++) {
		for (j = lx->start[i] + 1u; j < lx->start[i + 1]; j++) {
			unsigned short t = lx->order[j];
			size_t k = j;

			while (k > lx->start[i] && lx->len[lx->order[k - 1]] <
			    lx->len[t]) {
				lx->order[k] = lx->order[k - 1];
				k--;
			}
			lx->order[k] = t;
		}
	}
	for (j = 0; j < lx->n; j++) {
		unsigned short t = lx->order[j];
		unsigned char last = (unsigned char)lx->word[t][lx->len[t] - 1];

		lx->olen[j] = lx->len[t];
		lx->olast[j] = lx->fold ? (unsigned char)ascii_lower(last) : last;
	}
}

static int
lex_equal(int fold, const char *w, const char *s, size_t len)
{
	size_t i;

	if (!fold) {
		/* words are short: a loop beats the call to memcmp */
		for (i = 0; i < len; i++)
			if (w[i] != s[i])
				return 0;
		return 1;
	}
	for (i = 0; i < len; i++)
		if (w[i] != s[i] && ascii_lower((unsigned char)s[i]) !=
		    ascii_lower((unsigned char)w[i]))
			return 0;
	return 1;
}

int
sift_lex_match(const struct sift_lexicon *lx, const char *s, size_t n,
    size_t *mlen)
{
	unsigned b;
	size_t j;

	if (n == 0)
		return -1;
	b = lex_key(lx->fold, (const unsigned char *)s, n);
	for (j = lx->start[b]; j < lx->start[b + 1]; j++) {
		size_t l = lx->olen[j];
		unsigned char last;

		/* the last byte first: a cheap reject */
		if (l > n)
			continue;
		last = (unsigned char)s[l - 1];
		if ((lx->fold ? (unsigned char)ascii_lower(last) : last) !=
		    lx->olast[j])
			continue;
		if (lex_equal(lx->fold, lx->word[lx->order[j]], s, l)) {
			*mlen = l;
			return lx->order[j];
		}
	}
	return -1;
}

int
sift_lex_may_start(const struct sift_lexicon *lx, const char *s, size_t n)
{
	unsigned b;
	int k;

	if (n == 0)
		return 0;
	if ((k = syllable_index(s, n)) >= 0)
		return sift_lex_may_start_hangul(lx, (const unsigned char *)s, n);
	b = lex_key(lx->fold, (const unsigned char *)s, n);
	if (lx->start[b] == lx->start[b + 1])
		return 0;
	if ((unsigned char)s[0] < 0x80 && sift_ascii_alpha((unsigned char)s[0])) {
		/* an English word: its first two letters must start one */
		unsigned a = lx->fold ? (unsigned)ascii_lower((unsigned char)s[0]) :
		    (unsigned char)s[0], c, bit;

		if ((lx->ascii_open[a >> 3] >> (a & 7)) & 1)
			return 1;
		if (n < 2 || (unsigned char)s[1] >= 0x80 ||
		    !sift_ascii_alpha((unsigned char)s[1]))
			return 0;
		c = lx->fold ? (unsigned)ascii_lower((unsigned char)s[1]) :
		    (unsigned char)s[1];
		bit = a * 128 + c;
		return (lx->ascii_pair[bit >> 3] >> (bit & 7)) & 1;
	}
	return 1;
}

/* ----------------------------------------------------------------- tables */

enum unit_class {
	U_COUNTER, U_MONEY, U_MEASURE, U_PERCENT, U_RATIO, U_ENGLISH,
	U_DATE, U_SKIP, U_NOTUNIT
};

enum native_form {
	N_DET, N_ALONE, N_TENS, N_ORDINAL, N_SCALE, N_EN
};

struct unit_info {
	char canon[24];
	unsigned char cls;
};

struct native_info {
	double value;
	unsigned char form;
};

static struct sift_lexicon unit_lex, native_lex, particle_lex;
static struct unit_info unit_info[SIFT_LEX_MAX];
static struct native_info native_info[SIFT_LEX_MAX];
static int tables_ready;

static int
field_is(const char *f, size_t len, const char *word)
{
	return strlen(word) == len && memcmp(f, word, len) == 0;
}

static void
load_units(void)
{
	static const char *const names[] = {
		"counter", "money", "measure", "percent", "ratio", "english",
		"date", "skip", "notunit"
	};
	const char *text, *line, *f[3];
	size_t len, pos = 0, ll, fl[3], k;
	int i;

	text = sift_data("numbers-units.tsv", &len);
	if (text == NULL)
		return;
	while (sift_data_next_line(text, len, &pos, &line, &ll)) {
		if (sift_data_split(line, ll, f, fl, 3) != 3 ||
		    fl[1] >= sizeof(unit_info[0].canon))
			continue;
		if ((i = sift_lex_add(&unit_lex, f[0], fl[0])) < 0)
			continue;
		memcpy(unit_info[i].canon, f[1], fl[1]);
		unit_info[i].canon[fl[1]] = '\0';
		unit_info[i].cls = U_COUNTER;
		for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (field_is(f[2], fl[2], names[k]))
				unit_info[i].cls = (unsigned char)k;
	}
	sift_lex_build(&unit_lex);
}

static void
load_native(void)
{
	static const char *const forms[] = {
		"det", "alone", "tens", "ordinal", "scale", "en"
	};
	const char *text, *line, *f[3];
	size_t len, pos = 0, ll, fl[3], k;
	char num[32];
	int i;

	native_lex.fold = 1;
	text = sift_data("numbers-native.tsv", &len);
	if (text == NULL)
		return;
	while (sift_data_next_line(text, len, &pos, &line, &ll)) {
		if (sift_data_split(line, ll, f, fl, 3) != 3 ||
		    fl[1] >= sizeof(num))
			continue;
		if ((i = sift_lex_add(&native_lex, f[0], fl[0])) < 0)
			continue;
		memcpy(num, f[1], fl[1]);
		num[fl[1]] = '\0';
		native_info[i].value = strtod(num, NULL);
		native_info[i].form = N_DET;
		for (k = 0; k < sizeof(forms) / sizeof(forms[0]); k++)
			if (field_is(f[2], fl[2], forms[k]))
				native_info[i].form = (unsigned char)k;
	}
	sift_lex_build(&native_lex);
}

static void
load_particles(void)
{
	const char *text, *line;
	size_t len, pos = 0, ll;

	text = sift_data("numbers-particles.tsv", &len);
	if (text == NULL)
		return;
	while (sift_data_next_line(text, len, &pos, &line, &ll))
		sift_lex_add(&particle_lex, line, ll);
	sift_lex_build(&particle_lex);
}

static void
load_tables(void)
{
	if (tables_ready)
		return;
	load_units();
	load_native();
	load_particles();
	tables_ready = 1;
}

int
sift_numeral_word_may_start(const char *s, size_t n)
{
	load_tables();
	return sift_lex_may_start(&native_lex, s, n);
}

const struct sift_lexicon *
sift_numeral_lexicon(void)
{
	load_tables();
	return &native_lex;
}

/* -------------------------------------------------------- character tests */

/* Whether the character that ends at text[i] (exclusive) is Hangul. */
static int
hangul_before(const char *text, size_t i)
{
	return i >= 3 && sift_hangul_at(text + i - 3, 3);
}

static int
starts(const char *s, size_t n, const char *lit)
{
	size_t l;

	/* the first byte decides most calls, before strlen and memcmp */
	if (lit[0] == '\0')
		return 1;
	if (n == 0 || s[0] != lit[0])
		return 0;
	l = strlen(lit);
	return n >= l && memcmp(s, lit, l) == 0;
}

/* starts() with a string literal. */
#define STARTS(s, n, lit) \
	((n) >= sizeof(lit) - 1 && memcmp((s), (lit), sizeof(lit) - 1) == 0)

int
sift_word_ends(const char *s, size_t n)
{
	size_t m, m2;

	load_tables();
	if (!sift_hangul_at(s, n))
		return 1;
	if (sift_lex_match(&particle_lex, s, n, &m) < 0)
		return 0;
	if (!sift_hangul_at(s + m, n - m))
		return 1;
	if (sift_lex_match(&particle_lex, s + m, n - m, &m2) < 0)
		return 0;
	return !sift_hangul_at(s + m + m2, n - m - m2);
}

/* --------------------------------------------------------------- numerals */

/*
 * Digits at s[0..n) with comma groups (1-3 digits, then exactly 3 per
 * group) and one decimal part.  Returns bytes used (0 if no digit).
 */
static size_t
parse_digits(const char *s, size_t n, double *value, size_t *intdigits)
{
	size_t i = 0, run = 0;
	double v = 0, scale;

	while (i < n && sift_ascii_digit(s[i])) {
		v = v * 10 + (s[i] - '0');
		i++;
		run++;
	}
	if (run == 0)
		return 0;
	*intdigits = run;
	if (run <= 3) {
		while (i + 3 < n && s[i] == ',' && sift_ascii_digit(s[i + 1]) &&
		    sift_ascii_digit(s[i + 2]) && sift_ascii_digit(s[i + 3]) &&
		    (i + 4 >= n || !sift_ascii_digit(s[i + 4]))) {
			v = v * 1000 + (s[i + 1] - '0') * 100 +
			    (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
			*intdigits += 3;
			i += 4;
		}
	}
	if (i + 1 < n && s[i] == '.' && sift_ascii_digit(s[i + 1])) {
		i++;
		scale = 0.1;
		while (i < n && sift_ascii_digit(s[i])) {
			v += (s[i] - '0') * scale;
			scale /= 10;
			i++;
		}
	}
	*value = v;
	return i;
}

#define HAN_CHEON	"천"
#define HAN_BAEK	"백"
#define HAN_MAN		"만"
#define HAN_EOK		"억"
#define HAN_JO		"조"
#define HAN_YEO		"여"
#define HAN_JE		"제"
#define HAN_YAK		"약"

/* 만/억/조 at s: the scale, else 0.  no_jo: after 제 ("제9조" is an article
 * of a law, not nine trillion). */
static double
big_scale(const char *s, size_t n, int no_jo)
{
	if (STARTS(s, n, HAN_MAN))
		return 1e4;
	if (STARTS(s, n, HAN_EOK))
		return 1e8;
	if (!no_jo && STARTS(s, n, HAN_JO))
		return 1e12;
	return 0;
}

static double
small_scale(const char *s, size_t n)
{
	if (STARTS(s, n, HAN_CHEON))
		return 1000;
	if (STARTS(s, n, HAN_BAEK))
		return 100;
	return 0;
}

struct numeral {
	double value;
	size_t len;		/* bytes of the numeral */
	size_t intdigits;	/* digits before the point in the first run */
	size_t firstrun;	/* bytes of the first digit run */
	int has_dot;		/* the first run has a decimal part */
	int scaled;		/* a scale word was applied */
	int approx;		/* 여 inside: "400여만" */
};

static size_t korean_numeral(const char *s, size_t n, int no_jo,
    double limit, struct numeral *nm);

/*
 * After "30억" or "4만", a space and a smaller group may continue the same
 * number ("30억 900만원", "4만 9000달러").  Say whether s (just after the
 * space) is such a group: smaller than limit, and not itself the start of
 * a date ("3만 2025년").
 */
static int
continues_number(const char *s, size_t n, double limit)
{
	struct numeral nm;
	size_t m, k;
	int u;

	if (korean_numeral(s, n, 0, limit, &nm) == 0 || nm.value >= limit ||
	    nm.has_dot)
		return 0;
	k = nm.len;
	u = sift_lex_match(&unit_lex, s + k, n - k, &m);
	if (u >= 0 && unit_info[u].cls == U_DATE)
		return 0;
	if (k < n && (s[k] == '.' || s[k] == ':' || s[k] == '-' ||
	    s[k] == '/' || s[k] == ','))
		return 0;
	return 1;
}

/*
 * Digits with Korean scale characters: "1524만", "1조2000억", "5천188",
 * "3천962만", "1억6천400여만", "30억 900만".  limit bounds the big scales
 * allowed (the caller's group when continuing).
 */
static size_t
korean_numeral(const char *s, size_t n, int no_jo, double limit,
    struct numeral *nm)
{
	double total = 0, group = 0, cur = -1, last_small = 1e4, k, d = 0;
	double last_big = limit;
	size_t pos = 0, used, idig = 0;

	memset(nm, 0, sizeof(*nm));
	for (;;) {
		if (pos < n && sift_ascii_digit(s[pos])) {
			if (cur >= 0)
				break;
			used = parse_digits(s + pos, n - pos, &d, &idig);
			if (pos == 0) {
				nm->intdigits = idig;
				nm->firstrun = used;
				nm->has_dot = memchr(s, '.', used) != NULL;
			} else if (memchr(s + pos, '.', used) != NULL) {
				break;	/* "3천2.5": not one number */
			}
			cur = d;
			pos += used;
			continue;
		}
		if (cur < 0 && group == 0 && !(total > 0 &&
		    STARTS(s + pos, n - pos, HAN_YEO)))
			break;		/* "10만여 명" goes on to 여 */
		if ((k = small_scale(s + pos, n - pos)) > 0 && k < last_small &&
		    cur >= 0 && !nm->approx) {
			group += cur * k;
			cur = -1;
			last_small = k;
			nm->scaled = 1;
			pos += 3;
			continue;
		}
		if (STARTS(s + pos, n - pos, HAN_YEO) && !nm->approx &&
		    (big_scale(s + pos + 3, n - pos - 3, no_jo) > 0 ||
		    !sift_hangul_at(s + pos + 3, n - pos - 3) ||
		    sift_lex_match(&unit_lex, s + pos + 3, n - pos - 3,
		    &used) >= 0 || sift_word_ends(s + pos + 3, n - pos - 3))) {
			/* "100여명", "400여만원", "20여 개": about */
			nm->approx = 1;
			pos += 3;
			continue;
		}
		if ((k = big_scale(s + pos, n - pos, no_jo)) > 0 &&
		    k < last_big) {
			d = group + (cur >= 0 ? cur : 0);
			if (d == 0)
				break;
			total += d * k;
			group = 0;
			cur = -1;
			last_small = 1e4;
			last_big = k;
			nm->scaled = 1;
			pos += 3;
			if (nm->approx)
				break;
			if (pos + 1 < n && s[pos] == ' ' && sift_ascii_digit(s[pos + 1]) &&
			    continues_number(s + pos + 1, n - pos - 1, k))
				pos++;
			continue;
		}
		break;
	}
	if (pos == 0)
		return 0;
	/* a trailing space eaten for a continuation that did not happen */
	while (pos > 0 && s[pos - 1] == ' ')
		pos--;
	nm->value = total + group + (cur >= 0 ? cur : 0);
	nm->len = pos;
	return pos;
}

/* An English scale word after s ("3 million", "$1.2bn"); returns bytes
 * (with the space) and the multiplier in *k. */
static size_t
english_scale(const char *s, size_t n, double *k)
{
	size_t sp = 0, m;
	int i;

	if (n > 0 && s[0] == ' ')
		sp = 1;
	if (sp >= n || !sift_ascii_alpha(s[sp]))
		return 0;
	i = sift_lex_match(&native_lex, s + sp, n - sp, &m);
	if (i < 0 || native_info[i].form != N_SCALE)
		return 0;
	if (sp + m < n && sift_ascii_alpha(s[sp + m]))
		return 0;
	*k = native_info[i].value;
	return sp + m;
}

/* Digits, Korean scales, English scale word. */
static size_t
digit_numeral(const char *s, size_t n, int no_jo, struct numeral *nm)
{
	size_t m;
	double k;

	if (korean_numeral(s, n, no_jo, 1e16, nm) == 0)
		return 0;
	if (!nm->scaled && (m = english_scale(s + nm->len, n - nm->len,
	    &k)) > 0) {
		nm->value *= k;
		nm->len += m;
		nm->scaled = 1;
	}
	return nm->len;
}

/*
 * A numeral word at s: "세", "스물다섯", "하나", "three", "two million".
 * *form gets the native form of the first word.  Returns bytes used.
 */
static size_t
word_numeral(const char *s, size_t n, double *value, int *form)
{
	size_t m, m2, pos;
	double k;
	int i, j;

	i = sift_lex_match(&native_lex, s, n, &m);
	if (i < 0 || native_info[i].form == N_SCALE)
		return 0;
	*form = native_info[i].form;
	*value = native_info[i].value;
	pos = m;
	if (sift_ascii_alpha(s[0])) {
		if (pos < n && sift_ascii_alpha(s[pos]))
			return 0;
		if ((m2 = english_scale(s + pos, n - pos, &k)) > 0) {
			*value *= k;
			pos += m2;
		}
		return pos;
	}
	if (*form == N_TENS) {
		/* 스물 + 다섯, 서른 + 두 */
		j = sift_lex_match(&native_lex, s + pos, n - pos, &m2);
		if (j >= 0 && native_info[j].value < 10 &&
		    (native_info[j].form == N_DET ||
		    native_info[j].form == N_ALONE)) {
			*value += native_info[j].value;
			*form = native_info[j].form;
			pos += m2;
		} else {
			*form = N_ALONE;
		}
	}
	return pos;
}

size_t
sift_parse_numeral(const char *s, size_t n, double *value)
{
	struct numeral nm;
	int form;

	load_tables();
	if (n == 0)
		return 0;
	if (sift_ascii_digit(s[0])) {
		if (digit_numeral(s, n, 0, &nm) == 0)
			return 0;
		*value = nm.value;
		return nm.len;
	}
	return word_numeral(s, n, value, &form);
}

/* ------------------------------------------------------------------ units */

struct unit_hit {
	int index;		/* into unit_info, or -1 for a bare counter */
	size_t len;		/* bytes, including a leading space */
	char canon[32];
	int cls;
};

/*
 * The unit at s (just after a numeral).  space_ok: the unit may come after
 * one space ("3억 명", "4.1 percent").  A unit word must end where the
 * text's word ends: ASCII units before a non-letter, Korean units before a
 * particle or non-Hangul (after a space, so "30 세계" is no unit; right
 * after the number the counter takes what follows as its particle).
 */
static int
find_unit(const char *s, size_t n, int space_ok, struct unit_hit *u)
{
	size_t sp = 0, m, end;
	int i;

	memset(u, 0, sizeof(*u));
	u->index = -1;
	if (space_ok && n > 1 && s[0] == ' ')
		sp = 1;
	if ((i = sift_lex_match(&unit_lex, s + sp, n - sp, &m)) < 0)
		return 0;
	end = sp + m;
	if (sift_ascii_alpha(s[end - 1]) && end < n && (sift_ascii_alpha(s[end]) ||
	    sift_ascii_digit(s[end])))
		return 0;	/* "3ms" is not 3 m */
	/* (a Hangul word that does not end at end has a syllable there, so
	 * end + 3 <= n below) */
	if (sift_hangul_at(s + sp, n - sp) && !sift_word_ends(s + end, n - end) &&
	    (sp > 0 || (unit_info[i].cls != U_DATE &&
	    unit_info[i].cls != U_SKIP && sift_word_ends(s + end + 3,
	    n - end - 3))))
		/* "2인자", "5000원권": one more syllable makes another
		 * counter (bare_counter); after more ("10점만점", "1위후보")
		 * the words ran together; after a space the word must end */
		return 0;
	if (sp > 0 && unit_info[i].cls == U_DATE && !sift_ascii_alpha(s[sp]))
		return 0;	/* "3 년" is odd; leave it alone */
	u->index = i;
	u->len = end;
	u->cls = unit_info[i].cls;
	strcpy(u->canon, unit_info[i].canon);
	return 1;
}

/*
 * An English plural noun after the number and a space, as its unit: "30,000
 * trees", "1.4 million visitors".  Lowercase, 4..24 letters, ending in -s
 * (not -ss), and not a notunit word of the table.
 */
static int
english_noun(const char *s, size_t n, struct unit_hit *u)
{
	size_t len = 0, m;
	int i;

	if (n < 2 || s[0] != ' ')
		return 0;
	while (1 + len < n && s[1 + len] >= 'a' && s[1 + len] <= 'z')
		len++;
	if (len < 4 || len > 24 || (1 + len < n && (sift_ascii_alpha(s[1 + len]) ||
	    sift_ascii_digit(s[1 + len]))))
		return 0;
	if (s[len] != 's' || s[len - 1] == 's')
		return 0;
	i = sift_lex_match(&unit_lex, s + 1, len, &m);
	if (i >= 0 && m == len)
		return 0;	/* a table word: find_unit() said no */
	memset(u, 0, sizeof(*u));
	u->index = -1;
	u->len = 1 + len;
	u->cls = U_ENGLISH;
	memcpy(u->canon, s + 1, len);
	u->canon[len] = '\0';
	return 1;
}

/*
 * A counter that is not in the table: the Hangul word right after the
 * digits, particles stripped ("5관왕에" -> "관왕").  Up to three syllables;
 * longer words are not counters.
 */
static int
bare_counter(const char *s, size_t n, struct unit_hit *u)
{
	size_t len = 0, k;

	while (len < 12 && sift_hangul_at(s + len, n - len)) {
		if (len > 0 && sift_word_ends(s + len, n - len))
			break;
		len += 3;
	}
	if (len == 0 || len > 9 || !sift_word_ends(s + len, n - len))
		return 0;
	/* a particle right after the digits ("3이", "1은"): no counter */
	if (sift_lex_match(&particle_lex, s, n, &k) >= 0 &&
	    !sift_hangul_at(s + k, n - k))
		return 0;
	memset(u, 0, sizeof(*u));
	u->index = -1;
	u->len = len;
	u->cls = U_COUNTER;
	memcpy(u->canon, s, len);
	u->canon[len] = '\0';
	return 1;
}

/* "3기가와트(GW)": a unit symbol in parentheses after a spelled-out unit
 * replaces it.  Returns the bytes of "(GW)" or 0. */
static size_t
paren_symbol(const char *s, size_t n, struct unit_hit *u)
{
	size_t m;
	int i;

	if (n < 3 || s[0] != '(')
		return 0;
	i = sift_lex_match(&unit_lex, s + 1, n - 1, &m);
	if (i < 0 || 1 + m >= n || s[1 + m] != ')' ||
	    unit_info[i].cls == U_DATE || unit_info[i].cls == U_SKIP)
		return 0;
	strcpy(u->canon, unit_info[i].canon);
	return m + 2;
}

/* ------------------------------------------------------------- currencies */

struct prefix_currency {
	const char *sign;
	size_t len;		/* strlen(sign) */
	const char *unit;
};

#define CURRENCY(sign, unit)	{ sign, sizeof(sign) - 1, unit }
static const struct prefix_currency prefix_currencies[] = {
	CURRENCY("US$", "USD"), CURRENCY("$", "USD"), CURRENCY("€", "EUR"),
	CURRENCY("£", "GBP"), CURRENCY("¥", "JPY"), CURRENCY("₩", "원"),
	CURRENCY("￦", "원"), CURRENCY("USD ", "USD"), CURRENCY("KRW ", "원"),
	CURRENCY("EUR ", "EUR"),
};
#undef CURRENCY

/* A currency sign that ends at text[i]; its start in *start. */
static const char *
currency_before(const char *text, size_t i, size_t *start)
{
	size_t k, l;
	unsigned char last;

	if (i == 0)
		return NULL;
	/* the last byte of every sign: most digits have none of these */
	last = (unsigned char)text[i - 1];
	if (last != '$' && last != ' ' && last != 0xAC && last != 0xA3 &&
	    last != 0xA5 && last != 0xA9 && last != 0xA6)
		return NULL;
	for (k = 0; k < sizeof(prefix_currencies) /
	    sizeof(prefix_currencies[0]); k++) {
		l = prefix_currencies[k].len;
		/* most digits follow a space: test the sign's last byte
		 * before comparing all of it */
		if (i >= l && (unsigned char)prefix_currencies[k].sign[l - 1] ==
		    last && memcmp(text + i - l, prefix_currencies[k].sign,
		    l) == 0) {
			if (i > l && sift_ascii_alpha(text[i - l - 1]))
				continue;
			*start = i - l;
			return prefix_currencies[k].unit;
		}
	}
	return NULL;
}

/* ------------------------------------------------------------- the finder */

static void
push(struct sift_numbers *out, size_t start, size_t end, double value,
    double max, const char *unit, unsigned flags)
{
	struct sift_number *x;
	size_t l;

	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = sift_xrealloc(out->v, out->cap * sizeof(*out->v));
	}
	x = &out->v[out->n++];
	x->start = start;
	x->end = end;
	x->value = value;
	x->max = max;
	x->flags = flags;
	l = strlen(unit);
	if (l >= sizeof(x->unit))
		l = sizeof(x->unit) - 1;
	memcpy(x->unit, unit, l);
	x->unit[l] = '\0';
}

/*
 * The token of digits and [.,:/-] at s: what kind of thing it is.  Returns
 * 1 if it is a date, time, version, phone number or similar code (skip
 * *toklen bytes), 0 if it may be a quantity.
 */
static int
code_token(const char *s, size_t n, size_t *toklen)
{
	size_t i = 0, dots = 0, dashes = 0, slashes = 0, colons = 0;
	size_t parts[8], np = 0, run = 0;

	while (i < n) {
		char c = s[i];

		if (sift_ascii_digit(c)) {
			run++;
		} else if ((c == '.' || c == '-' || c == '/' || c == ':') &&
		    i + 1 < n && sift_ascii_digit(s[i + 1]) && run > 0) {
			if (np < 8)
				parts[np++] = run;
			run = 0;
			dots += c == '.';
			dashes += c == '-';
			slashes += c == '/';
			colons += c == ':';
		} else if (c == ',' && i + 1 < n && sift_ascii_digit(s[i + 1])) {
			/* commas belong to the number */
		} else {
			break;
		}
		i++;
	}
	if (np < 8)
		parts[np++] = run;
	*toklen = i;
	if (colons > 0 || slashes > 0 || dots >= 2 || dashes >= 2 ||
	    dots + dashes >= 2)
		return 1;
	if (dashes == 1) {
		/* 2025-03 (year-month), 1588-1234 / 02-1234 (phone) */
		if (parts[0] == 4 && parts[1] <= 2)
			return 1;
		if (parts[0] >= 2 && parts[1] >= 3)
			return 1;
	}
	if (dots == 1 && parts[0] == 4 && parts[1] <= 2 && s[0] <= '2' &&
	    i < n && s[i] == '.')
		return 1;	/* "2025.3." */
	return 0;
}

/* Whether the character before text[i] makes the digits at i part of a
 * name or code: "GPT-4.1", "COVID-19", "A380", "v2", "/12", "id=3". */
static int
glued_before(const char *text, size_t i)
{
	char c;

	if (i == 0)
		return 0;
	c = text[i - 1];
	if (sift_ascii_alpha(c) || sift_ascii_digit(c) || c == '_' || c == '/' || c == '@' ||
	    c == '=' || c == '#' || c == '&' || c == '\\')
		return 1;
	if ((c == '-' || c == '.') && i >= 2 &&
	    (sift_ascii_alpha(text[i - 2]) || sift_ascii_digit(text[i - 2])))
		return 1;
	return 0;
}

static int
range_sep(const char *s, size_t n, size_t *len, int *hyphen)
{
	*hyphen = 0;
	if (n >= 1 && s[0] == '~') {
		*len = 1;
		return 1;
	}
	if (n >= 1 && s[0] == '-') {
		*hyphen = 1;
		*len = 1;
		return 1;
	}
	if (STARTS(s, n, "∼") || STARTS(s, n, "〜") ||
	    STARTS(s, n, "～")) {
		*len = 3;
		return 1;
	}
	if (STARTS(s, n, "–")) {
		*hyphen = 1;
		*len = 3;
		return 1;
	}
	return 0;
}

static const char *const approx_after[] = {
	"가량",		/* 가량 */
	"안팎",		/* 안팎 */
	"남짓",		/* 남짓 */
	"쯤",				/* 쯤 */
	" \xEA\xB0\x80\xEB\x9F\x89",		/* " 가량" */
	" \xEC\xA0\x95\xEB\x8F\x84",		/* " 정도" */
	" \xEC\x95\x88\xED\x8C\x8E",		/* " 안팎" */
	" \xEB\x82\xB4\xEC\x99\xB8",		/* " 내외" */
	" \xEB\x82\xA8\xEC\xA7\x93",		/* " 남짓" */
};

static int
approx_marks(const char *text, size_t start, size_t end, size_t n)
{
	size_t k;

	if (start >= 4 && memcmp(text + start - 4, HAN_YAK " ", 4) == 0)
		return 1;
	for (k = 0; k < sizeof(approx_after) / sizeof(approx_after[0]); k++)
		if (starts(text + end, n - end, approx_after[k]))
			return 1;
	return 0;
}

/*
 * A quantity written with digits at text[i].  Returns the bytes to skip
 * from i (>= 1); pushes the quantity if there is one.
 */
static size_t
digits_at(const char *text, size_t n, size_t i, struct sift_numbers *out)
{
	struct numeral nm;
	struct unit_hit u, u2;
	size_t start = i, pos, toklen, sl;
	const char *cur_unit = NULL;
	double max;
	unsigned flags = 0;
	int no_jo = 0, hyphen, have_unit;

	if (code_token(text + i, n - i, &toklen))
		return toklen;
	if (glued_before(text, i)) {
		while (i + toklen < n && (sift_ascii_alpha(text[i + toklen]) ||
		    sift_ascii_digit(text[i + toklen])))
			toklen++;
		return toklen;
	}
	if (i >= 3 && memcmp(text + i - 3, HAN_JE, 3) == 0) {
		/* "제24회": the ordinal prefix is part of the quantity */
		start = i - 3;
		no_jo = 1;
	} else if ((cur_unit = currency_before(text, i, &start)) == NULL) {
		start = i;
		if (i > 0 && text[i - 1] == '-' && (i == 1 ||
		    text[i - 2] == ' ' || text[i - 2] == '('))
			start = i - 1;	/* a minus sign */
	}
	if (digit_numeral(text + i, n - i, no_jo, &nm) == 0)
		return 1;
	pos = i + nm.len;
	if (nm.approx)
		flags |= SIFT_NUMBER_APPROX;
	/* "3분의 1": a fraction */
	if (cur_unit == NULL && STARTS(text + pos, n - pos, "분의") &&
	    nm.value > 0) {
		struct numeral nm2;
		size_t p2 = pos + strlen("분의");

		if (p2 < n && text[p2] == ' ')
			p2++;
		if (korean_numeral(text + p2, n - p2, 0, 1e16, &nm2) > 0) {
			push(out, start, p2 + nm2.len, nm2.value / nm.value,
			    nm2.value / nm.value, "", 0);
			return p2 + nm2.len - i;
		}
	}
	have_unit = find_unit(text + pos, n - pos, 1, &u) ||
	    bare_counter(text + pos, n - pos, &u) ||
	    english_noun(text + pos, n - pos, &u);
	if (have_unit && u.cls == U_NOTUNIT)
		have_unit = 0;
	if (have_unit && u.cls == U_SKIP)
		return pos + u.len - i;
	if (have_unit && u.cls == U_DATE)
		return pos + u.len - i;
	/* "주": weeks after a small number, shares after a large one */
	if (have_unit && strcmp(u.canon, "주") == 0 && nm.value < 100 &&
	    !nm.scaled)
		return pos + u.len - i;
	/* digits glued to letters that are no unit: "3D", "5G", "1920x1080" */
	if (!have_unit && pos < n && (sift_ascii_alpha(text[pos]) || text[pos] == '_'))
		return nm.len;
	if (cur_unit != NULL) {
		if (have_unit && u.cls == U_MONEY)
			pos += u.len;	/* "$3 USD" */
	} else if (have_unit) {
		pos += u.len;
		cur_unit = u.canon;
		if (u.cls == U_MEASURE || u.cls == U_MONEY) {
			size_t ps = paren_symbol(text + pos, n - pos, &u);

			if (ps > 0) {
				pos += ps;
				cur_unit = u.canon;
			}
		}
	}
	max = nm.value;
	/* a range: "30~50대", "2~3%", "32평~62평", "13~20세" */
	if (range_sep(text + pos, n - pos, &sl, &hyphen) &&
	    pos + sl < n && sift_ascii_digit(text[pos + sl])) {
		struct numeral nm2;
		size_t p2 = pos + sl, tl;
		int have2;

		if (!code_token(text + p2, n - p2, &tl) &&
		    digit_numeral(text + p2, n - p2, no_jo, &nm2) > 0) {
			p2 += nm2.len;
			have2 = find_unit(text + p2, n - p2, 1, &u2) ||
			    bare_counter(text + p2, n - p2, &u2);
			if (have2 && (u2.cls == U_DATE || u2.cls == U_SKIP)) {
				/* "9~24일" is a date range: not ours */
				return p2 + u2.len - i;
			}
			if (have2 && (cur_unit == NULL ||
			    strcmp(cur_unit, u2.canon) == 0) &&
			    (!hyphen || nm2.value > nm.value)) {
				p2 += u2.len;
				if (cur_unit == NULL)
					cur_unit = u2.canon;
				max = nm2.value;
				flags |= SIFT_NUMBER_RANGE;
				pos = p2;
				have_unit = 1;
				strcpy(u.canon, u2.canon);
				cur_unit = u.canon;
			} else if (!have2 && !hyphen && cur_unit == NULL) {
				max = nm2.value;
				flags |= SIFT_NUMBER_RANGE;
				pos = p2;
			} else if (!have2 && hyphen && cur_unit == NULL) {
				/* "8-1", "3-2": a score */
				if (nm.has_dot || nm2.has_dot ||
				    nm.intdigits > 3 || nm2.intdigits > 3)
					return p2 - i;
				max = nm2.value;
				flags |= SIFT_NUMBER_PAIR;
				pos = p2;
			}
		}
	}
	/* "53대 46", "2 대 1": a score */
	if (cur_unit != NULL && strcmp(cur_unit, "대") == 0 &&
	    !(flags & SIFT_NUMBER_RANGE) && pos + 1 < n && text[pos] == ' ' &&
	    sift_ascii_digit(text[pos + 1])) {
		struct numeral nm2;
		size_t p2 = pos + 1, tl;

		if (!code_token(text + p2, n - p2, &tl) &&
		    korean_numeral(text + p2, n - p2, 0, 1e16, &nm2) > 0 &&
		    !find_unit(text + p2 + nm2.len, n - p2 - nm2.len, 0, &u2) &&
		    (p2 + nm2.len == n || !sift_ascii_digit(text[p2 + nm2.len])) &&
		    sift_word_ends(text + p2 + nm2.len, n - p2 - nm2.len)) {
			max = nm2.value;
			flags |= SIFT_NUMBER_PAIR;
			pos = p2 + nm2.len;
			cur_unit = "";
		}
	}
	if (cur_unit == NULL) {
		/* a bare number: not a year ("2025 시즌"), not a list marker */
		if (nm.intdigits == 4 && !nm.has_dot && !nm.scaled &&
		    nm.firstrun == 4 && nm.value >= 1900 && nm.value <= 2100 &&
		    !(flags & SIFT_NUMBER_RANGE))
			return pos - i;
		/* "1) 첫째", "2. 둘째": list markers at a line start */
		if (pos < n && (text[pos] == ')' || (text[pos] == '.' &&
		    (pos + 1 == n || text[pos + 1] == ' '))) &&
		    (start == 0 || text[start - 1] == '\n' ||
		    (text[start - 1] == ' ' && (start == 1 ||
		    text[start - 2] == '\n'))) && nm.intdigits <= 2 &&
		    !nm.has_dot)
			return pos - i;
	}
	if (approx_marks(text, start, pos, n))
		flags |= SIFT_NUMBER_APPROX;
	if (start < i && text[start] == '-') {
		nm.value = -nm.value;
		max = -max;
	} else if (start == i && start >= strlen("영하 ") &&
	    memcmp(text + start - strlen("영하 "), "영하 ",
	    strlen("영하 ")) == 0) {
		/* "영하 20도": below zero */
		start -= strlen("영하 ");
		nm.value = -nm.value;
		max = -max;
	}
	push(out, start, pos, nm.value, max, cur_unit ? cur_unit : "", flags);
	return pos - i;
}

/* Counters a native numeral may be glued to ("한번", "두배"); others need
 * a space ("두 부서" is not 2 부, "세계" is not 3 계). */
static int
glue_ok(const char *canon)
{
	/* not 편 (한편: meanwhile), 층 (한층: even more), 강 (한강), 국
	 * (한국), 대 (세대), 기 (세기), 부 (두부), 정 (한정) */
	static const char *const ok[] = {
		"번", "번째", "배", "명", "가지", "차례", "개", "마리",
		"사람", "살", "잔", "권", "장", "켤레", "그릇", "곳"
	};
	size_t k;

	for (k = 0; k < sizeof(ok) / sizeof(ok[0]); k++)
		if (strcmp(canon, ok[k]) == 0)
			return 1;
	return 0;
}

/*
 * A quantity written in words at text[i] (at a word start): "세 명",
 * "두 배", "하나", "첫 번째", "three million people".  Returns the bytes to
 * skip (>= 1).
 */
static size_t
words_at(const char *text, size_t n, size_t i, struct sift_numbers *out)
{
	struct unit_hit u;
	double v;
	size_t m, pos, sp;
	int form;

	m = word_numeral(text + i, n - i, &v, &form);
	if (m == 0)
		return char_len((unsigned char)text[i]);
	pos = i + m;
	if (sift_ascii_alpha(text[i])) {
		/* English: a unit must follow unless a scale word did */
		if ((find_unit(text + pos, n - pos, 1, &u) ||
		    english_noun(text + pos, n - pos, &u)) &&
		    u.cls != U_DATE && u.cls != U_SKIP && u.cls != U_NOTUNIT &&
		    pos < n && text[pos] == ' ') {
			push(out, i, pos + u.len, v, v, u.canon, 0);
			return pos + u.len - i;
		}
		if (v >= 1000 && memchr(text + i, ' ', m) != NULL) {
			push(out, i, pos, v, v, "", 0);
			return m;
		}
		return m;
	}
	if (form == N_ALONE) {
		if (!sift_word_ends(text + pos, n - pos))
			return m;
		push(out, i, pos, v, v, "", 0);
		return m;
	}
	/* det / ordinal: a counter must follow, after a space or glued */
	sp = pos < n && text[pos] == ' ' ? 1 : 0;
	if (form == N_ORDINAL && m > 3 && sift_word_ends(text + pos,
	    n - pos)) {
		push(out, i, pos, v, v, "째", 0);	/* 첫째, 둘째 */
		return m;
	}
	if (sift_lex_match(&unit_lex, text + pos + sp, n - pos - sp, &m) < 0)
		return pos - i;
	{
		int k = sift_lex_match(&unit_lex, text + pos + sp, n - pos - sp,
		    &m);
		const char *canon = unit_info[k].canon;
		int cls = unit_info[k].cls;

		if (!sift_word_ends(text + pos + sp + m, n - pos - sp - m))
			return pos - i;
		/* "세 분": persons, though 분 after digits is minutes */
		if (strcmp(canon, "분") == 0)
			cls = U_COUNTER;
		/* "한 주": a week (dates.h), not shares */
		if (strcmp(canon, "주") == 0)
			return pos - i;
		if (cls != U_COUNTER && cls != U_RATIO && cls != U_MONEY)
			return pos - i;
		if (sp == 0 && !glue_ok(canon))
			return pos - i;
		if (form == N_ORDINAL && strcmp(canon, "번째") != 0 &&
		    strcmp(canon, "회") != 0 && strcmp(canon, "차") != 0)
			return pos - i;
		push(out, i, pos + sp + m, v, v, canon, 0);
		return pos + sp + m - i;
	}
}

size_t
sift_find_numbers(const char *text, size_t n, struct sift_numbers *out)
{
	size_t i = 0;
	int prev_hangul = 0, prev_alpha = 0;
	unsigned char c;

	load_tables();
	out->n = 0;
	while (i < n) {
		c = (unsigned char)text[i];
		if (c < 0x80) {
			if (sift_ascii_digit(c)) {
				i += digits_at(text, n, i, out);
				prev_hangul = 0;
				prev_alpha = 1;
				continue;
			}
			if (sift_ascii_alpha(c) && !prev_alpha &&
			    sift_lex_may_start(&native_lex, text + i, n - i)) {
				i += words_at(text, n, i, out);
				prev_alpha = 1;
				prev_hangul = 0;
				continue;
			}
			/* "$1.2 billion" starts at the sign: the digit looks
			 * back for it */
			prev_alpha = sift_ascii_alpha(c) || sift_ascii_digit(c);
			prev_hangul = 0;
			i++;
			continue;
		}
		if (c >= 0xEA && c <= 0xED && i + 2 < n) {
			if (!prev_hangul && sift_lex_may_start_hangul(
			    &native_lex, (const unsigned char *)text + i, n - i)) {
				i += words_at(text, n, i, out);
				prev_hangul = hangul_before(text, i);
			} else {
				/* no quantity starts inside a word: skip it */
				i += 3;
				while (i + 2 < n && (unsigned char)text[i] >=
				    0xEA && (unsigned char)text[i] <= 0xED)
					i += 3;
				prev_hangul = 1;
			}
			prev_alpha = 0;
			continue;
		}
		prev_hangul = 0;
		prev_alpha = 0;
		i += char_len(c);
	}
	return out->n;
}

void
sift_numbers_release(struct sift_numbers *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}
