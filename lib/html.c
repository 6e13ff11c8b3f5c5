/*
 * html.c - main text of an HTML page.
 *
 * How the text is chosen:
 *
 * 1. The gumbo tree is flattened, in document order, into an array of the
 *    nodes that can carry visible text: scripts, styles, embedded media,
 *    form controls, ruby annotations and hidden elements (hidden,
 *    aria-hidden, display:none, screen-reader-only classes) are left out
 *    with their subtrees.  Each node keeps the index one past its subtree,
 *    so subtrees are ranges and every later pass is a loop, never a
 *    recursion.
 *
 * 2. Text is measured per block: the inline text a block element (p, div,
 *    li, td, h1...) holds directly, in "units" (one per visible character,
 *    three per Hangul, Han or kana character, which carry about three
 *    Latin letters' worth of text), inside links and out.  An inline run
 *    of links (a hover card inside a sentence, a breadcrumb) is set aside
 *    first, so that it does not make its paragraph look like a menu.
 *
 * 3. Each block gets a weight: its text outside links, minus its link
 *    text, minus a constant that makes short blocks count against a region.
 *    Paragraphs weigh positive; menus, link lists and labels negative.
 *    Containers that are surely boilerplate (nav, aside, footer, and class
 *    or id words of data/html-hints.tsv such as "comment" or "outbrain")
 *    count against a region by half their text.
 *
 * 4. The main region is the element whose subtree has the largest total
 *    weight: the one that gathers the most prose while taking in the least
 *    chrome.  Weaker boilerplate words ("sidebar", "widget", "ad") only
 *    discount a region, since wrappers carry them too ("content-with-
 *    sidebar", "elementor-widget-wrap").  An element that names itself a
 *    content container (itemprop=articleBody, "entry-content", ndsoft's
 *    "article-view-content-div"...) wins when it holds the best region or
 *    half its score.  If the winner holds little of the page's prose, the
 *    boilerplate marks on the containers that do are lifted and the choice
 *    is made again.  Then the region narrows to a child that holds nearly
 *    all of its prose.
 *
 * 5. The region is written one block per line, leaving out the boilerplate
 *    inside it (weak-hint containers too when they hold little prose),
 *    captions, and blocks whose text is mostly links.  Before it go the
 *    page's headline (<h1>) when it lies outside, and the lead: prose
 *    blocks just before the region that the score left out with the
 *    bylines and share bars around them.
 *
 * The line-by-line decisions (bylines, photo credits, "무단 전재 및 재배포
 * 금지") are sift-clean's.
 */
#include "html.h"
#include "ascii.h"

#include <gumbo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "data.h"
#include "hash.h"
#include "html_int.h"

#define TAG_TEXT GUMBO_TAG_LAST	/* a text node in the flat tree */
#define NONE UINT32_MAX

/* Weights of the region score (see the top of the file). */
#define BLOCK_COST 20		/* what every block costs */
#define LINK_FACTOR 1		/* link text counts against its block */
#define BOILER_FACTOR 0.5	/* sure boilerplate counts against a region */
#define LINK_DENSE 0.5		/* link share that leaves out a block's text */
#define CLUSTER_LINKS 0.9	/* link share of an inline cluster of links */

/* Class and id hints (data/html-hints.tsv). */
#define HINT_STRONG 50		/* total of a named content container */
#define HINT_BOILER (-30)	/* total of a boilerplate container */
#define HINT_SURE (-70)		/* one word that alone says boilerplate */
#define HINT_HIDE INT16_MIN	/* "hide" in the file */
#define HINT_SKIP INT16_MAX	/* "skip" in the file */
#define HINT_FIGURE (INT16_MAX - 1)	/* "figure" in the file */
#define HINT_LEAD (INT16_MAX - 2)	/* "lead" in the file */
#define MAX_WORD 48		/* longer class words are ignored */

/* Choosing and trimming the region. */
#define WEAK_DISCOUNT 0.5	/* region score factor under a weak hint */
#define STRONG_SHARE 0.5	/* a named container wins with this share of
				 * the best region's score, or when it holds
				 * the best region and STRONG_MORE times its
				 * prose */
#define STRONG_MORE 1.5
#define SOFT_SHARE 0.5		/* a boilerplate-looking wrapper with this
				 * share of the page's prose is unmarked... */
#define RETRY_SHARE 0.3		/* ...when the chosen region has less */
#define DESCEND_SHARE 0.85	/* a child with this share of the region's
				 * prose replaces the region */
#define WEAK_SHARE 0.15		/* a weak-hint container in the region with
				 * less of the region's prose... */
#define WEAK_DENSITY 0.5	/* ...or less prose per unit of text is
				 * left out */
#define LEAD_MIN 40		/* weight of a lead paragraph */
#define LEAD_LINKS 0.2		/* ... and its largest link share */
#define LEAD_LEVELS 4		/* how far up leads are looked for */

enum {
	N_BLOCK = 1 << 0,	/* starts and ends a line */
	N_LINK = 1 << 1,	/* inside <a href> */
	N_BOILER = 1 << 2,	/* boilerplate container: left out */
	N_STRONG = 1 << 3,	/* named content container */
	N_PRE = 1 << 4,		/* inside <pre>: keep whitespace */
	N_HEADING = 1 << 5,	/* h1 */
	N_MAYBE_BOILER = 1 << 6,	/* weak boilerplate (a <form>, a weak
				 * hint): see choose() and settle_boiler() */
	N_ANCHOR = 1 << 7,	/* an <a href> element */
	N_FIGURE = 1 << 8,	/* figure or caption: scored, not written */
	N_LEAD = 1 << 9		/* named a lead or standfirst */
};

struct hnode {
	const GumboNode *g;
	uint32_t end;		/* one past the last node of the subtree */
	uint32_t parent;	/* NONE for the root */
	uint32_t owner;		/* block that owns this node's inline text */
	uint16_t tag;		/* GumboTag, or TAG_TEXT */
	uint16_t flags;
	int32_t hint;		/* class/id/role/itemprop weight */
	uint32_t own;		/* units of inline text this block owns */
	uint32_t own_link;	/* ... of which inside links */
	uint32_t text;		/* units in the whole subtree (gumbo's own
				 * offsets are 32-bit, so this is enough) */
	float score;		/* total block weight of the subtree */
	float prose;		/* total positive block weight of the subtree */
	float discount;		/* product of weak hint factors down to here */
	uint32_t links;		/* <a href> elements in the subtree */
};

struct hint {
	uint64_t key;		/* 0: empty slot */
	int32_t weight;
};

struct sift_html_scratch {
	struct hnode *node;
	size_t n, cap;
	uint32_t *stack;
	size_t stack_cap;
	struct hint *hints;	/* open addressing, built once */
	size_t hint_mask;
	const char *prefix[32];	/* class token prefixes to ignore */
	size_t prefix_len[32];
	size_t nprefix;
	struct sift_html_meta_rules meta_rules;
	struct sift_buf utf8;	/* the page in UTF-8 */
	struct sift_buf pre;	/* after the prescan */
	struct sift_buf tmp;
};

/* ---- tag classes ---- */

enum {
	C_DROP = 1,		/* never text: left out with its subtree */
	C_BLOCK = 2,		/* a line of its own */
	C_BOILER = 4,		/* boilerplate container: nav, aside... */
	C_FIG = 8,		/* figure and caption */
	C_WRAPPER = 16		/* boilerplate unless it wraps the page:
				 * <form> (ASP.NET pages put all in one) */
};

static const unsigned char tag_class[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_HEAD] = C_DROP, [GUMBO_TAG_TITLE] = C_DROP,
	[GUMBO_TAG_BASE] = C_DROP, [GUMBO_TAG_LINK] = C_DROP,
	[GUMBO_TAG_META] = C_DROP, [GUMBO_TAG_STYLE] = C_DROP,
	[GUMBO_TAG_SCRIPT] = C_DROP, [GUMBO_TAG_NOSCRIPT] = C_DROP,
	[GUMBO_TAG_TEMPLATE] = C_DROP, [GUMBO_TAG_IFRAME] = C_DROP,
	[GUMBO_TAG_EMBED] = C_DROP, [GUMBO_TAG_OBJECT] = C_DROP,
	[GUMBO_TAG_PARAM] = C_DROP, [GUMBO_TAG_VIDEO] = C_DROP,
	[GUMBO_TAG_AUDIO] = C_DROP, [GUMBO_TAG_SOURCE] = C_DROP,
	[GUMBO_TAG_TRACK] = C_DROP, [GUMBO_TAG_CANVAS] = C_DROP,
	[GUMBO_TAG_MAP] = C_DROP, [GUMBO_TAG_AREA] = C_DROP,
	[GUMBO_TAG_SVG] = C_DROP, [GUMBO_TAG_MATH] = C_DROP,
	[GUMBO_TAG_IMG] = C_DROP, [GUMBO_TAG_IMAGE] = C_DROP,
	[GUMBO_TAG_INPUT] = C_DROP, [GUMBO_TAG_BUTTON] = C_DROP,
	[GUMBO_TAG_SELECT] = C_DROP, [GUMBO_TAG_DATALIST] = C_DROP,
	[GUMBO_TAG_OPTGROUP] = C_DROP, [GUMBO_TAG_OPTION] = C_DROP,
	[GUMBO_TAG_TEXTAREA] = C_DROP, [GUMBO_TAG_KEYGEN] = C_DROP,
	[GUMBO_TAG_OUTPUT] = C_DROP, [GUMBO_TAG_PROGRESS] = C_DROP,
	[GUMBO_TAG_METER] = C_DROP, [GUMBO_TAG_APPLET] = C_DROP,
	[GUMBO_TAG_FRAME] = C_DROP, [GUMBO_TAG_FRAMESET] = C_DROP,
	[GUMBO_TAG_NOFRAMES] = C_DROP, [GUMBO_TAG_NOEMBED] = C_DROP,
	[GUMBO_TAG_BGSOUND] = C_DROP, [GUMBO_TAG_MENUITEM] = C_DROP,
	[GUMBO_TAG_RT] = C_DROP, [GUMBO_TAG_RP] = C_DROP,
	[GUMBO_TAG_HTML] = C_BLOCK, [GUMBO_TAG_BODY] = C_BLOCK,
	[GUMBO_TAG_ADDRESS] = C_BLOCK, [GUMBO_TAG_ARTICLE] = C_BLOCK,
	[GUMBO_TAG_SECTION] = C_BLOCK, [GUMBO_TAG_MAIN] = C_BLOCK,
	[GUMBO_TAG_BLOCKQUOTE] = C_BLOCK, [GUMBO_TAG_CENTER] = C_BLOCK,
	[GUMBO_TAG_DIV] = C_BLOCK, [GUMBO_TAG_P] = C_BLOCK,
	[GUMBO_TAG_PRE] = C_BLOCK, [GUMBO_TAG_LISTING] = C_BLOCK,
	[GUMBO_TAG_XMP] = C_BLOCK, [GUMBO_TAG_PLAINTEXT] = C_BLOCK,
	[GUMBO_TAG_H1] = C_BLOCK, [GUMBO_TAG_H2] = C_BLOCK,
	[GUMBO_TAG_H3] = C_BLOCK, [GUMBO_TAG_H4] = C_BLOCK,
	[GUMBO_TAG_H5] = C_BLOCK, [GUMBO_TAG_H6] = C_BLOCK,
	[GUMBO_TAG_HGROUP] = C_BLOCK, [GUMBO_TAG_HR] = C_BLOCK,
	[GUMBO_TAG_UL] = C_BLOCK, [GUMBO_TAG_OL] = C_BLOCK,
	[GUMBO_TAG_LI] = C_BLOCK, [GUMBO_TAG_DL] = C_BLOCK,
	[GUMBO_TAG_DT] = C_BLOCK, [GUMBO_TAG_DD] = C_BLOCK,
	[GUMBO_TAG_DIR] = C_BLOCK, [GUMBO_TAG_FIGURE] = C_BLOCK | C_FIG,
	[GUMBO_TAG_FIGCAPTION] = C_BLOCK | C_FIG, [GUMBO_TAG_DETAILS] = C_BLOCK,
	[GUMBO_TAG_SUMMARY] = C_BLOCK, [GUMBO_TAG_FIELDSET] = C_BLOCK,
	[GUMBO_TAG_LEGEND] = C_BLOCK, [GUMBO_TAG_TABLE] = C_BLOCK,
	[GUMBO_TAG_CAPTION] = C_BLOCK, [GUMBO_TAG_TBODY] = C_BLOCK,
	[GUMBO_TAG_THEAD] = C_BLOCK, [GUMBO_TAG_TFOOT] = C_BLOCK,
	[GUMBO_TAG_TR] = C_BLOCK, [GUMBO_TAG_TD] = C_BLOCK,
	[GUMBO_TAG_TH] = C_BLOCK, [GUMBO_TAG_MARQUEE] = C_BLOCK,
	[GUMBO_TAG_HEADER] = C_BLOCK,
	[GUMBO_TAG_NAV] = C_BLOCK | C_BOILER,
	[GUMBO_TAG_ASIDE] = C_BLOCK | C_BOILER,
	[GUMBO_TAG_FOOTER] = C_BLOCK | C_BOILER,
	[GUMBO_TAG_FORM] = C_BLOCK | C_WRAPPER,
	[GUMBO_TAG_MENU] = C_BLOCK | C_BOILER,
};

static int
tag_is(unsigned tag, int cls)
{
	return tag <= GUMBO_TAG_LAST && (tag_class[tag] & cls) != 0;
}

/* ---- hints ---- */

static uint64_t
hint_key(char kind, const char *s, size_t n)
{
	uint64_t h = sift_hash64(s, n, (uint64_t)(unsigned char)kind);

	return h ? h : 1;
}

static void
hint_put(struct sift_html_scratch *sc, uint64_t key, int32_t w)
{
	size_t i = (size_t)key & sc->hint_mask;

	while (sc->hints[i].key != 0 && sc->hints[i].key != key)
		i = (i + 1) & sc->hint_mask;
	sc->hints[i].key = key;
	sc->hints[i].weight = w;
}

static int
hint_get(const struct sift_html_scratch *sc, uint64_t key, int32_t *w)
{
	size_t i = (size_t)key & sc->hint_mask;

	while (sc->hints[i].key != 0) {
		if (sc->hints[i].key == key) {
			*w = sc->hints[i].weight;
			return 1;
		}
		i = (i + 1) & sc->hint_mask;
	}
	return 0;
}

/* Load data/html-hints.tsv into the scratch's table (once). */
static void
load_hints(struct sift_html_scratch *sc)
{
	const char *text, *line, *f[3];
	size_t tlen, pos = 0, llen, flen[3], nlines = 0, cap = 64, i;
	char buf[MAX_WORD + 1];

	text = sift_data("html-hints.tsv", &tlen);
	if (text == NULL) {
		text = "";
		tlen = 0;
	}
	while (sift_data_next_line(text, tlen, &pos, &line, &llen))
		nlines++;
	while (cap < nlines * 2)
		cap *= 2;
	sc->hints = sift_xcalloc(cap, sizeof(*sc->hints));
	sc->hint_mask = cap - 1;
	pos = 0;
	while (sift_data_next_line(text, tlen, &pos, &line, &llen)) {
		int32_t w;
		char kind;

		if (sift_data_split(line, llen, f, flen, 3) != 3 ||
		    flen[1] == 0 || flen[1] > MAX_WORD)
			continue;
		if (flen[2] == 4 && memcmp(f[2], "hide", 4) == 0)
			w = HINT_HIDE;
		else if (flen[2] == 4 && memcmp(f[2], "skip", 4) == 0)
			w = HINT_SKIP;
		else if (flen[2] == 6 && memcmp(f[2], "figure", 6) == 0)
			w = HINT_FIGURE;
		else if (flen[2] == 4 && memcmp(f[2], "lead", 4) == 0)
			w = HINT_LEAD;
		else
			w = (int32_t)strtol(f[2], NULL, 10);
		if (flen[0] == 6 && memcmp(f[0], "prefix", 6) == 0) {
			if (sc->nprefix < 32) {
				sc->prefix[sc->nprefix] = f[1];
				sc->prefix_len[sc->nprefix++] = flen[1];
			}
			continue;
		}
		kind = f[0][0];		/* word, token, itemprop, role */
		for (i = 0; i < flen[1]; i++)
			buf[i] = (char)sift_ascii_lower((unsigned char)f[1][i]);
		hint_put(sc, hint_key(kind, buf, flen[1]), w);
	}
}

struct hint_sum {
	int32_t total;
	int32_t lowest;		/* the most negative single match */
	int hide;
	int figure;
	int lead;
};

static void
add_hint(const struct sift_html_scratch *sc, struct hint_sum *hs, char kind,
    const char *s, size_t n)
{
	int32_t w;

	if (n == 0 || n > MAX_WORD || !hint_get(sc, hint_key(kind, s, n), &w))
		return;
	if (w == HINT_HIDE)
		hs->hide = 1;
	else if (w == HINT_FIGURE)
		hs->figure = 1;
	else if (w == HINT_LEAD)
		hs->lead = 1;
	else if (w != HINT_SKIP) {
		hs->total += w;
		if (w < hs->lowest)
			hs->lowest = w;
	}
}

/* Split one class token or id into words (at non-alphanumerics, case
 * humps and letter/digit changes) and add their hints and those of each
 * pair of adjacent words. */
static void
hint_words(const struct sift_html_scratch *sc, struct hint_sum *hs,
    const char *s, size_t n)
{
	char word[MAX_WORD + 1], pair[2 * MAX_WORD + 1];
	size_t wl = 0, pl = 0, i;
	int prev_kind = 0;	/* 1 lower, 2 upper, 3 digit */

	for (i = 0; i <= n; i++) {
		int c = i < n ? (unsigned char)s[i] : 0;
		int kind = (c >= 'a' && c <= 'z') ? 1 : (c >= 'A' && c <= 'Z') ?
		    2 : (c >= '0' && c <= '9') ? 3 : 0;
		int split = kind == 0 || (prev_kind != 0 && ((kind == 2 &&
		    prev_kind == 1) || (kind == 3) != (prev_kind == 3)));

		if (split && wl > 0) {
			if (wl <= MAX_WORD) {
				add_hint(sc, hs, 'w', word, wl);
				if (pl > 0 && pl <= MAX_WORD) {
					memcpy(pair + pl, word, wl);
					add_hint(sc, hs, 'w', pair, pl + wl);
				}
				memcpy(pair, word, wl);
				pl = wl;
			} else {
				pl = 0;
			}
			wl = 0;
		}
		if (kind != 0) {
			if (wl < MAX_WORD)
				word[wl] = (char)sift_ascii_lower(c);
			wl++;
		}
		prev_kind = kind;
	}
}

static int
skipped_token(const struct sift_html_scratch *sc, const char *s, size_t n)
{
	size_t k, i;

	for (k = 0; k < sc->nprefix; k++) {
		if (n < sc->prefix_len[k])
			continue;
		for (i = 0; i < sc->prefix_len[k]; i++)
			if (sift_ascii_lower((unsigned char)s[i]) != sc->prefix[k][i])
				break;
		if (i == sc->prefix_len[k])
			return 1;
	}
	return 0;
}

/* Hints of a class or id value: its whole tokens and their words. */
static void
hint_attr(const struct sift_html_scratch *sc, struct hint_sum *hs,
    const char *v, int split_tokens)
{
	char tok[MAX_WORD + 1];
	size_t k, i;

	while (*v) {
		while (*v && sift_ascii_space((unsigned char)*v))
			v++;
		for (k = 0; v[k] && (!split_tokens ||
		    !sift_ascii_space((unsigned char)v[k])); k++)
			;
		if (k == 0)
			break;
		if (!skipped_token(sc, v, k)) {
			if (k <= MAX_WORD) {
				for (i = 0; i < k; i++)
					tok[i] = (char)sift_ascii_lower(
					    (unsigned char)v[i]);
				add_hint(sc, hs, 't', tok, k);
			}
			hint_words(sc, hs, v, k);
		}
		v += k;
	}
}

static void
hint_value(const struct sift_html_scratch *sc, struct hint_sum *hs,
    char kind, const char *v)
{
	char buf[MAX_WORD + 1];
	size_t i;

	for (i = 0; v[i] && i < MAX_WORD; i++)
		buf[i] = (char)sift_ascii_lower((unsigned char)v[i]);
	if (v[i] == '\0')
		add_hint(sc, hs, kind, buf, i);
}

/* display:none or visibility:hidden in a style attribute. */
static int
style_hides(const char *v)
{
	char buf[32];
	size_t k = 0;

	for (; *v; v++) {
		if (sift_ascii_space((unsigned char)*v))
			continue;
		if (*v == ';') {
			k = 0;
			continue;
		}
		if (k < sizeof(buf) - 1)
			buf[k++] = (char)sift_ascii_lower((unsigned char)*v);
		buf[k] = '\0';
		if (strcmp(buf, "display:none") == 0 ||
		    strcmp(buf, "visibility:hidden") == 0)
			return 1;
	}
	return 0;
}

/* Look at an element's attributes once: returns 1 if it is hidden; sets
 * *hint (the total weight), *sure (one word alone says boilerplate: a
 * total made of layout words, "nav-header" on the page's wrapper, does
 * not), *figure (a caption or credit), *lead (a standfirst) and
 * *is_link. */
static int
element_attrs(const struct sift_html_scratch *sc, const GumboElement *el,
    int32_t *hint, int *sure, int *figure, int *lead, int *is_link)
{
	struct hint_sum hs = { 0, 0, 0, 0, 0 };
	unsigned i;

	*is_link = 0;
	for (i = 0; i < el->attributes.length; i++) {
		const GumboAttribute *a = el->attributes.data[i];
		const char *name = a->name, *v = a->value;

		switch (name[0]) {
		case 'c':
			if (strcmp(name, "class") == 0)
				hint_attr(sc, &hs, v, 1);
			break;
		case 'i':
			if (strcmp(name, "id") == 0)
				hint_attr(sc, &hs, v, 0);
			else if (strcmp(name, "itemprop") == 0)
				hint_value(sc, &hs, 'i', v);
			break;
		case 'r':
			if (strcmp(name, "role") == 0)
				hint_value(sc, &hs, 'r', v);
			break;
		case 'h':
			if (strcmp(name, "hidden") == 0)
				return 1;
			if (strcmp(name, "href") == 0 && el->tag == GUMBO_TAG_A)
				*is_link = 1;
			break;
		case 'a':
			if (strcmp(name, "aria-hidden") == 0 &&
			    strcmp(v, "true") == 0)
				return 1;
			break;
		case 's':
			if (strcmp(name, "style") == 0 && style_hides(v))
				return 1;
			break;
		default:
			break;
		}
	}
	*hint = hs.total;
	*sure = hs.lowest <= HINT_SURE;
	*figure = hs.figure;
	*lead = hs.lead;
	return hs.hide;
}

/* ---- the flat tree ---- */

static int
is_wide(const unsigned char *p)
{
	/* Hangul syllables and Jamo, CJK ideographs, kana: U+1100-U+11FF,
	 * U+3040-U+30FF, U+3400-U+9FFF, U+AC00-U+D7AF (3-byte UTF-8) */
	unsigned cp = ((unsigned)(p[0] & 0x0F) << 12) |
	    ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);

	return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3040 &&
	    cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
	    (cp >= 0xAC00 && cp <= 0xD7AF);
}

/* Text units of s: visible characters, wide ones counting three. */
static uint32_t
text_units(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t u = 0;

	while (*p) {
		if (*p < 0x80) {
			u += !sift_ascii_space(*p);
			p++;
		} else if (*p < 0xE0) {
			u += !(p[0] == 0xC2 && p[1] == 0xA0);	/* nbsp */
			p += p[1] ? 2 : 1;
		} else if (*p < 0xF0) {
			if (p[1] == 0 || p[2] == 0)
				break;
			u += is_wide(p) ? 3 : 1;
			p += 3;
		} else {
			if (p[1] == 0 || p[2] == 0 || p[3] == 0)
				break;
			u++;
			p += 4;
		}
	}
	return u;
}

static struct hnode *
push_node(struct sift_html_scratch *sc)
{
	if (sc->n == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 1024;
		sc->node = sift_xrealloc(sc->node, sc->cap * sizeof(*sc->node));
	}
	memset(&sc->node[sc->n], 0, sizeof(sc->node[0]));
	return &sc->node[sc->n++];
}

static void
stack_reserve(struct sift_html_scratch *sc, size_t need)
{
	if (need <= sc->stack_cap)
		return;
	while (sc->stack_cap < need)
		sc->stack_cap = sc->stack_cap ? sc->stack_cap * 2 : 256;
	sc->stack = sift_xrealloc(sc->stack, sc->stack_cap *
	    sizeof(*sc->stack));
}

/*
 * Flatten the subtree of root.  Each gumbo node is visited with an
 * explicit stack of (flat index of the parent, next child position) so
 * that the depth of the page never reaches the C stack.
 */
static void
flatten(struct sift_html_scratch *sc, const GumboNode *root, size_t expect)
{
	struct frame {
		const GumboNode *g;
		uint32_t idx;		/* flat index of g */
		unsigned next;		/* next child to visit */
	} *fr = NULL;
	size_t depth = 0, cap = 0;
	struct hnode *nd;

	sc->n = 0;
	if (sc->cap < expect) {
		/* one allocation for the page instead of a doubling series
		 * that copies a large page's tree several times */
		free(sc->node);
		sc->cap = expect;
		sc->node = sift_xmalloc(sc->cap * sizeof(*sc->node));
	}
	nd = push_node(sc);
	nd->g = root;
	nd->parent = NONE;
	nd->owner = 0;
	nd->tag = GUMBO_TAG_BODY;
	nd->flags = N_BLOCK;
	cap = 64;
	fr = sift_xmalloc(cap * sizeof(*fr));
	fr[depth].g = root;
	fr[depth].idx = 0;
	fr[depth].next = 0;
	depth++;
	while (depth > 0) {
		struct frame *f = &fr[depth - 1];
		const GumboVector *kids = f->g->type == GUMBO_NODE_DOCUMENT ?
		    &f->g->v.document.children : &f->g->v.element.children;
		const GumboNode *c;
		struct hnode *par;
		uint32_t idx;

		if (f->next >= kids->length) {
			sc->node[f->idx].end = (uint32_t)sc->n;
			depth--;
			continue;
		}
		c = kids->data[f->next++];
		par = &sc->node[f->idx];
		if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
		    c->type == GUMBO_NODE_WHITESPACE) {
			uint32_t owner = (par->flags & N_BLOCK) ? f->idx :
			    par->owner;
			uint16_t flags = par->flags & (N_LINK | N_PRE);
			uint32_t u = c->type == GUMBO_NODE_WHITESPACE ? 0 :
			    text_units(c->v.text.text);

			idx = (uint32_t)sc->n;
			nd = push_node(sc);
			nd->g = c;
			nd->parent = f->idx;
			nd->owner = owner;
			nd->tag = TAG_TEXT;
			nd->flags = flags;
			nd->end = idx + 1;
			nd->text = u;
			continue;
		}
		if (c->type != GUMBO_NODE_ELEMENT &&
		    c->type != GUMBO_NODE_TEMPLATE)
			continue;
		{
			const GumboElement *el = &c->v.element;
			unsigned tag = el->tag;
			int32_t hint = 0;
			int is_link = 0, sure = 0, figure = 0, lead = 0;
			uint16_t flags;
			uint32_t owner;

			if (el->tag_namespace != GUMBO_NAMESPACE_HTML ||
			    tag_is(tag, C_DROP))
				continue;
			if (element_attrs(sc, el, &hint, &sure, &figure, &lead,
			    &is_link))
				continue;
			flags = par->flags & (N_LINK | N_PRE);
			if (is_link)
				flags |= N_LINK | N_ANCHOR;
			if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING ||
			    tag == GUMBO_TAG_PLAINTEXT || tag == GUMBO_TAG_XMP)
				flags |= N_PRE;
			if (tag_is(tag, C_BLOCK))
				flags |= N_BLOCK;
			if (tag == GUMBO_TAG_H1)
				flags |= N_HEADING;
			if (lead)
				flags |= N_LEAD;
			if (hint >= HINT_STRONG)
				flags |= N_STRONG;
			if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML ||
			    tag == GUMBO_TAG_MAIN)
				;
			else if (tag_is(tag, C_FIG) || figure)
				flags |= N_FIGURE;
			else if ((sure && hint < 0) || tag_is(tag, C_BOILER))
				flags |= N_BOILER;
			else if (tag_is(tag, C_BOILER | C_WRAPPER) ||
			    hint <= HINT_BOILER)
				flags |= N_MAYBE_BOILER;
			idx = (uint32_t)sc->n;
			owner = (flags & N_BLOCK) ? idx :
			    (par->flags & N_BLOCK) ? f->idx : par->owner;
			/* push_node may move sc->node: par is stale after */
			nd = push_node(sc);
			nd->g = c;
			nd->parent = f->idx;
			nd->owner = owner;
			nd->tag = (uint16_t)tag;
			nd->flags = flags;
			nd->hint = hint;
			nd->end = idx + 1;
			if (depth == cap) {
				cap *= 2;
				fr = sift_xrealloc(fr, cap * sizeof(*fr));
			}
			fr[depth].g = c;
			fr[depth].idx = idx;
			fr[depth].next = 0;
			depth++;
		}
	}
	free(fr);
}

/*
 * Measure the text: the units of inline text each block owns, inside
 * links and out.  Before that, an inline element whose text is nearly all
 * the text of two or more links (a hover card of related stories inside a
 * sentence, a breadcrumb, a run of tag links) is set aside as boilerplate,
 * so that it neither counts against the paragraph around it nor is written.
 */
static void
measure(struct sift_html_scratch *sc)
{
	size_t i;

	for (i = 0; i < sc->n; i++) {
		struct hnode *nd = &sc->node[i];

		nd->own = nd->own_link = 0;
		nd->links = (nd->flags & N_ANCHOR) ? 1 : 0;
		if (nd->tag != TAG_TEXT)
			nd->text = nd->prose = 0;
		else
			nd->prose = (nd->flags & N_LINK) ? (double)nd->text : 0;
	}
	/* subtree text, link text (in prose, for now) and link count */
	for (i = sc->n; i-- > 1;) {
		struct hnode *nd = &sc->node[i], *par = &sc->node[nd->parent];

		par->text += nd->text;
		par->prose += nd->prose;
		par->links += nd->links;
	}
	for (i = 1; i < sc->n; i++) {
		struct hnode *nd = &sc->node[i];

		if (nd->tag != TAG_TEXT &&
		    !(nd->flags & (N_BLOCK | N_ANCHOR)) && nd->links >= 2 && nd->text > 0 &&
		    nd->prose >= CLUSTER_LINKS * (double)nd->text)
			nd->flags |= N_BOILER;
	}
	for (i = 0; i < sc->n; i++) {
		struct hnode *nd = &sc->node[i];

		if (nd->tag == TAG_TEXT) {
			struct hnode *own = &sc->node[nd->owner];

			own->own += (uint32_t)nd->text;
			if (nd->flags & N_LINK)
				own->own_link += (uint32_t)nd->text;
			continue;
		}
		if (nd->flags & N_BOILER && !(nd->flags & N_BLOCK))
			i = nd->end - 1;	/* an inline cluster */
	}
}

/* Weight of a block's own text (see the top of the file). */
static double
block_weight(const struct hnode *nd)
{
	double plain, link;

	if (nd->own == 0)
		return 0;
	plain = (double)(nd->own - nd->own_link);
	link = (double)nd->own_link;
	return plain - LINK_FACTOR * link - BLOCK_COST;
}

/*
 * Prose of every subtree: the sum of its blocks' positive weights, which
 * is what a region of real sentences has and a region of links and labels
 * lacks.
 */
static void
sum_prose(struct sift_html_scratch *sc)
{
	size_t i;
	double w;

	for (i = 0; i < sc->n; i++)
		sc->node[i].prose = 0;
	for (i = sc->n; i-- > 0;) {
		struct hnode *nd = &sc->node[i];

		if (nd->tag != TAG_TEXT && (w = block_weight(nd)) > 0)
			nd->prose += w;
		if (nd->parent != NONE)
			sc->node[nd->parent].prose += nd->prose;
	}
}

/* Region scores: subtree totals of block weights, children before
 * parents (the flat tree is in document order, so walking it backwards
 * visits every child before its parent).  Sure boilerplate counts against
 * its region by BOILER_FACTOR of its text. */
static void
score(struct sift_html_scratch *sc)
{
	size_t i;

	for (i = 0; i < sc->n; i++) {
		struct hnode *nd = &sc->node[i];

		nd->score = 0;
		if (nd->tag != TAG_TEXT)
			nd->text = 0;
	}
	for (i = sc->n; i-- > 0;) {
		struct hnode *nd = &sc->node[i];

		if (nd->tag != TAG_TEXT)
			nd->score += block_weight(nd);
		if (nd->flags & N_BOILER)
			nd->score = -BOILER_FACTOR * (double)nd->text;
		if (nd->parent != NONE) {
			sc->node[nd->parent].score += nd->score;
			sc->node[nd->parent].text += nd->text;
		}
	}
}

static int
is_ancestor(const struct sift_html_scratch *sc, uint32_t a, uint32_t d)
{
	return a <= d && d < sc->node[a].end;
}

/*
 * The element with the best region score; see the top of the file.  A
 * weak boilerplate hint does not rule a region out (it may be a wrapper:
 * "content-with-sidebar", "elementor-widget-wrap"), but it discounts the
 * element and everything inside it, so that a sidebar full of comment
 * excerpts loses to a shorter article.  Sure boilerplate is skipped.
 */
static uint32_t
choose(struct sift_html_scratch *sc)
{
	uint32_t best = 0, strong = NONE, a;
	double best_v = sc->node[0].score, strong_v = 0, v;
	size_t i;

	sc->node[0].discount = 1;
	for (i = 1; i < sc->n; i++) {
		struct hnode *nd = &sc->node[i];

		if (nd->tag == TAG_TEXT)
			continue;
		if (nd->flags & N_BOILER) {
			i = nd->end - 1;
			continue;
		}
		nd->discount = sc->node[nd->parent].discount;
		if (nd->hint < 0)
			nd->discount *= nd->hint > -50 ? 1 + nd->hint / 100.0 :
			    WEAK_DISCOUNT;
		v = nd->score * nd->discount;
		if (v > best_v) {
			best = (uint32_t)i;
			best_v = v;
		}
		if ((nd->flags & N_STRONG) &&
		    (strong == NONE || v > strong_v)) {
			strong = (uint32_t)i;
			strong_v = v;
		}
	}
	if (strong != NONE && strong_v > 0 && strong_v >= STRONG_SHARE * best_v)
		return strong;
	/* a named container around the best region, with clearly more
	 * prose: its link lists weighed it down, the writer drops them */
	for (a = sc->node[best].parent; a != NONE; a = sc->node[a].parent)
		if ((sc->node[a].flags & N_STRONG) &&
		    (sc->node[a].prose >= STRONG_MORE * sc->node[best].prose ||
		    sc->node[a].score >= -sc->node[a].prose))
			return a;
	return best;
}

/*
 * When the chosen region holds little of the page's prose, the article is
 * probably inside something marked as boilerplate: an <aside> used as the
 * article column, a wrapper called "nav-header".  Unmark the boilerplate
 * containers that hold most of the page's prose; returns how many.
 */
static size_t
unmark_wrappers(struct sift_html_scratch *sc)
{
	double total = sc->node[0].prose;
	size_t i, n = 0;

	for (i = 1; i < sc->n; i++) {
		struct hnode *nd = &sc->node[i];

		if ((nd->flags & N_BOILER) && nd->tag != TAG_TEXT &&
		    nd->prose >= SOFT_SHARE * total) {
			nd->flags &= (uint16_t)~N_BOILER;
			nd->flags |= N_MAYBE_BOILER;
			n++;
		}
	}
	return n;
}

/*
 * Narrow the chosen region to the child that holds nearly all of its prose:
 * the region score takes in a wrapper when the chrome around the article
 * weighs little, but the article itself is the better answer.
 */
static uint32_t
descend(const struct sift_html_scratch *sc, uint32_t best)
{
	for (;;) {
		const struct hnode *b = &sc->node[best];
		uint32_t c, next = NONE;

		for (c = best + 1; c < b->end; c = sc->node[c].end) {
			if (sc->node[c].tag != TAG_TEXT &&
			    !(sc->node[c].flags & N_BOILER) &&
			    sc->node[c].prose >= DESCEND_SHARE * b->prose) {
				next = c;
				break;
			}
		}
		if (next == NONE || b->prose <= 0)
			return best;
		best = next;
	}
}

/*
 * Inside the chosen region, a container with a weak boilerplate hint is
 * left out when it holds little of the region's prose or little prose for
 * its text (share bars, ad slots, tag lists, related-story teasers); one
 * that holds a good part of the article ("TestReport__Section--Ads") stays.
 */
static void
settle_boiler(struct sift_html_scratch *sc, uint32_t region)
{
	const struct hnode *r = &sc->node[region];
	uint32_t i;

	for (i = region + 1; i < r->end; i++) {
		struct hnode *nd = &sc->node[i];

		if (!(nd->flags & N_MAYBE_BOILER))
			continue;
		if (nd->prose < WEAK_SHARE * r->prose ||
		    nd->prose < WEAK_DENSITY * (double)nd->text) {
			nd->flags |= N_BOILER;
			i = nd->end - 1;
		}
	}
}

/* ---- writing lines ---- */

struct writer {
	struct sift_buf *out;
	size_t line_start;	/* offset where the current line began */
	int pending_space;
};

static void
end_line(struct writer *w)
{
	struct sift_buf *o = w->out;

	while (o->len > w->line_start && o->data[o->len - 1] == ' ')
		o->len--;
	if (o->len > w->line_start) {
		sift_buf_addc(o, '\n');
	} else if (o->cap) {
		o->data[o->len] = '\0';
	}
	w->line_start = o->len;
	w->pending_space = 0;
}

static void
put_text(struct writer *w, const char *s, int pre)
{
	const unsigned char *p = (const unsigned char *)s;
	struct sift_buf *o = w->out;

	while (*p) {
		const unsigned char *q = p;

		if (pre && (*p == '\n' || *p == '\r')) {
			end_line(w);
			p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
			continue;
		}
		if (pre && (*p == ' ' || *p == '\t')) {
			/* indentation is part of preformatted text */
			if (w->pending_space && o->len > w->line_start)
				sift_buf_addc(o, ' ');
			w->pending_space = 0;
			sift_buf_addc(o, (char)*p++);
			continue;
		}
		if (sift_ascii_space(*p) || (p[0] == 0xC2 && p[1] == 0xA0)) {
			w->pending_space = 1;
			p += *p == 0xC2 ? 2 : 1;
			continue;
		}
		while (*q && !sift_ascii_space(*q) && !(q[0] == 0xC2 && q[1] == 0xA0))
			q++;
		if (w->pending_space && o->len > w->line_start)
			sift_buf_addc(o, ' ');
		w->pending_space = 0;
		sift_buf_add(o, p, (size_t)(q - p));
		p = q;
	}
}

/* Is this block's own text mostly links? */
static int
link_dense(const struct hnode *nd)
{
	return nd->own > 0 && (double)nd->own_link > LINK_DENSE * nd->own;
}

/*
 * Write the subtree of top.  whole: everything (no boilerplate or link
 * density decisions).  skip: a node to leave out (the headline already
 * written), or NONE.
 */
static void
write_region(struct sift_html_scratch *sc, uint32_t top, int whole,
    uint32_t skip, struct writer *w)
{
	uint32_t i = top, stop = sc->node[top].end;
	size_t sp = 0;

	stack_reserve(sc, 64);
	while (i < stop) {
		const struct hnode *nd = &sc->node[i];

		while (sp > 0 && sc->node[sc->stack[sp - 1]].end <= i) {
			if (sc->node[sc->stack[sp - 1]].flags & N_BLOCK)
				end_line(w);
			sp--;
		}
		if (i == skip || (!whole && i != top &&
		    (nd->flags & (N_BOILER | N_FIGURE)))) {
			i = nd->end;
			continue;
		}
		if (nd->tag == TAG_TEXT) {
			const struct hnode *own = &sc->node[nd->owner];

			if (whole || !link_dense(own))
				put_text(w, nd->g->v.text.text,
				    nd->flags & N_PRE);
			i++;
			continue;
		}
		if (nd->tag == GUMBO_TAG_BR || (nd->flags & N_BLOCK))
			end_line(w);
		stack_reserve(sc, sp + 1);
		sc->stack[sp++] = i;
		i++;
	}
	while (sp > 0) {
		if (sc->node[sc->stack[--sp]].flags & N_BLOCK)
			end_line(w);
	}
	end_line(w);
}

/* A block that reads as prose: positive weight, few links. */
static int
prose_block(const struct hnode *nd)
{
	return nd->own > 0 && block_weight(nd) >= LEAD_MIN &&
	    (double)nd->own_link <= LEAD_LINKS * nd->own;
}

/* Is node i inside (or itself) a boilerplate container? */
static int
inside_boiler(const struct sift_html_scratch *sc, uint32_t i)
{
	for (; i != NONE; i = sc->node[i].parent)
		if (sc->node[i].flags & (N_BOILER | N_FIGURE))
			return 1;
	return 0;
}

/* Does a class or id word on the way from top down to node i (both
 * included) mark boilerplate ("image", "promo")? */
static int
hinted_down(const struct sift_html_scratch *sc, uint32_t top, uint32_t i)
{
	for (;;) {
		if (sc->node[i].hint <= HINT_BOILER)
			return 1;
		if (i == top)
			return 0;
		i = sc->node[i].parent;
	}
}

/*
 * Write the lead of the region: prose blocks just before it, among the
 * earlier siblings of the region and of its ancestors up to LEAD_LEVELS
 * levels, that the region score left out because the short blocks around
 * them (headline, byline, date, share bar) weigh against their container:
 * a standfirst in the article header, "tb-article-intro" beside
 * "tb-article-content".  Also the nearest block before the region that
 * names itself a lead ("a-lead", "uk-text-lead"), however far up it is.
 * Only the prose blocks of those are written, not bylines and labels.
 */
static void
write_leads(struct sift_html_scratch *sc, uint32_t best, uint32_t skip,
    struct writer *w)
{
	uint32_t lead[64], child = best, a, c, i;
	size_t n = 0, k, level;

	for (level = 0; level < LEAD_LEVELS && n < 64; level++) {
		a = sc->node[child].parent;
		if (a == NONE || a == 0 || (sc->node[a].flags & N_BOILER))
			break;
		/* the siblings before child, in document order */
		for (c = a + 1; c < child && n < 64; c = sc->node[c].end) {
			const struct hnode *s = &sc->node[c];

			if (s->tag == TAG_TEXT || (s->flags &
			    (N_BOILER | N_FIGURE)) || s->prose <= 0)
				continue;
			lead[n++] = c;
		}
		child = a;
	}
	/* a block named a lead ("a-lead", "article-intro", "standfirst")
	 * anywhere before the region: the nearest one */
	for (i = best; i-- > 1;) {
		const struct hnode *nd = &sc->node[i];

		if (!(nd->flags & N_LEAD) || is_ancestor(sc, i, best))
			continue;
		if (!inside_boiler(sc, i) && n < 64) {
			for (k = 0; k < n && !is_ancestor(sc, lead[k], i) &&
			    !is_ancestor(sc, i, lead[k]); k++)
				;
			if (k == n)
				lead[n++] = i;
		}
		break;
	}
	/* into document order: higher levels' siblings come first */
	for (i = 1; i < n; i++) {
		uint32_t v = lead[i];

		for (k = i; k > 0 && lead[k - 1] > v; k--)
			lead[k] = lead[k - 1];
		lead[k] = v;
	}
	for (k = 0; k < n; k++) {
		uint32_t end = sc->node[lead[k]].end;

		for (i = lead[k]; i < end; i++) {
			const struct hnode *nd = &sc->node[i];

			if (i == skip || (nd->flags & (N_BOILER | N_FIGURE))) {
				i = nd->end - 1;
				continue;
			}
			if (nd->tag != TAG_TEXT && (nd->flags & N_BLOCK) &&
			    prose_block(nd) && !hinted_down(sc, lead[k], i)) {
				write_region(sc, i, 0, skip, w);
				i = nd->end - 1;
			}
		}
	}
}

/* Collapse s to words separated by single spaces, lowercased ASCII, into
 * out: for comparing a heading with the page title. */
static void
norm_text(const char *s, size_t n, struct sift_buf *out)
{
	size_t i;
	int space = 0;

	sift_buf_reset(out);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (sift_ascii_space(c) || c == '|' || c == '-' || c == ':') {
			space = out->len > 0;
			continue;
		}
		if (space)
			sift_buf_addc(out, ' ');
		space = 0;
		sift_buf_addc(out, (char)sift_ascii_lower(c));
	}
}

/*
 * The page's headline: the <h1> whose text the title or og:title contains
 * (titles read "Headline | Site"), else the only <h1>.  NONE if there is
 * no such heading or it is inside a boilerplate container.
 */
static uint32_t
find_headline(struct sift_html_scratch *sc, const json_t *meta)
{
	const char *titles[3];
	uint32_t found = NONE, only = NONE;
	size_t i, k, nh1 = 0;
	struct sift_buf h = SIFT_BUF_INIT, t = SIFT_BUF_INIT;

	titles[0] = json_string_value(json_object_get(meta, "og_title"));
	titles[1] = json_string_value(json_object_get(meta, "headline"));
	titles[2] = json_string_value(json_object_get(meta, "title"));
	for (i = 0; i < sc->n && found == NONE; i++) {
		const struct hnode *nd = &sc->node[i];
		uint32_t a;
		int boiler = 0;

		if (!(nd->flags & N_HEADING))
			continue;
		for (a = nd->parent; a != NONE; a = sc->node[a].parent)
			if (sc->node[a].flags & N_BOILER)
				boiler = 1;
		if (boiler)
			continue;
		nh1++;
		only = (uint32_t)i;
		sift_buf_reset(&sc->tmp);
		sift_html_node_text(nd->g, &sc->tmp);
		if (sc->tmp.len < 4)
			continue;
		norm_text(sc->tmp.data, sc->tmp.len, &h);
		for (k = 0; k < 3; k++) {
			if (titles[k] == NULL)
				continue;
			norm_text(titles[k], strlen(titles[k]), &t);
			if (t.len >= 4 && (strstr(t.data, h.data) != NULL ||
			    strstr(h.data, t.data) != NULL)) {
				found = (uint32_t)i;
				break;
			}
		}
	}
	sift_buf_release(&h);
	sift_buf_release(&t);
	if (found == NONE && nh1 == 1)
		found = only;
	return found;
}

/* ---- the entry point ---- */

static void
scratch_init(struct sift_html_page *p)
{
	if (p->scratch != NULL)
		return;
	p->scratch = sift_xcalloc(1, sizeof(*p->scratch));
	sift_buf_init(&p->scratch->utf8, 0);
	sift_buf_init(&p->scratch->pre, 0);
	sift_buf_init(&p->scratch->tmp, 0);
	load_hints(p->scratch);
	sift_html_meta_rules_load(&p->scratch->meta_rules);
}

/* The number of '<' in s: about the number of tags, and so about half the
 * number of nodes the page's tree will have. */
static size_t
count_tags(const char *s, size_t n)
{
	const char *p, *end = s + n;
	size_t k = 0;

	while (s < end && (p = memchr(s, '<', (size_t)(end - s))) != NULL) {
		k++;
		s = p + 1;
	}
	return k;
}

/* The <body> element, or the document when there is none (framesets). */
static const GumboNode *
find_body(const GumboOutput *doc)
{
	const GumboVector *kids = &doc->root->v.element.children;
	unsigned i;

	for (i = 0; i < kids->length; i++) {
		const GumboNode *c = kids->data[i];

		if (c->type == GUMBO_NODE_ELEMENT &&
		    c->v.element.tag == GUMBO_TAG_BODY)
			return c;
	}
	return doc->root;
}

int
sift_html_extract(const char *html, size_t n,
    const struct sift_html_opts *opts, struct sift_html_page *out,
    struct sift_error *err)
{
	static const struct sift_html_opts defaults = SIFT_HTML_OPTS_INIT;
	struct sift_html_scratch *sc;
	struct sift_charset_info info;
	GumboOptions gopts = kGumboDefaultOptions;
	GumboOutput *doc;
	struct writer w;
	uint32_t best, headline;

	if (opts == NULL)
		opts = &defaults;
	scratch_init(out);
	sc = out->scratch;
	sift_buf_reset(&out->text);
	json_decref(out->meta);
	out->meta = json_object();
	out->replacements = 0;

	sift_buf_reset(&sc->utf8);
	if (sift_charset_to_utf8(html, n, opts->charset, &sc->utf8, &info,
	    err) < 0)
		return -1;
	out->replacements = info.replacements;
	sift_buf_reset(&sc->pre);
	sift_html_prescan(sc->utf8.data, sc->utf8.len, &sc->pre);

	gopts.max_errors = 0;	/* we never read the parse errors */
	doc = gumbo_parse_with_options(&gopts, sc->pre.data, sc->pre.len);
	sift_buf_reset(&sc->tmp);
	sift_html_meta(doc, &sc->meta_rules, out->meta, &sc->tmp);
	if (strcmp(info.name, "UTF-8") != 0)
		json_object_set_new(out->meta, "charset",
		    json_string(info.name));

	flatten(sc, find_body(doc), count_tags(sc->pre.data, sc->pre.len) * 2 +
	    16);
	w.out = &out->text;
	w.line_start = 0;
	w.pending_space = 0;
	if (opts->whole_page) {
		write_region(sc, 0, 1, NONE, &w);
	} else {
		measure(sc);
		sum_prose(sc);
		score(sc);
		best = choose(sc);
		if (sc->node[best].prose < RETRY_SHARE * sc->node[0].prose &&
		    unmark_wrappers(sc)) {
			score(sc);
			best = choose(sc);
		}
		best = descend(sc, best);
		settle_boiler(sc, best);
		headline = opts->headline ? find_headline(sc, out->meta) : NONE;
		if (headline != NONE && !is_ancestor(sc, best, headline))
			write_region(sc, headline, 1, NONE, &w);
		else
			headline = NONE;
		write_leads(sc, best, headline, &w);
		write_region(sc, best, 0, headline, &w);
	}
	/* one block per line, no final newline */
	if (out->text.len > 0 && out->text.data[out->text.len - 1] == '\n')
		sift_buf_setlen(&out->text, out->text.len - 1);
	gumbo_destroy_output(&gopts, doc);
	return 0;
}

void
sift_html_page_release(struct sift_html_page *p)
{
	struct sift_html_scratch *sc = p->scratch;

	sift_buf_release(&p->text);
	json_decref(p->meta);
	p->meta = NULL;
	p->replacements = 0;
	if (sc != NULL) {
		free(sc->node);
		free(sc->stack);
		free(sc->hints);
		sift_html_meta_rules_free(&sc->meta_rules);
		sift_buf_release(&sc->utf8);
		sift_buf_release(&sc->pre);
		sift_buf_release(&sc->tmp);
		free(sc);
		p->scratch = NULL;
	}
}
