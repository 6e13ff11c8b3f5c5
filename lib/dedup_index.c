/*
 * dedup_index.c - the cluster index of sift-dedup (see dedup.h): exact and
 * LSH band tables over cluster leaders, packed signatures, union-find.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dedup.h"
#include "hash.h"

#define NONE UINT32_MAX
/* At most this many entries are examined per band key: a band value that
 * thousands of leaders share (a frame shared by every page of a site) must
 * not make each lookup quadratic.  Fixed, so still deterministic. */
#define MAX_PER_BAND 16
#define MAX_CANDIDATES 128

struct sift_dedup_index {
	struct sift_dedup_opts o;
	/* exact table: hash -> leader; open addressing, key 0 reserved */
	uint64_t *ex_key;
	uint32_t *ex_val;
	size_t ex_size, ex_used;
	/* band table: multimap tag -> leader.  The home slot is
	 * tag * size / 2^32 ("fastrange"), so it follows from the stored tag
	 * alone and the table can grow by any factor: growing by 5/4 at 85%
	 * load keeps it 68-85% full, where doubling would leave it half
	 * empty after each growth. */
	uint32_t *bd_tag;	/* 0: empty (real tags have the low bit set) */
	uint32_t *bd_val;	/* read only when the tag matches */
	size_t bd_size, bd_used;
	/* leaders */
	uint8_t *sig;		/* SIFT_MINHASH_SIGBYTES per leader */
	uint32_t *lead_doc;
	/* only with transitive or keep longest */
	uint32_t *parent, *best_doc, *best_len;
	size_t nlead, leadcap;
	/* documents: leader of each (NONE: no text); only when tracking,
	 * for sift_dedup_index_kept */
	int track;
	uint32_t *doc_lead;
	size_t ndoc, doccap;
	/* scratch: the candidates of one lookup, and a small set to see
	 * each leader once (slots stamped with the lookup number) */
	uint32_t cand[MAX_CANDIDATES];
	uint32_t seen_leader[4 * MAX_CANDIDATES], seen_stamp[4 * MAX_CANDIDATES];
	uint32_t stamp;
};

/* Grow by a quarter: memory per document matters more than the cost of
 * the extra reallocations (realloc of large blocks remaps, not copies). */
static size_t
next_cap(size_t cap, size_t need)
{
	size_t n = cap ? cap : 1024;

	while (n < need)
		n += n / 4;
	return n;
}

static void
grow_leaders(struct sift_dedup_index *x)
{
	size_t n = next_cap(x->leadcap, x->nlead + 1);

	x->sig = sift_xrealloc(x->sig, n * SIFT_MINHASH_SIGBYTES);
	x->lead_doc = sift_xrealloc(x->lead_doc, n * sizeof(uint32_t));
	if (x->o.transitive || x->o.keep_longest) {
		x->parent = sift_xrealloc(x->parent, n * sizeof(uint32_t));
		x->best_doc = sift_xrealloc(x->best_doc, n * sizeof(uint32_t));
		x->best_len = sift_xrealloc(x->best_len, n * sizeof(uint32_t));
	}
	x->leadcap = n;
}

static inline size_t
fastrange(uint32_t h, size_t n)
{
	return (size_t)(((uint64_t)h * n) >> 32);
}

static void
exact_alloc(struct sift_dedup_index *x, size_t n)
{
	x->ex_size = n;
	x->ex_key = sift_xcalloc(n, sizeof(*x->ex_key));
	x->ex_val = sift_xmalloc(n * sizeof(*x->ex_val));
}

static size_t
exact_slot(const struct sift_dedup_index *x, uint64_t h)
{
	size_t i = fastrange((uint32_t)(sift_mix64(h) >> 32), x->ex_size);

	while (x->ex_key[i] != 0 && x->ex_key[i] != h)
		if (++i == x->ex_size)
			i = 0;
	return i;
}

static uint32_t
exact_find(const struct sift_dedup_index *x, uint64_t h)
{
	size_t i;

	h |= 1;	/* 0 marks an empty slot; losing one bit costs nothing */
	i = exact_slot(x, h);
	return x->ex_key[i] == h ? x->ex_val[i] : NONE;
}

static void
exact_insert(struct sift_dedup_index *x, uint64_t h, uint32_t leader)
{
	size_t i;

	h |= 1;
	if ((x->ex_used + 1) * 20 > x->ex_size * 17) {
		uint64_t *ok = x->ex_key;
		uint32_t *ov = x->ex_val;
		size_t j, on = x->ex_size;

		exact_alloc(x, on + on / 4);
		for (j = 0; j < on; j++) {
			if (ok[j] == 0)
				continue;
			i = exact_slot(x, ok[j]);
			x->ex_key[i] = ok[j];
			x->ex_val[i] = ov[j];
		}
		free(ok);
		free(ov);
	}
	i = exact_slot(x, h);
	if (x->ex_key[i] == 0) {
		x->ex_key[i] = h;
		x->ex_val[i] = leader;
		x->ex_used++;
	}
}

static void
band_alloc(struct sift_dedup_index *x, size_t n)
{
	x->bd_size = n;
	x->bd_tag = sift_xcalloc(n, sizeof(*x->bd_tag));
	x->bd_val = sift_xmalloc(n * sizeof(*x->bd_val));
}

/* The stored part of a band key: its top 32 bits, low bit set so that no
 * tag is 0 (the empty slot). */
static inline uint32_t
band_tag(uint64_t key)
{
	return (uint32_t)(key >> 32) | 1;
}

static void
band_put(struct sift_dedup_index *x, uint32_t tag, uint32_t leader)
{
	size_t i = fastrange(tag, x->bd_size);

	while (x->bd_tag[i] != 0)
		if (++i == x->bd_size)
			i = 0;
	x->bd_tag[i] = tag;
	x->bd_val[i] = leader;
}

static void
band_insert(struct sift_dedup_index *x, uint64_t key, uint32_t leader)
{
	if ((x->bd_used + 1) * 20 > x->bd_size * 17) {
		uint32_t *ot = x->bd_tag, *ov = x->bd_val;
		size_t j, on = x->bd_size;

		band_alloc(x, on + on / 4);
		/* reinsert in slot order: the layout, and so the order of
		 * lookups, depends only on the insertions made */
		for (j = 0; j < on; j++)
			if (ot[j] != 0)
				band_put(x, ot[j], ov[j]);
		free(ot);
		free(ov);
	}
	band_put(x, band_tag(key), leader);
	x->bd_used++;
}

struct sift_dedup_index *
sift_dedup_index_new(const struct sift_dedup_opts *o)
{
	struct sift_dedup_index *x = sift_xcalloc(1, sizeof(*x));

	x->o = *o;
	exact_alloc(x, 1024);
	band_alloc(x, 4096);
	return x;
}

void
sift_dedup_index_track_docs(struct sift_dedup_index *x)
{
	if (x->ndoc == 0)
		x->track = 1;
}

void
sift_dedup_index_free(struct sift_dedup_index *x)
{
	if (x == NULL)
		return;
	free(x->ex_key);
	free(x->ex_val);
	free(x->bd_tag);
	free(x->bd_val);
	free(x->sig);
	free(x->lead_doc);
	free(x->parent);
	free(x->best_doc);
	free(x->best_len);
	free(x->doc_lead);
	free(x);
}

static uint32_t
find(struct sift_dedup_index *x, uint32_t l)
{
	uint32_t root = l, next;

	if (x->parent == NULL)
		return l;
	while (x->parent[root] != root)
		root = x->parent[root];
	while (x->parent[l] != root) {
		next = x->parent[l];
		x->parent[l] = root;
		l = next;
	}
	return root;
}

static uint32_t
clamp_len(uint64_t n)
{
	return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

/* Longer wins; equal length: the earlier document. */
static int
better(uint32_t len_a, uint32_t doc_a, uint32_t len_b, uint32_t doc_b)
{
	return len_a > len_b || (len_a == len_b && doc_a < doc_b);
}

/* Join root b into root a or a into b: the earlier leader stays the root,
 * so that keep-first keeps the earliest record of the merged cluster. */
static void
unite(struct sift_dedup_index *x, uint32_t a, uint32_t b)
{
	a = find(x, a);
	b = find(x, b);
	if (a == b)
		return;
	if (b < a) {
		uint32_t t = a;

		a = b;
		b = t;
	}
	x->parent[b] = a;
	if (better(x->best_len[b], x->best_doc[b], x->best_len[a], x->best_doc[a])) {
		x->best_len[a] = x->best_len[b];
		x->best_doc[a] = x->best_doc[b];
	}
}

static uint32_t
new_leader(struct sift_dedup_index *x, const struct sift_dedup_key *k,
    uint32_t doc)
{
	uint32_t l = (uint32_t)x->nlead;
	int b;

	if (x->nlead + 1 > x->leadcap)
		grow_leaders(x);
	x->nlead++;
	x->lead_doc[l] = doc;
	if (x->parent) {
		x->parent[l] = l;
		x->best_doc[l] = doc;
		x->best_len[l] = clamp_len(k->length);
	}
	memcpy(x->sig + (size_t)l * SIFT_MINHASH_SIGBYTES, k->sig,
	    SIFT_MINHASH_SIGBYTES);
	exact_insert(x, k->exact, l);
	if (k->has_sig)
		for (b = 0; b < x->o.bands; b++)
			band_insert(x, k->band[b], l);
	return l;
}

/* The candidate leaders of k: every leader sharing a band key (up to the
 * per-band cap), each once, in the order found. */
static size_t
candidates(struct sift_dedup_index *x, const struct sift_dedup_key *k)
{
	size_t n = 0, i, j, seen;
	int b;

	if (++x->stamp == 0) {
		memset(x->seen_stamp, 0, sizeof(x->seen_stamp));
		x->stamp = 1;
	}
	for (b = 0; b < x->o.bands; b++) {
		uint32_t tag = band_tag(k->band[b]), t, l;

		seen = 0;
		for (i = fastrange(tag, x->bd_size); (t = x->bd_tag[i]) != 0;
		    i = i + 1 == x->bd_size ? 0 : i + 1) {
			if (t != tag)
				continue;
			l = x->bd_val[i];
			for (j = sift_mix64(l) & (4 * MAX_CANDIDATES - 1);
			    x->seen_stamp[j] == x->stamp && x->seen_leader[j] != l;
			    j = (j + 1) & (4 * MAX_CANDIDATES - 1))
				;
			if (x->seen_stamp[j] != x->stamp && n < MAX_CANDIDATES) {
				x->seen_stamp[j] = x->stamp;
				x->seen_leader[j] = l;
				x->cand[n++] = l;
			}
			if (++seen == MAX_PER_BAND)
				break;
		}
	}
	return n;
}

uint32_t
sift_dedup_index_add(struct sift_dedup_index *x, const struct sift_dedup_key *k,
    struct sift_dedup_match *m)
{
	uint32_t doc = (uint32_t)x->ndoc, l, best = NONE;
	double best_sim = 0, s;
	size_t n, i;

	if (x->track && x->ndoc + 1 > x->doccap) {
		x->doccap = next_cap(x->doccap, x->ndoc + 1);
		x->doc_lead = sift_xrealloc(x->doc_lead, x->doccap * sizeof(uint32_t));
	}
	x->ndoc++;
	memset(m, 0, sizeof(*m));
	if (!k->has_text) {
		if (x->track)
			x->doc_lead[doc] = NONE;
		return doc;
	}
	l = exact_find(x, k->exact);
	if (l != NONE) {
		best = l;
		best_sim = 1.0;
		m->exact = 1;
	} else if (k->has_sig && !x->o.exact_only) {
		n = candidates(x, k);
		for (i = 0; i < n; i++) {
			l = x->cand[i];
			s = sift_minhash_packed_similarity(k->sig,
			    x->sig + (size_t)l * SIFT_MINHASH_SIGBYTES);
			if (s < x->o.threshold)
				continue;
			if (best == NONE || s > best_sim || (s == best_sim && l < best)) {
				if (x->o.transitive && best != NONE)
					unite(x, best, l);
				best = l;
				best_sim = s;
			} else if (x->o.transitive) {
				unite(x, best, l);
			}
		}
	}
	if (best == NONE) {
		l = new_leader(x, k, doc);
		if (x->track)
			x->doc_lead[doc] = l;
		return doc;
	}
	if (x->track)
		x->doc_lead[doc] = best;
	m->dup = 1;
	m->leader_doc = x->lead_doc[best];
	m->similarity = best_sim;
	if (x->parent) {
		l = find(x, best);
		if (better(clamp_len(k->length), doc, x->best_len[l], x->best_doc[l])) {
			x->best_len[l] = clamp_len(k->length);
			x->best_doc[l] = doc;
		}
	}
	return doc;
}

uint32_t
sift_dedup_index_kept(struct sift_dedup_index *x, uint32_t doc)
{
	uint32_t l;

	if (!x->track || doc >= x->ndoc || x->doc_lead[doc] == NONE)
		return doc;
	l = find(x, x->doc_lead[doc]);
	return x->o.keep_longest ? x->best_doc[l] : x->lead_doc[l];
}

size_t
sift_dedup_index_bytes(const struct sift_dedup_index *x)
{
	size_t per_leader = SIFT_MINHASH_SIGBYTES + sizeof(uint32_t);

	if (x->parent)
		per_leader += 3 * sizeof(uint32_t);
	return sizeof(*x) +
	    x->ex_size * (sizeof(uint64_t) + sizeof(uint32_t)) +
	    x->bd_size * 2 * sizeof(uint32_t) +
	    x->leadcap * per_leader + x->doccap * sizeof(uint32_t);
}
