/*
 * dedup.h - exact, near-duplicate and repeated-line deduplication of a
 * record stream, in one process or split into map / reduce / apply steps.
 *
 * Per record (the map step) a key is computed from the normalized text
 * (NFC, whitespace folded; --loose also folds case, punctuation and
 * compatibility forms): a 64-bit hash of the whole text (exact duplicates),
 * the LSH band keys and the packed MinHash signature (minhash.h), the
 * length, and the hashes of its distinct lines (for --lines).
 *
 * The index (the reduce step) takes keys in stream order.  A document whose
 * exact hash or any band key matches an earlier cluster leader, with an
 * estimated Jaccard similarity >= threshold, joins the cluster of the most
 * similar such leader (ties: the earliest); otherwise it becomes a leader.
 * With transitive set, a document that matches several leaders also merges
 * their clusters (union-find).  Only leaders are indexed, so memory grows
 * with the number of distinct documents: per leader the packed signature
 * (64 bytes), its band entries (8 bytes each) and its exact hash (12), in
 * tables kept 68-85% full; per document 4 bytes when documents are tracked
 * (sift_dedup_index_bytes reports the total: about 190 bytes per distinct
 * document with 9 bands).  The kept record of a cluster is its leader
 * (keep first: the earliest record) or its longest record (keep longest;
 * ties: the earliest).  Every decision
 * depends only on the keys and their order, so the single-process run and
 * any sharded run give the same answer.
 *
 * Repeated lines: a line (normalized) that occurs in at least lines_min of
 * the kept documents is boilerplate and is removed from every output
 * record; a cluster therefore counts once, however often it was copied.
 *
 * The text formats of the sharded flow (one record a line, tab-separated):
 *   key line (--emit-keys):   ORD LEN EXACT BANDS SIG LINES ID
 *     ORD 16 hex digits (shard << 40 | record index), EXACT 16 hex or "-"
 *     (no text), BANDS bands x 16 hex or "-", SIG 128 hex or "-", LINES
 *     comma-separated 16-hex line hashes or "-", ID the record id as JSON.
 *   plan lines (--clusters):  "D ORD SIM KEPT_ID"  record ORD is a
 *     duplicate of the kept record KEPT_ID (JSON) with similarity SIM;
 *     "B HASH"  a boilerplate line hash.
 */
#ifndef SIFT_DEDUP_H
#define SIFT_DEDUP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "json.h"
#include "minhash.h"

#define SIFT_DEDUP_MAX_BANDS SIFT_MINHASH_K
#define SIFT_DEDUP_SHARD_SHIFT 40	/* ordinal = shard << 40 | index */
#define SIFT_DEDUP_MAX_SHARD ((1L << 23) - 1)

struct sift_dedup_opts {
	enum sift_shingle_kind shingle;	/* char (default) or word */
	int shingle_size;		/* 5 for char, 3 for word */
	double threshold;		/* estimated Jaccard to merge */
	int bands, rows;		/* LSH banding */
	int loose;			/* fold case, punctuation, NFKC */
	int exact_only;			/* no near-duplicate search */
	int transitive;			/* merge clusters through shared members */
	int keep_longest;		/* keep the longest record of a cluster */
	int mark;			/* keep all, add cluster/dup_of/similarity */
	long lines_min;			/* --lines N; 0: off */
	int sentences;			/* lines are the "sentences" entries */
	long shard;			/* shard number of this map/apply step */
	const char *field;		/* text field */
	const char *id_field;
};

#define SIFT_DEDUP_THRESHOLD 0.4
#define SIFT_DEDUP_OPTS_INIT { SIFT_SHINGLE_CHAR, 5, SIFT_DEDUP_THRESHOLD, \
	9, 2, 0, 0, 0, 0, 0, 0, 0, 0, "text", "id" }

/* The per-record key: what the reduce step needs of a record. */
struct sift_dedup_key {
	uint64_t ordinal;
	int has_text;			/* 0: no text; never clustered */
	int has_sig;			/* 0: exact_only, or no shingle */
	uint64_t exact;
	uint64_t length;		/* code points of the normalized text */
	uint64_t band[SIFT_DEDUP_MAX_BANDS];
	uint8_t sig[SIFT_MINHASH_SIGBYTES];
	uint64_t *line;			/* distinct line hashes, ascending */
	size_t nline, linecap;
	struct sift_buf id;		/* the id as JSON ("null" if none) */
};

#define SIFT_DEDUP_KEY_INIT { 0, 0, 0, 0, 0, { 0 }, { 0 }, NULL, 0, 0, \
	SIFT_BUF_INIT }

void sift_dedup_key_release(struct sift_dedup_key *k);

/* Append key k as a key line (no newline) to out. */
void sift_dedup_key_format(const struct sift_dedup_opts *o,
    const struct sift_dedup_key *k, struct sift_buf *out);

/*
 * Parse the key line s[0..n) into k.  *rest is set to what follows the
 * seventh field (after its tab) or NULL if the line ends there.  Returns
 * 0, or -1 with err filled (a malformed line, or bands that do not match
 * o: the steps were run with different options).
 */
int sift_dedup_key_parse(const struct sift_dedup_opts *o, const char *s,
    size_t n, struct sift_dedup_key *k, const char **rest,
    struct sift_error *err);

/* ---- the whole deduplicator ---- */

struct sift_dedup;

/* Output callbacks: a record to write, or a raw line (without newline). */
typedef void (*sift_dedup_emit_fn)(void *ctx, const struct sift_record *rec);
typedef void (*sift_dedup_line_fn)(void *ctx, const char *p, size_t n);

struct sift_dedup_stats {
	unsigned long long records;	/* records seen */
	unsigned long long duplicates;	/* records found to be duplicates */
	unsigned long long exact;	/* ... of which exact */
	unsigned long long lines_dropped;
	unsigned long long boilerplate;	/* distinct boilerplate lines */
	size_t index_bytes;		/* memory of the index at the end */
};

/* A new deduplicator for options o (copied; the strings are borrowed). */
struct sift_dedup *sift_dedup_new(const struct sift_dedup_opts *o);
void sift_dedup_free(struct sift_dedup *d);
/* Counters so far (borrowed). */
const struct sift_dedup_stats *sift_dedup_stats(const struct sift_dedup *d);

/* 1 if the options let sift_dedup_stream decide each record at once
 * (keep first, not transitive, no --mark, no --lines); else records go
 * through sift_dedup_spool and sift_dedup_spool_finish. */
int sift_dedup_streams(const struct sift_dedup_opts *o);

/*
 * Map step: append the key line of rec (the next record of shard
 * o->shard) to out, without newline.  Returns 0, or -1 with err filled if
 * the text or sentences field has the wrong type.
 */
int sift_dedup_emit_key(struct sift_dedup *d, const struct sift_record *rec,
    struct sift_buf *out, struct sift_error *err);

/* Streaming mode: 1 if rec (the next record) is a duplicate of an earlier
 * one (drop it), 0 if it is kept, -1 with err filled on a bad record. */
int sift_dedup_stream(struct sift_dedup *d, const struct sift_record *rec,
    struct sift_error *err);

/* Spooling mode: index rec and keep it in a temporary file (in $TMPDIR)
 * for the output pass.  Returns 0 or -1 (err filled). */
int sift_dedup_spool(struct sift_dedup *d, const struct sift_record *rec,
    struct sift_error *err);

/* Spooling mode, after the last record: resolve the clusters, count the
 * repeated lines, and write every record in order through emit.  Returns
 * 0 or -1 (err filled: temporary file errors). */
int sift_dedup_spool_finish(struct sift_dedup *d, sift_dedup_emit_fn emit,
    void *ctx, struct sift_error *err);

/* Reduce step: index one key line (in ordinal order).  When the options
 * stream (sift_dedup_streams), a duplicate's plan line is written through
 * emit_line at once.  Returns 0 or -1 (err filled). */
int sift_dedup_reduce_line(struct sift_dedup *d, const char *line, size_t n,
    sift_dedup_line_fn emit_line, void *ctx, struct sift_error *err);
/* Reduce step, after the last key line: write the rest of the plan (D
 * lines in ordinal order, then B lines in hash order) through emit_line. */
int sift_dedup_reduce_finish(struct sift_dedup *d, sift_dedup_line_fn emit_line,
    void *ctx, struct sift_error *err);

/* Apply step: read one plan line (D lines of other shards than o->shard
 * are ignored; D lines must come in ordinal order).  Returns 0 or -1 (err
 * filled: malformed or out-of-order line). */
int sift_dedup_plan_line(struct sift_dedup *d, const char *line, size_t n,
    struct sift_error *err);
/*
 * Apply step: decide rec, the next record of shard o->shard, by the plan:
 * returns 1 to drop it, 0 to write it (rec may have been changed: lines
 * removed, --mark fields added), -1 with err filled.
 */
int sift_dedup_apply(struct sift_dedup *d, struct sift_record *rec,
    struct sift_error *err);

/* ---- parts, for the unit tests ---- */

/*
 * Normalize s[0..n) (valid UTF-8) into out (reset first): NFC (NFKC when
 * loose), every run of white space one ' ', no space at either end,
 * control and format characters removed; loose also lowercases and turns
 * punctuation and symbols into spaces.  Text that the quick check finds
 * already normalized (nearly all) costs no allocation.
 */
void sift_dedup_normalize(const char *s, size_t n, int loose,
    struct sift_buf *out);

struct sift_dedup_index;

struct sift_dedup_match {
	int dup;		/* joined an earlier cluster */
	int exact;		/* ... through the exact hash */
	uint32_t leader_doc;	/* the doc number of the leader it joined */
	double similarity;	/* estimated Jaccard to that leader */
};

struct sift_dedup_index *sift_dedup_index_new(const struct sift_dedup_opts *o);
void sift_dedup_index_free(struct sift_dedup_index *x);
/* Remember every document's cluster, for sift_dedup_index_kept (4 bytes
 * a document).  Call before the first add; streaming does without. */
void sift_dedup_index_track_docs(struct sift_dedup_index *x);
/* Add the next document; returns its doc number (0, 1, ...). */
uint32_t sift_dedup_index_add(struct sift_dedup_index *x,
    const struct sift_dedup_key *k, struct sift_dedup_match *m);
/* The doc number of the record kept for doc's cluster (doc itself if it
 * is kept, has no text, or documents are not tracked). */
uint32_t sift_dedup_index_kept(struct sift_dedup_index *x, uint32_t doc);
/* Bytes of memory the index holds. */
size_t sift_dedup_index_bytes(const struct sift_dedup_index *x);

#endif
