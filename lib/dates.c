/*
 * dates.c - dates, times and durations in running text (see dates.h).
 *
 * A date expression is read left to right as an optional chain
 *
 *	[modifier] [year] [month [part]] [day] [weekday] [time]
 *
 * ("지난해 11월 26일 오후 8시", "오는 14일", "2025년 말", "이날 오전 9시"),
 * or else as a numeric date ("2025.03.14", "2025-03-14T09:30"), an English
 * date ("March 14, 2025", "14 March", "last Tuesday"), a duration ("3년간",
 * "한 달", "1시간 50분") or a clock time alone ("오후 8시").  Whatever the
 * text leaves out is taken from the document date, and "이날"/"전날" from
 * the last day the text named.
 *
 * The words live in data/dates-words.tsv; the grammar (which word may
 * follow which) is here.
 */
#include "dates.h"
#include "ascii.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "data.h"
#include "numbers.h"

/* ---------------------------------------------------------------- tables */

enum word_kind {
	W_YEAR, W_MONTH, W_DAY, W_CTXDAY, W_WEEK, W_WEEKDAY, W_MONTHNAME,
	W_MODIFIER, W_PART, W_HALF, W_DURATION, W_DAYTIME, W_CLOCK, W_HOLIDAY,
	W_CTXYEAR, W_CTXMONTH, W_NEWYEAR, W_WEEKEND, W_LENGTHCUE,
	W_YEAREND, W_YEARSTART, W_QUARTER
};

struct word_info {
	unsigned char kind;
	int arg;
	char dur[12];		/* W_DURATION: "P1D" */
};

static struct sift_lexicon word_lex;
static struct word_info word_info[SIFT_LEX_MAX];
static int tables_ready;

static void
load_tables(void)
{
	static const char *const kinds[] = {
		"year", "month", "day", "ctxday", "week", "weekday",
		"monthname", "modifier", "part", "half", "duration",
		"daytime", "clock", "holiday", "ctxyear", "ctxmonth", "newyear",
		"weekend", "lengthcue", "yearend", "yearstart", "quarter"
	};
	const char *text, *line, *f[3];
	size_t len, pos = 0, ll, fl[3], k;
	char arg[16];
	int i;

	if (tables_ready)
		return;
	word_lex.fold = 1;
	text = sift_data("dates-words.tsv", &len);
	while (text != NULL && sift_data_next_line(text, len, &pos, &line,
	    &ll)) {
		if (sift_data_split(line, ll, f, fl, 3) != 3 ||
		    fl[2] >= sizeof(arg))
			continue;
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			if (strlen(kinds[k]) == fl[1] &&
			    memcmp(kinds[k], f[1], fl[1]) == 0)
				break;
		if (k == sizeof(kinds) / sizeof(kinds[0]))
			continue;
		if ((i = sift_lex_add(&word_lex, f[0], fl[0])) < 0)
			continue;
		memcpy(arg, f[2], fl[2]);
		arg[fl[2]] = '\0';
		word_info[i].kind = (unsigned char)k;
		if (k == W_DURATION) {
			memcpy(word_info[i].dur, arg, fl[2] + 1);
			word_info[i].arg = 0;
		} else {
			word_info[i].arg = atoi(arg);
		}
	}
	sift_lex_build(&word_lex);
	tables_ready = 1;
}

/* -------------------------------------------------------------- calendar */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static long
days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ISO weekday, 1 = Monday .. 7 = Sunday (1970-01-01 was a Thursday). */
static int
iso_weekday(long days)
{
	long w = ((days % 7) + 7) % 7;

	return (int)((w + 3) % 7) + 1;
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[(m - 1) % 12];
}

static void
add_days(struct sift_ymd *t, long k)
{
	civil_from_days(days_from_civil(t->year, t->month, t->day) + k,
	    &t->year, &t->month, &t->day);
}

static void
add_months(int *y, int *m, int k)
{
	int z = *y * 12 + (*m - 1) + k;

	*y = z / 12;
	*m = z % 12 + 1;
}

static void
iso_week(int y, int m, int d, int *wy, int *wn)
{
	long days = days_from_civil(y, m, d);
	long thu = days - (iso_weekday(days) - 1) + 3;
	int ty = 0, tm = 0, td = 0;

	civil_from_days(thu, &ty, &tm, &td);
	*wy = ty;
	*wn = (int)((thu - days_from_civil(ty, 1, 1)) / 7) + 1;
}

size_t
sift_ymd_format(const struct sift_ymd *t, char iso[32])
{
	int k;

	iso[0] = '\0';
	if (t->year <= 0 || t->year > 9999)
		return 0;
	/* by hand: snprintf cost more than finding the date did */
	iso[0] = (char)('0' + t->year / 1000);
	iso[1] = (char)('0' + t->year / 100 % 10);
	iso[2] = (char)('0' + t->year / 10 % 10);
	iso[3] = (char)('0' + t->year % 10);
	iso[4] = '\0';
	if (t->month < 1 || t->month > 12)
		return 4;
	iso[4] = '-';
	iso[5] = (char)('0' + t->month / 10);
	iso[6] = (char)('0' + t->month % 10);
	iso[7] = '\0';
	if (t->day < 1 || t->day > 31)
		return 7;
	iso[7] = '-';
	iso[8] = (char)('0' + t->day / 10);
	iso[9] = (char)('0' + t->day % 10);
	iso[10] = '\0';
	if (t->hour < 0 || t->hour > 23)
		return 10;
	if (t->minute >= 0 && t->minute <= 99) {
		iso[10] = 'T';
		iso[11] = (char)('0' + t->hour / 10);
		iso[12] = (char)('0' + t->hour % 10);
		iso[13] = ':';
		iso[14] = (char)('0' + t->minute / 10);
		iso[15] = (char)('0' + t->minute % 10);
		iso[16] = '\0';
		return 16;
	}
	k = snprintf(iso, 32, "%04d-%02d-%02dT%02d:%02d", t->year,
	    t->month, t->day, t->hour, t->minute);
	return k > 0 ? (size_t)k : 0;
}

/* --------------------------------------------------------------- scanning */

struct scan {
	const char *s;
	size_t n;
	const struct sift_ymd *doc;	/* may be NULL */
	struct sift_ymd ctx;		/* the last day the text named */
	size_t ctx_end;			/* where that date ended */
	int have_ctx;
	struct sift_ymd mctx;		/* the last year or month it named */
	int have_mctx;
	/* word_at() results by position: the grammar asks the same
	 * position for a word many times over */
	size_t memo_pos[8], memo_end[8];
	int memo_word[8];
};

enum result_kind { R_POINT, R_RANGE, R_DURATION, R_WEEK, R_TIME };

struct result {
	int kind;
	struct sift_ymd a, b;	/* R_POINT: a; R_RANGE: a/b */
	char dur[32];		/* R_DURATION */
	int week_year, week;	/* R_WEEK */
	int relative, unresolved;
	size_t time_start;	/* 0: no time part */
};

/* The byte at p as unsigned, or 0 outside the text: the grammar looks
 * around freely and this keeps every look in bounds. */
static int
ch(struct scan *sc, size_t p)
{
	return p < sc->n ? (unsigned char)sc->s[p] : 0;
}

/* p + l if the text at p starts with w[0..l), else 0.  LIT() is for
 * string literals, whose length is known at compile time. */
#define LIT(sc, p, w)	lit_n((sc), (p), (w), sizeof(w) - 1)

static inline size_t
lit_n(struct scan *sc, size_t p, const char *w, size_t l)
{
	/* most calls fail on the first two bytes: test them before memcmp */
	if (p > sc->n || l > sc->n - p || (l > 0 && sc->s[p] != w[0]) ||
	    (l > 1 && sc->s[p + 1] != w[1]))
		return 0;
	if (memcmp(sc->s + p, w, l) == 0)
		return p + l;
	return 0;
}

/* p + the length of lit if the text at p starts with it, else 0. */
static size_t
lit(struct scan *sc, size_t p, const char *w)
{
	return lit_n(sc, p, w, strlen(w));
}

/* Skip up to two spaces. */
static size_t
spaces(struct scan *sc, size_t p)
{
	size_t k = 0;

	while (p < sc->n && ch(sc, p) == ' ' && k < 2) {
		p++;
		k++;
	}
	return p;
}

/* An unsigned integer of 1..maxdig digits at p, not followed by another
 * digit; returns the end or 0. */
static size_t
uint_at(struct scan *sc, size_t p, int *v, int maxdig)
{
	int k = 0, x = 0;

	while (p < sc->n && sift_ascii_digit(ch(sc, p))) {
		if (++k > maxdig)
			return 0;
		x = x * 10 + (ch(sc, p) - '0');
		p++;
	}
	if (k == 0)
		return 0;
	*v = x;
	return p;
}

/* Whether the Hangul word ends at p (particles allowed). */
static int
word_ends(struct scan *sc, size_t p)
{
	return sift_word_ends(sc->s + p, sc->n - p);
}

/*
 * The table word at p; returns its index and sets *end, or -1.  ASCII words
 * must end at a non-letter; Hangul words must end the text's word (a
 * particle may follow), except where the grammar glues words ("3월말").
 */
static int
word_lookup(struct scan *sc, size_t p, size_t *end)
{
	size_t m;
	int i;

	if (p >= sc->n)
		return -1;
	i = sift_lex_match(&word_lex, sc->s + p, sc->n - p, &m);
	if (i < 0)
		return -1;
	if (sift_ascii_alpha(ch(sc, p + m - 1))) {
		if (p + m < sc->n && sift_ascii_alpha(ch(sc, p + m)))
			return -1;
	} else if (!word_ends(sc, p + m)) {
		return -1;
	}
	*end = p + m;
	return i;
}

/* Memoized word_lookup: the grammar asks about the same few positions
 * many times (inline: it is called at every step of korean_date). */
static inline int
word_at(struct scan *sc, size_t p, size_t *end)
{
	struct scan *w = sc;
	unsigned k = (unsigned)(p & 7);

	if (w->memo_pos[k] != p + 1) {
		w->memo_pos[k] = p + 1;		/* 0 means empty */
		w->memo_word[k] = word_lookup(sc, p, &w->memo_end[k]);
	}
	if (w->memo_word[k] >= 0)
		*end = w->memo_end[k];
	return w->memo_word[k];
}

static inline int
word_kind_at(struct scan *sc, size_t p, int kind, size_t *end)
{
	int i = word_at(sc, p, end);

	return i >= 0 && word_info[i].kind == kind ? i : -1;
}

/* The document date, or 0 (and the result marked unresolved). */
static int
need_doc(struct scan *sc, struct result *r)
{
	r->relative = 1;
	if (sc->doc == NULL || sc->doc->year <= 0) {
		r->unresolved = 1;
		return 0;
	}
	return 1;
}

static void
ymd_clear(struct sift_ymd *t)
{
	t->year = t->month = t->day = t->minute = 0;
	t->hour = -1;
}

/* ------------------------------------------------------------------ times */

/*
 * A clock time at p: "오후 8시 30분", "오전 9시께", "밤 11시", "14:30",
 * "정오", "9:30 a.m.".  Sets *hour and *minute; returns the end or 0.
 */
static size_t
time_at(struct scan *sc, size_t p, int *hour, int *minute)
{
	size_t q, e;
	int add = -2, h, mi = 0, i;

	if ((i = word_kind_at(sc, p, W_CLOCK, &e)) >= 0) {
		*hour = word_info[i].arg;
		*minute = 0;
		return e;
	}
	if ((i = word_at(sc, p, &e)) >= 0 && word_info[i].kind == W_DAYTIME &&
	    !sift_ascii_alpha(ch(sc, p))) {
		add = word_info[i].arg;
		p = spaces(sc, e);
	}
	if ((q = uint_at(sc, p, &h, 2)) == 0 || h > 24)
		return 0;
	if (q + 2 < sc->n && ch(sc, q) == ':' && sift_ascii_digit(ch(sc, q + 1)) &&
	    sift_ascii_digit(ch(sc, q + 2)) && (q + 3 >= sc->n ||
	    !sift_ascii_digit(ch(sc, q + 3)))) {
		mi = (ch(sc, q + 1) - '0') * 10 + (ch(sc, q + 2) - '0');
		q += 3;
		if (q + 2 < sc->n && ch(sc, q) == ':' && sift_ascii_digit(ch(sc, q + 1)) &&
		    sift_ascii_digit(ch(sc, q + 2)))
			q += 3;		/* seconds: dropped */
		if (mi > 59)
			return 0;
		/* "9:30 a.m." */
		e = spaces(sc, q);
		if ((i = word_kind_at(sc, e, W_DAYTIME, &e)) >= 0 &&
		    sift_ascii_alpha(ch(sc, q < sc->n && sc->s[q] == ' ' ? q + 1 : q))) {
			add = word_info[i].arg;
			q = e;
		}
	} else if ((e = LIT(sc, q, "시")) != 0 && !LIT(sc, e, "간")) {
		q = e;
		e = spaces(sc, q);
		if ((e = uint_at(sc, e, &mi, 2)) != 0 && (e = LIT(sc, e, "분")) &&
		    !LIT(sc, e, "간") && mi < 60) {
			q = e;
			e = spaces(sc, q);
			if ((e = uint_at(sc, e, &i, 2)) != 0 &&
			    (e = LIT(sc, e, "초")) != 0)
				q = e;
		} else if ((e = LIT(sc, spaces(sc, q), "반")) != 0) {
			mi = 30;
			q = e;
		} else {
			mi = 0;
		}
		if (!word_ends(sc, q))
			return 0;
	} else if (add >= 0 && (e = spaces(sc, q)) &&
	    (i = word_kind_at(sc, e, W_DAYTIME, &e)) >= 0 &&
	    sift_ascii_alpha(ch(sc, spaces(sc, q)))) {
		add = word_info[i].arg;	/* "3 p.m." */
		q = e;
	} else {
		return 0;
	}
	if (add == 12 && h < 12)
		h += 12;
	else if (add == -1 && h >= 6 && h < 12)
		h += 12;		/* 밤 11시 */
	else if (add == -1 && h == 12)
		h = 0;			/* 밤 12시: midnight */
	else if (add == 0 && h == 12 && sift_ascii_alpha(ch(sc, q - 1)))
		h = 0;			/* 12 a.m. */
	if (h == 24)
		h = 0;
	*hour = h;
	*minute = mi;
	return q;
}

/* ------------------------------------------------------------- resolution */

/* The day d nearest the document date, past preferred over future: news
 * reports what happened ("28일" in an article of March 3 is February 28).
 * dir < 0: the last one before the document date; dir > 0: the next one
 * after it. */
static void
resolve_day(const struct sift_ymd *doc, int d, int dir, struct sift_ymd *t)
{
	long today = days_from_civil(doc->year, doc->month, doc->day);
	long best_cost = -1, delta, cost;
	int k, y, m;

	for (k = -1; k <= 1; k++) {
		y = doc->year;
		m = doc->month;
		add_months(&y, &m, k);
		if (d > days_in_month(y, m))
			continue;
		delta = days_from_civil(y, m, d) - today;
		if ((dir < 0 && delta >= 0) || (dir > 0 && delta <= 0))
			continue;
		cost = delta <= 0 ? -delta : 2 * delta;
		if (best_cost < 0 || cost < best_cost) {
			best_cost = cost;
			t->year = y;
			t->month = m;
			t->day = d;
		}
	}
	if (best_cost < 0) {
		t->year = doc->year;
		t->month = doc->month;
		t->day = d;
	}
}

/* The year of month m: the document's, or the last/next one. */
static int
resolve_month_year(const struct sift_ymd *doc, int m, int dir)
{
	int d = m - doc->month;

	if (dir < 0)
		return m < doc->month ? doc->year : doc->year - 1;
	if (dir > 0)
		return m > doc->month ? doc->year : doc->year + 1;
	/* the document's year, unless the month is far off in it and near
	 * across New Year: "1월 1일" in late December is next January */
	if (d > 6 && 12 - d <= 3)
		return doc->year - 1;
	if (d < -6 && 12 + d <= 3)
		return doc->year + 1;
	return doc->year;
}

/* ------------------------------------------------------------ the grammar */

/*
 * A numeric date at p: 2025.03.14, 2025-03-14, 2025/3/14, 2025.3.14.,
 * with a time after it ("2025-03-14T09:30", "2025.03.14 09:30").
 */
static size_t
numeric_date(struct scan *sc, size_t p, struct result *r)
{
	size_t q, e;
	int y = 0, m = 0, d = 0, h, mi;
	char sep;

	if ((q = uint_at(sc, p, &y, 4)) != p + 4 || y < 1000)
		return 0;
	if (q >= sc->n || (ch(sc, q) != '.' && ch(sc, q) != '-' &&
	    ch(sc, q) != '/'))
		return 0;
	sep = ch(sc, q);
	if ((e = uint_at(sc, q + 1, &m, 2)) == 0 || m < 1 || m > 12)
		return 0;
	q = e;
	if (q >= sc->n || ch(sc, q) != sep) {
		/* 2025-03 (a month), only with the ISO hyphen */
		if (sep != '-' || e - p != 7 || (q < sc->n &&
		    (sift_ascii_digit(ch(sc, q)) || sift_ascii_alpha(ch(sc, q)))))
			return 0;
		r->kind = R_POINT;
		r->a.year = y;
		r->a.month = m;
		return q;
	}
	if ((e = uint_at(sc, q + 1, &d, 2)) == 0 || d < 1 ||
	    d > days_in_month(y, m))
		return 0;
	q = e;
	if (sep == '.' && q < sc->n && ch(sc, q) == '.')
		q++;
	r->kind = R_POINT;
	r->a.year = y;
	r->a.month = m;
	r->a.day = d;
	/* a time: "T09:30", " 09:30", " 오후 2:10" */
	e = q < sc->n && ch(sc, q) == 'T' ? q + 1 : spaces(sc, q);
	if (e > q && (e = time_at(sc, e, &h, &mi)) != 0) {
		r->time_start = q + (ch(sc, q) == ' ');
		r->a.hour = h;
		r->a.minute = mi;
		q = e;
	}
	return q;
}

/* A weekday after a date: "(금)", " 금요일", "(金)"; returns the end or p. */
static size_t
weekday_after(struct scan *sc, size_t p)
{
	static const char *const short_days[] = {
		"월", "화", "수", "목", "금", "토", "일",
		"月", "火", "水", "木", "金", "土", "日"
	};
	size_t q = spaces(sc, p), e, k;

	if (q < sc->n && ch(sc, q) == '(') {
		for (k = 0; k < sizeof(short_days) / sizeof(short_days[0]);
		    k++)
			if ((e = lit(sc, q + 1, short_days[k])) != 0 &&
			    LIT(sc, e, ")"))
				return e + 1;
		return p;
	}
	if (word_kind_at(sc, q, W_WEEKDAY, &e) >= 0)
		return e;
	return p;
}

/* A range sign at p ("~", "-", "∼", "～", "〜", "–"): the end, or 0. */
static size_t
range_sep_at(struct scan *sc, size_t p)
{
	size_t e;

	if (p < sc->n && (ch(sc, p) == '~' || ch(sc, p) == '-'))
		return p + 1;
	if ((e = LIT(sc, p, "∼")) || (e = LIT(sc, p, "～")) ||
	    (e = LIT(sc, p, "〜")) || (e = LIT(sc, p, "–")))
		return e;
	return 0;
}

/* "~24일", "-24일", "∼7월": the end of a range in the same unit. */
static size_t
range_end(struct scan *sc, size_t p, const char *unit, int *v)
{
	size_t q, e;

	if ((q = range_sep_at(sc, p)) == 0)
		return 0;
	if ((e = uint_at(sc, q, v, 2)) == 0 || (e = lit(sc, e, unit)) == 0)
		return 0;
	return e;
}

/* "전", "후" or "뒤" as a word of its own at p ("3일 전에", not "전기"):
 * its end, or 0. */
static size_t
before_after_at(struct scan *sc, size_t p)
{
	size_t e;

	if (((e = LIT(sc, p, "전")) || (e = LIT(sc, p, "후")) ||
	    (e = LIT(sc, p, "뒤"))) && word_ends(sc, e))
		return e;
	return 0;
}

/*
 * Whether a length cue follows "N일" that ends at e: its particles, a
 * space, then a word such as 늦은, 연속, 걸린다 ("8일 늦은", "2~3일이
 * 걸린다").
 */
static int
length_cue_after(struct scan *sc, size_t e)
{
	size_t q = e, m;
	int i;

	if (!word_ends(sc, e))
		return 0;
	while (q < sc->n && sift_hangul_at(sc->s + q, sc->n - q))
		q += 3;		/* the particles */
	if (q >= sc->n || ch(sc, q) != ' ')
		return 0;
	q++;
	i = sift_lex_match(&word_lex, sc->s + q, sc->n - q, &m);
	return i >= 0 && word_info[i].kind == W_LENGTHCUE;
}

/* Whether "일" at p is a day of the month, not part of a duration ("3일간",
 * "3일째", "3일 동안", "3일 만에", "3일 전", "8일 늦은", "평균 5일"). */
static int
day_suffix_ok(struct scan *sc, size_t e)
{
	size_t q;

	if (LIT(sc, e, "간") || LIT(sc, e, "째") || LIT(sc, e, "차"))
		return 0;
	q = spaces(sc, e);
	if (q > e && (LIT(sc, q, "동안") || LIT(sc, q, "만에") ||
	    before_after_at(sc, q)))
		return 0;
	if (length_cue_after(sc, e))
		return 0;
	return word_ends(sc, e);
}

/* "평균 " before p: what follows is a length ("평균 5~7일"). */
static int
average_before(struct scan *sc, size_t p)
{
	return p >= 7 && memcmp(sc->s + p - 7, "평균 ", 7) == 0;
}

/*
 * Whether the text between the last named day and p only joins two dates
 * ("부터 ", "~", ", ", "과 "), so that a bare day at p shares its month.
 */
static int
continues_date(struct scan *sc, size_t p)
{
	static const char *const joins[] = {
		"부터 ", "부터 ~", "~", "∼", "-", "–", ", ", ",", "과 ", "와 ",
		"이나 ", "나 ", "또는 ", "에서 ", " ~ ", " ∼ ", "부터", "과",
		"와", "·"
	};
	size_t k, l, q = sc->ctx_end;

	if (!sc->have_ctx || p <= q || p - q > 12)
		return 0;
	/* a particle after the last date: "2일부터" */
	for (k = 0; k < sizeof(joins) / sizeof(joins[0]); k++) {
		l = strlen(joins[k]);
		if (q + l == p && memcmp(sc->s + q, joins[k], l) == 0)
			return 1;
	}
	return 0;
}

/*
 * The Korean chain [modifier] [year] [month [part]] [day] [weekday]
 * [time].  Returns the end or 0.
 */
static size_t
korean_date(struct scan *sc, size_t p0, struct result *r)
{
	size_t p = p0, q, e, last = 0;
	int mod = 0, has_mod = 0, i, v = 0, v2 = 0, h, mi;
	int y = 0, m = 0, d = 0, m2 = 0, d2 = 0;
	int yoff = 0, moff = 0, doff = 0, woff = 0, wday = 0;
	int has_y = 0, has_m = 0, has_d = 0, rel_y = 0, rel_m = 0, rel_d = 0;
	int ctx_d = 0, has_w = 0, half = 0, decade = 0, holiday = 0;
	int ctx_y = 0, ctx_m = 0, new_y = 0;
	int ypart = 0;		/* month of "말"/"초" of a year: 12 or 1 */

	if ((i = word_kind_at(sc, p, W_MODIFIER, &e)) >= 0 &&
	    !sift_ascii_alpha(ch(sc, p))) {
		mod = word_info[i].arg;
		has_mod = 1;
		p = spaces(sc, e);
	}
	/* a range of years: "2023~2025년", "2023년~2025년" */
	if (!has_mod && (q = uint_at(sc, p, &v, 4)) == p + 4 && v >= 1000) {
		size_t s2 = LIT(sc, q, "년") ? q + 3 : q, e2;
		int w = 0;

		if ((e2 = range_sep_at(sc, s2)) != 0 &&
		    uint_at(sc, e2, &w, 4) == e2 + 4 && w > v && w < v + 200 &&
		    (e2 = LIT(sc, e2 + 4, "년")) != 0 && !LIT(sc, e2, "대") &&
		    !LIT(sc, e2, "간")) {
			r->kind = R_RANGE;
			r->a.year = v;
			r->b.year = w;
			return e2;
		}
	}
	/* year */
	if ((q = uint_at(sc, p, &v, 4)) != 0 && (e = LIT(sc, q, "년")) != 0 &&
	    (v >= 1000 || (q - p == 2 && ((p > 0 && ch(sc, p - 1) == '\'') ||
	    (p >= 3 && LIT(sc, p - 3, "’")) || (LIT(sc, e, "대") &&
	    v % 10 == 0))))) {
		/* '97년; 90년대 is the 1990s, 20년대 the 2020s */
		y = v >= 100 ? v : LIT(sc, e, "대") ? (v >= 30 ? 1900 + v :
		    2000 + v) : v >= 50 ? 1900 + v : 2000 + v;
		has_y = 1;
		if ((q = LIT(sc, e, "대")) != 0) {
			decade = 1;	/* 1990년대 */
			e = q;
			if ((i = word_kind_at(sc, spaces(sc, e), W_PART, &q)) >=
			    0)
				e = q;
			else if ((i = word_kind_at(sc, e, W_PART, &q)) >= 0)
				e = q;
		} else if ((q = LIT(sc, e, "도")) != 0) {
			e = q;		/* 2025년도 */
		}
		last = p = e;
	} else if ((i = word_at(sc, p, &e)) < 0) {
		;		/* no year word: most dates start with a number */
	} else if (word_info[i].kind == W_CTXYEAR ||
	    word_info[i].kind == W_NEWYEAR) {
		/* "전년": the year before the one just named; "새해" */
		yoff = word_info[i].arg;
		has_y = rel_y = 1;
		ctx_y = word_info[i].kind == W_CTXYEAR;
		new_y = word_info[i].kind == W_NEWYEAR;
		last = p = e;
	} else if (word_info[i].kind == W_QUARTER &&
	    (word_info[i].arg != 0 || has_mod || !LIT(sc, p, "분기"))) {
		/* "지난 분기", "last quarter": a quarter relative to the
		 * document's (a bare 분기 is none: 분기마다, 분기 실적) */
		int qi;

		if (!need_doc(sc, r))
			return e;
		qi = sc->doc->year * 4 + (sc->doc->month - 1) / 3 +
		    word_info[i].arg + (has_mod ? mod : 0);
		r->kind = R_RANGE;
		r->a.year = r->b.year = qi / 4;
		r->a.month = (qi % 4) * 3 + 1;
		r->b.month = (qi % 4) * 3 + 3;
		return e;
	} else if (word_info[i].kind == W_YEAREND ||
	    word_info[i].kind == W_YEARSTART) {
		/* 연말, 지난 연초: the year's last or first month */
		yoff = word_info[i].arg;
		has_y = rel_y = 1;
		ypart = word_info[i].kind == W_YEAREND ? 12 : 1;
		last = p = e;
	} else if (word_info[i].kind == W_YEAR) {
		/* "올" is a year only before a month or "한 해" */
		if (e - p == 3 && LIT(sc, p, "올") && !(e < sc->n &&
		    ch(sc, e) == ' ' && (sift_ascii_digit(ch(sc, spaces(sc, e))) ||
		    LIT(sc, spaces(sc, e), "한 해") ||
		    word_kind_at(sc, spaces(sc, e), W_HALF, &q) >= 0)))
			return 0;
		yoff = word_info[i].arg;
		has_y = rel_y = 1;
		last = p = e;
		if ((q = LIT(sc, spaces(sc, p), "한 해")) != 0)
			last = p = q;
	}
	/* half or quarter of the year, part of the year */
	if (!has_y && !has_mod && (i = word_kind_at(sc, p, W_HALF, &e)) >= 0) {
		half = word_info[i].arg;	/* "1분기": this year's */
		last = p = e;
		if ((i = word_kind_at(sc, spaces(sc, p), W_PART, &e)) >= 0)
			last = p = e;		/* "3분기 말" */
	} else if (has_y && !decade) {
		q = spaces(sc, p);
		if ((i = word_kind_at(sc, q, W_HALF, &e)) >= 0 ||
		    (i = word_kind_at(sc, p, W_HALF, &e)) >= 0) {
			half = word_info[i].arg;
			last = p = e;
			if ((i = word_kind_at(sc, spaces(sc, p), W_PART, &e)) >=
			    0)
				last = p = e;	/* "2025년 3분기 말" */
		} else if (!ypart && ((i = word_kind_at(sc, q, W_PART, &e)) >= 0 ||
		    (i = word_kind_at(sc, p, W_PART, &e)) >= 0)) {
			/* 2025년 말 is December, 2025년 초 January; the
			 * middle of a year names no month */
			ypart = word_info[i].arg == 3 ? 12 :
			    word_info[i].arg == 1 ? 1 : 0;
			last = p = e;
			if (!ypart)
				ypart = -1;
		}
	}
	/* month */
	if (!decade && !half && !ypart) {
		size_t e1;

		q = has_y ? spaces(sc, p) : p;
		e1 = uint_at(sc, q, &v, 2);

		if (e1 != 0 && v >= 1 && v <= 12 &&
		    ((e = range_end(sc, e1, "월", &v2)) != 0 ||
		    ((e = LIT(sc, e1, "월")) != 0 &&
		    (e = range_end(sc, e, "월", &v2)) != 0)) &&
		    v2 > v && v2 <= 12) {
			/* 6∼7월, 6월∼7월 */
			m = v;
			m2 = v2;
			has_m = 1;
			last = p = e;
		} else if (e1 != 0 && v >= 1 && v <= 12 &&
		    (e = LIT(sc, e1, "월")) != 0 && !LIT(sc, e, "요일") &&
		    !LIT(sc, e, "드")) {
			m = v;
			has_m = 1;
			last = p = e;
		} else if (!has_y && (i = word_at(sc, q, &e)) >= 0 &&
		    (word_info[i].kind == W_MONTH ||
		    word_info[i].kind == W_CTXMONTH)) {
			moff = word_info[i].arg;
			has_m = rel_m = 1;
			ctx_m = word_info[i].kind == W_CTXMONTH;
			last = p = e;
		} else if ((i = word_kind_at(sc, q, W_HOLIDAY, &e)) >= 0) {
			/* 광복절, 지난해 크리스마스 */
			m = word_info[i].arg / 100;
			d = word_info[i].arg % 100;
			has_m = has_d = holiday = 1;
			last = p = e;
		}
		if (has_m && !m2 && !holiday) {
			q = spaces(sc, p);
			if ((i = word_kind_at(sc, q, W_PART, &e)) >= 0 ||
			    (i = word_kind_at(sc, p, W_PART, &e)) >= 0)
				last = p = e;	/* 3월 초, 3월말 */
		}
	}
	/* day */
	if (!decade && !half && !m2 && !holiday && !ypart) {
		q = has_y || has_m ? spaces(sc, p) : p;
		if ((e = uint_at(sc, q, &v, 2)) != 0 && v >= 1 && v <= 31 &&
		    (!has_y || has_m) && !(q == p0 && average_before(sc, p0))) {
			size_t e1 = LIT(sc, e, "일");

			if (e1 != 0 && range_end(sc, e1, "일", &v2) != 0 &&
			    v2 > v && v2 <= 31 && day_suffix_ok(sc,
			    range_end(sc, e1, "일", &v2))) {
				/* 7일∼13일 */
				d = v;
				d2 = v2;
				has_d = 1;
				last = p = range_end(sc, e1, "일", &v2);
			} else if (e1 != 0 && day_suffix_ok(sc, e1)) {
				d = v;
				has_d = 1;
				last = p = e1;
			} else if ((e1 = range_end(sc, e, "일", &v2)) != 0 &&
			    v2 > v && v2 <= 31 && day_suffix_ok(sc, e1)) {
				d = v;
				d2 = v2;
				has_d = 1;
				last = p = e1;
			}
		} else if (!has_y && !has_m &&
		    (i = word_at(sc, q, &e)) >= 0 &&
		    (word_info[i].kind == W_DAY ||
		    word_info[i].kind == W_CTXDAY)) {
			doff = word_info[i].arg;
			ctx_d = word_info[i].kind == W_CTXDAY;
			has_d = rel_d = 1;
			last = p = e;
		} else if (!has_y && !has_m &&
		    (i = word_kind_at(sc, q, W_WEEK, &e)) >= 0) {
			woff = word_info[i].arg;
			has_w = 1;
			last = p = e;
		} else if (!has_y && !has_m && !has_mod &&
		    (i = word_kind_at(sc, q, W_WEEKEND, &e)) >= 0) {
			/* 지난 주말: Saturday and Sunday */
			long today, sat;

			if (q >= 4 && memcmp(sc->s + q - 4, "첫 ", 4) == 0)
				return 0;	/* 개봉 첫 주말: no calendar date */
			r->kind = R_RANGE;
			if (!need_doc(sc, r))
				return e;
			today = days_from_civil(sc->doc->year, sc->doc->month,
			    sc->doc->day);
			sat = today - iso_weekday(today) + 6;
			if (word_info[i].arg == 99)
				sat -= iso_weekday(today) <= 3 ? 7 : 0;
			else
				sat += 7L * word_info[i].arg;
			civil_from_days(sat, &r->a.year, &r->a.month, &r->a.day);
			civil_from_days(sat + 1, &r->b.year, &r->b.month,
			    &r->b.day);
			return e;
		}
	}
	/* weekday: checks a date, or names one ("지난주 금요일", "오는 금요일") */
	if (!decade && !half) {
		q = spaces(sc, p);
		if ((has_d || has_w || has_mod) && !has_y && !has_m &&
		    (i = word_kind_at(sc, q, W_WEEKDAY, &e)) >= 0 &&
		    (!has_d || rel_d)) {
			if (!has_d) {
				wday = word_info[i].arg;
				last = p = e;
			}
		} else if (!has_y && !has_m && !has_d && !has_w &&
		    (i = word_kind_at(sc, q, W_WEEKDAY, &e)) >= 0 &&
		    !sift_ascii_alpha(ch(sc, q))) {
			wday = word_info[i].arg;
			last = p = e;
		} else if (has_d) {
			last = p = weekday_after(sc, p);
		}
	}
	if (last == 0)
		return 0;
	/* time */
	if (has_d || wday) {
		q = spaces(sc, p);
		if ((e = time_at(sc, q, &h, &mi)) != 0) {
			r->time_start = q;
			r->a.hour = h;
			r->a.minute = mi;
			last = p = e;
		}
	}

	/* resolve */
	r->kind = R_POINT;
	if (has_w && !wday) {
		struct sift_ymd t = { 0, 0, 0, -1, 0 };

		r->kind = R_WEEK;
		if (!need_doc(sc, r))
			return last;
		t = *sc->doc;
		add_days(&t, 7L * woff);
		iso_week(t.year, t.month, t.day, &r->week_year, &r->week);
		return last;
	}
	if (wday) {
		long today, target;
		int wd;

		if (!need_doc(sc, r))
			return last;
		today = days_from_civil(sc->doc->year, sc->doc->month,
		    sc->doc->day);
		wd = iso_weekday(today);
		if (has_w) {
			target = today + 7L * woff + (wday - wd);
		} else if (has_mod && mod > 0) {
			target = today + ((wday - wd + 7) % 7);
			if (target == today)
				target += 7;
		} else {
			/* "지난 금요일", or a bare "금요일": the last one */
			target = today - ((wd - wday + 7) % 7);
			if (has_mod && target == today)
				target -= 7;
		}
		civil_from_days(target, &r->a.year, &r->a.month, &r->a.day);
		return last;
	}
	if (rel_d) {
		struct sift_ymd base;

		if (ctx_d && sc->have_ctx) {
			base = sc->ctx;
			r->relative = 1;
		} else if (!need_doc(sc, r)) {
			return last;
		} else {
			base = *sc->doc;
		}
		add_days(&base, doff);
		r->a.year = base.year;
		r->a.month = base.month;
		r->a.day = base.day;
		return last;
	}
	if (decade) {
		r->kind = R_RANGE;
		r->a.year = y - y % 10;
		r->b.year = y - y % 10 + 9;
		return last;
	}
	if (has_y) {
		if (rel_y && ctx_y && sc->have_mctx) {
			y = sc->mctx.year + yoff;
			r->relative = 1;
		} else if (rel_y) {
			if (!need_doc(sc, r))
				return last;
			y = sc->doc->year + yoff;
			if (new_y && sc->doc->month >= 11)
				y++;
		}
		r->a.year = y;
		if (ypart > 0)
			r->a.month = ypart;
	}
	if (half) {
		r->kind = R_RANGE;
		if (!has_y) {
			if (!need_doc(sc, r))
				return last;
			r->a.year = sc->doc->year;
		}
		r->b.year = r->a.year;
		if (half <= 2) {
			r->a.month = half == 1 ? 1 : 7;
			r->b.month = half == 1 ? 6 : 12;
		} else {
			r->a.month = (half - 11) * 3 + 1;
			r->b.month = (half - 11) * 3 + 3;
		}
		return last;
	}
	if (has_m) {
		if (rel_m && ctx_m && sc->have_mctx && sc->mctx.month > 0) {
			y = sc->mctx.year;
			m = sc->mctx.month;
			add_months(&y, &m, moff);
			r->a.year = y;
			r->relative = 1;
		} else if (rel_m) {
			if (!need_doc(sc, r))
				return last;
			y = sc->doc->year;
			m = sc->doc->month;
			add_months(&y, &m, moff);
			r->a.year = y;
		} else if (!has_y) {
			if (!need_doc(sc, r))
				return last;
			r->a.year = resolve_month_year(sc->doc, m,
			    has_mod ? mod : 0);
		}
		r->a.month = m;
		if (m2) {
			r->kind = R_RANGE;
			r->b.year = r->a.year;
			r->b.month = m2;
			return last;
		}
	}
	if (has_d) {
		if (!has_m && !has_mod && continues_date(sc, p0)) {
			/* "내달 2일부터 6일까지", "3일과 5일": the month of
			 * the day just named */
			r->a.year = sc->ctx.year;
			r->a.month = sc->ctx.month;
			if (d < sc->ctx.day)
				add_months(&r->a.year, &r->a.month, 1);
			r->a.day = d;
			r->relative = 1;
			if (d > days_in_month(r->a.year, r->a.month))
				return 0;
		} else if (!has_m) {
			if (!need_doc(sc, r))
				return last;
			resolve_day(sc->doc, d, has_mod ? mod : 0, &r->a);
		} else {
			r->a.day = d;
			if (d > days_in_month(r->a.year, r->a.month))
				return 0;
		}
		if (d2) {
			r->kind = R_RANGE;
			r->b = r->a;
			r->b.day = d2;
			r->b.hour = -1;
			if (d2 > days_in_month(r->b.year, r->b.month))
				return 0;
		}
	}
	if (has_mod && !has_y && !has_m && !has_d)
		return 0;
	return last;
}

/*
 * A duration at p: "3년간", "6개월", "2주", "10일간", "1시간 50분",
 * "지난 10년", "하루", "한 달", and the relative points it makes with
 * 전/후/뒤 ("3년 전", "2주 뒤").  Returns the end or 0.
 */
static size_t
duration(struct scan *sc, size_t p0, struct result *r)
{
#define UNIT(w, c)	{ w, sizeof(w) - 1, c }
	static const struct {
		const char *unit;
		size_t len;
		char code;	/* Y M W D H m S */
	} units[] = {
		UNIT("개월", 'M'), UNIT("년", 'Y'), UNIT("주년", 'Y'),
		UNIT("주기", 'Y'), UNIT("주일", 'W'), UNIT("주", 'W'),
		UNIT("월", 'M'), UNIT("일", 'D'), UNIT("시간", 'H'),
		UNIT("분", 'm'), UNIT("초", 'S'), UNIT("달", 'M'),
	};
#undef UNIT
	size_t p = p0, q, e, k, m, last = 0;
	int v = 0, i, n = 0, approx, has_mod = 0, native = 0;
	double frac = 0;
	double val[8];
	char code[8];
	char buf[32];

	if ((i = word_kind_at(sc, p, W_MODIFIER, &e)) >= 0 &&
	    !sift_ascii_alpha(ch(sc, p)) && word_info[i].arg < 0) {
		has_mod = 1;
		p = spaces(sc, e);
	}
	if ((q = LIT(sc, p, "전반")) != 0 || (q = LIT(sc, p, "후반")) != 0) {
		/* "후반 32분": the match clock */
		q = spaces(sc, q);
		if ((e = uint_at(sc, q, &v, 2)) == 0 || (e = LIT(sc, e, "분")) ==
		    0 || !word_ends(sc, e))
			return 0;
		r->kind = R_DURATION;
		snprintf(r->dur, sizeof(r->dur), "PT%dM", v);
		return e;
	}
	if ((i = sift_lex_match(&word_lex, sc->s + p, sc->n - p, &m)) >= 0 &&
	    word_info[i].kind == W_DURATION && (word_ends(sc, p + m) ||
	    LIT(sc, p + m, "간") || LIT(sc, p + m, "째") ||
	    LIT(sc, p + m, "동안"))) {
		/* "P1M": one number, one unit */
		const char *dw = word_info[i].dur;

		val[0] = atoi(dw + 1);
		code[0] = dw[strlen(dw) - 1];
		n = 1;
		e = p + m;
		if (LIT(sc, e, "간") || LIT(sc, e, "째"))
			e += 3;
		last = p = e;
	} else {
		while (n < 8) {
			double dv;
			size_t used;

			q = n > 0 ? spaces(sc, p) : p;
			frac = 0;
			if (q < sc->n && sift_ascii_digit(ch(sc, q))) {
				size_t e2;
				int v2;

				if ((e = uint_at(sc, q, &v, 4)) == 0)
					break;
				frac = 0;
				if (e + 1 < sc->n && ch(sc, e) == '.' &&
				    sift_ascii_digit(ch(sc, e + 1))) {
					/* "9.2년": P9.2Y */
					double scale = 0.1;

					for (e++; e < sc->n && sift_ascii_digit(ch(sc, e));
					    e++) {
						frac += (ch(sc, e) - '0') * scale;
						scale /= 10;
					}
				}
				/* "2~3개월": a range of lengths, the low end
				 * is the value (as numbers.c does) */
				if (n == 0 && (e2 = range_sep_at(sc, e)) != 0 &&
				    (e2 = uint_at(sc, e2, &v2, 4)) != 0 &&
				    v2 > v)
					e = e2;
			} else if (n == 0 && (used = sift_parse_numeral(sc->s + q,
			    sc->n - q, &dv)) > 0 && dv < 100 &&
			    !sift_ascii_alpha(ch(sc, q))) {
				native = 1;
				/* "세 시간", "두 주" */
				e = q + used;
				v = (int)dv;
				if (e < sc->n && ch(sc, e) == ' ')
					e++;
			} else {
				break;
			}
			approx = 0;
			if (LIT(sc, e, "여")) {
				e += 3;
				approx = 1;
			}
			e = approx ? spaces(sc, e) : e;
			for (k = 0; k < sizeof(units) / sizeof(units[0]); k++)
				if (lit_n(sc, e, units[k].unit, units[k].len))
					break;
			if (k == sizeof(units) / sizeof(units[0]))
				break;
			q = lit_n(sc, e, units[k].unit, units[k].len);
			/* "14일" alone is a day of the month, "3월" a month */
			if (units[k].code == 'D' && !(LIT(sc, q, "간") ||
			    LIT(sc, q, "째") || LIT(sc, spaces(sc, q), "동안") ||
			    LIT(sc, spaces(sc, q), "만") ||
			    before_after_at(sc, spaces(sc, q)) ||
			    length_cue_after(sc, q) ||
			    average_before(sc, p0) || n > 0))
				break;
			if (units[k].code == 'W' && v >= 100)
				break;	/* 100만주: shares */
			/* "월" only after years: 징역 2년6월 */
			if (strcmp(units[k].unit, "월") == 0 && (n == 0 ||
			    code[n - 1] != 'Y'))
				break;
			if (units[k].code == 'm' && LIT(sc, q, "의"))
				break;	/* 3분의 1 */
			if (units[k].code == 'm' && LIT(sc, q, "기"))
				break;	/* 1분기 */
			if (units[k].code == 'Y' && (LIT(sc, q, "대") ||
			    LIT(sc, q, "도") || LIT(sc, q, "차")))
				break;
			if (units[k].code == 'M' && k == 8 && v == 0)
				break;
			if (n > 0 && strchr("YMWDHmS", code[n - 1]) >
			    strchr("YMWDHmS", units[k].code))
				break;
			if (!(LIT(sc, q, "간") || LIT(sc, q, "째")) &&
			    !word_ends(sc, q) && !LIT(sc, q, "분") &&
			    !before_after_at(sc, q))
				break;	/* "10년전" is fine, "3년차" is not */
			if (native && units[k].code == 'm')
				break;	/* "두 분": two persons */
			val[n] = v + frac;
			code[n] = units[k].code;
			n++;
			last = p = q;
			if (LIT(sc, p, "간") || LIT(sc, p, "째")) {
				last = p = p + 3;
				break;
			}
		}
		if (n == 0)
			return 0;
	}
	/* 동안, 만에: part of the span; 전/후/뒤: a point in time */
	q = spaces(sc, p);
	if ((e = LIT(sc, q, "동안")) != 0) {
		last = p = e;
	} else if (n == 1 && !has_mod && (e = before_after_at(sc, q)) != 0 &&
	    strchr("YMWD", code[0]) != NULL) {
		int sign = LIT(sc, q, "전") ? -1 : 1;

		r->kind = R_POINT;
		last = e;
		if (!need_doc(sc, r))
			return last;
		r->a.year = sc->doc->year;
		if (code[0] == 'Y') {
			r->a.year += sign * (int)val[0];
		} else if (code[0] == 'M') {
			r->a.month = sc->doc->month;
			add_months(&r->a.year, &r->a.month,
			    sign * (int)val[0]);
		} else {
			r->a.month = sc->doc->month;
			r->a.day = sc->doc->day;
			add_days(&r->a, (long)sign * (long)val[0] *
			    (code[0] == 'W' ? 7 : 1));
		}
		return last;
	}
	r->kind = R_DURATION;
	if (n > 0) {
		size_t len = 0;
		int t = 0;

		buf[len++] = 'P';
		for (k = 0; k < (size_t)n; k++) {
			char c = code[k];

			if (!t && (c == 'H' || c == 'm' || c == 'S')) {
				buf[len++] = 'T';
				t = 1;
			}
			if (!signbit(val[k]) && val[k] < 1e6 &&
			    val[k] == (double)(long)val[k] &&
			    len + 8 < sizeof(buf)) {
				/* whole numbers as %.6g writes them, without
				 * printf's cost */
				char d[8];
				long x = (long)val[k];
				size_t nd = 0;

				do {
					d[nd++] = (char)('0' + x % 10);
					x /= 10;
				} while (x);
				while (nd)
					buf[len++] = d[--nd];
				buf[len++] = c == 'm' ? 'M' : c;
				buf[len] = '\0';
			} else {
				len += (size_t)snprintf(buf + len,
				    sizeof(buf) - len, "%.6g%c", val[k],
				    c == 'm' ? 'M' : c);
			}
			if (len >= sizeof(buf) - 1)
				return 0;
		}
		buf[len] = '\0';
		memcpy(r->dur, buf, len + 1);
	}
	return last;
}

/*
 * Could the numeral that sift_parse_numeral reads at the digit at p be
 * followed by a space?  A cheap test that is never wrong when it says no,
 * run before the parse: such a numeral is a run of digits, ',' and '.',
 * then only a scale (만 억 조 천 백), 여, or an English scale word after
 * a space or letter ("3 million"); after any other character the
 * numeral ended inside the run or right at its end, before no space.
 */
static int
digit_numeral_may_end_in_space(struct scan *sc, size_t p)
{
	size_t j = p;
	int c;

	while (j < sc->n && (sift_ascii_digit(ch(sc, j)) || ch(sc, j) == ',' ||
	    ch(sc, j) == '.'))
		j++;
	c = ch(sc, j);
	if (c == ' ' || sift_ascii_alpha(c))
		return 1;
	return LIT(sc, j, "만") || LIT(sc, j, "억") || LIT(sc, j, "조") ||
	    LIT(sc, j, "천") || LIT(sc, j, "백") || LIT(sc, j, "여");
}

/* "three years", "6 months", "two weeks": an English duration. */
static size_t
english_duration(struct scan *sc, size_t p, struct result *r)
{
	static const struct {
		const char *unit;
		const char *fmt;
	} units[] = {
		{ "years", "P%gY" }, { "year", "P%gY" },
		{ "months", "P%gM" }, { "month", "P%gM" },
		{ "weeks", "P%gW" }, { "week", "P%gW" },
		{ "days", "P%gD" }, { "day", "P%gD" },
		{ "hours", "PT%gH" }, { "hour", "PT%gH" },
		{ "minutes", "PT%gM" }, { "minute", "PT%gM" },
		{ "seconds", "PT%gS" }, { "second", "PT%gS" },
	};
	size_t used, k, l, q;
	double v;

	if (sift_ascii_digit(ch(sc, p)) && !digit_numeral_may_end_in_space(sc, p))
		return 0;
	if ((used = sift_parse_numeral(sc->s + p, sc->n - p, &v)) == 0 ||
	    p + used >= sc->n || ch(sc, p + used) != ' ')
		return 0;
	q = p + used + 1;
	for (k = 0; k < sizeof(units) / sizeof(units[0]); k++) {
		l = strlen(units[k].unit);
		if (lit_n(sc, q, units[k].unit, l) && (q + l == sc->n ||
		    !sift_ascii_alpha(ch(sc, q + l)))) {
			r->kind = R_DURATION;
			snprintf(r->dur, sizeof(r->dur), units[k].fmt, v);
			return q + l;
		}
	}
	return 0;
}

/*
 * A month name with no day or year after it is a date only after a word
 * that governs a time ("in March", "since June", "early May"), and only
 * spelt out: "May I", "March on" and "Jan said" are no dates.  Returns 0,
 * 1, or 2 after "since" (the last such month before the document).
 */
static int
bare_month_ok(struct scan *sc, size_t p, size_t e)
{
	/* "since" first: the month is in the past */
	static const char *const cues[] = {
		"since", "in", "until", "till", "by", "from", "through",
		"during", "before", "after", "early", "late", "mid", "of",
		"between", "and", "to", "this", NULL
	};
	size_t b, a, k;

	if (e < sc->n && sift_ascii_alpha(ch(sc, e)))
		return 0;
	/* spelt out: "Mar", "Jun", "Sept" are abbreviations, which need a
	 * day */
	if (e - p < 5 && !LIT(sc, p, "May") && !LIT(sc, p, "June") &&
	    !LIT(sc, p, "July"))
		return 0;
	if (p < 2 || (ch(sc, p - 1) != ' ' && ch(sc, p - 1) != '-'))
		return 0;
	a = p - 1;
	b = a;
	while (b > 0 && sift_ascii_alpha(ch(sc, b - 1)))
		b--;
	if (b == a)
		return 0;
	for (k = 0; cues[k] != NULL; k++) {
		size_t n = strlen(cues[k]), j;

		if (n != a - b)
			continue;
		for (j = 0; j < n; j++)
			if ((ch(sc, b + j) | 0x20) != cues[k][j])
				break;
		if (j == n)
			return k == 0 ? 2 : 1;
	}
	return 0;
}

/*
 * English: "March 14, 2025", "Mar. 14", "March 2025", "14 March 2025",
 * "last Tuesday", "yesterday", "next week".
 */
static size_t
english_date(struct scan *sc, size_t p, struct result *r)
{
	size_t q, e;
	int i, m = 0, d = 0, y = 0, v = 0;

	if (sift_ascii_digit(ch(sc, p))) {
		/* 14 March 2025 */
		if ((q = uint_at(sc, p, &d, 2)) == 0 || d < 1 || d > 31)
			return 0;
		if (q >= sc->n || ch(sc, q) != ' ')
			return 0;
		if ((i = word_kind_at(sc, q + 1, W_MONTHNAME, &e)) < 0 ||
		    ch(sc, q + 1) < 'A' || ch(sc, q + 1) > 'Z')
			return 0;
		m = word_info[i].arg;
		q = e;
		if (q + 5 <= sc->n && ch(sc, q) == ' ' &&
		    (e = uint_at(sc, q + 1, &v, 4)) == q + 5) {
			y = v;
			q = e;
		}
	} else if ((i = word_kind_at(sc, p, W_MONTHNAME, &e)) >= 0 &&
	    ch(sc, p) >= 'A' && ch(sc, p) <= 'Z') {
		m = word_info[i].arg;
		q = e;
		if (q < sc->n && ch(sc, q) == ' ' &&
		    (e = uint_at(sc, q + 1, &v, 4)) != 0) {
			if (e - q - 1 == 4) {
				y = v;		/* March 2025 */
				q = e;
			} else if (v >= 1 && v <= 31) {
				d = v;
				q = e;
				if (LIT(sc, q, "st") || LIT(sc, q, "nd") ||
				    LIT(sc, q, "rd") || LIT(sc, q, "th"))
					q += 2;
				e = q;
				if (e < sc->n && ch(sc, e) == ',')
					e++;
				if (e < sc->n && ch(sc, e) == ' ' &&
				    uint_at(sc, e + 1, &v, 4) == e + 5) {
					y = v;
					q = e + 5;
				}
			} else {
				return 0;
			}
		} else if ((v = bare_month_ok(sc, p, q)) != 0) {
			/* "in March": the nearest March, as "3월" */
			r->kind = R_POINT;
			r->a.month = m;
			if (need_doc(sc, r))
				r->a.year = resolve_month_year(sc->doc, m,
				    v == 2 ? -1 : 0);
			return q;
		} else {
			return 0;
		}
	} else if ((i = word_at(sc, p, &e)) >= 0 && sift_ascii_alpha(ch(sc, p))) {
		if (word_info[i].kind == W_MODIFIER) {
			/* last Tuesday, next Friday */
			int j;
			size_t e2;
			long today, target;
			int wd;

			if (e >= sc->n || ch(sc, e) != ' ')
				return 0;
			j = word_kind_at(sc, e + 1, W_MONTHNAME, &e2);
			if (j >= 0 && ch(sc, e + 1) >= 'A' && ch(sc, e + 1) <= 'Z' &&
			    e2 - (e + 1) >= 3 && (e2 >= sc->n ||
			    ch(sc, e2) != '.') && word_info[i].arg != 0) {
				/* "last March", "next June" */
				r->kind = R_POINT;
				r->a.month = word_info[j].arg;
				if (need_doc(sc, r))
					r->a.year = resolve_month_year(sc->doc,
					    word_info[j].arg, word_info[i].arg);
				return e2;
			}
			j = word_kind_at(sc, e + 1, W_WEEKDAY, &e2);
			if (j < 0 || !sift_ascii_alpha(ch(sc, e + 1)))
				return 0;
			r->kind = R_POINT;
			if (!need_doc(sc, r))
				return e2;
			today = days_from_civil(sc->doc->year, sc->doc->month,
			    sc->doc->day);
			wd = iso_weekday(today);
			if (word_info[i].arg > 0) {
				target = today + ((word_info[j].arg - wd + 7) %
				    7);
				if (target == today)
					target += 7;
			} else if (word_info[i].arg < 0) {
				target = today - ((wd - word_info[j].arg + 7) %
				    7);
				if (target == today)
					target -= 7;
			} else {
				target = today + (word_info[j].arg - wd);
			}
			civil_from_days(target, &r->a.year, &r->a.month,
			    &r->a.day);
			return e2;
		}
		if (word_info[i].kind == W_WEEKDAY && ch(sc, p) >= 'A' &&
		    ch(sc, p) <= 'Z') {
			long today, target;

			r->kind = R_POINT;
			if (!need_doc(sc, r))
				return e;
			today = days_from_civil(sc->doc->year, sc->doc->month,
			    sc->doc->day);
			target = today - ((iso_weekday(today) -
			    word_info[i].arg + 7) % 7);
			civil_from_days(target, &r->a.year, &r->a.month,
			    &r->a.day);
			return e;
		}
		return 0;	/* "yesterday", "last year": korean_date() */
	} else {
		return 0;
	}
	r->kind = R_POINT;
	r->a.month = m;
	r->a.day = d;
	if (y) {
		r->a.year = y;
	} else if (need_doc(sc, r)) {
		r->a.year = sc->doc->year;
	}
	if (d && r->a.year && d > days_in_month(r->a.year, m))
		return 0;
	/* a time after it: "March 14, 2025, 9:30 a.m." is rare; skip */
	return q;
}

/*
 * A bare year: "2014 브라질 월드컵", "in 2025", "(2019)".  Four digits in
 * 1900..2100, not part of a longer number or code and not followed by a
 * unit (numbers.c takes "2000명").
 */
static size_t
bare_year(struct scan *sc, size_t p, struct result *r)
{
	size_t q;
	int v = 0;
	unsigned char c;

	if ((q = uint_at(sc, p, &v, 4)) != p + 4 || v < 1900 || v > 2100)
		return 0;
	if (p >= 3 && sift_hangul_at(sc->s + p - 3, 3))
		return 0;	/* "8만2000㎡" */
	if (p > 0 && (sift_ascii_alpha(ch(sc, p - 1)) || ch(sc, p - 1) == '.' ||
	    ch(sc, p - 1) == '-' || ch(sc, p - 1) == ',' ||
	    ch(sc, p - 1) == '/' || ch(sc, p - 1) == ':'))
		return 0;
	if (q < sc->n) {
		c = (unsigned char)ch(sc, q);
		if (sift_ascii_alpha(c) || c == '-' || c == '/' || c == ':' ||
		    c == '%' || c == '~')
			return 0;
		if ((c == '.' || c == ',') && q + 1 < sc->n &&
		    sift_ascii_digit(ch(sc, q + 1)))
			return 0;
		if (c >= 0x80 && !word_ends(sc, q))
			return 0;
		if (c == ' ' && q + 1 < sc->n && (sift_ascii_digit(ch(sc, q + 1)) ||
		    LIT(sc, q + 1, "년") || LIT(sc, q + 1, "명") ||
		    LIT(sc, q + 1, "개") || LIT(sc, q + 1, "원")))
			return 0;
	}
	r->kind = R_POINT;
	r->a.year = v;
	return q;
}

/* "the 2030s": a decade in English. */
static size_t
english_decade(struct scan *sc, size_t p, struct result *r)
{
	size_t q;
	int v = 0;

	if ((q = uint_at(sc, p, &v, 4)) != p + 4 || v < 1000 || v % 10 != 0 ||
	    q >= sc->n || ch(sc, q) != 's' ||
	    (q + 1 < sc->n && sift_ascii_alpha(ch(sc, q + 1))) ||
	    (p > 0 && (sift_ascii_alpha(ch(sc, p - 1)) ||
	    sift_ascii_digit(ch(sc, p - 1)))))
		return 0;
	r->kind = R_RANGE;
	r->a.year = v;
	r->b.year = v + 9;
	return q + 1;
}

/* A clock time alone: "오후 8시", "14:30".  Value "T20:00". */
static size_t
time_only(struct scan *sc, size_t p, struct result *r)
{
	size_t e, q;
	int h, mi, h2, i, add = 0;

	if (p > 0 && (sift_ascii_digit(ch(sc, p - 1)) || ch(sc, p - 1) == ':' ||
	    ch(sc, p - 1) == '.'))
		return 0;
	/* "오후 2∼3시", "오후 5시∼8시": a range of clock times */
	q = p;
	if ((i = word_kind_at(sc, q, W_DAYTIME, &e)) >= 0 &&
	    !sift_ascii_alpha(ch(sc, q))) {
		add = word_info[i].arg;
		q = spaces(sc, e);
	}
	if ((e = uint_at(sc, q, &h, 2)) != 0 && h <= 24) {
		size_t e2 = LIT(sc, e, "시");

		if ((e2 = range_sep_at(sc, e2 ? e2 : e)) != 0 &&
		    (e2 = uint_at(sc, e2, &h2, 2)) != 0 && h2 <= 24 &&
		    h2 > h && (e2 = LIT(sc, e2, "시")) != 0 &&
		    !LIT(sc, e2, "간") && word_ends(sc, e2)) {
			if (add == 12 && h2 < 12) {
				h += h < 12 ? 12 : 0;
				h2 += 12;
			}
			r->kind = R_TIME;
			r->a.hour = h % 24;
			r->b.hour = h2 % 24;
			r->time_start = p;
			return e2;
		}
	}
	if ((e = time_at(sc, p, &h, &mi)) == 0)
		return 0;
	r->kind = R_TIME;
	r->a.hour = h;
	r->a.minute = mi;
	r->time_start = p;
	return e;
}

/* Try the readings that may start at p; the end of the match or 0. */
static size_t
date_at(struct scan *sc, size_t p, struct result *r)
{
	unsigned char c = (unsigned char)ch(sc, p);
	size_t e;

	memset(r, 0, sizeof(*r));
	ymd_clear(&r->a);
	ymd_clear(&r->b);
	if (sift_ascii_digit(c)) {
		if ((e = numeric_date(sc, p, r)) != 0)
			return e;
		if ((e = english_date(sc, p, r)) != 0)
			return e;
	}
	if (sift_ascii_alpha(c) && (e = english_date(sc, p, r)) != 0)
		return e;
	if ((sift_ascii_alpha(c) || sift_ascii_digit(c)) && (e = english_duration(sc, p, r)) !=
	    0)
		return e;
	memset(r, 0, sizeof(*r));
	ymd_clear(&r->a);
	ymd_clear(&r->b);
	if ((e = korean_date(sc, p, r)) != 0)
		return e;
	memset(r, 0, sizeof(*r));
	ymd_clear(&r->a);
	ymd_clear(&r->b);
	if ((e = time_only(sc, p, r)) != 0)
		return e;
	memset(r, 0, sizeof(*r));
	ymd_clear(&r->a);
	ymd_clear(&r->b);
	if ((e = duration(sc, p, r)) != 0)
		return e;
	memset(r, 0, sizeof(*r));
	ymd_clear(&r->a);
	ymd_clear(&r->b);
	if (sift_ascii_digit(c) && (e = english_decade(sc, p, r)) != 0)
		return e;
	if (sift_ascii_digit(c) && (e = bare_year(sc, p, r)) != 0)
		return e;
	return 0;
}

/* Write r's ISO 8601 value; returns its length (0 if it has none). */
static size_t
format_result(const struct result *r, char iso[32])
{
	char b[32];
	size_t la, lb;
	int k = 0;

	iso[0] = '\0';
	if (r->unresolved)
		return 0;
	switch (r->kind) {
	case R_POINT:
		return sift_ymd_format(&r->a, iso);
	case R_RANGE:
		la = sift_ymd_format(&r->a, iso);
		lb = sift_ymd_format(&r->b, b);
		if (la == 0 || lb == 0 || la + 1 + lb >= 32) {
			iso[0] = '\0';
			return 0;
		}
		iso[la] = '/';
		memcpy(iso + la + 1, b, lb + 1);
		return la + 1 + lb;
	case R_DURATION:
		k = snprintf(iso, 32, "%s", r->dur);
		break;
	case R_WEEK:
		k = snprintf(iso, 32, "%04d-W%02d", r->week_year, r->week);
		break;
	case R_TIME:
		if (r->b.hour >= 0)
			k = snprintf(iso, 32, "T%02d:%02d/T%02d:%02d",
			    r->a.hour, r->a.minute, r->b.hour, r->b.minute);
		else
			k = snprintf(iso, 32, "T%02d:%02d", r->a.hour,
			    r->a.minute);
		break;
	}
	return k > 0 ? (size_t)k : 0;
}

static void
push(struct sift_dates *out, size_t start, size_t end,
    const struct result *r)
{
	struct sift_date *x;

	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = sift_xrealloc(out->v, out->cap * sizeof(*out->v));
	}
	x = &out->v[out->n++];
	x->start = start;
	x->end = end;
	format_result(r, x->value);
	x->time_start = r->time_start ? r->time_start : end;
	x->flags = 0;
	if (r->relative)
		x->flags |= SIFT_DATE_RELATIVE;
	if (r->unresolved)
		x->flags |= SIFT_DATE_UNRESOLVED;
	if (r->kind == R_TIME)
		x->flags |= SIFT_DATE_TIME_ONLY;
	if (r->kind == R_DURATION)
		x->flags |= SIFT_DATE_DURATION;
}

/* "전반", "후반": a match clock follows (see duration()). */
static int
starts_match_clock(const char *s, size_t n)
{
	return (n >= 6 && (memcmp(s, "전반", 6) == 0 ||
	    memcmp(s, "후반", 6) == 0));
}

/* Whether a date may start at the English word at p: a table word or a
 * numeral word begins there ("last", "March", "three"). */
static int
may_start_english(struct scan *sc, size_t p)
{
	size_t m;
	double v;

	if (sift_lex_may_start(&word_lex, sc->s + p, sc->n - p) &&
	    sift_lex_match(&word_lex, sc->s + p, sc->n - p, &m) >= 0)
		return 1;
	return sift_numeral_word_may_start(sc->s + p, sc->n - p) &&
	    sift_parse_numeral(sc->s + p, sc->n - p, &v) > 0;
}

/*
 * Whether a date may start at the Hangul word at p: a table word, a
 * numeral word ("두 달", "세 시간") or a match clock.  Most words are none
 * of these, and this keeps the grammar from being tried on them.
 */
static const struct sift_lexicon *native;	/* sift_numeral_lexicon() */

static int
may_start_date(struct scan *sc, size_t p)
{
	size_t e;
	double v;

	if (sift_lex_may_start_hangul(&word_lex,
	    (const unsigned char *)sc->s + p, sc->n - p) &&
	    sift_lex_match(&word_lex, sc->s + p, sc->n - p, &e) >= 0)
		return 1;	/* "이틀간" ends no word, yet starts a date */
	/* the numeral test inline: it runs at most Hangul words */
	if (native == NULL)
		native = sift_numeral_lexicon();
	if (sift_lex_may_start_hangul(native, (const unsigned char *)sc->s + p,
	    sc->n - p) && sift_parse_numeral(sc->s + p, sc->n - p, &v) > 0)
		return 1;
	return starts_match_clock(sc->s + p, sc->n - p);
}

/* Record the date r at text[start..end); a day it names becomes the day
 * "이날" refers to. */
static void
found(struct scan *sc, struct sift_dates *out, size_t start, size_t end,
    const struct result *r)
{
	push(out, start, end, r);
	if (r->kind == R_POINT && r->a.day > 0 && !r->unresolved) {
		sc->ctx = r->a;
		sc->ctx_end = end;
		sc->have_ctx = 1;
	}
	if ((r->kind == R_POINT || r->kind == R_RANGE) && r->a.year > 0 &&
	    !r->unresolved) {
		sc->mctx = r->a;
		sc->have_mctx = 1;
	}
}

size_t
sift_find_dates(const char *text, size_t n, const struct sift_ymd *doc_date,
    struct sift_dates *out)
{
	struct scan sc;
	struct result r;
	size_t i = 0, e;
	int prev_word = 0;	/* the previous character was a letter or digit */
	unsigned char c;

	load_tables();
	memset(&sc, 0, sizeof(sc));
	sc.s = text;
	sc.n = n;
	sc.doc = doc_date != NULL && doc_date->year > 0 ? doc_date : NULL;
	out->n = 0;
	while (i < n) {
		c = (unsigned char)text[i];
		if (c < 0x80) {
			int start = 0;

			if (sift_ascii_digit(c))
				/* after a letter or digit it is part of a
				 * code ("A380"); after Hangul it may be a
				 * date run into its word ("지난19일") */
				start = !prev_word || (i >= 3 &&
				    sift_hangul_at(text + i - 3, 3));
			else if (sift_ascii_alpha(c) && !prev_word)
				start = may_start_english(&sc, i);
			if (start && (e = date_at(&sc, i, &r)) > i) {
				found(&sc, out, i, e, &r);
				i = e;
				prev_word = 1;
				continue;
			}
			if (sift_ascii_digit(c) || sift_ascii_alpha(c)) {
				/* skip the rest of the word */
				while (i < n && (sift_ascii_digit(text[i]) ||
				    sift_ascii_alpha(text[i])))
					i++;
				prev_word = 1;
				continue;
			}
			prev_word = 0;
			i++;
			continue;
		}
		if (c >= 0xEA && c <= 0xED && i + 2 < n) {
			/* most words start no date: look them up only if
			 * a date word or numeral word may start here */
			if (!prev_word && may_start_date(&sc, i) &&
			    (e = date_at(&sc, i, &r)) > i) {
				found(&sc, out, i, e, &r);
				i = e;
				prev_word = 1;
				continue;
			}
			/* no date starts inside a word: skip it */
			i += 3;
			while (i + 2 < n && (unsigned char)text[i] >= 0xEA &&
			    (unsigned char)text[i] <= 0xED)
				i += 3;
			prev_word = 1;
			continue;
		}
		prev_word = 0;
		i += c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	}
	return out->n;
}

void
sift_dates_release(struct sift_dates *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

/*
 * For a date line: the first absolute date (numeric, Korean with a year,
 * English with a year, or 8 digits "20250314"), with the time after it.
 */
int
sift_parse_date(const char *s, size_t n, char iso[32], struct sift_ymd *ymd)
{
	struct scan sc;
	struct result r;
	size_t i, e;
	char tmp[32];

	load_tables();
	memset(&sc, 0, sizeof(sc));
	sc.s = s;
	sc.n = n;
	if (iso == NULL)
		iso = tmp;
	iso[0] = '\0';
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (i > 0 && (sift_ascii_digit(s[i - 1]) || sift_ascii_alpha(s[i - 1])))
			continue;
		if (!sift_ascii_digit(c) && !sift_ascii_alpha(c))
			continue;
		memset(&r, 0, sizeof(r));
		ymd_clear(&r.a);
		ymd_clear(&r.b);
		e = 0;
		if (sift_ascii_digit(c)) {
			if ((e = numeric_date(&sc, i, &r)) == 0 ||
			    r.a.day == 0) {
				memset(&r, 0, sizeof(r));
				ymd_clear(&r.a);
				e = korean_date(&sc, i, &r);
			}
			if (e == 0 || r.kind != R_POINT || r.unresolved ||
			    r.a.year == 0) {
				memset(&r, 0, sizeof(r));
				ymd_clear(&r.a);
				e = english_date(&sc, i, &r);
			}
			if ((e == 0 || r.kind != R_POINT || r.unresolved ||
			    r.a.year == 0) && i + 8 <= n &&
			    (i + 8 == n || !sift_ascii_digit(s[i + 8]))) {
				/* 20250314 */
				int v = 0, y, m, d;

				memset(&r, 0, sizeof(r));
				ymd_clear(&r.a);
				if (uint_at(&sc, i, &v, 8) == i + 8) {
					y = v / 10000;
					m = v / 100 % 100;
					d = v % 100;
					if (y >= 1900 && y <= 2100 && m >= 1 &&
					    m <= 12 && d >= 1 &&
					    d <= days_in_month(y, m)) {
						r.kind = R_POINT;
						r.a.year = y;
						r.a.month = m;
						r.a.day = d;
						e = i + 8;
					}
				}
			}
		} else {
			e = english_date(&sc, i, &r);
		}
		if (e == 0 || r.kind != R_POINT || r.unresolved ||
		    r.a.year == 0)
			continue;
		/* a time later on the line: "2024.03.14. 오후 2:10" */
		if (r.a.day > 0 && r.a.hour < 0) {
			size_t k;
			int h, mi;

			for (k = e; k < n && k < e + 40; k++) {
				if (k > 0 && (sift_ascii_digit(s[k - 1]) ||
				    s[k - 1] == ':'))
					continue;
				if ((sift_ascii_digit(s[k]) || sift_hangul_at(s + k,
				    n - k)) && time_at(&sc, k, &h, &mi) != 0) {
					r.a.hour = h;
					r.a.minute = mi;
					break;
				}
			}
		}
		sift_ymd_format(&r.a, iso);
		if (ymd != NULL)
			*ymd = r.a;
		return 0;
	}
	if (ymd != NULL)
		ymd_clear(ymd);
	return -1;
}
