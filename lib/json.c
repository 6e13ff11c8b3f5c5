#include "json.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* jansson's limit (JSON_PARSER_MAX_DEPTH), so both accept the same input. */
#define MAX_DEPTH 2048

/* Byte classes inside a string literal. */
enum { C_PLAIN, C_QUOTE, C_BSLASH, C_CTRL, C_HIGH };

static const unsigned char str_class[256] = {
#define R8(x) x, x, x, x, x, x, x, x
	R8(C_CTRL), R8(C_CTRL), R8(C_CTRL), R8(C_CTRL),
	C_PLAIN, C_PLAIN, C_QUOTE, C_PLAIN, C_PLAIN, C_PLAIN, C_PLAIN, C_PLAIN,
	R8(C_PLAIN), R8(C_PLAIN), R8(C_PLAIN), R8(C_PLAIN), R8(C_PLAIN),
	R8(C_PLAIN),
	C_PLAIN, C_PLAIN, C_PLAIN, C_PLAIN, C_BSLASH, C_PLAIN, C_PLAIN, C_PLAIN,
	R8(C_PLAIN), R8(C_PLAIN), R8(C_PLAIN), R8(C_PLAIN),
	R8(C_HIGH), R8(C_HIGH), R8(C_HIGH), R8(C_HIGH),
	R8(C_HIGH), R8(C_HIGH), R8(C_HIGH), R8(C_HIGH),
	R8(C_HIGH), R8(C_HIGH), R8(C_HIGH), R8(C_HIGH),
	R8(C_HIGH), R8(C_HIGH), R8(C_HIGH), R8(C_HIGH),
#undef R8
};

struct scanner {
	const unsigned char *p, *end, *start;
	struct sift_error *err;
	int bad_utf8;		/* stopped on invalid UTF-8: repair and rescan */
	int key_escaped;	/* the last string scanned had a backslash */
};

static int
fail(struct scanner *s, const unsigned char *at, const char *what)
{
	char near[16];
	size_t col = (size_t)(at - s->start) + 1;

	if (at >= s->end)
		return sift_error_set(s->err, col, "%s at end of line", what);
	if (*at >= 0x21 && *at < 0x7F) {
		near[0] = (char)*at;
		near[1] = '\0';
		return sift_error_set(s->err, col, "%s near '%s'", what, near);
	}
	return sift_error_set(s->err, col, "%s near byte 0x%02x", what, *at);
}

static inline void
skip_ws(struct scanner *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' ||
	    *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

static int
hex4(const unsigned char *p, const unsigned char *end, int32_t *v)
{
	int i;

	if (end - p < 4)
		return -1;
	*v = 0;
	for (i = 0; i < 4; i++) {
		int c = p[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		*v = *v << 4 | d;
	}
	return 0;
}

/* Validate the escape at p (p[0] == '\\'); returns its length or -1. */
static int
scan_escape(struct scanner *s, const unsigned char *p)
{
	int32_t v, lo;

	if (p + 1 >= s->end)
		return fail(s, p, "invalid escape");
	switch (p[1]) {
	case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r':
	case 't':
		return 2;
	case 'u':
		if (hex4(p + 2, s->end, &v) < 0)
			return fail(s, p, "invalid \\u escape");
		if (v == 0)
			return fail(s, p, "\\u0000 is not allowed");
		if (v >= 0xDC00 && v <= 0xDFFF)
			return fail(s, p, "invalid Unicode (lone low surrogate)");
		if (v >= 0xD800 && v <= 0xDBFF) {
			if (p + 12 > s->end || p[6] != '\\' || p[7] != 'u' ||
			    hex4(p + 8, s->end, &lo) < 0 || lo < 0xDC00 ||
			    lo > 0xDFFF)
				return fail(s, p, "invalid Unicode (lone high surrogate)");
			return 12;
		}
		return 6;
	default:
		return fail(s, p, "invalid escape");
	}
}

/* s->p at the opening quote; leaves s->p after the closing quote. */
static int
scan_string(struct scanner *s)
{
	const unsigned char *p = s->p + 1, *end = s->end;
	int n;

	s->key_escaped = 0;
	for (;;) {
		/* the common case: runs of plain ASCII */
		while (p < end && str_class[*p] == C_PLAIN)
			p++;
		if (p >= end)
			return fail(s, p, "unterminated string");
		switch (str_class[*p]) {
		case C_QUOTE:
			s->p = p + 1;
			return 0;
		case C_BSLASH:
			n = scan_escape(s, p);
			if (n < 0)
				return -1;
			s->key_escaped = 1;
			p += n;
			break;
		case C_CTRL:
			return fail(s, p, "control character in string");
		default:
			/* multibyte UTF-8; Hangul syllables are E0..EF 3-byte */
			if (p + 2 < end && *p >= 0xE1 && *p <= 0xEC &&
			    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
				p += 3;
				break;
			}
			n = (int)sift_utf8_seqlen(p, (size_t)(end - p));
			if (n == 0) {
				s->bad_utf8 = 1;
				return -1;
			}
			p += n;
		}
	}
}

static int
scan_number(struct scanner *s)
{
	const unsigned char *p = s->p, *start = s->p, *end = s->end;
	int is_real = 0;
	size_t digits = 0;

	if (p < end && *p == '-')
		p++;
	if (p >= end || *p < '0' || *p > '9')
		return fail(s, start, "invalid token");
	if (*p == '0') {
		p++;
		digits = 1;
	} else {
		while (p < end && *p >= '0' && *p <= '9') {
			p++;
			digits++;
		}
	}
	if (p < end && *p == '.') {
		is_real = 1;
		p++;
		if (p >= end || *p < '0' || *p > '9')
			return fail(s, p, "invalid number");
		while (p < end && *p >= '0' && *p <= '9') {
			p++;
			digits++;
		}
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		is_real = 2;
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p >= end || *p < '0' || *p > '9')
			return fail(s, p, "invalid number");
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	/* jansson rejects integers beyond 64 bits and reals beyond double */
	if ((!is_real && digits >= 19) || (is_real && (is_real == 2 || digits > 300))) {
		char tmp[64], *heap = NULL, *num = tmp;
		size_t len = (size_t)(p - start);

		if (len >= sizeof(tmp))
			num = heap = sift_xmalloc(len + 1);
		memcpy(num, start, len);
		num[len] = '\0';
		errno = 0;
		if (!is_real) {
			(void)strtoll(num, NULL, 10);
			if (errno == ERANGE) {
				free(heap);
				return fail(s, start, "too big integer");
			}
		} else {
			double d = strtod(num, NULL);

			if (errno == ERANGE && (d == HUGE_VAL || d == -HUGE_VAL)) {
				free(heap);
				return fail(s, start, "real number overflow");
			}
		}
		free(heap);
	}
	s->p = p;
	return 0;
}

static int
scan_literal(struct scanner *s, const char *word, size_t n)
{
	if ((size_t)(s->end - s->p) < n || memcmp(s->p, word, n) != 0)
		return fail(s, s->p, "invalid token");
	s->p += n;
	return 0;
}

static int scan_value(struct scanner *s, int depth);

static int
scan_container(struct scanner *s, int depth)
{
	int object = *s->p == '{';
	unsigned char close = object ? '}' : ']';

	s->p++;
	skip_ws(s);
	if (s->p < s->end && *s->p == close) {
		s->p++;
		return 0;
	}
	for (;;) {
		if (object) {
			if (s->p >= s->end || *s->p != '"')
				return fail(s, s->p, "string or '}' expected");
			if (scan_string(s) < 0)
				return -1;
			skip_ws(s);
			if (s->p >= s->end || *s->p != ':')
				return fail(s, s->p, "':' expected");
			s->p++;
			skip_ws(s);
		}
		if (scan_value(s, depth) < 0)
			return -1;
		skip_ws(s);
		if (s->p < s->end && *s->p == ',') {
			s->p++;
			skip_ws(s);
			continue;
		}
		if (s->p < s->end && *s->p == close) {
			s->p++;
			return 0;
		}
		return fail(s, s->p, object ? "',' or '}' expected" :
		    "',' or ']' expected");
	}
}

/* s->p at the first byte of a value (whitespace skipped). */
static int
scan_value(struct scanner *s, int depth)
{
	if (depth + 1 > MAX_DEPTH)
		return fail(s, s->p, "maximum parsing depth reached");
	if (s->p >= s->end)
		return fail(s, s->p, "value expected");
	switch (*s->p) {
	case '"':
		return scan_string(s);
	case '{':
	case '[':
		return scan_container(s, depth + 1);
	case 't':
		return scan_literal(s, "true", 4);
	case 'f':
		return scan_literal(s, "false", 5);
	case 'n':
		return scan_literal(s, "null", 4);
	default:
		return scan_number(s);
	}
}

static enum sift_json_type
type_of(unsigned char c)
{
	switch (c) {
	case '{': return SIFT_JSON_OBJECT;
	case '[': return SIFT_JSON_ARRAY;
	case '"': return SIFT_JSON_STRING;
	case 't': return SIFT_JSON_TRUE;
	case 'f': return SIFT_JSON_FALSE;
	case 'n': return SIFT_JSON_NULL;
	default: return SIFT_JSON_NUMBER;
	}
}

static struct sift_member *
member_push(struct sift_record *rec)
{
	if (rec->n == rec->cap) {
		rec->cap = rec->cap ? rec->cap * 2 : 16;
		rec->m = sift_xrealloc(rec->m, rec->cap * sizeof(*rec->m));
	}
	return memset(&rec->m[rec->n++], 0, sizeof(*rec->m));
}

/* Scan the top-level object, recording members.  Returns 0 or -1. */
static int
scan_record(struct sift_record *rec, struct scanner *s)
{
	const unsigned char *base = s->start, *v;
	struct sift_member *m;

	rec->n = 0;
	skip_ws(s);
	if (s->p >= s->end)
		return fail(s, s->p, "'{' expected");
	if (*s->p != '{') {
		/* a valid value that is not an object gets its own message */
		if (scan_value(s, 0) == 0) {
			skip_ws(s);
			if (s->p == s->end)
				return sift_error_set(s->err, 1,
				    "record is not a JSON object");
			return fail(s, s->p, "end of line expected");
		}
		return -1;
	}
	s->p++;
	skip_ws(s);
	if (s->p < s->end && *s->p == '}') {
		s->p++;
		goto tail;
	}
	for (;;) {
		if (s->p >= s->end || *s->p != '"')
			return fail(s, s->p, "string or '}' expected");
		m = member_push(rec);
		m->key_off = (size_t)(s->p + 1 - base);
		if (scan_string(s) < 0)
			return -1;
		m->key_len = (size_t)(s->p - 1 - base) - m->key_off;
		m->key_escaped = (unsigned char)s->key_escaped;
		skip_ws(s);
		if (s->p >= s->end || *s->p != ':')
			return fail(s, s->p, "':' expected");
		s->p++;
		skip_ws(s);
		v = s->p;
		if (scan_value(s, 1) < 0)
			return -1;
		m->val_off = (size_t)(v - base);
		m->val_len = (size_t)(s->p - v);
		m->type = (unsigned char)type_of(*v);
		skip_ws(s);
		if (s->p < s->end && *s->p == ',') {
			s->p++;
			skip_ws(s);
			continue;
		}
		if (s->p < s->end && *s->p == '}') {
			s->p++;
			break;
		}
		return fail(s, s->p, "',' or '}' expected");
	}
tail:
	skip_ws(s);
	if (s->p != s->end)
		return fail(s, s->p, "end of line expected");
	return 0;
}

int
sift_record_parse(struct sift_record *rec, const char *line, size_t len,
    struct sift_error *err)
{
	struct scanner s;

	rec->line = line;
	rec->len = len;
	rec->n = 0;
	rec->utf8_repairs = 0;
	sift_buf_reset(&rec->own);
	s.start = s.p = (const unsigned char *)line;
	s.end = s.p + len;
	s.err = err;
	s.bad_utf8 = 0;
	if (scan_record(rec, &s) == 0)
		return 0;
	if (!s.bad_utf8)
		return -1;
	/* Rare path: repair every invalid sequence in a copy, scan again. */
	sift_buf_reset(&rec->fixed);
	rec->utf8_repairs = sift_utf8_repair(&rec->fixed, line, len);
	rec->line = rec->fixed.data;
	rec->len = rec->fixed.len;
	s.start = s.p = (const unsigned char *)rec->line;
	s.end = s.p + rec->len;
	s.bad_utf8 = 0;
	return scan_record(rec, &s);
}

void
sift_record_clear(struct sift_record *rec)
{
	rec->line = "{}";
	rec->len = 2;
	rec->n = 0;
	rec->utf8_repairs = 0;
	sift_buf_reset(&rec->own);
}

void
sift_record_release(struct sift_record *rec)
{
	free(rec->m);
	rec->m = NULL;
	rec->n = rec->cap = 0;
	sift_buf_release(&rec->own);
	sift_buf_release(&rec->fixed);
	rec->line = NULL;
	rec->len = 0;
}

static inline const char *
mbase(const struct sift_record *rec, const struct sift_member *m)
{
	return m->owned ? rec->own.data : rec->line;
}

static int
key_equals(const struct sift_record *rec, const struct sift_member *m,
    const char *key, size_t keylen)
{
	const char *k = mbase(rec, m) + m->key_off;

	if (!m->key_escaped)
		return m->key_len == keylen && memcmp(k, key, keylen) == 0;
	{
		/* rare: decode the escaped key to compare */
		struct sift_buf tmp = SIFT_BUF_INIT;
		int eq;

		sift_buf_addc(&tmp, '"');
		sift_buf_add(&tmp, k, m->key_len);
		sift_buf_addc(&tmp, '"');
		{
			struct sift_buf dec = SIFT_BUF_INIT;

			eq = sift_json_decode_string(&dec, tmp.data, tmp.len) == 0 &&
			    dec.len == keylen && memcmp(dec.data, key, keylen) == 0;
			sift_buf_release(&dec);
		}
		sift_buf_release(&tmp);
		return eq;
	}
}

long
sift_record_find(const struct sift_record *rec, const char *key)
{
	size_t keylen = strlen(key), i;

	for (i = rec->n; i-- > 0;)
		if (!rec->m[i].deleted && key_equals(rec, &rec->m[i], key, keylen))
			return (long)i;
	return -1;
}

enum sift_json_type
sift_record_type(const struct sift_record *rec, const char *key)
{
	long i = sift_record_find(rec, key);

	return i < 0 ? SIFT_JSON_NONE : (enum sift_json_type)rec->m[i].type;
}

const char *
sift_record_raw(const struct sift_record *rec, const char *key, size_t *len)
{
	long i = sift_record_find(rec, key);

	if (i < 0)
		return NULL;
	*len = rec->m[i].val_len;
	return mbase(rec, &rec->m[i]) + rec->m[i].val_off;
}

int
sift_record_get_string(const struct sift_record *rec, const char *key,
    struct sift_buf *out)
{
	long i = sift_record_find(rec, key);
	const struct sift_member *m;

	sift_buf_reset(out);
	if (i < 0)
		return 0;
	m = &rec->m[i];
	if (m->type != SIFT_JSON_STRING)
		return -1;
	if (sift_json_decode_string(out, mbase(rec, m) + m->val_off,
	    m->val_len) < 0)
		return -1;
	return 1;
}

json_t *
sift_record_get_json(const struct sift_record *rec, const char *key)
{
	long i = sift_record_find(rec, key);
	const struct sift_member *m;

	if (i < 0)
		return NULL;
	m = &rec->m[i];
	return json_loadb(mbase(rec, m) + m->val_off, m->val_len,
	    JSON_DECODE_ANY, NULL);
}

/*
 * Setting a member stores key and value in rec->own.  A member that used to
 * point into the line is switched to rec->own entirely (key copied too), so
 * each member's offsets refer to one base.
 */
void
sift_record_set_raw(struct sift_record *rec, const char *key,
    const char *json, size_t len)
{
	long i = sift_record_find(rec, key);
	struct sift_member *m;
	size_t keylen = strlen(key);

	if (i < 0) {
		m = member_push(rec);
		m->key_off = rec->own.len;
		/* store the key in its escaped (JSON) form, without quotes */
		sift_json_put_string(&rec->own, key, keylen);
		m->key_off++;
		m->key_len = rec->own.len - 1 - m->key_off;
		m->key_escaped = memchr(rec->own.data + m->key_off, '\\',
		    m->key_len) != NULL;
		m->owned = 1;
	} else {
		m = &rec->m[i];
		if (!m->owned) {
			size_t off = rec->own.len;

			sift_buf_add(&rec->own, rec->line + m->key_off, m->key_len);
			m->key_off = off;
			m->owned = 1;
		}
	}
	m->val_off = rec->own.len;
	sift_buf_add(&rec->own, json, len);
	m->val_len = len;
	m->type = (unsigned char)(len ? type_of((unsigned char)json[0]) : SIFT_JSON_NULL);
}

void
sift_record_set_string(struct sift_record *rec, const char *key,
    const char *s, size_t len)
{
	struct sift_buf tmp = SIFT_BUF_INIT;

	sift_json_put_string(&tmp, s, len);
	sift_record_set_raw(rec, key, tmp.data, tmp.len);
	sift_buf_release(&tmp);
}

void
sift_record_set_json(struct sift_record *rec, const char *key, json_t *v)
{
	struct sift_buf tmp = SIFT_BUF_INIT;

	if (v == NULL)
		return;
	sift_json_dump(&tmp, v);
	json_decref(v);
	sift_record_set_raw(rec, key, tmp.data, tmp.len);
	sift_buf_release(&tmp);
}

void
sift_record_set_int(struct sift_record *rec, const char *key, long long v)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof(tmp), "%lld", v);

	sift_record_set_raw(rec, key, tmp, (size_t)n);
}

void
sift_record_set_real(struct sift_record *rec, const char *key, double v)
{
	json_t *j = json_real(isfinite(v) ? v : 0.0);

	sift_record_set_json(rec, key, j);
}

void
sift_record_delete(struct sift_record *rec, const char *key)
{
	long i;

	while ((i = sift_record_find(rec, key)) >= 0)
		rec->m[i].deleted = 1;
}

void
sift_record_write(const struct sift_record *rec, struct sift_buf *out)
{
	size_t i, total = 2;
	int first = 1;

	for (i = 0; i < rec->n; i++)
		total += rec->m[i].key_len + rec->m[i].val_len + 4;
	sift_buf_grow(out, total);
	sift_buf_addc(out, '{');
	for (i = 0; i < rec->n; i++) {
		const struct sift_member *m = &rec->m[i];
		const char *base;
		char *w;

		if (m->deleted)
			continue;
		base = mbase(rec, m);
		w = out->data + out->len;
		if (!first)
			*w++ = ',';
		first = 0;
		*w++ = '"';
		memcpy(w, base + m->key_off, m->key_len);
		w += m->key_len;
		*w++ = '"';
		*w++ = ':';
		memcpy(w, base + m->val_off, m->val_len);
		w += m->val_len;
		out->len = (size_t)(w - out->data);
	}
	sift_buf_addc(out, '}');
}

/* ---- string literals ---- */

void
sift_json_put_string(struct sift_buf *out, const char *str, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, start = 0, k;

	sift_buf_grow(out, n + 2);
	sift_buf_addc(out, '"');
	while (i < n) {
		unsigned char c = s[i];

		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0x80) {
			if (i + 2 < n && c >= 0xE1 && c <= 0xEC &&
			    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
				i += 3;
				continue;
			}
			k = sift_utf8_seqlen(s + i, n - i);
			if (k) {
				i += k;
				continue;
			}
		}
		sift_buf_add(out, str + start, i - start);
		switch (c) {
		case '"': sift_buf_add(out, "\\\"", 2); break;
		case '\\': sift_buf_add(out, "\\\\", 2); break;
		case '\n': sift_buf_add(out, "\\n", 2); break;
		case '\r': sift_buf_add(out, "\\r", 2); break;
		case '\t': sift_buf_add(out, "\\t", 2); break;
		case '\b': sift_buf_add(out, "\\b", 2); break;
		case '\f': sift_buf_add(out, "\\f", 2); break;
		default:
			if (c < 0x20) {
				char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

				/* NUL cannot travel in a sift string: it becomes U+FFFD */
				if (c == 0)
					sift_buf_add(out, "\xEF\xBF\xBD", 3);
				else
					sift_buf_add(out, e, 6);
			} else {
				sift_buf_add(out, "\xEF\xBF\xBD", 3);	/* invalid UTF-8 */
			}
		}
		i++;
		start = i;
	}
	if (n > start)
		sift_buf_add(out, str + start, n - start);
	sift_buf_addc(out, '"');
}

int
sift_json_decode_string(struct sift_buf *out, const char *raw, size_t n)
{
	const char *p, *end, *run;
	int32_t v, lo;

	if (n < 2 || raw[0] != '"' || raw[n - 1] != '"')
		return -1;
	p = raw + 1;
	end = raw + n - 1;
	sift_buf_grow(out, n);
	while (p < end) {
		run = p;
		while (p < end && *p != '\\')
			p++;
		sift_buf_add(out, run, (size_t)(p - run));
		if (p >= end)
			break;
		if (p + 1 >= end)
			return -1;
		switch (p[1]) {
		case '"': sift_buf_addc(out, '"'); p += 2; break;
		case '\\': sift_buf_addc(out, '\\'); p += 2; break;
		case '/': sift_buf_addc(out, '/'); p += 2; break;
		case 'b': sift_buf_addc(out, '\b'); p += 2; break;
		case 'f': sift_buf_addc(out, '\f'); p += 2; break;
		case 'n': sift_buf_addc(out, '\n'); p += 2; break;
		case 'r': sift_buf_addc(out, '\r'); p += 2; break;
		case 't': sift_buf_addc(out, '\t'); p += 2; break;
		case 'u':
			if (hex4((const unsigned char *)p + 2,
			    (const unsigned char *)end, &v) < 0)
				return -1;
			p += 6;
			if (v >= 0xD800 && v <= 0xDBFF) {
				if (end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
				    hex4((const unsigned char *)p + 2,
				    (const unsigned char *)end, &lo) < 0 ||
				    lo < 0xDC00 || lo > 0xDFFF)
					return -1;
				v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
				p += 6;
			} else if (v >= 0xDC00 && v <= 0xDFFF) {
				return -1;
			}
			sift_buf_add_utf8(out, v);
			break;
		default:
			return -1;
		}
	}
	return 0;
}

static int
dump_cb(const char *buffer, size_t size, void *data)
{
	sift_buf_add(data, buffer, size);
	return 0;
}

void
sift_json_dump(struct sift_buf *out, const json_t *v)
{
	json_dump_callback(v, dump_cb, out,
	    JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY |
	    JSON_REAL_PRECISION(15));
}
