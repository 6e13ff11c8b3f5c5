/* Unit tests for lib/textvec.c and lib/summarize.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "summarize.h"
#include "textvec.h"
#include "unit.h"
#include "utf8.h"

static struct sift_lexicon *lex;

static struct sift_textref
ref(const char *s)
{
	struct sift_textref t = { s, strlen(s) };

	return t;
}

/* Build a space over the NULL-terminated list and return it. */
static void
space(struct sift_vecspace *vs, const char **v, struct sift_textref *refs)
{
	size_t n;

	for (n = 0; v[n] != NULL; n++)
		refs[n] = ref(v[n]);
	sift_vecspace_build(vs, lex, refs, n);
}

TEST(particles_are_stripped_but_short_words_are_kept)
{
	const char *w = "공장에서는";

	CHECK_INT(sift_lexicon_strip(lex, w, strlen(w)), strlen("공장"));
	w = "공장이";
	CHECK_INT(sift_lexicon_strip(lex, w, strlen(w)), strlen("공장"));
	/* a one-syllable particle must leave two syllables */
	w = "나이";
	CHECK_INT(sift_lexicon_strip(lex, w, strlen(w)), strlen("나이"));
	w = "배터리";
	CHECK_INT(sift_lexicon_strip(lex, w, strlen(w)), strlen("배터리"));
}

TEST(stop_words_come_from_the_data_file)
{
	CHECK(sift_lexicon_is_stop(lex, "밝혔다", strlen("밝혔다")));
	CHECK(sift_lexicon_is_stop(lex, "the", 3));
	CHECK(!sift_lexicon_is_stop(lex, "battery", 7));
	CHECK(!sift_lexicon_is_stop(lex, "공장", strlen("공장")));
}

TEST(inflected_forms_of_a_sentence_are_the_same_vector)
{
	struct sift_vecspace vs = SIFT_VECSPACE_INIT;
	struct sift_textref refs[4];
	const char *v[] = { "배터리 공장을 짓는다.", "배터리 공장은 짓는다.",
	    "전혀 다른 이야기다.", NULL };

	space(&vs, v, refs);
	CHECK(fabs(sift_vecspace_cosine(&vs, 0, 1) - 1.0) < 1e-6);
	CHECK(sift_vecspace_cosine(&vs, 0, 2) < 1e-6);
	sift_vecspace_release(&vs);
}

TEST(syllable_bigrams_let_compounds_meet)
{
	struct sift_vecspace vs = SIFT_VECSPACE_INIT;
	struct sift_textref refs[4];
	const char *v[] = { "배터리공장 건설", "배터리 공장 건설", "오늘 날씨", NULL };

	space(&vs, v, refs);
	CHECK(sift_vecspace_cosine(&vs, 0, 1) > 0.3);
	CHECK(sift_vecspace_cosine(&vs, 0, 2) < 1e-6);
	sift_vecspace_release(&vs);
}

TEST(english_is_case_folded_and_stop_words_do_not_match)
{
	struct sift_vecspace vs = SIFT_VECSPACE_INIT;
	struct sift_textref refs[4];
	const char *v[] = { "The Recall covers HomeCell units.",
	    "the recall covers homecell units", "It is the one that was.", NULL };

	space(&vs, v, refs);
	CHECK(fabs(sift_vecspace_cosine(&vs, 0, 1) - 1.0) < 1e-6);
	CHECK(sift_vecspace_cosine(&vs, 0, 2) < 1e-6);
	CHECK_INT(sift_vecspace_terms(&vs, 2), 1);	/* only "one" is left */
	sift_vecspace_release(&vs);
}

TEST(numbers_with_units_are_facts)
{
	struct sift_vecspace vs = SIFT_VECSPACE_INIT;
	struct sift_textref refs[4];
	const char *v[] = { "회사는 2조원을 들여 4.5% 더 만든다.",
	    "총 2조원 규모로 생산은 4.5% 늘어난다.", "2조 달러와 4.5 포인트", NULL };

	space(&vs, v, refs);
	CHECK_INT(sift_vecspace_shared_facts(&vs, 0, 1), 2);
	CHECK_INT(sift_vecspace_shared_facts(&vs, 0, 2), 0);
	sift_vecspace_release(&vs);
}

TEST(the_matrix_agrees_with_pairwise_cosines)
{
	struct sift_vecspace vs = SIFT_VECSPACE_INIT;
	struct sift_textref refs[8];
	const char *v[] = { "한빛에너지가 음성에 배터리 공장을 짓는다.",
	    "공장은 2027년 가동하며 배터리를 만든다.",
	    "음성군은 인허가를 서두르기로 했다.",
	    "The plant makes batteries in Eumseong.",
	    "배터리 업계는 투자를 반겼다.", NULL };
	float sim[25];
	size_t i, j;

	space(&vs, v, refs);
	sift_vecspace_matrix(&vs, sim);
	for (i = 0; i < 5; i++) {
		CHECK(sim[i * 5 + i] == 0.0f);
		for (j = 0; j < 5; j++)
			if (i != j)
				CHECK(fabs(sim[i * 5 + j] - sift_vecspace_cosine(&vs, i, j)) < 1e-5);
	}
	/* reuse: a second, smaller build gives fresh results */
	v[2] = NULL;
	space(&vs, v, refs);
	CHECK_INT(vs.n, 2);
	CHECK(sift_vecspace_cosine(&vs, 0, 1) > 0.0);
	sift_vecspace_release(&vs);
}

/* Summarize v and return the chosen indices as a string like "0,2". */
static const char *
chosen(struct sift_summarizer *s, const char **v)
{
	static char buf[256];
	struct sift_textref refs[64];
	const size_t *sel;
	size_t n, k, i;

	for (n = 0; v[n] != NULL; n++)
		refs[n] = ref(v[n]);
	k = sift_summarize(s, refs, n, &sel);
	buf[0] = '\0';
	for (i = 0; i < k; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%zu",
		    i ? "," : "", sel[i]);
	return buf;
}

static const char *article[] = {
	"한빛에너지, 충북 음성에 2조원 배터리 공장",
	"[청주=새누리일보] 박지훈 기자 = 한빛에너지가 충북 음성군에 2조원을 들여 차세대 배터리 공장을 짓는다.",
	"새 공장은 2027년 상반기 가동을 목표로 연간 20기가와트시 규모의 배터리를 생산한다.",
	"회사는 공장이 완공되면 협력사를 포함해 3000여 개의 일자리가 생길 것으로 내다봤다.",
	"배터리 공장이 지역 경제를 살릴 수 있을까?",
	"최민수 대표는 \"음성 공장은 국내 배터리 생산 능력을 두 배로 늘리는 거점이 될 것\"이라고 말했다.",
	"한빛에너지는 지난해 매출 4조3000억원을 올렸다.",
	"(사진=한빛에너지 제공) 음성 공장 조감도.",
	"박지훈 기자 jihoon@saenuri.example",
	NULL
};

TEST(the_summary_skips_headline_question_caption_and_byline)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_summarizer *s = sift_summarizer_new(&o);
	const char *got = chosen(s, article);

	/* three content sentences, the lead among them */
	CHECK_INT(strlen(got), 5);
	CHECK(strncmp(got, "1,", 2) == 0);
	CHECK(strchr(got, '0') == NULL && strchr(got, '4') == NULL &&
	    strchr(got, '7') == NULL && strchr(got, '8') == NULL);
	CHECK(sift_summarize_class(s, 0) & SIFT_SENT_FRAGMENT);
	CHECK(sift_summarize_class(s, 4) & SIFT_SENT_QUESTION);
	CHECK(sift_summarize_class(s, 5) & SIFT_SENT_QUOTE);
	CHECK(sift_summarize_class(s, 7) & SIFT_SENT_BYLINE);
	CHECK(sift_summarize_class(s, 8) & SIFT_SENT_BYLINE);
	CHECK(!(sift_summarize_class(s, 1) & SIFT_SENT_SKIP));
	CHECK(sift_summarize_score(s, 0) == 0.0);
	CHECK(sift_summarize_score(s, 1) > 0.0);
	sift_summarizer_free(s);
}

TEST(a_leading_dateline_and_byline_are_cut_from_the_sentence)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_summarizer *s = sift_summarizer_new(&o);
	struct sift_textref t;

	chosen(s, article);
	t = sift_summarize_text(s, 1);
	CHECK(t.n > 0 && strncmp(t.p, "한빛에너지가 충북", strlen("한빛에너지가 충북")) == 0);
	sift_summarizer_free(s);
}

TEST(k_comes_from_n_or_from_the_ratio)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_summarizer *s;

	o.sentences = 1;
	s = sift_summarizer_new(&o);
	CHECK_STR(chosen(s, article), "1");
	sift_summarizer_free(s);
	o.sentences = 3;
	o.ratio = 0.2;		/* ceil(0.2 * 9) = 2 */
	s = sift_summarizer_new(&o);
	CHECK_STR(chosen(s, article), "1,2");
	sift_summarizer_free(s);
}

TEST(max_chars_passes_over_long_sentences_for_shorter_ones)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_summarizer *s;
	const size_t *sel;
	struct sift_textref refs[16];
	size_t n, k, i, used = 0;

	o.sentences = 0;
	o.max_chars = 60;
	s = sift_summarizer_new(&o);
	for (n = 0; article[n] != NULL; n++)
		refs[n] = ref(article[n]);
	k = sift_summarize(s, refs, n, &sel);
	CHECK(k >= 1);
	for (i = 0; i < k; i++) {
		struct sift_textref t = sift_summarize_text(s, sel[i]);

		used += sift_utf8_count(t.p, t.n);
	}
	CHECK(used <= 60);
	sift_summarizer_free(s);
}

TEST(two_sentences_that_say_the_same_thing_are_never_both_chosen)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_summarizer *s = sift_summarizer_new(&o);
	const char *v[] = {
		"한빛에너지가 충북 음성군에 2조원을 들여 차세대 배터리 공장을 짓는다.",
		"한빛에너지는 충북 음성군에 2조원을 투자해 차세대 배터리 공장을 짓기로 했다.",
		"공장은 2027년 상반기에 가동을 시작하고 연간 20기가와트시를 생산한다.",
		"음성군은 인허가 절차를 6개월 안에 마무리하기로 했다.",
		NULL
	};
	const char *got = chosen(s, v);

	CHECK(strncmp(got, "0,1", 3) != 0);
	CHECK_INT(strlen(got), 5);	/* three sentences: "0,2,3" */
	sift_summarizer_free(s);
}

TEST(a_shared_figure_makes_sentences_redundant)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_summarizer *s;
	const char *v[] = {
		"회원 85만명의 개인정보가 해킹으로 외부에 유출됐다.",
		"유출 규모는 85만명으로 업계 최대이며 72시간 안에 신고해야 했다.",
		"회사는 비밀번호가 암호화돼 있었다고 해명하며 사과문을 올렸다.",
		NULL
	};

	o.redundancy = 0.9;	/* cosine alone would not stop it */
	s = sift_summarizer_new(&o);
	CHECK_STR(chosen(s, v), "0,2");
	sift_summarizer_free(s);
}

TEST(headlines_and_questions_are_used_when_nothing_else_is_there)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_summarizer *s = sift_summarizer_new(&o);
	const char *only[] = { "배터리 공장 건설 본격화", "공장은 언제 완공될까?",
	    "박지훈 기자", NULL };
	const char *none[] = { NULL };

	CHECK_STR(chosen(s, only), "0,1");
	CHECK_STR(chosen(s, none), "");
	sift_summarizer_free(s);
}

TEST(unpunctuated_korean_still_has_sentences)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_summarizer *s = sift_summarizer_new(&o);
	const char *v[] = {
		"연구진은 가뭄에 강한 새 벼 품종을 개발했다고 밝혔다",
		"새 품종은 물을 30% 적게 줘도 수확량이 거의 줄지 않았다",
		"목록 보기",
		NULL
	};

	CHECK_STR(chosen(s, v), "0,1");
	CHECK(sift_summarize_class(s, 2) & SIFT_SENT_FRAGMENT);
	sift_summarizer_free(s);
}

TEST(the_lead_weight_moves_the_choice)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_summarizer *s;
	/* sentence 0 is off-topic; the rest share the story */
	const char *v[] = {
		"올여름 장마는 예년보다 일주일 일찍 시작될 것으로 예보되었으며 기상청은 대비를 당부했다.",
		"부산 시내버스 노사가 임금 협상을 타결해 버스 파업을 피했다.",
		"버스 노사는 임금 4.5% 인상과 정년 연장에 합의해 버스 운행이 이어졌다.",
		"시내버스 임금 협상 타결로 부산시의 버스 재정 지원은 늘어난다.",
		NULL
	};

	o.sentences = 1;
	o.lead_weight = 1.0;
	s = sift_summarizer_new(&o);
	CHECK_STR(chosen(s, v), "0");
	sift_summarizer_free(s);
	o.lead_weight = 0.0;
	s = sift_summarizer_new(&o);
	CHECK(strcmp(chosen(s, v), "0") != 0);
	sift_summarizer_free(s);
}

TEST(summaries_are_json_arrays_of_the_chosen_text)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_summarizer *s = sift_summarizer_new(&o);
	struct sift_buf out = SIFT_BUF_INIT;
	const char *v[] = { "그는 \"좋다\"고 말하고 떠났다는 소식이 전해졌다.", NULL };
	struct sift_textref refs[1] = { { v[0], strlen(v[0]) } };
	const size_t *sel;
	size_t k = sift_summarize(s, refs, 1, &sel);

	sift_summarize_put_json(s, sel, k, &out);
	CHECK_STR(out.data, "[\"그는 \\\"좋다\\\"고 말하고 떠났다는 소식이 전해졌다.\"]");
	sift_buf_release(&out);
	sift_summarizer_free(s);
}

TEST(sentences_come_from_the_array_or_the_segmenter)
{
	struct sift_sentences ss = SIFT_SENTENCES_INIT;
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	const char *a = "{\"id\":\"a\",\"text\":\"무시된다.\",\"sentences\":[\"첫째 \\\"문장\\\".\", \"둘째\\u0021\"]}";
	const char *b = "{\"id\":\"b\",\"text\":\"첫 문장이다. 둘째 문장이다.\"}";
	const char *c = "{\"id\":\"c\",\"sentences\":[\"ok\",3]}";
	const char *d = "{\"id\":\"d\",\"text\":7}";
	const char *e = "{\"id\":\"e\"}";

	CHECK_INT(sift_record_parse(&rec, a, strlen(a), &err), 0);
	CHECK_INT(sift_sentences_from_record(&ss, &rec, "text", &err), 1);
	CHECK_INT(ss.n, 2);
	CHECK(ss.v[0].n == strlen("첫째 \"문장\".") &&
	    memcmp(ss.v[0].p, "첫째 \"문장\".", ss.v[0].n) == 0);
	CHECK(ss.v[1].n == strlen("둘째!") && memcmp(ss.v[1].p, "둘째!", ss.v[1].n) == 0);
	/* another field is segmented even when "sentences" is there */
	CHECK_INT(sift_sentences_from_record(&ss, &rec, "id", &err), 1);
	CHECK_INT(ss.n, 1);

	CHECK_INT(sift_record_parse(&rec, b, strlen(b), &err), 0);
	CHECK_INT(sift_sentences_from_record(&ss, &rec, "text", &err), 1);
	CHECK_INT(ss.n, 2);

	CHECK_INT(sift_record_parse(&rec, c, strlen(c), &err), 0);
	CHECK_INT(sift_sentences_from_record(&ss, &rec, "text", &err), -1);
	CHECK(strstr(err.msg, "sentences") != NULL);

	CHECK_INT(sift_record_parse(&rec, d, strlen(d), &err), 0);
	CHECK_INT(sift_sentences_from_record(&ss, &rec, "text", &err), -1);
	CHECK(strstr(err.msg, "\"text\" is not a string") != NULL);

	/* the contract: a record without text is a bad record */
	CHECK_INT(sift_record_parse(&rec, e, strlen(e), &err), 0);
	CHECK_INT(sift_sentences_from_record(&ss, &rec, "text", &err), -1);
	CHECK(strstr(err.msg, "missing field \"text\"") != NULL);
	sift_sentences_release(&ss);
	sift_record_release(&rec);
}

TEST(summarize_record_sets_summary_and_keeps_the_rest)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_summarizer *s;
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	struct sift_buf out = SIFT_BUF_INIT;
	const char *line = "{\"id\":\"x\",\"text\":\"버스 노사가 임금 협상을 타결했다. "
	    "파업은 철회됐다.\",\"n\":1}";

	o.sentences = 1;
	s = sift_summarizer_new(&o);
	CHECK_INT(sift_record_parse(&rec, line, strlen(line), &err), 0);
	CHECK_INT(sift_summarize_record(s, &rec, "text", &err), 1);
	sift_record_write(&rec, &out);
	CHECK_STR(out.data, "{\"id\":\"x\",\"text\":\"버스 노사가 임금 협상을 타결했다. "
	    "파업은 철회됐다.\",\"n\":1,\"summary\":[\"버스 노사가 임금 협상을 타결했다.\"]}");
	sift_buf_release(&out);
	sift_record_release(&rec);
	sift_summarizer_free(s);
}

TEST(digests_merge_copies_and_keep_ids_sources_and_order)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_digest *d;
	struct sift_buf out = SIFT_BUF_INIT;
	json_t *j, *sum;
	json_error_t je;
	const char *a[] = {
		"한빛에너지가 충북 음성군에 2조원을 들여 배터리 공장을 짓는다.",
		"공장은 2027년 상반기 가동을 목표로 한다.",
		"회사는 일자리 3000여 개가 생길 것으로 내다봤다.",
		NULL
	};
	const char *b[] = {
		"한빛에너지가 충북 음성군에 2조원을 들여 배터리 공장을 짓는다.",
		"공장은 2027년 상반기 가동을 목표로 한다.",
		"환경단체는 하천 수질 영향을 철저히 평가하라고 요구했다.",
		NULL
	};
	struct sift_textref ra[3], rb[3];
	size_t i;

	for (i = 0; i < 3; i++) {
		ra[i] = ref(a[i]);
		rb[i] = ref(b[i]);
	}
	o.sentences = 4;
	d = sift_digest_new(&o);
	sift_digest_add(d, "\"c1\"", 4, "\"a\"", 3, "\"x.txt\"", 7, ra, 3);
	sift_digest_add(d, "\"c2\"", 4, "\"z\"", 3, NULL, 0, ra, 1);
	sift_digest_add(d, "\"c1\"", 4, "\"b\"", 3, "\"y.txt\"", 7, rb, 3);
	sift_digest_add(d, "\"c1\"", 4, "\"c\"", 3, "\"x.txt\"", 7, rb, 0);
	CHECK_INT(sift_digest_groups(d), 2);

	sift_digest_write(d, 0, &out);
	j = json_loads(out.data, 0, &je);
	CHECK(j != NULL);
	CHECK_STR(json_string_value(json_object_get(j, "group")), "c1");
	CHECK_INT(json_integer_value(json_object_get(j, "members")), 3);
	CHECK_INT(json_array_size(json_object_get(j, "ids")), 3);
	CHECK_INT(json_array_size(json_object_get(j, "sources")), 2);
	sum = json_object_get(j, "summary");
	CHECK_INT(json_array_size(sum), 4);
	/* the copied lead appears once, and first */
	CHECK_STR(json_string_value(json_array_get(sum, 0)), a[0]);
	for (i = 1; i < json_array_size(sum); i++)
		CHECK(strcmp(json_string_value(json_array_get(sum, i)), a[0]) != 0);
	json_decref(j);

	sift_buf_reset(&out);
	sift_digest_write(d, 1, &out);
	CHECK_STR(out.data, "{\"group\":\"c2\",\"ids\":[\"z\"],\"summary\":[\"한빛에너지가 "
	    "충북 음성군에 2조원을 들여 배터리 공장을 짓는다.\"],\"sources\":[],"
	    "\"members\":1}");
	sift_buf_release(&out);
	sift_digest_free(d);
}

TEST(a_record_without_the_group_field_is_its_own_group)
{
	struct sift_summarize_opts o = SIFT_SUMMARIZE_OPTS_INIT;
	struct sift_digest *d = sift_digest_new(&o);
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	struct sift_buf out = SIFT_BUF_INIT;
	const char *l1 = "{\"id\":\"a\",\"cluster\":\"k\",\"text\":\"첫 기사의 문장이다.\"}";
	const char *l2 = "{\"id\":\"b\",\"text\":\"둘째 기사의 문장이다.\"}";
	const char *l3 = "{\"text\":\"셋째 기사의 문장이다.\"}";
	const char *l4 = "{\"id\":\"d\",\"cluster\":\"\\u006b\",\"text\":\"넷째 기사의 문장이다.\"}";

	CHECK_INT(sift_record_parse(&rec, l1, strlen(l1), &err), 0);
	CHECK_INT(sift_digest_add_record(d, &rec, "cluster", "id", "text", "f:1", &err), 1);
	CHECK_INT(sift_record_parse(&rec, l2, strlen(l2), &err), 0);
	CHECK_INT(sift_digest_add_record(d, &rec, "cluster", "id", "text", "f:2", &err), 1);
	CHECK_INT(sift_record_parse(&rec, l3, strlen(l3), &err), 0);
	CHECK_INT(sift_digest_add_record(d, &rec, "cluster", "id", "text", "f:3", &err), 1);
	/* "\u006b" is "k": the same group */
	CHECK_INT(sift_record_parse(&rec, l4, strlen(l4), &err), 0);
	CHECK_INT(sift_digest_add_record(d, &rec, "cluster", "id", "text", "f:4", &err), 1);
	CHECK_INT(sift_digest_groups(d), 3);
	sift_digest_write(d, 1, &out);
	CHECK(strncmp(out.data, "{\"group\":\"b\",\"ids\":[\"b\"]", 24) == 0);
	sift_buf_reset(&out);
	sift_digest_write(d, 2, &out);
	CHECK(strncmp(out.data, "{\"group\":\"f:3\",\"ids\":[]", 23) == 0);
	sift_buf_reset(&out);
	sift_digest_write(d, 0, &out);
	CHECK(strstr(out.data, "\"members\":2}") != NULL);
	sift_buf_release(&out);
	sift_record_release(&rec);
	sift_digest_free(d);
}

int
main(void)
{
	lex = sift_lexicon_new();
	RUN(particles_are_stripped_but_short_words_are_kept);
	RUN(stop_words_come_from_the_data_file);
	RUN(inflected_forms_of_a_sentence_are_the_same_vector);
	RUN(syllable_bigrams_let_compounds_meet);
	RUN(english_is_case_folded_and_stop_words_do_not_match);
	RUN(numbers_with_units_are_facts);
	RUN(the_matrix_agrees_with_pairwise_cosines);
	RUN(the_summary_skips_headline_question_caption_and_byline);
	RUN(a_leading_dateline_and_byline_are_cut_from_the_sentence);
	RUN(k_comes_from_n_or_from_the_ratio);
	RUN(max_chars_passes_over_long_sentences_for_shorter_ones);
	RUN(two_sentences_that_say_the_same_thing_are_never_both_chosen);
	RUN(a_shared_figure_makes_sentences_redundant);
	RUN(headlines_and_questions_are_used_when_nothing_else_is_there);
	RUN(unpunctuated_korean_still_has_sentences);
	RUN(the_lead_weight_moves_the_choice);
	RUN(summaries_are_json_arrays_of_the_chosen_text);
	RUN(sentences_come_from_the_array_or_the_segmenter);
	RUN(summarize_record_sets_summary_and_keeps_the_rest);
	RUN(digests_merge_copies_and_keep_ids_sources_and_order);
	RUN(a_record_without_the_group_field_is_its_own_group);
	sift_lexicon_free(lex);
	return unit_done();
}
