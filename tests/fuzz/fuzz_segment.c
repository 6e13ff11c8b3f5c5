/*
 * libFuzzer target: the sentence segmenter on arbitrary (repaired) text.
 * Invariants: spans lie inside the text, in order, do not overlap, are not
 * empty, start and end on UTF-8 character boundaries, and do not begin or
 * end with an ASCII space or newline; both option settings hold them.
 */
#include <stdint.h>
#include <stdlib.h>

#include "segment.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
boundary(const char *s, size_t n, size_t i)
{
	return i == 0 || i == n || ((unsigned char)s[i] & 0xC0) != 0x80;
}

static void
check(const char *s, size_t n, const struct sift_segment_opts *opts)
{
	static struct sift_spans spans = SIFT_SPANS_INIT;
	size_t i, prev = 0, count = sift_segment(s, n, opts, &spans);

	if (count != spans.n)
		abort();
	for (i = 0; i < spans.n; i++) {
		size_t a = spans.v[i].start, b = spans.v[i].end;

		if (a >= b || b > n || a < prev)
			abort();
		if (!boundary(s, n, a) || !boundary(s, n, b))
			abort();
		if (s[a] == ' ' || s[a] == '\n' || s[b - 1] == ' ' || s[b - 1] == '\n')
			abort();
		prev = b;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sift_buf text = SIFT_BUF_INIT;
	struct sift_segment_opts opts = SIFT_SEGMENT_OPTS_INIT;

	sift_buf_reset(&text);
	sift_utf8_repair(&text, (const char *)data, size);
	check(text.data, text.len, &opts);
	opts.newline_breaks = 0;
	opts.ko_endings = 0;
	check(text.data, text.len, &opts);
	return 0;
}
