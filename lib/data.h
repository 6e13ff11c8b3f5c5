/*
 * data.h - the project's data files (rule tables, gazetteers) compiled in.
 *
 * Every file under data/ is embedded at build time by tools/embed; a filter
 * asks for it by base name.  The text is NUL-terminated.
 */
#ifndef SIFT_DATA_H
#define SIFT_DATA_H

#include <stddef.h>

struct sift_data_file {
	const char *name;
	const char *text;
	size_t len;
};

extern const struct sift_data_file sift_data_files[];

/* The embedded file called name (e.g. "clean-rules.tsv"), or NULL. */
const char *sift_data(const char *name, size_t *len);

/*
 * Iterate over the lines of a data file, skipping blank lines and lines
 * starting with '#'.  *pos starts at 0.  Returns 1 with *line and *len set (no
 * newline; not NUL-terminated), or 0 at the end.
 */
int sift_data_next_line(const char *text, size_t textlen, size_t *pos,
    const char **line, size_t *len);

/* Split a line on tabs: fills up to max fields (pointer+length), returns the
 * number of fields found. */
size_t sift_data_split(const char *line, size_t len, const char **field,
    size_t *flen, size_t max);

#endif
