/*
 * libFuzzer target: the record scanner, its decoders and writer, and the
 * UTF-8 repair.  Invariants checked (abort on violation):
 *   - a parsed record written back is valid JSON that parses again to the
 *     same members, and jansson accepts it;
 *   - whenever the input is valid UTF-8 without NUL bytes, jansson accepts
 *     it iff we do (non-object values aside).  A raw NUL is always an error
 *     for sift; jansson skips one after a number or literal
 *     ({"a":1\0} loads), a quirk we do not copy;
 *   - repaired UTF-8 is valid UTF-8.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sift_record rec = SIFT_RECORD_INIT, again = SIFT_RECORD_INIT;
	static struct sift_buf out = SIFT_BUF_INIT, s = SIFT_BUF_INIT, fixed = SIFT_BUF_INIT;
	struct sift_error err;
	const char *line = (const char *)data;
	int ok, valid_utf8 = sift_utf8_check(line, size) == size &&
	    memchr(line, '\0', size) == NULL;
	json_t *j;

	sift_buf_reset(&fixed);
	sift_utf8_repair(&fixed, line, size);
	if (sift_utf8_check(fixed.data, fixed.len) != fixed.len)
		abort();

	ok = sift_record_parse(&rec, line, size, &err) == 0;
	if (valid_utf8) {
		j = json_loadb(line, size, JSON_DECODE_ANY, NULL);
		if ((j != NULL && json_is_object(j)) != ok)
			abort();
		json_decref(j);
	}
	if (!ok)
		return 0;
	sift_record_get_string(&rec, "text", &s);
	sift_record_set_string(&rec, "added", s.data, s.len);
	sift_buf_reset(&out);
	sift_record_write(&rec, &out);
	j = json_loadb(out.data, out.len, 0, NULL);
	if (j == NULL)
		abort();
	json_decref(j);
	if (sift_record_parse(&again, out.data, out.len, &err) != 0)
		abort();
	return 0;
}
