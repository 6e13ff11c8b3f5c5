/* Unit tests for lib/quotes.c: quotation marks, speech, speakers. */
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "quotes.h"
#include "segment.h"
#include "unit.h"

static struct sift_names nm = SIFT_NAMES_INIT;
static struct sift_quotes q = SIFT_QUOTES_INIT;
static struct sift_spans sent = SIFT_SPANS_INIT;
static char got[1024];

/* All quotes of s as "text=speaker;..." (speaker ? when unknown). */
static const char *
quotes(const char *s)
{
	struct sift_segment_opts o = SIFT_SEGMENT_OPTS_INIT;
	size_t i, n = 0;

	sift_segment(s, strlen(s), &o, &sent);
	sift_names_find(&nm, s, strlen(s));
	sift_quotes_find(&q, &nm, sent.v, sent.n);
	got[0] = '\0';
	for (i = 0; i < q.n && n < sizeof(got) - 200; i++) {
		const struct sift_quote *x = &q.v[i];
		const char *sp = "?";
		int splen = 1;

		if (x->person >= 0) {
			sp = s + nm.people[x->person].name;
			splen = (int)nm.people[x->person].name_len;
		} else if (x->speaker_len) {
			sp = s + x->speaker;
			splen = (int)x->speaker_len;
		}
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%.*s=%.*s",
		    i ? ";" : "", (int)(x->end - x->start), s + x->start, splen, sp);
	}
	return got;
}

TEST(speaker_before_the_quote_with_quotative_endings)
{
	CHECK_STR(quotes("홍길동 한빛전자 대표는 \"매출이 늘 것\"이라고 말했다."),
	    "매출이 늘 것=홍길동");
	CHECK_STR(quotes("김영희 누리소프트 대표는 \"가격을 낮췄다\"며 \"고객이 "
	    "체감할 것\"이라고 설명했다."),
	    "가격을 낮췄다=김영희;고객이 체감할 것=김영희");
}

TEST(speaker_after_the_quote_and_possessive)
{
	CHECK_STR(quotes("박철수 대한그룹 회장이 왔다. \"투자를 멈추면 안 된다\"고 "
	    "박 회장은 강조했다."), "투자를 멈추면 안 된다=박철수");
	CHECK_STR(quotes("김영희 대표가 웃었다. \"우리는 아직 배고프다.\" 김 대표의 "
	    "말이다."), "우리는 아직 배고프다.=김영희");
}

TEST(curly_and_nested_quotes)
{
	CHECK_STR(quotes("정민호 교수는 “그가 ‘괜찮다’고 했다”고 전했다."),
	    "그가 ‘괜찮다’고 했다=정민호");
	CHECK_STR(quotes("이수진 기자는 “한 문장이다. 두 문장이다.”라고 썼다."),
	    "한 문장이다. 두 문장이다.=이수진");
}

TEST(pronouns_and_partial_names_resolve)
{
	CHECK_STR(quotes("홍길동 한빛전자 최고기술책임자(CTO)가 발표했다. 그는 "
	    "\"수율이 60%를 넘었다\"고 말했다. 홍 CTO는 \"연내 양산한다\"고 "
	    "덧붙였다."), "수율이 60%를 넘었다=홍길동;연내 양산한다=홍길동");
}

TEST(a_quote_standing_alone_takes_the_next_sentence_speaker)
{
	CHECK_STR(quotes("김영희 대표와 박철수 회장이 만났다. “협력은 계속될 "
	    "것입니다.” 박 회장은 이렇게 덧붙였다."),
	    "협력은 계속될 것입니다.=박철수");
}

TEST(a_second_quote_continues_the_previous_speaker)
{
	CHECK_STR(quotes("윤태식 대변인은 \"일자리의 질이 중요하다\"고 말했다. "
	    "이어 \"비정규직 비율을 공개하라\"고 요구했다."),
	    "일자리의 질이 중요하다=윤태식;비정규직 비율을 공개하라=윤태식");
}

TEST(unnamed_sources_and_organisations)
{
	CHECK_STR(quotes("업계 관계자는 \"경쟁이 치열해질 것\"이라고 내다봤다."),
	    "경쟁이 치열해질 것=업계 관계자");
	CHECK_STR(quotes("한빛전자 측은 \"사실이 아니다\"라고 해명했다."),
	    "사실이 아니다=한빛전자 측");
	CHECK_STR(quotes("한 보좌관은 \"분위기가 누그러졌다\"고 전했다."),
	    "분위기가 누그러졌다=보좌관");
}

TEST(a_speaker_with_an_age_after_another_speaker)
{
	/* "(68)씨는", "(70)은": the particle after the age marks the
	 * subject, so the earlier speaker does not go on */
	CHECK_STR(quotes("한결시 박서윤 과장은 \"신청이 늘었다\"고 설명했다. "
	    "시장 상인 고만석(68)씨는 \"손님이 반으로 줄었다\"고 말했다. "
	    "화가 문태오(70)는 \"붓을 놓지 않겠다\"고 했다."),
	    "신청이 늘었다=박서윤;손님이 반으로 줄었다=고만석;"
	    "붓을 놓지 않겠다=문태오");
}

TEST(quoted_terms_are_not_speech)
{
	CHECK_STR(quotes("이번 행사는 '미래 기술'을 주제로 열렸다. 신제품 "
	    "\"누리온\"이 나왔다."), "");
	CHECK_STR(quotes("He said he didn't know, and it's fine."), "");
}

TEST(english_said_before_or_after_the_name)
{
	CHECK_STR(quotes("\"We will grow,\" said Jane Roe, chief executive of Acme "
	    "Corp. \"Prices will fall,\" Roe said. \"Costs are high,\" she said."),
	    "We will grow,=Jane Roe;Prices will fall,=Jane Roe;"
	    "Costs are high,=Jane Roe");
}

TEST(this_title_resolves_to_the_person_with_that_title)
{
	/* 이 대표: the 대표 named before, not the last person in focus */
	CHECK_STR(quotes("누리바이오 한지석 대표가 왔다. \"흑자다\"라고 "
	    "김하람 대변인이 말했다. 이 대표는 \"내년에는 흑자\"라고 했다."),
	    "흑자다=김하람;내년에는 흑자=한지석");
}

TEST(a_possessive_source_before_a_speech_noun)
{
	CHECK_STR(quotes("\"시장이 과열됐다\"는 게 금융당국 관계자의 "
	    "설명이다."), "시장이 과열됐다=금융당국 관계자");
	CHECK_STR(quotes("\"규제가 너무 많다\"는 것이 한빛전자 오세린 "
	    "부사장의 주장이다."), "규제가 너무 많다=오세린");
}

TEST(a_paragraph_quote_then_a_person_introduced)
{
	/* no speech verb after, but the next sentence introduces someone */
	CHECK_STR(quotes("정윤호 교수는 \"늦었다\"고 말했다.\n"
	    "\"손님이 줄었어요.\" 떡집을 하는 김순례(62)씨는 한숨을 쉬었다."),
	    "늦었다=정윤호;손님이 줄었어요.=김순례");
	/* in the same paragraph the previous speaker goes on */
	CHECK_STR(quotes("정윤호 교수는 \"늦었다\"고 말했다. "
	    "\"손님이 줄었어요.\" 떡집을 하는 김순례(62)씨는 한숨을 쉬었다."),
	    "늦었다=정윤호;손님이 줄었어요.=정윤호");
}

TEST(an_untitled_name_as_the_subject_speaks)
{
	CHECK_STR(quotes("빈소희는 \"처음 와봤다\"고 말했다."),
	    "처음 와봤다=빈소희");
	/* a foreign surname alone after the full name */
	CHECK_STR(quotes("안드레아스 포겔 감독이 웃었다. 포겔은 \"잘했다\"고 "
	    "말했다. 김민수 코치도 왔다. \"다음이 중요하다\"는 게 포겔의 "
	    "말이다."), "잘했다=안드레아스 포겔;다음이 중요하다=안드레아스 포겔");
}

TEST(a_korean_name_in_english_and_its_family_name_alone)
{
	CHECK_STR(quotes("South Korea's Yoo Ha-rin won the title. \"I was "
	    "shaking,\" Yoo said."), "I was shaking,=Yoo Ha-rin");
}

TEST(a_family_name_with_an_honorific_resolves_to_the_full_name)
{
	CHECK_STR(quotes("어민 곽성호(59)씨의 그물에 걸렸다. 곽씨는 \"놀랐다\"고 "
	    "말했다."), "놀랐다=곽성호");
}

TEST(also_marks_a_speaker_too)
{
	/* 도 "also": the second member speaks, not the first */
	CHECK_STR(quotes("민생당 편지아 의원은 \"늦었다\"고 말했다. 같은 당 "
	    "권오석 의원도 \"부족하다\"고 비판했다."),
	    "늦었다=편지아;부족하다=권오석");
}

TEST(an_english_subject_with_an_apposition_before_said)
{
	CHECK_STR(quotes("Vice Minister Seo Jae-hyun spoke first. Karin "
	    "Holmqvist, an analyst at Nordvik Research, said the plan was "
	    "\"credible but late.\""),
	    "credible but late.=Karin Holmqvist");
	/* an organisation opening the sentence is no speaker of it */
	CHECK_STR(quotes("\"We will grow,\" Jane Roe said. Acme Motors, "
	    "the maker, said the plan was \"on track.\""),
	    "We will grow,=Jane Roe;on track.=Jane Roe");
}

TEST(english_unnamed_sources_and_a_quote_before_another_speaker)
{
	CHECK_STR(quotes("\"We are proud of him,\" a Hangang FC spokesperson "
	    "said. \"It is over,\" said a senior ministry official."),
	    "We are proud of him,=a Hangang FC spokesperson;"
	    "It is over,=a senior ministry official");
	/* a quote alone goes on with its speaker when the next sentence
	 * opens with another speaker's quote */
	/* "X said" made X a person; "X chief executive NAME" shows it is
	 * the company */
	CHECK_STR(quotes("Haneul Orbit said on Thursday it flew. \"We built "
	    "it,\" Haneul Orbit chief executive Ahn So-yeon told reporters."),
	    "We built it,=Ahn So-yeon");
	CHECK_STR(quotes("Pitcher Baek Seung-hoon signed. \"I grew up here,\" "
	    "Baek said. \"Now kids watch me.\"\n\"He hides the ball,\" "
	    "manager Sam Whitlock said."),
	    "I grew up here,=Baek Seung-hoon;Now kids watch me.=Baek Seung-hoon;"
	    "He hides the ball,=Sam Whitlock");
}

TEST(no_speaker_anywhere_is_unknown)
{
	CHECK_STR(quotes("\"모두가 알고 있다\"는 말이 돌았다."),
	    "모두가 알고 있다=?");
}

int
main(void)
{
	RUN(speaker_before_the_quote_with_quotative_endings);
	RUN(speaker_after_the_quote_and_possessive);
	RUN(curly_and_nested_quotes);
	RUN(pronouns_and_partial_names_resolve);
	RUN(a_quote_standing_alone_takes_the_next_sentence_speaker);
	RUN(a_second_quote_continues_the_previous_speaker);
	RUN(unnamed_sources_and_organisations);
	RUN(quoted_terms_are_not_speech);
	RUN(english_said_before_or_after_the_name);
	RUN(this_title_resolves_to_the_person_with_that_title);
	RUN(a_possessive_source_before_a_speech_noun);
	RUN(a_paragraph_quote_then_a_person_introduced);
	RUN(an_untitled_name_as_the_subject_speaks);
	RUN(a_korean_name_in_english_and_its_family_name_alone);
	RUN(a_family_name_with_an_honorific_resolves_to_the_full_name);
	RUN(also_marks_a_speaker_too);
	RUN(an_english_subject_with_an_apposition_before_said);
	RUN(english_unnamed_sources_and_a_quote_before_another_speaker);
	RUN(no_speaker_anywhere_is_unknown);
	RUN(a_speaker_with_an_age_after_another_speaker);
	sift_names_release(&nm);
	sift_quotes_release(&q);
	sift_spans_release(&sent);
	return unit_done();
}
