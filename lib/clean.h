/*
 * clean.h - keep the article of a scraped page and nothing else.
 *
 * sift_clean normalizes a page's text (normalize.h), then decides line by
 * line what is article (title, subheads, body) and what is page furniture
 * (menus, widgets, share and comment boxes, photo captions, lists of other
 * stories, the footer, a teaser of an unrelated story at the bottom).
 *
 * How it decides:
 *  1. Every line gets features (length, letters versus digits and symbols,
 *     letters of scripts written without spaces, sentence-final
 *     punctuation and Korean endings, English stop-word share) and is
 *     matched against the rule table data/clean-rules.tsv (UI vocabulary,
 *     bylines, dates, copyright, photo markers, and the headers that close
 *     an article: related news, comments, footer).
 *  2. Lines become prose (+ their length), plain text and lines of figures
 *     (a small cost), junk (a larger cost) or meta (no cost).  Closing
 *     headers, the copyright line and a byline after prose are barriers.
 *  3. Between barriers, the contiguous run of lines with the largest total
 *     is the article candidate; the best candidate of the page wins (so a
 *     short teaser after the footer loses to the article, and after a
 *     copyright notice or comment box a run must weigh twice as much).
 *  4. The headline (and a deck line under it) above the article, past the
 *     byline, date and share lines, is kept and becomes meta.title; a
 *     short line between the byline block and the body gives way to a
 *     headline above the block.
 *  5. Inside the article, junk lines (but not lines of figures), photo
 *     captions (the line after a photo marker or before a credit, and its
 *     repeats) and exact repeats of a kept line of 24 characters or more
 *     are removed.
 * Bylines, e-mail, the published date (ISO 8601 through dates.h), dateline
 * and copyright are lifted into meta rather than thrown away.  A page with
 * no furniture line the rules know (lines of figures do not count) keeps
 * every line.
 */
#ifndef SIFT_CLEAN_H
#define SIFT_CLEAN_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "json.h"
#include "normalize.h"

enum {
	SIFT_CLEAN_NFKC = 1,		/* normalize with NFKC instead of NFC */
	SIFT_CLEAN_KEEP_REMOVED = 2	/* sift_clean_record writes "removed" */
};

/* The meta fields, in the order they are written. */
enum sift_meta_field {
	SIFT_META_BYLINE,
	SIFT_META_AUTHOR,
	SIFT_META_EMAIL,
	SIFT_META_DATE,
	SIFT_META_DATELINE,
	SIFT_META_COPYRIGHT,
	SIFT_META_TITLE,
	SIFT_META_N
};

/* "byline", "author", ... indexed by enum sift_meta_field. */
extern const char *const sift_meta_names[SIFT_META_N];

/* What happened to one non-blank line of the normalized text. */
struct sift_clean_decision {
	uint32_t line;		/* 1-based line in the input text */
	const char *text;	/* the normalized line (borrowed, not NUL-ended) */
	size_t len;
	const char *reason;	/* static string: "prose", "menu", "caption", ... */
	int kept;		/* 1: in the cleaned text */
	int lifted;		/* 1: (part of) it went into meta */
	int score;		/* the line's weight in step 3 */
};

struct sift_clean_line;		/* per-line working state (clean.c) */

struct sift_cleaner {
	unsigned flags;
	struct sift_normalizer nz;
	struct sift_buf norm;		/* the normalized text */
	struct sift_buf text;		/* the cleaned text */
	struct sift_clean_decision *d;	/* one per non-blank line, in order */
	size_t nd, dcap;
	/* meta values found (NULL if none); borrowed until the next call */
	const char *meta[SIFT_META_N];
	size_t metalen[SIFT_META_N];
	char date_iso[32];
	/* scratch, reused across calls */
	struct sift_clean_line *lv;
	size_t lvcap;
	uint64_t *seen;
	size_t seencap;
	struct sift_buf lower;
	struct sift_buf in, json;
};

/* Initialize c (flags: SIFT_CLEAN_*); loads the rule table on first use. */
void sift_cleaner_init(struct sift_cleaner *c, unsigned flags);
void sift_cleaner_release(struct sift_cleaner *c);

/*
 * Clean text[0..n).  Afterwards c->text holds the article (lines joined by
 * "\n", paragraphs by "\n\n"), c->d[0..nd) one decision per non-blank line
 * and c->meta the lifted values.  All of it is borrowed until the next call.
 * Returns the number of lines removed.
 */
size_t sift_clean(struct sift_cleaner *c, const char *text, size_t n);

/*
 * The record step of sift-clean: clean the string member field of rec,
 * write the article back into it, merge the lifted values into the object
 * member "meta" (created if absent; keys it already has are left alone, so
 * values from upstream win) and, with SIFT_CLEAN_KEEP_REMOVED in c->flags,
 * set "removed" to [{line, text, reason}] for every removed line.  Returns
 * 1 if the record was cleaned, 0 if it has no member field (rec is left
 * alone), -1 with err set if field is not a string or meta not an object.
 */
int sift_clean_record(struct sift_cleaner *c, struct sift_record *rec,
    const char *field, struct sift_error *err);

/* 1 if every line of data/clean-rules.tsv parses (for the unit tests). */
int sift_clean_rules_ok(void);

/*
 * Match one line against one rule pattern (the syntax of
 * data/clean-rules.tsv).  cap (may be NULL) receives up to two captures as
 * {offset, length} pairs, length 0 when unset.  Returns 1 on a match.
 * Exposed for the unit tests.
 */
int sift_clean_pattern_match(const char *pat, size_t patlen, const char *s,
    size_t n, size_t cap[4]);

#endif
