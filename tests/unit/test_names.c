/* Unit tests for lib/names.c: particles, tokens, people, organisations,
 * later mentions. */
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "unit.h"

static struct sift_names nm = SIFT_NAMES_INIT;
static char got[256];

/* The n-th person as "name|title|org". */
static const char *
person(size_t i)
{
	const struct sift_person *p;

	if (i >= nm.npeople)
		return "(none)";
	p = &nm.people[i];
	snprintf(got, sizeof(got), "%.*s|%.*s|%.*s", (int)p->name_len,
	    nm.text + p->name, (int)p->title_len, nm.text + p->title,
	    (int)p->org_len, nm.text + p->org);
	return got;
}

static const char *
org(size_t i)
{
	if (i >= nm.norgs)
		return "(none)";
	snprintf(got, sizeof(got), "%.*s", (int)nm.orgs[i].name_len,
	    nm.text + nm.orgs[i].name);
	return got;
}

/* Person mentions as "text>ref text>ref ..." */
static const char *
mentions(void)
{
	size_t i, n = 0;

	got[0] = '\0';
	for (i = 0; i < nm.nm && n < sizeof(got) - 40; i++) {
		if (nm.m[i].type != SIFT_MENTION_PERSON)
			continue;
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%.*s>%d",
		    n ? " " : "", (int)(nm.m[i].end - nm.m[i].start),
		    nm.text + nm.m[i].start, (int)nm.m[i].ref);
	}
	return got;
}

static size_t
find(const char *s)
{
	return sift_names_find(&nm, s, strlen(s));
}

static size_t
strip(const char *s)
{
	return sift_strip_particles(s, strlen(s), NULL);
}

/* A text and the people it must give, "name|title|org", in order. */
struct people_case {
	const char *text;
	const char *want[3];
};

static void
check_people(const struct people_case *c, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		find(c[i].text);
		for (j = 0; j < 3 && c[i].want[j] != NULL; j++) {
			if (strcmp(person(j), c[i].want[j]) != 0) {
				printf("# %s: person %zu is \"%s\", want \"%s\"\n",
				    c[i].text, j, person(j), c[i].want[j]);
				unit_cur_failed = 1;
			}
		}
	}
}

TEST(particles_are_stripped_from_nouns)
{
	CHECK_INT(strip("한빛전자가"), strlen("한빛전자"));
	CHECK_INT(strip("누리소프트와"), strlen("누리소프트"));
	CHECK_INT(strip("정부는"), strlen("정부"));
	CHECK_INT(strip("누리소프트와의"), strlen("누리소프트"));
	CHECK_INT(strip("회장에게까지"), strlen("회장"));
	CHECK_INT(strip("SK텔레콤이"), strlen("SK텔레콤"));
}

TEST(nouns_that_end_like_particles_stay_whole)
{
	CHECK_INT(strip("전문가"), strlen("전문가"));
	CHECK_INT(strip("전문가가"), strlen("전문가"));
	CHECK_INT(strip("결과"), strlen("결과"));
	CHECK_INT(strip("해양학과"), strlen("해양학과"));
	CHECK_INT(strip("연구성과를"), strlen("연구성과"));
	/* a listed word before the particle: 교수 + 도, not 교 + 수도 */
	CHECK_INT(strip("교수도"), strlen("교수"));
	CHECK_INT(strip("교수만"), strlen("교수"));
	CHECK_INT(strip("경기도는"), strlen("경기도"));
	/* one particle off a name, never a piece of the name */
	CHECK_INT(strip("장하나를"), strlen("장하나"));
}

TEST(tokens_split_words_and_punctuation_and_keep_mixed_scripts)
{
	struct sift_toks t = SIFT_TOKS_INIT;
	const char *s = "SK텔레콤(CTO)는 \"좋다\"";

	CHECK_INT(sift_tokenize(s, strlen(s), &t), 8);
	CHECK_INT(t.v[0].end, strlen("SK텔레콤"));
	CHECK(t.v[0].kind == (SIFT_TOK_LATIN | SIFT_TOK_HANGUL));
	CHECK(t.v[1].kind == SIFT_TOK_PUNCT && t.v[1].cp == '(');
	CHECK(t.v[5].space && t.v[5].cp == '"');
	sift_toks_release(&t);
}

TEST(name_org_title_in_every_order)
{
	CHECK_INT(find("홍길동 한빛전자 최고기술책임자(CTO)는 웃었다."), 1);
	CHECK_STR(person(0), "홍길동|최고기술책임자(CTO)|한빛전자");
	find("김영희 누리소프트 대표와 박철수 대한그룹 회장이 만났다.");
	CHECK_STR(person(0), "김영희|대표|누리소프트");
	CHECK_STR(person(1), "박철수|회장|대한그룹");
	find("서울대학교 정민호 교수는 이수진 기자에게 말했다.");
	CHECK_STR(person(0), "정민호|교수|서울대학교");
	CHECK_STR(person(1), "이수진|기자|");
	find("한빛전자의 홍길동 대표는 말했다.");
	CHECK_STR(person(0), "홍길동|대표|한빛전자");
	find("누리소프트 대표 김영희는 말했다.");
	CHECK_STR(person(0), "김영희|대표|누리소프트");
	find("노무현 전 대통령이 왔다.");
	CHECK_STR(person(0), "노무현|전 대통령|");
}

TEST(roles_before_names_and_foreign_names)
{
	find("배우 이아현 씨가 폭로했다.");
	CHECK_STR(person(0), "이아현|배우|");
	find("에이펙스의 마이클 리 CEO는 말했다.");
	CHECK_STR(person(0), "마이클 리|CEO|");
	find("케리 장관은 윤병세 외교부 장관과 만났다.");
	CHECK_STR(person(0), "케리|장관|");
	CHECK_STR(person(1), "윤병세|장관|외교부");
	/* a common word before a title is no foreign name */
	CHECK_INT(find("업계 대표들이 모였다."), 0);
	CHECK_INT(find("프랜차이즈 음식점 사장이 말했다."), 0);
}

TEST(names_listed_before_one_title_share_it)
{
	find("유승민, 주호영, 윤상현 의원이 복당했다.");
	CHECK_INT(nm.npeople, 3);
	CHECK_STR(person(0), "유승민|의원|");
	CHECK_STR(person(2), "윤상현|의원|");
}

TEST(honorifics_and_ages_mark_people)
{
	find("김영희(45)씨와 김모(33)씨, A씨가 입건됐다. 이 모 씨도 왔다.");
	CHECK_STR(mentions(), "김영희>0 김>-1 A>-1 이>-1");
	CHECK_INT(nm.npeople, 1);
	find("원장 김도윤씨는 말했다.");
	CHECK_STR(person(0), "김도윤|원장|");
}

TEST(later_mentions_resolve_to_the_full_name)
{
	find("홍길동 한빛전자 CTO와 마이클 리 CEO가 만났다. 홍 CTO는 웃었고 "
	    "리 CEO도 웃었다. 홍길동은 떠났다.");
	CHECK_STR(mentions(), "홍길동>0 마이클 리>1 홍>0 리>1 홍길동>0");
}

TEST(a_different_title_is_a_different_person)
{
	find("한승우 의원은 말했다. 한 보좌관은 웃었다.");
	CHECK_STR(mentions(), "한승우>0 한>-1");
}

TEST(organisations_by_suffix_list_and_particles)
{
	find("한빛전자가 발표했고 정부는 경찰과 협의했다. 내부 일부는 반대했다.");
	CHECK_INT(nm.norgs, 3);
	CHECK_STR(org(0), "한빛전자");
	CHECK_STR(org(1), "정부");
	CHECK_STR(org(2), "경찰");
}

TEST(english_people_with_titles_and_organisations)
{
	find("\"We will grow,\" said Grace Park, chief executive of Hanul "
	    "Robotics. Dr. Jane Roe agreed. Kim Min-jun, an analyst at Seoul "
	    "Securities, was cautious.");
	CHECK_STR(person(0), "Grace Park|chief executive|Hanul Robotics");
	CHECK_STR(person(1), "Jane Roe|Dr.|");
	CHECK_STR(person(2), "Kim Min-jun|analyst|Seoul Securities");
	find("Acme Corp. and the University of Seoul signed a deal.");
	CHECK_STR(org(0), "Acme Corp.");
	CHECK_STR(org(1), "University of Seoul");
}

TEST(lists_parentheses_and_surnames_alone_in_english)
{
	find("고아라, 조윤희 씨가 왔다. 유시진 대위(송중기)가 웃었다.");
	CHECK_STR(mentions(), "고아라>0 조윤희>1 유시진>2 송중기>3");
	find("Mark Ellis, a spokesman at Apex Systems, agreed. \"Fine,\" Ellis said.");
	CHECK_STR(mentions(), "Mark Ellis>0 Ellis>0");
	CHECK_STR(person(0), "Mark Ellis|spokesman|Apex Systems");
}

TEST(places_and_nouns_shaped_like_names_are_not_people)
{
	CHECK_INT(find("서울시 주택정책실장이 왔다. 노원구에 산다. 음식점 사장이 "
	    "웃었다. 시상식은 끝났다."), 0);
	/* a rare family name with a given name is fine */
	find("할머니 맹순자씨는 웃었다.");
	CHECK_STR(person(0), "맹순자|할머니|");
}

TEST(a_university_short_name_between_name_and_title)
{
	/* 서강대 is name-shaped; after a full name it is the organisation */
	find("토론에는 정민호 한결대 교수와 윤서현 누리대 교수가 나왔다.");
	CHECK_STR(person(0), "정민호|교수|한결대");
	CHECK_STR(person(1), "윤서현|교수|누리대");
}

TEST(the_word_memo_gives_the_same_tokens_twice)
{
	struct sift_toks t = SIFT_TOKS_INIT;
	const char *s = "한빛전자가 회장에게까지 한빛전자가 SK텔레콤은 회장에게까지";
	struct sift_tok a[8];
	size_t n, i;

	n = sift_tokenize(s, strlen(s), &t);
	CHECK_INT(n, 5);
	memcpy(a, t.v, n * sizeof(a[0]));
	CHECK_INT(sift_tokenize(s, strlen(s), &t), 5);
	for (i = 0; i < n; i++) {
		CHECK_INT(t.v[i].base - t.v[i].start, a[i].base - a[i].start);
		CHECK(t.v[i].lex == a[i].lex && t.v[i].part == a[i].part &&
		    t.v[i].nsyl == a[i].nsyl && t.v[i].org_end == a[i].org_end);
	}
	/* the third word was a memo hit: the same as the first */
	CHECK_INT(t.v[2].base - t.v[2].start, t.v[0].base - t.v[0].start);
	CHECK_INT(t.v[2].org_end - t.v[2].start, t.v[0].org_end - t.v[0].start);
	CHECK_INT(t.v[1].base - t.v[1].start, 6);
	sift_toks_release(&t);
}

TEST(plain_text_has_no_people)
{
	CHECK_INT(find("오늘은 날씨가 맑고 바람이 분다. 정부는 대책을 발표했다."), 0);
	CHECK_INT(find(""), 0);
	CHECK_INT(find("!!! ... ???"), 0);
}

TEST(particles_agree_with_the_syllable_before_them)
{
	/* 이/은/을/과 follow a final consonant, 가/는/를/와 a vowel: a word
	 * ending in the wrong half of a pair keeps that syllable */
	CHECK_INT(strip("한솔플레이"), strlen("한솔플레이"));
	CHECK_INT(strip("한솔플레이가"), strlen("한솔플레이"));
	CHECK_INT(strip("하늘스카이"), strlen("하늘스카이"));
	CHECK_INT(strip("사진가"), strlen("사진가"));
	CHECK_INT(strip("마을"), strlen("마을"));
	CHECK_INT(strip("효과"), strlen("효과"));
	/* the right half still goes */
	CHECK_INT(strip("한빛은행이"), strlen("한빛은행"));
	CHECK_INT(strip("새솔바이오를"), strlen("새솔바이오"));
	CHECK_INT(strip("도시락과"), strlen("도시락"));
	find("박수진 한솔플레이 대표는 \"해외로 간다\"고 말했다.");
	CHECK_STR(person(0), "박수진|대표|한솔플레이");
}

TEST(foreign_names_ending_in_da_and_with_an_organisation)
{
	static const struct people_case cases[] = {
		/* a foreign name may end in 다, which no verb form does before another word of the phrase */
		{ "안토니오 페레이다 감독은 \"수비가 좋았다\"고 말했다.",
		    { "안토니오 페레이다|감독|" } },
		{ "회담에 나선 카를로스 벤투리 UN 특별보고관은 웃었다.",
		    { "카를로스 벤투리|특별보고관|UN" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
	/* a verb form ending in 다 still closes the sentence */
	CHECK_INT(find("경기는 끝났다 감독은 웃었다."), 0);
}

TEST(english_titles_keep_their_qualifiers)
{
	static const struct people_case cases[] = {
		{ "\"We will wait,\" said union leader Mia Torres, who called a strike.",
		    { "Mia Torres|union leader|" } },
		{ "\"It is cheap,\" said Omar Haddad, an energy analyst at Kestrel Partners.",
		    { "Omar Haddad|energy analyst|Kestrel Partners" } },
		{ "Lena Fischer, chief medical officer of Orvia Health, will leave.",
		    { "Lena Fischer|chief medical officer|Orvia Health" } },
		/* a minister's portfolio is part of the title, a governor's state is not */
		{ "Trade Minister Choi Dong-hyun met them, and Ohio Governor Dan Price left.",
		    { "Choi Dong-hyun|Trade Minister|", "Dan Price|Governor|" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
}

TEST(a_name_with_an_age_takes_the_particle_after_the_parenthesis)
{
	find("농부 강순례(68)씨는 웃었다. 화가 문태오(70)는 울었다.");
	CHECK_INT(nm.m[0].part << 11, SIFT_WC_PART_SUBJ);
	CHECK_INT(nm.m[1].part << 11, SIFT_WC_PART_SUBJ);
}

TEST(the_body_not_its_unit_is_the_organisation)
{
	static const struct people_case cases[] = {
		{ "한결공단 보상사업부 차수민 차장은 웃었다.",
		    { "차수민|차장|한결공단" } },
		{ "해양경찰청 구조센터 방하진 경위가 왔다.",
		    { "방하진|경위|해양경찰청" } },
		/* a unit with no body before it is the organisation given */
		{ "이번에 보상사업부 차수민 차장은 웃었다.",
		    { "차수민|차장|보상사업부" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
}

TEST(three_word_and_long_foreign_names_keep_every_word)
{
	static const struct people_case cases[] = {
		/* the last word looks like a noun with the particle 로 */
		{ "소피아 마르티네스 로드리게스 한빛물산 최고재무책임자(CFO)가 웃었다.",
		    { "소피아 마르티네스 로드리게스|최고재무책임자(CFO)|한빛물산" } },
		/* a foreign surname is no organisation between name and title */
		{ "한결천문연구원 우주탐사부 엘리사 크렌츠베르크 수석연구원은 웃었다.",
		    { "엘리사 크렌츠베르크|수석연구원|한결천문연구원" } },
		/* but a Korean name and a company that sounds foreign stay apart */
		{ "김도현 누리소프트 대표는 웃었다.",
		    { "김도현|대표|누리소프트" } },
		/* a foreign given name and the family name 한, not the numeral */
		{ "미국 유통업체의 토머스 한 부사장은 웃었다.",
		    { "토머스 한|부사장|" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
}

TEST(an_age_between_name_and_organisation)
{
	static const struct people_case cases[] = {
		{ "우태식(61) 한빛중공업 노조 지회장은 웃었다.",
		    { "우태식|지회장|한빛중공업" } },
		{ "남궁현(44) 한빛전자 사장은 웃었다.",
		    { "남궁현|사장|한빛전자" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
}

TEST(job_nouns_before_a_name_are_titles)
{
	static const struct people_case cases[] = {
		{ "공사장 경비원 하동석(66)씨가 웃었다.",
		    { "하동석|경비원|" } },
		{ "임대업자 표성진(49)씨가 웃었다.",
		    { "표성진|임대업자|" } },
		{ "소리꾼 조은비(50)가 무대에 섰다. 고수 문석호(70)가 북을 잡았다.",
		    { "조은비|소리꾼|", "문석호|고수|" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
}

TEST(unlisted_job_nouns_after_a_name_are_titles)
{
	static const struct people_case cases[] = {
		{ "조선소의 김민수 용접공은 웃었다.", { "김민수|용접공|" } },
		{ "반석우(58) 배관공은 말을 아꼈다.", { "반석우|배관공|" } },
		{ "이서연 요양보호사, 정하은 플로리스트가 왔다.",
		    { "이서연|요양보호사|", "정하은|플로리스트|" } },
		{ "한빛건설 나병철 미화원은 웃었다.",
		    { "나병철|미화원|한빛건설" } },
	};

	static const struct people_case before[] = {
		{ "관광통역안내사 김민수(45)씨가 웃었다.",
		    { "김민수|관광통역안내사|" } },
		{ "용접공 박철수씨는 웃었다.", { "박철수|용접공|" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
	check_people(before, sizeof(before) / sizeof(before[0]));
	/* a verb form, a listed non-job, a noun phrase going on */
	CHECK_INT(find("경찰은 추행한 혐의로 그를 조사했다."), 0);
	CHECK_INT(find("김민수 본인은 몰랐다."), 0);
	CHECK_INT(find("박지훈 지원 사격에 나섰다."), 0);
}

TEST(listed_foreign_family_names_and_titles_that_end_like_particles)
{
	static const struct people_case cases[] = {
		/* a listed family name with a particle, no title */
		{ "메르켈은 웃었다.", { "메르켈||" } },
		/* a role, a given name and a family name with a particle */
		{ "외국인 선수 엘레나 코바치는 웃었다.",
		    { "엘레나 코바치|선수|" } },
		/* 가 of 도예가 is no particle */
		{ "도예가 한수정(54)씨가 웃었다.", { "한수정|도예가|" } },
		/* a title that may stand before a name goes to the name
		 * with 씨, not to a noun shaped like a rare-surname name */
		{ "부동산 중개업자 반기철씨는 웃었다.",
		    { "반기철|중개업자|" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
	/* an adnominal verb form before a title is no name */
	CHECK_INT(find("국회에 배치한 연락관 3명이 왔다."), 0);
	CHECK_INT(find("혐의로 기소된 미용실 원장이 왔다."), 0);
}

TEST(names_in_parentheses_and_a_title_inside_them)
{
	static const struct people_case cases[] = {
		{ "한빛재단(이사장 김종규)은 행사를 열었다.",
		    { "김종규|이사장|한빛재단" } },
		{ "래퍼 원(정제원·21)이 계약했다.", { "정제원||" } },
		{ "그룹 멤버 최자(본명 최재호)가 웃었다.", { "최재호||" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
	/* the determiner 한 before a title is no family name */
	CHECK_INT(find("일본의 한 고등학생이 게임을 만들었다."), 0);
	CHECK_INT(find("충남 공주시 한 시장에서 불이 났다."), 0);
}

TEST(unlisted_given_names_between_an_organisation_and_a_title)
{
	static const struct people_case cases[] = {
		{ "한국노동연구원 석다온 연구위원은 웃었다.",
		    { "석다온|연구위원|한국노동연구원" } },
		{ "농림축산식품부 원예산업과 위단비 과장은 웃었다.",
		    { "위단비|과장|농림축산식품부" } },
		{ "가온조선의 석다온 과장이 왔다.", { "석다온|과장|가온조선" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
	/* at a phrase boundary, before a listed title with a particle */
	find("어제 석다온 과장이 왔다.");
	CHECK_STR(person(0), "석다온|과장|");
	/* but not a verb form */
	CHECK_INT(find("안을 검토한 위원장이 왔다."), 0);
}

TEST(foreign_names_keep_endings_that_look_like_particles)
{
	static const struct people_case cases[] = {
		{ "마르코 델가도 페헤이라 감독은 웃었다.",
		    { "마르코 델가도 페헤이라|감독|" } },
		{ "그의 코치 마르코 델가도 페헤이라는 말했다.",
		    { "마르코 델가도 페헤이라|코치|" } },
		/* a listed given name is whole: 카를로 is no 카를 + 로 */
		{ "카를로 로시 감독은 웃었다.", { "카를로 로시|감독|" } },
		/* a listed family name ends the name */
		{ "러셀 크로우 빼고 다 왔다.", { "러셀 크로우||" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
}

TEST(ages_titles_first_and_foreign_last_words_before_titles)
{
	static const struct people_case cases[] = {
		/* NAME(age) TITLE, and the title next to the name wins over
		 * a role before it with the copula 인 */
		{ "창업자인 용태준(41) 대표는 말했다.", { "용태준|대표|" } },
		{ "재건축조합 황인석(66) 조합장은 말했다.",
		    { "황인석|조합장|재건축조합" } },
		/* a title that usually follows a name, first in its phrase */
		{ "“좋다.” 해설위원 조명훈은 이렇게 평가했다.",
		    { "조명훈|해설위원|" } },
		/* 자 ends verbs and names: before 씨 a name */
		{ "상인 신말자(63)씨는 말했다.", { "신말자|상인|" } },
		/* 만 of 베르그만 is no particle before a title */
		{ "한강FC 토마스 베르그만 감독이 이겼다.",
		    { "토마스 베르그만|감독|" } },
		{ "한빛전자 토마스 베르그만 부사장은 말했다.",
		    { "토마스 베르그만|부사장|한빛전자" } },
		{ "공연 연출을 맡은 용태오 총감독은 말했다.",
		    { "용태오|총감독|" } },
	};

	check_people(cases, sizeof(cases) / sizeof(cases[0]));
	/* an age before an apposed title */
	find("\"I spent it,\" said Kwon Ha-eun, a 27-year-old office worker.");
	CHECK_STR(person(0), "Kwon Ha-eun|office worker|");
	/* a lowercase particle inside an English name */
	find("Vliet Rotterdam head coach Anouk de Graaf said so.");
	CHECK_STR(person(0), "Anouk de Graaf|head coach|");
	{
		static const struct people_case more[] = {
			/* 한 after a given-name syllable ends a name */
			{ "육정한 대전시장은 강조했다.",
			    { "육정한|대전시장|" } },
			/* a listed noun and the copula 인 is no name */
			{ "학부모 단체인 한빛연대의 변소라 공동대표는 말했다.",
			    { "변소라|공동대표|" } },
			/* the second word of a foreign name after a role */
			{ "일본 작가 미즈노 하루카는 말했다.",
			    { "미즈노 하루카|작가|" } },
		};

		check_people(more, sizeof(more) / sizeof(more[0]));
	}
	CHECK_INT(find("회장은 서명식에서 말했다. 고준위 방폐장 부지"), 0);
	/* places in 관 and 장 are no titles */
	CHECK_INT(find("남해군 남해문화예술회관에서 열렸다."), 0);
}

TEST(common_nouns_and_places_are_not_people)
{
	CHECK_INT(find("지역 상인 반응은 차가웠다."), 0);
	CHECK_INT(find("그는 한국 신기록을 세웠다."), 0);
	CHECK_INT(find("\"야간 당직 의사가 없다\"고 했다."), 0);
	/* a theatre is no compound title ending in 장 */
	find("배우 은소정(45)이 서울 명륜동 별빛극장에서 공연한다.");
	CHECK_INT((int)nm.npeople, 1);
	CHECK_STR(person(0), "은소정|배우|");
	/* a count after the word: a noun after a role, no name */
	CHECK_INT(find("행사에는 디자이너 브랜드 68곳이 참가한다."), 0);
}

TEST(a_title_before_a_name_with_an_age_or_honorific_is_its_own)
{
	find("학생들은 환영했다. 한누리대 총학생회장 남궁도윤(23)씨는 웃었다.");
	CHECK_INT((int)nm.npeople, 1);
	CHECK_STR(person(0), "남궁도윤|총학생회장|");
	find("서울대 총학생회장 김민수씨는 웃었다.");
	CHECK_STR(person(0), "김민수|총학생회장|서울대");
}

TEST(rare_family_names_and_units_before_titles)
{
	/* a rare family name with given-name syllables that also end nouns */
	find("금현식 총장은 웃었다.");
	CHECK_STR(person(0), "금현식|총장|");
	find("한국고용정보원 청년고용연구팀 맹서율 연구위원은 웃었다.");
	CHECK_STR(person(0), "맹서율|연구위원|한국고용정보원");
	/* a bureau (국) is a unit of the organisation before it */
	find("최도아 한국소비자원 분쟁조정국 팀장은 웃었다.");
	CHECK_STR(person(0), "최도아|팀장|한국소비자원");
}

TEST(particles_inside_foreign_names_join_them)
{
	find("보안업체 시큐어랩 라시드 알 하산 위협분석팀장은 웃었다.");
	CHECK_STR(person(0), "라시드 알 하산|위협분석팀장|시큐어랩");
	find("팀을 이끈 피터 반 다이크 감독은 웃었다.");
	CHECK_STR(person(0), "피터 반 다이크|감독|");
	/* a given name that is also a common noun starts no name */
	CHECK_INT(find("등산객 하산 시간이 늦어졌다."), 0);
}

TEST(a_team_nickname_is_the_organisation_not_part_of_a_name)
{
	find("이글스 라몬 에스트라다 감독은 웃었다.");
	CHECK_STR(person(0), "라몬 에스트라다|감독|이글스");
	find("다저스의 데이브 로버츠 감독이 왔다.");
	CHECK_STR(person(0), "데이브 로버츠|감독|다저스");
}

TEST(english_titles_of_two_words_and_a_title_before_commas)
{
	find("\"We lost,\" Chief Judge Omar Haddad said.");
	CHECK_STR(person(0), "Omar Haddad|Chief Judge|");
	/* the last two words later are the same person */
	find("His coach, Peter Lindqvist Moreau, said the deal was done. "
	    "\"It is done,\" Lindqvist Moreau said.");
	CHECK_INT((int)nm.npeople, 1);
	CHECK_STR(person(0), "Peter Lindqvist Moreau|coach|");
}

int
main(void)
{
	RUN(particles_are_stripped_from_nouns);
	RUN(nouns_that_end_like_particles_stay_whole);
	RUN(tokens_split_words_and_punctuation_and_keep_mixed_scripts);
	RUN(name_org_title_in_every_order);
	RUN(roles_before_names_and_foreign_names);
	RUN(names_listed_before_one_title_share_it);
	RUN(honorifics_and_ages_mark_people);
	RUN(later_mentions_resolve_to_the_full_name);
	RUN(a_different_title_is_a_different_person);
	RUN(organisations_by_suffix_list_and_particles);
	RUN(english_people_with_titles_and_organisations);
	RUN(lists_parentheses_and_surnames_alone_in_english);
	RUN(places_and_nouns_shaped_like_names_are_not_people);
	RUN(a_university_short_name_between_name_and_title);
	RUN(the_word_memo_gives_the_same_tokens_twice);
	RUN(plain_text_has_no_people);
	RUN(particles_agree_with_the_syllable_before_them);
	RUN(foreign_names_ending_in_da_and_with_an_organisation);
	RUN(english_titles_keep_their_qualifiers);
	RUN(a_name_with_an_age_takes_the_particle_after_the_parenthesis);
	RUN(the_body_not_its_unit_is_the_organisation);
	RUN(three_word_and_long_foreign_names_keep_every_word);
	RUN(an_age_between_name_and_organisation);
	RUN(job_nouns_before_a_name_are_titles);
	RUN(unlisted_job_nouns_after_a_name_are_titles);
	RUN(listed_foreign_family_names_and_titles_that_end_like_particles);
	RUN(names_in_parentheses_and_a_title_inside_them);
	RUN(unlisted_given_names_between_an_organisation_and_a_title);
	RUN(foreign_names_keep_endings_that_look_like_particles);
	RUN(ages_titles_first_and_foreign_last_words_before_titles);
	RUN(common_nouns_and_places_are_not_people);
	RUN(a_team_nickname_is_the_organisation_not_part_of_a_name);
	RUN(particles_inside_foreign_names_join_them);
	RUN(rare_family_names_and_units_before_titles);
	RUN(a_title_before_a_name_with_an_age_or_honorific_is_its_own);
	RUN(english_titles_of_two_words_and_a_title_before_commas);
	sift_names_release(&nm);
	return unit_done();
}
