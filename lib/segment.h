/*
 * segment.h - sentence segmentation for Korean, English and CJK text.
 *
 * Sentences are returned as byte spans of the input (whitespace trimmed), so
 * callers can slice the text without copying and compute code-point offsets.
 *
 * The segmenter is rule-based and makes one pass over the text: terminal
 * punctuation decides with the words around it (abbreviations, numbers,
 * initials, list markers); Korean sentence-final endings (했다, 해요, 하죠)
 * end a sentence even without punctuation; quotes and brackets that open and
 * close inside a paragraph are never cut.  The word lists are the data files
 * data/segment-*.tsv|txt, compiled in.
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

/* Append a span (grows v; aborts on out of memory like sift_buf). */
void sift_spans_push(struct sift_spans *s, size_t start, size_t end);
/* Free v and leave s as SIFT_SPANS_INIT (reusable). */
void sift_spans_release(struct sift_spans *s);

struct sift_segment_opts {
	/* A line break ends a sentence (default 1).  With 0 only a blank line
	 * (a paragraph break) does, and a single newline is a space. */
	int newline_breaks;
	/* A Korean sentence-final ending followed by a space ends a sentence
	 * without punctuation ("맛있었어요 다만 ...") (default 1). */
	int ko_endings;
};

#define SIFT_SEGMENT_OPTS_INIT { 1, 1 }

/*
 * Split valid UTF-8 text[0..n) into sentences.  out is reset first and
 * receives one span per sentence in order; empty sentences are never
 * produced.  Returns the number of sentences.  Never fails.  opts may be
 * NULL (defaults).  Spans never overlap and come in text order.
 *
 * The rule tables are loaded on the first call; that first call must not
 * race with another thread's first call.
 */
size_t sift_segment(const char *text, size_t n,
    const struct sift_segment_opts *opts, struct sift_spans *out);

/*
 * Convert the byte spans that sift_segment made for text into code-point
 * offsets (in place), for JSON consumers that index by character.
 */
void sift_spans_to_codepoints(const char *text, struct sift_spans *spans);

#endif
