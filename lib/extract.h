/*
 * extract.h - one entry point that fills a record's "entities" object:
 * people, organisations, dates, numbers, quotes, URLs, e-mail addresses
 * and keywords of one text.
 *
 * It runs, in order: sentence spans (the record's "sentences" located in
 * the text, or sift_segment), names.h (people, organisations, mentions),
 * quotes.h, keywords.h, numbers.h and dates.h (relative dates resolved
 * against the document date), and a scanner for URLs and e-mail
 * addresses.  The result is written as compact JSON, members in this order:
 *
 *	{"people":[{"name","title"?,"org"?}], "orgs":[{"name"}],
 *	 "dates":[{"text","value"}], "numbers":[{"text","value","unit","max"?}],
 *	 "quotes":[{"text","speaker"}], "urls":[...], "emails":[...],
 *	 "keywords":[{"term","score"}], "mentions":[...]?}
 *
 * A person's title and organisation are left out when the text gives none;
 * a quote's speaker is null when nobody can be found; a relative date with
 * no document date has value null.  With opts->mentions, "mentions" lists
 * every occurrence as {"type","text","start","end"} with code-point offsets
 * into the text (end exclusive); type is PS (person), OG (organisation),
 * DT (date), TI (time of day, or a duration in hours or minutes), QT
 * (quantity), so the output can be scored against NER gold; a date with a
 * time ("3월 5일 오후 3시") is a DT and a TI mention, as KLUE-NER marks it.
 */
#ifndef SIFT_EXTRACT_H
#define SIFT_EXTRACT_H

#include <jansson.h>
#include <stddef.h>

#include "buf.h"
#include "dates.h"
#include "keywords.h"
#include "names.h"
#include "numbers.h"
#include "quotes.h"
#include "segment.h"

struct sift_extract_opts {
	size_t keywords;	/* at most this many keywords (0: none) */
	int mentions;		/* add "mentions" with offsets */
	int untitled;		/* list people the text gives no title */
};

#define SIFT_EXTRACT_OPTS_INIT { 10, 0, 0 }

/* Working state, reused from record to record (no per-record growth once
 * the largest record has been seen). */
struct sift_extract {
	struct sift_names names;
	struct sift_quotes quotes;
	struct sift_keywords keywords;
	struct sift_numbers numbers;
	struct sift_dates dates;
	struct sift_spans sent;
	struct sift_segment_opts seg;
	struct sift_buf tmp;
	void *ments;		/* scratch for mentions */
	size_t ments_cap;
	void *links;		/* scratch for URL and e-mail spans */
	size_t links_cap;
};

#define SIFT_EXTRACT_INIT { SIFT_NAMES_INIT, SIFT_QUOTES_INIT, \
	SIFT_KEYWORDS_INIT, SIFT_NUMBERS_INIT, SIFT_DATES_INIT, SIFT_SPANS_INIT, \
	SIFT_SEGMENT_OPTS_INIT, SIFT_BUF_INIT, NULL, 0, NULL, 0 }

/*
 * Extract the entities of valid UTF-8 text[0..n) and append the
 * "entities" object as compact JSON to out.  doc_date (may be NULL)
 * anchors relative dates.  sentences (borrowed, may be NULL) is the
 * record's "sentences" array: each string is looked for in the text in
 * order, and if any is missing the text is segmented instead.  Never fails
 * (aborts on OOM).
 */
void sift_extract(struct sift_extract *x, const char *text, size_t n,
    const struct sift_ymd *doc_date, const json_t *sentences,
    const struct sift_extract_opts *opts, struct sift_buf *out);

void sift_extract_release(struct sift_extract *x);

/*
 * The "date" member of the raw JSON object raw[0..n) (a record's "meta",
 * already validated by the record scanner), decoded into tmp (reset first)
 * when it is a string: returns 1 and sets *s, *len to tmp's bytes, else 0.
 * The last "date" key wins, as with jansson.  Scanning the raw bytes for
 * this one member costs a small fraction of loading the object.
 */
int sift_extract_meta_date(const char *raw, size_t n, struct sift_buf *tmp,
    const char **s, size_t *len);

/*
 * URLs and e-mail addresses in text[0..n): calls fn(start, end, is_email,
 * arg) for each, in order.  A URL starts with http://, https:// or www. and
 * ends before white space, a quote or bracket, Hangul, or trailing
 * punctuation.  Exposed for tests.
 */
void sift_find_links(const char *text, size_t n,
    void (*fn)(size_t start, size_t end, int is_email, void *arg), void *arg);

#endif
