/*
 * test_numbers.c - lib/numbers.c: quantities with Korean and English
 * scales, units, ranges and native numerals; what is not a quantity.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numbers.h"
#include "unit.h"

static struct sift_numbers found = SIFT_NUMBERS_INIT;

/* "text|value|unit" of quantity k in s, "(none)" if fewer were found. */
static const char *
nth(const char *s, size_t k)
{
	static char buf[256];
	const struct sift_number *x;

	sift_find_numbers(s, strlen(s), &found);
	if (k >= found.n)
		return "(none)";
	x = &found.v[k];
	snprintf(buf, sizeof(buf), "%.*s|%.15g|%s", (int)(x->end - x->start),
	    s + x->start, x->value, x->unit);
	return buf;
}

static size_t
count(const char *s)
{
	return sift_find_numbers(s, strlen(s), &found);
}

TEST(reads_korean_large_number_units)
{
	CHECK_STR(nth("관객 1524만명을 돌파", 0), "1524만명|15240000|명");
	CHECK_STR(nth("이용자 3억 명이", 0), "3억 명|300000000|명");
	CHECK_STR(nth("1조2000억원을 투자", 0),
	    "1조2000억원|1200000000000|원");
	CHECK_STR(nth("3천962만원", 0), "3천962만원|39620000|원");
	CHECK_STR(nth("5천188mg", 0), "5천188mg|5188|mg");
	CHECK_STR(nth("615만1천554표", 0), "615만1천554표|6151554|표");
	CHECK_STR(nth("2천400억 유로", 0), "2천400억 유로|240000000000|EUR");
}

TEST(joins_groups_split_by_a_space)
{
	CHECK_STR(nth("4만 9000달러", 0), "4만 9000달러|49000|USD");
	CHECK_STR(nth("30억 900만원", 0), "30억 900만원|3009000000|원");
	/* not when the next group is a date */
	CHECK_STR(nth("3만 2025년", 0), "3만|30000|");
}

TEST(reads_ratios_percents_and_measures)
{
	CHECK_STR(nth("2.5배 늘었다", 0), "2.5배|2.5|배");
	CHECK_STR(nth("점유율 35%다", 0), "35%|35|%");
	CHECK_STR(nth("0.5%p 올랐다", 0), "0.5%p|0.5|%p");
	CHECK_STR(nth("3기가와트(GW) 규모", 0), "3기가와트(GW)|3|GW");
	CHECK_STR(nth("12킬로미터를 달렸다", 0), "12킬로미터|12|km");
	CHECK_STR(nth("80㎏", 0), "80㎏|80|kg");
	CHECK_STR(nth("길이 2.6km 구간", 0), "2.6km|2.6|km");
	/* English unit words map to the same symbols */
	CHECK_STR(nth("cut 4.2 gigawatts of", 0), "4.2 gigawatts|4.2|GW");
	CHECK_STR(nth("on 300 hectares", 0), "300 hectares|300|ha");
	CHECK_STR(nth("12 square kilometers", 0), "12 square kilometers|12|km²");
	/* the one-character unit signs of CJK fonts */
	CHECK_STR(nth("논 30㏊가 잠겼다", 0), "30㏊|30|ha");
	CHECK_STR(nth("3.5㎓ 대역", 0), "3.5㎓|3.5|GHz");
}

TEST(reads_counters_from_the_table_and_bare_counters)
{
	CHECK_STR(nth("직원 1,234명", 0), "1,234명|1234|명");
	CHECK_STR(nth("제24회 대회", 0), "제24회|24|회");
	CHECK_STR(nth("5연승을 달렸다", 0), "5연승|5|연승");
	CHECK_STR(nth("3관왕에 올랐다", 0), "3관왕|3|관왕");
	CHECK_STR(nth("17개국에서", 0), "17개국|17|개국");
	CHECK_STR(nth("1위를 지켰다", 0), "1위|1|위");
}

TEST(reads_two_numbers_in_a_ratio)
{
	CHECK_INT(count("10명 중 6명이 찬성"), 2);
	CHECK_STR(nth("10명 중 6명이 찬성", 0), "10명|10|명");
	CHECK_STR(nth("10명 중 6명이 찬성", 1), "6명|6|명");
}

TEST(reads_ranges_with_low_value_and_max)
{
	CHECK_STR(nth("30~50대 남성", 0), "30~50대|30|대");
	CHECK(found.v[0].flags & SIFT_NUMBER_RANGE);
	CHECK(found.v[0].max == 50);
	CHECK_STR(nth("32평~62평", 0), "32평~62평|32|평");
	CHECK(found.v[0].max == 62);
	CHECK_STR(nth("2~3% 오른다", 0), "2~3%|2|%");
	CHECK_STR(nth("1∼4호선", 0), "1∼4호선|1|호선");
	/* not a range: a single number has max == value */
	CHECK_STR(nth("40명", 0), "40명|40|명");
	CHECK(found.v[0].max == 40 && !(found.v[0].flags & SIFT_NUMBER_RANGE));
}

TEST(marks_approximate_numbers)
{
	CHECK_STR(nth("100여명이", 0), "100여명|100|명");
	CHECK(found.v[0].flags & SIFT_NUMBER_APPROX);
	CHECK_STR(nth("20여 개", 0), "20여 개|20|개");
	CHECK_STR(nth("1억6천400여만원", 0), "1억6천400여만원|164000000|원");
	CHECK_STR(nth("10만여 명이", 0), "10만여 명|100000|명");
	CHECK_STR(nth("약 30명", 0), "30명|30|명");
	CHECK(found.v[0].flags & SIFT_NUMBER_APPROX);
	CHECK_STR(nth("50명가량", 0), "50명|50|명");
	CHECK(found.v[0].flags & SIFT_NUMBER_APPROX);
	CHECK_STR(nth("50명이", 0), "50명|50|명");
	CHECK(!(found.v[0].flags & SIFT_NUMBER_APPROX));
}

TEST(reads_native_korean_numerals)
{
	CHECK_STR(nth("두 배로 늘었다", 0), "두 배|2|배");
	CHECK_STR(nth("세 명이 다쳤다", 0), "세 명|3|명");
	CHECK_STR(nth("한 번도", 0), "한 번|1|번");
	CHECK_STR(nth("한번에", 0), "한번|1|번");
	CHECK_STR(nth("스물다섯 살", 0), "스물다섯 살|25|살");
	CHECK_STR(nth("첫 번째 사례", 0), "첫 번째|1|번째");
	CHECK_STR(nth("그중 하나는", 0), "하나|1|");
	CHECK_STR(nth("세 분이 오셨다", 0), "세 분|3|분");
}

TEST(does_not_read_words_that_start_like_numerals)
{
	CHECK_INT(count("세계 한국 두부 세대교체 하나은행 열정 네이버"), 0);
	CHECK_INT(count("두 부서가 합쳤다"), 0);
	CHECK_INT(count("한 달 뒤"), 0);	/* a duration: dates.h */
}

TEST(reads_english_quantities)
{
	CHECK_STR(nth("raised $1.2 billion in", 0),
	    "$1.2 billion|1200000000|USD");
	CHECK_STR(nth("rose 4.1 percent", 0), "4.1 percent|4.1|%");
	CHECK_STR(nth("3 million people", 0), "3 million people|3000000|people");
	CHECK_STR(nth("three people died", 0), "three people|3|people");
	CHECK_STR(nth("US$300 each", 0), "US$300|300|USD");
	CHECK_STR(nth("€5bn deal", 0), "€5bn|5000000000|EUR");
	CHECK_INT(count("one of them"), 0);
	/* a plural noun after the number is what it counts */
	CHECK_STR(nth("plant 30,000 trees", 0), "30,000 trees|30000|trees");
	CHECK_STR(nth("1.4 million visitors", 0),
	    "1.4 million visitors|1400000|visitors");
	CHECK_STR(nth("25 basis points", 0), "25 basis points|25|bp");
	CHECK_STR(nth("300 millimeters of rain", 0), "300 millimeters|300|mm");
	CHECK_STR(nth("add 14 new routes", 0), "14|14|");
	CHECK_STR(nth("by 2 was", 0), "2|2|");
	CHECK_INT(count("for 3 years and two weeks"), 0);	/* durations */
}

TEST(skips_dates_times_versions_phones_and_ids)
{
	CHECK_INT(count("2025년 3월 14일 오후 8시 30분"), 0);
	CHECK_INT(count("2025.03.14 14:30"), 0);
	CHECK_INT(count("GPT-4.1 모델과 COVID-19"), 0);
	CHECK_INT(count("010-1234-5678, 02-123-4567, 1588-1234"), 0);
	CHECK_INT(count("A380 기종, 3D 프린터, 5G 망"), 0);
	CHECK_INT(count("3시간 동안 6개월"), 0);
	CHECK_INT(count("2014 브라질 월드컵"), 0);
	CHECK_INT(count("버전 1.2.3"), 0);
	CHECK_INT(count("https://example.com/a/123"), 0);
}

TEST(reads_scores_as_pairs)
{
	CHECK_STR(nth("8-1로 이겼다", 0), "8-1|8|");
	CHECK(found.v[0].flags & SIFT_NUMBER_PAIR);
	CHECK(found.v[0].max == 1);
	CHECK_STR(nth("찬성 53대 46으로 가결", 0), "53대 46|53|");
	CHECK(found.v[0].flags & SIFT_NUMBER_PAIR);
	CHECK_STR(nth("2 대 1로", 0), "2 대 1|2|");
	/* vehicles, not a score */
	CHECK_STR(nth("53대가 팔렸다", 0), "53대|53|대");
}

TEST(reads_fractions_and_negatives)
{
	CHECK_STR(nth("3분의 1이 찬성", 0), "3분의 1|0.333333333333333|");
	CHECK_STR(nth("5분의 3", 0), "5분의 3|0.6|");
	CHECK_STR(nth("영하 20도까지", 0), "영하 20도|-20|도");
	CHECK_STR(nth("-3.5% 감소", 0), "-3.5%|-3.5|%");
}

TEST(reads_bare_numbers)
{
	CHECK_STR(nth("박씨의 딸(32)과", 0), "32|32|");
	CHECK_STR(nth("평균 17.5였다", 0), "17.5|17.5|");
	CHECK_STR(nth("-3.5% 감소", 0), "-3.5%|-3.5|%");
	CHECK_STR(nth("싸이(본명 박재상·35)의", 0), "35|35|");
	CHECK_STR(nth("지진(규모 8.2) 이후", 0), "8.2|8.2|");
	/* list markers are not quantities */
	CHECK_INT(count("1) 첫 항목"), 0);
	CHECK_INT(count("2. 둘째 항목"), 1);	/* 둘째 is an ordinal */
}

TEST(reads_unknown_counters_as_the_whole_word)
{
	CHECK_STR(nth("2인자로", 0), "2인자|2|인자");
	CHECK_STR(nth("5000원권", 0), "5000원권|5000|원권");
	CHECK_STR(nth("10대들이", 0), "10대|10|대");
	CHECK_INT(count("3월중 발표"), 0);
	CHECK_INT(count("2011년엔 24일오후 8월말"), 0);
	CHECK_STR(nth("8시즌 동안", 0), "8시즌|8|시즌");
}

TEST(parses_numerals_alone)
{
	double v = 0;

	CHECK_INT(sift_parse_numeral("1524만", strlen("1524만"), &v),
	    strlen("1524만"));
	CHECK(v == 15240000);
	CHECK_INT(sift_parse_numeral("스물다섯", strlen("스물다섯"), &v),
	    strlen("스물다섯"));
	CHECK(v == 25);
	CHECK_INT(sift_parse_numeral("3.5 million", 11, &v), 11);
	CHECK(fabs(v - 3.5e6) < 1e-6);
	CHECK_INT(sift_parse_numeral("1,234,567원", strlen("1,234,567원"), &v),
	    9);
	CHECK(v == 1234567);
	CHECK_INT(sift_parse_numeral("사과", strlen("사과"), &v), 0);
}

TEST(tells_where_a_word_ends)
{
	CHECK(sift_word_ends("", 0));
	CHECK(sift_word_ends(" 다음", strlen(" 다음")));
	CHECK(sift_word_ends("이", strlen("이")));
	CHECK(sift_word_ends("에서는", strlen("에서는")));
	CHECK(!sift_word_ends("계", strlen("계")));
}

TEST(looks_words_up_longest_first)
{
	static struct sift_lexicon lx;
	size_t m = 0;
	int a, b;

	a = sift_lex_add(&lx, "개", strlen("개"));
	b = sift_lex_add(&lx, "개월", strlen("개월"));
	sift_lex_build(&lx);
	CHECK_INT(sift_lex_match(&lx, "개월간", strlen("개월간"), &m), b);
	CHECK_INT(m, strlen("개월"));
	CHECK_INT(sift_lex_match(&lx, "개가", strlen("개가"), &m), a);
	CHECK_INT(sift_lex_match(&lx, "명", strlen("명"), &m), -1);
}

TEST(the_start_test_looks_at_two_syllables)
{
	static struct sift_lexicon lx;

	sift_lex_add(&lx, "지난", strlen("지난"));
	sift_lex_add(&lx, "오", strlen("오"));
	sift_lex_build(&lx);
	CHECK(sift_lex_may_start(&lx, "지난해", strlen("지난해")));
	/* the first syllable starts a word, the pair does not */
	CHECK(!sift_lex_may_start(&lx, "지역", strlen("지역")));
	CHECK(!sift_lex_may_start(&lx, "지", strlen("지")));
	/* a one-syllable word: any continuation may start it */
	CHECK(sift_lex_may_start(&lx, "오늘", strlen("오늘")));
	CHECK(!sift_lex_may_start(&lx, "가나", strlen("가나")));
}

TEST(the_start_test_looks_at_two_letters_case_folded)
{
	static struct sift_lexicon lx;

	lx.fold = 1;
	sift_lex_add(&lx, "three", strlen("three"));
	sift_lex_add(&lx, "a", strlen("a"));
	sift_lex_build(&lx);
	CHECK(sift_lex_may_start(&lx, "Three", strlen("Three")));
	CHECK(sift_lex_may_start(&lx, "THREE", strlen("THREE")));
	CHECK(!sift_lex_may_start(&lx, "table", strlen("table")));
	CHECK(!sift_lex_may_start(&lx, "t", strlen("t")));
	/* a one-letter word: any continuation may start it */
	CHECK(sift_lex_may_start(&lx, "about", strlen("about")));
	CHECK(!sift_lex_may_start(&lx, "zoo", strlen("zoo")));
}

TEST(keeps_spans_in_order_and_reuses_the_array)
{
	struct sift_numbers v = SIFT_NUMBERS_INIT;
	const char *s = "1명 2명 3명 4명 5명 6명 7명 8명 9명 10명 11명 12명 "
	    "13명 14명 15명 16명 17명 18명";
	size_t k;

	CHECK_INT(sift_find_numbers(s, strlen(s), &v), 18);
	for (k = 1; k < v.n; k++)
		CHECK(v.v[k].start >= v.v[k - 1].end);
	CHECK_INT(sift_find_numbers("없다", strlen("없다"), &v), 0);
	sift_numbers_release(&v);
	CHECK(v.v == NULL && v.n == 0 && v.cap == 0);
}

int
main(void)
{
	RUN(reads_korean_large_number_units);
	RUN(joins_groups_split_by_a_space);
	RUN(reads_ratios_percents_and_measures);
	RUN(reads_counters_from_the_table_and_bare_counters);
	RUN(reads_two_numbers_in_a_ratio);
	RUN(reads_ranges_with_low_value_and_max);
	RUN(marks_approximate_numbers);
	RUN(reads_native_korean_numerals);
	RUN(does_not_read_words_that_start_like_numerals);
	RUN(reads_english_quantities);
	RUN(skips_dates_times_versions_phones_and_ids);
	RUN(reads_scores_as_pairs);
	RUN(reads_fractions_and_negatives);
	RUN(reads_bare_numbers);
	RUN(reads_unknown_counters_as_the_whole_word);
	RUN(parses_numerals_alone);
	RUN(tells_where_a_word_ends);
	RUN(looks_words_up_longest_first);
	RUN(the_start_test_looks_at_two_syllables);
	RUN(the_start_test_looks_at_two_letters_case_folded);
	RUN(keeps_spans_in_order_and_reuses_the_array);
	sift_numbers_release(&found);
	return unit_done();
}
