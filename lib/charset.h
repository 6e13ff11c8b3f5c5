/*
 * charset.h - find the encoding of an HTML page and convert it to UTF-8.
 *
 * Korean news sites still serve many pages in EUC-KR (decoded as its
 * superset CP949, as browsers do); crawled pages also arrive in Shift_JIS,
 * GB2312, windows-125x and others.  The order of evidence follows the HTML
 * standard's sniffing algorithm, minus the transport layer we do not have:
 *
 *   1. a byte order mark (UTF-8, UTF-16LE/BE);
 *   2. an encoding the caller forces (e.g. from an HTTP header);
 *   3. <meta charset=X>, <meta http-equiv=Content-Type content="...;
 *      charset=X"> or <?xml ... encoding="X"?> in the page's head;
 *   4. a guess from the bytes: UTF-8 when they are valid UTF-8 or mostly
 *      so (repaired), else CP949 when they decode cleanly to Hangul, else
 *      windows-1252.
 *
 * One deliberate deviation: a page whose bytes are entirely valid UTF-8 and
 * contain non-ASCII text is decoded as UTF-8 even when its <meta> names a
 * legacy single- or double-byte encoding.  Mislabelled pages are common in
 * crawls (a CMS switched to UTF-8, the template kept "euc-kr"), while long
 * legacy-encoded text that happens to be valid UTF-8 is vanishingly rare.
 *
 * Labels map to iconv names through data/html-charsets.tsv; the conversion
 * uses the libc iconv.  Bytes the encoding can not decode become U+FFFD and
 * are counted.
 */
#ifndef SIFT_CHARSET_H
#define SIFT_CHARSET_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

/* Where the encoding decision came from. */
enum sift_charset_source {
	SIFT_CHARSET_GUESS = 0,	/* no declaration: guessed from the bytes */
	SIFT_CHARSET_BOM,	/* byte order mark */
	SIFT_CHARSET_FORCED,	/* the caller's choice */
	SIFT_CHARSET_META,	/* <meta>/<?xml?> declaration */
	SIFT_CHARSET_UTF8_OVERRIDE	/* declared legacy, bytes are UTF-8 */
};

struct sift_charset_info {
	char name[32];		/* iconv name used, e.g. "UTF-8", "CP949" */
	char declared[32];	/* label found in the page ("" if none) */
	enum sift_charset_source source;
	size_t replacements;	/* undecodable sequences written as U+FFFD */
};

/*
 * Find a charset declaration in the first bytes of an HTML page (the HTML
 * standard's "prescan": <meta charset>, http-equiv Content-Type, skipping
 * comments and other tags; plus an XML declaration).  Copies the label,
 * trimmed and lowercased, into label (NUL-terminated, truncated to
 * labelsz - 1) and returns 1, or returns 0 if there is none.
 */
int sift_charset_prescan(const char *s, size_t n, char *label, size_t labelsz);

/*
 * Look up the iconv name for an encoding label (case-insensitive,
 * surrounding whitespace ignored) in data/html-charsets.tsv and copy it into
 * name (NUL-terminated, namesz >= 2).  Returns 1, or 0 if the label is not
 * in the table (name is then left empty).
 */
int sift_charset_lookup(const char *label, size_t len, char *name,
    size_t namesz);

/*
 * Decode s[0..n) from encoding (an iconv name) and append UTF-8 to out.
 * Undecodable bytes become U+FFFD; *replacements (if not NULL) gets their
 * number.  Returns 0, or -1 with err set if iconv does not know encoding.
 */
int sift_charset_decode(const char *s, size_t n, const char *encoding,
    struct sift_buf *out, size_t *replacements, struct sift_error *err);

/*
 * Convert an HTML page to UTF-8: sniff as described above (forced may be
 * NULL; it is a label or an iconv name), strip a BOM, decode, and append
 * the result to out.  info (may be NULL) says what was decided.  Valid UTF-8
 * input is copied as is; invalid UTF-8 in a UTF-8 page is repaired to
 * U+FFFD.  Returns 0, or -1 with err set when forced names an encoding
 * iconv does not know.
 */
int sift_charset_to_utf8(const char *s, size_t n, const char *forced,
    struct sift_buf *out, struct sift_charset_info *info,
    struct sift_error *err);

#endif
