#include "hash.h"

#include <string.h>

/* 64x64 -> 128 multiply folded to 64 bits: the mixing step of wyhash-like
 * hashes; fast on 64-bit machines and strong enough for hash tables,
 * fingerprints and MinHash permutations. */
static inline uint64_t
fold_mul(uint64_t a, uint64_t b)
{
	unsigned __int128 r = (unsigned __int128)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t
read64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
	    (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

static inline uint64_t
read32(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24;
}

#define K0 0xa0761d6478bd642fULL
#define K1 0xe7037ed1a0b428dbULL
#define K2 0x8ebc6af09c88c6e3ULL
#define K3 0x589965cc75374cc3ULL

uint64_t
sift_hash64(const void *data, size_t n, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t a, b, h = seed ^ K0 ^ fold_mul(seed ^ K1, (uint64_t)n ^ K2);
	size_t i = n;

	while (i > 16) {
		h = fold_mul(read64(p) ^ K1, read64(p + 8) ^ h);
		p += 16;
		i -= 16;
	}
	if (i >= 8) {
		a = read64(p);
		b = read64(p + i - 8);
	} else if (i >= 4) {
		a = read32(p);
		b = read32(p + i - 4);
	} else if (i > 0) {
		a = (uint64_t)p[0] << 16 | (uint64_t)p[i >> 1] << 8 | p[i - 1];
		b = 0;
	} else {
		a = b = 0;
	}
	return fold_mul(K1 ^ (uint64_t)n, fold_mul(a ^ K1, b ^ h) ^ K3);
}

uint64_t
sift_mix64(uint64_t x)
{
	/* splitmix64's finalizer */
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}
