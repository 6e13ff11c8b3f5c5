#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io.h"

struct sift_prog sift_prog = { "sift", "usage: sift", "" };

void
sift_cli_init(const char *name, const char *synopsis, const char *help)
{
	sift_prog.name = name;
	sift_prog.synopsis = synopsis;
	sift_prog.help = help;
	/* a parent that ignores SIGPIPE must not turn "| head" into errors */
	signal(SIGPIPE, SIG_DFL);
}

static void
vmessage(const char *fmt, va_list ap)
{
	size_t n = strlen(fmt);
	int saved = errno;

	fprintf(stderr, "%s: ", sift_prog.name);
	vfprintf(stderr, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
sift_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
}

void
sift_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	exit(SIFT_EXIT_DATA);
}

void
sift_die_usage(const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL && *fmt != '\0') {
		va_start(ap, fmt);
		vmessage(fmt, ap);
		va_end(ap);
	}
	fprintf(stderr, "%s\nTry '%s --help'.\n", sift_prog.synopsis,
	    sift_prog.name);
	exit(SIFT_EXIT_USAGE);
}

static _Noreturn void
print_and_exit(const char *text)
{
	fputs(text, stdout);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE)
			exit(SIFT_EXIT_PIPE);
		sift_die("write error:");
	}
	exit(SIFT_EXIT_OK);
}

int
sift_common_option(struct sift_common *c, int opt, const char *arg)
{
	switch (opt) {
	case 'h':
		print_and_exit(sift_prog.help);
	case SIFT_OPT_VERSION: {
		static char text[128];

		snprintf(text, sizeof(text), "%s (sift) %s\n", sift_prog.name,
		    SIFT_VERSION);
		print_and_exit(text);
	}
	case SIFT_OPT_FIELD:
		if (*arg == '\0')
			sift_die_usage("--field needs a name");
		c->field = arg;
		return 1;
	case SIFT_OPT_ID_FIELD:
		if (*arg == '\0')
			sift_die_usage("--id-field needs a name");
		c->id_field = arg;
		return 1;
	case 'o':
		c->output = arg;
		return 1;
	case SIFT_OPT_ON_ERROR:
		if (strcmp(arg, "fail") == 0)
			c->on_error = SIFT_ON_ERROR_FAIL;
		else if (strcmp(arg, "skip") == 0)
			c->on_error = SIFT_ON_ERROR_SKIP;
		else if (strcmp(arg, "pass") == 0)
			c->on_error = SIFT_ON_ERROR_PASS;
		else
			sift_die_usage("invalid --on-error value: %s (fail, skip or pass)",
			    arg);
		return 1;
	case SIFT_OPT_PROGRESS:
		c->progress = 1;
		return 1;
	case 'u':
		c->unbuffered = 1;
		return 1;
	case '?':
	case ':':
		sift_die_usage(NULL);
	default:
		return 0;
	}
}

long long
sift_parse_int(const char *arg, long long min, long long max,
    const char *optname)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (end == arg || *end != '\0' || errno == ERANGE || v < min || v > max)
		sift_die_usage("invalid %s value: %s (%lld to %lld)", optname, arg,
		    min, max);
	return v;
}

double
sift_parse_double(const char *arg, double min, double max, const char *optname)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (end == arg || *end != '\0' || errno == ERANGE || !isfinite(v) ||
	    v < min || v > max)
		sift_die_usage("invalid %s value: %s (%g to %g)", optname, arg, min,
		    max);
	return v;
}

/* ---- the record loop ---- */

#define MAX_COUNTERS 16

struct sift_run {
	const struct sift_common *c;
	struct sift_input *in;
	struct sift_output *out;
	struct sift_buf line_out;	/* the serialized record */
	struct sift_buf msg;		/* the callback's error message */
	struct sift_error werr;		/* first write error */
	int write_failed;
	unsigned long long records, written, skipped, passed, blank, repairs;
	unsigned long long repaired_records;
	struct {
		const char *what;
		unsigned long long n;
	} counters[MAX_COUNTERS];
	size_t ncounters;
	struct timespec t0, last;
};

static double
seconds_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) +
	    (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

static void
show_progress(struct sift_run *run, int final)
{
	double el = seconds_since(&run->t0);
	double mb = (double)sift_input_bytes(run->in) / 1e6;

	if (el <= 0)
		el = 1e-9;
	fprintf(stderr, "\r%s: %llu records, %.1f MB, %.0f records/s, %.1f MB/s%s",
	    sift_prog.name, run->records, mb, (double)run->records / el, mb / el,
	    final ? "\n" : "");
}

static void
write_bytes(struct sift_run *run, const char *p, size_t n)
{
	if (run->write_failed)
		return;
	if (sift_output_write(run->out, p, n, &run->werr) < 0)
		run->write_failed = errno == EPIPE ? EPIPE : 1;
}

void
sift_run_emit_line(struct sift_run *run, const char *p, size_t n)
{
	write_bytes(run, p, n);
	write_bytes(run, "\n", 1);
	run->written++;
	if (run->c->unbuffered && !run->write_failed &&
	    sift_output_flush(run->out, &run->werr) < 0)
		run->write_failed = errno == EPIPE ? EPIPE : 1;
}

void
sift_run_emit(struct sift_run *run, const struct sift_record *rec)
{
	sift_buf_reset(&run->line_out);
	sift_record_write(rec, &run->line_out);
	sift_run_emit_line(run, run->line_out.data, run->line_out.len);
}

void
sift_run_fail(struct sift_run *run, const char *fmt, ...)
{
	va_list ap;

	sift_buf_reset(&run->msg);
	va_start(ap, fmt);
	sift_buf_vaddf(&run->msg, fmt, ap);
	va_end(ap);
}

const char *
sift_run_name(const struct sift_run *run)
{
	return sift_input_name(run->in);
}

size_t
sift_run_lineno(const struct sift_run *run)
{
	return sift_input_lineno(run->in);
}

const struct sift_common *
sift_run_common(const struct sift_run *run)
{
	return run->c;
}

unsigned long long *
sift_run_counter(struct sift_run *run, const char *what)
{
	size_t i;

	for (i = 0; i < run->ncounters; i++)
		if (strcmp(run->counters[i].what, what) == 0)
			return &run->counters[i].n;
	if (run->ncounters == MAX_COUNTERS)
		abort();	/* a programming error, not a data error */
	run->counters[run->ncounters].what = what;
	run->counters[run->ncounters].n = 0;
	return &run->counters[run->ncounters++].n;
}

/*
 * A record that failed under --on-error=pass is copied through.  A line that
 * is not a JSON object cannot be copied as it is without breaking the
 * stream, so it is wrapped: {"error": "<message>", "raw": "<the line>"}.
 */
static void
pass_through(struct sift_run *run, const char *line, size_t len, int parsed,
    const char *msg)
{
	if (parsed) {
		sift_run_emit_line(run, line, len);
		return;
	}
	sift_buf_reset(&run->line_out);
	sift_buf_add(&run->line_out, "{\"error\":", 9);
	sift_json_put_string(&run->line_out, msg, strlen(msg));
	sift_buf_add(&run->line_out, ",\"raw\":", 7);
	sift_json_put_string(&run->line_out, line, len);
	sift_buf_addc(&run->line_out, '}');
	sift_run_emit_line(run, run->line_out.data, run->line_out.len);
}

/* Apply --on-error to a bad record; returns -1 if the run must stop. */
static int
bad_record(struct sift_run *run, const char *line, size_t len, int parsed,
    const char *what, size_t column)
{
	struct sift_buf full = SIFT_BUF_INIT;
	int stop = 0;

	sift_buf_addf(&full, "%s:%zu:", sift_input_name(run->in),
	    sift_input_lineno(run->in));
	if (column)
		sift_buf_addf(&full, "%zu:", column);
	sift_buf_addf(&full, " %s", what);
	switch (run->c->on_error) {
	case SIFT_ON_ERROR_FAIL:
		sift_warn("%s", full.data);
		stop = 1;
		break;
	case SIFT_ON_ERROR_SKIP:
		sift_warn("%s (skipped)", full.data);
		run->skipped++;
		break;
	case SIFT_ON_ERROR_PASS:
		sift_warn("%s (passed through)", full.data);
		run->passed++;
		pass_through(run, line, len, parsed, full.data);
		break;
	}
	sift_buf_release(&full);
	return stop ? -1 : 0;
}

static void
report(struct sift_run *run)
{
	size_t i;

	if (run->repairs)
		sift_warn("repaired %llu invalid UTF-8 sequence%s in %llu record%s",
		    run->repairs, run->repairs == 1 ? "" : "s",
		    run->repaired_records, run->repaired_records == 1 ? "" : "s");
	if (run->skipped)
		sift_warn("skipped %llu bad record%s", run->skipped,
		    run->skipped == 1 ? "" : "s");
	if (run->passed)
		sift_warn("passed %llu bad record%s through unchanged", run->passed,
		    run->passed == 1 ? "" : "s");
	if (!run->c->progress)
		return;
	show_progress(run, 1);
	sift_warn("%llu records in, %llu records out, %llu blank lines skipped",
	    run->records, run->written, run->blank);
	for (i = 0; i < run->ncounters; i++)
		if (run->counters[i].n)
			sift_warn("%llu %s", run->counters[i].n, run->counters[i].what);
}

struct sift_run *
sift_run_begin(const struct sift_common *c, char *const *paths, size_t npaths)
{
	struct sift_run *run = sift_xcalloc(1, sizeof(*run));
	struct sift_error err = SIFT_ERROR_INIT;

	run->c = c;
	sift_buf_init(&run->line_out, 4096);
	sift_buf_init(&run->msg, 0);
	run->out = sift_output_new(c->output, &err);
	if (run->out == NULL)
		sift_die("%s", err.msg);
	run->in = sift_input_new(paths, npaths);
	clock_gettime(CLOCK_MONOTONIC, &run->t0);
	run->last = run->t0;
	return run;
}

struct sift_input *
sift_run_input(struct sift_run *run)
{
	return run->in;
}

int
sift_run_bad(struct sift_run *run, const char *where, const char *msg,
    const char *line, size_t len)
{
	struct sift_buf full = SIFT_BUF_INIT;
	int stop = 0;

	if (where != NULL)
		sift_buf_addf(&full, "%s: ", where);
	sift_buf_adds(&full, msg);
	switch (run->c->on_error) {
	case SIFT_ON_ERROR_FAIL:
		sift_warn("%s", full.data);
		stop = 1;
		break;
	case SIFT_ON_ERROR_SKIP:
		sift_warn("%s (skipped)", full.data);
		run->skipped++;
		break;
	case SIFT_ON_ERROR_PASS:
		sift_warn("%s (passed through)", full.data);
		run->passed++;
		if (line != NULL)
			pass_through(run, line, len, 0, full.data);
		break;
	}
	sift_buf_release(&full);
	return stop ? -1 : 0;
}

void
sift_run_note(struct sift_run *run, unsigned long long records,
    unsigned long long repairs)
{
	run->records += records;
	if (repairs) {
		run->repairs += repairs;
		run->repaired_records++;
	}
	if (run->c->progress && seconds_since(&run->last) >= 1.0) {
		clock_gettime(CLOCK_MONOTONIC, &run->last);
		show_progress(run, 0);
	}
}

int
sift_run_failed_output(const struct sift_run *run)
{
	return run->write_failed != 0;
}

int
sift_run_finish(struct sift_run *run, int status)
{
	struct sift_error err = SIFT_ERROR_INIT;

	if (run->write_failed == EPIPE) {
		/* the reader went away: end quietly, as a signal-killed filter would */
		status = SIFT_EXIT_PIPE;
	} else if (run->write_failed) {
		sift_warn("%s", run->werr.msg);
		status = SIFT_EXIT_DATA;
	} else {
		struct sift_output *o = run->out;

		run->out = NULL;
		if (sift_output_close(o, &err) < 0) {
			if (errno == EPIPE) {
				status = SIFT_EXIT_PIPE;
			} else {
				sift_warn("%s", err.msg);
				status = SIFT_EXIT_DATA;
			}
		}
	}
	if (status != SIFT_EXIT_PIPE)
		report(run);
	if (run->out)
		(void)sift_output_close(run->out, &err);	/* already failed */
	sift_input_free(run->in);
	sift_buf_release(&run->line_out);
	sift_buf_release(&run->msg);
	free(run);
	return status;
}

int
sift_run(const struct sift_common *c, char *const *paths, size_t npaths,
    const struct sift_run_spec *spec)
{
	struct sift_run *run = sift_run_begin(c, paths, npaths);
	struct sift_record rec = SIFT_RECORD_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	const char *line;
	size_t len;
	int r, status = SIFT_EXIT_OK;

	while (!run->write_failed &&
	    (r = sift_input_getline(run->in, &line, &len, &err)) != 0) {
		if (r < 0) {
			sift_warn("%s", err.msg);
			status = SIFT_EXIT_DATA;
			break;
		}
		if (len == 0) {
			run->blank++;
			continue;
		}
		run->records++;
		if (sift_record_parse(&rec, line, len, &err) < 0) {
			char what[sizeof(err.msg) + 16];

			snprintf(what, sizeof(what), "invalid JSON: %s", err.msg);
			if (bad_record(run, line, len, 0, what, err.column) < 0) {
				status = SIFT_EXIT_DATA;
				break;
			}
			continue;
		}
		if (rec.utf8_repairs) {
			run->repairs += rec.utf8_repairs;
			run->repaired_records++;
		}
		sift_buf_reset(&run->msg);
		r = spec->record(run, &rec, spec->state);
		if (r == SIFT_REC_KEEP) {
			sift_run_emit(run, &rec);
		} else if (r == SIFT_REC_FAIL) {
			/* pass the (repaired) input line, not a half-changed record */
			if (bad_record(run, rec.line, rec.len, 1,
			    run->msg.len ? run->msg.data : "bad record", 0) < 0) {
				status = SIFT_EXIT_DATA;
				break;
			}
		}
		if (c->progress && (run->records & 1023) == 0 &&
		    seconds_since(&run->last) >= 1.0) {
			clock_gettime(CLOCK_MONOTONIC, &run->last);
			show_progress(run, 0);
		}
	}
	if (status == SIFT_EXIT_OK && !run->write_failed && spec->end != NULL) {
		sift_buf_reset(&run->msg);
		if (spec->end(run, spec->state) < 0) {
			sift_warn("%s: %s", sift_input_name(run->in),
			    run->msg.len ? run->msg.data : "error at end of input");
			status = SIFT_EXIT_DATA;
		}
	}
	sift_record_release(&rec);
	return sift_run_finish(run, status);
}
