/* Unit tests for lib/keywords.c: candidates, stop words, scores. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "keywords.h"
#include "names.h"
#include "unit.h"

static struct sift_names nm = SIFT_NAMES_INIT;
static struct sift_keywords kw = SIFT_KEYWORDS_INIT;
static char got[1024];

/* The keywords of s as "term term ..." (best first). */
static const char *
keywords(const char *s, size_t max)
{
	size_t i, n = 0;

	sift_names_find(&nm, s, strlen(s));
	sift_keywords_find(&kw, &nm, max);
	got[0] = '\0';
	for (i = 0; i < kw.n && n < sizeof(got) - 100; i++)
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%.*s",
		    i ? " " : "", (int)kw.v[i].len, kw.terms.data + kw.v[i].off);
	return got;
}

static int
has(const char *term)
{
	size_t i, n = strlen(term);

	for (i = 0; i < kw.n; i++)
		if (kw.v[i].len == n &&
		    memcmp(kw.terms.data + kw.v[i].off, term, n) == 0)
			return 1;
	return 0;
}

TEST(repeated_rare_terms_rank_first_and_particles_are_stripped)
{
	keywords("반도체 수출이 늘었다. 반도체가 효자 품목이다. 반도체를 더 만든다. "
	    "정부는 지원을 늘린다.", 3);
	/* 수출 is a common news word (band 2), 효자 and 품목 are not */
	CHECK_STR(got, "반도체 효자 품목");
	CHECK(kw.v[0].score == 1.0);
	CHECK(kw.v[1].score < 1.0 && kw.v[1].score > 0);
}

TEST(stop_words_verbs_and_numbers_are_never_keywords)
{
	keywords("이번 관련 경우 때문에 발표했다 늘어났다 2025년 30% 그리고 "
	    "the and of 배터리", 10);
	CHECK_STR(got, "배터리");
}

TEST(people_count_under_their_full_name)
{
	keywords("홍길동 한빛전자 대표가 말했다. 홍 대표는 웃었다. 홍 대표가 "
	    "떠났다. 배터리 공장.", 2);
	CHECK_STR(got, "홍길동 한빛전자");
	CHECK(has("홍길동"));
}

TEST(common_news_words_score_below_rare_ones)
{
	CHECK(sift_keyword_idf("정부", strlen("정부")) <
	    sift_keyword_idf("양자컴퓨터", strlen("양자컴퓨터")));
	CHECK(fabs(sift_keyword_idf("정부", strlen("정부")) - log(5.0)) < 1e-9);
	keywords("정부 정부 정부 양자컴퓨터", 2);
	CHECK_STR(got, "양자컴퓨터 정부");
}

TEST(english_words_fold_case_but_acronyms_keep_it)
{
	keywords("Battery makers said battery prices fell. The EV market grew.", 4);
	CHECK(has("battery"));
	CHECK(has("EV"));
	CHECK(!has("said"));
	CHECK(!has("the"));
}

TEST(max_zero_and_empty_text_give_nothing)
{
	CHECK_STR(keywords("반도체 반도체", 0), "");
	CHECK_STR(keywords("", 5), "");
}

int
main(void)
{
	RUN(repeated_rare_terms_rank_first_and_particles_are_stripped);
	RUN(stop_words_verbs_and_numbers_are_never_keywords);
	RUN(people_count_under_their_full_name);
	RUN(common_news_words_score_below_rare_ones);
	RUN(english_words_fold_case_but_acronyms_keep_it);
	RUN(max_zero_and_empty_text_give_nothing);
	sift_names_release(&nm);
	sift_keywords_release(&kw);
	return unit_done();
}
