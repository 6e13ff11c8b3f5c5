/*
 * test_dedup.c - sift-dedup's normalization, key lines and cluster index.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dedup.h"
#include "hash.h"
#include "json.h"
#include "unit.h"

static const char *
norm(const char *s, int loose)
{
	static struct sift_buf out = SIFT_BUF_INIT;

	sift_dedup_normalize(s, strlen(s), loose, &out);
	return out.data;
}

TEST(normalize_folds_space_and_composes)
{
	CHECK_STR(norm("  한빛\t\t전자는\n\n 14일 ", 0), "한빛 전자는 14일");
	/* NBSP, ideographic space, zero-width space */
	CHECK_STR(norm("가\xc2\xa0나\xe3\x80\x80다\xe2\x80\x8b라", 0), "가 나 다라");
	/* e + combining acute -> U+00E9 */
	CHECK_STR(norm("caf\x65\xcc\x81", 0), "caf\xc3\xa9");
	/* conjoining jamo HIEUH A NIEUN -> the syllable 한 */
	CHECK_STR(norm("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab국", 0), "한국");
	CHECK_STR(norm("", 0), "");
	CHECK_STR(norm(" \n\t", 0), "");
	/* punctuation and case stay without loose */
	CHECK_STR(norm("Seoul, (AP) 서울!", 0), "Seoul, (AP) 서울!");
}

TEST(loose_folds_case_punctuation_and_width)
{
	CHECK_STR(norm("Seoul, (AP) — 서울!", 1), "seoul ap 서울");
	/* full-width letters and digits fold to ASCII (NFKC) */
	CHECK_STR(norm("\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\x91 테스트", 1), "ab1 테스트");
	CHECK_STR(norm("\xc3\x89" "COLE", 1), "\xc3\xa9" "cole");
}

/* A key for text through the map step, parsed back from its line. */
static void
key_of(struct sift_dedup *d, const struct sift_dedup_opts *o, const char *id,
    const char *text, struct sift_dedup_key *k)
{
	struct sift_buf line = SIFT_BUF_INIT, keyline = SIFT_BUF_INIT;
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	const char *rest;

	sift_buf_adds(&line, "{\"id\":");
	sift_json_put_string(&line, id, strlen(id));
	sift_buf_adds(&line, ",\"text\":");
	sift_json_put_string(&line, text, strlen(text));
	sift_buf_addc(&line, '}');
	CHECK_INT(sift_record_parse(&rec, line.data, line.len, &err), 0);
	CHECK_INT(sift_dedup_emit_key(d, &rec, &keyline, &err), 0);
	CHECK_INT(sift_dedup_key_parse(o, keyline.data, keyline.len, k, &rest, &err), 0);
	CHECK(rest == NULL);
	sift_record_release(&rec);
	sift_buf_release(&line);
	sift_buf_release(&keyline);
}

static const char *story[] = {
	"새솔제약이 개발 중인 먹는 비만 치료제가 임상 3상에서 평균 18%의 체중 감량 효과를 보였다.",
	"이번 임상은 국내 42개 병원에서 성인 비만 환자 1240명을 대상으로 68주 동안 진행됐다.",
	"약을 복용한 환자군의 체중은 평균 18.2% 줄었고, 위약군은 2.9% 감소하는 데 그쳤다.",
	"가장 흔한 부작용은 메스꺼움과 설사였으며 대부분 투약 초기 4주 안에 사라졌다.",
	"회사는 올해 하반기 품목허가를 신청하고 2027년 출시를 목표로 하고 있다.",
	"업계에서는 국내 비만 치료제 시장이 2030년까지 연평균 20% 넘게 커질 것으로 본다.",
	"회사 주가는 발표 직후 장중 한때 14% 넘게 올랐다.",
	"연구개발본부장은 주사제가 아닌 알약으로 같은 효과를 낸 것이 핵심이라고 말했다.",
};

static void
join(struct sift_buf *b, int from, int to, const char *replace_last)
{
	int i;

	sift_buf_reset(b);
	for (i = from; i < to; i++) {
		if (i > from)
			sift_buf_addc(b, '\n');
		sift_buf_adds(b, i == to - 1 && replace_last ? replace_last : story[i]);
	}
}

TEST(key_line_round_trip)
{
	struct sift_dedup_opts o = SIFT_DEDUP_OPTS_INIT;
	struct sift_dedup *d;
	struct sift_dedup_key k = SIFT_DEDUP_KEY_INIT, k2 = SIFT_DEDUP_KEY_INIT;
	struct sift_buf line = SIFT_BUF_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	const char *rest;

	o.lines_min = 2;
	o.shard = 3;
	d = sift_dedup_new(&o);
	key_of(d, &o, "a\"1", "첫 줄\n둘째 줄\n첫 줄", &k);
	CHECK(k.ordinal == (3ULL << SIFT_DEDUP_SHARD_SHIFT));
	CHECK(k.has_text && k.has_sig);
	CHECK_INT(k.nline, 2);	/* distinct lines */
	CHECK_STR(k.id.data, "\"a\\\"1\"");
	sift_dedup_key_format(&o, &k, &line);
	sift_buf_adds(&line, "\t{\"x\":1}");
	CHECK_INT(sift_dedup_key_parse(&o, line.data, line.len, &k2, &rest, &err), 0);
	CHECK_STR(rest, "{\"x\":1}");
	CHECK(k2.exact == k.exact && k2.length == k.length);
	CHECK(memcmp(k2.sig, k.sig, sizeof(k.sig)) == 0);
	CHECK(k2.band[0] == k.band[0] && k2.line[1] == k.line[1]);
	/* a map step run with other bands is refused */
	o.bands = 4;
	CHECK_INT(sift_dedup_key_parse(&o, line.data, line.len, &k2, &rest, &err), -1);
	CHECK(strstr(err.msg, "same options") != NULL);
	CHECK_INT(sift_dedup_key_parse(&o, "zz\t1", 4, &k2, &rest, &err), -1);
	sift_dedup_key_release(&k);
	sift_dedup_key_release(&k2);
	sift_buf_release(&line);
	sift_dedup_free(d);
}

TEST(index_clusters_exact_and_near_copies)
{
	struct sift_dedup_opts o = SIFT_DEDUP_OPTS_INIT;
	struct sift_dedup *d = sift_dedup_new(&o);
	struct sift_dedup_index *x = sift_dedup_index_new(&o);
	struct sift_dedup_key k = SIFT_DEDUP_KEY_INIT;
	struct sift_dedup_match m;
	struct sift_buf t = SIFT_BUF_INIT;

	sift_dedup_index_track_docs(x);
	join(&t, 0, 8, NULL);
	key_of(d, &o, "orig", t.data, &k);
	CHECK_INT(sift_dedup_index_add(x, &k, &m), 0);
	CHECK(!m.dup);
	/* the same text with other spacing: an exact duplicate */
	sift_buf_adds(&t, "   \n");
	key_of(d, &o, "copy", t.data, &k);
	CHECK_INT(sift_dedup_index_add(x, &k, &m), 1);
	CHECK(m.dup && m.exact && m.leader_doc == 0 && m.similarity == 1.0);
	/* last sentence rewritten: a near duplicate */
	join(&t, 0, 8, "본부장은 알약 형태로 주사제와 비슷한 효과를 거둔 점이 가장 중요하다고 설명했다.");
	key_of(d, &o, "edited", t.data, &k);
	CHECK_INT(sift_dedup_index_add(x, &k, &m), 2);
	CHECK(m.dup && !m.exact && m.leader_doc == 0);
	CHECK(m.similarity >= 0.6 && m.similarity < 1.0);
	/* a text on another subject is new */
	key_of(d, &o, "other", "Lakeside City Council approved a record budget "
	    "for the coming fiscal year, with the largest increase for transit.", &k);
	CHECK_INT(sift_dedup_index_add(x, &k, &m), 3);
	CHECK(!m.dup);
	/* no text: never clustered */
	k.has_text = 0;
	CHECK_INT(sift_dedup_index_add(x, &k, &m), 4);
	CHECK(!m.dup);
	CHECK_INT(sift_dedup_index_kept(x, 1), 0);
	CHECK_INT(sift_dedup_index_kept(x, 2), 0);
	CHECK_INT(sift_dedup_index_kept(x, 3), 3);
	CHECK_INT(sift_dedup_index_kept(x, 4), 4);
	sift_dedup_key_release(&k);
	sift_buf_release(&t);
	sift_dedup_index_free(x);
	sift_dedup_free(d);
}

TEST(keep_longest_and_transitive)
{
	struct sift_dedup_opts o = SIFT_DEDUP_OPTS_INIT;
	struct sift_dedup *d;
	struct sift_dedup_index *x;
	struct sift_dedup_key k = SIFT_DEDUP_KEY_INIT;
	struct sift_dedup_match m;
	struct sift_buf t = SIFT_BUF_INIT;

	o.keep_longest = 1;
	d = sift_dedup_new(&o);
	x = sift_dedup_index_new(&o);
	sift_dedup_index_track_docs(x);
	join(&t, 0, 7, NULL);
	key_of(d, &o, "short", t.data, &k);
	sift_dedup_index_add(x, &k, &m);
	join(&t, 0, 8, NULL);
	key_of(d, &o, "long", t.data, &k);
	sift_dedup_index_add(x, &k, &m);
	CHECK(m.dup);
	CHECK_INT(sift_dedup_index_kept(x, 0), 1);
	CHECK_INT(sift_dedup_index_kept(x, 1), 1);
	sift_dedup_index_free(x);
	sift_dedup_free(d);

	/* two leaders that a third record resembles: merged only when
	 * transitive */
	o = (struct sift_dedup_opts)SIFT_DEDUP_OPTS_INIT;
	o.threshold = 0.25;
	o.transitive = 1;
	d = sift_dedup_new(&o);
	x = sift_dedup_index_new(&o);
	sift_dedup_index_track_docs(x);
	join(&t, 0, 4, NULL);
	key_of(d, &o, "a", t.data, &k);
	sift_dedup_index_add(x, &k, &m);
	join(&t, 4, 8, NULL);
	key_of(d, &o, "b", t.data, &k);
	sift_dedup_index_add(x, &k, &m);
	CHECK(!m.dup);
	join(&t, 1, 7, NULL);
	key_of(d, &o, "c", t.data, &k);
	sift_dedup_index_add(x, &k, &m);
	CHECK(m.dup);
	CHECK_INT(sift_dedup_index_kept(x, 1), 0);
	CHECK_INT(sift_dedup_index_kept(x, 2), 0);
	sift_dedup_key_release(&k);
	sift_buf_release(&t);
	sift_dedup_index_free(x);
	sift_dedup_free(d);
}

/* The index stays under 200 bytes per distinct document. */
TEST(index_memory_per_document)
{
	struct sift_dedup_opts o = SIFT_DEDUP_OPTS_INIT;
	struct sift_dedup_index *x = sift_dedup_index_new(&o);
	struct sift_dedup_key k = SIFT_DEDUP_KEY_INIT;
	struct sift_dedup_match m;
	uint32_t i, n = 300000;
	int b;

	k.has_text = k.has_sig = 1;
	for (i = 0; i < n; i++) {
		k.exact = sift_mix64(i + 1);
		for (b = 0; b < o.bands; b++)
			k.band[b] = sift_mix64(((uint64_t)i << 8) + (uint64_t)b + 77);
		memset(k.sig, (int)(i & 0xff), sizeof(k.sig));
		sift_dedup_index_add(x, &k, &m);
	}
	printf("# %zu index bytes per document\n", sift_dedup_index_bytes(x) / n);
	CHECK(sift_dedup_index_bytes(x) / n <= 200);
	sift_dedup_index_free(x);
}

int
main(void)
{
	RUN(normalize_folds_space_and_composes);
	RUN(loose_folds_case_punctuation_and_width);
	RUN(key_line_round_trip);
	RUN(index_clusters_exact_and_near_copies);
	RUN(keep_longest_and_transitive);
	RUN(index_memory_per_document);
	return unit_done();
}
