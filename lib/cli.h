/*
 * cli.h - the plumbing every filter's main() shares: messages, common
 * options, and the record loop with its error policy.
 *
 * Unlike the rest of lib/, this module is for filters/ only: die() and
 * die_usage() print and exit.  Library logic never calls them.
 */
#ifndef SIFT_CLI_H
#define SIFT_CLI_H

#include <getopt.h>
#include <stddef.h>

#include "error.h"
#include "json.h"

#define SIFT_VERSION "0.1.0"

enum sift_exit {
	SIFT_EXIT_OK = 0,
	SIFT_EXIT_DATA = 1,	/* bad input, I/O error, out of memory */
	SIFT_EXIT_USAGE = 2,	/* called wrong */
	SIFT_EXIT_PIPE = 141	/* the reader went away (128 + SIGPIPE) */
};

enum sift_on_error {
	SIFT_ON_ERROR_FAIL,	/* report position, stop, exit 1 (default) */
	SIFT_ON_ERROR_SKIP,	/* warn, drop the record, count it */
	SIFT_ON_ERROR_PASS	/* warn, write the record unchanged, count it */
};

/* Program identity, set once by sift_cli_init. */
struct sift_prog {
	const char *name;	/* "sift-clean" */
	const char *synopsis;	/* "usage: sift-clean [options] [file ...]" */
	const char *help;	/* the whole --help text */
};

extern struct sift_prog sift_prog;

/* Set the program identity and restore SIGPIPE's default action. */
void sift_cli_init(const char *name, const char *synopsis, const char *help);

/* "<prog>: message"; a format ending in ':' appends strerror(errno). */
void sift_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void sift_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print the message, the synopsis and "Try '<prog> --help'." and exit 2. */
_Noreturn void sift_die_usage(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Options every filter has. */
struct sift_common {
	const char *field;		/* --field NAME: the text field (text) */
	const char *id_field;		/* --id-field NAME (id) */
	const char *output;		/* -o FILE (NULL: stdout) */
	enum sift_on_error on_error;	/* --on-error=fail|skip|pass */
	int progress;			/* --progress */
	int unbuffered;			/* -u: flush after each record */
};

#define SIFT_COMMON_INIT { "text", "id", NULL, SIFT_ON_ERROR_FAIL, 0, 0 }

enum {
	SIFT_OPT_VERSION = 0x1000,
	SIFT_OPT_FIELD,
	SIFT_OPT_ID_FIELD,
	SIFT_OPT_ON_ERROR,
	SIFT_OPT_PROGRESS,
	SIFT_OPT_FIRST_FILTER = 0x1100	/* filters number their own from here */
};

#define SIFT_COMMON_SHORTOPTS "ho:u"
#define SIFT_COMMON_LONGOPTS \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, SIFT_OPT_VERSION }, \
	{ "field", required_argument, NULL, SIFT_OPT_FIELD }, \
	{ "id-field", required_argument, NULL, SIFT_OPT_ID_FIELD }, \
	{ "output", required_argument, NULL, 'o' }, \
	{ "on-error", required_argument, NULL, SIFT_OPT_ON_ERROR }, \
	{ "progress", no_argument, NULL, SIFT_OPT_PROGRESS }, \
	{ "unbuffered", no_argument, NULL, 'u' }

/* The text of the common options for --help texts. */
#define SIFT_COMMON_HELP \
"  -o, --output FILE     write to FILE (FILE.gz: gzip) instead of stdout\n" \
"      --field NAME      work on string field NAME (default: text)\n" \
"      --id-field NAME   record id field (default: id)\n" \
"      --on-error MODE   bad record: fail (stop, exit 1; default), skip\n" \
"                        (drop and count) or pass (copy through and count)\n" \
"      --progress        show records/s and MB/s on stderr\n" \
"  -u, --unbuffered      flush after every record\n" \
"  -h, --help            show this help;  --version  show the version\n"

#define SIFT_EXIT_HELP \
"EXIT STATUS\n" \
"  0 success, 1 bad input or I/O error, 2 usage error\n"

/*
 * Handle opt if it is a common option (prints help/version and exits 0,
 * bad values exit 2, '?' from getopt exits 2).  Returns 1 if handled, 0 if
 * the caller must handle opt.
 */
int sift_common_option(struct sift_common *c, int opt, const char *arg);

/* strtonum-like: parse arg as an integer in [min, max] or die_usage naming
 * the option.  sift_parse_double likewise. */
long long sift_parse_int(const char *arg, long long min, long long max,
    const char *optname);
double sift_parse_double(const char *arg, double min, double max,
    const char *optname);

/* ---- the record loop ---- */

struct sift_run;

/* Return values of a record callback. */
enum {
	SIFT_REC_KEEP = 0,	/* write rec as it is now */
	SIFT_REC_DROP = 1,	/* write nothing (the filter emitted or dropped) */
	SIFT_REC_FAIL = -1	/* bad record; message set with sift_run_fail */
};

typedef int (*sift_record_fn)(struct sift_run *run, struct sift_record *rec,
    void *state);
/* Called once after the last record (may emit records); returns 0 or -1
 * after sift_run_fail (a fatal error: the position is the end of input). */
typedef int (*sift_end_fn)(struct sift_run *run, void *state);

struct sift_run_spec {
	sift_record_fn record;	/* required */
	sift_end_fn end;	/* optional */
	void *state;
};

/*
 * Run the loop over the operands (npaths 0: stdin): for each non-blank line,
 * parse, call spec->record, write per its answer, apply --on-error, show
 * progress; at the end call spec->end, report skipped/passed records and
 * UTF-8 repairs on stderr, close the output.  Returns the exit status.
 */
int sift_run(const struct sift_common *c, char *const *paths, size_t npaths,
    const struct sift_run_spec *spec);

/* Inside a callback: set the error message for SIFT_REC_FAIL (the run loop
 * prefixes "<prog>: FILE:LINE: "). */
void sift_run_fail(struct sift_run *run, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Inside a callback: write a record / a raw line (no newline: one is
 * added) to the output.  Write errors end the run from the loop. */
void sift_run_emit(struct sift_run *run, const struct sift_record *rec);
void sift_run_emit_line(struct sift_run *run, const char *p, size_t n);
/* Position of the current record: operand name and line number. */
const char *sift_run_name(const struct sift_run *run);
size_t sift_run_lineno(const struct sift_run *run);
/* A named counter for the closing summary: with --progress, each counter
 * that is not zero is printed at exit as "<prog>: <n> <what>" (e.g.
 * "duplicates dropped").  what is borrowed (use a literal).  Returns the
 * counter for the caller to increment; at most 16 per run. */
unsigned long long *sift_run_counter(struct sift_run *run, const char *what);
/*
 * The loop's parts, for filters whose input is not NDJSON (sift-ingest's
 * text and HTML modes): begin opens the output (dies if it can't) and the
 * operands as a line input; the caller emits records, reports failures
 * with sift_run_bad and ends with sift_run_finish, which closes the output,
 * prints the exit report, frees run and returns the exit status (status is
 * the caller's verdict so far).
 */
struct sift_run *sift_run_begin(const struct sift_common *c,
    char *const *paths, size_t npaths);
struct sift_input *sift_run_input(struct sift_run *run);
/* Apply --on-error to a failure at where ("FILE" or "FILE:LINE"; NULL if
 * msg names the place itself): warns,
 * counts, and under pass wraps line (if not NULL) as an error record.
 * Returns 0 to go on, -1 to stop (exit 1). */
int sift_run_bad(struct sift_run *run, const char *where, const char *msg,
    const char *line, size_t len);
/* Count records read and UTF-8 repairs made outside the loop; shows
 * progress when asked. */
void sift_run_note(struct sift_run *run, unsigned long long records,
    unsigned long long repairs);
/* Non-zero once a write has failed (stop producing output). */
int sift_run_failed_output(const struct sift_run *run);
int sift_run_finish(struct sift_run *run, int status);

/* The common options the run was started with (borrowed). */
const struct sift_common *sift_run_common(const struct sift_run *run);

#endif
