/*
 * html_record.c - HTML pages as sift records, for sift-ingest --html and
 * --ndjson --html-from.
 */
#include "html.h"

#include <string.h>

#include "ingest.h"

/* The canonical URL of the page just extracted, or NULL. */
static const char *
canonical(const struct sift_html_page *page, size_t *len)
{
	json_t *c = json_object_get(page->meta, "canonical");

	if (!json_is_string(c))
		return NULL;
	*len = json_string_length(c);
	return json_string_value(c);
}

int
sift_html_record(struct sift_record *rec, const char *id,
    const char *source, const char *html, size_t n,
    const struct sift_html_opts *opts, struct sift_html_page *page,
    struct sift_error *err)
{
	const char *url;
	size_t len;

	if (sift_html_extract(html, n, opts, page, err) < 0)
		return -1;
	sift_record_clear(rec);
	sift_record_set_string(rec, "id", id, strlen(id));
	if ((url = canonical(page, &len)) != NULL)
		sift_record_set_string(rec, "source", url, len);
	else
		sift_record_set_string(rec, "source", source, strlen(source));
	sift_record_set_string(rec, "text", page->text.data, page->text.len);
	if (json_object_size(page->meta) > 0)
		sift_record_set_json(rec, "meta", json_incref(page->meta));
	return 0;
}

int
sift_html_map_record(struct sift_record *rec, const char *field,
    const char *text_field, const struct sift_html_opts *opts,
    struct sift_html_page *page, struct sift_buf *scratch,
    struct sift_error *err)
{
	struct sift_html_opts utf8 = SIFT_HTML_OPTS_INIT;
	json_t *meta;
	const char *url;
	size_t len;
	int r;

	r = sift_record_get_string(rec, field, scratch);
	if (r == 0)
		return sift_error_set(err, 0, "no HTML member \"%s\"", field);
	if (r < 0)
		return sift_error_set(err, 0, "member \"%s\" is not a string",
		    field);
	if (opts != NULL)
		utf8 = *opts;
	utf8.charset = "UTF-8";
	if (sift_html_extract(scratch->data, scratch->len, &utf8, page,
	    err) < 0)
		return -1;
	if (strcmp(field, text_field) != 0)
		sift_record_rename(rec, field, text_field);
	sift_record_set_string(rec, text_field, page->text.data,
	    page->text.len);
	if (sift_record_type(rec, "source") == SIFT_JSON_NONE &&
	    (url = canonical(page, &len)) != NULL)
		sift_record_set_string(rec, "source", url, len);
	if (json_object_size(page->meta) == 0)
		return 0;
	meta = sift_record_get_json(rec, "meta");
	if (json_is_object(meta)) {
		json_object_update_missing(meta, page->meta);
	} else {
		json_decref(meta);
		meta = json_incref(page->meta);
	}
	sift_record_set_json(rec, "meta", meta);
	return 0;
}
