/*
 * error.h - how lib/ reports failure without printing or exiting.
 *
 * Functions that can fail return -1 (or NULL) and fill a struct sift_error
 * supplied by the caller.  column is 1-based where the failure has a
 * position inside a line (0 when it has none).
 */
#ifndef SIFT_ERROR_H
#define SIFT_ERROR_H

#include <stddef.h>

struct sift_error {
	char msg[240];
	size_t column;
};

#define SIFT_ERROR_INIT { "", 0 }

/* Set err (if not NULL) to the formatted message and column; returns -1 so
 * that "return sift_error_set(err, 0, ...)" reads naturally. */
int sift_error_set(struct sift_error *err, size_t column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
