/* F_SETPIPE_SZ is Linux-only and needs _GNU_SOURCE. */
#define _GNU_SOURCE
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define IN_CHUNK (256 * 1024)
#define OUT_CHUNK (256 * 1024)
#define PIPE_SIZE (1024 * 1024)

/*
 * Input is read with plain read(2), not gzread: gzread keeps calling
 * read() until its whole request is filled, so a filter reading a pipe
 * sat idle until the stage before it had written 256 KB, and the two
 * stages of a pipeline took turns instead of running at once.  Here a
 * refill returns whatever the pipe holds.  Gzip is recognised by its
 * magic bytes and inflated with zlib's stream API (as zpipe does).
 */
struct sift_input {
	char *const *paths;
	size_t npaths, next;	/* next operand to open */
	const char *name;	/* current operand's name */
	int fd;			/* -1 when no operand is open */
	int gzip;		/* current operand is gzip */
	int raw_eof;		/* read() returned 0 */
	int member_done;	/* gzip: a member ended, look for another */
	z_stream zs;
	unsigned char *raw;	/* compressed bytes (and a plain operand's first read) */
	size_t raw_pos, raw_fill;
	int eof;		/* current operand exhausted */
	int at_start;		/* no line returned yet from this operand */
	size_t lineno;
	unsigned long long bytes;
	char *buf;		/* read buffer */
	size_t pos, fill;
	struct sift_buf long_line;	/* lines that span buffer refills */
};

struct sift_input *
sift_input_new(char *const *paths, size_t npaths)
{
	struct sift_input *in = sift_xcalloc(1, sizeof(*in));

	in->paths = paths;
	in->npaths = npaths;
	in->buf = sift_xmalloc(IN_CHUNK + 1);
	in->raw = sift_xmalloc(IN_CHUNK);
	in->fd = -1;
	in->eof = 1;
	in->name = npaths ? paths[0] : "<stdin>";
	sift_buf_init(&in->long_line, 0);
	return in;
}

/* A larger pipe means fewer wake-ups between pipeline stages. */
static void
widen_pipe(int fd)
{
#ifdef F_SETPIPE_SZ
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode) &&
	    fcntl(fd, F_GETPIPE_SZ) < PIPE_SIZE)
		(void)fcntl(fd, F_SETPIPE_SZ, PIPE_SIZE);
#else
	(void)fd;
#endif
}

static ssize_t
read_some(int fd, void *p, size_t n)
{
	ssize_t r;

	do
		r = read(fd, p, n);
	while (r < 0 && errno == EINTR);
	return r;
}

static void
close_current(struct sift_input *in)
{
	if (in->fd < 0)
		return;
	if (in->gzip)
		inflateEnd(&in->zs);
	close(in->fd);
	in->fd = -1;
	in->gzip = 0;
}

/* Read more compressed bytes into in->raw; 1 read, 0 at end, -1 error. */
static int
raw_more(struct sift_input *in, struct sift_error *err)
{
	ssize_t r;

	if (in->raw_eof)
		return 0;
	r = read_some(in->fd, in->raw, IN_CHUNK);
	if (r < 0)
		return sift_error_set(err, 0, "%s: %s", in->name, strerror(errno));
	if (r == 0) {
		in->raw_eof = 1;
		return 0;
	}
	in->raw_pos = 0;
	in->raw_fill = (size_t)r;
	return 1;
}

/* Open the next operand; 1 if opened, 0 if none left, -1 on error. */
static int
open_next(struct sift_input *in, struct sift_error *err)
{
	const char *path;
	int r;

	if (in->npaths == 0 && in->next == 0) {
		path = "-";
	} else if (in->next < in->npaths) {
		path = in->paths[in->next];
	} else {
		return 0;
	}
	in->next++;
	if (strcmp(path, "-") == 0) {
		in->name = "<stdin>";
		in->fd = dup(STDIN_FILENO);
	} else {
		in->name = path;
		in->fd = open(path, O_RDONLY);
	}
	if (in->fd < 0)
		return sift_error_set(err, 0, "%s: %s", in->name, strerror(errno));
	widen_pipe(in->fd);
	in->raw_eof = 0;
	in->raw_pos = in->raw_fill = 0;
	in->member_done = 0;
	in->gzip = 0;
	/* two bytes decide: gzip's magic, or plain text */
	while (in->raw_fill < 2) {
		ssize_t n = read_some(in->fd, in->raw + in->raw_fill,
		    IN_CHUNK - in->raw_fill);

		if (n < 0) {
			r = sift_error_set(err, 0, "%s: %s", in->name,
			    strerror(errno));
			close_current(in);
			return r;
		}
		if (n == 0) {
			in->raw_eof = 1;
			break;
		}
		in->raw_fill += (size_t)n;
	}
	if (in->raw_fill >= 2 && in->raw[0] == 0x1f && in->raw[1] == 0x8b) {
		memset(&in->zs, 0, sizeof(in->zs));
		if (inflateInit2(&in->zs, 15 + 16) != Z_OK) {
			close(in->fd);
			in->fd = -1;
			return sift_error_set(err, 0, "%s: cannot start gzip decoder",
			    in->name);
		}
		in->gzip = 1;
	}
	in->eof = 0;
	in->at_start = 1;
	in->lineno = 0;
	in->pos = in->fill = 0;
	return 1;
}

/* Inflate into in->buf; bytes produced, 0 at the end, -1 on error. */
static int
inflate_some(struct sift_input *in, struct sift_error *err)
{
	for (;;) {
		int ret;
		size_t have;

		if (in->raw_pos == in->raw_fill) {
			int r = raw_more(in, err);

			if (r < 0)
				return -1;
			if (r == 0) {
				if (in->member_done)
					return 0;
				return sift_error_set(err, 0,
				    "%s: truncated gzip input", in->name);
			}
		}
		if (in->member_done) {
			/*
			 * Concatenated members are one stream (gzip -c a b);
			 * bytes after the last member that are not gzip are
			 * ignored, as gzread does.
			 */
			if (in->raw[in->raw_pos] != 0x1f) {
				in->raw_pos = in->raw_fill;
				in->raw_eof = 1;
				return 0;
			}
			inflateReset(&in->zs);
			in->member_done = 0;
		}
		in->zs.next_in = in->raw + in->raw_pos;
		in->zs.avail_in = (uInt)(in->raw_fill - in->raw_pos);
		in->zs.next_out = (unsigned char *)in->buf;
		in->zs.avail_out = IN_CHUNK;
		ret = inflate(&in->zs, Z_NO_FLUSH);
		in->raw_pos = in->raw_fill - in->zs.avail_in;
		have = IN_CHUNK - in->zs.avail_out;
		if (ret == Z_STREAM_END)
			in->member_done = 1;
		else if (ret != Z_OK && ret != Z_BUF_ERROR)
			return sift_error_set(err, 0, "%s: %s", in->name,
			    in->zs.msg ? in->zs.msg : "invalid gzip data");
		if (have > 0)
			return (int)have;
	}
}

/* Refill the read buffer; returns bytes read (0 at end) or -1. */
static int
refill(struct sift_input *in, struct sift_error *err)
{
	ssize_t n;

	if (in->gzip) {
		n = inflate_some(in, err);
		if (n < 0)
			return -1;
	} else if (in->raw_pos < in->raw_fill) {
		/* the bytes read to sniff for gzip */
		n = (ssize_t)(in->raw_fill - in->raw_pos);
		memcpy(in->buf, in->raw + in->raw_pos, (size_t)n);
		in->raw_pos = in->raw_fill;
	} else if (in->raw_eof) {
		n = 0;
	} else {
		n = read_some(in->fd, in->buf, IN_CHUNK);
		if (n < 0)
			return sift_error_set(err, 0, "%s: %s", in->name,
			    strerror(errno));
	}
	in->pos = 0;
	in->fill = (size_t)n;
	in->bytes += (unsigned long long)n;
	return (int)n;
}

static void
finish_line(struct sift_input *in, char *s, size_t n, const char **line,
    size_t *len)
{
	if (n > 0 && s[n - 1] == '\r')
		n--;
	s[n] = '\0';
	if (in->at_start) {
		in->at_start = 0;
		if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			n -= 3;
		}
	}
	in->lineno++;
	*line = s;
	*len = n;
}

int
sift_input_getline(struct sift_input *in, const char **line, size_t *len,
    struct sift_error *err)
{
	char *nl;
	int r;

	for (;;) {
		if (in->eof) {
			close_current(in);
			r = open_next(in, err);
			if (r <= 0)
				return r;
		}
		/* fast path: a whole line inside the buffer */
		if (in->pos < in->fill) {
			nl = memchr(in->buf + in->pos, '\n', in->fill - in->pos);
			if (nl != NULL) {
				char *s = in->buf + in->pos;

				in->pos = (size_t)(nl - in->buf) + 1;
				finish_line(in, s, (size_t)(nl - s), line, len);
				return 1;
			}
		}
		/* slow path: the line continues past the buffer */
		sift_buf_reset(&in->long_line);
		for (;;) {
			sift_buf_add(&in->long_line, in->buf + in->pos,
			    in->fill - in->pos);
			in->pos = in->fill;
			r = refill(in, err);
			if (r < 0)
				return -1;
			if (r == 0) {
				in->eof = 1;
				if (in->long_line.len == 0)
					break;	/* next operand */
				finish_line(in, in->long_line.data,
				    in->long_line.len, line, len);
				return 1;
			}
			nl = memchr(in->buf, '\n', in->fill);
			if (nl != NULL && in->long_line.len == 0) {
				/* the line starts in the new buffer: back to the fast path */
				break;
			}
			if (nl != NULL) {
				sift_buf_add(&in->long_line, in->buf,
				    (size_t)(nl - in->buf));
				in->pos = (size_t)(nl - in->buf) + 1;
				finish_line(in, in->long_line.data,
				    in->long_line.len, line, len);
				return 1;
			}
		}
	}
}

const char *
sift_input_name(const struct sift_input *in)
{
	return in->name;
}

size_t
sift_input_lineno(const struct sift_input *in)
{
	return in->lineno;
}

unsigned long long
sift_input_bytes(const struct sift_input *in)
{
	return in->bytes;
}

void
sift_input_free(struct sift_input *in)
{
	if (in == NULL)
		return;
	close_current(in);
	free(in->buf);
	free(in->raw);
	sift_buf_release(&in->long_line);
	free(in);
}

int
sift_read_file(const char *path, struct sift_buf *out, struct sift_error *err)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) : open(path, O_RDONLY);
	gzFile gz;
	int n, errnum;

	if (fd < 0)
		return sift_error_set(err, 0, "%s: %s", name, strerror(errno));
	gz = gzdopen(fd, "rb");
	if (gz == NULL) {
		close(fd);
		return sift_error_set(err, 0, "%s: cannot open", name);
	}
	for (;;) {
		sift_buf_grow(out, IN_CHUNK);
		n = gzread(gz, out->data + out->len, IN_CHUNK);
		if (n <= 0)
			break;
		out->len += (size_t)n;
		out->data[out->len] = '\0';
	}
	if (n < 0 || (gzerror(gz, &errnum), errnum != Z_OK && errnum != Z_STREAM_END)) {
		const char *msg = gzerror(gz, &errnum);

		sift_error_set(err, 0, "%s: %s", name,
		    errnum == Z_ERRNO ? strerror(errno) :
		    errnum == Z_BUF_ERROR ? "truncated gzip input" : msg);
		gzclose(gz);
		return -1;
	}
	gzclose(gz);
	return 0;
}

struct sift_output {
	const char *name;
	FILE *fp;	/* plain output */
	gzFile gz;	/* gzip output */
	char *buf;
	size_t len;
};

static int
has_gz_suffix(const char *path)
{
	size_t n = strlen(path);

	return n > 3 && strcmp(path + n - 3, ".gz") == 0;
}

struct sift_output *
sift_output_new(const char *path, struct sift_error *err)
{
	struct sift_output *o = sift_xcalloc(1, sizeof(*o));

	if (path == NULL || strcmp(path, "-") == 0) {
		o->name = "<stdout>";
		o->fp = stdout;
		widen_pipe(STDOUT_FILENO);
	} else if (has_gz_suffix(path)) {
		o->name = path;
		o->gz = gzopen(path, "wb6");
		if (o->gz == NULL) {
			sift_error_set(err, 0, "%s: %s", path, strerror(errno));
			free(o);
			return NULL;
		}
	} else {
		o->name = path;
		o->fp = fopen(path, "wb");
		if (o->fp == NULL) {
			sift_error_set(err, 0, "%s: %s", path, strerror(errno));
			free(o);
			return NULL;
		}
	}
	o->buf = sift_xmalloc(OUT_CHUNK);
	return o;
}

static int
drain(struct sift_output *o, const void *p, size_t n, struct sift_error *err)
{
	if (n == 0)
		return 0;
	if (o->gz) {
		if (gzwrite(o->gz, p, (unsigned)n) != (int)n) {
			int errnum;
			const char *msg = gzerror(o->gz, &errnum);

			return sift_error_set(err, 0, "%s: write error: %s", o->name,
			    errnum == Z_ERRNO ? strerror(errno) : msg);
		}
		return 0;
	}
	if (fwrite(p, 1, n, o->fp) != n) {
		if (o->fp == stdout)
			return sift_error_set(err, 0, "write error: %s",
			    strerror(errno));
		return sift_error_set(err, 0, "%s: write error: %s", o->name,
		    strerror(errno));
	}
	return 0;
}

int
sift_output_write(struct sift_output *o, const void *p, size_t n,
    struct sift_error *err)
{
	if (o->len + n > OUT_CHUNK) {
		if (drain(o, o->buf, o->len, err) < 0)
			return -1;
		o->len = 0;
		if (n > OUT_CHUNK / 2)
			return drain(o, p, n, err);
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
	return 0;
}

int
sift_output_flush(struct sift_output *o, struct sift_error *err)
{
	if (drain(o, o->buf, o->len, err) < 0)
		return -1;
	o->len = 0;
	if (o->fp && fflush(o->fp) != 0) {
		if (o->fp == stdout)
			return sift_error_set(err, 0, "write error: %s",
			    strerror(errno));
		return sift_error_set(err, 0, "%s: write error: %s", o->name,
		    strerror(errno));
	}
	return 0;
}

int
sift_output_close(struct sift_output *o, struct sift_error *err)
{
	int r = sift_output_flush(o, err);

	if (o->gz) {
		if (gzclose(o->gz) != Z_OK && r == 0)
			r = sift_error_set(err, 0, "%s: write error", o->name);
	} else if (o->fp == stdout) {
		if ((ferror(stdout) || fclose(stdout) != 0) && r == 0)
			r = sift_error_set(err, 0, "write error: %s", strerror(errno));
	} else if (fclose(o->fp) != 0 && r == 0) {
		r = sift_error_set(err, 0, "%s: write error: %s", o->name,
		    strerror(errno));
	}
	free(o->buf);
	free(o);
	return r;
}

const char *
sift_output_name(const struct sift_output *o)
{
	return o->name;
}
