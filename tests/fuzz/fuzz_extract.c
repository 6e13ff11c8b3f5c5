/*
 * libFuzzer target: the entity extractor (names, quotes, numbers, dates,
 * links, keywords) on arbitrary (repaired) text, with and without a
 * document date.  Invariant: it never crashes and always writes a JSON
 * object that jansson accepts.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>

#include "extract.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sift_extract x = SIFT_EXTRACT_INIT;
	static struct sift_buf text = SIFT_BUF_INIT, out = SIFT_BUF_INIT;
	struct sift_extract_opts opts = SIFT_EXTRACT_OPTS_INIT;
	struct sift_ymd day = { 2025, 3, 14, -1, 0 };
	json_t *j;
	int pass;

	sift_buf_reset(&text);
	sift_utf8_repair(&text, (const char *)data, size);
	for (pass = 0; pass < 2; pass++) {
		opts.mentions = pass;
		sift_buf_reset(&out);
		sift_extract(&x, text.data, text.len, pass ? &day : NULL, NULL,
		    &opts, &out);
		j = json_loadb(out.data, out.len, 0, NULL);
		if (j == NULL || !json_is_object(j))
			abort();
		json_decref(j);
	}
	return 0;
}
