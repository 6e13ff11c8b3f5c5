/*
 * libFuzzer target: a raw page through charset sniffing, the prescan,
 * gumbo and the extractor.  Invariants checked (abort on violation):
 *   - extraction never fails without a forced charset;
 *   - the text is valid UTF-8 without NUL bytes, and has no empty line,
 *     no line that starts or ends with a space, and no final newline;
 *   - every meta value is a string jansson can serialise;
 *   - the prescan keeps valid UTF-8 valid.
 * The first input byte picks whole-page mode and whether the headline is
 * written, so both paths are explored.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "html_int.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_text(const struct sift_buf *t)
{
	size_t i;

	if (sift_utf8_check(t->data, t->len) != t->len ||
	    memchr(t->data, '\0', t->len) != NULL)
		abort();
	if (t->len == 0)
		return;
	if (t->data[t->len - 1] == '\n' || t->data[0] == ' ' ||
	    t->data[t->len - 1] == ' ')
		abort();
	for (i = 0; i + 1 < t->len; i++) {
		if (t->data[i] != '\n')
			continue;
		if (t->data[i + 1] == '\n' || t->data[i + 1] == ' ' ||
		    (i > 0 && t->data[i - 1] == ' '))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sift_html_page page = SIFT_HTML_PAGE_INIT;
	static struct sift_buf pre = SIFT_BUF_INIT;
	struct sift_html_opts opts = SIFT_HTML_OPTS_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	const char *html = (const char *)data, *key;
	json_t *v;
	char *dump;

	if (size > 0) {
		opts.whole_page = data[0] & 1;
		opts.headline = (data[0] & 2) != 0;
	}
	if (sift_html_extract(html, size, &opts, &page, &err) != 0)
		abort();
	check_text(&page.text);
	if (!json_is_object(page.meta))
		abort();
	json_object_foreach(page.meta, key, v)
		if (!json_is_string(v))
			abort();
	dump = json_dumps(page.meta, JSON_COMPACT);
	if (dump == NULL)
		abort();
	free(dump);

	if (sift_utf8_check(html, size) == size) {
		sift_buf_reset(&pre);
		sift_html_prescan(html, size, &pre);
		if (sift_utf8_check(pre.data, pre.len) != pre.len)
			abort();
	}
	return 0;
}
