/* The record scanner must agree with jansson on what is valid JSON, and
 * must copy untouched members verbatim. */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "json.h"
#include "utf8.h"
#include "unit.h"

/* 1 valid record, 0 valid JSON but not an object, -1 invalid */
static int
sift_verdict(const char *s, size_t n)
{
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_error err;
	int r = sift_record_parse(&rec, s, n, &err);

	sift_record_release(&rec);
	if (r == 0)
		return 1;
	return strcmp(err.msg, "record is not a JSON object") == 0 ? 0 : -1;
}

static int
jansson_verdict(const char *s, size_t n)
{
	json_error_t e;
	json_t *j = json_loadb(s, n, JSON_DECODE_ANY, &e);
	int r;

	if (j == NULL)
		return -1;
	r = json_is_object(j) ? 1 : 0;
	json_decref(j);
	return r;
}

static const char *const cases[] = {
	"{}", " { } ", "{\"a\":1}", "{\"a\":-0.5e+3,\"b\":[1,2,{\"c\":null}]}",
	"{\"a\":true,\"b\":false,\"c\":null}", "{\"\":\"\"}", "{\"a\":\"\\u00e9\\n\\t\\\"\"}",
	"{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":\"\\ud83d\"}", "{\"a\":\"\\ude00\"}",
	"{\"a\":\"\\u0000\"}", "{\"a\":\"\\x\"}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}",
	"{\"a\":1e}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\":}",
	"{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":1}x", "{\"a\":1}{}", "[1,2]", "\"str\"", "42",
	"null", "true", "", "   ", "{", "}", "{\"a\":[}", "{\"a\":[1,]}", "{\"a\":tru}",
	"{\"a\":truex}", "{\"a\":nul}", "{\"a\":\"unterminated}", "{\"a\":\"tab\there\"}",
	"{\"a\":12345678901234567890}", "{\"a\":-9223372036854775808}",
	"{\"a\":9223372036854775807}", "{\"a\":9223372036854775808}", "{\"a\":1e400}",
	"{\"a\":1e-400}", "{\"a\":-1e400}", "{\"a\":1.5E+10}", "{\"a\":\"\\/\"}",
	"{\"a\":\"한국어 텍스트\"}", "{\"a\" : [ 1 , 2 ] , \"b\" : { } }", "{\"a\":[[[[]]]]}",
	"{\"a\":\"\\uD834\\uDD1E\"}", "{\"a\":\"\\uDBFF\\uDFFF\"}", "{\"a\":\"\\u12G4\"}",
	"{\"a\":1 \"b\":2}", "{\"a\":\"b\"\r}", "\r{\"a\":1}\r", NULL
};

TEST(agrees_with_jansson_on_cases)
{
	size_t i;

	for (i = 0; cases[i] != NULL; i++) {
		int a = sift_verdict(cases[i], strlen(cases[i]));
		int b = jansson_verdict(cases[i], strlen(cases[i]));

		if (a != b)
			printf("# case %zu %s: sift %d jansson %d\n", i, cases[i], a, b);
		CHECK(a == b);
	}
}

TEST(raw_nul_bytes_are_always_errors)
{
	const char s[] = "{\"a\":\"x\0y\"}";
	const char t[] = "{\"a\":1}\0";
	/* jansson loads this one (it skips a NUL after a number or literal);
	 * sift does not: a raw NUL in a line is a data error */
	const char u[] = "{\"a\":false\0}";

	CHECK(sift_verdict(s, sizeof(s) - 1) == -1);
	CHECK(jansson_verdict(s, sizeof(s) - 1) == -1);
	CHECK(sift_verdict(t, sizeof(t) - 1) == -1);
	CHECK(sift_verdict(u, sizeof(u) - 1) == -1);
}

static void
nest(struct sift_buf *b, int depth, const char *inner)
{
	int i;

	sift_buf_reset(b);
	sift_buf_adds(b, "{\"a\":");
	for (i = 1; i < depth; i++)
		sift_buf_addc(b, '[');
	sift_buf_adds(b, inner);
	for (i = 1; i < depth; i++)
		sift_buf_addc(b, ']');
	sift_buf_addc(b, '}');
}

TEST(agrees_with_jansson_on_nesting_depth)
{
	struct sift_buf b = SIFT_BUF_INIT;
	int depths[] = { 2, 100, 2046, 2047, 2048, 2049, 5000 };
	const char *inner[] = { "", "1", "[]" };
	size_t i, k;

	for (i = 0; i < sizeof(depths) / sizeof(depths[0]); i++) {
		for (k = 0; k < 3; k++) {
			int a, j;

			nest(&b, depths[i], inner[k]);
			a = sift_verdict(b.data, b.len);
			j = jansson_verdict(b.data, b.len);
			if (a != j)
				printf("# depth %d inner '%s': sift %d jansson %d\n",
				    depths[i], inner[k], a, j);
			CHECK(a == j);
		}
	}
	sift_buf_release(&b);
}

TEST(agrees_with_jansson_on_random_mutations)
{
	static const char *const seeds[] = {
		"{\"id\":\"a-1\",\"text\":\"정부는 3.5% 늘었다고 밝혔다.\",\"n\":[1,2.5e3,-7],\"m\":{\"k\":null,\"t\":true}}",
		"{\"a\":\"\\ud83d\\ude00 \\\"q\\\" \\n\",\"b\":[[],{}],\"c\":false}",
	};
	static const char alphabet[] = "{}[]\":,\\ 0123456789.eE+-tfnulrsa\x01\x7f";
	struct sift_buf b = SIFT_BUF_INIT;
	unsigned seed = 12345;
	int i, disagree = 0, tried = 0;

	for (i = 0; i < 200000; i++) {
		const char *s = seeds[i % 2];
		size_t n = strlen(s), pos;
		int k, muts;

		sift_buf_reset(&b);
		sift_buf_add(&b, s, n);
		muts = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 3;
		for (k = 0; k < muts; k++) {
			seed = seed * 1103515245u + 12345u;
			pos = (seed >> 8) % (b.len + 1);
			seed = seed * 1103515245u + 12345u;
			switch ((seed >> 16) % 3) {
			case 0:	/* delete a byte */
				if (pos < b.len) {
					memmove(b.data + pos, b.data + pos + 1, b.len - pos - 1);
					b.len--;
				}
				break;
			case 1:	/* replace */
				if (pos < b.len)
					b.data[pos] = alphabet[(seed >> 4) % (sizeof(alphabet) - 1)];
				break;
			default: {	/* insert */
				char c = alphabet[(seed >> 4) % (sizeof(alphabet) - 1)];

				sift_buf_addc(&b, 0);
				memmove(b.data + pos + 1, b.data + pos, b.len - pos - 1);
				b.data[pos] = c;
			}
			}
		}
		/* invalid UTF-8 is repaired by design, jansson rejects it */
		if (sift_utf8_check(b.data, b.len) != b.len ||
		    memchr(b.data, '\0', b.len) != NULL)
			continue;
		tried++;
		if (sift_verdict(b.data, b.len) != jansson_verdict(b.data, b.len)) {
			if (disagree++ < 5)
				printf("# disagree on: %.*s\n", (int)b.len, b.data);
		}
	}
	printf("# %d mutated inputs compared\n", tried);
	CHECK(tried > 100000);
	CHECK(disagree == 0);
	sift_buf_release(&b);
}

TEST(untouched_members_are_copied_verbatim)
{
	const char *line = "{ \"id\" : \"x\",\"n\":1.50,\"o\":{ \"k\" : [1, 2] },\"text\":\"a\\u00e9\"}";
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_buf out = SIFT_BUF_INIT, s = SIFT_BUF_INIT;
	struct sift_error err;

	CHECK(sift_record_parse(&rec, line, strlen(line), &err) == 0);
	CHECK(sift_record_get_string(&rec, "text", &s) == 1);
	CHECK_STR(s.data, "a\xc3\xa9");
	CHECK(sift_record_get_string(&rec, "n", &s) == -1);
	CHECK(sift_record_get_string(&rec, "nope", &s) == 0);
	sift_record_set_string(&rec, "text", "b\"c", 3);
	sift_record_set_raw(&rec, "sentences", "[\"b\"]", 5);
	sift_record_write(&rec, &out);
	CHECK_STR(out.data, "{\"id\":\"x\",\"n\":1.50,\"o\":{ \"k\" : [1, 2] },\"text\":\"b\\\"c\",\"sentences\":[\"b\"]}");
	sift_record_delete(&rec, "o");
	sift_buf_reset(&out);
	sift_record_write(&rec, &out);
	CHECK_STR(out.data, "{\"id\":\"x\",\"n\":1.50,\"text\":\"b\\\"c\",\"sentences\":[\"b\"]}");
	sift_record_release(&rec);
	sift_buf_release(&out);
	sift_buf_release(&s);
}

TEST(invalid_utf8_is_repaired_and_counted)
{
	const char line[] = "{\"text\":\"a\xff" "b\xe2\x82\"}";
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_buf s = SIFT_BUF_INIT;
	struct sift_error err;

	CHECK(sift_record_parse(&rec, line, sizeof(line) - 1, &err) == 0);
	CHECK_INT(rec.utf8_repairs, 2);
	CHECK(sift_record_get_string(&rec, "text", &s) == 1);
	CHECK_STR(s.data, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
	sift_record_release(&rec);
	sift_buf_release(&s);
}

TEST(escaped_keys_are_found_and_last_duplicate_wins)
{
	const char *line = "{\"te\\u0078t\":\"one\",\"text\":\"two\"}";
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_buf s = SIFT_BUF_INIT;
	struct sift_error err;

	CHECK(sift_record_parse(&rec, line, strlen(line), &err) == 0);
	CHECK(sift_record_get_string(&rec, "text", &s) == 1);
	CHECK_STR(s.data, "two");
	CHECK_INT(sift_record_find(&rec, "text"), 1);
	sift_record_release(&rec);
	sift_buf_release(&s);
}

TEST(error_positions_are_columns)
{
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_error err;

	CHECK(sift_record_parse(&rec, "{\"a\":1,x}", 9, &err) == -1);
	CHECK_INT(err.column, 8);
	sift_record_release(&rec);
}

TEST(string_encoder_round_trips_through_jansson)
{
	const char s[] = "q\"b\\s\n\t\x01 한글 \xf0\x9f\x98\x80";
	struct sift_buf out = SIFT_BUF_INIT, back = SIFT_BUF_INIT;
	json_t *j;

	sift_json_put_string(&out, s, sizeof(s) - 1);
	j = json_loadb(out.data, out.len, JSON_DECODE_ANY, NULL);
	CHECK(j != NULL && json_is_string(j));
	if (j) {
		CHECK(json_string_length(j) == sizeof(s) - 1);
		CHECK(memcmp(json_string_value(j), s, sizeof(s) - 1) == 0);
	}
	CHECK(sift_json_decode_string(&back, out.data, out.len) == 0);
	CHECK(back.len == sizeof(s) - 1 && memcmp(back.data, s, back.len) == 0);
	json_decref(j);
	sift_buf_release(&out);
	sift_buf_release(&back);
}

int
main(void)
{
	RUN(agrees_with_jansson_on_cases);
	RUN(raw_nul_bytes_are_always_errors);
	RUN(agrees_with_jansson_on_nesting_depth);
	RUN(agrees_with_jansson_on_random_mutations);
	RUN(untouched_members_are_copied_verbatim);
	RUN(invalid_utf8_is_repaired_and_counted);
	RUN(escaped_keys_are_found_and_last_duplicate_wins);
	RUN(error_positions_are_columns);
	RUN(string_encoder_round_trips_through_jansson);
	return unit_done();
}
