/*
 * unit.h - a TAP-producing test harness for lib/ unit tests.
 *
 *	TEST(buf_grows) { ... CHECK(x == 1); CHECK_STR(a, "b"); }
 *	int main(void) { RUN(buf_grows); return unit_done(); }
 *
 * Each RUN prints "ok N - name" or "not ok N - name" (plus the failed
 * checks as "# file:line: expr" comments); unit_done prints the plan and
 * returns 1 if anything failed.
 */
#ifndef SIFT_UNIT_H
#define SIFT_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_ntests, unit_nfailed, unit_cur_failed;

#define TEST(name) static void test_##name(void)
#define CHECK(expr) do { \
	if (!(expr)) { \
		printf("# %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #expr); \
		unit_cur_failed = 1; \
	} \
} while (0)
#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (g_ == NULL || strcmp(g_, w_) != 0) { \
		printf("# %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
		    g_ ? g_ : "(null)", w_); \
		unit_cur_failed = 1; \
	} \
} while (0)
#define CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) { \
		printf("# %s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, \
		    #got, g_, w_); \
		unit_cur_failed = 1; \
	} \
} while (0)
#define RUN(name) do { \
	unit_cur_failed = 0; \
	test_##name(); \
	unit_ntests++; \
	if (unit_cur_failed) \
		unit_nfailed++; \
	printf("%sok %d - %s\n", unit_cur_failed ? "not " : "", unit_ntests, #name); \
	fflush(stdout); \
} while (0)

static int
unit_done(void)
{
	printf("1..%d\n", unit_ntests);
	return unit_nfailed != 0;
}

#endif
