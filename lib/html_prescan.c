/*
 * html_prescan.c - one linear pass over the page before gumbo sees it.
 *
 * Why: most of a news page's bytes are script, style, inline SVG and
 * attributes we never read, and gumbo builds and copies all of them; and
 * gumbo's tree builder is quadratic in the nesting depth, so a broken page
 * with tens of thousands of unclosed elements would stall the stream.
 *
 * This pass follows the HTML tokenizer's states (data, tags with quoted
 * attributes, comments, RAWTEXT/RCDATA, the script-data escape states) so
 * that it cuts exactly where a browser's tokenizer would.  It removes
 * comments and the contents of script (not JSON-LD), style, noscript, svg
 * and math; keeps only the attributes listed in keep_attr(); unwraps
 * <script type="text/template"> that holds plain markup; and keeps a model
 * of the stack of open elements, with the tree builder's most common
 * implied end tags (p, li, dd/dt, table parts, options, headings, foreign
 * content), to drop start tags nested deeper than SIFT_HTML_MAX_DEPTH.
 * The estimate errs on the deep side; it only matters past the cap.
 */
#include "html_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
	T_VOID = 1,		/* never has contents or an end tag */
	T_CLOSES_P = 2,		/* its start tag closes an open <p> */
	T_SCOPE = 4,		/* bounds "has an element in (button) scope" */
	T_NOPUSH = 8,		/* html, head, body: merged, never nested */
	T_BREAKOUT = 16		/* leaves <svg>/<math> when seen inside */
};

#define V T_VOID
#define CP T_CLOSES_P
#define SC T_SCOPE
#define BO T_BREAKOUT

static const unsigned char tag_class[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_HTML] = T_NOPUSH | SC,
	[GUMBO_TAG_HEAD] = T_NOPUSH | BO,
	[GUMBO_TAG_BODY] = T_NOPUSH | BO,
	[GUMBO_TAG_BASE] = V, [GUMBO_TAG_LINK] = V, [GUMBO_TAG_META] = V | BO,
	[GUMBO_TAG_AREA] = V, [GUMBO_TAG_BR] = V | BO, [GUMBO_TAG_COL] = V,
	[GUMBO_TAG_EMBED] = V | BO, [GUMBO_TAG_HR] = V | CP | BO,
	[GUMBO_TAG_IMG] = V | BO, [GUMBO_TAG_IMAGE] = V, [GUMBO_TAG_INPUT] = V,
	[GUMBO_TAG_KEYGEN] = V, [GUMBO_TAG_PARAM] = V, [GUMBO_TAG_SOURCE] = V,
	[GUMBO_TAG_TRACK] = V, [GUMBO_TAG_WBR] = V, [GUMBO_TAG_BGSOUND] = V,
	[GUMBO_TAG_BASEFONT] = V, [GUMBO_TAG_FRAME] = V, [GUMBO_TAG_ISINDEX] = V,
	[GUMBO_TAG_SPACER] = 0,
	[GUMBO_TAG_ADDRESS] = CP, [GUMBO_TAG_ARTICLE] = CP,
	[GUMBO_TAG_ASIDE] = CP, [GUMBO_TAG_BLOCKQUOTE] = CP | BO,
	[GUMBO_TAG_CENTER] = CP | BO, [GUMBO_TAG_DETAILS] = CP,
	[GUMBO_TAG_DIR] = CP, [GUMBO_TAG_DIV] = CP | BO, [GUMBO_TAG_DL] = CP | BO,
	[GUMBO_TAG_FIELDSET] = CP, [GUMBO_TAG_FIGCAPTION] = CP,
	[GUMBO_TAG_FIGURE] = CP, [GUMBO_TAG_FOOTER] = CP, [GUMBO_TAG_HEADER] = CP,
	[GUMBO_TAG_HGROUP] = CP, [GUMBO_TAG_MAIN] = CP, [GUMBO_TAG_MENU] = CP | BO,
	[GUMBO_TAG_NAV] = CP, [GUMBO_TAG_OL] = CP | BO, [GUMBO_TAG_P] = CP | BO,
	[GUMBO_TAG_SECTION] = CP, [GUMBO_TAG_SUMMARY] = CP,
	[GUMBO_TAG_UL] = CP | BO, [GUMBO_TAG_PRE] = CP | BO,
	[GUMBO_TAG_LISTING] = CP | BO, [GUMBO_TAG_FORM] = CP,
	[GUMBO_TAG_TABLE] = CP | SC | BO, [GUMBO_TAG_XMP] = CP,
	[GUMBO_TAG_PLAINTEXT] = CP,
	[GUMBO_TAG_H1] = CP | BO, [GUMBO_TAG_H2] = CP | BO,
	[GUMBO_TAG_H3] = CP | BO, [GUMBO_TAG_H4] = CP | BO,
	[GUMBO_TAG_H5] = CP | BO, [GUMBO_TAG_H6] = CP | BO,
	[GUMBO_TAG_LI] = CP | BO, [GUMBO_TAG_DD] = CP | BO,
	[GUMBO_TAG_DT] = CP | BO,
	[GUMBO_TAG_TD] = SC, [GUMBO_TAG_TH] = SC, [GUMBO_TAG_CAPTION] = SC,
	[GUMBO_TAG_MARQUEE] = SC, [GUMBO_TAG_OBJECT] = SC,
	[GUMBO_TAG_APPLET] = SC, [GUMBO_TAG_BUTTON] = SC,
	[GUMBO_TAG_TEMPLATE] = SC,
	[GUMBO_TAG_B] = BO, [GUMBO_TAG_BIG] = BO, [GUMBO_TAG_CODE] = BO,
	[GUMBO_TAG_EM] = BO, [GUMBO_TAG_I] = BO, [GUMBO_TAG_NOBR] = BO,
	[GUMBO_TAG_RUBY] = BO, [GUMBO_TAG_S] = BO, [GUMBO_TAG_SMALL] = BO,
	[GUMBO_TAG_SPAN] = BO, [GUMBO_TAG_STRONG] = BO, [GUMBO_TAG_STRIKE] = BO,
	[GUMBO_TAG_SUB] = BO, [GUMBO_TAG_SUP] = BO, [GUMBO_TAG_TT] = BO,
	[GUMBO_TAG_U] = BO, [GUMBO_TAG_VAR] = BO, [GUMBO_TAG_FONT] = BO,
};

#undef V
#undef CP
#undef SC
#undef BO

struct open_el {
	uint16_t tag;
	uint32_t hash;		/* of the name, for GUMBO_TAG_UNKNOWN */
};

struct prescan {
	struct open_el stack[SIFT_HTML_MAX_DEPTH];
	size_t depth;
	size_t foreign;		/* <svg>/<math> elements on the stack */
	/* start tags removed for depth and not yet matched by an end tag,
	 * per tag (unknown tags share the last slot) */
	uint32_t dropped[GUMBO_TAG_LAST + 1];
	size_t ndropped;
};

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
is_alpha(int c)
{
	c = lower(c);
	return c >= 'a' && c <= 'z';
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Ends a tag name after "</script" and the like. */
static int
is_delim(int c)
{
	return is_space(c) || c == '/' || c == '>';
}

static uint32_t
name_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (uint32_t)lower((unsigned char)s[i])) * 16777619u;
	return h;
}

static int
match_ci(const char *s, size_t n, const char *w, size_t wlen)
{
	size_t i;

	if (n < wlen)
		return 0;
	for (i = 0; i < wlen; i++)
		if (lower((unsigned char)s[i]) != w[i])
			return 0;
	return 1;
}

/* Is there "</NAME" + delimiter at s[i..n)?  name is lowercase. */
static int
end_tag_at(const char *s, size_t n, size_t i, const char *name, size_t nlen)
{
	return i + 2 + nlen < n && s[i] == '<' && s[i + 1] == '/' &&
	    match_ci(s + i + 2, n - i - 2, name, nlen) &&
	    is_delim((unsigned char)s[i + 2 + nlen]);
}

/* Start of the end tag that closes RAWTEXT/RCDATA contents at s[i..), or
 * n when there is none. */
static size_t
rawtext_end(const char *s, size_t n, size_t i, const char *name)
{
	size_t nlen = strlen(name);
	const char *p;

	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(p - s);
		if (end_tag_at(s, n, i, name, nlen))
			return i;
		i++;
	}
	return n;
}

/*
 * Start of the "</script" that ends script data beginning at s[i..), or n.
 * Follows the tokenizer's script data, escaped and double-escaped states:
 * inside "<!-- ... -->" a "<script" makes the next "</script" not count,
 * which is how old pages' document.write("<script ...></script>") parse.
 */
static size_t
script_end(const char *s, size_t n, size_t i)
{
	enum { DATA, ESCAPED, DOUBLE } st = DATA;
	size_t dashes;

	while (i < n) {
		char c = s[i];

		if (c == '<') {
			if (st != DOUBLE && end_tag_at(s, n, i, "script", 6))
				return i;
			if (st == DOUBLE && end_tag_at(s, n, i, "script", 6)) {
				st = ESCAPED;
				i += 8;
				continue;
			}
			if (st == DATA && i + 3 < n && s[i + 1] == '!' &&
			    s[i + 2] == '-' && s[i + 3] == '-') {
				st = ESCAPED;
				i += 4;
				/* "<!-->" returns to data at once */
				while (i < n && s[i] == '-')
					i++;
				if (i < n && s[i] == '>') {
					st = DATA;
					i++;
				}
				continue;
			}
			if (st == ESCAPED && i + 7 < n &&
			    match_ci(s + i + 1, n - i - 1, "script", 6) &&
			    is_delim((unsigned char)s[i + 7])) {
				st = DOUBLE;
				i += 7;
				continue;
			}
			i++;
			continue;
		}
		if (c == '-' && st != DATA) {
			dashes = 0;
			while (i < n && s[i] == '-') {
				dashes++;
				i++;
			}
			if (dashes >= 2 && i < n && s[i] == '>') {
				st = DATA;
				i++;
			}
			continue;
		}
		i++;
	}
	return n;
}

/* End of a comment that starts with "<!--" at s[i]: one past its '>', or
 * n when it runs to the end. */
static size_t
comment_end(const char *s, size_t n, size_t i)
{
	size_t j = i + 4;

	/* "<!-->" and "<!--->" are (abrupt) empty comments */
	if (j < n && s[j] == '>')
		return j + 1;
	if (j + 1 < n && s[j] == '-' && s[j + 1] == '>')
		return j + 2;
	for (; j + 2 < n; j++) {
		if (s[j] != '-' || s[j + 1] != '-')
			continue;
		if (s[j + 2] == '>')
			return j + 3;
		if (j + 3 < n && s[j + 2] == '!' && s[j + 3] == '>')
			return j + 4;
	}
	return n;
}

/* One past the "]]>" that ends a CDATA section in foreign content, or n. */
static size_t
cdata_end(const char *s, size_t n, size_t i)
{
	const char *p;

	while (i + 2 < n && (p = memchr(s + i, ']', n - i - 2)) != NULL) {
		i = (size_t)(p - s);
		if (s[i + 1] == ']' && s[i + 2] == '>')
			return i + 3;
		i++;
	}
	return n;
}

/* Copy s[from..to) to out with NUL bytes as U+FFFD (gumbo would drop or
 * replace them inconsistently, and they must not reach JSON). */
static void
copy_span(struct sift_buf *out, const char *s, size_t from, size_t to)
{
	const char *p;

	while (from < to && (p = memchr(s + from, '\0', to - from)) != NULL) {
		sift_buf_add(out, s + from, (size_t)(p - s) - from);
		sift_buf_add(out, "\xEF\xBF\xBD", 3);
		from = (size_t)(p - s) + 1;
	}
	sift_buf_add(out, s + from, to - from);
}

/* What the extractor and the tree builder read of a start tag. */
#define MAX_KEEP 16

struct tag_info {
	int selfclose;		/* ends in "/>" */
	int type;		/* <script type>: 1 JSON, 2 text/template */
	size_t nattr;		/* attributes seen */
	size_t nkeep;		/* ... of which kept, spans below */
	size_t keep_from[MAX_KEEP], keep_to[MAX_KEEP];
};

/*
 * Is an attribute worth passing to gumbo?  Only what the extractor reads
 * (class, id, role, itemprop, href, hidden, style, lang, <meta> and <link>
 * attributes, datetime, <script type>) and what the tree builder looks at
 * (<input type>, <font color|face|size>, <annotation-xml encoding>).  Long
 * data-*, srcset and inline event attributes are a large part of a modern
 * page's markup and gumbo copies every one of them character by character.
 */
static int
keep_attr(unsigned tag, const char *name, size_t n)
{
	static const char *const keep[] = {
		"class", "id", "role", "itemprop", "href", "hidden",
		"aria-hidden", "style", "lang", "xml:lang", "content", "name",
		"property", "rel", "type", "datetime", "charset", "http-equiv",
		"encoding", "color", "face", "size", NULL
	};
	size_t k;

	for (k = 0; keep[k] != NULL; k++)
		if (strlen(keep[k]) == n && match_ci(name, n, keep[k], n))
			return 1;
	/* rel=author links may carry the name only in their title */
	return n == 5 && match_ci(name, n, "title", 5) &&
	    (tag == GUMBO_TAG_A || tag == GUMBO_TAG_LINK);
}

/*
 * Read a tag's attributes from s[i] (just after its name) to one past the
 * closing '>', following the tokenizer's attribute states, and return that
 * position (n for a tag cut off by the end of the input, which the
 * tokenizer drops).  ti gets the spans of the attributes to keep.
 */
static size_t
tag_end(const char *s, size_t n, size_t i, unsigned tag, struct tag_info *ti)
{
	const char *name, *val;
	size_t nlen, vlen, from;
	int q;

	ti->selfclose = 0;
	ti->type = 0;
	ti->nattr = ti->nkeep = 0;
	for (;;) {
		while (i < n && is_space((unsigned char)s[i]))
			i++;
		if (i >= n)
			return n;
		if (s[i] == '>')
			return i + 1;
		if (s[i] == '/') {
			i++;
			if (i < n && s[i] == '>') {
				ti->selfclose = 1;
				return i + 1;
			}
			continue;
		}
		from = i;
		name = s + i++;	/* a first '=' belongs to the name */
		while (i < n && !is_space((unsigned char)s[i]) &&
		    s[i] != '/' && s[i] != '>' && s[i] != '=')
			i++;
		nlen = (size_t)(s + i - name);
		val = NULL;
		vlen = 0;
		while (i < n && is_space((unsigned char)s[i]))
			i++;
		if (i < n && s[i] == '=') {
			i++;
			while (i < n && is_space((unsigned char)s[i]))
				i++;
			if (i < n && (s[i] == '"' || s[i] == '\'')) {
				q = s[i++];
				val = s + i;
				while (i < n && s[i] != q)
					i++;
				vlen = (size_t)(s + i - val);
				if (i < n)
					i++;
			} else {
				val = s + i;
				while (i < n && !is_space((unsigned char)s[i]) &&
				    s[i] != '>')
					i++;
				vlen = (size_t)(s + i - val);
			}
		}
		ti->nattr++;
		if (keep_attr(tag, name, nlen) && ti->nkeep < MAX_KEEP) {
			ti->keep_from[ti->nkeep] = from;
			ti->keep_to[ti->nkeep++] = val ? i : from + nlen;
		}
		if (val != NULL && nlen == 4 && match_ci(name, nlen, "type", 4)) {
			size_t k;

			for (k = 0; k + 4 <= vlen; k++)
				if (match_ci(val + k, vlen - k, "json", 4))
					ti->type = 1;
			if (vlen == 13 && match_ci(val, vlen, "text/template",
			    13))
				ti->type = 2;
		}
	}
}

/*
 * Write a start tag at s[at..end) whose name is s[nstart..nend): as it is
 * when every attribute is kept, else rebuilt with the kept ones.  *done is
 * the start of the input not yet copied to out.
 */
static void
emit_tag(struct sift_buf *out, const char *s, size_t n, size_t *done,
    size_t at, size_t nstart, size_t nend, size_t end,
    const struct tag_info *ti)
{
	size_t k;

	if (ti->nkeep == ti->nattr || end > n || s[end - 1] != '>')
		return;		/* unchanged (or cut off: left as is) */
	copy_span(out, s, *done, at);
	sift_buf_addc(out, '<');
	copy_span(out, s, nstart, nend);
	for (k = 0; k < ti->nkeep; k++) {
		sift_buf_addc(out, ' ');
		copy_span(out, s, ti->keep_from[k], ti->keep_to[k]);
	}
	sift_buf_add(out, ti->selfclose ? "/>" : ">", ti->selfclose ? 2 : 1);
	*done = end;
}

static int
has_class(unsigned tag, int cls)
{
	return tag <= GUMBO_TAG_LAST && (tag_class[tag] & cls) != 0;
}

static void
pop(struct prescan *ps)
{
	unsigned tag = ps->stack[--ps->depth].tag;

	if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH)
		ps->foreign--;
}

static void
pop_to(struct prescan *ps, size_t k)
{
	while (ps->depth > k)
		pop(ps);
}

/* Index (+1) of the nearest open element with tag, searching down from
 * the top and stopping at one of the stop tags; 0 if none. */
static size_t
find_open(const struct prescan *ps, unsigned tag, uint32_t hash,
    const unsigned *stop, size_t nstop)
{
	size_t k, j;

	for (k = ps->depth; k > 0; k--) {
		const struct open_el *e = &ps->stack[k - 1];

		if (e->tag == tag && (tag != GUMBO_TAG_UNKNOWN ||
		    e->hash == hash))
			return k;
		for (j = 0; j < nstop; j++)
			if (e->tag == stop[j])
				return 0;
	}
	return 0;
}

/* The implied end tags a start tag causes, in the tree builder's words:
 * "close a p element", "close the cell", and so on. */
static void
implied_ends(struct prescan *ps, unsigned tag)
{
	static const unsigned list_stop[] = { GUMBO_TAG_UL, GUMBO_TAG_OL,
		GUMBO_TAG_TABLE, GUMBO_TAG_TD, GUMBO_TAG_TH };
	static const unsigned dl_stop[] = { GUMBO_TAG_DL, GUMBO_TAG_TABLE,
		GUMBO_TAG_TD, GUMBO_TAG_TH };
	static const unsigned cell_stop[] = { GUMBO_TAG_TR, GUMBO_TAG_TABLE,
		GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT };
	static const unsigned row_stop[] = { GUMBO_TAG_TABLE, GUMBO_TAG_TBODY,
		GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT };
	static const unsigned body_stop[] = { GUMBO_TAG_TABLE };
	size_t k;
	unsigned top;

	if (ps->foreign > 0) {
		if (!has_class(tag, T_BREAKOUT))
			return;
		/* an HTML element inside <svg>/<math> closes them */
		while (ps->foreign > 0)
			pop(ps);
	}
	if (has_class(tag, T_CLOSES_P)) {
		size_t j;

		for (j = ps->depth; j > 0; j--) {
			unsigned t = ps->stack[j - 1].tag;

			if (t == GUMBO_TAG_P) {
				pop_to(ps, j - 1);
				break;
			}
			if (has_class(t, T_SCOPE))
				break;
		}
	}
	switch (tag) {
	case GUMBO_TAG_LI:
		if ((k = find_open(ps, GUMBO_TAG_LI, 0, list_stop, 5)) != 0)
			pop_to(ps, k - 1);
		break;
	case GUMBO_TAG_DD:
	case GUMBO_TAG_DT:
		if ((k = find_open(ps, GUMBO_TAG_DD, 0, dl_stop, 4)) != 0 ||
		    (k = find_open(ps, GUMBO_TAG_DT, 0, dl_stop, 4)) != 0)
			pop_to(ps, k - 1);
		break;
	case GUMBO_TAG_TD:
	case GUMBO_TAG_TH:
		if ((k = find_open(ps, GUMBO_TAG_TD, 0, cell_stop, 5)) != 0 ||
		    (k = find_open(ps, GUMBO_TAG_TH, 0, cell_stop, 5)) != 0)
			pop_to(ps, k - 1);
		break;
	case GUMBO_TAG_TR:
		if ((k = find_open(ps, GUMBO_TAG_TR, 0, row_stop, 4)) != 0)
			pop_to(ps, k - 1);
		break;
	case GUMBO_TAG_TBODY:
	case GUMBO_TAG_THEAD:
	case GUMBO_TAG_TFOOT:
		if ((k = find_open(ps, GUMBO_TAG_TBODY, 0, body_stop, 1)) != 0 ||
		    (k = find_open(ps, GUMBO_TAG_THEAD, 0, body_stop, 1)) != 0 ||
		    (k = find_open(ps, GUMBO_TAG_TFOOT, 0, body_stop, 1)) != 0)
			pop_to(ps, k - 1);
		break;
	case GUMBO_TAG_OPTION:
	case GUMBO_TAG_OPTGROUP:
		if (ps->depth > 0 &&
		    ps->stack[ps->depth - 1].tag == GUMBO_TAG_OPTION)
			pop(ps);
		if (tag == GUMBO_TAG_OPTGROUP && ps->depth > 0 &&
		    ps->stack[ps->depth - 1].tag == GUMBO_TAG_OPTGROUP)
			pop(ps);
		break;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
		if (ps->depth > 0) {
			top = ps->stack[ps->depth - 1].tag;
			if (top >= GUMBO_TAG_H1 && top <= GUMBO_TAG_H6)
				pop(ps);
		}
		break;
	case GUMBO_TAG_A:
	case GUMBO_TAG_NOBR:
	case GUMBO_TAG_BUTTON:
		/* a second <a> (or <nobr>, <button>) closes the first */
		if ((k = find_open(ps, tag, 0, NULL, 0)) != 0)
			pop_to(ps, k - 1);
		break;
	default:
		break;
	}
}

/* A start tag: returns 1 to keep it, 0 to remove it (too deep). */
static int
start_tag(struct prescan *ps, unsigned tag, uint32_t hash, int selfclose)
{
	if (has_class(tag, T_VOID | T_NOPUSH))
		return 1;
	implied_ends(ps, tag);
	if (selfclose && (ps->foreign > 0 || tag == GUMBO_TAG_SVG ||
	    tag == GUMBO_TAG_MATH))
		return 1;
	if (ps->depth >= SIFT_HTML_MAX_DEPTH) {
		ps->dropped[tag]++;
		ps->ndropped++;
		return 0;
	}
	ps->stack[ps->depth].tag = (uint16_t)tag;
	ps->stack[ps->depth].hash = hash;
	ps->depth++;
	if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH)
		ps->foreign++;
	return 1;
}

/* An end tag: returns 1 to keep it, 0 to remove it (it closes a start tag
 * that was removed). */
static int
end_tag(struct prescan *ps, unsigned tag, uint32_t hash)
{
	size_t k;

	if (has_class(tag, T_NOPUSH))
		return 1;
	k = find_open(ps, tag, hash, NULL, 0);
	if (k != 0) {
		pop_to(ps, k - 1);
		return 1;
	}
	if (ps->dropped[tag] > 0) {
		ps->dropped[tag]--;
		return 0;
	}
	return 1;
}

/*
 * Does a script template s[from..to) hold plain markup (Blogger's posts)
 * rather than code or a template language ({{...}}, <%...%>), which must
 * stay out of the text?
 */
static int
is_markup(const char *s, size_t from, size_t to)
{
	size_t i;

	while (from < to && is_space((unsigned char)s[from]))
		from++;
	if (from >= to || s[from] != '<')
		return 0;
	for (i = from; i + 1 < to; i++)
		if ((s[i] == '{' && s[i + 1] == '{') ||
		    (s[i] == '<' && s[i + 1] == '%'))
			return 0;
	return 1;
}

/*
 * End of the contents of <svg> or <math> starting at s[i]: the start of its
 * matching end tag, or of an HTML element that ends foreign content (a
 * <div> after an unclosed <svg>), or n.  The extractor drops these
 * elements, and inline icons' path data is a good part of a page's bytes.
 */
static size_t
foreign_end(const char *s, size_t n, size_t i, const char *name)
{
	size_t nlen = strlen(name), depth = 1, j;
	struct tag_info ti;
	const char *p;
	unsigned tag;
	int same;

	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(p - s);
		if (end_tag_at(s, n, i, name, nlen)) {
			if (--depth == 0)
				return i;
			i += 2 + nlen;
			continue;
		}
		if (i + 3 < n && s[i + 1] == '!' && s[i + 2] == '-' &&
		    s[i + 3] == '-') {
			i = comment_end(s, n, i);
			continue;
		}
		if (match_ci(s + i, n - i, "<![cdata[", 9)) {
			i = cdata_end(s, n, i + 9);
			continue;
		}
		if (i + 1 >= n || !is_alpha((unsigned char)s[i + 1])) {
			i++;
			continue;
		}
		for (j = i + 1; j < n && !is_delim((unsigned char)s[j]); j++)
			;
		tag = gumbo_tagn_enum(s + i + 1, (unsigned)(j - i - 1));
		if (has_class(tag, T_BREAKOUT))
			return i;
		same = j - i - 1 == nlen && match_ci(s + i + 1, n - i - 1,
		    name, nlen);
		i = tag_end(s, n, j, tag, &ti);
		if (same && !ti.selfclose)
			depth++;
	}
	return n;
}

size_t
sift_html_prescan(const char *s, size_t n, struct sift_buf *out)
{
	struct prescan *ps = sift_xcalloc(1, sizeof(*ps));
	size_t i = 0, done = 0, end, nstart, nend, ndropped;
	struct tag_info ti;
	const char *p;
	unsigned tag;
	uint32_t hash;

	sift_buf_grow(out, n);
	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(p - s);
		if (i + 1 >= n)
			break;
		if (s[i + 1] == '!') {
			if (i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
				end = comment_end(s, n, i);
				copy_span(out, s, done, i);
				done = i = end;
				continue;
			}
			if (ps->foreign > 0 && match_ci(s + i, n - i,
			    "<![cdata[", 9)) {
				i = cdata_end(s, n, i + 9);
				continue;
			}
			p = memchr(s + i, '>', n - i);	/* doctype, bogus */
			i = p ? (size_t)(p - s) + 1 : n;
			continue;
		}
		if (s[i + 1] == '?') {
			p = memchr(s + i, '>', n - i);
			i = p ? (size_t)(p - s) + 1 : n;
			continue;
		}
		if (s[i + 1] == '/') {
			if (i + 2 < n && is_alpha((unsigned char)s[i + 2])) {
				nstart = i + 2;
				end = nstart;
				while (end < n && !is_delim((unsigned char)s[end]))
					end++;
				tag = gumbo_tagn_enum(s + nstart,
				    (unsigned)(end - nstart));
				hash = name_hash(s + nstart, end - nstart);
				end = tag_end(s, n, end, tag, &ti);
				if (!end_tag(ps, tag, hash)) {
					copy_span(out, s, done, i);
					done = end;
				}
				i = end;
				continue;
			}
			p = memchr(s + i, '>', n - i);	/* bogus comment */
			i = p ? (size_t)(p - s) + 1 : n;
			continue;
		}
		if (!is_alpha((unsigned char)s[i + 1])) {
			i++;
			continue;
		}
		nstart = i + 1;
		nend = nstart;
		while (nend < n && !is_delim((unsigned char)s[nend]))
			nend++;
		tag = gumbo_tagn_enum(s + nstart, (unsigned)(nend - nstart));
		hash = name_hash(s + nstart, nend - nstart);
		end = tag_end(s, n, nend, tag, &ti);
		if (ps->foreign > 0 && !has_class(tag, T_BREAKOUT)) {
			/* foreign content has no raw text elements */
			start_tag(ps, tag, hash, ti.selfclose);
			i = end;
			continue;
		}
		switch (tag) {
		case GUMBO_TAG_SCRIPT:
			if (ti.type == 2 &&
			    is_markup(s, end, script_end(s, n, end))) {
				/* unwrap: the template's markup becomes part
				 * of the page; its </script> is then a stray
				 * end tag, which the tree builder ignores */
				copy_span(out, s, done, i);
				done = i = end;
				continue;
			}
			emit_tag(out, s, n, &done, i, nstart, nend, end, &ti);
			i = script_end(s, n, end);
			if (ti.type != 1) {
				copy_span(out, s, done, end);
				done = i;
			}
			continue;
		case GUMBO_TAG_STYLE:
		case GUMBO_TAG_NOSCRIPT:
			/* a browser runs scripts, so its tokenizer reads
			 * <noscript> as raw text, and an unclosed <div> in it
			 * can not swallow the page as it does in gumbo's
			 * scripting-off tree */
			emit_tag(out, s, n, &done, i, nstart, nend, end, &ti);
			i = rawtext_end(s, n, end, tag == GUMBO_TAG_STYLE ?
			    "style" : "noscript");
			copy_span(out, s, done, end);
			done = i;
			continue;
		case GUMBO_TAG_XMP:
		case GUMBO_TAG_IFRAME:
		case GUMBO_TAG_NOEMBED:
		case GUMBO_TAG_NOFRAMES:
		case GUMBO_TAG_TITLE:
		case GUMBO_TAG_TEXTAREA:
			emit_tag(out, s, n, &done, i, nstart, nend, end, &ti);
			i = rawtext_end(s, n, end, gumbo_normalized_tagname(
			    (GumboTag)tag));
			continue;
		case GUMBO_TAG_PLAINTEXT:
			emit_tag(out, s, n, &done, i, nstart, nend, end, &ti);
			i = n;
			continue;
		default:
			break;
		}
		if (!start_tag(ps, tag, hash, ti.selfclose)) {
			copy_span(out, s, done, i);
			done = end;
			i = end;
			continue;
		}
		emit_tag(out, s, n, &done, i, nstart, nend, end, &ti);
		i = end;
		if ((tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) &&
		    !ti.selfclose) {
			i = foreign_end(s, n, end, tag == GUMBO_TAG_SVG ?
			    "svg" : "math");
			copy_span(out, s, done, end);
			done = i;
		}
	}
	copy_span(out, s, done, n);
	ndropped = ps->ndropped;
	free(ps);
	return ndropped;
}
