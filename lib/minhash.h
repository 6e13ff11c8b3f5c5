/*
 * minhash.h - MinHash signatures of shingle sets and the LSH banding math.
 *
 * A document is reduced to the set of its shingles (character n-grams or
 * word n-grams of its normalized text), each hashed to 64 bits.  The
 * signature is a one-permutation MinHash (Li, Owen and Zhang 2012): the
 * shingle hashes are spread over SIFT_MINHASH_K bins by their top bits and
 * each bin keeps its smallest value, so the cost is one hash per shingle
 * rather than K.  Empty bins (short texts) are filled by "optimal
 * densification" (Shrivastava 2017): bin i copies the bin that a fixed,
 * document-independent probe sequence for i first hits among the filled
 * bins.  For two sets A and B every bin then agrees with probability close
 * to their Jaccard similarity J = |A n B| / |A u B|, which is all that
 * estimation and LSH banding need (tests/unit/test_minhash.c measures it).
 *
 * LSH banding: rows r consecutive bins form a band; two documents become
 * candidates when any of b bands agree entirely, with probability
 * 1 - (1 - J^r)^b.  Candidates are then checked with the packed signature:
 * 4 bits of each bin (b-bit minwise hashing, Li and Koenig 2010), 64 bytes
 * per document, from which J is estimated with a standard error of about
 * 0.045 at J = 0.5.
 *
 * All seeds are fixed constants, so signatures are the same on every run,
 * machine and shard.
 */
#ifndef SIFT_MINHASH_H
#define SIFT_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#define SIFT_MINHASH_K 128		/* bins per signature */
#define SIFT_MINHASH_SIGBYTES 64	/* packed signature: 4 bits a bin */

enum sift_shingle_kind {
	SIFT_SHINGLE_CHAR,	/* n consecutive code points */
	SIFT_SHINGLE_WORD	/* n consecutive space-separated words */
};

struct sift_minhash {
	uint32_t bin[SIFT_MINHASH_K];
	uint64_t filled[SIFT_MINHASH_K / 64];	/* bins that got a shingle */
	size_t nshingles;			/* shingles added (with repeats) */
};

/* Empty m (no shingles). */
void sift_minhash_reset(struct sift_minhash *m);

/* Add one shingle given by its 64-bit hash. */
static inline void
sift_minhash_add(struct sift_minhash *m, uint64_t h)
{
	unsigned b = (unsigned)(h >> 57);	/* top 7 bits: the bin */
	uint32_t v = (uint32_t)h;

	if (v < m->bin[b])
		m->bin[b] = v;
	m->filled[b >> 6] |= 1ULL << (b & 63);
	m->nshingles++;
}

/* Hash of one shingle's bytes (the shingle hash the module uses). */
uint64_t sift_minhash_shingle_hash(const char *p, size_t n);

/*
 * Add the shingles of the valid UTF-8 text s[0..n): kind and size say which
 * (char 5, word 3, ...).  Words are separated by single ' ' (the text is
 * expected to be normalized).  A text shorter than one shingle counts as
 * one shingle of the whole text; an empty text adds nothing.
 */
void sift_minhash_add_text(struct sift_minhash *m, const char *s, size_t n,
    enum sift_shingle_kind kind, int size);

/* Fill the empty bins (densification).  Call once after the last add.
 * Returns 0, or -1 if no shingle was added (the signature is empty). */
int sift_minhash_finish(struct sift_minhash *m);

/* Fraction of agreeing bins of two finished signatures: the plain MinHash
 * Jaccard estimate. */
double sift_minhash_similarity(const struct sift_minhash *a,
    const struct sift_minhash *b);

/* Band key of band number band (rows bins from band * rows on), mixed with
 * the band number so that equal bins in different bands do not collide.
 * band * rows + rows must not exceed SIFT_MINHASH_K. */
uint64_t sift_minhash_band(const struct sift_minhash *m, int band, int rows);

/* Pack 4 bits of every bin into sig[SIFT_MINHASH_SIGBYTES]. */
void sift_minhash_pack(const struct sift_minhash *m, uint8_t *sig);

/* Estimated Jaccard similarity of two packed signatures, in [0, 1]: the
 * b-bit estimator (matches - 1/16) / (1 - 1/16), clamped. */
double sift_minhash_packed_similarity(const uint8_t *a, const uint8_t *b);

/* Probability that two documents of Jaccard similarity s share at least
 * one of bands bands of rows rows: 1 - (1 - s^rows)^bands. */
double sift_lsh_probability(double s, int bands, int rows);

/*
 * Choose bands and rows (bands <= max_bands, bands * rows <=
 * SIFT_MINHASH_K) for verification threshold t: the most rows (fewest
 * chance candidates) that still make a pair of similarity t + 0.15 a
 * candidate with probability >= 0.95, then the fewest bands that keep it
 * so.  Returns 0, or -1 if even rows 1 misses (then rows 1 and max_bands
 * are set).
 */
int sift_lsh_params(double t, int max_bands, int *bands, int *rows);

#endif
