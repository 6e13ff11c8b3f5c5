#include "data.h"

#include <string.h>

const char *
sift_data(const char *name, size_t *len)
{
	const struct sift_data_file *f;

	for (f = sift_data_files; f->name != NULL; f++) {
		if (strcmp(f->name, name) == 0) {
			if (len)
				*len = f->len;
			return f->text;
		}
	}
	return NULL;
}

int
sift_data_next_line(const char *text, size_t textlen, size_t *pos,
    const char **line, size_t *len)
{
	while (*pos < textlen) {
		const char *s = text + *pos;
		const char *nl = memchr(s, '\n', textlen - *pos);
		size_t n = nl ? (size_t)(nl - s) : textlen - *pos;

		*pos += n + (nl != NULL);
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n == 0 || s[0] == '#')
			continue;
		*line = s;
		*len = n;
		return 1;
	}
	return 0;
}

size_t
sift_data_split(const char *line, size_t len, const char **field,
    size_t *flen, size_t max)
{
	size_t nf = 0, start = 0, i;

	if (max == 0)
		return 0;
	for (i = 0; i <= len && nf < max; i++) {
		if (i == len || line[i] == '\t') {
			field[nf] = line + start;
			flen[nf] = i - start;
			nf++;
			start = i + 1;
		}
	}
	return nf;
}
