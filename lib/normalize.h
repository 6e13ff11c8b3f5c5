/*
 * normalize.h - Unicode and whitespace normalization of document text.
 *
 * sift_normalize rewrites a text so that the later steps see one spelling of
 * it: Unicode NFC (or NFKC), control and zero-width characters removed,
 * every kind of space a single ' ', lines trimmed, runs of blank lines
 * collapsed to one blank line (a paragraph break), no blank lines at either
 * end.  Invalid UTF-8 becomes U+FFFD.  The character table lives in
 * data/clean-chars.tsv.
 *
 * NFC through utf8proc costs about half the throughput of the whole filter,
 * and nearly all text is already NFC, so a quick check runs first: a text in
 * which every code point is a stable starter (canonical combining class 0,
 * unchanged by NFC/NFKC on its own, never the second half of a composition)
 * is already normalized, and utf8proc is not called.  Decomposed Hangul
 * (conjoining jamo) fails the check and is composed into syllables.
 *
 * The tables are filled lazily on first use; lib/ is single-threaded.
 */
#ifndef SIFT_NORMALIZE_H
#define SIFT_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum {
	SIFT_NORM_NFKC = 1	/* compatibility folding (NFKC) instead of NFC */
};

struct sift_normalizer {
	unsigned flags;
	int32_t *u32;		/* scratch for utf8proc, reused */
	size_t u32cap;
	struct sift_buf tmp;	/* scratch text, reused */
	uint32_t *line_of;	/* input line (1-based) of each output line */
	size_t nlines, linecap;
	uint32_t *tmpmap;	/* scratch line map, reused */
	size_t tmpmapcap;
	unsigned long long slow;	/* texts that needed utf8proc */
};

#define SIFT_NORMALIZER_INIT { 0, NULL, 0, SIFT_BUF_INIT, NULL, 0, 0, NULL, 0, 0 }

void sift_normalizer_init(struct sift_normalizer *nz, unsigned flags);
/* Free the scratch memory; nz is left as SIFT_NORMALIZER_INIT. */
void sift_normalizer_release(struct sift_normalizer *nz);

/*
 * Normalize s[0..n) into out (out is reset first).  After the call,
 * nz->line_of[k] (k < nz->nlines) is the 1-based line of s that output line
 * k starts on (0 for the blank line of a paragraph break), so that callers
 * can name lines the way the user sees them.  The memory is borrowed until
 * the next call.  Returns 1 if the text needed Unicode normalization, 0 if
 * the quick check found it already normalized.
 */
int sift_normalize(struct sift_normalizer *nz, const char *s, size_t n,
    struct sift_buf *out);

/*
 * The quick check alone: 1 if every code point of s[0..n) is a stable
 * starter (so s is in NFC, or NFKC when nfkc is set), 0 if s may need
 * normalizing (or holds invalid UTF-8).
 */
int sift_norm_quick_check(const char *s, size_t n, int nfkc);

/* 1 if cp is a stable starter for NFC (nfkc 0) or NFKC (nfkc 1). */
int sift_norm_stable_cp(int32_t cp, int nfkc);

/* 1 if every line of data/clean-chars.tsv parses (for the unit tests). */
int sift_norm_char_table_ok(void);

#endif
