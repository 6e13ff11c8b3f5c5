/*
 * test_dates.c - lib/dates.c: date lines, dates in running text, relative
 * dates resolved against the document date, durations and clock times.
 */
#include <string.h>

#include "dates.h"
#include "unit.h"

static const struct sift_ymd doc = { 2025, 3, 14, -1, 0 };	/* a Friday */

/* sift_parse_date's ISO value for s, or "-1" when it finds no date. */
static const char *
parsed(const char *s)
{
	static char iso[32];

	if (sift_parse_date(s, strlen(s), iso, NULL) != 0)
		return "-1";
	return iso;
}

/* The value of date k found in s with the document date d (NULL: none),
 * "(none)" if fewer were found. */
static struct sift_dates found = SIFT_DATES_INIT;

static const char *
value_in(const char *s, const struct sift_ymd *d, size_t k)
{
	sift_find_dates(s, strlen(s), d, &found);
	return k < found.n ? found.v[k].value : "(none)";
}

/* The text of date k found in s. */
static const char *
span_in(const char *s, const struct sift_ymd *d, size_t k)
{
	static char buf[256];
	size_t len;

	sift_find_dates(s, strlen(s), d, &found);
	if (k >= found.n)
		return "(none)";
	len = found.v[k].end - found.v[k].start;
	memcpy(buf, s + found.v[k].start, len);
	buf[len] = '\0';
	return buf;
}

TEST(parse_date_reads_korean_date_lines)
{
	CHECK_STR(parsed("2024년 11월 05일 화요일"), "2024-11-05");
	CHECK_STR(parsed("2024년 11월 5일"), "2024-11-05");
	CHECK_STR(parsed("기사입력 2025-03-14 오후 2:10"), "2025-03-14T14:10");
	CHECK_STR(parsed("입력 2025.03.14. 오전 9:05 수정 2025.03.15. 오후 1:00"),
	    "2025-03-14T09:05");
	CHECK_STR(parsed("2025년 2월"), "2025-02");
	CHECK_STR(parsed("승인 2023.07.01 18:05"), "2023-07-01T18:05");
	CHECK_STR(parsed("2024년 3월 14일 오후 3시 20분"), "2024-03-14T15:20");
}

TEST(parse_date_reads_numeric_and_iso_forms)
{
	CHECK_STR(parsed("2024.03.14 09:30"), "2024-03-14T09:30");
	CHECK_STR(parsed("2025-03-14T09:30:00+09:00"), "2025-03-14T09:30");
	CHECK_STR(parsed("2025-03-14"), "2025-03-14");
	CHECK_STR(parsed("2023/07/01 18:05:33"), "2023-07-01T18:05");
	CHECK_STR(parsed("20250314"), "2025-03-14");
	CHECK_STR(parsed("2025.3.4."), "2025-03-04");
}

TEST(parse_date_reads_english_dates)
{
	CHECK_STR(parsed("March 14, 2025"), "2025-03-14");
	CHECK_STR(parsed("Published 14 March 2025"), "2025-03-14");
	CHECK_STR(parsed("Updated Sept. 3, 2024"), "2024-09-03");
	CHECK_STR(parsed("May 2024"), "2024-05");
}

TEST(parse_date_rejects_lines_without_an_absolute_date)
{
	CHECK_STR(parsed("오늘"), "-1");
	CHECK_STR(parsed("3시간 전"), "-1");
	CHECK_STR(parsed("2025.13.40"), "-1");
	CHECK_STR(parsed("2025-02-30"), "-1");
	CHECK_STR(parsed("전화 02-1234-5678"), "-1");
	CHECK_STR(parsed(""), "-1");
}

TEST(parse_date_fills_the_broken_down_date)
{
	struct sift_ymd t;
	char iso[32];

	CHECK_INT(sift_parse_date("2025.03.14 09:30", 16, iso, &t), 0);
	CHECK_INT(t.year, 2025);
	CHECK_INT(t.month, 3);
	CHECK_INT(t.day, 14);
	CHECK_INT(t.hour, 9);
	CHECK_INT(t.minute, 30);
	CHECK_INT(sift_parse_date("2025년 2월", strlen("2025년 2월"), iso, &t),
	    0);
	CHECK_INT(t.day, 0);
	CHECK_INT(t.hour, -1);
	CHECK_INT(sift_parse_date("없음", strlen("없음"), NULL, &t), -1);
	CHECK_INT(t.year, 0);
}

TEST(finds_absolute_korean_dates)
{
	CHECK_STR(value_in("회의는 2025년 3월 14일 열렸다.", NULL, 0),
	    "2025-03-14");
	CHECK_STR(span_in("회의는 2025년 3월 14일 열렸다.", NULL, 0),
	    "2025년 3월 14일");
	CHECK_STR(value_in("2025.03.14 발표", NULL, 0), "2025-03-14");
	CHECK_STR(value_in("2025-03-14에 공개", NULL, 0), "2025-03-14");
	CHECK_STR(value_in("2005년 6월 창립", NULL, 0), "2005-06");
	CHECK_STR(value_in("2019년에 설립", NULL, 0), "2019");
	CHECK_STR(value_in("2025년 3월 14일(금) 오후 8시", NULL, 0),
	    "2025-03-14T20:00");
}

TEST(takes_missing_year_and_month_from_the_document_date)
{
	CHECK_STR(value_in("3월 14일 발표했다", &doc, 0), "2025-03-14");
	CHECK_STR(value_in("지난 12일 발표했다", &doc, 0), "2025-03-12");
	CHECK_STR(value_in("12일 발표했다", &doc, 0), "2025-03-12");
	/* a day far after the document day is last month's */
	CHECK_STR(value_in("28일 열린 회의", &doc, 0), "2025-02-28");
	CHECK_STR(value_in("오는 28일 열린다", &doc, 0), "2025-03-28");
	CHECK_STR(value_in("지난 3월", &doc, 0), "2024-03");
	CHECK_STR(value_in("오는 3월", &doc, 0), "2026-03");
	CHECK_STR(value_in("11월", &doc, 0), "2025-11");
}

TEST(resolves_relative_words)
{
	CHECK_STR(value_in("지난해 실적", &doc, 0), "2024");
	CHECK_STR(value_in("작년 실적", &doc, 0), "2024");
	CHECK_STR(value_in("올해 목표", &doc, 0), "2025");
	CHECK_STR(value_in("내년 출시", &doc, 0), "2026");
	CHECK_STR(value_in("어제 발표", &doc, 0), "2025-03-13");
	CHECK_STR(value_in("오늘 발표", &doc, 0), "2025-03-14");
	CHECK_STR(value_in("내일 발표", &doc, 0), "2025-03-15");
	CHECK_STR(value_in("지난달 실적", &doc, 0), "2025-02");
	CHECK_STR(value_in("지난해 11월 26일", &doc, 0), "2024-11-26");
	CHECK_STR(value_in("이달 18일", &doc, 0), "2025-03-18");
	CHECK_STR(value_in("다음 달 2일", &doc, 0), "2025-04-02");
	CHECK_STR(value_in("올 3월24일", &doc, 0), "2025-03-24");
	CHECK_STR(value_in("지난주 금요일", &doc, 0), "2025-03-07");
	CHECK_STR(value_in("오는 화요일", &doc, 0), "2025-03-18");
	CHECK_STR(value_in("다음 주", &doc, 0), "2025-W12");
	CHECK_STR(value_in("10년 전", &doc, 0), "2015");
	CHECK_STR(value_in("3일 뒤", &doc, 0), "2025-03-17");
	CHECK_STR(value_in("한 달 뒤", &doc, 0), "2025-04");
}

TEST(resolves_this_day_against_the_last_named_day)
{
	const char *s = "5일 총회가 열렸다. 이날 오후 3시 투표했고 전날 밤 협상했다.";

	CHECK_STR(value_in(s, &doc, 0), "2025-03-05");
	CHECK_STR(value_in(s, &doc, 1), "2025-03-05T15:00");
	CHECK_STR(value_in(s, &doc, 2), "2025-03-04");
	/* with no day named yet, 이날 is the document date */
	CHECK_STR(value_in("이날 발표", &doc, 0), "2025-03-14");
}

TEST(reports_relative_dates_without_a_document_date_as_unresolved)
{
	sift_find_dates("지난 19일 개봉", strlen("지난 19일 개봉"), NULL,
	    &found);
	CHECK_INT(found.n, 1);
	CHECK_STR(found.v[0].value, "");
	CHECK(found.v[0].flags & SIFT_DATE_UNRESOLVED);
	CHECK_STR(span_in("지난 19일 개봉", NULL, 0), "지난 19일");
}

TEST(keeps_particles_out_of_the_span)
{
	CHECK_STR(span_in("2025년 3월 14일부터 열린다", NULL, 0),
	    "2025년 3월 14일");
	CHECK_STR(span_in("지난해에는", &doc, 0), "지난해");
	CHECK_STR(span_in("14일까지", &doc, 0), "14일");
}

TEST(reads_ranges_as_intervals)
{
	CHECK_STR(value_in("9~24일 열린다", &doc, 0),
	    "2025-03-09/2025-03-24");
	CHECK_STR(value_in("이달 21-24일", &doc, 0), "2025-03-21/2025-03-24");
	CHECK_STR(value_in("지난 6∼7월", &doc, 0), "2024-06/2024-07");
	CHECK_STR(value_in("1990년대", NULL, 0), "1990/1999");
	CHECK_STR(value_in("올해 상반기", &doc, 0), "2025-01/2025-06");
	CHECK_STR(value_in("2024년 3분기", NULL, 0), "2024-07/2024-09");
	CHECK_STR(value_in("1분기 실적", &doc, 0), "2025-01/2025-03");
}

TEST(reads_durations_as_iso_durations)
{
	sift_find_dates("3년간", strlen("3년간"), NULL, &found);
	CHECK_INT(found.n, 1);
	CHECK(found.v[0].flags & SIFT_DATE_DURATION);
	CHECK_STR(value_in("3년간", NULL, 0), "P3Y");
	CHECK_STR(value_in("6년 동안", NULL, 0), "P6Y");
	CHECK_STR(span_in("6년 동안", NULL, 0), "6년 동안");
	CHECK_STR(value_in("6개월", NULL, 0), "P6M");
	CHECK_STR(value_in("2~3개월", NULL, 0), "P2M");
	CHECK_STR(value_in("징역 3년을", NULL, 0), "P3Y");
	CHECK_STR(value_in("나흘 만에", NULL, 0), "P4D");
	CHECK_STR(value_in("한 달", NULL, 0), "P1M");
	CHECK_STR(value_in("2주 만에", NULL, 0), "P2W");
	CHECK_STR(value_in("10일간", NULL, 0), "P10D");
	CHECK_STR(value_in("1시간 50분", NULL, 0), "PT1H50M");
	CHECK_STR(value_in("4분 35초", NULL, 0), "PT4M35S");
	CHECK_STR(value_in("3년 6개월", NULL, 0), "P3Y6M");
}

TEST(reads_clock_times)
{
	CHECK_STR(value_in("오후 8시 시작", NULL, 0), "T20:00");
	CHECK_STR(value_in("오전 1시 25분", NULL, 0), "T01:25");
	CHECK_STR(value_in("밤 11시", NULL, 0), "T23:00");
	CHECK_STR(value_in("새벽 2시", NULL, 0), "T02:00");
	CHECK_STR(value_in("정오", NULL, 0), "T12:00");
	CHECK_STR(value_in("14:30에", NULL, 0), "T14:30");
	CHECK_STR(value_in("오후 3시 반", NULL, 0), "T15:30");
	CHECK_STR(value_in("14일 오후 8시", &doc, 0), "2025-03-14T20:00");
	sift_find_dates("오후 8시", strlen("오후 8시"), NULL, &found);
	CHECK(found.v[0].flags & SIFT_DATE_TIME_ONLY);
	/* the time part is marked inside a date's span */
	sift_find_dates("14일 오후 8시", strlen("14일 오후 8시"), &doc, &found);
	CHECK_INT(found.v[0].time_start, strlen("14일 "));
}

TEST(reads_english_dates_in_text)
{
	CHECK_STR(value_in("closed on March 3, 2025 and", NULL, 0),
	    "2025-03-03");
	CHECK_STR(value_in("on 14 February", &doc, 0), "2025-02-14");
	CHECK_STR(value_in("said yesterday", &doc, 0), "2025-03-13");
	CHECK_STR(value_in("last Tuesday", &doc, 0), "2025-03-11");
	CHECK_STR(value_in("next year", &doc, 0), "2026");
	CHECK_STR(value_in("in 2019,", NULL, 0), "2019");
	CHECK_STR(value_in("at 9:30 a.m.", NULL, 0), "T09:30");
}

TEST(leaves_numbers_that_are_not_dates)
{
	CHECK_STR(span_in("매출 2.5%와 3,000명", NULL, 0), "(none)");
	CHECK_STR(span_in("전화 02-1234-5678", NULL, 0), "(none)");
	CHECK_STR(span_in("2000명이 모였다", NULL, 0), "(none)");
	CHECK_STR(span_in("GPT-4.1 모델", NULL, 0), "(none)");
	CHECK_STR(span_in("오늘날의 세계", &doc, 0), "(none)");
	CHECK_STR(span_in("올림픽", &doc, 0), "(none)");
	CHECK_STR(span_in("3분의 1", NULL, 0), "(none)");
	CHECK_STR(span_in("월드컵 2002 대회", NULL, 0), "2002");
}

TEST(resolves_weekends)
{
	/* the document date is a Friday: a bare 주말 is this week's */
	CHECK_STR(value_in("주말 동안", &doc, 0), "2025-03-15/2025-03-16");
	CHECK_STR(value_in("지난 주말 결렬", &doc, 0),
	    "2025-03-08/2025-03-09");
	CHECK_STR(value_in("다음 주말", &doc, 0), "2025-03-22/2025-03-23");
}

TEST(resolves_the_previous_year_or_month_against_the_one_just_named)
{
	const struct sift_ymd feb = { 2024, 2, 29, -1, 0 };

	CHECK_STR(value_in("1월 소매판매는 전월보다 줄었다", &feb, 1), "2023-12");
	CHECK_STR(value_in("지난해 이익은 전년보다 늘었다", &doc, 1), "2023");
	/* with nothing named before, the document date is the base */
	CHECK_STR(value_in("전월 대비", &doc, 0), "2025-02");
}

TEST(picks_the_year_nearest_across_new_year)
{
	const struct sift_ymd dec = { 2023, 12, 28, -1, 0 };
	const struct sift_ymd jan = { 2024, 1, 3, -1, 0 };

	CHECK_STR(value_in("1월 1일 해돋이", &dec, 0), "2024-01-01");
	CHECK_STR(value_in("새해 첫날", &dec, 0), "2024-01-01");
	CHECK_STR(value_in("새해 목표", &dec, 0), "2024");
	CHECK_STR(value_in("12월 실적", &jan, 0), "2023-12");
	/* far from New Year the document's year holds */
	CHECK_STR(value_in("11월 출시", &doc, 0), "2025-11");
	CHECK_STR(value_in("광복절", &doc, 0), "2025-08-15");
}

TEST(reads_english_durations)
{
	CHECK_STR(value_in("over the next three years", NULL, 0), "P3Y");
	CHECK_STR(value_in("for 6 months", NULL, 0), "P6M");
	CHECK_STR(value_in("two weeks later", NULL, 0), "P2W");
	/* digits with separators, a decimal part or a scale before the
	 * space: the quick test before the numeral parse lets them through */
	CHECK_STR(value_in("for 1,500 years", NULL, 0), "P1500Y");
	CHECK_STR(value_in("about 2.5 hours", NULL, 0), "PT2.5H");
	CHECK_STR(value_in("3천 years", NULL, 0), "P3000Y");
}

TEST(does_not_take_words_that_start_like_date_words)
{
	/* 전기 is not 전 (before): 12일 stays a day */
	CHECK_STR(value_in("지난 12일 전기 트럭", &doc, 0), "2025-03-12");
	/* 2000 glued to 만 is part of a number, not a year */
	CHECK_STR(span_in("8만2000㎡ 규모", NULL, 0), "(none)");
	CHECK_STR(span_in("내년도 예산", &doc, 0), "내년도");
	CHECK_STR(value_in("내년도 예산", &doc, 0), "2026");
}

TEST(reads_days_with_a_length_cue_as_durations)
{
	CHECK_STR(value_in("평년보다 8일 늦은 18일", &doc, 0), "P8D");
	CHECK_STR(value_in("평년보다 8일 늦은 18일", &doc, 1), "2025-03-18");
	CHECK_STR(value_in("3일 연속 올랐다", &doc, 0), "P3D");
	CHECK_STR(value_in("배송에 2~3일이 걸린다", &doc, 0), "P2D");
	CHECK_STR(value_in("잠복기는 평균 5~7일이다", &doc, 0), "P5D");
	/* without a cue a day is a day */
	CHECK_STR(value_in("8일 열린 회의", &doc, 0), "2025-03-08");
}

TEST(reads_quarters_relative_to_the_document)
{
	struct sift_ymd jan = { 2026, 1, 20, -1, 0 };

	CHECK_STR(value_in("지난 분기 매출", &jan, 0), "2025-10/2025-12");
	CHECK_STR(value_in("이번 분기에", &jan, 0), "2026-01/2026-03");
	CHECK_STR(value_in("다음 분기", &jan, 0), "2026-04/2026-06");
	CHECK_STR(value_in("users last quarter came", &jan, 0),
	    "2025-10/2025-12");
	/* 분기 alone is no date */
	CHECK_STR(value_in("분기마다 늘었다", &jan, 0), "(none)");
	CHECK_STR(value_in("분기 실적", &jan, 0), "(none)");
}

TEST(reads_year_ends_and_parts_of_quarters)
{
	/* the end of a year is its December, the beginning its January;
	 * its middle names no month */
	CHECK_STR(value_in("지난 연말부터", &doc, 0), "2024-12");
	CHECK_STR(value_in("올 연말까지", &doc, 0), "2025-12");
	CHECK_STR(value_in("연초 대비", &doc, 0), "2025-01");
	CHECK_STR(value_in("지난해 말 기준", &doc, 0), "2024-12");
	CHECK_STR(span_in("지난해 말 기준", &doc, 0), "지난해 말");
	CHECK_STR(value_in("2023년 초부터", &doc, 0), "2023-01");
	CHECK_STR(value_in("2023년말", &doc, 0), "2023-12");
	CHECK_STR(value_in("2023년 중반", &doc, 0), "2023");
	/* a month keeps its precision */
	CHECK_STR(value_in("3월 말", &doc, 0), "2025-03");
	CHECK_STR(span_in("3분기 말 기준", &doc, 0), "3분기 말");
	CHECK_STR(value_in("3분기 말 기준", &doc, 0), "2025-07/2025-09");
}

TEST(reads_english_month_names_alone_after_a_time_word)
{
	CHECK_STR(value_in("sales rose in March", &doc, 0), "2025-03");
	CHECK_STR(value_in("cut 8% of jobs by August as sales fell", &doc, 0),
	    "2025-08");
	CHECK_STR(value_in("prices have fallen since November.", &doc, 0),
	    "2024-11");
	CHECK_STR(value_in("in early June", &doc, 0), "2025-06");
	CHECK_STR(value_in("by mid-July", &doc, 0), "2025-07");
	CHECK_STR(value_in("last June", &doc, 0), "2024-06");
	CHECK_STR(value_in("next February", &doc, 0), "2026-02");
	CHECK_STR(span_in("in March", &doc, 0), "March");
	/* no governing word, an abbreviation, or a modal: no date */
	CHECK_STR(value_in("March on, she said", &doc, 0), "(none)");
	CHECK_STR(value_in("May I ask", &doc, 0), "(none)");
	CHECK_STR(value_in("in Mar the figure", &doc, 0), "(none)");
	CHECK_STR(value_in("Augustine said", &doc, 0), "(none)");
}

TEST(reads_ranges_of_years_and_english_decades)
{
	CHECK_STR(value_in("2023~2025년 3년 동안", &doc, 0), "2023/2025");
	CHECK_STR(value_in("2023년~2025년", &doc, 0), "2023/2025");
	CHECK_STR(value_in("in the 2030s, she said", &doc, 0), "2030/2039");
	CHECK_STR(value_in("2010년대", &doc, 0), "2010/2019");
}

TEST(computes_iso_weeks_and_leap_days)
{
	struct sift_ymd d = { 2024, 12, 30, -1, 0 };

	/* 2024-12-30 is in ISO week 1 of 2025 */
	CHECK_STR(value_in("이번 주", &d, 0), "2025-W01");
	d.year = 2024;
	d.month = 3;
	d.day = 1;
	CHECK_STR(value_in("어제", &d, 0), "2024-02-29");
	CHECK_STR(value_in("29일", &d, 0), "2024-02-29");
}

TEST(formats_ymd_at_its_precision)
{
	struct sift_ymd t = { 2025, 0, 0, -1, 0 };
	char iso[32];

	CHECK_INT(sift_ymd_format(&t, iso), 4);
	CHECK_STR(iso, "2025");
	t.month = 2;
	sift_ymd_format(&t, iso);
	CHECK_STR(iso, "2025-02");
	t.day = 3;
	t.hour = 20;
	sift_ymd_format(&t, iso);
	CHECK_STR(iso, "2025-02-03T20:00");
	t.year = 0;
	CHECK_INT(sift_ymd_format(&t, iso), 0);
	CHECK_STR(iso, "");
}

TEST(reuses_the_output_array)
{
	struct sift_dates v = SIFT_DATES_INIT;

	CHECK_INT(sift_find_dates("2025년과 2024년", strlen("2025년과 2024년"),
	    NULL, &v), 2);
	CHECK_INT(sift_find_dates("없음", strlen("없음"), NULL, &v), 0);
	CHECK_INT(v.n, 0);
	sift_dates_release(&v);
	CHECK(v.v == NULL && v.cap == 0);
}

int
main(void)
{
	RUN(parse_date_reads_korean_date_lines);
	RUN(parse_date_reads_numeric_and_iso_forms);
	RUN(parse_date_reads_english_dates);
	RUN(parse_date_rejects_lines_without_an_absolute_date);
	RUN(parse_date_fills_the_broken_down_date);
	RUN(finds_absolute_korean_dates);
	RUN(takes_missing_year_and_month_from_the_document_date);
	RUN(resolves_relative_words);
	RUN(resolves_this_day_against_the_last_named_day);
	RUN(reports_relative_dates_without_a_document_date_as_unresolved);
	RUN(keeps_particles_out_of_the_span);
	RUN(reads_ranges_as_intervals);
	RUN(reads_durations_as_iso_durations);
	RUN(reads_clock_times);
	RUN(reads_english_dates_in_text);
	RUN(leaves_numbers_that_are_not_dates);
	RUN(resolves_weekends);
	RUN(resolves_the_previous_year_or_month_against_the_one_just_named);
	RUN(picks_the_year_nearest_across_new_year);
	RUN(reads_english_durations);
	RUN(does_not_take_words_that_start_like_date_words);
	RUN(reads_days_with_a_length_cue_as_durations);
	RUN(reads_year_ends_and_parts_of_quarters);
	RUN(reads_quarters_relative_to_the_document);
	RUN(reads_english_month_names_alone_after_a_time_word);
	RUN(reads_ranges_of_years_and_english_decades);
	RUN(computes_iso_weeks_and_leap_days);
	RUN(formats_ymd_at_its_precision);
	RUN(reuses_the_output_array);
	sift_dates_release(&found);
	return unit_done();
}
