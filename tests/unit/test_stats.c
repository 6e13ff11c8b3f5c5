/* Unit tests for lib/stats.c. */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "json.h"
#include "stats.h"
#include "unit.h"

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

TEST(buckets_are_exact_below_64_and_ordered_above)
{
	uint64_t v;
	size_t prev = 0;

	for (v = 0; v < 64; v++) {
		CHECK_INT(sift_hist_bucket(v), v);
		CHECK_INT(sift_hist_bucket_low(v), v);
	}
	for (v = 64; v < 200000; v += 7) {
		size_t b = sift_hist_bucket(v);

		CHECK(b >= prev);
		CHECK(sift_hist_bucket_low(b) <= v);
		CHECK(sift_hist_bucket_low(b + 1) > v);
		prev = b;
	}
	CHECK(sift_hist_bucket(UINT64_MAX) < SIFT_HIST_BUCKETS);
}

TEST(small_distributions_have_exact_percentiles)
{
	struct sift_hist h;
	uint64_t v;

	memset(&h, 0, sizeof(h));
	CHECK_INT(sift_hist_quantile(&h, 0.5), 0);
	for (v = 1; v <= 10; v++)
		sift_hist_add(&h, v);
	CHECK_INT(h.min, 1);
	CHECK_INT(h.max, 10);
	CHECK_INT(sift_hist_quantile(&h, 0.5), 5);
	CHECK_INT(sift_hist_quantile(&h, 0.9), 9);
	CHECK_INT(sift_hist_quantile(&h, 0.99), 10);
	CHECK_INT(sift_hist_quantile(&h, 0.0), 1);
}

TEST(large_percentiles_are_within_the_stated_error)
{
	static uint64_t vals[50000];
	static const double qs[] = { 0.5, 0.9, 0.99 };
	struct sift_hist h;
	uint64_t x = 12345;
	size_t i, k;

	memset(&h, 0, sizeof(h));
	for (i = 0; i < 50000; i++) {
		/* a skewed, deterministic spread from 1 to about 1e6 */
		x = sift_mix64(x + i);
		vals[i] = 1 + (x % 1000) * (x % 1000) * ((x >> 20) % 4 + 1) / 4;
		sift_hist_add(&h, vals[i]);
	}
	qsort(vals, 50000, sizeof(vals[0]), cmp_u64);
	for (k = 0; k < 3; k++) {
		size_t rank = (size_t)(qs[k] * 50000 + 0.999999);
		double truth = (double)vals[rank - 1];
		double got = (double)sift_hist_quantile(&h, qs[k]);

		CHECK(got >= truth * (1 - 0.032) - 1 && got <= truth * (1 + 0.032) + 1);
	}
	CHECK_INT(h.max, vals[49999]);
	CHECK_INT(h.min, vals[0]);
}

TEST(script_counts_cover_korean_latin_han_kana_cyrillic)
{
	uint64_t c[SIFT_SCRIPT_COUNT] = { 0 }, repl = 0;
	const char *s = "한국어 ABC é 漢字 かな Дом ة 12 !! \xEF\xBF\xBD";
	size_t n = sift_script_count(s, strlen(s), c, &repl);

	CHECK_INT(c[SIFT_SCRIPT_HANGUL], 3);
	CHECK_INT(c[SIFT_SCRIPT_LATIN], 4);
	CHECK_INT(c[SIFT_SCRIPT_HAN], 2);
	CHECK_INT(c[SIFT_SCRIPT_KANA], 2);
	CHECK_INT(c[SIFT_SCRIPT_CYRILLIC], 3);
	CHECK_INT(c[SIFT_SCRIPT_OTHER], 1);
	CHECK_INT(repl, 1);
	CHECK_INT(n, 29);
	CHECK_STR(sift_script_name(SIFT_SCRIPT_HANGUL), "hangul");
}

TEST(distinct_counts_are_exact_then_estimated)
{
	struct sift_distinct d = SIFT_DISTINCT_INIT;
	uint64_t i, est, n = SIFT_STATS_EXACT_DISTINCT + 200000;

	for (i = 0; i < 1000; i++)
		sift_distinct_add(&d, i % 300);
	CHECK_INT(sift_distinct_count(&d), 300);
	CHECK(d.hll == NULL);
	sift_distinct_release(&d);
	for (i = 0; i < n; i++)
		sift_distinct_add(&d, i * 2654435761u);
	CHECK(d.hll != NULL);
	est = sift_distinct_count(&d);
	CHECK(est > n * 0.97 && est < n * 1.03);
	sift_distinct_release(&d);
}

/* Feed the lines to a new accumulator and return its JSON, parsed. */
static json_t *
stats_of(const char **lines, const struct sift_stats_opts *o)
{
	struct sift_stats *st = sift_stats_new(o);
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	struct sift_buf out = SIFT_BUF_INIT;
	json_error_t je;
	json_t *j;
	size_t i;

	for (i = 0; lines[i] != NULL; i++) {
		CHECK_INT(sift_record_parse(&rec, lines[i], strlen(lines[i]), &err), 0);
		sift_stats_add(st, &rec);
	}
	sift_stats_json(st, &out);
	j = json_loads(out.data, 0, &je);
	CHECK(j != NULL);
	sift_buf_release(&out);
	sift_record_release(&rec);
	sift_stats_free(st);
	return j;
}

static long long
num(json_t *j, const char *path)
{
	char key[64];
	const char *dot;

	while ((dot = strchr(path, '.')) != NULL) {
		snprintf(key, sizeof(key), "%.*s", (int)(dot - path), path);
		j = json_object_get(j, key);
		path = dot + 1;
	}
	return json_integer_value(json_object_get(j, path));
}

TEST(counts_sizes_and_sentences)
{
	struct sift_stats_opts o = SIFT_STATS_OPTS_INIT;
	const char *lines[] = {
		"{\"id\":\"a\",\"text\":\"첫 문장이다. 둘째 문장이다.\"}",
		"{\"id\":\"b\",\"text\":\"One. Two. Three.\",\"sentences\":[\"One.\",\"Two.\",\"Three \\\"3\\\".\"]}",
		"{\"id\":\"c\"}",
		"{\"id\":\"d\",\"text\":5,\"error\":\"bad\"}",
		NULL
	};
	json_t *j;

	o.segment = 1;
	j = stats_of(lines, &o);
	CHECK_INT(num(j, "records"), 4);
	CHECK_INT(num(j, "bytes"), (long long)(strlen(lines[0]) + strlen(lines[1]) +
	    strlen(lines[2]) + strlen(lines[3]) + 4));
	CHECK_INT(num(j, "records_without_text"), 2);
	CHECK_INT(num(j, "characters"), 16 + 16);
	CHECK_INT(num(j, "sentences"), 5);
	CHECK_INT(num(j, "records_with_sentences"), 2);
	CHECK_INT(num(j, "sentence_chars.min"), 4);
	CHECK_INT(num(j, "sentence_chars.max"), 10);
	CHECK_INT(num(j, "length_chars.min"), 16);
	CHECK_INT(num(j, "errors"), 1);
	CHECK_INT(num(j, "scripts.hangul.letters"), 11);
	CHECK_INT(num(j, "scripts.latin.letters"), 11);
	CHECK(json_object_get(j, "duplicates") == NULL);
	CHECK(json_object_get(j, "clusters") == NULL);
	CHECK(json_object_get(j, "entities") == NULL);
	json_decref(j);

	/* by default only the arrays are counted */
	o.segment = 0;
	j = stats_of(lines, &o);
	CHECK_INT(num(j, "sentences"), 3);
	CHECK_INT(num(j, "records_with_sentences"), 1);
	json_decref(j);
	lines[1] = NULL;
	j = stats_of(lines, &o);
	CHECK(json_is_null(json_object_get(j, "sentences")));
	CHECK(json_is_null(json_object_get(j, "sentence_chars")));
	json_decref(j);
}

TEST(duplicates_clusters_and_top_entities)
{
	struct sift_stats_opts o = SIFT_STATS_OPTS_INIT;
	const char *lines[] = {
		"{\"id\":\"a\",\"cluster\":\"a\",\"text\":\"가\",\"entities\":{\"people\":"
		    "[{\"name\":\"홍길동\",\"title\":\"대표\"}],\"orgs\":[{\"name\":\"한빛전자\"}],"
		    "\"keywords\":[{\"term\":\"배터리\",\"score\":1.5},{\"term\":\"공장\",\"score\":1}]}}",
		"{\"id\":\"b\",\"cluster\":\"a\",\"dup_of\":\"a\",\"text\":\"가\",\"entities\":"
		    "{\"people\":[{\"name\":\"홍길동\"},{\"name\":\"김철수\"}],\"keywords\":"
		    "[{\"term\":\"배터리\",\"score\":2}]}}",
		"{\"id\":\"c\",\"cluster\":\"c\",\"dup_of\":null,\"text\":\"나\"}",
		NULL
	};
	json_t *j = stats_of(lines, &o), *people, *kw;

	CHECK_INT(num(j, "duplicates"), 1);
	CHECK_INT(num(j, "clusters.records"), 3);
	CHECK_INT(num(j, "clusters.distinct"), 2);
	CHECK_INT(num(j, "clusters.multi_member"), 1);
	CHECK_INT(num(j, "entities.records"), 2);
	people = json_object_get(json_object_get(j, "entities"), "people");
	CHECK_INT(json_array_size(people), 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(people, 0), "name")), "홍길동");
	CHECK_INT(json_integer_value(json_object_get(json_array_get(people, 0), "count")), 2);
	kw = json_object_get(json_object_get(j, "entities"), "keywords");
	CHECK_STR(json_string_value(json_object_get(json_array_get(kw, 0), "term")), "배터리");
	CHECK_STR(json_string_value(json_object_get(json_array_get(kw, 1), "term")), "공장");
	json_decref(j);
	o.top = 1;
	j = stats_of(lines, &o);
	kw = json_object_get(json_object_get(j, "entities"), "keywords");
	CHECK_INT(json_array_size(kw), 1);
	json_decref(j);
}

TEST(top_lists_keep_frequent_names_when_they_overflow)
{
	struct sift_stats_opts o = SIFT_STATS_OPTS_INIT;
	struct sift_stats *st = sift_stats_new(&o);
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	struct sift_buf line = SIFT_BUF_INIT, out = SIFT_BUF_INIT;
	json_error_t je;
	json_t *j, *orgs;
	int i;

	for (i = 0; i < 3 * SIFT_STATS_TOP_CAPACITY; i++) {
		sift_buf_reset(&line);
		/* "frequent" every third record, a new rare name each time */
		sift_buf_addf(&line, "{\"entities\":{\"orgs\":[{\"name\":\"rare%d\"}%s]}}",
		    i, i % 3 == 0 ? ",{\"name\":\"frequent\"}" : "");
		CHECK_INT(sift_record_parse(&rec, line.data, line.len, &err), 0);
		sift_stats_add(st, &rec);
	}
	sift_stats_json(st, &out);
	j = json_loads(out.data, 0, &je);
	orgs = json_object_get(json_object_get(j, "entities"), "orgs");
	CHECK_STR(json_string_value(json_object_get(json_array_get(orgs, 0), "name")), "frequent");
	CHECK_INT(json_integer_value(json_object_get(json_array_get(orgs, 0), "count")),
	    SIFT_STATS_TOP_CAPACITY);
	CHECK(json_is_true(json_object_get(json_object_get(j, "entities"), "approximate")));
	json_decref(j);
	sift_buf_release(&line);
	sift_buf_release(&out);
	sift_record_release(&rec);
	sift_stats_free(st);
}

TEST(the_table_and_the_chart_are_complete)
{
	struct sift_stats_opts o = SIFT_STATS_OPTS_INIT;
	struct sift_stats *st = sift_stats_new(&o);
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	struct sift_buf out = SIFT_BUF_INIT;
	const char *l = "{\"id\":\"a\",\"text\":\"한국어 문장이다. English sentence.\"}";

	CHECK_INT(sift_record_parse(&rec, l, strlen(l), &err), 0);
	sift_stats_add(st, &rec);
	sift_stats_human(st, &out);
	CHECK(strstr(out.data, "records                                   1\n") != NULL);
	CHECK(strstr(out.data, "  hangul                                  7   31.8%\n") != NULL);
	CHECK(out.data[out.len - 1] == '\n');
	sift_buf_reset(&out);
	sift_stats_svg(st, &out);
	CHECK(strncmp(out.data, "<svg xmlns=\"http://www.w3.org/2000/svg\"", 39) == 0);
	CHECK(strstr(out.data, "</svg>\n") == out.data + out.len - 7);
	CHECK(strstr(out.data, "hangul 31.8%") != NULL);
	CHECK(strstr(out.data, "p50 ") != NULL);
	sift_buf_release(&out);
	sift_record_release(&rec);
	sift_stats_free(st);
}

TEST(an_empty_stream_still_gives_a_whole_object)
{
	struct sift_stats_opts o = SIFT_STATS_OPTS_INIT;
	const char *none[] = { NULL };
	json_t *j = stats_of(none, &o);

	CHECK_INT(num(j, "records"), 0);
	CHECK_INT(num(j, "length_chars.p50"), 0);
	CHECK(json_is_null(json_object_get(j, "sentences")));
	CHECK(json_is_object(json_object_get(j, "scripts")));
	json_decref(j);
}

int
main(void)
{
	RUN(buckets_are_exact_below_64_and_ordered_above);
	RUN(small_distributions_have_exact_percentiles);
	RUN(large_percentiles_are_within_the_stated_error);
	RUN(script_counts_cover_korean_latin_han_kana_cyrillic);
	RUN(distinct_counts_are_exact_then_estimated);
	RUN(counts_sizes_and_sentences);
	RUN(duplicates_clusters_and_top_entities);
	RUN(top_lists_keep_frequent_names_when_they_overflow);
	RUN(the_table_and_the_chart_are_complete);
	RUN(an_empty_stream_still_gives_a_whole_object);
	return unit_done();
}
