/*
 * arena.h - bump allocator for per-record scratch memory.
 *
 * A filter allocates freely from the arena while it works on one record and
 * calls sift_arena_reset() before the next one, so the steady state does no
 * malloc/free at all.  Blocks are kept across resets; a reset that finds
 * more than one block merges them into one block of the total size, so after
 * a few records the arena is a single block large enough for the biggest
 * record seen.
 */
#ifndef SIFT_ARENA_H
#define SIFT_ARENA_H

#include <stddef.h>

struct sift_arena_block;

struct sift_arena {
	struct sift_arena_block *head;
	size_t total;		/* bytes in all blocks */
};

#define SIFT_ARENA_INIT { NULL, 0 }

/* Return n bytes aligned for any type; memory is valid until the next
 * reset or release.  Never returns NULL (aborts on OOM). */
void *sift_arena_alloc(struct sift_arena *a, size_t n);
void *sift_arena_calloc(struct sift_arena *a, size_t n);
char *sift_arena_strndup(struct sift_arena *a, const char *s, size_t n);
void sift_arena_reset(struct sift_arena *a);
void sift_arena_release(struct sift_arena *a);

#endif
