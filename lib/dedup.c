/*
 * dedup.c - sift-dedup's record keys, text formats and the three ways of
 * running (see dedup.h): streaming, spooling, and map/reduce/apply.
 */
#include "dedup.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <utf8proc.h>

#include "hash.h"
#include "normalize.h"
#include "utf8.h"

#define EXACT_SEED 0x243f6a8885a308d3ULL
#define LINE_SEED 0x13198a2e03707344ULL
#define NONE UINT32_MAX

/* ---- normalization ---- */

static int
is_hangul_syllable(int32_t cp)
{
	return cp >= 0xac00 && cp <= 0xd7a3;
}

/* What one code point becomes: 0 drop, 1 space, 2 keep (*cp may change). */
static int
fold_cp(int32_t *cp, int loose)
{
	int32_t c = *cp;
	utf8proc_category_t cat;

	if (c < 0x80) {
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			return 1;
		if (c < 0x20 || c == 0x7f)
			return 0;
		if (loose) {
			if (c >= 'A' && c <= 'Z') {
				*cp = c + 32;
				return 2;
			}
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
				return 1;
		}
		return 2;
	}
	if (is_hangul_syllable(c))
		return 2;
	cat = utf8proc_category(c);
	switch (cat) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return 1;
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return 0;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM:
	case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
		return loose ? 1 : 2;
	default:
		if (loose)
			*cp = utf8proc_tolower(c);
		return 2;
	}
}

/*
 * Fold white space, controls and (loose) case and punctuation of valid
 * UTF-8 s into out, in one pass that copies bytes rather than decoding and
 * re-encoding them.  With check set, stop and return -1 at the first code
 * point that Unicode normalization could change (the caller then runs
 * utf8proc first); otherwise return the number of code points written.
 */
static long
fold(const char *s, size_t n, int loose, int check, struct sift_buf *out)
{
	size_t i = 0, len = 0, cps = 0;
	int space = 0, act;
	int32_t cp, orig;
	char *o;

	sift_buf_reset(out);
	sift_buf_grow(out, n + n / 2 + 8);	/* loose lowercasing may grow */
	o = out->data;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t l;

		if (c < 0x80) {
			i++;
			if (!loose && c > ' ' && c != 0x7f) {
				act = 2;
			} else {
				cp = c;
				act = fold_cp(&cp, loose);
				c = (unsigned char)cp;
			}
			if (act == 1) {
				space = len > 0;
			} else if (act == 2) {
				if (space) {
					o[len++] = ' ';
					cps++;
				}
				space = 0;
				o[len++] = (char)c;
				cps++;
			}
			continue;
		}
		if (c >= 0xea && c <= 0xed && i + 2 < n) {
			/* 3-byte sequences that may be Hangul syllables: the bulk
			 * of Korean text, always kept as they are */
			cp = (c & 0x0f) << 12 | ((unsigned char)s[i + 1] & 0x3f) << 6 |
			    ((unsigned char)s[i + 2] & 0x3f);
			if (is_hangul_syllable(cp)) {
				if (space) {
					o[len++] = ' ';
					cps++;
				}
				space = 0;
				memcpy(o + len, s + i, 3);
				len += 3;
				cps++;
				i += 3;
				continue;
			}
		}
		l = sift_utf8_decode(s + i, n - i, &cp);
		if (check && !sift_norm_stable_cp(cp, loose))
			return -1;
		orig = cp;
		act = fold_cp(&cp, loose);
		if (act == 1) {
			space = len > 0;
		} else if (act == 2) {
			if (space) {
				o[len++] = ' ';
				cps++;
			}
			space = 0;
			if (cp == orig) {
				memcpy(o + len, s + i, l);
				len += l;
			} else {
				char enc[4];
				size_t el = sift_utf8_encode(cp, enc);

				memcpy(o + len, enc, el);
				len += el;
			}
			cps++;
		}
		i += l;
	}
	sift_buf_setlen(out, len);
	return (long)cps;
}

/* Normalize s into out; returns the number of code points. */
static size_t
normalize(const char *s, size_t n, int loose, struct sift_buf *out)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t m;
	long cps;

	cps = fold(s, n, loose, 1, out);
	if (cps >= 0)
		return (size_t)cps;
	m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &nfc,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE | (loose ? UTF8PROC_COMPAT : 0));
	if (m >= 0)
		cps = fold((const char *)nfc, (size_t)m, loose, 0, out);
	else	/* invalid UTF-8 cannot reach here; fold it as it is */
		cps = fold(s, n, loose, 0, out);
	free(nfc);
	return (size_t)cps;
}

void
sift_dedup_normalize(const char *s, size_t n, int loose, struct sift_buf *out)
{
	normalize(s, n, loose, out);
}

/* ---- keys and their text form ---- */

static const char hexdigit[] = "0123456789abcdef";

static void
put_hex64(struct sift_buf *b, uint64_t v)
{
	char t[16];
	int i;

	for (i = 15; i >= 0; i--) {
		t[i] = hexdigit[v & 15];
		v >>= 4;
	}
	sift_buf_add(b, t, 16);
}

/* Value of each byte as a hex digit, or -1: the reduce step parses
 * hundreds of hex digits per record. */
static signed char hexvalue[256];

static void
hex_init(void)
{
	int c;

	if (hexvalue['1'] == 1)
		return;
	memset(hexvalue, -1, sizeof(hexvalue));
	for (c = 0; c < 10; c++)
		hexvalue['0' + c] = (signed char)c;
	for (c = 0; c < 6; c++)
		hexvalue['a' + c] = hexvalue['A' + c] = (signed char)(10 + c);
}

static int
hexval(int c)
{
	return hexvalue[c & 0xff];
}

static int
get_hex64(const char *p, uint64_t *v)
{
	uint64_t x = 0;
	int i, h, bad = 0;

	for (i = 0; i < 16; i++) {
		h = hexvalue[(unsigned char)p[i]];
		bad |= h;
		x = x << 4 | (uint64_t)(h & 15);
	}
	*v = x;
	return bad < 0 ? -1 : 0;
}

void
sift_dedup_key_release(struct sift_dedup_key *k)
{
	free(k->line);
	k->line = NULL;
	k->nline = k->linecap = 0;
	sift_buf_release(&k->id);
}

void
sift_dedup_key_format(const struct sift_dedup_opts *o,
    const struct sift_dedup_key *k, struct sift_buf *out)
{
	size_t i;
	int b;

	put_hex64(out, k->ordinal);
	sift_buf_addf(out, "\t%" PRIu64 "\t", k->length);
	if (k->has_text)
		put_hex64(out, k->exact);
	else
		sift_buf_addc(out, '-');
	sift_buf_addc(out, '\t');
	if (k->has_sig) {
		for (b = 0; b < o->bands; b++)
			put_hex64(out, k->band[b]);
		sift_buf_addc(out, '\t');
		for (i = 0; i < SIFT_MINHASH_SIGBYTES; i++) {
			sift_buf_addc(out, hexdigit[k->sig[i] >> 4]);
			sift_buf_addc(out, hexdigit[k->sig[i] & 15]);
		}
	} else {
		sift_buf_add(out, "-\t-", 3);
	}
	sift_buf_addc(out, '\t');
	for (i = 0; i < k->nline; i++) {
		if (i)
			sift_buf_addc(out, ',');
		put_hex64(out, k->line[i]);
	}
	if (k->nline == 0)
		sift_buf_addc(out, '-');
	sift_buf_addc(out, '\t');
	sift_buf_add(out, k->id.data, k->id.len);
}

static void
key_add_line(struct sift_dedup_key *k, uint64_t h)
{
	if (k->nline == k->linecap) {
		k->linecap = k->linecap ? k->linecap * 2 : 64;
		k->line = sift_xrealloc(k->line, k->linecap * sizeof(*k->line));
	}
	k->line[k->nline++] = h;
}

int
sift_dedup_key_parse(const struct sift_dedup_opts *o, const char *s,
    size_t n, struct sift_dedup_key *k, const char **rest,
    struct sift_error *err)
{
	const char *f[7], *p = s, *end = s + n, *tab;
	size_t fl[7], nf, i;
	uint64_t v;

	/* seven tab-separated fields; a record may follow after a tab */
	for (nf = 0; nf < 7; nf++) {
		tab = memchr(p, '\t', (size_t)(end - p));
		f[nf] = p;
		fl[nf] = (size_t)((tab ? tab : end) - p);
		if (tab == NULL) {
			nf++;
			break;
		}
		p = tab + 1;
	}
	if (nf < 7)
		return sift_error_set(err, 0, "malformed key line: %zu fields, want 7", nf);
	*rest = f[6] + fl[6] < end ? f[6] + fl[6] + 1 : NULL;
	if (fl[0] != 16 || get_hex64(f[0], &k->ordinal) < 0)
		return sift_error_set(err, 0, "malformed key line: bad ordinal");
	k->length = 0;
	for (i = 0; i < fl[1]; i++) {
		if (f[1][i] < '0' || f[1][i] > '9')
			return sift_error_set(err, 0, "malformed key line: bad length");
		k->length = k->length * 10 + (uint64_t)(f[1][i] - '0');
	}
	k->has_text = !(fl[2] == 1 && f[2][0] == '-');
	if (k->has_text && (fl[2] != 16 || get_hex64(f[2], &k->exact) < 0))
		return sift_error_set(err, 0, "malformed key line: bad exact hash");
	k->has_sig = !(fl[3] == 1 && f[3][0] == '-');
	if (k->has_sig) {
		if (o->exact_only)
			return sift_error_set(err, 0, "key line has bands but "
			    "--exact is set (run every step with the same options)");
		if (fl[3] != (size_t)o->bands * 16)
			return sift_error_set(err, 0, "key line has %zu bands, want "
			    "%d (run every step with the same options)", fl[3] / 16,
			    o->bands);
		for (i = 0; i < (size_t)o->bands; i++)
			if (get_hex64(f[3] + 16 * i, &k->band[i]) < 0)
				return sift_error_set(err, 0, "malformed key line: bad band");
		if (fl[4] != 2 * SIFT_MINHASH_SIGBYTES)
			return sift_error_set(err, 0, "malformed key line: bad signature");
		for (i = 0; i < SIFT_MINHASH_SIGBYTES; i++) {
			int hi = hexval((unsigned char)f[4][2 * i]);
			int lo = hexval((unsigned char)f[4][2 * i + 1]);

			if (hi < 0 || lo < 0)
				return sift_error_set(err, 0, "malformed key line: bad signature");
			k->sig[i] = (uint8_t)(hi << 4 | lo);
		}
	} else {
		memset(k->sig, 0, sizeof(k->sig));
	}
	k->nline = 0;
	if (!(fl[5] == 1 && f[5][0] == '-')) {
		for (i = 0; i < fl[5]; i += 17) {
			if (fl[5] - i < 16 || get_hex64(f[5] + i, &v) < 0 ||
			    (fl[5] - i > 16 && f[5][i + 16] != ','))
				return sift_error_set(err, 0, "malformed key line: bad line hash");
			key_add_line(k, v);
		}
	}
	if (fl[6] == 0)
		return sift_error_set(err, 0, "malformed key line: no id");
	sift_buf_reset(&k->id);
	sift_buf_add(&k->id, f[6], fl[6]);
	return 0;
}

/* ---- line sets: line hash -> count ---- */

struct lineset {
	uint64_t *key;		/* 0: empty */
	uint32_t *count;
	size_t bits, used;
};

static void
lineset_alloc(struct lineset *s, size_t bits)
{
	s->bits = bits;
	s->key = sift_xcalloc((size_t)1 << bits, sizeof(*s->key));
	s->count = sift_xcalloc((size_t)1 << bits, sizeof(*s->count));
}

static size_t
lineset_slot(const struct lineset *s, uint64_t h)
{
	size_t mask = ((size_t)1 << s->bits) - 1;
	size_t i = (size_t)(sift_mix64(h) >> (64 - s->bits));

	while (s->key[i] != 0 && s->key[i] != h)
		i = (i + 1) & mask;
	return i;
}

static void
lineset_add(struct lineset *s, uint64_t h, uint32_t n)
{
	size_t i;

	h |= 1;
	if (s->key == NULL)
		lineset_alloc(s, 10);
	if ((s->used + 1) * 4 > ((size_t)3 << s->bits)) {
		struct lineset old = *s;
		size_t j;

		lineset_alloc(s, old.bits + 1);
		for (j = 0; j < ((size_t)1 << old.bits); j++) {
			if (old.key[j] == 0)
				continue;
			i = lineset_slot(s, old.key[j]);
			s->key[i] = old.key[j];
			s->count[i] = old.count[j];
		}
		free(old.key);
		free(old.count);
	}
	i = lineset_slot(s, h);
	if (s->key[i] == 0) {
		s->key[i] = h;
		s->used++;
	}
	if (s->count[i] < UINT32_MAX - n)
		s->count[i] += n;
}

static uint32_t
lineset_count(const struct lineset *s, uint64_t h)
{
	size_t i;

	if (s->key == NULL)
		return 0;
	h |= 1;
	i = lineset_slot(s, h);
	return s->key[i] == h ? s->count[i] : 0;
}

static void
lineset_free(struct lineset *s)
{
	free(s->key);
	free(s->count);
	memset(s, 0, sizeof(*s));
}

/* ---- the deduplicator ---- */

/* What the output pass needs of a kept record that has duplicates. */
struct kept_info {
	uint32_t doc;
	int has_sig;
	uint8_t sig[SIFT_MINHASH_SIGBYTES];
	size_t id_off, id_len;	/* in kept_ids */
};

/* A D line of the plan, for the apply step. */
struct plan_dup {
	uint64_t ordinal;
	size_t id_off, id_len;	/* kept id in plan_text */
	size_t sim_off, sim_len;
};

struct sift_dedup {
	struct sift_dedup_opts o;
	struct sift_dedup_index *x;
	struct sift_dedup_stats st;
	struct sift_dedup_key key, key2;
	struct sift_minhash mh;
	struct sift_buf text, norm, tmp, line;
	uint64_t next_index;	/* records keyed so far */
	/* spool */
	FILE *spool;
	uint64_t spool_end;	/* bytes written (ftello costs a system call) */
	uint64_t spool_flushed;	/* ... of which flushed to the file */
	uint64_t *off;
	size_t noff, offcap;
	struct sift_buf readbuf;	/* a line read at an offset */
	char *seq;			/* a line read in order */
	size_t seqcap;
	ssize_t seqlen;
	/* output pass */
	struct kept_info *kept;
	size_t nkept, keptcap;
	uint32_t *kept_slot;	/* open addressing: doc -> kept index */
	size_t kept_bits;
	struct sift_buf kept_ids;
	struct lineset lines;
	/* reduce */
	uint64_t last_ordinal;
	int have_last;
	/* apply */
	struct plan_dup *plan;
	size_t nplan, plancap, planpos;
	struct sift_buf plan_text;
	struct sift_record rec2;
};

struct sift_dedup *
sift_dedup_new(const struct sift_dedup_opts *o)
{
	struct sift_dedup *d = sift_xcalloc(1, sizeof(*d));
	struct sift_dedup_key k0 = SIFT_DEDUP_KEY_INIT;
	struct sift_buf b0 = SIFT_BUF_INIT;
	struct sift_record r0 = SIFT_RECORD_INIT;

	d->o = *o;
	d->key = k0;
	d->key2 = k0;
	d->text = d->norm = d->tmp = d->line = d->readbuf = b0;
	d->kept_ids = d->plan_text = b0;
	d->rec2 = r0;
	d->x = sift_dedup_index_new(o);
	hex_init();
	return d;
}

void
sift_dedup_free(struct sift_dedup *d)
{
	if (d == NULL)
		return;
	sift_dedup_index_free(d->x);
	sift_dedup_key_release(&d->key);
	sift_dedup_key_release(&d->key2);
	sift_buf_release(&d->text);
	sift_buf_release(&d->norm);
	sift_buf_release(&d->tmp);
	sift_buf_release(&d->line);
	sift_buf_release(&d->readbuf);
	sift_buf_release(&d->kept_ids);
	sift_buf_release(&d->plan_text);
	sift_record_release(&d->rec2);
	if (d->spool)
		fclose(d->spool);
	free(d->off);
	free(d->seq);
	free(d->kept);
	free(d->kept_slot);
	free(d->plan);
	lineset_free(&d->lines);
	free(d);
}

const struct sift_dedup_stats *
sift_dedup_stats(const struct sift_dedup *d)
{
	struct sift_dedup_stats *st = (struct sift_dedup_stats *)&d->st;

	/* the index, and in the spooling modes the record offsets and the
	 * cache of kept records */
	st->index_bytes = sift_dedup_index_bytes(d->x) +
	    d->offcap * sizeof(*d->off) + d->keptcap * sizeof(*d->kept) +
	    d->kept_ids.cap + (d->kept_slot ? sizeof(uint32_t) << d->kept_bits : 0);
	return st;
}

int
sift_dedup_streams(const struct sift_dedup_opts *o)
{
	return !o->keep_longest && !o->transitive && !o->mark && o->lines_min == 0;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static uint64_t
line_hash(struct sift_dedup *d, const char *s, size_t n, int *empty)
{
	normalize(s, n, d->o.loose, &d->tmp);
	*empty = d->tmp.len == 0;
	return sift_hash64(d->tmp.data, d->tmp.len, LINE_SEED);
}

/* The distinct line (or sentence) hashes of rec into k->line. */
static int
key_lines(struct sift_dedup *d, const struct sift_record *rec,
    struct sift_dedup_key *k, struct sift_error *err)
{
	size_t i, j, start = 0;
	int empty;
	uint64_t h;

	k->nline = 0;
	if (d->o.sentences) {
		json_t *a = sift_record_get_json(rec, "sentences"), *v;

		if (a == NULL)
			return 0;
		if (!json_is_array(a)) {
			json_decref(a);
			return sift_error_set(err, 0, "field \"sentences\" is not an array");
		}
		json_array_foreach(a, i, v) {
			if (!json_is_string(v))
				continue;
			h = line_hash(d, json_string_value(v), json_string_length(v), &empty);
			if (!empty)
				key_add_line(k, h);
		}
		json_decref(a);
	} else {
		for (i = 0; i <= d->text.len; i++) {
			if (i < d->text.len && d->text.data[i] != '\n')
				continue;
			h = line_hash(d, d->text.data + start, i - start, &empty);
			if (!empty)
				key_add_line(k, h);
			start = i + 1;
		}
	}
	if (k->nline > 1) {
		qsort(k->line, k->nline, sizeof(*k->line), cmp_u64);
		for (i = 1, j = 1; i < k->nline; i++)
			if (k->line[i] != k->line[j - 1])
				k->line[j++] = k->line[i];
		k->nline = j;
	}
	return 0;
}

/* The record's id as JSON text: a string or number as written, else null. */
static void
record_id(const struct sift_dedup *d, const struct sift_record *rec,
    struct sift_buf *out)
{
	enum sift_json_type t = sift_record_type(rec, d->o.id_field);
	const char *raw;
	size_t len;

	sift_buf_reset(out);
	if (t == SIFT_JSON_STRING || t == SIFT_JSON_NUMBER) {
		raw = sift_record_raw(rec, d->o.id_field, &len);
		sift_buf_add(out, raw, len);
	} else {
		sift_buf_add(out, "null", 4);
	}
}

static int
key_record(struct sift_dedup *d, const struct sift_record *rec,
    struct sift_error *err)
{
	struct sift_dedup_key *k = &d->key;
	int r, b;

	k->ordinal = (uint64_t)d->o.shard << SIFT_DEDUP_SHARD_SHIFT | d->next_index++;
	k->has_text = k->has_sig = 0;
	k->exact = k->length = 0;
	k->nline = 0;
	record_id(d, rec, &k->id);
	d->st.records++;
	r = sift_record_get_string(rec, d->o.field, &d->text);
	if (r < 0)
		return sift_error_set(err, 0, "field \"%s\" is not a string", d->o.field);
	/* the contract: every record has text (--lines may use sentences) */
	if (r == 0 && !(d->o.lines_min > 0 &&
	    sift_record_type(rec, "sentences") == SIFT_JSON_ARRAY))
		return sift_error_set(err, 0, "missing field \"%s\"", d->o.field);
	if (r == 0)
		sift_buf_reset(&d->text);
	/* lines first: a record without text may still have sentences */
	if (d->o.lines_min > 0 && key_lines(d, rec, k, err) < 0)
		return -1;
	if (r == 0)
		return 0;
	k->length = normalize(d->text.data, d->text.len, d->o.loose, &d->norm);
	if (d->norm.len == 0)
		return 0;
	k->has_text = 1;
	k->exact = sift_hash64(d->norm.data, d->norm.len, EXACT_SEED);
	if (!d->o.exact_only) {
		sift_minhash_reset(&d->mh);
		sift_minhash_add_text(&d->mh, d->norm.data, d->norm.len,
		    d->o.shingle, d->o.shingle_size);
		if (sift_minhash_finish(&d->mh) == 0) {
			k->has_sig = 1;
			for (b = 0; b < d->o.bands; b++)
				k->band[b] = sift_minhash_band(&d->mh, b, d->o.rows);
			sift_minhash_pack(&d->mh, k->sig);
		}
	}
	return 0;
}

int
sift_dedup_emit_key(struct sift_dedup *d, const struct sift_record *rec,
    struct sift_buf *out, struct sift_error *err)
{
	if (key_record(d, rec, err) < 0)
		return -1;
	sift_dedup_key_format(&d->o, &d->key, out);
	return 0;
}

int
sift_dedup_stream(struct sift_dedup *d, const struct sift_record *rec,
    struct sift_error *err)
{
	struct sift_dedup_match m;

	if (key_record(d, rec, err) < 0)
		return -1;
	sift_dedup_index_add(d->x, &d->key, &m);
	if (!m.dup)
		return 0;
	d->st.duplicates++;
	return 1;
}

/* ---- the spool: a temporary file of key lines (and records) ---- */

static int
spool_open(struct sift_dedup *d, struct sift_error *err)
{
	const char *dir = getenv("TMPDIR");
	struct sift_buf path = SIFT_BUF_INIT;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	sift_buf_addf(&path, "%s/sift-dedup.XXXXXX", dir);
	fd = mkstemp(path.data);
	if (fd < 0) {
		sift_error_set(err, 0, "cannot create a temporary file in %s: %s",
		    dir, strerror(errno));
		sift_buf_release(&path);
		return -1;
	}
	unlink(path.data);	/* gone when we exit, however we exit */
	sift_buf_release(&path);
	d->spool = fdopen(fd, "w+");
	if (d->spool == NULL) {
		close(fd);
		return sift_error_set(err, 0, "temporary file: %s", strerror(errno));
	}
	return 0;
}

static int
spool_write(struct sift_dedup *d, const char *key, size_t keylen,
    const char *rec, size_t reclen, struct sift_error *err)
{
	if (d->spool == NULL && spool_open(d, err) < 0)
		return -1;
	if (d->noff == d->offcap) {
		d->offcap = d->offcap ? d->offcap * 2 : 4096;
		d->off = sift_xrealloc(d->off, d->offcap * sizeof(*d->off));
	}
	d->off[d->noff++] = d->spool_end;
	d->spool_end += keylen + 1 + (rec ? reclen + 1 : 0);
	if (fwrite(key, 1, keylen, d->spool) != keylen ||
	    (rec && (putc('\t', d->spool) == EOF ||
	    fwrite(rec, 1, reclen, d->spool) != reclen)) ||
	    putc('\n', d->spool) == EOF)
		return sift_error_set(err, 0, "temporary file: write error: %s",
		    strerror(errno));
	return 0;
}

/* Read the spool line at offset off into d->readbuf (no newline).  pread
 * leaves the file position alone, so an in-order walk can go on. */
static int
spool_read_at(struct sift_dedup *d, uint64_t off, struct sift_error *err)
{
	int fd = fileno(d->spool);
	size_t scanned = 0;
	ssize_t got;
	char *nl;

	sift_buf_reset(&d->readbuf);
	for (;;) {
		sift_buf_grow(&d->readbuf, 16384);
		got = pread(fd, d->readbuf.data + d->readbuf.len,
		    d->readbuf.cap - d->readbuf.len - 1, (off_t)off);
		if (got < 0)
			return sift_error_set(err, 0, "temporary file: read error: %s",
			    strerror(errno));
		if (got == 0)
			return sift_error_set(err, 0, "temporary file: truncated");
		sift_buf_setlen(&d->readbuf, d->readbuf.len + (size_t)got);
		nl = memchr(d->readbuf.data + scanned, '\n', d->readbuf.len - scanned);
		if (nl) {
			sift_buf_setlen(&d->readbuf, (size_t)(nl - d->readbuf.data));
			return 0;
		}
		scanned = d->readbuf.len;
		off += (uint64_t)got;
	}
}

/* Start reading the spool in order. */
static int
spool_rewind(struct sift_dedup *d, struct sift_error *err)
{
	if (d->spool == NULL)
		return 0;
	if (fflush(d->spool) == EOF || fseeko(d->spool, 0, SEEK_SET) < 0)
		return sift_error_set(err, 0, "temporary file: %s", strerror(errno));
	d->spool_flushed = d->spool_end;
	return 0;
}

/* The next spool line into d->seq (no newline), 0 at the end, -1 error. */
static int
spool_next(struct sift_dedup *d, struct sift_error *err)
{
	d->seqlen = getline(&d->seq, &d->seqcap, d->spool);
	if (d->seqlen < 0) {
		if (ferror(d->spool))
			return sift_error_set(err, 0, "temporary file: read error: %s",
			    strerror(errno));
		return sift_error_set(err, 0, "temporary file: truncated");
	}
	if (d->seqlen > 0 && d->seq[d->seqlen - 1] == '\n')
		d->seq[--d->seqlen] = '\0';
	return 1;
}

int
sift_dedup_spool(struct sift_dedup *d, const struct sift_record *rec,
    struct sift_error *err)
{
	struct sift_dedup_match m;

	if (d->noff == 0)
		sift_dedup_index_track_docs(d->x);
	if (key_record(d, rec, err) < 0)
		return -1;
	sift_dedup_index_add(d->x, &d->key, &m);
	sift_buf_reset(&d->line);
	sift_dedup_key_format(&d->o, &d->key, &d->line);
	return spool_write(d, d->line.data, d->line.len, rec->line, rec->len, err);
}

/* Forward declarations for the one-pass reduce. */
static struct kept_info *kept_lookup(struct sift_dedup *d, uint32_t doc,
    struct sift_error *err);
static void emit_plan_line(struct sift_dedup *d, uint64_t ordinal,
    const char *sim, const struct kept_info *ki, sift_dedup_line_fn emit_line,
    void *ctx);

int
sift_dedup_reduce_line(struct sift_dedup *d, const char *line, size_t n,
    sift_dedup_line_fn emit_line, void *ctx, struct sift_error *err)
{
	struct sift_dedup_match m;
	const struct kept_info *ki;
	const char *rest;
	char sim[16];

	if (sift_dedup_key_parse(&d->o, line, n, &d->key, &rest, err) < 0)
		return -1;
	if (d->have_last && d->key.ordinal <= d->last_ordinal)
		return sift_error_set(err, 0, "key lines out of order (sort them "
		    "first: LC_ALL=C sort)");
	if (!d->have_last)
		sift_dedup_index_track_docs(d->x);
	d->have_last = 1;
	d->last_ordinal = d->key.ordinal;
	d->st.records++;
	sift_dedup_index_add(d->x, &d->key, &m);
	if (spool_write(d, line, n, NULL, 0, err) < 0)
		return -1;
	if (sift_dedup_streams(&d->o) && m.dup) {
		/* the decision is final already: write the plan line now and
		 * spare sift_dedup_reduce_finish a second pass */
		if ((ki = kept_lookup(d, m.leader_doc, err)) == NULL)
			return -1;
		snprintf(sim, sizeof(sim), "%.2f", m.similarity);
		emit_plan_line(d, d->key.ordinal, sim, ki, emit_line, ctx);
		d->st.duplicates++;
	}
	return 0;
}

/* ---- the output pass ---- */

static struct kept_info *
kept_lookup(struct sift_dedup *d, uint32_t doc, struct sift_error *err)
{
	size_t mask, i;
	struct kept_info *ki;
	const char *rest;

	if (d->kept_slot == NULL) {
		d->kept_bits = 10;
		d->kept_slot = sift_xmalloc(((size_t)1 << d->kept_bits) * sizeof(uint32_t));
		memset(d->kept_slot, 0xff, ((size_t)1 << d->kept_bits) * sizeof(uint32_t));
	}
	mask = ((size_t)1 << d->kept_bits) - 1;
	for (i = sift_mix64(doc) & mask; d->kept_slot[i] != NONE; i = (i + 1) & mask)
		if (d->kept[d->kept_slot[i]].doc == doc)
			return &d->kept[d->kept_slot[i]];
	/* not cached: read its key from the spool */
	if (d->spool_flushed < d->spool_end) {
		if (fflush(d->spool) == EOF) {
			sift_error_set(err, 0, "temporary file: write error: %s",
			    strerror(errno));
			return NULL;
		}
		d->spool_flushed = d->spool_end;
	}
	if (spool_read_at(d, d->off[doc], err) < 0)
		return NULL;
	if (sift_dedup_key_parse(&d->o, d->readbuf.data, d->readbuf.len, &d->key2,
	    &rest, err) < 0)
		return NULL;
	if (d->nkept == d->keptcap) {
		d->keptcap = d->keptcap ? d->keptcap * 2 : 256;
		d->kept = sift_xrealloc(d->kept, d->keptcap * sizeof(*d->kept));
	}
	if ((d->nkept + 1) * 2 > ((size_t)1 << d->kept_bits)) {
		size_t j, n;

		d->kept_bits++;
		n = (size_t)1 << d->kept_bits;
		free(d->kept_slot);
		d->kept_slot = sift_xmalloc(n * sizeof(uint32_t));
		memset(d->kept_slot, 0xff, n * sizeof(uint32_t));
		mask = n - 1;
		for (j = 0; j < d->nkept; j++) {
			for (i = sift_mix64(d->kept[j].doc) & mask; d->kept_slot[i] != NONE;
			    i = (i + 1) & mask)
				;
			d->kept_slot[i] = (uint32_t)j;
		}
		for (i = sift_mix64(doc) & mask; d->kept_slot[i] != NONE; i = (i + 1) & mask)
			;
	}
	d->kept_slot[i] = (uint32_t)d->nkept;
	ki = &d->kept[d->nkept++];
	ki->doc = doc;
	ki->has_sig = d->key2.has_sig;
	memcpy(ki->sig, d->key2.sig, sizeof(ki->sig));
	ki->id_off = d->kept_ids.len;
	ki->id_len = d->key2.id.len;
	sift_buf_add(&d->kept_ids, d->key2.id.data, d->key2.id.len);
	return ki;
}

/* Similarity of a duplicate to its kept record, as written ("0.87"). */
static void
format_similarity(const struct sift_dedup_key *k, const struct kept_info *ki,
    char *out, size_t size)
{
	double s = 1.0;

	if (k->has_sig && ki->has_sig)
		s = sift_minhash_packed_similarity(k->sig, ki->sig);
	snprintf(out, size, "%.2f", s);
}

/* Remove boilerplate lines (count >= lines_min) from rec. */
static int
drop_lines(struct sift_dedup *d, struct sift_record *rec, struct sift_error *err)
{
	size_t i, start = 0, dropped = 0;
	uint64_t h;
	int empty, r;

	if (d->o.sentences) {
		json_t *a = sift_record_get_json(rec, "sentences"), *v;
		json_t *sp, *na, *nsp = NULL;

		if (a == NULL)
			return 0;
		if (!json_is_array(a)) {
			json_decref(a);
			return sift_error_set(err, 0, "field \"sentences\" is not an array");
		}
		sp = sift_record_get_json(rec, "spans");
		if (sp && (!json_is_array(sp) || json_array_size(sp) != json_array_size(a))) {
			json_decref(sp);
			sp = NULL;
		}
		na = json_array();
		if (sp)
			nsp = json_array();
		json_array_foreach(a, i, v) {
			if (json_is_string(v)) {
				h = line_hash(d, json_string_value(v),
				    json_string_length(v), &empty);
				if (!empty && lineset_count(&d->lines, h) >=
				    (uint32_t)d->o.lines_min) {
					dropped++;
					continue;
				}
			}
			json_array_append(na, v);
			if (sp)
				json_array_append(nsp, json_array_get(sp, i));
		}
		if (dropped) {
			sift_record_set_json(rec, "sentences", na);
			if (sp)
				sift_record_set_json(rec, "spans", nsp);
		} else {
			json_decref(na);
			json_decref(nsp);
		}
		json_decref(a);
		json_decref(sp);
		d->st.lines_dropped += dropped;
		return 0;
	}
	r = sift_record_get_string(rec, d->o.field, &d->text);
	if (r < 0)
		return sift_error_set(err, 0, "field \"%s\" is not a string", d->o.field);
	if (r == 0)
		return 0;
	sift_buf_reset(&d->line);
	for (i = 0; i <= d->text.len; i++) {
		if (i < d->text.len && d->text.data[i] != '\n')
			continue;
		h = line_hash(d, d->text.data + start, i - start, &empty);
		if (!empty && lineset_count(&d->lines, h) >= (uint32_t)d->o.lines_min) {
			dropped++;
		} else {
			sift_buf_add(&d->line, d->text.data + start, i - start);
			if (i < d->text.len)
				sift_buf_addc(&d->line, '\n');
		}
		start = i + 1;
	}
	if (dropped) {
		/* a dropped last line leaves the newline before it */
		if (d->line.len && d->line.data[d->line.len - 1] == '\n' &&
		    (d->text.len == 0 || d->text.data[d->text.len - 1] != '\n'))
			sift_buf_setlen(&d->line, d->line.len - 1);
		sift_record_set_string(rec, d->o.field, d->line.data, d->line.len);
		d->st.lines_dropped += dropped;
	}
	return 0;
}

/*
 * The decision for one record, shared by the single-process output pass and
 * the apply step so that both write the same bytes: 1 drop, 0 write.
 */
static int
finish_record(struct sift_dedup *d, struct sift_record *rec, int dup,
    const char *kept_id, size_t kept_id_len, const char *sim, size_t sim_len,
    struct sift_error *err)
{
	if (dup && !d->o.mark)
		return 1;
	if (d->o.lines_min > 0 && drop_lines(d, rec, err) < 0)
		return -1;
	if (d->o.mark) {
		if (dup) {
			sift_record_set_raw(rec, "cluster", kept_id, kept_id_len);
			sift_record_set_raw(rec, "dup_of", kept_id, kept_id_len);
			sift_record_set_raw(rec, "similarity", sim, sim_len);
		} else {
			record_id(d, rec, &d->tmp);
			sift_record_set_raw(rec, "cluster", d->tmp.data, d->tmp.len);
		}
	}
	return 0;
}

/* Count the lines of kept records over the spool; keep the boilerplate. */
static int
count_lines(struct sift_dedup *d, struct sift_error *err)
{
	uint32_t doc;
	const char *rest;
	size_t i;

	if (spool_rewind(d, err) < 0)
		return -1;
	for (doc = 0; doc < d->noff; doc++) {
		if (spool_next(d, err) < 0)
			return -1;
		if (sift_dedup_index_kept(d->x, doc) != doc)
			continue;
		if (sift_dedup_key_parse(&d->o, d->seq, (size_t)d->seqlen,
		    &d->key, &rest, err) < 0)
			return -1;
		for (i = 0; i < d->key.nline; i++)
			lineset_add(&d->lines, d->key.line[i], 1);
	}
	for (i = 0; d->lines.key && i < ((size_t)1 << d->lines.bits); i++)
		if (d->lines.key[i] && d->lines.count[i] >= (uint32_t)d->o.lines_min)
			d->st.boilerplate++;
	return 0;
}

/*
 * Walk the spool in order; for each record find its kept record and call
 * back with (doc, dup, kept info, similarity); the line is in d->seq and
 * its parsed key in d->key, the text after the key at rest.
 */
typedef int (*walk_fn)(struct sift_dedup *d, uint32_t doc, int dup,
    const struct kept_info *ki, const char *sim, const char *rest,
    void *ctx, struct sift_error *err);

static int
walk(struct sift_dedup *d, walk_fn fn, void *ctx, struct sift_error *err)
{
	uint32_t doc, kept;
	const struct kept_info *ki;
	const char *rest;
	char sim[16];
	int r;

	if (spool_rewind(d, err) < 0)
		return -1;
	for (doc = 0; doc < d->noff; doc++) {
		kept = sift_dedup_index_kept(d->x, doc);
		ki = NULL;
		sim[0] = '\0';
		if (kept != doc) {
			ki = kept_lookup(d, kept, err);
			if (ki == NULL)
				return -1;
			d->st.duplicates++;
		}
		if (spool_next(d, err) < 0)
			return -1;
		if (sift_dedup_key_parse(&d->o, d->seq, (size_t)d->seqlen,
		    &d->key, &rest, err) < 0)
			return -1;
		if (ki)
			format_similarity(&d->key, ki, sim, sizeof(sim));
		r = fn(d, doc, kept != doc, ki, sim, rest, ctx, err);
		if (r < 0)
			return -1;
	}
	return 0;
}

static int
prepare_output(struct sift_dedup *d, struct sift_error *err)
{
	if (d->o.lines_min > 0 && count_lines(d, err) < 0)
		return -1;
	return 0;
}

struct emit_ctx {
	sift_dedup_emit_fn emit;
	sift_dedup_line_fn emit_line;
	void *ctx;
};

static int
walk_records(struct sift_dedup *d, uint32_t doc, int dup,
    const struct kept_info *ki, const char *sim, const char *rest, void *ctx,
    struct sift_error *err)
{
	struct emit_ctx *e = ctx;
	int r;

	if (rest == NULL)
		return sift_error_set(err, 0, "temporary file: record missing");
	if (sift_record_parse(&d->rec2, rest,
	    (size_t)d->seqlen - (size_t)(rest - d->seq), err) < 0)
		return -1;
	r = finish_record(d, &d->rec2, dup,
	    ki ? d->kept_ids.data + ki->id_off : NULL, ki ? ki->id_len : 0,
	    sim, strlen(sim), err);
	if (r < 0)
		return -1;
	if (r == 0)
		e->emit(e->ctx, &d->rec2);
	return 0;
}

int
sift_dedup_spool_finish(struct sift_dedup *d, sift_dedup_emit_fn emit,
    void *ctx, struct sift_error *err)
{
	struct emit_ctx e = { emit, NULL, ctx };

	if (prepare_output(d, err) < 0)
		return -1;
	return walk(d, walk_records, &e, err);
}

static void
emit_plan_line(struct sift_dedup *d, uint64_t ordinal, const char *sim,
    const struct kept_info *ki, sift_dedup_line_fn emit_line, void *ctx)
{
	sift_buf_reset(&d->line);
	sift_buf_add(&d->line, "D\t", 2);
	put_hex64(&d->line, ordinal);
	sift_buf_addf(&d->line, "\t%s\t", sim);
	sift_buf_add(&d->line, d->kept_ids.data + ki->id_off, ki->id_len);
	emit_line(ctx, d->line.data, d->line.len);
}

static int
walk_plan(struct sift_dedup *d, uint32_t doc, int dup,
    const struct kept_info *ki, const char *sim, const char *rest, void *ctx,
    struct sift_error *err)
{
	struct emit_ctx *e = ctx;

	if (dup)
		emit_plan_line(d, d->key.ordinal, sim, ki, e->emit_line, e->ctx);
	return 0;
}

int
sift_dedup_reduce_finish(struct sift_dedup *d, sift_dedup_line_fn emit_line,
    void *ctx, struct sift_error *err)
{
	struct emit_ctx e = { NULL, emit_line, ctx };
	uint64_t *b = NULL;
	size_t nb = 0, i;

	if (sift_dedup_streams(&d->o))
		return 0;	/* written by sift_dedup_reduce_line */
	if (prepare_output(d, err) < 0)
		return -1;
	if (walk(d, walk_plan, &e, err) < 0)
		return -1;
	if (d->o.lines_min > 0 && d->st.boilerplate > 0) {
		b = sift_xmalloc(d->st.boilerplate * sizeof(*b));
		for (i = 0; i < ((size_t)1 << d->lines.bits); i++)
			if (d->lines.key[i] && d->lines.count[i] >= (uint32_t)d->o.lines_min)
				b[nb++] = d->lines.key[i];
		qsort(b, nb, sizeof(*b), cmp_u64);
		for (i = 0; i < nb; i++) {
			sift_buf_reset(&d->line);
			sift_buf_add(&d->line, "B\t", 2);
			put_hex64(&d->line, b[i]);
			emit_line(ctx, d->line.data, d->line.len);
		}
		free(b);
	}
	return 0;
}

/* ---- the apply step ---- */

int
sift_dedup_plan_line(struct sift_dedup *d, const char *line, size_t n,
    struct sift_error *err)
{
	uint64_t v;
	const char *sim, *id, *end = line + n;
	struct plan_dup *p;

	if (n == 18 && line[0] == 'B' && line[1] == '\t') {
		if (get_hex64(line + 2, &v) < 0)
			return sift_error_set(err, 0, "malformed plan line: bad hash");
		/* stored hashes already have the low bit set */
		lineset_add(&d->lines, v, (uint32_t)(d->o.lines_min > 0 ?
		    d->o.lines_min : 1));
		return 0;
	}
	if (n < 21 || line[0] != 'D' || line[1] != '\t' || line[18] != '\t' ||
	    get_hex64(line + 2, &v) < 0)
		return sift_error_set(err, 0, "malformed plan line");
	if ((long)(v >> SIFT_DEDUP_SHARD_SHIFT) != d->o.shard)
		return 0;
	sim = line + 19;
	id = memchr(sim, '\t', (size_t)(end - sim));
	if (id == NULL || id == sim || id + 1 == end)
		return sift_error_set(err, 0, "malformed plan line");
	id++;
	if (d->nplan && v <= d->plan[d->nplan - 1].ordinal)
		return sift_error_set(err, 0, "plan lines out of order");
	if (d->nplan == d->plancap) {
		d->plancap = d->plancap ? d->plancap * 2 : 1024;
		d->plan = sift_xrealloc(d->plan, d->plancap * sizeof(*d->plan));
	}
	p = &d->plan[d->nplan++];
	p->ordinal = v;
	p->sim_off = d->plan_text.len;
	p->sim_len = (size_t)(id - 1 - sim);
	sift_buf_add(&d->plan_text, sim, p->sim_len);
	p->id_off = d->plan_text.len;
	p->id_len = (size_t)(end - id);
	sift_buf_add(&d->plan_text, id, p->id_len);
	return 0;
}

int
sift_dedup_apply(struct sift_dedup *d, struct sift_record *rec,
    struct sift_error *err)
{
	uint64_t ord = (uint64_t)d->o.shard << SIFT_DEDUP_SHARD_SHIFT |
	    d->next_index++;
	const struct plan_dup *p = NULL;
	enum sift_json_type t;
	int r;

	d->st.records++;
	/* refuse what the map step refused, so that both runs agree */
	t = sift_record_type(rec, d->o.field);
	if (t != SIFT_JSON_NONE && t != SIFT_JSON_STRING)
		return sift_error_set(err, 0, "field \"%s\" is not a string", d->o.field);
	if (d->o.sentences && d->o.lines_min > 0) {
		t = sift_record_type(rec, "sentences");
		if (t != SIFT_JSON_NONE && t != SIFT_JSON_ARRAY)
			return sift_error_set(err, 0, "field \"sentences\" is not an array");
	}
	while (d->planpos < d->nplan && d->plan[d->planpos].ordinal < ord)
		d->planpos++;	/* not expected: the plan names no such record */
	if (d->planpos < d->nplan && d->plan[d->planpos].ordinal == ord)
		p = &d->plan[d->planpos++];
	if (p)
		d->st.duplicates++;
	r = finish_record(d, rec, p != NULL,
	    p ? d->plan_text.data + p->id_off : NULL, p ? p->id_len : 0,
	    p ? d->plan_text.data + p->sim_off : NULL, p ? p->sim_len : 0, err);
	return r;
}
