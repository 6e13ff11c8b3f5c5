/*
 * ascii.h - byte tests that do not depend on the locale.
 *
 * The C library's <ctype.h> follows LC_CTYPE and takes int values that
 * must be EOF or an unsigned char; text in sift is UTF-8 whatever the
 * locale, so the modules that scan bytes use these instead.
 */
#ifndef SIFT_ASCII_H
#define SIFT_ASCII_H

#include <stddef.h>

static inline int
sift_ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Space, tab, newline, carriage return and form feed (HTML's white space). */
static inline int
sift_ascii_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static inline int
sift_ascii_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int
sift_ascii_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether s[0..n) starts with a precomposed Hangul syllable
 * (U+AC00..U+D7A3, UTF-8 lead bytes EA..ED). */
static inline int
sift_hangul_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned cp;

	if (n < 3 || u[0] < 0xEA || u[0] > 0xED)
		return 0;
	cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
	return cp >= 0xAC00 && cp <= 0xD7A3;
}

#endif
