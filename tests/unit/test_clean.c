#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "unit.h"

static struct sift_cleaner cl;

static void
clean(const char *text)
{
	sift_clean(&cl, text, strlen(text));
}

/* The decision for the first line that starts with prefix (a prefix
 * ending in '$' must be the whole line), or NULL. */
static const struct sift_clean_decision *
decision(const char *prefix)
{
	size_t i, k = strlen(prefix);
	int whole = k > 0 && prefix[k - 1] == '$';

	if (whole)
		k--;
	for (i = 0; i < cl.nd; i++)
		if (cl.d[i].len >= k && memcmp(cl.d[i].text, prefix, k) == 0 &&
		    (!whole || cl.d[i].len == k))
			return &cl.d[i];
	return NULL;
}

static const char *
reason(const char *prefix)
{
	const struct sift_clean_decision *d = decision(prefix);

	return d ? d->reason : "(no such line)";
}

static int
kept(const char *prefix)
{
	const struct sift_clean_decision *d = decision(prefix);

	return d != NULL && d->kept;
}

static int
dropped(const char *prefix)
{
	const struct sift_clean_decision *d = decision(prefix);

	return d != NULL && !d->kept;
}

static char metabuf[SIFT_META_N][256];

static const char *
meta(int f)
{
	if (cl.meta[f] == NULL)
		return "(none)";
	snprintf(metabuf[f], sizeof(metabuf[f]), "%.*s", (int)cl.metalen[f],
	    cl.meta[f]);
	return metabuf[f];
}

static int
pmatch(const char *pat, const char *s, size_t cap[4])
{
	return sift_clean_pattern_match(pat, strlen(pat), s, strlen(s), cap);
}

static const char page[] =
    "새벽일보\n전체메뉴\n로그인\n검색\n맑음부산 24.1℃\n홈 > 경제 > 산업\n속보\n"
    "푸른바다조선, 부산에 엔진 공장 세운다\n"
    "2026년까지 4500억원 투입…협력사 120곳 입주\n"
    "입력 2024.11.05 08:40\n수정 2024.11.05 10:15\n"
    "[새벽일보 윤재희 기자]\n공유하기\n페이스북\n인쇄\n"
    "푸른바다조선이 부산 강서구 미음산업단지에 선박용 엔진 공장을 짓는다. "
    "회사는 2026년 말까지 4500억원을 투입할 계획이라고 5일 밝혔다.\n"
    "사진\n미음공장 조감도.\n사진=푸른바다조선 제공\n"
    "새 공장은 약 13만㎡ 부지에 들어선다. 회사는 내년 3월 착공해 "
    "2026년 하반기부터 시험 생산에 들어갈 예정이다.\n"
    "관련기사\n푸른바다조선, 3분기 수주 역대 최대\n"
    "■ 협력사 함께 입주\n"
    "부품 협력사들도 공장 인근에 함께 자리를 잡는다. 부산시는 분양가를 "
    "10% 낮추기로 했다.\n"
    "미음공장 조감도.\n"
    "윤재희 기자 jaehee@saebyeok.example\n"
    "ⓒ 새벽일보, 무단 전재 및 재배포 금지\n"
    "댓글 3\n로그인 후 댓글을 남겨주세요\n0 / 300\n"
    "많이 본 뉴스\n1\n가을 단풍 절정…주말 설악산 인파\n"
    "다른 기사 보기\n한결제약, 치매 신약 임상 3상 돌입\n"
    "한결제약이 개발 중인 치료제가 임상 3상에 들어간다. 회사는 국내 20개 "
    "병원에서 환자 800명을 대상으로 약효를 확인할 계획이라고 밝혔다.\n"
    "회사소개 | 광고문의 | 개인정보처리방침\n";

TEST(rule_table_parses)
{
	CHECK(sift_clean_rules_ok());
}

TEST(patterns_match_whole_lines)
{
	size_t cap[4];

	CHECK(pmatch("댓글 %d", "댓글 12", cap));
	CHECK(!pmatch("댓글 %d", "댓글 12개", cap));
	CHECK(pmatch("댓글~%d", "댓글12", cap));
	CHECK(pmatch("%h %n℃*", "부산 24.1℃ 미세먼지", cap));
	CHECK(!pmatch("%n", "1.", cap));
	CHECK(pmatch("*무단*", "ⓒ 새벽일보 무단 전재", cap));
	CHECK(pmatch("\\*%d", "*3", cap));
	CHECK(pmatch("{%h} 기자 {%e}", "윤재희 기자 jh@a.example", cap));
	CHECK_INT(cap[0], 0);
	CHECK_INT(cap[1], 9);
	CHECK_INT(cap[2], 17);
	CHECK_INT(cap[3], 12);
	CHECK(pmatch("{(%w=%w)} {%h} 기자 =", "(대전=새벽일보) 한도윤 기자 =", cap));
	CHECK_INT(cap[1], strlen("(대전=새벽일보)"));
	CHECK(!pmatch("%e", "not@an", cap));
	CHECK(pmatch("by {%w %w}, *", "by grace holt, technology", cap));
}

TEST(article_lines_are_kept_and_furniture_dropped)
{
	clean(page);
	CHECK(kept("푸른바다조선이 부산"));
	CHECK(kept("새 공장은"));
	CHECK_STR(reason("전체메뉴"), "menu");
	CHECK_STR(reason("맑음부산"), "widget");
	CHECK_STR(reason("홈 > 경제"), "menu");
	CHECK_STR(reason("속보"), "widget");
	CHECK_STR(reason("공유하기"), "share");
	CHECK_STR(reason("인쇄"), "share");
	CHECK_STR(reason("댓글 3"), "comment");
	CHECK_STR(reason("0 / 300"), "comment");
	CHECK(dropped("새벽일보$"));
	CHECK(dropped("회사소개"));
}

TEST(title_and_deck_above_the_byline_are_kept)
{
	clean(page);
	CHECK_STR(reason("푸른바다조선, 부산에"), "title");
	CHECK_STR(reason("2026년까지"), "title");
	CHECK_STR(meta(SIFT_META_TITLE), "푸른바다조선, 부산에 엔진 공장 세운다");
}

TEST(captions_go_with_their_repeats)
{
	clean(page);
	CHECK_STR(reason("사진$"), "caption");
	CHECK_STR(reason("미음공장 조감도."), "caption");
	CHECK_STR(reason("사진=푸른바다조선"), "caption");
	CHECK(strstr(cl.text.data, "조감도") == NULL);
}

TEST(a_related_box_inside_the_body_does_not_end_the_article)
{
	clean(page);
	CHECK_STR(reason("관련기사"), "related");
	CHECK_STR(reason("푸른바다조선, 3분기"), "related");
	CHECK(kept("■ 협력사 함께 입주"));
	CHECK(kept("부품 협력사들도"));
}

TEST(the_teaser_after_the_article_is_dropped)
{
	clean(page);
	CHECK(dropped("한결제약이 개발 중인"));
	CHECK(dropped("가을 단풍"));
	CHECK(strstr(cl.text.data, "한결제약") == NULL);
}

TEST(byline_date_and_copyright_are_lifted)
{
	clean(page);
	CHECK_STR(meta(SIFT_META_AUTHOR), "윤재희");
	CHECK_STR(meta(SIFT_META_EMAIL), "jaehee@saebyeok.example");
	CHECK_STR(meta(SIFT_META_DATE), "2024-11-05T08:40");
	CHECK_STR(meta(SIFT_META_COPYRIGHT), "ⓒ 새벽일보, 무단 전재 및 재배포 금지");
	CHECK_STR(meta(SIFT_META_BYLINE), "[새벽일보 윤재희 기자]");
	CHECK(decision("입력 2024")->lifted);
	CHECK(!decision("입력 2024")->kept);
}

TEST(decisions_name_input_lines)
{
	clean("\n\n메뉴\n\n\n로그인\n");
	CHECK_INT(cl.nd, 2);
	CHECK_INT(cl.d[0].line, 3);
	CHECK_INT(cl.d[1].line, 6);
}

TEST(a_page_that_is_all_article_loses_nothing)
{
	const char *t =
	    "동네 도서관, 밤 10시까지 문 연다\n"
	    "햇살구는 다음 달 1일부터 구립 도서관 다섯 곳의 운영시간을 밤 10시까지 "
	    "늘린다고 밝혔다.\n"
	    "달라지는 점\n"
	    "평일 운영시간은 오전 9시부터 밤 10시까지다.\n"
	    "끝";

	CHECK_INT(sift_clean(&cl, t, strlen(t)), 0);
	CHECK_STR(cl.text.data, t);
}

TEST(a_text_of_only_junk_becomes_empty)
{
	clean("전체메뉴\n로그인\n회원가입\n공유하기\n댓글 0\n0 / 300\n많이 본 뉴스\n");
	CHECK_STR(cl.text.data, "");
	CHECK_INT(cl.nd, 7);
}

TEST(an_empty_text_stays_empty)
{
	CHECK_INT(sift_clean(&cl, "", 0), 0);
	CHECK_STR(cl.text.data, "");
	CHECK_INT(cl.nd, 0);
	CHECK(cl.meta[SIFT_META_TITLE] == NULL);
}

TEST(exact_repeats_keep_their_first_occurrence)
{
	clean("첫 문단입니다. 오늘 회의에서 예산안이 통과됐다.\n"
	    "둘째 문단입니다. 위원들은 만장일치로 찬성했다.\n"
	    "첫 문단입니다. 오늘 회의에서 예산안이 통과됐다.\n");
	CHECK_STR(cl.text.data, "첫 문단입니다. 오늘 회의에서 예산안이 통과됐다.\n"
	    "둘째 문단입니다. 위원들은 만장일치로 찬성했다.");
	CHECK_STR(cl.d[2].reason, "duplicate");
}

TEST(paragraph_breaks_survive)
{
	clean("첫 문단입니다. 오늘 회의에서 예산안이 통과됐다.\n\n"
	    "둘째 문단입니다. 위원들은 만장일치로 찬성했다.");
	CHECK_STR(cl.text.data, "첫 문단입니다. 오늘 회의에서 예산안이 통과됐다.\n\n"
	    "둘째 문단입니다. 위원들은 만장일치로 찬성했다.");
}

TEST(a_dateline_is_lifted_and_its_paragraph_kept)
{
	clean("산업\n전기버스 충전소 100곳 늘린다\n"
	    "(대전=새벽일보) 한도윤 기자 = 대전시가 내년까지 전기버스 충전소 "
	    "100곳을 새로 짓는다고 6일 밝혔다.\n공유하기\n");
	CHECK(kept("(대전=새벽일보) 한도윤 기자 = 대전시가"));
	CHECK_STR(meta(SIFT_META_DATELINE), "(대전=새벽일보)");
	CHECK_STR(meta(SIFT_META_AUTHOR), "한도윤");
}

TEST(english_pages_are_cleaned_too)
{
	clean("The Harbor Ledger\nHome | World | Business | Tech\nSign in\n"
	    "We use cookies to improve your experience. By continuing to browse, "
	    "you agree to our use of cookies.\n"
	    "Lumen Robotics opens first overseas factory in Vietnam\n"
	    "By Grace Holt, Technology Correspondent\n"
	    "Published November 5, 2024 7:15 AM\nShare this article\n"
	    "Lumen Robotics, a maker of sidewalk delivery robots, said Tuesday it "
	    "has opened its first factory outside South Korea.\n"
	    "Advertisement\n"
	    "The plant can assemble up to 12,000 robots a year and will employ "
	    "about 600 people, the company said.\n"
	    "Related stories\nDelivery robots hit the sidewalks of Incheon\n"
	    "Copyright © 2024 The Harbor Ledger. All rights reserved.\n");
	CHECK_STR(cl.text.data,
	    "Lumen Robotics opens first overseas factory in Vietnam\n"
	    "Lumen Robotics, a maker of sidewalk delivery robots, said Tuesday it "
	    "has opened its first factory outside South Korea.\n"
	    "The plant can assemble up to 12,000 robots a year and will employ "
	    "about 600 people, the company said.");
	CHECK_STR(reason("We use cookies"), "cookie");
	CHECK_STR(meta(SIFT_META_AUTHOR), "Grace Holt");
	CHECK_STR(meta(SIFT_META_DATE), "2024-11-05T07:15");
}

TEST(normalization_runs_first)
{
	/* decomposed jamo and a zero width space inside a menu word */
	clean("\xe1\x84\x86\xe1\x85\xa6\xe1\x84\x82\xe1\x85\xb2\n"
	    "로그\xe2\x80\x8b인\n");
	CHECK_STR(reason("메뉴"), "menu");
	CHECK_STR(reason("로그인"), "login");
}

TEST(the_state_is_reused_across_calls)
{
	int i;

	for (i = 0; i < 3; i++) {
		clean(page);
		CHECK_STR(meta(SIFT_META_AUTHOR), "윤재희");
		clean("");
		CHECK(cl.meta[SIFT_META_AUTHOR] == NULL);
	}
}

int
main(void)
{
	sift_cleaner_init(&cl, 0);
	RUN(rule_table_parses);
	RUN(patterns_match_whole_lines);
	RUN(article_lines_are_kept_and_furniture_dropped);
	RUN(title_and_deck_above_the_byline_are_kept);
	RUN(captions_go_with_their_repeats);
	RUN(a_related_box_inside_the_body_does_not_end_the_article);
	RUN(the_teaser_after_the_article_is_dropped);
	RUN(byline_date_and_copyright_are_lifted);
	RUN(decisions_name_input_lines);
	RUN(a_page_that_is_all_article_loses_nothing);
	RUN(a_text_of_only_junk_becomes_empty);
	RUN(an_empty_text_stays_empty);
	RUN(exact_repeats_keep_their_first_occurrence);
	RUN(paragraph_breaks_survive);
	RUN(a_dateline_is_lifted_and_its_paragraph_kept);
	RUN(english_pages_are_cleaned_too);
	RUN(normalization_runs_first);
	RUN(the_state_is_reused_across_calls);
	sift_cleaner_release(&cl);
	return unit_done();
}
