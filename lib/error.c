#include "error.h"

#include <stdarg.h>
#include <stdio.h>

int
sift_error_set(struct sift_error *err, size_t column, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	err->column = column;
	return -1;
}
