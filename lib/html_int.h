/*
 * html_int.h - internals shared by html.c, html_meta.c and html_prescan.c.
 * Not part of the library's interface: include html.h instead.
 */
#ifndef SIFT_HTML_INT_H
#define SIFT_HTML_INT_H

#include <gumbo.h>
#include <jansson.h>
#include <stddef.h>

#include "buf.h"

/*
 * The depth past which the prescan stops opening elements.  gumbo, like
 * the HTML standard's tree builder, scans the stack of open elements for
 * almost every tag, so a page of 100,000 unclosed <div>s takes minutes;
 * browsers cap the tree depth for the same reason (Blink at 512).
 */
#define SIFT_HTML_MAX_DEPTH 400

/*
 * Prepare UTF-8 html[0..n) for gumbo, appending the result to out: the
 * HTML tokenizer's states are followed closely enough to find comments,
 * script and style contents and tags, and then
 *   - comments and the contents of <script> (but not JSON-LD), <style>
 *     and <noscript> are removed: the extractor never reads them and gumbo
 *     need not build them (a browser, running scripts, reads <noscript> as
 *     raw text too);
 *   - start tags that would nest deeper than SIFT_HTML_MAX_DEPTH (estimated
 *     with the tree builder's main implied-end-tag rules) are removed with
 *     their end tags, so the text they held joins their parent's.
 * NUL bytes become U+FFFD.  Returns the number of start tags removed for
 * depth.
 */
size_t sift_html_prescan(const char *html, size_t n, struct sift_buf *out);

/* An attribute's value, or NULL. */
const char *sift_html_attr(const GumboNode *el, const char *name);

/*
 * Append the text of node's subtree to out with whitespace collapsed to
 * single spaces (no leading or trailing space), skipping script, style and
 * template contents.  Returns the number of bytes appended.
 */
size_t sift_html_node_text(const GumboNode *node, struct sift_buf *out);

/* data/html-meta.tsv, parsed once per page struct. */
struct meta_rule;
struct sift_html_meta_rules {
	struct meta_rule *rule;
	size_t n;
};

void sift_html_meta_rules_load(struct sift_html_meta_rules *t);
void sift_html_meta_rules_free(struct sift_html_meta_rules *t);

/*
 * Fill meta (an object) from the document: <title>, <html lang>, <link
 * rel=canonical>, <meta>, microdata and JSON-LD, per the rules of
 * data/html-meta.tsv.  scratch is a work buffer.
 */
void sift_html_meta(const GumboOutput *doc,
    const struct sift_html_meta_rules *rules, json_t *meta,
    struct sift_buf *scratch);

/*
 * Rewrite a date or date-time in one of the forms pages use (ISO 8601,
 * RFC 822, "2024.03.14 09:00", "2024년 3월 14일 오전 9:05", "20240314") as
 * ISO 8601 into out (reset first): "2024-03-14" or "2024-03-14T09:05" with
 * ":SS" and the zone ("Z", "+09:00") when given.  Returns 1, or 0 if s
 * holds no recognisable date.
 */
int sift_html_iso_date(const char *s, size_t n, struct sift_buf *out);

#endif
