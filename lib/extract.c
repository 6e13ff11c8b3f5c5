#include "extract.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

/* ---- URLs and e-mail addresses ---- */

static int
url_char(unsigned char c)
{
	/* RFC 3986 unreserved, reserved and '%'; no quotes, brackets that
	 * usually close the sentence, or spaces */
	if (c >= 0x80)
		return 0;
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return 1;
	return strchr("-._~:/?#[]@!$&*+,;=%", c) != NULL && c != '\0';
}

static int
mail_local(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
	    c == '+' || c == '-';
}

static int
mail_domain(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '-';
}

static int
starts(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), i;

	if (n < k)
		return 0;
	for (i = 0; i < k; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'A' && c <= 'Z' ? c | 0x20 : c) != (unsigned char)w[i])
			return 0;
	}
	return 1;
}

/* A URL starting at i, or 0: its end. */
static size_t
url_at(const char *text, size_t n, size_t i)
{
	size_t e;

	if (i > 0 && url_char((unsigned char)text[i - 1]) && text[i - 1] != '(' &&
	    text[i - 1] != ':')
		return 0;
	if (!starts(text + i, n - i, "http://") &&
	    !starts(text + i, n - i, "https://") &&
	    !(starts(text + i, n - i, "www.") && i + 4 < n &&
	    mail_domain((unsigned char)text[i + 4])))
		return 0;
	e = i;
	while (e < n && url_char((unsigned char)text[e]))
		e++;
	/* trailing punctuation belongs to the sentence */
	while (e > i && strchr(".,;:!?)]'", text[e - 1]) != NULL)
		e--;
	if (e > i + 8 || (starts(text + i, n - i, "www.") && e > i + 5))
		return e;
	return 0;
}

/* An e-mail address around the '@' at i: its span, or 0. */
static int
email_at(const char *text, size_t n, size_t i, size_t *start, size_t *end)
{
	size_t a, e, dot = 0, k;

	if (i == 0 || i + 1 >= n || !mail_local((unsigned char)text[i - 1]))
		return 0;
	a = i;
	while (a > 0 && mail_local((unsigned char)text[a - 1]))
		a--;
	while (a < i && (text[a] == '.' || text[a] == '-'))
		a++;
	e = i + 1;
	while (e < n && mail_domain((unsigned char)text[e])) {
		if (text[e] == '.')
			dot = e;
		e++;
	}
	while (e > i + 1 && (text[e - 1] == '.' || text[e - 1] == '-'))
		e--;
	if (dot >= e - 1)
		for (dot = 0, k = i + 1; k < e; k++)
			if (text[k] == '.')
				dot = k;
	/* a dot in the domain, and a top-level part of letters */
	if (a >= i || dot <= i + 1 || e - dot < 3)
		return 0;
	for (k = dot + 1; k < e; k++)
		if (!((text[k] | 0x20) >= 'a' && (text[k] | 0x20) <= 'z'))
			return 0;
	*start = a;
	*end = e;
	return 1;
}

/* The next byte at or after i that can start a link ('h', 'w', their
 * capitals, '@'), or n: one memchr per byte value (fast on Korean text,
 * which has few ASCII letters), each result kept until passed.  next[k]
 * is SIZE_MAX before the first search. */
struct link_scan {
	const char *text;
	size_t n;
	size_t next[5];
};

static size_t
link_next(struct link_scan *ls, size_t i)
{
	static const char starts[5] = { 'h', 'w', 'H', 'W', '@' };
	size_t k, best = ls->n;

	for (k = 0; k < 5; k++) {
		if (ls->next[k] == SIZE_MAX || ls->next[k] < i) {
			const char *p = i < ls->n ?
			    memchr(ls->text + i, starts[k], ls->n - i) : NULL;

			ls->next[k] = p ? (size_t)(p - ls->text) : ls->n;
		}
		if (ls->next[k] < best)
			best = ls->next[k];
	}
	return best;
}

void
sift_find_links(const char *text, size_t n,
    void (*fn)(size_t, size_t, int, void *), void *arg)
{
	struct link_scan ls = { text, n,
	    { SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX } };
	size_t i = 0, e, a, b;

	while ((i = link_next(&ls, i)) < n) {
		if (text[i] == '@') {
			if (email_at(text, n, i, &a, &b)) {
				fn(a, b, 1, arg);
				i = b;
				continue;
			}
		} else if ((e = url_at(text, n, i)) != 0) {
			/* an address inside the URL is part of it */
			fn(i, e, 0, arg);
			i = e;
			continue;
		}
		i++;
	}
}

static void put_key(struct sift_buf *b, const char *key, int first);
static void put_str(struct sift_buf *b, const char *key, const char *s,
    size_t n, int first);
static void put_uint(struct sift_buf *b, unsigned long long v);

/* ---- mentions for NER scoring ---- */

struct ment {
	size_t start, end;
	const char *type;
};

static void
ment_push(struct sift_extract *x, size_t *n, size_t start, size_t end,
    const char *type)
{
	struct ment *m;

	if (*n == x->ments_cap) {
		x->ments_cap = x->ments_cap ? x->ments_cap * 2 : 64;
		x->ments = sift_xrealloc(x->ments, x->ments_cap * sizeof(*m));
	}
	m = (struct ment *)x->ments + (*n)++;
	m->start = start;
	m->end = end;
	m->type = type;
}

static int
ment_cmp(const void *a, const void *b)
{
	const struct ment *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

static void
put_mentions(struct sift_extract *x, const char *text, struct sift_buf *out)
{
	struct ment *m;
	size_t n = 0, i, pos = 0, cp = 0, s_cp;

	for (i = 0; i < x->names.nm; i++) {
		const struct sift_mention *nm = &x->names.m[i];

		ment_push(x, &n, nm->start, nm->end,
		    nm->type == SIFT_MENTION_PERSON ? "PS" : "OG");
	}
	for (i = 0; i < x->numbers.n; i++)
		ment_push(x, &n, x->numbers.v[i].start, x->numbers.v[i].end, "QT");
	for (i = 0; i < x->dates.n; i++) {
		const struct sift_date *d = &x->dates.v[i];
		size_t ds;

		/* NER convention (KLUE): times of day are TI, and a date with
		 * a time ("3월 5일 오후 3시") is a DT and a TI mention;
		 * durations in hours or minutes (PT3H) are TI too */
		if ((d->flags & SIFT_DATE_TIME_ONLY) ||
		    ((d->flags & SIFT_DATE_DURATION) &&
		    strchr(d->value, 'T') != NULL)) {
			ment_push(x, &n, d->start, d->end, "TI");
		} else if (d->time_start > d->start && d->time_start < d->end) {
			ds = d->time_start;
			while (ds > d->start && text[ds - 1] == ' ')
				ds--;
			if (ds > d->start)
				ment_push(x, &n, d->start, ds, "DT");
			ment_push(x, &n, d->time_start, d->end, "TI");
		} else {
			ment_push(x, &n, d->start, d->end, "DT");
		}
	}
	m = x->ments;
	if (n > 1)
		qsort(m, n, sizeof(*m), ment_cmp);
	sift_buf_addc(out, '[');
	for (i = 0; i < n; i++) {
		/* offsets only grow except at overlaps: restart then */
		if (m[i].start < pos) {
			pos = 0;
			cp = 0;
		}
		cp += sift_utf8_count(text + pos, m[i].start - pos);
		pos = m[i].start;
		s_cp = cp;
		sift_buf_add(out, i ? ",{" : "{", i ? 2 : 1);
		put_str(out, "type", m[i].type, 2, 1);
		put_str(out, "text", text + m[i].start, m[i].end - m[i].start, 0);
		put_key(out, "start", 0);
		put_uint(out, s_cp);
		put_key(out, "end", 0);
		put_uint(out, s_cp + sift_utf8_count(text + m[i].start,
		    m[i].end - m[i].start));
		sift_buf_addc(out, '}');
	}
	sift_buf_addc(out, ']');
}

/* ---- sentences ---- */

/* First occurrence of needle in hay (memmem is not in C11/POSIX). */
static const char *
find_bytes(const char *hay, size_t n, const char *needle, size_t k)
{
	const char *p = hay, *end = hay + n;

	if (k == 0 || k > n)
		return NULL;
	while ((p = memchr(p, needle[0], (size_t)(end - p) - k + 1)) != NULL) {
		if (memcmp(p, needle, k) == 0)
			return p;
		p++;
		if ((size_t)(end - p) < k)
			break;
	}
	return NULL;
}

/* Locate the record's sentences in the text; 0 if one is missing. */
static int
spans_from_sentences(struct sift_extract *x, const char *text, size_t n,
    const json_t *sentences)
{
	size_t i, pos = 0;
	const json_t *s;

	x->sent.n = 0;
	json_array_foreach(sentences, i, s) {
		const char *str, *hit;
		size_t len;

		if (!json_is_string(s))
			return 0;
		str = json_string_value(s);
		len = json_string_length(s);
		if (len == 0)
			continue;
		hit = find_bytes(text + pos, n - pos, str, len);
		if (hit == NULL)
			return 0;
		sift_spans_push(&x->sent, (size_t)(hit - text),
		    (size_t)(hit - text) + len);
		pos = (size_t)(hit - text) + len;
	}
	return 1;
}

/* ---- JSON writing ---- */

/*
 * The entities object is written straight into a buffer with the record
 * writer's string escaper: building it as jansson values and dumping them
 * took a third of the filter's time (allocation per value, key sorting
 * for JSON_PRESERVE_ORDER, printf for numbers).
 */

static void
put_key(struct sift_buf *b, const char *key, int first)
{
	if (!first)
		sift_buf_addc(b, ',');
	sift_buf_addc(b, '"');
	sift_buf_adds(b, key);
	sift_buf_add(b, "\":", 2);
}

static void
put_str(struct sift_buf *b, const char *key, const char *s, size_t n,
    int first)
{
	put_key(b, key, first);
	sift_json_put_string(b, s, n);
}

static void
put_uint(struct sift_buf *b, unsigned long long v)
{
	char num[24];
	size_t k = sizeof(num);

	do {
		num[--k] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	sift_buf_add(b, num + k, sizeof(num) - k);
}

/* A number as JSON: integers without a fraction, others with %.15g. */
static void
put_number(struct sift_buf *b, double v)
{
	char num[40];

	if (v == floor(v) && fabs(v) < 9.0e15) {
		if (v < 0) {
			sift_buf_addc(b, '-');
			v = -v;
		}
		put_uint(b, (unsigned long long)v);
		return;
	}
	if (!isfinite(v)) {
		sift_buf_add(b, "null", 4);
		return;
	}
	/* 15 significant digits: more than any figure in a text has, and
	 * few enough to hide binary noise (0.3, not 0.30000000000000004) */
	snprintf(num, sizeof(num), "%.15g", v);
	sift_buf_adds(b, num);
}

/* A score in [0, 1] with three decimals: 1, 0.591, 0.5 */
static void
put_score(struct sift_buf *b, double v)
{
	long k = lround(v * 1000.0);
	char d[4];

	if (k >= 1000) {
		sift_buf_addc(b, '1');
		return;
	}
	if (k <= 0) {
		sift_buf_addc(b, '0');
		return;
	}
	d[0] = (char)('0' + k / 100);
	d[1] = (char)('0' + k / 10 % 10);
	d[2] = (char)('0' + k % 10);
	k = 3;
	while (k > 1 && d[k - 1] == '0')
		k--;
	sift_buf_add(b, "0.", 2);
	sift_buf_add(b, d, (size_t)k);
}

struct link_ctx {
	size_t (*v)[3];		/* start, end, is_email */
	size_t n, cap;
};

static void
link_found(size_t start, size_t end, int is_email, void *arg)
{
	struct link_ctx *c = arg;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = sift_xrealloc(c->v, c->cap * sizeof(*c->v));
	}
	c->v[c->n][0] = start;
	c->v[c->n][1] = end;
	c->v[c->n][2] = (size_t)is_email;
	c->n++;
}

/* Write the links of one kind as a JSON array body, each text once. */
static void
put_links(struct sift_buf *b, const char *text, const struct link_ctx *c,
    size_t is_email)
{
	size_t i, k, w = 0;

	for (i = 0; i < c->n; i++) {
		size_t len = c->v[i][1] - c->v[i][0];
		int dup = 0;

		if (c->v[i][2] != is_email)
			continue;
		for (k = 0; k < i && !dup; k++)
			dup = c->v[k][2] == is_email &&
			    c->v[k][1] - c->v[k][0] == len &&
			    memcmp(text + c->v[k][0], text + c->v[i][0], len) == 0;
		if (dup)
			continue;
		if (w++)
			sift_buf_addc(b, ',');
		sift_json_put_string(b, text + c->v[i][0], len);
	}
}

/* Does the text contain a quotation mark at all?  (Sentences are only
 * needed to place speakers, so a text without quotes skips segmentation.) */
static int
has_quote_mark(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\'')
			return 1;
		if ((c == 0xE2 || c == 0xE3 || c == 0xEF || c == 0xC2) && i + 1 < n)
			return 1;	/* “ ” ‘ ’ 「 」 ＂ «: cheap to over-accept */
	}
	return 0;
}

void
sift_extract(struct sift_extract *x, const char *text, size_t n,
    const struct sift_ymd *doc_date, const json_t *sentences,
    const struct sift_extract_opts *opts, struct sift_buf *out)
{
	const struct sift_names *nm = &x->names;
	struct link_ctx links;
	size_t i, listed;

	x->sent.n = 0;
	if (has_quote_mark(text, n) && (sentences == NULL ||
	    !json_is_array(sentences) ||
	    !spans_from_sentences(x, text, n, sentences)))
		sift_segment(text, n, &x->seg, &x->sent);
	sift_names_find(&x->names, text, n);
	sift_quotes_find(&x->quotes, &x->names, x->sent.v, x->sent.n);
	sift_keywords_find(&x->keywords, &x->names, opts->keywords);
	sift_find_numbers(text, n, &x->numbers);
	sift_find_dates(text, n, doc_date, &x->dates);

	sift_buf_add(out, "{\"people\":[", 11);
	for (i = 0, listed = 0; i < nm->npeople; i++) {
		const struct sift_person *p = &nm->people[i];

		/* a person entry is {name, title, org?}: a name the text
		 * gives no title stays a possible speaker but is no entry */
		if ((p->title_len == 0 && !opts->untitled) || p->name_len == 0)
			continue;
		sift_buf_add(out, listed ? ",{" : "{", listed ? 2 : 1);
		listed++;
		put_str(out, "name", text + p->name, p->name_len, 1);
		if (p->title_len)
			put_str(out, "title", text + p->title, p->title_len, 0);
		if (p->org_len)
			put_str(out, "org", text + p->org, p->org_len, 0);
		sift_buf_addc(out, '}');
	}
	sift_buf_add(out, "],\"orgs\":[", 10);
	for (i = 0; i < nm->norgs; i++) {
		sift_buf_add(out, i ? ",{" : "{", i ? 2 : 1);
		put_str(out, "name", text + nm->orgs[i].name, nm->orgs[i].name_len,
		    1);
		sift_buf_addc(out, '}');
	}
	sift_buf_add(out, "],\"dates\":[", 11);
	for (i = 0; i < x->dates.n; i++) {
		const struct sift_date *d = &x->dates.v[i];

		sift_buf_add(out, i ? ",{" : "{", i ? 2 : 1);
		put_str(out, "text", text + d->start, d->end - d->start, 1);
		put_key(out, "value", 0);
		if (d->value[0])
			sift_json_put_string(out, d->value, strlen(d->value));
		else
			sift_buf_add(out, "null", 4);
		sift_buf_addc(out, '}');
	}
	sift_buf_add(out, "],\"numbers\":[", 13);
	for (i = 0; i < x->numbers.n; i++) {
		const struct sift_number *q = &x->numbers.v[i];

		sift_buf_add(out, i ? ",{" : "{", i ? 2 : 1);
		put_str(out, "text", text + q->start, q->end - q->start, 1);
		put_key(out, "value", 0);
		put_number(out, q->value);
		put_str(out, "unit", q->unit, strlen(q->unit), 0);
		if (q->flags & SIFT_NUMBER_RANGE) {
			put_key(out, "max", 0);
			put_number(out, q->max);
		}
		sift_buf_addc(out, '}');
	}
	sift_buf_add(out, "],\"quotes\":[", 12);
	for (i = 0; i < x->quotes.n; i++) {
		const struct sift_quote *q = &x->quotes.v[i];

		sift_buf_add(out, i ? ",{" : "{", i ? 2 : 1);
		put_str(out, "text", text + q->start, q->end - q->start, 1);
		put_key(out, "speaker", 0);
		if (q->person >= 0)
			sift_json_put_string(out, text + nm->people[q->person].name,
			    nm->people[q->person].name_len);
		else if (q->speaker_len)
			sift_json_put_string(out, text + q->speaker, q->speaker_len);
		else
			sift_buf_add(out, "null", 4);
		sift_buf_addc(out, '}');
	}
	links.v = x->links;
	links.cap = x->links_cap;
	links.n = 0;
	sift_find_links(text, n, link_found, &links);
	x->links = links.v;
	x->links_cap = links.cap;
	sift_buf_add(out, "],\"urls\":[", 10);
	put_links(out, text, &links, 0);
	sift_buf_add(out, "],\"emails\":[", 12);
	put_links(out, text, &links, 1);
	sift_buf_add(out, "],\"keywords\":[", 14);
	for (i = 0; i < x->keywords.n; i++) {
		const struct sift_keyword *k = &x->keywords.v[i];

		sift_buf_add(out, i ? ",{" : "{", i ? 2 : 1);
		put_str(out, "term", x->keywords.terms.data + k->off, k->len, 1);
		put_key(out, "score", 0);
		put_score(out, k->score);
		sift_buf_addc(out, '}');
	}
	sift_buf_addc(out, ']');
	if (opts->mentions) {
		put_key(out, "mentions", 0);
		put_mentions(x, text, out);
	}
	sift_buf_addc(out, '}');
}

void
sift_extract_release(struct sift_extract *x)
{
	sift_names_release(&x->names);
	sift_quotes_release(&x->quotes);
	sift_keywords_release(&x->keywords);
	sift_numbers_release(&x->numbers);
	sift_dates_release(&x->dates);
	sift_spans_release(&x->sent);
	sift_buf_release(&x->tmp);
	free(x->ments);
	free(x->links);
	memset(x, 0, sizeof(*x));
	x->seg.newline_breaks = 1;
}

/* ---- meta.date from the raw member ---- */

/* End of the JSON string whose opening quote is at s[i] (index past the
 * closing quote); *esc is set if it contains a backslash. */
static size_t
raw_string_end(const char *s, size_t n, size_t i, int *esc)
{
	*esc = 0;
	for (i++; i < n; i++) {
		if (s[i] == '\\') {
			*esc = 1;
			i++;
		} else if (s[i] == '"') {
			return i + 1;
		}
	}
	return n;
}

/* End of the JSON value starting at s[i] (validated input). */
static size_t
raw_value_end(const char *s, size_t n, size_t i)
{
	int depth = 0, esc;

	while (i < n) {
		char c = s[i];

		if (c == '"') {
			i = raw_string_end(s, n, i, &esc);
			if (depth == 0)
				return i;
			continue;
		}
		if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return i;
			if (--depth == 0)
				return i + 1;
		} else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' ||
		    c == '\n' || c == '\r')) {
			return i;
		}
		i++;
	}
	return n;
}

static size_t
raw_skip_space(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
	    s[i] == '\r'))
		i++;
	return i;
}

int
sift_extract_meta_date(const char *raw, size_t n, struct sift_buf *tmp,
    const char **s, size_t *len)
{
	size_t i = 0, k0, k1, v0 = 0, v1 = 0;
	int esc, found = 0;

	i = raw_skip_space(raw, n, i);
	if (i >= n || raw[i] != '{')
		return 0;
	i++;
	for (;;) {
		int is_date;

		i = raw_skip_space(raw, n, i);
		if (i >= n || raw[i] != '"')
			break;
		k0 = i;
		k1 = raw_string_end(raw, n, i, &esc);
		if (!esc) {
			is_date = k1 - k0 == 6 && memcmp(raw + k0, "\"date\"", 6) == 0;
		} else {
			sift_buf_reset(tmp);
			is_date = sift_json_decode_string(tmp, raw + k0, k1 - k0) == 0 &&
			    tmp->len == 4 && memcmp(tmp->data, "date", 4) == 0;
		}
		i = raw_skip_space(raw, n, k1);
		if (i >= n || raw[i] != ':')
			break;
		i = raw_skip_space(raw, n, i + 1);
		k0 = i;
		i = raw_value_end(raw, n, i);
		if (is_date) {
			found = raw[k0] == '"';
			v0 = k0;
			v1 = i;
		}
		i = raw_skip_space(raw, n, i);
		if (i >= n || raw[i] != ',')
			break;
		i++;
	}
	if (!found)
		return 0;
	sift_buf_reset(tmp);
	if (sift_json_decode_string(tmp, raw + v0, v1 - v0) < 0)
		return 0;
	*s = tmp->data;
	*len = tmp->len;
	return 1;
}
