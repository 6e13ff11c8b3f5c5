/*
 * stats.h - a picture of a sift stream in bounded memory: counts, sizes,
 * length percentiles, script mix, duplicates, clusters and top entities,
 * written as one JSON object, an aligned table or an SVG chart.
 *
 * Memory does not grow with the number of records:
 *   - lengths go into log-bucket histograms (struct sift_hist): exact below
 *     64, above that 16 buckets per power of two, so a percentile is within
 *     3.2% of the true value (min and max are exact);
 *   - distinct clusters are counted exactly up to SIFT_STATS_EXACT_DISTINCT
 *     values, then estimated with HyperLogLog (2^14 registers, about 1%
 *     error), and the output says which;
 *   - top people, orgs and keywords are counted in a table of at most
 *     2 * SIFT_STATS_TOP_CAPACITY names that is pruned to the most frequent
 *     half when full: exact while a category has fewer distinct names than
 *     that, approximate for rare names beyond (frequent ones survive).
 */
#ifndef SIFT_STATS_H
#define SIFT_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "json.h"

#define SIFT_HIST_BUCKETS 1024
#define SIFT_STATS_EXACT_DISTINCT (1u << 20)
#define SIFT_STATS_TOP_CAPACITY 4096

/* A log-bucket histogram of non-negative integers. */
struct sift_hist {
	uint64_t count, sum, min, max;
	uint64_t b[SIFT_HIST_BUCKETS];
};

void sift_hist_add(struct sift_hist *h, uint64_t v);
/* The q-quantile (0 <= q <= 1) by nearest rank: the middle of the bucket
 * holding the ceil(q * count)-th value, clamped to [min, max]; 0 if empty. */
uint64_t sift_hist_quantile(const struct sift_hist *h, double q);
/* Bucket index of v and the smallest value of bucket i (for charts). */
size_t sift_hist_bucket(uint64_t v);
uint64_t sift_hist_bucket_low(size_t i);

/*
 * Counting distinct values by their 64-bit hashes: exact up to
 * SIFT_STATS_EXACT_DISTINCT values (8 to 16 bytes each), then HyperLogLog
 * with 2^14 one-byte registers (standard error about 0.8%).
 */
struct sift_distinct {
	uint64_t *set;		/* open addressing; 0 = empty */
	size_t n, slots;
	unsigned char *hll;	/* non-NULL once the set grew too big */
};

#define SIFT_DISTINCT_INIT { NULL, 0, 0, NULL }

void sift_distinct_add(struct sift_distinct *d, uint64_t h);
uint64_t sift_distinct_count(const struct sift_distinct *d);
/* Free the memory; d is left as SIFT_DISTINCT_INIT. */
void sift_distinct_release(struct sift_distinct *d);

/* Script classes of letters (digits, spaces and punctuation are not
 * counted in the mix). */
enum sift_script {
	SIFT_SCRIPT_HANGUL,
	SIFT_SCRIPT_LATIN,
	SIFT_SCRIPT_HAN,
	SIFT_SCRIPT_KANA,
	SIFT_SCRIPT_CYRILLIC,
	SIFT_SCRIPT_OTHER,
	SIFT_SCRIPT_COUNT
};

/* The name of a script class ("hangul", ...). */
const char *sift_script_name(enum sift_script s);

/* Add the letters of valid UTF-8 s[0..n) to counts[SIFT_SCRIPT_COUNT] and
 * the U+FFFD characters (earlier repairs) to *replacements (if not NULL);
 * returns the number of code points in s. */
size_t sift_script_count(const char *s, size_t n, uint64_t *counts,
    uint64_t *replacements);

struct sift_stats_opts {
	const char *field;	/* text field (default "text") */
	int segment;		/* split the text of records without "sentences"
				 * with the segmenter to count them (off: only
				 * the arrays are counted) */
	size_t top;		/* entries in each top list (default 10) */
};

#define SIFT_STATS_OPTS_INIT { "text", 0, 10 }

struct sift_stats;

/* A new, empty accumulator with a copy of *o (field is borrowed). */
struct sift_stats *sift_stats_new(const struct sift_stats_opts *o);
void sift_stats_free(struct sift_stats *st);

/* Account for one parsed record.  Never fails: a member of an unexpected
 * type is counted as missing. */
void sift_stats_add(struct sift_stats *st, const struct sift_record *rec);

/* Append the summary as one compact JSON object (no newline). */
void sift_stats_json(struct sift_stats *st, struct sift_buf *out);
/* Append the summary as an aligned plain-text table (lines end in \n). */
void sift_stats_human(struct sift_stats *st, struct sift_buf *out);
/* Append a standalone SVG document: the record-length histogram and the
 * script mix. */
void sift_stats_svg(struct sift_stats *st, struct sift_buf *out);

#endif
