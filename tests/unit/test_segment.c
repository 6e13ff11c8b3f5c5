/*
 * test_segment.c - the sentence segmenter: a table of hard cases (our own
 * invented sentences), the span contract, the options, and inputs built to
 * make a careless scanner slow or wrong.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "data.h"
#include "segment.h"
#include "unit.h"

/* Segment text and join the sentences with " | ". */
static const char *
split(const char *text, const struct sift_segment_opts *opts)
{
	static struct sift_buf out = SIFT_BUF_INIT;
	struct sift_spans sp = SIFT_SPANS_INIT;
	size_t i;

	sift_buf_reset(&out);
	sift_segment(text, strlen(text), opts, &sp);
	for (i = 0; i < sp.n; i++) {
		if (i)
			sift_buf_adds(&out, " | ");
		sift_buf_add(&out, text + sp.v[i].start, sp.v[i].end - sp.v[i].start);
	}
	sift_spans_release(&sp);
	return out.data;
}

struct hard_case {
	const char *why;
	const char *text;
	const char *want;	/* sentences joined with " | " */
};

static const struct hard_case hard_cases[] = {
	/* Korean news */
	{ "decimal number", "매출이 2.5배 늘었다. 영업이익도 증가했다.",
	  "매출이 2.5배 늘었다. | 영업이익도 증가했다." },
	{ "sentences glued without a space",
	  "두 배로 늘었다.이에 따라 주가도 올랐다.",
	  "두 배로 늘었다. | 이에 따라 주가도 올랐다." },
	{ "quote with a period inside, then 고",
	  "김 대표는 \"올해는 쉽지 않다. 다만 최선을 다하겠다\"고 말했다. 주가는 올랐다.",
	  "김 대표는 \"올해는 쉽지 않다. 다만 최선을 다하겠다\"고 말했다. | 주가는 올랐다." },
	{ "two quotes joined by 며",
	  "그는 \"공장을 짓겠다\"며 \"투자는 계속된다\"고 밝혔다.",
	  "그는 \"공장을 짓겠다\"며 \"투자는 계속된다\"고 밝혔다." },
	{ "curly quotes and 라고",
	  "그는 “실적이 좋다. 하반기도 자신 있다”라고 강조했다. 이어 질문을 받았다.",
	  "그는 “실적이 좋다. 하반기도 자신 있다”라고 강조했다. | 이어 질문을 받았다." },
	{ "straight single quotes",
	  "'목표는 달성했다. 내년이 문제다'라는 말이 나왔다.",
	  "'목표는 달성했다. 내년이 문제다'라는 말이 나왔다." },
	{ "curly single quotes",
	  "‘작은 약속부터 지키자. 그게 신뢰다’는 취지였다.",
	  "‘작은 약속부터 지키자. 그게 신뢰다’는 취지였다." },
	{ "a whole quoted utterance, then the speaker",
	  "“결정은 불가피했다. 주주께 죄송하다.” 최 대표는 이렇게 말했다.",
	  "“결정은 불가피했다. 주주께 죄송하다.” | 최 대표는 이렇게 말했다." },
	{ "dates with periods",
	  "발표는 2024.03.14에 있었다. 시행일은 2024. 9. 1. 이후다.",
	  "발표는 2024.03.14에 있었다. | 시행일은 2024. 9. 1. 이후다." },
	{ "versions", "GPT-4.1 모델과 v2.0 버전이 공개됐다. 가격은 미정이다.",
	  "GPT-4.1 모델과 v2.0 버전이 공개됐다. | 가격은 미정이다." },
	{ "ellipsis in a headline", "반도체 회복… 7월 수출 14% 증가",
	  "반도체 회복… 7월 수출 14% 증가" },
	{ "quote and ellipsis in a headline", "\"조직 문화 바꾸겠다\"… 누리은행장 취임",
	  "\"조직 문화 바꾸겠다\"… 누리은행장 취임" },
	{ "URL and e-mail address",
	  "자세한 내용은 누리집(https://www.example.co.kr/a.html?id=3)을 보라. 문의는 help@example.co.kr로 하면 된다.",
	  "자세한 내용은 누리집(https://www.example.co.kr/a.html?id=3)을 보라. | 문의는 help@example.co.kr로 하면 된다." },
	{ "hanja in parentheses", "청주시(市)와 청원군(郡)이 통합했다. 주민 투표를 거쳤다.",
	  "청주시(市)와 청원군(郡)이 통합했다. | 주민 투표를 거쳤다." },
	{ "Markdown emphasis", "이번 조치는 **한시적**이다. 내년에 다시 검토한다.",
	  "이번 조치는 **한시적**이다. | 내년에 다시 검토한다." },
	{ "inline bullets", "▲입지 규제 완화 ▲인허가 단축 등이 포함됐다.",
	  "▲입지 규제 완화 ▲인허가 단축 등이 포함됐다." },
	{ "list lines", "→ 수출 14% 증가\n• 반도체 호조\n- 중국 수출 감소",
	  "→ 수출 14% 증가 | • 반도체 호조 | - 중국 수출 감소" },
	{ "numbered items", "1. 첫째 항목이다. 2. 둘째 항목이다.",
	  "1. 첫째 항목이다. | 2. 둘째 항목이다." },
	{ "a line that ends without punctuation",
	  "정부는 목표를 밝혔다\n다음 문단이다.", "정부는 목표를 밝혔다 | 다음 문단이다." },
	{ "a quote with a question mark in a headline", "\"AI가 일자리 뺏나?\" 전문가들 \"과장된 공포\"",
	  "\"AI가 일자리 뺏나?\" 전문가들 \"과장된 공포\"" },
	{ "interview labels", "Q. 올해 계획은?\nA. 해외 진출이다. 상장도 검토한다.",
	  "Q. 올해 계획은? | A. 해외 진출이다. | 상장도 검토한다." },
	{ "a byline and dateline stay with the first sentence",
	  "(서울=가온뉴스) 김도윤 기자 = 라온에너지가 공장을 짓는다. 착공은 내년이다.",
	  "(서울=가온뉴스) 김도윤 기자 = 라온에너지가 공장을 짓는다. | 착공은 내년이다." },
	{ "a name that ends like -다", "기시다 후미오 전 총리가 방한했다. 회담은 내일이다.",
	  "기시다 후미오 전 총리가 방한했다. | 회담은 내일이다." },
	{ "-게 되다 is one verb", "그는 사실을 알게 되었다. 이후 회사를 떠났다.",
	  "그는 사실을 알게 되었다. | 이후 회사를 떠났다." },
	{ "in punctuated text -었다 before a verb is the connective -었다(가)",
	  "시험은 끝났다. 회사는 결과를 밝혔다. 주가는 올랐다. 시장은 반응했다. 30만 회를 접었다 펴도 문제가 없었다.",
	  "시험은 끝났다. | 회사는 결과를 밝혔다. | 주가는 올랐다. | 시장은 반응했다. | 30만 회를 접었다 펴도 문제가 없었다." },
	{ "-다 보니 is a connective", "일을 하다 보니 시간이 늦었다.",
	  "일을 하다 보니 시간이 늦었다." },
	{ "a question", "올해 김장 비용은 얼마나 될까? 지난해보다 비싸다.",
	  "올해 김장 비용은 얼마나 될까? | 지난해보다 비싸다." },
	{ "a quotative verb after a question mark", "이게 뭐지?? 하고 검색을 해봤다.",
	  "이게 뭐지?? 하고 검색을 해봤다." },
	{ "a note in parentheses after a sentence",
	  "그는 대회 우승자이기도 하다. (6회 우승) 또한 코치로도 일했다.",
	  "그는 대회 우승자이기도 하다. (6회 우승) | 또한 코치로도 일했다." },
	{ "footnote marks", "그는 제안을 거절하였다.[2] 법에 따르면 문제가 없다.",
	  "그는 제안을 거절하였다.[2] | 법에 따르면 문제가 없다." },
	{ "an unclosed quote does not swallow the paragraph",
	  "그는 \"올해는 힘들다. 내년을 보자고 했다. 발표는 다음 주다.",
	  "그는 \"올해는 힘들다. | 내년을 보자고 했다. | 발표는 다음 주다." },
	{ "number abbreviation", "No. 5 선수가 골을 넣었다. 경기는 끝났다.",
	  "No. 5 선수가 골을 넣었다. | 경기는 끝났다." },
	/* informal Korean without punctuation */
	{ "final endings without punctuation", "정말 맛있었어요 다음에 또 갈게요",
	  "정말 맛있었어요 | 다음에 또 갈게요" },
	{ "a laugh ends the sentence", "다들 잘 드셨습니다ㅋㅋ 다음 메뉴는 우동이었다.",
	  "다들 잘 드셨습니다ㅋㅋ | 다음 메뉴는 우동이었다." },
	{ "an emoticon glued between sentences", "포스팅해볼게요^^로마 경양식은 1층에 있어요",
	  "포스팅해볼게요^^ | 로마 경양식은 1층에 있어요" },
	{ "-지 않다 continues", "그렇게 쉽지 않았다 그래도 해냈다",
	  "그렇게 쉽지 않았다 | 그래도 해냈다" },
	{ "a postposition in -해 is no ending", "해결하기 위해 저는 노브랜드로 갔다.",
	  "해결하기 위해 저는 노브랜드로 갔다." },
	/* English */
	{ "abbreviation before a capital", "I work for the U.S. Government in Virginia.",
	  "I work for the U.S. Government in Virginia." },
	{ "abbreviation at the end", "I live in the U.S. How about you?",
	  "I live in the U.S. | How about you?" },
	{ "title and vs.", "Dr. Kim met Mr. Lee. Apple vs. Samsung goes on.",
	  "Dr. Kim met Mr. Lee. | Apple vs. Samsung goes on." },
	{ "quote ends the sentence", "She said, \"This is great.\" She left.",
	  "She said, \"This is great.\" | She left." },
	{ "quote inside the sentence", "\"This is great.\" she said.",
	  "\"This is great.\" she said." },
	{ "initials", "My name is Jonas E. Smith. I live here.",
	  "My name is Jonas E. Smith. | I live here." },
	{ "spaced ellipsis inside", "I wasn’t really . . . well, I didn’t mean it.",
	  "I wasn’t really . . . well, I didn’t mean it." },
	{ "no space between sentences",
	  "Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.",
	  "Hello world. | Today is Tuesday. | Mr. Smith bought 1,000. | That is a lot." },
	{ "but a host name or a dotted name is no glued sentence",
	  "Visit example.Com or ASP.NET today.", "Visit example.Com or ASP.NET today." },
	/* CJK */
	{ "Japanese", "これはペンです。それはマーカーです。",
	  "これはペンです。 | それはマーカーです。" },
	{ "Chinese with a title in 《》", "我们明天一起去看《摔跤吧！爸爸》好吗？好！",
	  "我们明天一起去看《摔跤吧！爸爸》好吗？ | 好！" },
};

TEST(hard_cases)
{
	size_t i;

	for (i = 0; i < sizeof(hard_cases) / sizeof(*hard_cases); i++) {
		const char *got = split(hard_cases[i].text, NULL);

		if (strcmp(got, hard_cases[i].want) != 0) {
			printf("# case %zu (%s)\n", i, hard_cases[i].why);
			CHECK_STR(got, hard_cases[i].want);
		}
	}
}

/* The span contract on one text: trimmed, non-empty, in order, and covering
 * every non-space byte. */
static int
spans_ok(const char *text)
{
	struct sift_spans sp = SIFT_SPANS_INIT;
	size_t n = strlen(text), i, pos = 0, j;
	int ok = 1;

	sift_segment(text, n, NULL, &sp);
	for (i = 0; i < sp.n && ok; i++) {
		size_t a = sp.v[i].start, b = sp.v[i].end;

		if (a >= b || a < pos || b > n)
			ok = 0;
		else if (text[a] == ' ' || text[b - 1] == ' ' ||
		    text[a] == '\n' || text[b - 1] == '\n')
			ok = 0;
		for (j = pos; ok && j < a; j++)
			if (text[j] != ' ' && text[j] != '\n' && text[j] != '\t')
				ok = 0;
		pos = b;
	}
	for (j = pos; ok && j < n; j++)
		if (text[j] != ' ' && text[j] != '\n' && text[j] != '\t')
			ok = 0;
	sift_spans_release(&sp);
	return ok;
}

TEST(spans_are_trimmed_ordered_and_cover_the_text)
{
	size_t i;

	for (i = 0; i < sizeof(hard_cases) / sizeof(*hard_cases); i++)
		CHECK(spans_ok(hard_cases[i].text));
	CHECK(spans_ok("  앞뒤 공백.   \n\n  다음 문단 \n"));
	CHECK(spans_ok("\"unclosed ( [ { “ ‘ 「 quote. Next."));
}

TEST(empty_and_blank_texts_have_no_sentences)
{
	struct sift_spans sp = SIFT_SPANS_INIT;

	CHECK_INT(sift_segment("", 0, NULL, &sp), 0);
	CHECK_INT(sift_segment(" \n\t\n ", 5, NULL, &sp), 0);
	CHECK_INT(sift_segment("...", 3, NULL, &sp), 1);
	sift_spans_release(&sp);
}

TEST(out_is_reset_before_use)
{
	struct sift_spans sp = SIFT_SPANS_INIT;

	sift_segment("첫째다. 둘째다. 셋째다.", strlen("첫째다. 둘째다. 셋째다."), NULL, &sp);
	CHECK_INT(sp.n, 3);
	CHECK_INT(sift_segment("넷.", strlen("넷."), NULL, &sp), 1);
	CHECK_INT(sp.n, 1);
	sift_spans_release(&sp);
}

TEST(newline_breaks_option)
{
	struct sift_segment_opts o = SIFT_SEGMENT_OPTS_INIT;
	const char *wrapped = "The report was published\non Monday. It is long.";

	CHECK_STR(split(wrapped, &o),
	    "The report was published | on Monday. | It is long.");
	o.newline_breaks = 0;
	CHECK_STR(split(wrapped, &o), "The report was published\non Monday. | It is long.");
	/* a blank line still ends a paragraph */
	CHECK_STR(split("제목\n\n본문이다.", &o), "제목 | 본문이다.");
	CHECK_STR(split("제목\n \n본문이다.", &o), "제목 | 본문이다.");
}

TEST(ko_endings_option)
{
	struct sift_segment_opts o = SIFT_SEGMENT_OPTS_INIT;

	o.ko_endings = 0;
	CHECK_STR(split("정말 맛있었어요 다음에 또 갈게요", &o),
	    "정말 맛있었어요 다음에 또 갈게요");
	/* punctuation still splits */
	CHECK_STR(split("맛있었어요. 또 갈게요", &o), "맛있었어요. | 또 갈게요");
}

TEST(code_point_offsets)
{
	const char *t = "가나다. ab. 라마.";
	struct sift_spans sp = SIFT_SPANS_INIT;

	CHECK_INT(sift_segment(t, strlen(t), NULL, &sp), 3);
	sift_spans_to_codepoints(t, &sp);
	CHECK_INT(sp.v[0].start, 0);
	CHECK_INT(sp.v[0].end, 4);
	CHECK_INT(sp.v[1].start, 5);
	CHECK_INT(sp.v[1].end, 8);
	CHECK_INT(sp.v[2].start, 9);
	CHECK_INT(sp.v[2].end, 12);
	sift_spans_release(&sp);
}

/* Seconds of CPU to segment n copies of unit. */
static double
time_units(const char *unit, size_t n, struct sift_spans *sp)
{
	size_t i, len = strlen(unit);
	char *text = malloc(n * len + 1);
	clock_t t0;
	double secs;

	for (i = 0; i < n; i++)
		memcpy(text + i * len, unit, len);
	text[n * len] = '\0';
	t0 = clock();
	sift_segment(text, n * len, NULL, sp);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	free(text);
	return secs;
}

/* Inputs that would make a scanner with unbounded look-behind or
 * look-ahead quadratic: four times the input must take about four times
 * as long, not sixteen (the bound is loose so that a loaded machine or
 * valgrind does not fail it). */
TEST(pathological_inputs_stay_linear)
{
	static const char *const units[] = {
		"a.",			/* one endless token full of periods */
		"가.",			/* the same in Hangul */
		"\"(",			/* openers that never close */
		"… ",			/* ellipses in one long line */
		"ㅋ",			/* one endless laugh */
		"했다 ",		/* endings without punctuation */
		"1. ",			/* list markers */
		"(가",			/* parentheses that never close */
	};
	struct sift_spans sp = SIFT_SPANS_INIT;
	size_t u, n = 50000;

	for (u = 0; u < sizeof(units) / sizeof(*units); u++) {
		double t1, t1b, t4;

		t1 = time_units(units[u], n, &sp);
		t1b = time_units(units[u], n, &sp);
		if (t1b < t1)
			t1 = t1b;
		t4 = time_units(units[u], 4 * n, &sp);
		if (t4 > 10 * t1 + 0.05)
			printf("# unit \"%s\": %.3fs for %zu, %.3fs for %zu\n",
			    units[u], t1, n, t4, 4 * n);
		CHECK(t4 <= 10 * t1 + 0.05);
	}
	sift_spans_release(&sp);
}

/* The rule tables: present, and no key listed twice (a second line would
 * silently override the first). */
TEST(rule_tables_have_no_duplicate_keys)
{
	static const char *const files[] = {
		"segment-en-abbrev.tsv", "segment-en-openers.txt",
		"segment-ko-endings.tsv", "segment-ko-next.tsv"
	};
	size_t f;

	for (f = 0; f < sizeof(files) / sizeof(*files); f++) {
		const char *text, *line, *fld[2], *seen[2048];
		size_t len, pos = 0, l, fl[2], nseen = 0, seenlen[2048], i;
		int dup = 0;

		text = sift_data(files[f], &len);
		CHECK(text != NULL);
		if (text == NULL)
			continue;
		while (sift_data_next_line(text, len, &pos, &line, &l) &&
		    nseen < 2048) {
			sift_data_split(line, l, fld, fl, 2);
			for (i = 0; i < nseen; i++)
				if (seenlen[i] == fl[0] &&
				    memcmp(seen[i], fld[0], fl[0]) == 0) {
					printf("# %s: \"%.*s\" twice\n", files[f],
					    (int)fl[0], fld[0]);
					dup = 1;
				}
			seen[nseen] = fld[0];
			seenlen[nseen++] = fl[0];
		}
		CHECK(!dup);
	}
}

int
main(void)
{
	RUN(hard_cases);
	RUN(spans_are_trimmed_ordered_and_cover_the_text);
	RUN(empty_and_blank_texts_have_no_sentences);
	RUN(out_is_reset_before_use);
	RUN(newline_breaks_option);
	RUN(ko_endings_option);
	RUN(code_point_offsets);
	RUN(pathological_inputs_stay_linear);
	RUN(rule_tables_have_no_duplicate_keys);
	return unit_done();
}
