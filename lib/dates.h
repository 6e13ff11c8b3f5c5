/*
 * dates.h - dates and times in running text, as ISO 8601 values.
 *
 * sift_parse_date reads one date line (a page's "기사입력" line or
 * meta.date) and is what sift-clean uses; sift_find_dates scans running
 * text for every date expression and resolves the relative ones ("14일",
 * "지난 3월", "지난해", "어제", "last Tuesday") against the document date.
 *
 * Values are ISO 8601 at the precision the text gives:
 *	2025              a year ("2025년", "올해" with a 2025 document)
 *	2025-02           a month ("2025년 2월", "지난달")
 *	2025-02-03        a day ("3일", "어제", "이날")
 *	2025-02-03T20:00  a day with a time ("2월 3일 오후 8시")
 *	2025-W12          an ISO week ("다음 주")
 *	2025-01/2025-06   an interval ("상반기", "9~24일", "1990년대", "주말")
 *	P3Y, PT1H50M      a duration ("3년간", "1시간 50분"): SIFT_DATE_DURATION
 *	T20:00            a clock time with no date ("오후 8시"):
 *	                  SIFT_DATE_TIME_ONLY
 * Month names, weekday names, holidays and relative words live in
 * data/dates-words.tsv; docs/numbers-dates.md gives the resolution rules.
 *
 * The word table is loaded on first use into static storage (not
 * thread-safe on that first call; afterwards read-only).
 */
#ifndef SIFT_DATES_H
#define SIFT_DATES_H

#include <stddef.h>

/* A broken-down date: 0 = unknown for year/month/day/minute, -1 = unknown
 * for hour (0 is midnight). */
struct sift_ymd {
	int year, month, day, hour, minute;
};

/* flags */
#define SIFT_DATE_RELATIVE	0x1	/* resolved against the document date or
					 * a date named earlier in the text */
#define SIFT_DATE_UNRESOLVED	0x2	/* relative, but no document date: value is "" */
#define SIFT_DATE_TIME_ONLY	0x4	/* a clock time with no date: value "T20:00" */
#define SIFT_DATE_DURATION	0x8	/* a length of time: value "P3Y", "PT1H50M" */

struct sift_date {
	size_t start, end;	/* byte span in text, end exclusive */
	char value[32];		/* ISO 8601 (see above); "" when unresolved */
	size_t time_start;	/* where a time part ("오후 8시") starts; == end if none */
	unsigned flags;		/* SIFT_DATE_* */
};

struct sift_dates {
	struct sift_date *v;
	size_t n, cap;
};

#define SIFT_DATES_INIT { NULL, 0, 0 }

/*
 * Find date expressions in text[0..n) (UTF-8), in order, into out (reset
 * first, array reused across calls).  doc_date (may be NULL) anchors the
 * relative forms; without it they are still reported, with an empty value
 * and SIFT_DATE_UNRESOLVED, so that callers can count or drop them.
 * Returns out->n.
 */
size_t sift_find_dates(const char *text, size_t n,
    const struct sift_ymd *doc_date, struct sift_dates *out);

/* Free out's array and leave it as SIFT_DATES_INIT (reusable). */
void sift_dates_release(struct sift_dates *v);

/*
 * Parse one date/time string (a page's date line or meta.date:
 * "2024년 11월 05일 화요일", "2024.03.14 09:30", "기사입력 2025-03-14 오후 2:10",
 * "2025-03-14T09:30:00+09:00", "March 14, 2025") into ISO 8601 in iso[32]
 * and *ymd (either may be NULL).  The first absolute date in s wins; the
 * first clock time within 40 bytes after it is kept ("입력 2025.03.14. 오후
 * 2:10"); a time zone offset is dropped (the local time is what the page
 * says).  Returns 0, or -1 if no absolute date is found ("오늘", "3시간 전").
 */
int sift_parse_date(const char *s, size_t n, char iso[32], struct sift_ymd *ymd);

/* Format ymd as ISO 8601 at its precision into iso[32]; returns the length,
 * or 0 (and iso = "") if ymd has no year. */
size_t sift_ymd_format(const struct sift_ymd *ymd, char iso[32]);

#endif
