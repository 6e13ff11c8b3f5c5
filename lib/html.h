/*
 * html.h - turn a raw HTML page into article text and metadata.
 *
 * The page is decoded to UTF-8 (charset.h), parsed with gumbo (the HTML5
 * parsing algorithm, so broken markup gets the tree a browser would build),
 * and then:
 *
 *   - the main text is found and written one block per line: a paragraph,
 *     heading, list item, table cell, or a run of text ended by <br>, with
 *     entities decoded and whitespace collapsed (kept in <pre>).  Scripts,
 *     styles, forms, navigation, comments, captions, hidden elements and
 *     link-dense blocks are left out; the line-by-line boilerplate
 *     decisions are left to sift-clean.
 *   - metadata comes from <title>, <html lang>, <link rel=canonical>,
 *     <meta> (Open Graph, article:*, name=author/date ...), schema.org
 *     microdata and JSON-LD.
 *
 * How the main text is chosen is described in html.c; the class and id
 * words that hint at content or boilerplate are in data/html-hints.tsv and
 * the <meta> names in data/html-meta.tsv.
 */
#ifndef SIFT_HTML_H
#define SIFT_HTML_H

#include <jansson.h>
#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "json.h"

struct sift_html_opts {
	/* Encoding label or iconv name that overrides sniffing, e.g. from an
	 * HTTP header; NULL to sniff (BOM, <meta>, the bytes). */
	const char *charset;
	/* 1: write all visible text of the page, skipping only what is never
	 * text (scripts, styles, hidden elements), and choose no main block. */
	int whole_page;
	/* 1: when the page's headline (the <h1> that matches its title or
	 * og:title, or its only <h1>) lies outside the chosen block, write it
	 * as the first line. */
	int headline;
};

#define SIFT_HTML_OPTS_INIT { NULL, 0, 1 }

struct sift_html_scratch;

/*
 * The result of one page.  Initialise with SIFT_HTML_PAGE_INIT and reuse
 * the same struct for every page: each call resets it and keeps its
 * allocations, so a stream of pages does not allocate per page beyond what
 * the parser itself needs.
 */
struct sift_html_page {
	struct sift_buf text;	/* main text, one block per line, lines
				 * separated by '\n' (none at the end);
				 * "" if the page has none */
	/* Owned by the page (a new reference per call, released by the next
	 * call or by sift_html_page_release); take your own reference with
	 * json_incref to keep it.  Members, each present only when found:
	 * title, og_title, headline, description, date (ISO 8601),
	 * modified (ISO 8601), author, site_name, canonical, lang, charset
	 * (the decoder used, when not UTF-8). */
	json_t *meta;
	size_t replacements;	/* undecodable bytes written as U+FFFD */
	struct sift_html_scratch *scratch;	/* private */
};

#define SIFT_HTML_PAGE_INIT { SIFT_BUF_INIT, NULL, 0, NULL }

/*
 * Extract the main text and metadata of html[0..n) (any encoding; NUL bytes
 * allowed and treated as U+FFFD) into out.  opts may be NULL for the
 * defaults.  Returns 0, or -1 with err set (an unknown forced charset).  A
 * page with no text is not an error: out->text is then empty.
 */
int sift_html_extract(const char *html, size_t n,
    const struct sift_html_opts *opts, struct sift_html_page *out,
    struct sift_error *err);

/* Free everything the page holds and leave it as SIFT_HTML_PAGE_INIT. */
void sift_html_page_release(struct sift_html_page *p);

/*
 * sift-ingest --html: make rec (cleared first) the record {id, source,
 * text, meta} of the page html[0..n): text its main text, meta its
 * metadata (left out when nothing was found), source the page's canonical
 * URL when it declares one, else source.  page is the reusable work area.
 * Returns 0, or -1 with err set (an unknown forced charset).
 */
int sift_html_record(struct sift_record *rec, const char *id,
    const char *source, const char *html, size_t n,
    const struct sift_html_opts *opts, struct sift_html_page *page,
    struct sift_error *err);

/*
 * sift-ingest --ndjson --html-from FIELD: rec carries a raw page in the
 * string member field.  The member is replaced, in its place, by
 * text_field holding the main text; meta is added (members an existing
 * meta object already has are kept) and source is set to the canonical
 * URL when rec has none.  The page is decoded from the JSON string, so it
 * is UTF-8 whatever its <meta charset> says (opts->charset is ignored).
 * Returns 0, or -1 with err set when field is absent or not a string.
 */
int sift_html_map_record(struct sift_record *rec, const char *field,
    const char *text_field, const struct sift_html_opts *opts,
    struct sift_html_page *page, struct sift_buf *scratch,
    struct sift_error *err);

#endif
