/*
 * buf.h - growable byte buffer (after git's strbuf).
 *
 * Invariants: data is never NULL after init (it points at a shared empty
 * string until the first growth), data[len] == '\0' always, and embedded NUL
 * bytes are allowed.  The struct is passed by pointer; functions never
 * return a moved pointer that the caller must reassign.
 *
 * Allocation failure aborts: a text filter that cannot get memory for one
 * line has nothing sensible to do, and checking every append would drown the
 * callers.  This is the one place lib/ may end the process.
 */
#ifndef SIFT_BUF_H
#define SIFT_BUF_H

#include <stdarg.h>
#include <stddef.h>

extern char sift_buf_empty[];

struct sift_buf {
	char *data;
	size_t len;
	size_t cap;
};

#define SIFT_BUF_INIT { sift_buf_empty, 0, 0 }

void sift_buf_init(struct sift_buf *b, size_t hint);
/* Ensure room for at least extra more bytes (plus the NUL). */
void sift_buf_grow(struct sift_buf *b, size_t extra);
void sift_buf_add(struct sift_buf *b, const void *p, size_t n);
void sift_buf_addc(struct sift_buf *b, int c);
void sift_buf_adds(struct sift_buf *b, const char *s);
void sift_buf_addf(struct sift_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sift_buf_vaddf(struct sift_buf *b, const char *fmt, va_list ap);
/* Append code point cp as UTF-8 (invalid cp becomes U+FFFD). */
void sift_buf_add_utf8(struct sift_buf *b, int cp);
void sift_buf_setlen(struct sift_buf *b, size_t len);
/* Empty the buffer, keep the allocation. */
void sift_buf_reset(struct sift_buf *b);
/* Free the allocation and leave b as SIFT_BUF_INIT (reusable). */
void sift_buf_release(struct sift_buf *b);
/* Return the data as a new malloc'd string (caller frees); b is reset to
 * SIFT_BUF_INIT.  *len_out gets the length if not NULL. */
char *sift_buf_detach(struct sift_buf *b, size_t *len_out);

/* Abort-on-failure allocators shared by lib/ and filters/. */
void *sift_xmalloc(size_t n);
void *sift_xcalloc(size_t n, size_t size);
void *sift_xrealloc(void *p, size_t n);
/* Grow array p of *cap elements of elem bytes so that it holds at least
 * need: doubling from first (the first size).  Returns the array. */
void *sift_xgrow(void *p, size_t *cap, size_t need, size_t elem, size_t first);
char *sift_xstrndup(const char *s, size_t n);

#endif
