/*
 * segment.h - sentence segmentation for Korean, English and CJK text.
 *
 * Sentences are returned as byte spans of the input (whitespace trimmed), so
 * callers can slice the text without copying and compute code-point offsets.
 */
#ifndef SIFT_SEGMENT_H
#define SIFT_SEGMENT_H

#include <stddef.h>

struct sift_span {
	size_t start, end;	/* byte offsets, text[start..end) */
};

struct sift_spans {
	struct sift_span *v;
	size_t n, cap;
};

#define SIFT_SPANS_INIT { NULL, 0, 0 }

void sift_spans_push(struct sift_spans *s, size_t start, size_t end);
void sift_spans_release(struct sift_spans *s);

struct sift_segment_opts {
	int newline_breaks;	/* a line break ends a sentence (default 1) */
};

#define SIFT_SEGMENT_OPTS_INIT { 1 }

/*
 * Split valid UTF-8 text[0..n) into sentences.  out is reset first and
 * receives one span per sentence in order; empty sentences are never
 * produced.  Returns the number of sentences.  Never fails.
 */
size_t sift_segment(const char *text, size_t n,
    const struct sift_segment_opts *opts, struct sift_spans *out);

#endif
