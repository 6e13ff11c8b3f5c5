/*
 * ingest.h - turning input into sift records: text files, lines, and other
 * tools' NDJSON mapped onto the record contract.
 */
#ifndef SIFT_INGEST_H
#define SIFT_INGEST_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "json.h"

/*
 * The id of a document read from path: prefix + the path with a leading
 * "./" and a final ".gz" and text extension (.txt .text .md .html .htm)
 * removed, so "./pages/a.txt.gz" becomes "pages/a".  Stable across runs and
 * unique for distinct paths of one run.  "-" gives "stdin".  out is reset.
 */
void sift_ingest_id(struct sift_buf *out, const char *prefix, const char *path);

/*
 * Build the record {id, source, text} in rec (cleared first).  text must be
 * a buffer the function may rewrite: invalid UTF-8 becomes U+FFFD, NUL bytes
 * become U+FFFD, "\r\n" becomes "\n" and a leading BOM is dropped.  Returns
 * the number of repairs made (invalid sequences and NULs).
 */
size_t sift_ingest_text(struct sift_record *rec, const char *id,
    const char *source, struct sift_buf *text, struct sift_buf *scratch);

struct sift_ingest_map {
	const char *text_from;	/* rename this field to text (NULL: none) */
	const char *id_from;	/* rename this field to id (NULL: none) */
	const char *source_from;	/* rename this field to source (NULL) */
	const char *text_field;	/* the text field's name (--field) */
	const char *id_field;	/* the id field's name (--id-field) */
	int require_text;	/* a record without a string text is an error */
};

/*
 * Map a parsed NDJSON record onto the contract, in place: rename the
 * --*-from fields, make id a string (numbers are converted; a missing id
 * becomes "<name>:<lineno>"), add source = name when absent, and check
 * that text is a string.  Every other member is left where it is.
 * Returns 0, or -1 with err filled (the record is then unchanged or half
 * changed: pass the original line on).
 */
int sift_ingest_map_record(struct sift_record *rec,
    const struct sift_ingest_map *map, const char *name, size_t lineno,
    struct sift_buf *scratch, struct sift_error *err);

/* Rename member from to to, keeping its position and value.  An existing
 * member called to is removed first.  Returns 0, or -1 if from is absent. */
int sift_record_rename(struct sift_record *rec, const char *from,
    const char *to);

#endif
