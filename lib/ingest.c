#include "ingest.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

static int
ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

void
sift_ingest_id(struct sift_buf *out, const char *prefix, const char *path)
{
	static const char *const exts[] = { ".txt", ".text", ".md", ".html",
	    ".htm", ".ndjson", ".jsonl", NULL };
	size_t n, i;

	sift_buf_reset(out);
	if (prefix)
		sift_buf_adds(out, prefix);
	if (strcmp(path, "-") == 0) {
		sift_buf_adds(out, "stdin");
		return;
	}
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	n = strlen(path);
	if (ends_with(path, n, ".gz"))
		n -= 3;
	for (i = 0; exts[i] != NULL; i++) {
		size_t k = strlen(exts[i]);

		if (n > k && memcmp(path + n - k, exts[i], k) == 0) {
			n -= k;
			break;
		}
	}
	sift_buf_add(out, path, n);
}

size_t
sift_ingest_text(struct sift_record *rec, const char *id, const char *source,
    struct sift_buf *text, struct sift_buf *scratch)
{
	size_t repairs = 0, i, w;
	char *s;

	if (sift_utf8_check(text->data, text->len) != text->len) {
		sift_buf_reset(scratch);
		repairs += sift_utf8_repair(scratch, text->data, text->len);
		sift_buf_reset(text);
		sift_buf_add(text, scratch->data, scratch->len);
	}
	/* drop a BOM, fold CRLF, count NULs (the JSON writer turns them
	 * into U+FFFD) */
	s = text->data;
	i = w = 0;
	if (text->len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < text->len; i++) {
		if (s[i] == '\r' && i + 1 < text->len && s[i + 1] == '\n')
			continue;
		if (s[i] == '\0')
			repairs++;
		s[w++] = s[i];
	}
	sift_buf_setlen(text, w);

	sift_record_clear(rec);
	sift_record_set_string(rec, "id", id, strlen(id));
	sift_record_set_string(rec, "source", source, strlen(source));
	sift_record_set_string(rec, "text", text->data, text->len);
	return repairs;
}

int
sift_record_rename(struct sift_record *rec, const char *from, const char *to)
{
	long i = sift_record_find(rec, from), j;
	struct sift_member *m;
	size_t off;

	if (i < 0)
		return -1;
	if (strcmp(from, to) == 0)
		return 0;
	/* remove an existing "to" (other than the member itself) */
	j = sift_record_find(rec, to);
	if (j >= 0)
		rec->m[j].deleted = 1;
	m = &rec->m[i];
	if (!m->owned) {
		/* move the value into rec->own so key and value share a base */
		off = rec->own.len;
		sift_buf_add(&rec->own, rec->line + m->val_off, m->val_len);
		m->val_off = off;
		m->owned = 1;
	}
	off = rec->own.len;
	sift_json_put_string(&rec->own, to, strlen(to));
	m->key_off = off + 1;
	m->key_len = rec->own.len - off - 2;
	m->key_escaped = memchr(rec->own.data + m->key_off, '\\', m->key_len) != NULL;
	return 0;
}

int
sift_ingest_map_record(struct sift_record *rec,
    const struct sift_ingest_map *map, const char *name, size_t lineno,
    struct sift_buf *scratch, struct sift_error *err)
{
	enum sift_json_type t;
	const char *raw;
	size_t len;

	if (map->text_from && sift_record_find(rec, map->text_from) >= 0)
		sift_record_rename(rec, map->text_from, map->text_field);
	if (map->id_from && sift_record_find(rec, map->id_from) >= 0)
		sift_record_rename(rec, map->id_from, map->id_field);
	if (map->source_from && sift_record_find(rec, map->source_from) >= 0)
		sift_record_rename(rec, map->source_from, "source");

	t = sift_record_type(rec, map->text_field);
	if (map->require_text && t == SIFT_JSON_NONE)
		return sift_error_set(err, 0, "missing field \"%s\"%s",
		    map->text_field, map->text_from ? "" :
		    " (name the text field with --text-from)");
	if (t != SIFT_JSON_NONE && t != SIFT_JSON_STRING)
		return sift_error_set(err, 0, "field \"%s\" is not a string",
		    map->text_field);

	t = sift_record_type(rec, map->id_field);
	if (t == SIFT_JSON_NONE || t == SIFT_JSON_NULL) {
		sift_buf_reset(scratch);
		sift_buf_addf(scratch, "%s:%zu", name, lineno);
		sift_record_set_string(rec, map->id_field, scratch->data,
		    scratch->len);
	} else if (t == SIFT_JSON_NUMBER) {
		raw = sift_record_raw(rec, map->id_field, &len);
		sift_buf_reset(scratch);
		sift_buf_add(scratch, raw, len);
		sift_record_set_string(rec, map->id_field, scratch->data,
		    scratch->len);
	} else if (t != SIFT_JSON_STRING) {
		return sift_error_set(err, 0, "field \"%s\" is not a string",
		    map->id_field);
	}
	if (sift_record_type(rec, "source") == SIFT_JSON_NONE)
		sift_record_set_string(rec, "source", name, strlen(name));
	return 0;
}
