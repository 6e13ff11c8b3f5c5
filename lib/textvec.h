/*
 * textvec.h - sentences as TF-IDF term vectors, for similarity that works
 * for Korean without a morphological analyser.
 *
 * A term is one of:
 *   - a word: a run of letters or digits of one script, lower-cased; a
 *     Hangul word loses its trailing particle first ("공장에서는" -> "공장");
 *     stop words (data/summarize-stopwords.tsv) are dropped;
 *   - a syllable bigram of a Hangul stem, or a character bigram of a
 *     Han/Kana run, so that inflected and compound forms still meet
 *     ("배터리공장" and "배터리 공장" share "배터", "터리", ...);
 *   - a fact: a number glued to its unit ("2조원", "4.5%", "85만명"),
 *     which is also kept apart so that callers can tell when two sentences
 *     state the same figure.
 * Terms are 64-bit hashes.  Weights are (1 + ln tf) * ln((n + 1) /
 * (df + 0.5)) with df counted over the sentences of the space, and every
 * vector is L2-normalised, so the dot product is the cosine.
 */
#ifndef SIFT_TEXTVEC_H
#define SIFT_TEXTVEC_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * Decode the code point at s[0..n) of text already known to be valid UTF-8
 * (a parsed record's strings are: the parser repairs them).  Returns the
 * bytes used; a stray byte decodes as U+FFFD and uses 1, so a loop always
 * advances.  The validating sift_utf8_decode costs several times more on
 * the summarizer's hot path.
 */
static inline size_t
sift_textvec_decode(const char *str, size_t n, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xE0 && s[0] < 0xF0 && n >= 3) {
		*cp = (int32_t)(s[0] & 0x0F) << 12 | (int32_t)(s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);
		return 3;
	}
	if (s[0] >= 0xC0 && s[0] < 0xE0 && n >= 2) {
		*cp = (int32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	if (s[0] >= 0xF0 && n >= 4) {
		*cp = (int32_t)(s[0] & 0x07) << 18 | (int32_t)(s[1] & 0x3F) << 12 |
		    (int32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

/* A borrowed piece of text. */
struct sift_textref {
	const char *p;
	size_t n;
};

/* Stop words and particles, read once from the compiled-in data files. */
struct sift_lexicon;

/* Returns a new lexicon (free with sift_lexicon_free).  Never fails: the
 * data files are part of the binary. */
struct sift_lexicon *sift_lexicon_new(void);
void sift_lexicon_free(struct sift_lexicon *lex);

/* 1 if the lower-cased word w[0..n) is a stop word. */
int sift_lexicon_is_stop(const struct sift_lexicon *lex, const char *w, size_t n);

/* Length of the Hangul word w[0..n) without its trailing particle (n if it
 * has none). */
size_t sift_lexicon_strip(const struct sift_lexicon *lex, const char *w, size_t n);

/*
 * Append the term hashes of valid UTF-8 s[0..n) to terms (growing *terms,
 * *len and *cap as realloc arrays) and the fact hashes to facts likewise
 * (facts may be NULL).  tok is scratch.  Terms repeat as often as they
 * occur.
 */
void sift_text_terms(const struct sift_lexicon *lex, const char *s, size_t n,
    struct sift_buf *tok, uint64_t **terms, size_t *len, size_t *cap,
    uint64_t **facts, size_t *flen, size_t *fcap);

/*
 * The vectors of n sentences.  Build with sift_vecspace_build; all arrays
 * are owned by the space and reused by the next build, so a caller that
 * keeps one space across documents allocates only while documents grow.
 * Terms are numbered per build (ids 0..nterms-1).
 */
struct sift_vecspace {
	size_t n;		/* sentences */
	size_t nterms;		/* distinct terms */
	size_t *off;		/* n + 1 offsets into id and w */
	uint32_t *id;		/* terms of sentence i: id[off[i] .. off[i+1]) */
	float *w;		/* their weights; the vector has length 1 (or is empty) */
	size_t *foff;		/* n + 1 offsets into fact */
	uint64_t *fact;		/* facts of sentence i, sorted, unique */
	/* private scratch */
	size_t cap_n, cap_e, cap_f, cap_raw, cap_id, cap_p, slots;
	uint64_t *raw;		/* one sentence's term hashes */
	uint64_t *slot_hash;	/* hash -> id table, valid where slot_gen == gen */
	uint32_t *slot_id, *slot_gen, gen;
	uint32_t *df, *last, *lastpos, *post_off;
	float *idf, *dense;
	uint32_t *post_s;
	float *post_w;
	struct sift_buf tok;
};

#define SIFT_VECSPACE_INIT { .tok = SIFT_BUF_INIT }

/* Build the vectors of v[0..n) (each valid UTF-8).  v is only read during
 * the call. */
void sift_vecspace_build(struct sift_vecspace *vs, const struct sift_lexicon *lex,
    const struct sift_textref *v, size_t n);

/*
 * Fill sim (n * n floats, row-major) with the cosine similarity of every
 * pair of sentences; the diagonal is 0.  Costs the sum over terms of
 * df^2, not n^2 times the sentence length.
 */
void sift_vecspace_matrix(struct sift_vecspace *vs, float *sim);

/* Cosine similarity of sentences i and j, in [0, 1]. */
double sift_vecspace_cosine(struct sift_vecspace *vs, size_t i, size_t j);

/* Number of facts (number + unit) that sentences i and j share. */
size_t sift_vecspace_shared_facts(const struct sift_vecspace *vs, size_t i,
    size_t j);

/* Number of distinct terms of sentence i. */
size_t sift_vecspace_terms(const struct sift_vecspace *vs, size_t i);

/* Free everything; vs is left as SIFT_VECSPACE_INIT. */
void sift_vecspace_release(struct sift_vecspace *vs);

#endif
