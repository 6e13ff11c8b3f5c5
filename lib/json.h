/*
 * json.h - the one-pass NDJSON record scanner and writer (the hot path).
 *
 * A record is one JSON object on one line.  sift_record_parse scans the line
 * once, validating the whole of it as JSON (the same grammar and limits as
 * jansson's json_loadb: nesting depth 2048, integers must fit in 64 bits,
 * reals must be finite, \u escapes must not be lone surrogates or \u0000,
 * no raw control characters in strings) and records the raw byte span of
 * every top-level member.  Values are decoded only when a filter asks for
 * them, and the writer copies every untouched member verbatim, so a filter
 * that reads "text" and adds "sentences" never parses or re-serializes the
 * rest of the record.
 *
 * Invalid UTF-8 is not a parse error: the parser replaces each invalid
 * sequence with U+FFFD (in a private copy of the line) and counts it in
 * rec->utf8_repairs, and the run loop reports the total at exit.
 *
 * Duplicate top-level keys are kept in the output (pass-through); lookups
 * see the last one, as jansson does.
 */
#ifndef SIFT_JSON_H
#define SIFT_JSON_H

#include <jansson.h>
#include <stddef.h>

#include "buf.h"
#include "error.h"

enum sift_json_type {
	SIFT_JSON_NONE = 0,	/* member absent */
	SIFT_JSON_OBJECT,
	SIFT_JSON_ARRAY,
	SIFT_JSON_STRING,
	SIFT_JSON_NUMBER,
	SIFT_JSON_TRUE,
	SIFT_JSON_FALSE,
	SIFT_JSON_NULL
};

struct sift_member {
	size_t key_off, key_len;	/* raw key without quotes, still escaped */
	size_t val_off, val_len;	/* raw value bytes */
	unsigned char type;		/* enum sift_json_type */
	unsigned char key_escaped;	/* key contains a backslash */
	unsigned char owned;		/* offsets point into rec->own, not the line */
	unsigned char deleted;
};

struct sift_record {
	const char *line;		/* borrowed (or rec->fixed after repair) */
	size_t len;
	struct sift_member *m;
	size_t n, cap;
	struct sift_buf own;		/* keys and values set by the filter */
	struct sift_buf fixed;		/* the line with invalid UTF-8 repaired */
	size_t utf8_repairs;		/* replacements made in this line */
};

#define SIFT_RECORD_INIT { NULL, 0, NULL, 0, 0, SIFT_BUF_INIT, SIFT_BUF_INIT, 0 }

void sift_record_release(struct sift_record *rec);

/*
 * Parse one line as a record.  line is borrowed and must stay valid and
 * unchanged while rec is used.  Returns 0, or -1 with err filled (message in
 * jansson's words where they exist, column 1-based, in bytes).  A valid JSON
 * value that is not an object is an error ("record is not a JSON object").
 */
int sift_record_parse(struct sift_record *rec, const char *line, size_t len,
    struct sift_error *err);

/* Make rec an empty object, to build a new record with the setters. */
void sift_record_clear(struct sift_record *rec);

/* Index of the (last) member named key, or -1. */
long sift_record_find(const struct sift_record *rec, const char *key);
/* Type of member key, SIFT_JSON_NONE if absent. */
enum sift_json_type sift_record_type(const struct sift_record *rec, const char *key);
/* Raw JSON text of member key (borrowed until rec changes), NULL if absent. */
const char *sift_record_raw(const struct sift_record *rec, const char *key, size_t *len);

/*
 * Decode string member key into out (out is reset first; NUL-terminated;
 * may contain NUL only if the JSON had none, which the parser guarantees).
 * Returns 1 if found and a string, 0 if absent, -1 if present but not a
 * string.
 */
int sift_record_get_string(const struct sift_record *rec, const char *key,
    struct sift_buf *out);

/* Decode member key with jansson: a new reference, or NULL if absent. */
json_t *sift_record_get_json(const struct sift_record *rec, const char *key);

/* Setters replace the member in place (keeping its position) or append it
 * at the end.  The value text is copied. */
void sift_record_set_raw(struct sift_record *rec, const char *key,
    const char *json, size_t len);
void sift_record_set_string(struct sift_record *rec, const char *key,
    const char *s, size_t len);
/* Steals the reference to v; v may be NULL (then nothing is done). */
void sift_record_set_json(struct sift_record *rec, const char *key, json_t *v);
void sift_record_set_int(struct sift_record *rec, const char *key, long long v);
void sift_record_set_real(struct sift_record *rec, const char *key, double v);
/* Remove member key if present. */
void sift_record_delete(struct sift_record *rec, const char *key);

/* Append the record as compact JSON (no newline) to out. */
void sift_record_write(const struct sift_record *rec, struct sift_buf *out);

/* --- JSON text helpers --- */

/* Append s as a JSON string literal (with quotes).  Invalid UTF-8 in s is
 * written as U+FFFD; control characters are escaped. */
void sift_json_put_string(struct sift_buf *out, const char *s, size_t n);
/* Decode the JSON string literal raw[0..n) (with quotes) onto out.
 * Returns 0 or -1 if raw is not a valid literal. */
int sift_json_decode_string(struct sift_buf *out, const char *raw, size_t n);
/* Append v compactly (JSON_COMPACT, JSON_PRESERVE_ORDER, JSON_ENCODE_ANY;
 * reals with 15 significant digits, so 0.1 prints as 0.1). */
void sift_json_dump(struct sift_buf *out, const json_t *v);

#endif
