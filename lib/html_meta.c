/*
 * html_meta.c - page metadata: title, dates, author, site, canonical URL,
 * language.
 *
 * Every candidate value is ranked by where it was declared (the table in
 * data/html-meta.tsv); the best-ranked one per field wins.  Dates are
 * normalised to ISO 8601 here, so that downstream filters resolve relative
 * dates ("14일", "지난 3월") against a date they can parse.
 */
#include "html_int.h"
#include "ascii.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"

enum field {
	F_TITLE, F_OG_TITLE, F_HEADLINE, F_DESCRIPTION, F_DATE, F_MODIFIED,
	F_AUTHOR, F_SITE_NAME, F_CANONICAL, F_LANG, NFIELDS
};

/* Output order and names. */
static const char *const field_name[NFIELDS] = {
	"title", "og_title", "headline", "description", "date", "modified",
	"author", "site_name", "canonical", "lang"
};

#define NO_RANK 1000
#define JSONLD_MAX_DEPTH 6
#define MAX_META_VALUE 4096

struct candidate {
	int rank;
	struct sift_buf value;
};

struct meta_rule {
	char source;		/* 'j'sonld, 'm'eta, mi'c'ro, 'r'el, 't'ime */
	const char *key;	/* borrowed from the embedded data file */
	size_t klen;
	int field, rank;
};

struct meta_state {
	struct candidate f[NFIELDS];
	const struct sift_html_meta_rules *rules;
	struct sift_buf *tmp;
	int in_jsonld_article;
};

const char *
sift_html_attr(const GumboNode *el, const char *name)
{
	const GumboAttribute *a;

	if (el->type != GUMBO_NODE_ELEMENT && el->type != GUMBO_NODE_TEMPLATE)
		return NULL;
	a = gumbo_get_attribute(&el->v.element.attributes, name);
	return a ? a->value : NULL;
}

/* Append s[0..n) with runs of whitespace (and U+00A0) as one space, no
 * space at the start of out or after a space already there. */
static void
add_collapsed(struct sift_buf *out, const char *s, size_t n)
{
	size_t i;
	int space = out->len > 0 && out->data[out->len - 1] != ' ';

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (sift_ascii_space(c) || (c == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xA0)) {
			if (c == 0xC2)
				i++;
			if (space) {
				sift_buf_addc(out, ' ');
				space = 0;
			}
			continue;
		}
		sift_buf_addc(out, (char)c);
		space = 1;
	}
}

static void
trim_end(struct sift_buf *b, size_t start)
{
	while (b->len > start && b->data[b->len - 1] == ' ')
		b->len--;
	if (b->cap)
		b->data[b->len] = '\0';
}

size_t
sift_html_node_text(const GumboNode *node, struct sift_buf *out)
{
	const GumboNode **stack;
	size_t depth = 0, cap = 64, start = out->len;

	stack = sift_xmalloc(cap * sizeof(*stack));
	stack[depth++] = node;
	while (depth > 0) {
		const GumboNode *n = stack[--depth];
		const GumboVector *kids;
		unsigned i;

		if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
		    n->type == GUMBO_NODE_WHITESPACE) {
			add_collapsed(out, n->v.text.text,
			    strlen(n->v.text.text));
			continue;
		}
		if (n->type != GUMBO_NODE_ELEMENT &&
		    n->type != GUMBO_NODE_TEMPLATE &&
		    n->type != GUMBO_NODE_DOCUMENT)
			continue;
		if (n->type == GUMBO_NODE_ELEMENT &&
		    (n->v.element.tag == GUMBO_TAG_SCRIPT ||
		    n->v.element.tag == GUMBO_TAG_STYLE ||
		    n->v.element.tag == GUMBO_TAG_TEMPLATE))
			continue;
		kids = n->type == GUMBO_NODE_DOCUMENT ?
		    &n->v.document.children : &n->v.element.children;
		if (depth + kids->length > cap) {
			while (depth + kids->length > cap)
				cap *= 2;
			stack = sift_xrealloc(stack, cap * sizeof(*stack));
		}
		/* push in reverse so the first child is visited first */
		for (i = kids->length; i > 0; i--)
			stack[depth++] = kids->data[i - 1];
	}
	free(stack);
	if (out->len > start && out->data[start] == ' ') {
		memmove(out->data + start, out->data + start + 1,
		    out->len - start - 1);
		out->len--;
		out->data[out->len] = '\0';
	}
	trim_end(out, start);
	return out->len - start;
}

/* ---- dates ---- */

static const char *const month_names[12] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec"
};

/* Parse digits at s[*i..n): returns the value and sets *ndig (0 if none). */
static long
digits(const char *s, size_t n, size_t *i, size_t *ndig)
{
	long v = 0;

	*ndig = 0;
	while (*i < n && sift_ascii_digit((unsigned char)s[*i]) && *ndig < 14) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		(*ndig)++;
	}
	return v;
}

static int
valid_ymd(long y, long m, long d)
{
	return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

struct when {
	long y, m, d, hh, mm, ss;
	int has_time, has_sec;
	char zone[8];
};

static void
put_date(struct sift_buf *out, const struct when *w)
{
	sift_buf_reset(out);
	sift_buf_addf(out, "%04ld-%02ld-%02ld", w->y, w->m, w->d);
	if (!w->has_time)
		return;
	sift_buf_addf(out, "T%02ld:%02ld", w->hh, w->mm);
	if (w->has_sec)
		sift_buf_addf(out, ":%02ld", w->ss);
	sift_buf_adds(out, w->zone);
}

/* A zone at s[*i]: "Z", "+09:00", "+0900", "GMT", "UTC", "KST". */
static void
parse_zone(const char *s, size_t n, size_t i, struct when *w)
{
	size_t nd, j;
	long hh, mm = 0;
	char sign;

	while (i < n && s[i] == ' ')
		i++;
	if (i >= n)
		return;
	if (s[i] == 'Z' && (i + 1 >= n || !((s[i + 1] | 32) >= 'a' &&
	    (s[i + 1] | 32) <= 'z'))) {
		strcpy(w->zone, "Z");
		return;
	}
	if (i + 3 <= n && (memcmp(s + i, "GMT", 3) == 0 ||
	    memcmp(s + i, "UTC", 3) == 0)) {
		i += 3;
		if (i >= n || (s[i] != '+' && s[i] != '-')) {
			strcpy(w->zone, "Z");
			return;
		}
	}
	if (i + 3 <= n && memcmp(s + i, "KST", 3) == 0) {
		strcpy(w->zone, "+09:00");
		return;
	}
	if (s[i] != '+' && s[i] != '-')
		return;
	sign = s[i++];
	j = i;
	hh = digits(s, n, &j, &nd);
	if (nd == 4) {
		mm = hh % 100;
		hh /= 100;
	} else if (nd == 2 && j < n && s[j] == ':') {
		j++;
		mm = digits(s, n, &j, &nd);
		if (nd != 2)
			return;
	} else if (nd != 2) {
		return;
	}
	if (hh > 14 || mm > 59)
		return;
	if (hh == 0 && mm == 0 && sign == '+') {
		strcpy(w->zone, "Z");
		return;
	}
	w->zone[0] = sign;
	w->zone[1] = (char)('0' + hh / 10);
	w->zone[2] = (char)('0' + hh % 10);
	w->zone[3] = ':';
	w->zone[4] = (char)('0' + mm / 10);
	w->zone[5] = (char)('0' + mm % 10);
	w->zone[6] = '\0';
}

/* Does s[i..n) start with the bytes of w? */
static int
at(const char *s, size_t n, size_t i, const char *w)
{
	size_t k = strlen(w);

	return i <= n && n - i >= k && memcmp(s + i, w, k) == 0;
}

/* "HH:MM[:SS]" with an optional am/pm (오전/오후) before or after, from
 * s[i..n); fills w and returns 1, or 0. */
static int
parse_time(const char *s, size_t n, size_t i, struct when *w)
{
	size_t nd, j;
	long h, m, sec = 0;
	int pm = -1, has_sec = 0;

	for (; i < n; i++) {
		if (at(s, n, i, "오전"))
			pm = 0;
		if (at(s, n, i, "오후"))
			pm = 1;
		if (!sift_ascii_digit((unsigned char)s[i]))
			continue;
		j = i;
		h = digits(s, n, &j, &nd);
		if (nd < 1 || nd > 2 || j >= n ||
		    (s[j] != ':' && !at(s, n, j, "시"))) {
			i = j;
			continue;
		}
		j += s[j] == ':' ? 1 : 3;
		while (j < n && s[j] == ' ')
			j++;
		m = digits(s, n, &j, &nd);
		if (nd != 2 && !(nd == 1 && at(s, n, j, "분")))
			return 0;
		if (j < n && s[j] == ':') {
			j++;
			sec = digits(s, n, &j, &nd);
			if (nd != 2)
				return 0;
			has_sec = 1;
			if (j < n && (s[j] == '.' || s[j] == ','))
				for (j++; j < n && sift_ascii_digit((unsigned char)s[j]);)
					j++;
		}
		while (j < n && s[j] == ' ')
			j++;
		if (j + 1 < n && ((s[j] | 32) == 'a' || (s[j] | 32) == 'p') &&
		    ((s[j + 1] | 32) == 'm' || s[j + 1] == '.'))
			pm = (s[j] | 32) == 'p';
		if (pm == 1 && h < 12)
			h += 12;
		else if (pm == 0 && h == 12)
			h = 0;
		if (h > 23 || m > 59 || sec > 60)
			return 0;
		w->hh = h;
		w->mm = m;
		w->ss = sec;
		w->has_time = 1;
		w->has_sec = has_sec;
		parse_zone(s, n, j + ((j < n && (s[j] | 32) == 'a') ||
		    (j < n && (s[j] | 32) == 'p') ? 2 : 0), w);
		return 1;
	}
	return 0;
}

static int
month_at(const char *s, size_t n, size_t i)
{
	int k;

	if (i + 3 > n)
		return 0;
	for (k = 0; k < 12; k++)
		if (sift_ascii_lower((unsigned char)s[i]) == month_names[k][0] &&
		    sift_ascii_lower((unsigned char)s[i + 1]) == month_names[k][1] &&
		    sift_ascii_lower((unsigned char)s[i + 2]) == month_names[k][2])
			return k + 1;
	return 0;
}

int
sift_html_iso_date(const char *s, size_t n, struct sift_buf *out)
{
	struct when w;
	long num[3];
	size_t nd, i = 0, j, after = 0, nnum = 0, ndig[3];
	int mon = 0;
	char sep = 0;

	memset(&w, 0, sizeof(w));
	while (i < n && sift_ascii_space((unsigned char)s[i]))
		i++;
	/* compact forms: 20240314, 20240314093000 */
	j = i;
	num[0] = digits(s, n, &j, &nd);
	if ((nd == 8 || nd == 12 || nd == 14) &&
	    (j >= n || !sift_ascii_digit((unsigned char)s[j]))) {
		long v = num[0];

		if (nd == 14)
			v /= 1000000;
		else if (nd == 12)
			v /= 10000;
		w.y = v / 10000;
		w.m = v / 100 % 100;
		w.d = v % 100;
		if (!valid_ymd(w.y, w.m, w.d))
			return 0;
		if (nd >= 12) {
			w.hh = num[0] / (nd == 14 ? 10000 : 100) % 100;
			w.mm = num[0] / (nd == 14 ? 100 : 1) % 100;
			w.ss = nd == 14 ? num[0] % 100 : 0;
			w.has_time = w.hh < 24 && w.mm < 60 && w.ss < 61;
			w.has_sec = nd == 14;
		}
		put_date(out, &w);
		return 1;
	}
	/* the first three numbers of the date part, and a month name */
	for (j = i; j < n && nnum < 3; ) {
		unsigned char c = (unsigned char)s[j];

		if (sift_ascii_digit(c)) {
			size_t k = j;

			num[nnum] = digits(s, n, &k, &ndig[nnum]);
			if (nnum == 1 && sep == 0 && k > j)
				sep = s[j - 1];
			/* a time after a day-month-year date: stop */
			if (k < n && s[k] == ':' && nnum + (mon != 0) >= 3)
				break;
			if (k < n && s[k] == ':')
				break;
			nnum++;
			j = k;
			after = j;
			continue;
		}
		if (mon == 0 && ((c | 32) >= 'a' && (c | 32) <= 'z')) {
			mon = month_at(s, n, j);
			while (j < n && (((unsigned char)s[j] | 32) >= 'a' &&
			    ((unsigned char)s[j] | 32) <= 'z'))
				j++;
			after = j;
			continue;
		}
		j++;
	}
	if (mon != 0 && nnum >= 2) {
		/* "14 Mar 2024", "Mar 14, 2024", "2024 Mar 14" */
		if (ndig[0] == 4) {
			w.y = num[0];
			w.d = num[1];
		} else {
			w.d = num[0];
			w.y = num[1];
		}
		w.m = mon;
	} else if (nnum == 3) {
		if (ndig[0] == 4) {
			w.y = num[0];
			w.m = num[1];
			w.d = num[2];
		} else if (ndig[2] == 4 && sep == '/') {
			w.m = num[0];
			w.d = num[1];
			w.y = num[2];
		} else if (ndig[2] == 4) {
			w.d = num[0];
			w.m = num[1];
			w.y = num[2];
		} else {
			return 0;
		}
		if (w.m > 12 && w.d <= 12) {
			long t = w.m;

			w.m = w.d;
			w.d = t;
		}
	} else {
		return 0;
	}
	if (!valid_ymd(w.y, w.m, w.d))
		return 0;
	/* a time after the date, or "T09:00" right after it */
	if (after < n)
		parse_time(s, n, after, &w);
	put_date(out, &w);
	return 1;
}

/* ---- candidates ---- */

static int
field_index(const char *s, size_t n)
{
	int k;

	for (k = 0; k < NFIELDS; k++)
		if (strlen(field_name[k]) == n &&
		    memcmp(field_name[k], s, n) == 0)
			return k;
	return -1;
}

/* Source letters of the rules: jsonld, meta, micro, rel. */
static char
source_letter(const char *s, size_t n)
{
	if (n == 6 && memcmp(s, "jsonld", 6) == 0)
		return 'j';
	if (n == 4 && memcmp(s, "meta", 4) == 0)
		return 'm';
	if (n == 5 && memcmp(s, "micro", 5) == 0)
		return 'c';
	if (n == 3 && memcmp(s, "rel", 3) == 0)
		return 'r';
	if (n == 4 && memcmp(s, "time", 4) == 0)
		return 't';
	return 0;
}

void
sift_html_meta_rules_load(struct sift_html_meta_rules *t)
{
	const char *text, *line, *f[4];
	size_t tlen, pos = 0, llen, flen[4], cap = 0;
	char src;
	int field;

	t->rule = NULL;
	t->n = 0;
	text = sift_data("html-meta.tsv", &tlen);
	if (text == NULL)
		return;
	while (sift_data_next_line(text, tlen, &pos, &line, &llen)) {
		if (sift_data_split(line, llen, f, flen, 4) != 4 ||
		    (src = source_letter(f[0], flen[0])) == 0 ||
		    (field = field_index(f[2], flen[2])) < 0)
			continue;
		if (t->n == cap) {
			cap = cap ? cap * 2 : 64;
			t->rule = sift_xrealloc(t->rule,
			    cap * sizeof(*t->rule));
		}
		t->rule[t->n].source = src;
		t->rule[t->n].key = f[1];
		t->rule[t->n].klen = flen[1];
		t->rule[t->n].field = field;
		t->rule[t->n].rank = atoi(f[3]);
		t->n++;
	}
}

void
sift_html_meta_rules_free(struct sift_html_meta_rules *t)
{
	free(t->rule);
	t->rule = NULL;
	t->n = 0;
}

/* Look source/key up in the rules: returns the field and sets *rank, or
 * -1.  Keys of <meta> compare case-insensitively. */
static int
lookup(struct meta_state *st, char source, const char *key, size_t klen,
    int *rank)
{
	const struct sift_html_meta_rules *t = st->rules;
	size_t k, i;

	for (k = 0; k < t->n; k++) {
		const struct meta_rule *r = &t->rule[k];

		if (r->source != source || r->klen != klen)
			continue;
		for (i = 0; i < klen; i++)
			if ((source == 'm' ? sift_ascii_lower((unsigned char)key[i]) :
			    key[i]) != r->key[i])
				break;
		if (i == klen) {
			*rank = r->rank;
			return r->field;
		}
	}
	return -1;
}

static int
looks_like_url(const char *s, size_t n)
{
	return (n >= 7 && memcmp(s, "http://", 7) == 0) ||
	    (n >= 8 && memcmp(s, "https://", 8) == 0) ||
	    (n >= 2 && memcmp(s, "//", 2) == 0);
}

/* Offer value for field at rank; whitespace is collapsed, dates become
 * ISO 8601, URL-looking authors are ignored. */
static void
offer(struct meta_state *st, int field, int rank, const char *v, size_t n)
{
	struct candidate *c = &st->f[field];
	struct sift_buf *tmp = st->tmp;

	if (field < 0 || rank >= c->rank || v == NULL)
		return;
	if (n > MAX_META_VALUE) {
		n = MAX_META_VALUE;
		while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
			n--;	/* do not cut a character */
	}
	sift_buf_reset(tmp);
	add_collapsed(tmp, v, n);
	trim_end(tmp, 0);
	if (tmp->len == 0)
		return;
	if (field == F_DATE || field == F_MODIFIED) {
		struct sift_buf iso = SIFT_BUF_INIT;

		if (!sift_html_iso_date(tmp->data, tmp->len, &iso)) {
			sift_buf_release(&iso);
			return;
		}
		sift_buf_reset(&c->value);
		sift_buf_add(&c->value, iso.data, iso.len);
		sift_buf_release(&iso);
		c->rank = rank;
		return;
	}
	if (field == F_AUTHOR && looks_like_url(tmp->data, tmp->len))
		return;
	if (field == F_LANG) {
		size_t i;

		/* og:locale writes ko_KR; BCP 47 says ko-KR */
		for (i = 0; i < tmp->len; i++)
			if (tmp->data[i] == '_')
				tmp->data[i] = '-';
	}
	sift_buf_reset(&c->value);
	sift_buf_add(&c->value, tmp->data, tmp->len);
	c->rank = rank;
}

/* ---- JSON-LD ---- */

static int
is_article_type(const json_t *t)
{
	const char *s;
	size_t n, i;

	if (json_is_array(t)) {
		for (i = 0; i < json_array_size(t); i++)
			if (is_article_type(json_array_get(t, i)))
				return 1;
		return 0;
	}
	if (!json_is_string(t))
		return 0;
	s = json_string_value(t);
	n = json_string_length(t);
	return (n >= 7 && strcmp(s + n - 7, "Article") == 0) ||
	    (n >= 7 && strcmp(s + n - 7, "Posting") == 0) ||
	    strcmp(s, "ReportageNews") == 0 || strcmp(s, "Report") == 0;
}

/* The name(s) in a JSON-LD person/organization value, joined by ", ". */
static void
jsonld_names(const json_t *v, struct sift_buf *out, int depth)
{
	size_t i;
	const json_t *name;

	if (depth > 2)
		return;
	if (json_is_string(v)) {
		if (looks_like_url(json_string_value(v), json_string_length(v)))
			return;
		if (out->len)
			sift_buf_adds(out, ", ");
		sift_buf_add(out, json_string_value(v), json_string_length(v));
	} else if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v); i++)
			jsonld_names(json_array_get(v, i), out, depth + 1);
	} else if (json_is_object(v) &&
	    json_is_string(name = json_object_get(v, "name"))) {
		jsonld_names(name, out, depth + 1);
	}
}

static void
jsonld_article(struct meta_state *st, json_t *obj)
{
	const char *key;
	json_t *v;
	int field, rank;

	json_object_foreach(obj, key, v) {
		field = lookup(st, 'j', key, strlen(key), &rank);
		if (field < 0)
			continue;
		if (json_is_string(v)) {
			offer(st, field, rank, json_string_value(v),
			    json_string_length(v));
		} else if (json_is_object(v) || json_is_array(v)) {
			struct sift_buf names = SIFT_BUF_INIT;

			jsonld_names(v, &names, 0);
			offer(st, field, rank, names.data, names.len);
			sift_buf_release(&names);
		}
	}
}

static void
jsonld_walk(struct meta_state *st, json_t *v, int depth)
{
	size_t i;

	if (depth > JSONLD_MAX_DEPTH)
		return;
	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v); i++)
			jsonld_walk(st, json_array_get(v, i), depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	if (is_article_type(json_object_get(v, "@type")))
		jsonld_article(st, v);
	jsonld_walk(st, json_object_get(v, "@graph"), depth + 1);
	jsonld_walk(st, json_object_get(v, "mainEntity"), depth + 1);
}

static void
jsonld(struct meta_state *st, const GumboNode *script)
{
	const GumboVector *kids = &script->v.element.children;
	const GumboNode *t;
	json_t *root;

	if (kids->length == 0)
		return;
	t = kids->data[0];
	if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_CDATA &&
	    t->type != GUMBO_NODE_WHITESPACE)
		return;
	root = json_loads(t->v.text.text, JSON_DISABLE_EOF_CHECK |
	    JSON_DECODE_ANY, NULL);
	if (root == NULL)
		return;
	jsonld_walk(st, root, 0);
	json_decref(root);
}

/* ---- the document walk ---- */

static int
has_token(const char *list, const char *word)
{
	size_t wl = strlen(word);
	const char *p = list;

	while (*p) {
		size_t k = 0;

		while (*p && sift_ascii_space((unsigned char)*p))
			p++;
		while (p[k] && !sift_ascii_space((unsigned char)p[k]))
			k++;
		if (k == wl) {
			size_t i;

			for (i = 0; i < k; i++)
				if (sift_ascii_lower((unsigned char)p[i]) != word[i])
					break;
			if (i == k)
				return 1;
		}
		p += k;
	}
	return 0;
}

static void
element(struct meta_state *st, const GumboNode *n)
{
	const GumboElement *el = &n->v.element;
	const char *a, *content;
	int field, rank;

	if (el->tag_namespace != GUMBO_NAMESPACE_HTML)
		return;
	switch (el->tag) {
	case GUMBO_TAG_HTML:
		if ((a = sift_html_attr(n, "lang")) != NULL ||
		    (a = sift_html_attr(n, "xml:lang")) != NULL)
			offer(st, F_LANG, 1, a, strlen(a));
		return;
	case GUMBO_TAG_TITLE:
		if (st->f[F_TITLE].rank == NO_RANK) {
			sift_buf_reset(st->tmp);
			sift_html_node_text(n, st->tmp);
			if (st->tmp->len > 0) {
				sift_buf_add(&st->f[F_TITLE].value,
				    st->tmp->data, st->tmp->len);
				st->f[F_TITLE].rank = 1;
			}
		}
		return;
	case GUMBO_TAG_META:
		content = sift_html_attr(n, "content");
		if (content == NULL)
			return;
		if ((a = sift_html_attr(n, "property")) != NULL &&
		    (field = lookup(st, 'm', a, strlen(a), &rank)) >= 0)
			offer(st, field, rank, content, strlen(content));
		if ((a = sift_html_attr(n, "name")) != NULL &&
		    (field = lookup(st, 'm', a, strlen(a), &rank)) >= 0)
			offer(st, field, rank, content, strlen(content));
		if ((a = sift_html_attr(n, "itemprop")) != NULL &&
		    (field = lookup(st, 'm', a, strlen(a), &rank)) >= 0)
			offer(st, field, rank, content, strlen(content));
		if ((a = sift_html_attr(n, "http-equiv")) != NULL &&
		    (field = lookup(st, 'm', a, strlen(a), &rank)) >= 0)
			offer(st, field, rank, content, strlen(content));
		return;
	case GUMBO_TAG_LINK:
		if ((a = sift_html_attr(n, "rel")) != NULL &&
		    has_token(a, "canonical") &&
		    (content = sift_html_attr(n, "href")) != NULL &&
		    looks_like_url(content, strlen(content)))
			offer(st, F_CANONICAL, 1, content, strlen(content));
		break;
	case GUMBO_TAG_SCRIPT:
		if ((a = sift_html_attr(n, "type")) != NULL &&
		    strstr(a, "json") != NULL)
			jsonld(st, n);
		return;
	case GUMBO_TAG_TIME:
		if ((a = sift_html_attr(n, "datetime")) != NULL &&
		    (field = lookup(st, 't', "datetime", 8, &rank)) >= 0)
			offer(st, field, rank, a, strlen(a));
		break;
	default:
		break;
	}
	if ((a = sift_html_attr(n, "itemprop")) != NULL &&
	    (field = lookup(st, 'c', a, strlen(a), &rank)) >= 0 &&
	    rank < st->f[field].rank) {
		if ((content = sift_html_attr(n, "datetime")) != NULL ||
		    (content = sift_html_attr(n, "content")) != NULL) {
			offer(st, field, rank, content, strlen(content));
		} else {
			struct sift_buf text = SIFT_BUF_INIT;

			sift_html_node_text(n, &text);
			if (text.len <= 200)
				offer(st, field, rank, text.data, text.len);
			sift_buf_release(&text);
		}
	}
	if ((a = sift_html_attr(n, "rel")) != NULL &&
	    (el->tag == GUMBO_TAG_A || el->tag == GUMBO_TAG_LINK) &&
	    (field = lookup(st, 'r', a, strlen(a), &rank)) >= 0 &&
	    rank < st->f[field].rank) {
		struct sift_buf text = SIFT_BUF_INIT;

		sift_html_node_text(n, &text);
		if (text.len == 0 && (content = sift_html_attr(n, "title")))
			sift_buf_adds(&text, content);
		if (text.len <= 200)
			offer(st, field, rank, text.data, text.len);
		sift_buf_release(&text);
	}
}

void
sift_html_meta(const GumboOutput *doc, const struct sift_html_meta_rules *rules,
    json_t *meta, struct sift_buf *scratch)
{
	struct meta_state st;
	const GumboNode **stack;
	size_t depth = 0, cap = 256;
	int k;

	memset(&st, 0, sizeof(st));
	for (k = 0; k < NFIELDS; k++) {
		st.f[k].rank = NO_RANK;
		sift_buf_init(&st.f[k].value, 0);
	}
	st.rules = rules;
	st.tmp = scratch;

	stack = sift_xmalloc(cap * sizeof(*stack));
	stack[depth++] = doc->document;
	while (depth > 0) {
		const GumboNode *n = stack[--depth];
		const GumboVector *kids;
		unsigned i;

		if (n->type == GUMBO_NODE_ELEMENT) {
			element(&st, n);
			kids = &n->v.element.children;
		} else if (n->type == GUMBO_NODE_DOCUMENT) {
			kids = &n->v.document.children;
		} else {
			continue;
		}
		if (depth + kids->length > cap) {
			while (depth + kids->length > cap)
				cap *= 2;
			stack = sift_xrealloc(stack, cap * sizeof(*stack));
		}
		for (i = kids->length; i > 0; i--)
			stack[depth++] = kids->data[i - 1];
	}
	free(stack);

	for (k = 0; k < NFIELDS; k++) {
		if (st.f[k].rank != NO_RANK && st.f[k].value.len > 0)
			json_object_set_new(meta, field_name[k],
			    json_stringn(st.f[k].value.data,
			    st.f[k].value.len));
		sift_buf_release(&st.f[k].value);
	}
}
