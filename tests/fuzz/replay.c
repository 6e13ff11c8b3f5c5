/*
 * Replay driver: runs a libFuzzer target's LLVMFuzzerTestOneInput over
 * files, without libFuzzer, so make check (built with gcc) keeps every
 * seed and every input that once crashed as a regression test.  The
 * targets abort() on a violated invariant; this prints TAP.
 *
 * usage: replay_NAME FILE...
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char *argv[])
{
	struct sift_buf b = SIFT_BUF_INIT;
	int i;

	for (i = 1; i < argc; i++) {
		sift_buf_reset(&b);
		if (sift_read_file(argv[i], &b, NULL) < 0) {
			printf("not ok %d - %s (unreadable)\n", i, argv[i]);
			continue;
		}
		/* an abort() here fails the test binary, and run-tests says so */
		LLVMFuzzerTestOneInput((const uint8_t *)b.data, b.len);
		printf("ok %d - replay %s\n", i, argv[i]);
	}
	printf("1..%d\n", argc - 1);
	sift_buf_release(&b);
	return 0;
}
