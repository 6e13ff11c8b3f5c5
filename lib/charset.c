#include "charset.h"
#include "ascii.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "data.h"
#include "utf8.h"

/* How far into the page we look for a declaration.  The standard says
 * 1024 bytes; real pages often put kilobytes of inline script and style
 * before their <meta charset>, so we read the head, up to this limit. */
#define PRESCAN_LIMIT 32768

/* How much of an undeclared page the CP949 guess decodes. */
#define GUESS_LIMIT 65536

/* Does s[0..n) start with the lowercase ASCII word w, ignoring case? */
static int
starts_ci(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; w[i] != '\0'; i++)
		if (i >= n || sift_ascii_lower((unsigned char)s[i]) != w[i])
			return 0;
	return 1;
}

static void
copy_label(const char *v, size_t vlen, char *label, size_t labelsz)
{
	size_t i, j = 0;

	while (vlen > 0 && sift_ascii_space((unsigned char)*v)) {
		v++;
		vlen--;
	}
	while (vlen > 0 && sift_ascii_space((unsigned char)v[vlen - 1]))
		vlen--;
	for (i = 0; i < vlen && j + 1 < labelsz; i++)
		label[j++] = (char)sift_ascii_lower((unsigned char)v[i]);
	label[j] = '\0';
}

/*
 * One attribute of a tag, per the standard's "get an attribute" steps:
 * returns 1 with name/value spans (raw, not lowercased) and *pos past it, or
 * 0 at the tag's '>' (or the end of the input).
 */
static int
get_attribute(const char *s, size_t n, size_t *pos, const char **name,
    size_t *nlen, const char **val, size_t *vlen)
{
	size_t i = *pos;
	int q;

	while (i < n && (sift_ascii_space((unsigned char)s[i]) || s[i] == '/'))
		i++;
	if (i >= n || s[i] == '>') {
		*pos = i;
		return 0;
	}
	*name = s + i;
	while (i < n && s[i] != '>' && s[i] != '/' &&
	    !sift_ascii_space((unsigned char)s[i]) && (s[i] != '=' || s + i == *name))
		i++;
	*nlen = (size_t)(s + i - *name);
	*val = s + i;
	*vlen = 0;
	while (i < n && sift_ascii_space((unsigned char)s[i]))
		i++;
	if (i >= n || s[i] != '=') {
		*pos = i;
		return 1;
	}
	i++;
	while (i < n && sift_ascii_space((unsigned char)s[i]))
		i++;
	if (i < n && (s[i] == '"' || s[i] == '\'')) {
		q = s[i++];
		*val = s + i;
		while (i < n && s[i] != q)
			i++;
		*vlen = (size_t)(s + i - *val);
		if (i < n)
			i++;
	} else {
		*val = s + i;
		while (i < n && s[i] != '>' && !sift_ascii_space((unsigned char)s[i]))
			i++;
		*vlen = (size_t)(s + i - *val);
	}
	*pos = i;
	return 1;
}

/* The charset named in a Content-Type value ("text/html; charset=euc-kr"),
 * per the standard's "extracting a character encoding from a meta
 * element".  Returns 1 with the span set, or 0. */
static int
content_charset(const char *v, size_t n, const char **cs, size_t *cslen)
{
	size_t i = 0, start;
	int q;

	for (;;) {
		while (i + 7 <= n && !starts_ci(v + i, n - i, "charset"))
			i++;
		if (i + 7 > n)
			return 0;
		i += 7;
		while (i < n && sift_ascii_space((unsigned char)v[i]))
			i++;
		if (i < n && v[i] == '=')
			break;
	}
	i++;
	while (i < n && sift_ascii_space((unsigned char)v[i]))
		i++;
	if (i >= n)
		return 0;
	if (v[i] == '"' || v[i] == '\'') {
		q = v[i++];
		start = i;
		while (i < n && v[i] != q)
			i++;
		if (i >= n)
			return 0;
	} else {
		start = i;
		while (i < n && v[i] != ';' && !sift_ascii_space((unsigned char)v[i]))
			i++;
	}
	*cs = v + start;
	*cslen = i - start;
	return *cslen > 0;
}

static int
xml_declaration(const char *s, size_t n, char *label, size_t labelsz)
{
	const char *end, *v, *name;
	size_t pos, nlen, vlen;

	if (!starts_ci(s, n, "<?xml"))
		return 0;
	end = memchr(s, '>', n);
	if (end == NULL)
		return 0;
	pos = 5;
	while (get_attribute(s, (size_t)(end - s), &pos, &name, &nlen, &v,
	    &vlen)) {
		if (nlen == 8 && starts_ci(name, nlen, "encoding") && vlen > 0) {
			copy_label(v, vlen, label, labelsz);
			return 1;
		}
	}
	return 0;
}

int
sift_charset_prescan(const char *s, size_t n, char *label, size_t labelsz)
{
	const char *name, *val, *cs, *end;
	size_t pos = 0, nlen, vlen, cslen;
	int pragma, have_cs, have_content_cs;
	const char *ccs = NULL;
	size_t ccslen = 0;

	if (labelsz == 0)
		return 0;
	label[0] = '\0';
	if (n > PRESCAN_LIMIT)
		n = PRESCAN_LIMIT;
	if (xml_declaration(s, n, label, labelsz))
		return 1;
	while (pos < n) {
		if (s[pos] != '<') {
			end = memchr(s + pos, '<', n - pos);
			if (end == NULL)
				break;
			pos = (size_t)(end - s);
			continue;
		}
		if (starts_ci(s + pos, n - pos, "<!--")) {
			/* "<!-->" closes at once, hence the search from +2 */
			pos += 2;
			while (pos + 3 <= n && memcmp(s + pos, "-->", 3) != 0)
				pos++;
			pos += 3;
			continue;
		}
		if (starts_ci(s + pos, n - pos, "<meta") && pos + 5 < n &&
		    (sift_ascii_space((unsigned char)s[pos + 5]) || s[pos + 5] == '/')) {
			pos += 5;
			pragma = have_cs = have_content_cs = 0;
			while (get_attribute(s, n, &pos, &name, &nlen, &val,
			    &vlen)) {
				if (nlen == 10 && starts_ci(name, nlen, "http-equiv") &&
				    vlen == 12 && starts_ci(val, vlen, "content-type"))
					pragma = 1;
				else if (nlen == 7 && starts_ci(name, nlen, "content") &&
				    content_charset(val, vlen, &cs, &cslen)) {
					ccs = cs;
					ccslen = cslen;
					have_content_cs = 1;
				} else if (nlen == 7 &&
				    starts_ci(name, nlen, "charset") && vlen > 0 &&
				    !have_cs) {
					copy_label(val, vlen, label, labelsz);
					have_cs = 1;
				}
			}
			if (have_cs)
				return 1;
			if (pragma && have_content_cs) {
				copy_label(ccs, ccslen, label, labelsz);
				return 1;
			}
			continue;
		}
		if (starts_ci(s + pos, n - pos, "<body"))
			break;
		if (pos + 1 < n && (sift_ascii_alpha((unsigned char)s[pos + 1]) ||
		    (s[pos + 1] == '/' && pos + 2 < n &&
		    sift_ascii_alpha((unsigned char)s[pos + 2])))) {
			/* another tag: skip its name and attributes, so that a
			 * quoted '>' or "<meta" inside a value does not fool us */
			pos++;
			while (pos < n && s[pos] != '>' &&
			    !sift_ascii_space((unsigned char)s[pos]))
				pos++;
			while (get_attribute(s, n, &pos, &name, &nlen, &val,
			    &vlen))
				;
			pos++;
			continue;
		}
		if (pos + 1 < n && (s[pos + 1] == '!' || s[pos + 1] == '/' ||
		    s[pos + 1] == '?')) {
			end = memchr(s + pos, '>', n - pos);
			if (end == NULL)
				break;
			pos = (size_t)(end - s) + 1;
			continue;
		}
		pos++;
	}
	label[0] = '\0';
	return 0;
}

int
sift_charset_lookup(const char *label, size_t len, char *name, size_t namesz)
{
	const char *text, *line, *f[2];
	size_t tlen, pos = 0, llen, flen[2], i;

	name[0] = '\0';
	while (len > 0 && sift_ascii_space((unsigned char)*label)) {
		label++;
		len--;
	}
	while (len > 0 && sift_ascii_space((unsigned char)label[len - 1]))
		len--;
	text = sift_data("html-charsets.tsv", &tlen);
	if (text == NULL || len == 0)
		return 0;
	while (sift_data_next_line(text, tlen, &pos, &line, &llen)) {
		if (sift_data_split(line, llen, f, flen, 2) != 2 ||
		    flen[0] != len)
			continue;
		for (i = 0; i < len; i++)
			if (sift_ascii_lower((unsigned char)label[i]) !=
			    sift_ascii_lower((unsigned char)f[0][i]))
				break;
		if (i < len)
			continue;
		if (flen[1] >= namesz)
			return 0;
		memcpy(name, f[1], flen[1]);
		name[flen[1]] = '\0';
		return 1;
	}
	return 0;
}

int
sift_charset_decode(const char *s, size_t n, const char *encoding,
    struct sift_buf *out, size_t *replacements, struct sift_error *err)
{
	iconv_t cd;
	char *in = (char *)s, *o;
	size_t inleft = n, oleft, r, repl = 0;
	int flushing = 0;

	cd = iconv_open("UTF-8", encoding);
	if (cd == (iconv_t)-1)
		return sift_error_set(err, 0, "unknown character encoding '%s'",
		    encoding);
	for (;;) {
		sift_buf_grow(out, inleft + inleft / 2 + 64);
		o = out->data + out->len;
		oleft = out->cap - out->len - 1;
		if (!flushing)
			r = iconv(cd, &in, &inleft, &o, &oleft);
		else	/* return a stateful encoding to its initial state */
			r = iconv(cd, NULL, NULL, &o, &oleft);
		out->len = (size_t)(o - out->data);
		out->data[out->len] = '\0';
		if (r != (size_t)-1) {
			if (flushing)
				break;
			flushing = 1;
			continue;
		}
		if (errno == E2BIG)
			continue;
		if (flushing)
			break;
		/* EILSEQ: a byte the encoding does not map; EINVAL: the input
		 * ends inside a sequence.  Either way one U+FFFD, and resync
		 * on the next byte as the WHATWG decoders do. */
		sift_buf_add_utf8(out, 0xFFFD);
		repl++;
		if (errno == EILSEQ && inleft > 1) {
			in++;
			inleft--;
		} else {
			flushing = 1;
		}
	}
	iconv_close(cd);
	if (replacements)
		*replacements = repl;
	return 0;
}

static int
is_hangul_syllable(int32_t cp)
{
	return cp >= 0xAC00 && cp <= 0xD7A3;
}

/*
 * Mostly UTF-8: more bytes in valid multibyte sequences than bytes that
 * start no valid sequence.  A UTF-8
 * page with a few broken bytes (a truncated excerpt, one pasted Latin-1
 * quote) is still a UTF-8 page; in CP949 or windows-1252 text valid
 * multibyte UTF-8 sequences are rare, since their lead bytes would have to
 * be followed by exactly the right number of 0x80-0xBF bytes.
 */
static int
mostly_utf8(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k, good = 0, bad = 0;

	if (n > GUESS_LIMIT)
		n = GUESS_LIMIT;
	while (i < n) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		k = sift_utf8_seqlen(u + i, n - i);
		if (k == 0) {
			bad++;
			i++;
		} else {
			good += k;
			i += k;
		}
	}
	return good > bad;
}

/*
 * Undeclared and not UTF-8: CP949 if the start of the page decodes to text
 * that is mostly Hangul (Korean pages put Hangul in nearly every run of
 * non-ASCII; Chinese or Japanese double-byte text decoded as CP949 comes out
 * mostly as Hanja and errors), else windows-1252, which decodes anything.
 */
static const char *
guess_legacy(const char *s, size_t n)
{
	struct sift_buf tmp = SIFT_BUF_INIT;
	size_t repl = 0, i, k, nonascii = 0, hangul = 0;
	int32_t cp;
	const char *enc = "WINDOWS-1252";

	if (n > GUESS_LIMIT)
		n = GUESS_LIMIT;
	if (sift_charset_decode(s, n, "CP949", &tmp, &repl, NULL) == 0) {
		for (i = 0; i < tmp.len; i += k) {
			k = sift_utf8_decode(tmp.data + i, tmp.len - i, &cp);
			if (cp >= 0x80 && cp != 0xFFFD)
				nonascii++;
			if (is_hangul_syllable(cp))
				hangul++;
		}
		if (hangul > 0 && repl * 50 <= nonascii && hangul * 2 >= nonascii)
			enc = "CP949";
	}
	sift_buf_release(&tmp);
	return enc;
}

/* Stateful 7-bit encodings look like ASCII, so "valid UTF-8" says nothing
 * about them. */
static int
is_7bit_stateful(const char *enc)
{
	return strncmp(enc, "ISO-2022", 8) == 0 || strcmp(enc, "UTF-7") == 0;
}

static int
has_nonascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

static void
set_name(struct sift_charset_info *info, const char *name)
{
	size_t len = strlen(name);

	if (len >= sizeof(info->name))
		len = sizeof(info->name) - 1;
	memcpy(info->name, name, len);
	info->name[len] = '\0';
}

int
sift_charset_to_utf8(const char *s, size_t n, const char *forced,
    struct sift_buf *out, struct sift_charset_info *info,
    struct sift_error *err)
{
	struct sift_charset_info local;
	const unsigned char *u = (const unsigned char *)s;
	char label[32], enc[32];
	size_t bad;
	int utf8_valid;

	if (info == NULL)
		info = &local;
	memset(info, 0, sizeof(*info));
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		set_name(info, "UTF-8");
		info->source = SIFT_CHARSET_BOM;
		info->replacements = sift_utf8_repair(out, s + 3, n - 3);
		return 0;
	}
	if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF))) {
		set_name(info, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
		info->source = SIFT_CHARSET_BOM;
		return sift_charset_decode(s + 2, n - 2, info->name, out,
		    &info->replacements, err);
	}

	enc[0] = '\0';
	if (forced != NULL && *forced != '\0') {
		if (!sift_charset_lookup(forced, strlen(forced), enc,
		    sizeof(enc)))
			copy_label(forced, strlen(forced), enc, sizeof(enc));
		info->source = SIFT_CHARSET_FORCED;
		set_name(info, enc);
		return sift_charset_decode(s, n, enc, out, &info->replacements,
		    err);
	}

	bad = sift_utf8_check(s, n);
	utf8_valid = bad == n;
	if (sift_charset_prescan(s, n, label, sizeof(label))) {
		memcpy(info->declared, label, sizeof(info->declared));
		info->declared[sizeof(info->declared) - 1] = '\0';
		if (!sift_charset_lookup(label, strlen(label), enc, sizeof(enc)))
			copy_label(label, strlen(label), enc, sizeof(enc));
		info->source = SIFT_CHARSET_META;
	}
	if (enc[0] != '\0' && strcmp(enc, "UTF-8") != 0 &&
	    !is_7bit_stateful(enc) && utf8_valid && has_nonascii(s, n)) {
		info->source = SIFT_CHARSET_UTF8_OVERRIDE;
		enc[0] = '\0';
		set_name(info, "UTF-8");
	}
	if (enc[0] != '\0' && strcmp(enc, "UTF-8") != 0) {
		set_name(info, enc);
		if (utf8_valid && !is_7bit_stateful(enc)) {
			/* pure ASCII: every ASCII-compatible encoding agrees */
			sift_buf_add(out, s, n);
			return 0;
		}
		if (sift_charset_decode(s, n, enc, out, &info->replacements,
		    NULL) == 0)
			return 0;
		/* a label iconv does not know: fall back to guessing */
		info->source = SIFT_CHARSET_GUESS;
		enc[0] = '\0';
	}
	if (enc[0] == '\0' && info->source == SIFT_CHARSET_GUESS &&
	    !utf8_valid && !mostly_utf8(s, n)) {
		set_name(info, guess_legacy(s, n));
		return sift_charset_decode(s, n, info->name, out,
		    &info->replacements, err);
	}
	set_name(info, "UTF-8");
	if (utf8_valid)
		sift_buf_add(out, s, n);
	else
		info->replacements = sift_utf8_repair(out, s, n);
	return 0;
}
