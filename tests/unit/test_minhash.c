/*
 * test_minhash.c - the MinHash and LSH math: bins agree with probability
 * equal to the Jaccard similarity, the packed estimator is unbiased, and
 * the LSH candidate rate follows 1 - (1 - s^r)^b.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hash.h"
#include "minhash.h"
#include "unit.h"

/*
 * Two sets of size n sharing exactly `common` elements (drawn from the
 * pair number so that every pair is a fresh random draw): Jaccard
 * common / (2n - common).
 */
static void
make_pair(struct sift_minhash *a, struct sift_minhash *b, unsigned pair,
    unsigned n, unsigned common)
{
	unsigned i;
	uint64_t base = (uint64_t)pair << 32;

	sift_minhash_reset(a);
	sift_minhash_reset(b);
	for (i = 0; i < n; i++) {
		uint64_t x = sift_mix64(base + i);
		uint64_t y = i < common ? x : sift_mix64(base + 0x80000000ULL + i);

		sift_minhash_add(a, x);
		sift_minhash_add(b, y);
	}
	sift_minhash_finish(a);
	sift_minhash_finish(b);
}

/* The mean bin agreement over many pairs is J, for large sets and for
 * sets smaller than the number of bins (densified). */
static void
check_agreement(unsigned n, unsigned common, double tol)
{
	struct sift_minhash a, b;
	double j = (double)common / (2.0 * n - common), sum = 0, psum = 0;
	uint8_t pa[SIFT_MINHASH_SIGBYTES], pb[SIFT_MINHASH_SIGBYTES];
	unsigned p, pairs = 400;

	for (p = 0; p < pairs; p++) {
		make_pair(&a, &b, p + n * 1000 + common, n, common);
		sum += sift_minhash_similarity(&a, &b);
		sift_minhash_pack(&a, pa);
		sift_minhash_pack(&b, pb);
		psum += sift_minhash_packed_similarity(pa, pb);
	}
	if (fabs(sum / pairs - j) > tol || fabs(psum / pairs - j) > tol)
		printf("# n %u J %.3f: bins %.3f packed %.3f\n", n, j,
		    sum / pairs, psum / pairs);
	CHECK(fabs(sum / pairs - j) <= tol);
	CHECK(fabs(psum / pairs - j) <= tol);
}

TEST(bin_agreement_equals_jaccard)
{
	check_agreement(1000, 1000, 0.0001);	/* J = 1 */
	check_agreement(1000, 667, 0.02);	/* J = 0.5 */
	check_agreement(1000, 857, 0.02);	/* J = 0.75 */
	check_agreement(1000, 333, 0.02);	/* J = 0.2 */
	check_agreement(1000, 0, 0.01);		/* J = 0 */
	check_agreement(60, 40, 0.03);		/* fewer shingles than bins */
	check_agreement(20, 10, 0.04);
}

/* The standard error of the packed estimate at J = 0.5 is small enough
 * to tell 0.3 from 0.5 from 0.7. */
TEST(packed_estimate_spread)
{
	struct sift_minhash a, b;
	uint8_t pa[SIFT_MINHASH_SIGBYTES], pb[SIFT_MINHASH_SIGBYTES];
	double s, sum = 0, sum2 = 0, sd;
	unsigned p, pairs = 500;

	for (p = 0; p < pairs; p++) {
		make_pair(&a, &b, 7000 + p, 800, 533);	/* J = 0.5 */
		sift_minhash_pack(&a, pa);
		sift_minhash_pack(&b, pb);
		s = sift_minhash_packed_similarity(pa, pb);
		sum += s;
		sum2 += s * s;
	}
	sd = sqrt(sum2 / pairs - (sum / pairs) * (sum / pairs));
	CHECK(sd < 0.065);
	CHECK(sd > 0.02);
}

/* Measured candidate rate of banding matches 1 - (1 - s^r)^b. */
static void
check_banding(unsigned common, int bands, int rows)
{
	struct sift_minhash a, b;
	unsigned p, pairs = 1500, hits = 0, n = 1000;
	double j = (double)common / (2.0 * n - common), want, got;
	int k;

	for (p = 0; p < pairs; p++) {
		make_pair(&a, &b, 90000 + p * 7 + common, n, common);
		for (k = 0; k < bands; k++) {
			if (sift_minhash_band(&a, k, rows) == sift_minhash_band(&b, k, rows)) {
				hits++;
				break;
			}
		}
	}
	want = sift_lsh_probability(j, bands, rows);
	got = (double)hits / pairs;
	if (fabs(got - want) > 0.05)
		printf("# J %.2f b %d r %d: got %.3f want %.3f\n", j, bands, rows,
		    got, want);
	CHECK(fabs(got - want) <= 0.05);
}

TEST(lsh_candidate_probability)
{
	check_banding(333, 9, 2);	/* J 0.2 */
	check_banding(500, 9, 2);	/* J 0.33 */
	check_banding(667, 9, 2);	/* J 0.5 */
	check_banding(667, 16, 4);
	check_banding(857, 16, 4);	/* J 0.75 */
	check_banding(857, 8, 8);
}

TEST(lsh_probability_formula)
{
	CHECK(fabs(sift_lsh_probability(0.5, 9, 2) - (1 - pow(0.75, 9))) < 1e-12);
	CHECK(sift_lsh_probability(0, 9, 2) == 0);
	CHECK(sift_lsh_probability(1, 9, 2) == 1);
	CHECK(sift_lsh_probability(0.8, 4, 3) > sift_lsh_probability(0.6, 4, 3));
}

TEST(lsh_params_meet_threshold)
{
	int b = 0, r = 0;

	CHECK_INT(sift_lsh_params(0.4, 9, &b, &r), 0);
	CHECK(b <= 9 && b * r <= SIFT_MINHASH_K);
	CHECK(sift_lsh_probability(0.55, b, r) >= 0.95);
	/* one more row would fall short, one band less too */
	CHECK(sift_lsh_probability(0.55, 9, r + 1) < 0.95);
	CHECK(sift_lsh_probability(0.55, b - 1, r) < 0.95);
	CHECK_INT(sift_lsh_params(0.7, 9, &b, &r), 0);
	CHECK(r >= 4);
	CHECK(sift_lsh_probability(0.85, b, r) >= 0.95);
}

TEST(char_shingles_of_korean)
{
	struct sift_minhash a, b, c;
	const char *s1 = "한빛전자는 14일 새 반도체 공장을 짓는다고 밝혔다";
	const char *s2 = "한빛전자는 14일 새 반도체 공장을 짓는다고 발표했다";

	sift_minhash_reset(&a);
	sift_minhash_add_text(&a, s1, strlen(s1), SIFT_SHINGLE_CHAR, 5);
	/* 28 code points: 24 five-grams */
	CHECK_INT(a.nshingles, 24);
	CHECK_INT(sift_minhash_finish(&a), 0);
	sift_minhash_reset(&b);
	sift_minhash_add_text(&b, s1, strlen(s1), SIFT_SHINGLE_CHAR, 5);
	sift_minhash_finish(&b);
	CHECK(sift_minhash_similarity(&a, &b) == 1.0);
	sift_minhash_reset(&c);
	sift_minhash_add_text(&c, s2, strlen(s2), SIFT_SHINGLE_CHAR, 5);
	sift_minhash_finish(&c);
	CHECK(sift_minhash_similarity(&a, &c) < 1.0);
	CHECK(sift_minhash_similarity(&a, &c) > 0.5);
}

TEST(word_shingles_and_short_texts)
{
	struct sift_minhash m;

	sift_minhash_reset(&m);
	sift_minhash_add_text(&m, "a b c d e", 9, SIFT_SHINGLE_WORD, 3);
	CHECK_INT(m.nshingles, 3);
	sift_minhash_reset(&m);
	sift_minhash_add_text(&m, "ab", 2, SIFT_SHINGLE_WORD, 3);
	CHECK_INT(m.nshingles, 1);	/* shorter than a shingle: the whole */
	sift_minhash_reset(&m);
	sift_minhash_add_text(&m, "가나", 6, SIFT_SHINGLE_CHAR, 5);
	CHECK_INT(m.nshingles, 1);
	CHECK_INT(sift_minhash_finish(&m), 0);
	sift_minhash_reset(&m);
	sift_minhash_add_text(&m, "", 0, SIFT_SHINGLE_CHAR, 5);
	CHECK_INT(sift_minhash_finish(&m), -1);
}

int
main(void)
{
	RUN(bin_agreement_equals_jaccard);
	RUN(packed_estimate_spread);
	RUN(lsh_candidate_probability);
	RUN(lsh_probability_formula);
	RUN(lsh_params_meet_threshold);
	RUN(char_shingles_of_korean);
	RUN(word_shingles_and_short_texts);
	return unit_done();
}
