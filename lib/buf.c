#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

char sift_buf_empty[1];

static void
oom(size_t n)
{
	fprintf(stderr, "sift: out of memory (wanted %zu bytes)\n", n);
	abort();
}

void *
sift_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *
sift_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom(n * size);
	return p;
}

void *
sift_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

void *
sift_xgrow(void *p, size_t *cap, size_t need, size_t elem, size_t first)
{
	size_t c = *cap ? *cap : first;

	if (need <= *cap)
		return p;
	while (c < need)
		c = c < ((size_t)-1) / 2 / elem ? c * 2 : need;
	if (c > ((size_t)-1) / elem)
		oom(c);
	*cap = c;
	return sift_xrealloc(p, c * elem);
}

char *
sift_xstrndup(const char *s, size_t n)
{
	char *p = sift_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
sift_buf_init(struct sift_buf *b, size_t hint)
{
	b->data = sift_buf_empty;
	b->len = b->cap = 0;
	if (hint)
		sift_buf_grow(b, hint);
}

void
sift_buf_grow(struct sift_buf *b, size_t extra)
{
	size_t need, cap;

	if (extra >= (size_t)-1 - b->len - 1)
		oom((size_t)-1);
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap < ((size_t)-1) / 2 ? cap * 2 : need;
	if (b->cap == 0) {
		b->data = sift_xmalloc(cap);
		b->data[0] = '\0';
	} else {
		b->data = sift_xrealloc(b->data, cap);
	}
	b->cap = cap;
}

void
sift_buf_add(struct sift_buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	sift_buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
sift_buf_addc(struct sift_buf *b, int c)
{
	if (b->len + 1 >= b->cap)
		sift_buf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

void
sift_buf_adds(struct sift_buf *b, const char *s)
{
	sift_buf_add(b, s, strlen(s));
}

void
sift_buf_vaddf(struct sift_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	sift_buf_grow(b, 64);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		sift_buf_grow(b, (size_t)n);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void
sift_buf_addf(struct sift_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sift_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
sift_buf_add_utf8(struct sift_buf *b, int cp)
{
	char tmp[4];

	sift_buf_add(b, tmp, sift_utf8_encode(cp, tmp));
}

void
sift_buf_setlen(struct sift_buf *b, size_t len)
{
	if (len > b->len)
		sift_buf_grow(b, len - b->len);
	b->len = len;
	if (b->cap)
		b->data[len] = '\0';
}

void
sift_buf_reset(struct sift_buf *b)
{
	b->len = 0;
	if (b->cap)
		b->data[0] = '\0';
}

void
sift_buf_release(struct sift_buf *b)
{
	if (b->cap)
		free(b->data);
	b->data = sift_buf_empty;
	b->len = b->cap = 0;
}

char *
sift_buf_detach(struct sift_buf *b, size_t *len_out)
{
	char *p;

	if (len_out)
		*len_out = b->len;
	p = b->cap ? b->data : sift_xstrndup("", 0);
	b->data = sift_buf_empty;
	b->len = b->cap = 0;
	return p;
}
