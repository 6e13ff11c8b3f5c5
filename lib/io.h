/*
 * io.h - streaming line input and buffered output.
 *
 * Input: a list of operands read in order as one stream.  "-" (or an empty
 * list) is standard input.  Every operand goes through zlib's gzread, which
 * detects gzip by its magic bytes and passes other data through unchanged,
 * so FILE, FILE.gz and a gzip stream on stdin all just work.
 *
 * Output: standard output or -o FILE; a name ending in ".gz" is written
 * gzip-compressed.  Writes are buffered; sift_output_flush is called at the
 * end (and per record when unbuffered).
 */
#ifndef SIFT_IO_H
#define SIFT_IO_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

struct sift_input;

/* Open the operands (borrowed; must outlive the input).  npaths == 0 means
 * stdin.  Operands are opened lazily, one at a time, so an unreadable file
 * is reported when the stream reaches it.  Returns a new input. */
struct sift_input *sift_input_new(char *const *paths, size_t npaths);
void sift_input_free(struct sift_input *in);

/*
 * Read the next line.  Returns 1 with *line and *len set (borrowed until the
 * next call; NUL-terminated; the "\n" or "\r\n" and, on the first line of
 * each operand, a UTF-8 BOM are removed), 0 at the end of all operands, or
 * -1 on an I/O or decompression error (err filled; the stream can not go on).
 * Lines may be of any length and contain NUL bytes.  A last line without
 * "\n" is returned as a line.  Blank lines are returned too (len 0).
 */
int sift_input_getline(struct sift_input *in, const char **line, size_t *len,
    struct sift_error *err);

/* Name of the operand being read ("<stdin>" for stdin) and the number of
 * the line last returned within it (1-based).  Borrowed. */
const char *sift_input_name(const struct sift_input *in);
size_t sift_input_lineno(const struct sift_input *in);
/* Compressed or raw bytes consumed so far over all operands (for progress). */
unsigned long long sift_input_bytes(const struct sift_input *in);

/* Read a whole file (or "-") into out (appended), decompressing gzip.
 * Returns 0, or -1 with err filled. */
int sift_read_file(const char *path, struct sift_buf *out, struct sift_error *err);

struct sift_output;

/* Open stdout (path NULL or "-") or path; ".gz" suffix means gzip.
 * Returns NULL with err filled if the file can not be created. */
struct sift_output *sift_output_new(const char *path, struct sift_error *err);
/* Append bytes to the output buffer.  Returns 0 or -1 (err filled; errno
 * is EPIPE when the reader went away). */
int sift_output_write(struct sift_output *o, const void *p, size_t n,
    struct sift_error *err);
int sift_output_flush(struct sift_output *o, struct sift_error *err);
/* Flush and close; returns 0 or -1 with err filled.  Frees o either way. */
int sift_output_close(struct sift_output *o, struct sift_error *err);
/* The output's name for messages ("<stdout>" or the path). */
const char *sift_output_name(const struct sift_output *o);

#endif
