/* Unit tests for lib/extract.c: the entities object, links, mentions. */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "unit.h"

static struct sift_extract x = SIFT_EXTRACT_INIT;
static char links[512];

static void
on_link(size_t start, size_t end, int is_email, void *arg)
{
	const char *text = arg;
	size_t n = strlen(links);

	snprintf(links + n, sizeof(links) - n, "%s%s:%.*s", n ? " " : "",
	    is_email ? "mail" : "url", (int)(end - start), text + start);
}

static const char *
find_links(const char *s)
{
	links[0] = '\0';
	sift_find_links(s, strlen(s), on_link, (void *)s);
	return links;
}

/* Run sift_extract and parse what it wrote (which must be valid JSON). */
static json_t *
run(const char *s, const struct sift_ymd *date, const json_t *sent,
    const struct sift_extract_opts *o)
{
	struct sift_buf b = SIFT_BUF_INIT;
	json_error_t err;
	json_t *e;

	sift_buf_add(&b, "junk", 4);	/* appends, never resets */
	sift_extract(&x, s, strlen(s), date, sent, o, &b);
	e = json_loadb(b.data + 4, b.len - 4, 0, &err);
	CHECK(e != NULL);
	sift_buf_release(&b);
	return e ? e : json_object();
}

/* Run sift_extract and dump the member key as compact JSON. */
static char dumped[4096];

static const char *
extract(const char *s, const struct sift_ymd *date, const char *key,
    int mentions)
{
	struct sift_extract_opts o = SIFT_EXTRACT_OPTS_INIT;
	json_t *e, *v;
	char *d;

	o.mentions = mentions;
	e = run(s, date, NULL, &o);
	v = json_object_get(e, key);
	d = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
	snprintf(dumped, sizeof(dumped), "%s", d ? d : "(null)");
	free(d);
	json_decref(e);
	return dumped;
}

TEST(urls_and_emails_with_trailing_punctuation_and_hangul)
{
	CHECK_STR(find_links("자세한 내용은 https://example.com/a?b=1에서, "
	    "문의는 sujin@news.example.co.kr로."),
	    "url:https://example.com/a?b=1 mail:sujin@news.example.co.kr");
	CHECK_STR(find_links("See www.acme.example. (http://x.example/p)."),
	    "url:www.acme.example url:http://x.example/p");
	CHECK_STR(find_links("not@mail, @handle, a@b, 3.5%"), "");
}

TEST(every_member_is_present_even_for_empty_text)
{
	struct sift_extract_opts o = SIFT_EXTRACT_OPTS_INIT;
	json_t *e = run("", NULL, NULL, &o);
	char *d = json_dumps(e, JSON_COMPACT | JSON_PRESERVE_ORDER);

	CHECK_STR(d, "{\"people\":[],\"orgs\":[],\"dates\":[],\"numbers\":[],"
	    "\"quotes\":[],\"urls\":[],\"emails\":[],\"keywords\":[]}");
	free(d);
	json_decref(e);
}

TEST(people_quotes_numbers_and_dates_of_one_text)
{
	struct sift_ymd d = { 2025, 3, 14, -1, 0 };
	const char *s = "홍길동 한빛전자 최고기술책임자(CTO)는 14일 \"매출이 30% "
	    "늘 것\"이라고 말했다.";

	CHECK_STR(extract(s, &d, "people", 0),
	    "[{\"name\":\"홍길동\",\"title\":\"최고기술책임자(CTO)\","
	    "\"org\":\"한빛전자\"}]");
	CHECK_STR(extract(s, &d, "quotes", 0),
	    "[{\"text\":\"매출이 30% 늘 것\",\"speaker\":\"홍길동\"}]");
	CHECK_STR(extract(s, &d, "numbers", 0),
	    "[{\"text\":\"30%\",\"value\":30,\"unit\":\"%\"}]");
	CHECK_STR(extract(s, &d, "dates", 0),
	    "[{\"text\":\"14일\",\"value\":\"2025-03-14\"}]");
	CHECK_STR(extract(s, NULL, "dates", 0),
	    "[{\"text\":\"14일\",\"value\":null}]");
	CHECK_STR(extract(s, &d, "orgs", 0), "[{\"name\":\"한빛전자\"}]");
}

TEST(mentions_carry_code_point_offsets)
{
	CHECK_STR(extract("김씨와 한빛전자가 3명을", NULL, "mentions", 1),
	    "[{\"type\":\"PS\",\"text\":\"김\",\"start\":0,\"end\":1},"
	    "{\"type\":\"OG\",\"text\":\"한빛전자\",\"start\":4,\"end\":8},"
	    "{\"type\":\"QT\",\"text\":\"3명\",\"start\":10,\"end\":12}]");
}

TEST(record_sentences_are_used_when_they_are_in_the_text)
{
	struct sift_extract_opts o = SIFT_EXTRACT_OPTS_INIT;
	const char *s = "박철수 회장이 왔다. \"좋다\" 박 회장은 이렇게 말했다.";
	json_t *sent = json_pack("[sss]", "박철수 회장이 왔다.", "\"좋다\"",
	    "박 회장은 이렇게 말했다.");
	json_t *e = run(s, NULL, sent, &o);

	CHECK_INT(x.sent.n, 3);
	CHECK_INT(json_array_size(json_object_get(e, "quotes")), 0);
	json_decref(e);
	/* a sentence that is not in the text: segment instead */
	json_array_append_new(sent, json_string("없는 문장."));
	e = run(s, NULL, sent, &o);
	CHECK(x.sent.n >= 2);
	json_decref(e);
	json_decref(sent);
}

TEST(numbers_and_scores_are_written_as_plain_json_numbers)
{
	struct sift_extract_opts o = SIFT_EXTRACT_OPTS_INIT;
	struct sift_buf b = SIFT_BUF_INIT;
	const char *s = "점유율 35%, 2.5배, 0.3%포인트. 반도체 반도체 반도체 배터리";

	sift_extract(&x, s, strlen(s), NULL, NULL, &o, &b);
	CHECK(strstr(b.data, "\"value\":35,\"unit\":\"%\"") != NULL);
	CHECK(strstr(b.data, "\"value\":2.5,\"unit\":\"배\"") != NULL);
	CHECK(strstr(b.data, "\"value\":0.3,\"unit\":\"%p\"") != NULL);
	CHECK(strstr(b.data, "{\"term\":\"반도체\",\"score\":1}") != NULL);
	CHECK(strstr(b.data, "{\"term\":\"배터리\",\"score\":0.477}") != NULL);
	sift_buf_release(&b);
}

TEST(a_date_with_a_time_is_a_dt_and_a_ti_mention)
{
	struct sift_ymd d = { 2025, 3, 14, -1, 0 };
	struct sift_extract_opts o = SIFT_EXTRACT_OPTS_INIT;
	json_t *e, *m;
	const char *s = "3월 5일 오후 3시에 만났다. 오전 10시 30분 출발.";

	o.mentions = 1;
	e = run(s, &d, NULL, &o);
	m = json_object_get(e, "mentions");
	CHECK_INT(json_array_size(m), 3);
	CHECK_STR(json_string_value(json_object_get(json_array_get(m, 0),
	    "type")), "DT");
	CHECK_STR(json_string_value(json_object_get(json_array_get(m, 0),
	    "text")), "3월 5일");
	CHECK_STR(json_string_value(json_object_get(json_array_get(m, 1),
	    "type")), "TI");
	CHECK_STR(json_string_value(json_object_get(json_array_get(m, 1),
	    "text")), "오후 3시");
	CHECK_STR(json_string_value(json_object_get(json_array_get(m, 2),
	    "type")), "TI");
	json_decref(e);
}

static const char *
meta_date(const char *raw)
{
	static char got[64];
	struct sift_buf tmp = SIFT_BUF_INIT;
	const char *d;
	size_t n;

	if (sift_extract_meta_date(raw, strlen(raw), &tmp, &d, &n))
		snprintf(got, sizeof(got), "%.*s", (int)n, d);
	else
		snprintf(got, sizeof(got), "(none)");
	sift_buf_release(&tmp);
	return got;
}

TEST(meta_date_is_read_from_the_raw_object)
{
	CHECK_STR(meta_date("{\"title\":\"a \\\"date\\\": b\",\"date\":"
	    "\"2025-03-14\"}"), "2025-03-14");
	CHECK_STR(meta_date("{ \"x\" : {\"date\":\"1999-01-01\"} , "
	    "\"d\\u0061te\" : \"2025\\u002d04\" }"), "2025-04");
	/* the last key wins, as with jansson */
	CHECK_STR(meta_date("{\"date\":\"2024-01-01\",\"date\":null}"),
	    "(none)");
	CHECK_STR(meta_date("{\"date\":[1,\"]\"],\"date\":\"2023\"}"), "2023");
	CHECK_STR(meta_date("{}"), "(none)");
	CHECK_STR(meta_date("{\"dates\":\"2025-01-01\"}"), "(none)");
}

TEST(keyword_ties_do_not_depend_on_the_records_before)
{
	struct sift_extract_opts o = SIFT_EXTRACT_OPTS_INIT;
	struct sift_extract fresh = SIFT_EXTRACT_INIT;
	struct sift_buf a = SIFT_BUF_INIT, b = SIFT_BUF_INIT, big = SIFT_BUF_INIT;
	const char *s = "경찰청 김민준 과장은 사과했다.";
	size_t i;

	/* a long record first grows the candidate table */
	for (i = 0; i < 400; i++)
		sift_buf_adds(&big, "반도체 배터리 수출 ");
	sift_extract(&x, big.data, big.len, NULL, NULL, &o, &a);
	sift_buf_reset(&a);
	sift_extract(&x, s, strlen(s), NULL, NULL, &o, &a);
	sift_extract(&fresh, s, strlen(s), NULL, NULL, &o, &b);
	CHECK_STR(a.data, b.data);
	/* equal scores, equal lengths: byte order */
	CHECK(strstr(b.data, "{\"term\":\"경찰청\",\"score\":1},"
	    "{\"term\":\"김민준\",\"score\":1}") != NULL);
	sift_extract_release(&fresh);
	sift_buf_release(&a);
	sift_buf_release(&b);
	sift_buf_release(&big);
}

int
main(void)
{
	RUN(urls_and_emails_with_trailing_punctuation_and_hangul);
	RUN(every_member_is_present_even_for_empty_text);
	RUN(people_quotes_numbers_and_dates_of_one_text);
	RUN(mentions_carry_code_point_offsets);
	RUN(record_sentences_are_used_when_they_are_in_the_text);
	RUN(numbers_and_scores_are_written_as_plain_json_numbers);
	RUN(a_date_with_a_time_is_a_dt_and_a_ti_mention);
	RUN(meta_date_is_read_from_the_raw_object);
	RUN(keyword_ties_do_not_depend_on_the_records_before);
	sift_extract_release(&x);
	return unit_done();
}
