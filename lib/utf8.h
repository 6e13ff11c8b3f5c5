/*
 * utf8.h - UTF-8 validation, repair and decoding helpers.
 */
#ifndef SIFT_UTF8_H
#define SIFT_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if the bytes at s
 * (at most n of them) do not start a valid sequence (overlong forms,
 * surrogates and values above U+10FFFF are invalid). */
size_t sift_utf8_seqlen(const unsigned char *s, size_t n);

/* Return the offset of the first invalid byte in s[0..n), or n if valid. */
size_t sift_utf8_check(const char *s, size_t n);

/* Append s to out with every maximal invalid subsequence replaced by U+FFFD
 * (the "substitution of maximal subparts" practice of Unicode ch. 3).
 * Returns the number of replacements made. */
size_t sift_utf8_repair(struct sift_buf *out, const char *s, size_t n);

/* Decode one code point at s (n bytes available) into *cp; returns bytes
 * consumed (>= 1).  Invalid input yields *cp = 0xFFFD and consumes 1 byte. */
size_t sift_utf8_decode(const char *s, size_t n, int32_t *cp);

/* Number of code points in valid UTF-8 s[0..n). */
size_t sift_utf8_count(const char *s, size_t n);

/* Bytes of the UTF-8 encoding of cp (1..4). */
size_t sift_utf8_encode(int32_t cp, char out[4]);

#endif
