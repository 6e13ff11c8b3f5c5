/*
 * gen-corpus - make a large, deterministic benchmark corpus from sift
 * records (the sample corpus), for make bench.
 *
 * usage: gen-corpus MEGABYTES < records.ndjson > corpus.ndjson
 *
 * The input records' text lines form a pool.  Each output document takes
 * the lines of one input document (so it keeps a realistic shape: title,
 * frame, body) and replaces two thirds of its body lines with lines drawn
 * from the whole pool by a fixed-seed generator, so documents are distinct
 * (estimated Jaccard well under sift-dedup's 0.4) while about one in eight
 * is an exact copy of its source page, as in real crawls.  The same arguments give the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "io.h"
#include "json.h"

struct doc {
	size_t first, n;	/* its lines in the pool */
};

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

static unsigned long long
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

int
main(int argc, char *argv[])
{
	struct sift_input *in = sift_input_new(NULL, 0);
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_buf text = SIFT_BUF_INIT, out = SIFT_BUF_INIT, id = SIFT_BUF_INIT;
	struct sift_error err;
	char **pool = NULL;
	size_t *poollen = NULL, npool = 0, cappool = 0, ndocs = 0, capdocs = 0;
	struct doc *docs = NULL;
	unsigned long long target, written = 0, k = 0;
	const char *line;
	size_t len, i;
	int r;

	if (argc != 2 || (target = strtoull(argv[1], NULL, 10)) == 0) {
		fprintf(stderr, "usage: gen-corpus MEGABYTES < records > corpus\n");
		return 2;
	}
	target *= 1000000ULL;
	while ((r = sift_input_getline(in, &line, &len, &err)) > 0) {
		const char *s, *e;

		if (len == 0 || sift_record_parse(&rec, line, len, &err) < 0 ||
		    sift_record_get_string(&rec, "text", &text) != 1)
			continue;
		if (ndocs == capdocs) {
			capdocs = capdocs ? capdocs * 2 : 64;
			docs = sift_xrealloc(docs, capdocs * sizeof(*docs));
		}
		docs[ndocs].first = npool;
		for (s = text.data; s < text.data + text.len; s = e + 1) {
			e = memchr(s, '\n', (size_t)(text.data + text.len - s));
			if (e == NULL)
				e = text.data + text.len;
			if (npool == cappool) {
				cappool = cappool ? cappool * 2 : 1024;
				pool = sift_xrealloc(pool, cappool * sizeof(*pool));
				poollen = sift_xrealloc(poollen, cappool * sizeof(*poollen));
			}
			pool[npool] = sift_xstrndup(s, (size_t)(e - s));
			poollen[npool++] = (size_t)(e - s);
		}
		docs[ndocs].n = npool - docs[ndocs].first;
		ndocs++;
	}
	if (r < 0 || ndocs == 0) {
		fprintf(stderr, "gen-corpus: no records with text on stdin\n");
		return 1;
	}
	while (written < target) {
		struct doc *d = &docs[next_rand() % ndocs];
		int copy = next_rand() % 8 == 0;

		sift_buf_reset(&text);
		for (i = 0; i < d->n; i++) {
			size_t pick = d->first + i;

			/* keep the first lines (title, frame) and most of the body */
			if (!copy && i > 3 && next_rand() % 3 != 0)
				pick = next_rand() % npool;
			sift_buf_add(&text, pool[pick], poollen[pick]);
			sift_buf_addc(&text, '\n');
		}
		sift_buf_reset(&id);
		sift_buf_addf(&id, "bench-%llu", k++);
		sift_record_clear(&rec);
		sift_record_set_string(&rec, "id", id.data, id.len);
		sift_record_set_string(&rec, "source", "gen-corpus", 10);
		sift_record_set_string(&rec, "text", text.data, text.len);
		sift_buf_reset(&out);
		sift_record_write(&rec, &out);
		sift_buf_addc(&out, '\n');
		if (fwrite(out.data, 1, out.len, stdout) != out.len)
			return 1;
		written += out.len;
	}
	for (i = 0; i < npool; i++)
		free(pool[i]);
	free(pool);
	free(poollen);
	free(docs);
	sift_record_release(&rec);
	sift_buf_release(&text);
	sift_buf_release(&out);
	sift_buf_release(&id);
	sift_input_free(in);
	return fclose(stdout) != 0;
}
