#include "minhash.h"

#include <math.h>
#include <string.h>

#include "hash.h"

/* Fixed seeds: signatures must agree across runs, machines and shards. */
#define SHINGLE_SEED 0x5eed0f5a1f7ddedbULL
#define DENSIFY_SEED 0x9e3779b97f4a7c15ULL
#define BAND_SEED 0xc2b2ae3d27d4eb4fULL
#define PACK_SEED 0x165667b19e3779f9ULL

void
sift_minhash_reset(struct sift_minhash *m)
{
	memset(m->bin, 0xff, sizeof(m->bin));
	memset(m->filled, 0, sizeof(m->filled));
	m->nshingles = 0;
}

uint64_t
sift_minhash_shingle_hash(const char *p, size_t n)
{
	return sift_hash64(p, n, SHINGLE_SEED);
}

/*
 * Character n-grams.  Each code point is taken as its UTF-8 bytes packed in
 * a 32-bit value (no decoding), and the window's hash is a polynomial
 * rolling hash mod 2^64 put through a 64-bit finalizer: a few multiplies a
 * shingle instead of hashing the window's bytes again at each position.
 */
#define ROLL_MUL 0x9fb21c651e98df25ULL

/* A one-multiply finalizer: the rolling hash's low bits depend only on the
 * inputs' low bits, and both the bin (top bits) and the value (low bits)
 * must look random. */
static inline uint64_t
finalize(uint64_t x)
{
	x ^= SHINGLE_SEED;
	x ^= x >> 32;
	x *= 0xd6e8feb86659fd93ULL;
	x ^= x >> 32;
	return x;
}

static void
add_char_shingles(struct sift_minhash *m, const char *s, size_t n, int size)
{
	uint32_t ring[32];	/* the last size code points */
	uint64_t h = 0, outw = 1;	/* outw = ROLL_MUL^(size-1) */
	size_t i = 0, count = 0, pos = 0, z = (size_t)size;
	int k;

	for (k = 1; k < size; k++)
		outw *= ROLL_MUL;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t v = c;

		if (c < 0x80) {
			i++;
		} else if (c < 0xe0 || i + 2 >= n) {
			/* 2 bytes (or a truncated tail: cannot happen in
			 * valid UTF-8, but never read past the end) */
			v = i + 1 < n ? v << 8 | (unsigned char)s[i + 1] : v;
			i += 2;
		} else if (c < 0xf0 || i + 3 >= n) {
			v = v << 16 | (uint32_t)(unsigned char)s[i + 1] << 8 |
			    (unsigned char)s[i + 2];
			i += 3;
		} else {
			v = v << 24 | (uint32_t)(unsigned char)s[i + 1] << 16 |
			    (uint32_t)(unsigned char)s[i + 2] << 8 |
			    (unsigned char)s[i + 3];
			i += 4;
		}
		if (count >= z)
			h -= ((uint64_t)ring[pos] + 1) * outw;
		ring[pos] = v;
		if (++pos == z)
			pos = 0;
		h = h * ROLL_MUL + (uint64_t)v + 1;
		if (++count >= z)
			sift_minhash_add(m, finalize(h));
	}
	if (count > 0 && count < z)
		sift_minhash_add(m, sift_minhash_shingle_hash(s, n));
}

/* Word n-grams over ' '-separated words. */
static void
add_word_shingles(struct sift_minhash *m, const char *s, size_t n, int size)
{
	size_t start[64];
	size_t i = 0, count = 0;

	while (i < n) {
		size_t end;

		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		end = i;
		while (end < n && s[end] != ' ')
			end++;
		start[count & 63] = i;
		count++;
		if (count >= (size_t)size) {
			size_t from = start[(count - (size_t)size) & 63];

			sift_minhash_add(m, sift_minhash_shingle_hash(s + from, end - from));
		}
		i = end;
	}
	if (count > 0 && count < (size_t)size)
		sift_minhash_add(m, sift_minhash_shingle_hash(s, n));
}

void
sift_minhash_add_text(struct sift_minhash *m, const char *s, size_t n,
    enum sift_shingle_kind kind, int size)
{
	if (size < 1)
		size = 1;
	if (size > 32)
		size = 32;
	if (kind == SIFT_SHINGLE_WORD)
		add_word_shingles(m, s, n, size);
	else
		add_char_shingles(m, s, n, size);
}

static inline int
is_filled(const struct sift_minhash *m, unsigned b)
{
	return (m->filled[b >> 6] >> (b & 63)) & 1;
}

int
sift_minhash_finish(struct sift_minhash *m)
{
	unsigned i, j;
	uint64_t attempt;

	if (m->nshingles == 0)
		return -1;
	for (i = 0; i < SIFT_MINHASH_K; i++) {
		if (is_filled(m, i))
			continue;
		/* The probe sequence depends on i only, never on the document,
		 * so two documents copy the same source bin whenever they have
		 * the same filled bins; sources are original bins only. */
		for (attempt = 1;; attempt++) {
			j = (unsigned)(sift_mix64(DENSIFY_SEED ^ ((uint64_t)i << 32) ^
			    attempt) & (SIFT_MINHASH_K - 1));
			if (is_filled(m, j)) {
				m->bin[i] = m->bin[j];
				break;
			}
		}
	}
	return 0;
}

double
sift_minhash_similarity(const struct sift_minhash *a, const struct sift_minhash *b)
{
	unsigned i, eq = 0;

	for (i = 0; i < SIFT_MINHASH_K; i++)
		eq += a->bin[i] == b->bin[i];
	return (double)eq / SIFT_MINHASH_K;
}

uint64_t
sift_minhash_band(const struct sift_minhash *m, int band, int rows)
{
	uint64_t h = sift_mix64(BAND_SEED + (uint64_t)band);
	int i;

	for (i = 0; i < rows; i++)
		h = sift_mix64(h ^ m->bin[band * rows + i]) + (uint64_t)i;
	return h;
}

void
sift_minhash_pack(const struct sift_minhash *m, uint8_t *sig)
{
	unsigned i;

	/* A bin holds a minimum, whose high bits are mostly zero: mix it
	 * before taking 4 bits so that unequal bins agree only 1/16 of the
	 * time, as the estimator assumes. */
	for (i = 0; i < SIFT_MINHASH_K; i += 2) {
		unsigned lo = (unsigned)(sift_mix64(m->bin[i] ^ PACK_SEED) & 15);
		unsigned hi = (unsigned)(sift_mix64(m->bin[i + 1] ^ PACK_SEED) & 15);

		sig[i / 2] = (uint8_t)(lo | hi << 4);
	}
}

static inline uint64_t
load64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

double
sift_minhash_packed_similarity(const uint8_t *a, const uint8_t *b)
{
	const uint64_t ones = 0x1111111111111111ULL;
	unsigned i, differ = 0;
	double match, j;

	for (i = 0; i < SIFT_MINHASH_SIGBYTES; i += 8) {
		uint64_t x = load64(a + i) ^ load64(b + i);

		/* one bit per nibble that is not zero, then add them up a
		 * byte at a time (no popcount instruction needed) */
		x = (x | x >> 1 | x >> 2 | x >> 3) & ones;
		x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
		differ += (unsigned)((x * 0x0101010101010101ULL) >> 56);
	}
	match = (double)(SIFT_MINHASH_K - differ) / SIFT_MINHASH_K;
	j = (match - 1.0 / 16) / (1.0 - 1.0 / 16);
	if (j < 0)
		j = 0;
	if (j > 1)
		j = 1;
	return j;
}

double
sift_lsh_probability(double s, int bands, int rows)
{
	return 1.0 - pow(1.0 - pow(s, rows), bands);
}

int
sift_lsh_params(double t, int max_bands, int *bands, int *rows)
{
	/* Aim at pairs a little above the threshold: the verification step
	 * decides at t itself, and the estimate is noisy there anyway. */
	double s = t + 0.15 > 1.0 ? 1.0 : t + 0.15;
	int b, r;

	if (max_bands < 1)
		max_bands = 1;
	if (max_bands > SIFT_MINHASH_K)
		max_bands = SIFT_MINHASH_K;
	for (r = SIFT_MINHASH_K / max_bands; r >= 1; r--) {
		if (sift_lsh_probability(s, max_bands, r) < 0.95)
			continue;
		for (b = 1; b <= max_bands; b++) {
			if (sift_lsh_probability(s, b, r) >= 0.95) {
				*bands = b;
				*rows = r;
				return 0;
			}
		}
	}
	*bands = max_bands;
	*rows = 1;
	return -1;
}
