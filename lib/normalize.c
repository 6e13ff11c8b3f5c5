#include "normalize.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ascii.h"
#include "data.h"
#include "utf8.h"

/* What the character table (data/clean-chars.tsv) says to do. */
enum char_action {
	ACT_KEEP = 0,
	ACT_DROP,
	ACT_SPACE,
	ACT_NEWLINE,
	ACT_CR,
	ACT_ZWJ,
	ACT_ZWNJ
};

static unsigned char char_action[0x10000];
static int char_action_loaded;

/*
 * Stability of each code point below STABLE_CACHE_MAX, computed on first
 * sight: planes 0-2 hold all but the rarest text.  Bits: NFC known, NFC
 * stable, NFKC known, NFKC stable.
 */
#define STABLE_CACHE_MAX 0x30000
enum { NFC_KNOWN = 1, NFC_YES = 2, NFKC_KNOWN = 4, NFKC_YES = 8 };
static unsigned char stable_cache[STABLE_CACHE_MAX];

static int
hexval(const char *s, size_t n, long *out)
{
	long v = 0;
	size_t i;

	if (n == 0 || n > 6)
		return -1;
	for (i = 0; i < n; i++) {
		int c = (unsigned char)s[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	*out = v;
	return 0;
}

static int
action_named(const char *s, size_t n)
{
	static const char *const names[] = {
		"keep", "drop", "space", "newline", "cr", "zwj", "zwnj"
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return (int)i;
	return -1;
}

/* Fill char_action from the data file.  A malformed line is skipped (the
 * unit tests check that every line of the shipped file parses). */
static void
load_char_actions(void)
{
	const char *text, *line, *f[4];
	size_t len, pos = 0, linelen, fl[4];
	long lo, hi, cp;
	int act;

	char_action_loaded = 1;
	text = sift_data("clean-chars.tsv", &len);
	if (text == NULL)
		return;
	while (sift_data_next_line(text, len, &pos, &line, &linelen)) {
		if (sift_data_split(line, linelen, f, fl, 4) < 3)
			continue;
		if (hexval(f[0], fl[0], &lo) < 0 || hexval(f[1], fl[1], &hi) < 0)
			continue;
		act = action_named(f[2], fl[2]);
		if (act < 0 || lo > hi || hi > 0xFFFF)
			continue;
		for (cp = lo; cp <= hi; cp++)
			char_action[cp] = (unsigned char)act;
	}
}

int
sift_norm_char_table_ok(void)
{
	const char *text, *line, *f[4];
	size_t len, pos = 0, linelen, fl[4];
	long lo, hi;

	text = sift_data("clean-chars.tsv", &len);
	if (text == NULL)
		return 0;
	while (sift_data_next_line(text, len, &pos, &line, &linelen)) {
		if (sift_data_split(line, linelen, f, fl, 4) < 3 ||
		    hexval(f[0], fl[0], &lo) < 0 || hexval(f[1], fl[1], &hi) < 0 ||
		    action_named(f[2], fl[2]) < 0 || lo > hi || hi > 0xFFFF)
			return 0;
	}
	return 1;
}

/*
 * Whether cp can be the second character of a primary composite, i.e. may
 * compose with what precedes it (NFC_Quick_Check=Maybe).  utf8proc keeps
 * that in comb_index; conjoining Hangul vowels and trailing consonants
 * compose algorithmically and are not in its table.
 */
static int
composes_with_previous(int32_t cp, const utf8proc_property_t *p)
{
	if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2))
		return 1;
#if UTF8PROC_VERSION_MAJOR > 2 || \
    (UTF8PROC_VERSION_MAJOR == 2 && UTF8PROC_VERSION_MINOR >= 9)
	return p->comb_issecond;
#else
	return p->comb_index != UINT16_MAX && (p->comb_index & 0x8000) != 0;
#endif
}

static int
compute_stable(int32_t cp, int nfkc)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	utf8proc_option_t compat = nfkc ? UTF8PROC_COMPAT : 0;
	utf8proc_int32_t buf[32];
	utf8proc_ssize_t k;
	int boundclass = 0;

	if (p->combining_class != 0 || composes_with_previous(cp, p))
		return 0;
	if (p->comp_exclusion)
		return 0;	/* decomposes and never recomposes */
	if (p->decomp_seqindex == UINT16_MAX)
		return 1;	/* no decomposition at all */
	k = utf8proc_decompose_char(cp, buf, 32, UTF8PROC_DECOMPOSE | compat,
	    &boundclass);
	if (k <= 0 || k > 32)
		return 0;
	k = utf8proc_normalize_utf32(buf, k, UTF8PROC_COMPOSE | compat);
	return k == 1 && buf[0] == cp;
}

int
sift_norm_stable_cp(int32_t cp, int nfkc)
{
	unsigned char known = nfkc ? NFKC_KNOWN : NFC_KNOWN;
	unsigned char yes = nfkc ? NFKC_YES : NFC_YES;
	int r;

	if (cp < 0x80 || (cp >= 0xAC00 && cp <= 0xD7A3))
		return 1;
	if (!nfkc && cp < 0x300)
		return 1;	/* Latin-1 and Latin Extended-A/B are NFC */
	if (cp < STABLE_CACHE_MAX && (stable_cache[cp] & known))
		return (stable_cache[cp] & yes) != 0;
	r = compute_stable(cp, nfkc);
	if (cp < STABLE_CACHE_MAX)
		stable_cache[cp] |= known | (r ? yes : 0);
	return r;
}

int
sift_norm_quick_check(const char *str, size_t n, int nfkc)
{
	size_t i = 0, k;
	int32_t cp;

	while (i < n) {
		if ((unsigned char)str[i] < 0x80) {
			i++;
			continue;
		}
		k = sift_utf8_seqlen((const unsigned char *)str + i, n - i);
		if (k == 0)
			return 0;
		sift_utf8_decode(str + i, n - i, &cp);
		if (!sift_norm_stable_cp(cp, nfkc))
			return 0;
		i += k;
	}
	return 1;
}

void
sift_normalizer_init(struct sift_normalizer *nz, unsigned flags)
{
	struct sift_normalizer zero = SIFT_NORMALIZER_INIT;

	*nz = zero;
	nz->flags = flags;
	if (!char_action_loaded)
		load_char_actions();
}

void
sift_normalizer_release(struct sift_normalizer *nz)
{
	struct sift_normalizer zero = SIFT_NORMALIZER_INIT;

	free(nz->u32);
	free(nz->line_of);
	free(nz->tmpmap);
	sift_buf_release(&nz->tmp);
	*nz = zero;
}

struct linemap {
	uint32_t *v;
	size_t n, cap;
};

static void
linemap_push(struct linemap *lm, uint32_t line)
{
	if (lm->n == lm->cap)
		lm->v = sift_xgrow(lm->v, &lm->cap, lm->n + 1, sizeof(*lm->v), 64);
	lm->v[lm->n++] = line;
}

/* Joiners are kept where they carry meaning and dropped where they are
 * scraping debris. */
static int
zwj_wanted(int32_t prev)
{
	return prev == 0xFE0F || prev >= 0x1F000 ||
	    (prev >= 0x2000 && utf8proc_category(prev) == UTF8PROC_CATEGORY_SO);
}

static int
zwnj_wanted(int32_t prev)
{
	return prev >= 0x0600 && prev <= 0x0DFF;
}

/* 1 if s starts with a Hangul syllable in valid UTF-8 (this pass also
 * repairs invalid UTF-8, so the continuation bytes are checked here). */
static inline int
hangul3(const unsigned char *s, size_t n)
{
	return n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
	    sift_hangul_at((const char *)s, n);
}

/*
 * One pass over the text: apply the character table, collapse spaces and
 * blank lines, trim lines, map output lines to input lines (through inmap
 * when the input is itself an output of this pass).  Returns 1 if some code
 * point failed the quick stability check.
 *
 * Every byte written is paid for by a byte read, except U+FFFD for an
 * invalid byte (3 for 1), so the buffer is grown once up front and only
 * again on invalid input.
 */
static int
norm_pass(struct sift_buf *out, const char *str, size_t n, struct linemap *lm,
    const uint32_t *inmap, size_t ninmap, int nfkc)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, olen = 0, inl = 0, k;
	int pend_sp = 0, pend_nl = 0, unstable = 0, act;
	int32_t cp, prev = '\n';
	char *o;

	sift_buf_reset(out);
	sift_buf_grow(out, n + 16);
	o = out->data;
	lm->n = 0;

	while (i < n) {
		unsigned c = s[i];

		/*
		 * The fast path: inside a line, copy a run of printable ASCII,
		 * Hangul syllables and single spaces between them in one go.
		 * Nothing in such a run needs the table or the quick check.
		 */
		if (olen > 0 && !pend_nl && !pend_sp) {
			size_t j = i;

			for (;;) {
				if (j < n && s[j] > 0x20 && s[j] < 0x7F) {
					j++;
				} else if (hangul3(s + j, n - j)) {
					j += 3;
				} else if (j + 1 < n && s[j] == ' ' &&
				    ((s[j + 1] > 0x20 && s[j + 1] < 0x7F) ||
				    hangul3(s + j + 1, n - j - 1))) {
					j++;
				} else {
					break;
				}
			}
			if (j > i) {
				memcpy(o + olen, s + i, j - i);
				olen += j - i;
				prev = 'a';	/* a letter: no joiner follows it */
				i = j;
				continue;
			}
		}
		if (c > 0x20 && c < 0x7F) {
			k = 1;
			cp = (int32_t)c;
		} else if (c >= 0xEA && c <= 0xED && i + 2 < n &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
		    (cp = (int32_t)(c & 0x0F) << 12 | (int32_t)(s[i + 1] & 0x3F) << 6 |
		    (s[i + 2] & 0x3F)) >= 0xAC00 && cp <= 0xD7A3) {
			k = 3;		/* a Hangul syllable: always stable */
		} else {
			if (c == ' ') {
				pend_sp = 1;
				i++;
				continue;
			}
			if (c == '\n') {
				act = ACT_NEWLINE;
				k = 1;
			} else {
				k = sift_utf8_decode(str + i, n - i, &cp);
				if (cp == 0xFFFD && k == 1 && c >= 0x80) {
					/* invalid byte: room for U+FFFD */
					out->len = olen;
					sift_buf_grow(out, 3 + (n - i));
					o = out->data;
				}
				act = cp < 0x10000 ? char_action[cp] : ACT_KEEP;
				if (act == ACT_ZWJ)
					act = zwj_wanted(prev) ? ACT_KEEP : ACT_DROP;
				else if (act == ACT_ZWNJ)
					act = zwnj_wanted(prev) ? ACT_KEEP : ACT_DROP;
				else if (act == ACT_CR)
					act = i + 1 < n && s[i + 1] == '\n' ?
					    ACT_DROP : ACT_NEWLINE;
			}
			switch (act) {
			case ACT_DROP:
				i += k;
				continue;
			case ACT_SPACE:
				pend_sp = 1;
				i += k;
				continue;
			case ACT_NEWLINE:
				if (pend_nl < 2)
					pend_nl++;
				pend_sp = 0;
				inl++;
				i += k;
				continue;
			default:
				break;
			}
			if (!unstable && !sift_norm_stable_cp(cp, nfkc))
				unstable = 1;
		}

		/* a visible character: first settle the pending break */
		if (olen == 0 || pend_nl) {
			if (olen > 0) {
				o[olen++] = '\n';
				if (pend_nl > 1) {
					o[olen++] = '\n';
					linemap_push(lm, 0);
				}
			}
			linemap_push(lm, inmap ? (inl < ninmap ? inmap[inl] : 0) :
			    (uint32_t)inl + 1);
			pend_nl = 0;
		} else if (pend_sp) {
			o[olen++] = ' ';
		}
		pend_sp = 0;
		if (k == 1 && c < 0x80) {
			o[olen++] = (char)c;
		} else if (k == 3) {	/* most of Korean text: no memcpy call */
			o[olen] = (char)s[i];
			o[olen + 1] = (char)s[i + 1];
			o[olen + 2] = (char)s[i + 2];
			olen += 3;
		} else if (cp == 0xFFFD && k == 1) {
			memcpy(o + olen, "\xEF\xBF\xBD", 3);
			olen += 3;
		} else {
			memcpy(o + olen, s + i, k);
			olen += k;
		}
		prev = cp;
		i += k;
	}
	out->len = olen;
	o[olen] = '\0';
	return unstable;
}

/* Compose (or fold) s into out with utf8proc, reusing nz->u32.  On a
 * utf8proc error (which valid UTF-8 does not cause) s is copied as is. */
static void
unicode_normalize(struct sift_normalizer *nz, const char *s, size_t n,
    struct sift_buf *out)
{
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    ((nz->flags & SIFT_NORM_NFKC) ? UTF8PROC_COMPAT : 0);
	utf8proc_ssize_t r;

	sift_buf_reset(out);
	for (;;) {
		r = utf8proc_decompose((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, nz->u32, (utf8proc_ssize_t)nz->u32cap, opt);
		if (r < 0) {
			sift_buf_add(out, s, n);
			return;
		}
		if ((size_t)r <= nz->u32cap)
			break;
		nz->u32cap = (size_t)r + (size_t)r / 2 + 16;
		nz->u32 = sift_xrealloc(nz->u32, nz->u32cap * sizeof(*nz->u32));
	}
	r = utf8proc_reencode(nz->u32, r, opt);
	if (r < 0) {
		sift_buf_add(out, s, n);
		return;
	}
	sift_buf_add(out, nz->u32, (size_t)r);
}

int
sift_normalize(struct sift_normalizer *nz, const char *s, size_t n,
    struct sift_buf *out)
{
	int nfkc = (nz->flags & SIFT_NORM_NFKC) != 0;
	struct linemap lm = { nz->line_of, 0, nz->linecap };
	struct linemap first;

	if (!char_action_loaded)
		load_char_actions();
	if (!norm_pass(out, s, n, &lm, NULL, 0, nfkc)) {
		nz->line_of = lm.v;
		nz->nlines = lm.n;
		nz->linecap = lm.cap;
		return 0;
	}
	/*
	 * Compose the cleaned text, then clean again: NFKC can turn a
	 * character into spaces.  The line map of the first pass becomes the
	 * input map of the second, since composing never adds or removes a
	 * line break.
	 */
	nz->slow++;
	unicode_normalize(nz, out->data, out->len, &nz->tmp);
	first = lm;
	lm.v = nz->tmpmap;
	lm.cap = nz->tmpmapcap;
	lm.n = 0;
	norm_pass(out, nz->tmp.data, nz->tmp.len, &lm, first.v, first.n, nfkc);
	nz->line_of = lm.v;
	nz->nlines = lm.n;
	nz->linecap = lm.cap;
	nz->tmpmap = first.v;
	nz->tmpmapcap = first.cap;
	return 1;
}
