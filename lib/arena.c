#include "arena.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

struct sift_arena_block {
	struct sift_arena_block *next;
	size_t size, used;
	max_align_t data[];
};

#define ALIGN (_Alignof(max_align_t))
#define MIN_BLOCK (64 * 1024)

static struct sift_arena_block *
block_new(size_t size)
{
	struct sift_arena_block *b;

	b = sift_xmalloc(sizeof(*b) + size);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void *
sift_arena_alloc(struct sift_arena *a, size_t n)
{
	struct sift_arena_block *b = a->head;
	size_t need = (n + ALIGN - 1) & ~(ALIGN - 1);
	void *p;

	if (need == 0)
		need = ALIGN;
	if (b == NULL || b->size - b->used < need) {
		size_t size = a->total > MIN_BLOCK ? a->total : MIN_BLOCK;

		if (size < need)
			size = need;
		b = block_new(size);
		b->next = a->head;
		a->head = b;
		a->total += size;
	}
	p = (char *)b->data + b->used;
	b->used += need;
	return p;
}

void *
sift_arena_calloc(struct sift_arena *a, size_t n)
{
	void *p = sift_arena_alloc(a, n);

	memset(p, 0, n);
	return p;
}

char *
sift_arena_strndup(struct sift_arena *a, const char *s, size_t n)
{
	char *p = sift_arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
sift_arena_reset(struct sift_arena *a)
{
	struct sift_arena_block *b, *next;

	if (a->head == NULL)
		return;
	if (a->head->next == NULL) {
		a->head->used = 0;
		return;
	}
	/* Several blocks: replace them with one that holds them all, so the
	 * next record of the same size needs a single block. */
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = block_new(a->total);
}

void
sift_arena_release(struct sift_arena *a)
{
	struct sift_arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->total = 0;
}
