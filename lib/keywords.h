/*
 * keywords.h - the terms a document is about, ranked.
 *
 * Candidates are the document's nouns with their particles stripped
 * ("반도체가" -> 반도체), English words, and the people and organisations
 * the names module found (a person counts under the full name, so 홍 CTO
 * adds to 홍길동).  Stop words (extract-stopwords.tsv), titles, pronouns,
 * numbers and verb forms are never keywords.
 *
 * Score: TF-IDF against a built-in background table (extract-background.tsv:
 * how common a word is in news in general, in five bands; unlisted words
 * count as rare), so each record is scored on its own and the result does
 * not depend on the stream order or on sharding.  The score is
 * tf * idf, divided by the best score of the document, so the top keyword
 * scores 1.  Ties keep the order of first appearance, then the shorter
 * term, then byte order (a person and an organisation named at the same
 * word), so the ranking never depends on the table layout or on the
 * records before.
 */
#ifndef SIFT_KEYWORDS_H
#define SIFT_KEYWORDS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "names.h"

struct sift_keyword {
	uint32_t off, len;	/* the term: bytes in keywords->terms */
	double score;		/* (0, 1] */
};

struct sift_keywords {
	struct sift_keyword *v;
	size_t n, cap;
	struct sift_buf terms;	/* the terms' text, NUL-separated */
	void *tab;		/* scratch: candidate hash table */
	size_t tab_cap;
	size_t tab_mask;	/* this record's part of it, minus one */
	uint32_t gen;		/* table slots of older generations are free */
};

#define SIFT_KEYWORDS_INIT { NULL, 0, 0, SIFT_BUF_INIT, NULL, 0, 0, 0 }

/*
 * Rank up to max keywords of the text nm was last run on (after
 * sift_names_find).  kw is reset first; its arrays are reused.  Returns
 * the number of keywords.
 */
size_t sift_keywords_find(struct sift_keywords *kw, const struct sift_names *nm,
    size_t max);
void sift_keywords_release(struct sift_keywords *kw);

/* The idf this module uses for word s[0..n) (lower-cased if English). */
double sift_keyword_idf(const char *s, size_t n);

#endif
