#include "utf8.h"

#include <string.h>

/*
 * Well-formed UTF-8 byte sequences, Unicode 15 table 3-7.  Written out as a
 * decision on the lead byte and the range of the second byte, which both
 * validation and maximal-subpart repair need.
 */
static int
second_range(unsigned char lead, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if (lead == 0xE0) {
		*lo = 0xA0;
		return 3;
	}
	if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF)
		return 3;
	if (lead == 0xED) {
		*hi = 0x9F;
		return 3;
	}
	if (lead == 0xF0) {
		*lo = 0x90;
		return 4;
	}
	if (lead >= 0xF1 && lead <= 0xF3)
		return 4;
	if (lead == 0xF4) {
		*hi = 0x8F;
		return 4;
	}
	return 0;
}

/* Length of the maximal subpart at s: the longest prefix that could start a
 * valid sequence (>= 1).  *valid says whether it is a whole valid sequence. */
static size_t
subpart(const unsigned char *s, size_t n, int *valid)
{
	unsigned char lo, hi;
	size_t need, i;

	*valid = 0;
	if (s[0] < 0x80) {
		*valid = 1;
		return 1;
	}
	need = (size_t)second_range(s[0], &lo, &hi);
	if (need == 0)
		return 1;
	if (n < 2 || s[1] < lo || s[1] > hi)
		return 1;
	for (i = 2; i < need; i++)
		if (i >= n || s[i] < 0x80 || s[i] > 0xBF)
			return i;
	*valid = 1;
	return need;
}

size_t
sift_utf8_seqlen(const unsigned char *s, size_t n)
{
	int valid;
	size_t k;

	if (n == 0)
		return 0;
	k = subpart(s, n, &valid);
	return valid ? k : 0;
}

size_t
sift_utf8_check(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k;

	while (i < n) {
		/* ASCII runs eight bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = sift_utf8_seqlen(s + i, n - i);
		if (k == 0)
			return i;
		i += k;
	}
	return n;
}

size_t
sift_utf8_repair(struct sift_buf *out, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, start = 0, k, repairs = 0;
	int valid;

	sift_buf_grow(out, n);
	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = subpart(s + i, n - i, &valid);
		if (!valid) {
			sift_buf_add(out, str + start, i - start);
			sift_buf_add(out, "\xEF\xBF\xBD", 3);
			repairs++;
			start = i + k;
		}
		i += k;
	}
	sift_buf_add(out, str + start, n - start);
	return repairs;
}

size_t
sift_utf8_decode(const char *str, size_t n, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t k = sift_utf8_seqlen(s, n);

	switch (k) {
	case 1:
		*cp = s[0];
		return 1;
	case 2:
		*cp = (int32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	case 3:
		*cp = (int32_t)(s[0] & 0x0F) << 12 | (int32_t)(s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);
		return 3;
	case 4:
		*cp = (int32_t)(s[0] & 0x07) << 18 | (int32_t)(s[1] & 0x3F) << 12 |
		    (int32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		return 4;
	default:
		*cp = 0xFFFD;
		return n ? 1 : 0;
	}
}

size_t
sift_utf8_count(const char *s, size_t n)
{
	size_t i, count = 0;

	/* every byte that is not a continuation byte starts a code point */
	for (i = 0; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

size_t
sift_utf8_encode(int32_t cp, char out[4])
{
	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}
