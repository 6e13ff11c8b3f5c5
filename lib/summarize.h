/*
 * summarize.h - extractive summaries of news documents, one at a time or as
 * digests of groups of documents (a cluster of outlets telling one story).
 *
 * Ranking.  Sentences become TF-IDF vectors of particle-stripped words,
 * syllable bigrams and number+unit facts (textvec.h).  A TextRank graph
 * (PageRank over cosine similarity, damping 0.85, teleport spread evenly
 * over the candidate sentences) gives each sentence its centrality c; news
 * puts the point first, so the score mixes centrality with a lead prior:
 *
 *	score = ((1 - W) * c / max c + W / (r + 1)) * min(1, chars / 120) * q
 *
 * where W is the lead weight, r the sentence's rank among the candidates
 * in document order, the length factor prefers sentences that carry facts
 * over fragments, and q is 0.8 for a sentence that is mostly a quotation
 * (news summaries report, they rarely quote), 1 otherwise.
 *
 * Choosing.  Maximal marginal relevance: repeatedly take the sentence with
 * the best 0.7 * score - 0.3 * (highest similarity to a chosen one), never
 * one that says the same thing as a chosen one: cosine above the
 * redundancy threshold, or the same figure ("2조원", "85만명") and any
 * other term in common (cosine at least 0.05), or two shared figures.
 * The summary is shown in document order.
 *
 * Skipped as summary sentences unless nothing else is left: headlines and
 * other lines without sentence-final punctuation (in a document whose
 * sentences mostly have it; in unpunctuated text such as scraped portals,
 * lines that do not end like a Korean sentence), bylines, captions and page
 * furniture (data/summarize-skip.tsv), questions, and fragments of fewer
 * than 12 characters.  A dateline and byline at the start of a sentence
 * ("[서울=한빛일보] 홍길동 기자 = ...") are cut off, not a reason to skip.
 *
 * Bounds: only the first SIFT_SUMMARIZE_MAX_SENTENCES sentences of a
 * document are ranked (the graph costs n^2); the summarizer keeps its
 * arrays across documents and only grows them.
 */
#ifndef SIFT_SUMMARIZE_H
#define SIFT_SUMMARIZE_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "json.h"
#include "segment.h"
#include "textvec.h"

#define SIFT_SUMMARIZE_MAX_SENTENCES 400

struct sift_summarize_opts {
	size_t sentences;	/* -n: choose at most this many (0: no limit) */
	double ratio;		/* --ratio: if > 0, ceil(ratio * sentences in doc) */
	size_t max_chars;	/* --max-chars: at most this many characters in
				 * all (0: no limit); a sentence that does not
				 * fit is passed over for a shorter one */
	double lead_weight;	/* W above, 0..1 */
	double redundancy;	/* cosine at and above which two sentences are
				 * taken to say the same thing, 0..1 */
};

#define SIFT_SUMMARIZE_OPTS_INIT { 3, 0.0, 0, 0.5, 0.5 }

/* Sentence classes, as bit flags. */
enum {
	SIFT_SENT_FRAGMENT = 1,	/* headline, subhead, list item: no final punctuation */
	SIFT_SENT_BYLINE = 2,	/* byline, caption, page furniture */
	SIFT_SENT_QUESTION = 4,
	SIFT_SENT_SHORT = 8,	/* fewer than 12 characters */
	SIFT_SENT_QUOTE = 16	/* mostly a quotation: ranked lower, not skipped */
};

#define SIFT_SENT_SKIP (SIFT_SENT_FRAGMENT | SIFT_SENT_BYLINE | \
	SIFT_SENT_QUESTION | SIFT_SENT_SHORT)

struct sift_summarizer;

/* A new summarizer with a copy of *o (never NULL). */
struct sift_summarizer *sift_summarizer_new(const struct sift_summarize_opts *o);
void sift_summarizer_free(struct sift_summarizer *s);

/*
 * Summarize the document whose sentences are v[0..n) (valid UTF-8; only
 * read during the call).  Returns the number of sentences chosen and
 * points *sel at their indices, ascending (borrowed until the next call).
 */
size_t sift_summarize(struct sift_summarizer *s, const struct sift_textref *v,
    size_t n, const size_t **sel);

/* After sift_summarize, for sentence i < n: the text the summary shows (v[i]
 * without a leading dateline/byline; borrowed from v), its class flags and
 * its score (0 for skipped sentences and those past the ranking bound). */
struct sift_textref sift_summarize_text(const struct sift_summarizer *s, size_t i);
unsigned sift_summarize_class(const struct sift_summarizer *s, size_t i);
double sift_summarize_score(const struct sift_summarizer *s, size_t i);

/*
 * Append the chosen sentences as a JSON array of strings to out.
 */
void sift_summarize_put_json(const struct sift_summarizer *s,
    const size_t *sel, size_t nsel, struct sift_buf *out);

/*
 * Digests: one record per group of documents.
 *
 * Each document added to a group is ranked on its own and offers its best
 * 2K sentences (K = opts->sentences, or 3 when that is 0; at least 6) as
 * candidates; sentences longer than SIFT_DIGEST_MAX_SENTENCE bytes are not
 * candidates.  A group keeps at most SIFT_DIGEST_POOL candidates (the best
 * by their document's score; a sentence repeated word for word by a
 * syndicated copy is kept once), the first SIFT_DIGEST_MAX_IDS member ids,
 * the first SIFT_DIGEST_MAX_SOURCES distinct sources and a member count.
 * So memory is bounded per group (at most 64 KB of sentences, plus the
 * ids and sources) and grows only with the number of groups.
 *
 * When written, the candidates are scored again: a sentence's score plus
 * half its normalised support, the summed similarity to candidates from
 * the other members (what several outlets report is the story; copies do
 * not vote twice).  Then the same redundancy-aware choice as for one
 * document picks K, so a fact told by five outlets appears once.  Digest
 * sentences are shown in reading order: by their relative position in
 * their documents (leads first), then by the order the documents arrived.
 */
#define SIFT_DIGEST_POOL 32
#define SIFT_DIGEST_MAX_SENTENCE 2000
#define SIFT_DIGEST_MAX_IDS 1000
#define SIFT_DIGEST_MAX_SOURCES 100

struct sift_digest;

struct sift_digest *sift_digest_new(const struct sift_summarize_opts *o);
void sift_digest_free(struct sift_digest *d);

/*
 * Add a document to the group whose key is the JSON value key[0..keylen)
 * (compared byte for byte, so give strings in one canonical encoding).
 * id and source are JSON values (NULL if absent) copied into the digest's
 * ids and sources lists.  v[0..n) are the document's sentences (only read
 * during the call).
 */
void sift_digest_add(struct sift_digest *d, const char *key, size_t keylen,
    const char *id, size_t idlen, const char *source, size_t sourcelen,
    const struct sift_textref *v, size_t n);

/* Number of groups, in the order their first member arrived. */
size_t sift_digest_groups(const struct sift_digest *d);

/* Append group i's digest record {group, ids, summary, sources, members}
 * as compact JSON (no newline) to out. */
void sift_digest_write(struct sift_digest *d, size_t i, struct sift_buf *out);

/* ---- records ---- */

/* A record's sentences, decoded into one buffer. */
struct sift_sentences {
	struct sift_buf text;		/* decoded sentences or field, back to back */
	size_t *off;			/* n + 1 offsets into text (sentences mode) */
	struct sift_textref *v;		/* the sentences; borrowed from text */
	size_t n, cap;
	struct sift_spans spans;	/* segmenter output (field mode) */
};

#define SIFT_SENTENCES_INIT { SIFT_BUF_INIT, NULL, NULL, 0, 0, SIFT_SPANS_INIT }

/*
 * Fill ss with the sentences of rec: its "sentences" member (an array of
 * strings, as sift-segment writes it) when field is "text" and the member
 * is present, else the string member field split by sift_segment.
 * Returns 1, 0 if rec has neither (ss is then empty), or -1 with err set
 * if the member has the wrong type.
 */
int sift_sentences_from_record(struct sift_sentences *ss,
    const struct sift_record *rec, const char *field, struct sift_error *err);
void sift_sentences_release(struct sift_sentences *ss);

/*
 * The per-record entry point of sift-summarize: summarize rec's sentences
 * (see sift_sentences_from_record) and set its "summary" member to the
 * chosen sentences.  Returns 1, 0 if rec has no text (rec is left
 * unchanged), or -1 with err set.
 */
int sift_summarize_record(struct sift_summarizer *s, struct sift_record *rec,
    const char *field, struct sift_error *err);

/*
 * The per-record entry point of sift-summarize --group-by: add rec to the
 * group named by its member group_field (a record without one, or with
 * null, is a group of its own, named by its id, or by where, "FILE:LINE",
 * if it has no id either).  Returns 1, 0 if rec has no text (it still counts as a member),
 * or -1 with err set.
 */
int sift_digest_add_record(struct sift_digest *d, const struct sift_record *rec,
    const char *group_field, const char *id_field, const char *field,
    const char *where, struct sift_error *err);

#endif
