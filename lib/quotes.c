#include "quotes.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

#define T(i) (nm->toks.v[(i)])
#define NTOK (nm->toks.n)
#define TXT(i) (nm->text + T(i).start)

/* how far back (in sentences) a pronoun or a continuation may reach */
#define FOCUS_SENTENCES 2

struct cand {
	size_t open, close;	/* token indices of the marks */
	int dbl;		/* double quotation marks */
};

struct speaker {
	int32_t person;		/* >= 0: a person */
	uint32_t start, len;	/* else this text (len 0: nobody) */
};

static int
is_p(const struct sift_tok *t, int32_t cp)
{
	return (t->kind & SIFT_TOK_PUNCT) && t->cp == cp;
}

/* 1: opens a double quotation, 2: closes one, 3: either (straight). */
static int
dbl_mark(int32_t cp)
{
	switch (cp) {
	case 0x201C: case 0x300C: case 0x300E: case 0xAB: case 0x201E:
		return 1;
	case 0x201D: case 0x300D: case 0x300F: case 0xBB:
		return 2;
	case '"': case 0xFF02:
		return 3;
	}
	return 0;
}

static int
sgl_mark(int32_t cp)
{
	switch (cp) {
	case 0x2018:
		return 1;
	case 0x2019:
		return 2;
	case '\'':
		return 3;
	}
	return 0;
}

/* A straight or right single quote between two letters is an apostrophe
 * (don't, Korea's). */
static int
apostrophe(const struct sift_names *nm, size_t i)
{
	return i > 0 && i + 1 < NTOK && !T(i).space && !T(i + 1).space &&
	    (T(i - 1).kind & SIFT_TOK_LATIN) && (T(i + 1).kind & SIFT_TOK_LATIN);
}

static size_t
find_candidates(const struct sift_names *nm, struct cand **out, size_t *cap)
{
	size_t i, n = 0, dopen = 0, sopen = 0;
	int in_d = 0, in_s = 0;

	for (i = 0; i < NTOK; i++) {
		const struct sift_tok *t = &T(i);
		int m;

		if (t->newline) {
			/* an unclosed quotation does not run past a line */
			in_d = in_s = 0;
		}
		if (!(t->kind & SIFT_TOK_PUNCT))
			continue;
		if ((m = dbl_mark(t->cp)) != 0) {
			if (!in_d && (m & 1)) {
				in_d = 1;
				in_s = 0;
				dopen = i;
			} else if (in_d && (m & 2) && i > dopen + 1) {
				if (n == *cap) {
					*cap = *cap ? *cap * 2 : 16;
					*out = sift_xrealloc(*out, *cap * sizeof(**out));
				}
				(*out)[n].open = dopen;
				(*out)[n].close = i;
				(*out)[n].dbl = 1;
				n++;
				in_d = 0;
			}
			continue;
		}
		if (in_d || (m = sgl_mark(t->cp)) == 0 || apostrophe(nm, i))
			continue;
		if (!in_s && (m & 1) && (m == 1 || t->space || i == 0 ||
		    (T(i - 1).kind & SIFT_TOK_PUNCT))) {
			in_s = 1;
			sopen = i;
		} else if (in_s && (m & 2) && i > sopen + 1) {
			if (n == *cap) {
				*cap = *cap ? *cap * 2 : 16;
				*out = sift_xrealloc(*out, *cap * sizeof(**out));
			}
			(*out)[n].open = sopen;
			(*out)[n].close = i;
			(*out)[n].dbl = 0;
			n++;
			in_s = 0;
		}
	}
	return n;
}

/* Token i starts with a quotative ending (라고, 고, 며, 라며 ...). */
static int
quotative(const struct sift_names *nm, size_t i)
{
	size_t k, n;

	if (i >= NTOK || T(i).space || !(T(i).kind & SIFT_TOK_HANGUL))
		return 0;
	n = T(i).end - T(i).start;
	for (k = 3; k <= 12 && k <= n; k += 3)
		if (sift_wordclass(TXT(i), k) & SIFT_WC_QUOT)
			return 1;
	return 0;
}

/* Token i is a speech verb (말했다, 밝혔습니다, 강조하며; said). */
static int
speech_verb(const struct sift_names *nm, size_t i)
{
	size_t k, n;
	const struct sift_tok *t = &T(i);

	if (t->kind & SIFT_TOK_PUNCT)
		return 0;
	n = t->end - t->start;
	if (t->kind == SIFT_TOK_LATIN)
		return (sift_wordclass(TXT(i), n) & SIFT_WC_ENVERB) != 0;
	if (!(t->kind & SIFT_TOK_HANGUL))
		return 0;
	for (k = 6; k <= 15 && k <= n; k += 3)
		if (sift_wordclass(TXT(i), k) & SIFT_WC_VERB)
			return 1;
	return 0;
}

static size_t
words_between(const struct sift_names *nm, size_t a, size_t b)
{
	size_t i, w = 0;

	for (i = a; i < b; i++)
		if (!(T(i).kind & SIFT_TOK_PUNCT))
			w++;
	return w;
}

/* A speech verb in tokens [a, b). */
static int
verb_in(const struct sift_names *nm, size_t a, size_t b)
{
	for (; a < b && a < NTOK; a++)
		if (speech_verb(nm, a))
			return 1;
	return 0;
}

static int
inside(const struct cand *c, size_t nc, size_t tok)
{
	size_t i;

	for (i = 0; i < nc; i++)
		if (c[i].open < tok && tok < c[i].close)
			return 1;
	return 0;
}

/* Subject particle on the phrase ending at mention m. */
static int
subj(const struct sift_mention *m)
{
	return ((uint64_t)m->part << 11) == SIFT_WC_PART_SUBJ;
}

static struct speaker
from_mention(const struct sift_names *nm, const struct sift_mention *m)
{
	struct speaker s = { -1, 0, 0 };

	if (m->type == SIFT_MENTION_PERSON && m->ref >= 0) {
		s.person = m->ref;
		return s;
	}
	if (m->type == SIFT_MENTION_ORG) {
		s.start = m->start;
		s.len = m->end - m->start;
		return s;
	}
	/* "한 보좌관": 한 is a determiner here, the speaker a bare title */
	if (m->tok_last > m->tok_first && (T(m->tok_first).lex & SIFT_WC_DET)) {
		s.start = T(m->tok_first + 1).start;
		s.len = T(m->tok_last).base - s.start;
		return s;
	}
	/* an unresolved person: the whole phrase ("김 대표", "A씨") */
	s.start = m->start;
	s.len = T(m->tok_last).base - m->start;
	if (is_p(&T(m->tok_last), ')'))
		s.len = T(m->tok_last).end - m->start;
	return s;
}

/* The last person mentioned outside quotations before token tok, within
 * FOCUS_SENTENCES sentences (-1 if none); subjects win over others. */
static int32_t
focus_person(const struct sift_names *nm, const struct cand *c, size_t nc,
    const uint32_t *sent_of, size_t tok)
{
	size_t i;
	int32_t any = -1;
	uint32_t s = sent_of[tok];

	for (i = nm->nm; i-- > 0;) {
		const struct sift_mention *m = &nm->m[i];

		if (m->tok_first >= tok || m->type != SIFT_MENTION_PERSON ||
		    m->ref < 0 || inside(c, nc, m->tok_first))
			continue;
		if (s - sent_of[m->tok_first] > FOCUS_SENTENCES)
			break;
		if (subj(m))
			return m->ref;
		if (any < 0)
			any = m->ref;
	}
	return any;
}

/* "이 대표는", "그 장관은": the person most recently named before token
 * k (outside quotations) whose title ends in the same title word, or -1
 * (then the person in focus is taken). */
static int32_t
titled_person(const struct sift_names *nm, const struct cand *c, size_t nc,
    size_t k)
{
	const struct sift_tok *t;
	size_t i, tn;

	if (k + 1 >= NTOK || T(k).kind == SIFT_TOK_LATIN || T(k).base != T(k).end ||
	    !(T(k + 1).lex & SIFT_WC_TITLE))
		return -1;
	t = &T(k + 1);
	tn = t->base - t->start;
	for (i = nm->nm; i-- > 0;) {
		const struct sift_mention *m = &nm->m[i];
		const struct sift_person *p;

		if (m->tok_first >= k || m->type != SIFT_MENTION_PERSON ||
		    m->ref < 0 || inside(c, nc, m->tok_first))
			continue;
		p = &nm->people[m->ref];
		if (p->title_len >= tn && memcmp(nm->text + p->title +
		    p->title_len - tn, nm->text + t->start, tn) == 0)
			return m->ref;
	}
	return -1;
}

/* An unnamed source ending at token k ("업계 관계자는", "누리소프트 측은"):
 * the phrase from up to two bare nouns before it.  want is the particle
 * class it must carry (SIFT_WC_PART_SUBJ, or _POSS for "관계자의"). */
static int
anon_phrase_(const struct sift_names *nm, size_t k, size_t lo,
    struct speaker *sp, uint64_t want)
{
	size_t a = k;

	if (((uint64_t)T(k).part << 11) != want)
		return 0;
	/* "한 보좌관은", "한 제약사 임원은": a bare title after a determiner
	 * and at most one noun */
	if (((T(k).lex & (SIFT_WC_TITLE | SIFT_WC_ANON)) || T(k).ctitle) &&
	    k > lo &&
	    (((T(k - 1).lex & SIFT_WC_DET) && T(k - 1).base == T(k - 1).end) ||
	    (k > lo + 1 && (T(k - 2).lex & SIFT_WC_DET) &&
	    T(k - 2).base == T(k - 2).end && T(k - 1).base == T(k - 1).end &&
	    !(T(k - 1).kind & SIFT_TOK_PUNCT)))) {
		sp->person = -1;
		sp->start = T(k).start;
		sp->len = T(k).base - T(k).start;
		return 1;
	}
	if (!(T(k).lex & SIFT_WC_ANON))
		return 0;
	while (a > lo && k - a < 2 && !(T(a - 1).kind & SIFT_TOK_PUNCT) &&
	    T(a - 1).base == T(a - 1).end && !(T(a - 1).lex & (SIFT_WC_STOP |
	    SIFT_WC_PRON | SIFT_WC_TITLE_MOD)) && T(a - 1).nsyl != 1)
		a--;
	sp->person = -1;
	sp->start = T(a).start;
	sp->len = T(k).base - T(a).start;
	return 1;
}

static int
anon_phrase(const struct sift_names *nm, size_t k, size_t lo,
    struct speaker *sp)
{
	return anon_phrase_(nm, k, lo, sp, SIFT_WC_PART_SUBJ);
}

/* An unnamed English source at token k next to a speech verb: "a Hangang
 * FC spokesperson said", "said a ministry official": the phrase from its
 * article (a, an, the) up to four words back. */
static int
english_anon(const struct sift_names *nm, size_t k, size_t lo,
    struct speaker *sp)
{
	size_t a, n = T(k).end - T(k).start;

	if (T(k).kind != SIFT_TOK_LATIN ||
	    !(sift_wordclass(TXT(k), n) & SIFT_WC_ANON))
		return 0;
	for (a = k; a > lo && k - a < 5; a--) {
		const struct sift_tok *t = &T(a - 1);
		size_t tn = t->end - t->start;

		if (t->kind == SIFT_TOK_PUNCT || speech_verb(nm, a - 1))
			break;
		if (((tn == 1 && (TXT(a - 1)[0] == 'a' || TXT(a - 1)[0] == 'A')) ||
		    (tn == 2 && strncasecmp(TXT(a - 1), "an", 2) == 0) ||
		    (tn == 3 && strncasecmp(TXT(a - 1), "the", 3) == 0)) &&
		    ((k + 1 < NTOK && speech_verb(nm, k + 1)) ||
		    (a >= 2 && speech_verb(nm, a - 2)))) {
			sp->person = -1;
			sp->start = t->start;
			sp->len = T(k).end - t->start;
			return 1;
		}
	}
	return 0;
}

/* A pronoun subject at token k: 그는, 그녀가, "이 대표는", he, she. */
static int
pronoun(const struct sift_names *nm, size_t k)
{
	const struct sift_tok *t = &T(k);

	if (t->kind == SIFT_TOK_LATIN)
		return (t->lex & SIFT_WC_ENPRON) != 0;
	if (!(t->lex & SIFT_WC_PRON))
		return 0;
	if (((uint64_t)t->part << 11) == SIFT_WC_PART_SUBJ)
		return t->nsyl <= 2;
	/* 이/그 + title + subject particle */
	if (t->base == t->end && k + 1 < NTOK && (T(k + 1).lex & SIFT_WC_TITLE) &&
	    ((uint64_t)T(k + 1).part << 11) == SIFT_WC_PART_SUBJ)
		return 1;
	return 0;
}

/*
 * Look for a speaker in tokens [a, b) (outside quotations): a subject
 * mention, an unnamed source, or a pronoun.  last: take the last one found
 * (before a quotation) instead of the first (after it).  Returns 1 if found.
 */
static int
speaker_in(const struct sift_names *nm, const struct cand *c, size_t nc,
    const uint32_t *sent_of, size_t a, size_t b, int last,
    struct speaker *out)
{
	size_t k;
	int found = 0;

	for (k = a; k < b; k++) {
		long mi;
		struct speaker sp;

		if (inside(c, nc, k))
			continue;
		mi = sift_names_mention_at(nm, k);
		if (mi >= 0) {
			const struct sift_mention *m = &nm->m[mi];

			k = m->tok_last;
			if (!subj(m) && !(T(m->tok_first).kind == SIFT_TOK_LATIN ||
			    is_p(&T(k), ')')))
				continue;
			if (!subj(m)) {
				/* English has no particles: "Roe said", "said Roe",
				 * or the subject opening the range with a speech
				 * verb after it: "Roe, an analyst at X, said the
				 * plan was "…"" */
				if (!(k + 1 < NTOK && speech_verb(nm, k + 1)) &&
				    !(m->tok_first > 0 &&
				    speech_verb(nm, m->tok_first - 1)) &&
				    !(m->type == SIFT_MENTION_PERSON &&
				    T(m->tok_first).kind == SIFT_TOK_LATIN &&
				    words_between(nm, a, m->tok_first) == 0 &&
				    verb_in(nm, k + 1, b)))
					continue;
			}
			sp = from_mention(nm, m);
		} else if (anon_phrase(nm, k, a, &sp) ||
		    english_anon(nm, k, a, &sp)) {
			;
		} else if (pronoun(nm, k)) {
			int32_t p = titled_person(nm, c, nc, k);

			if (p < 0)
				p = focus_person(nm, c, nc, sent_of, k);

			if (T(k).kind == SIFT_TOK_LATIN &&
			    !((k + 1 < NTOK && speech_verb(nm, k + 1)) ||
			    (k > 0 && speech_verb(nm, k - 1))))
				continue;
			sp.person = p;
			sp.start = T(k).start;
			sp.len = p < 0 ? T(k).base - T(k).start : 0;
			if (p < 0)
				continue;
		} else if (((uint64_t)T(k).part << 11) == SIFT_WC_PART_SUBJ &&
		    sift_names_name_shaped(nm, k)) {
			/* an untitled name as the subject of the speech:
			 * "빈소희는 …라고 말했다" */
			sp.person = -1;
			sp.start = T(k).start;
			sp.len = T(k).base - T(k).start;
		} else {
			continue;
		}
		*out = sp;
		found = 1;
		if (!last)
			return 1;
	}
	return found;
}

/* A possessive speaker right after the quotation: "…" 홍 대표의 말이다. */
static int
possessive_after(const struct sift_names *nm, size_t k, struct speaker *out)
{
	long mi;

	if (k >= NTOK || (mi = sift_names_mention_at(nm, k)) < 0 ||
	    nm->m[mi].tok_first != k)
		return 0;
	if (((uint64_t)nm->m[mi].part << 11) != SIFT_WC_PART_POSS)
		return 0;
	*out = from_mention(nm, &nm->m[mi]);
	return 1;
}

/*
 * A possessive source later in the sentence, before a noun that names
 * what was said: "…"는 게 업계 관계자의 설명이다, "…"라는 것이 김 대표의
 * 주장이다.  Tokens (close, b).
 */
static int
source_noun_after(const struct sift_names *nm, const struct cand *c,
    size_t nc, size_t close, size_t b, struct speaker *out)
{
	size_t k;

	for (k = close + 1; k + 1 < b && k + 1 < NTOK; k++) {
		long mi;

		if (inside(c, nc, k) ||
		    ((uint64_t)T(k).part << 11) != SIFT_WC_PART_POSS ||
		    !(T(k + 1).lex & SIFT_WC_SNOUN))
			continue;
		if ((mi = sift_names_mention_at(nm, k)) >= 0 &&
		    nm->m[mi].tok_last == k) {
			*out = from_mention(nm, &nm->m[mi]);
			return 1;
		}
		return anon_phrase_(nm, k, close + 1, out, SIFT_WC_PART_POSS);
	}
	return 0;
}

/* Some token in (a, b) has Hangul: a Korean quotation. */
static int
has_hangul(const struct sift_names *nm, size_t a, size_t b)
{
	size_t k;

	for (k = a + 1; k < b; k++)
		if (T(k).kind & SIFT_TOK_HANGUL)
			return 1;
	return 0;
}

/* Person p is introduced at token b or later (its first mention), with
 * a title, an honorific or an age: "떡집을 하는 김순례(62)씨는". */
static int
introduced_from(const struct sift_names *nm, int32_t p, size_t b)
{
	size_t i, best = NTOK;
	int titled = 0;

	for (i = 0; i < nm->nm; i++)
		if (nm->m[i].type == SIFT_MENTION_PERSON && nm->m[i].ref == p &&
		    nm->m[i].tok_first < best) {
			best = nm->m[i].tok_first;
			titled = nm->m[i].titled;
		}
	return best >= b && best < NTOK && titled;
}

static void
quote_push(struct sift_quotes *q, uint32_t start, uint32_t end,
    const struct speaker *sp)
{
	struct sift_quote *v;

	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 16;
		q->v = sift_xrealloc(q->v, q->cap * sizeof(*q->v));
	}
	v = &q->v[q->n++];
	v->start = start;
	v->end = end;
	v->person = sp->person;
	v->speaker = sp->start;
	v->speaker_len = sp->person >= 0 ? 0 : sp->len;
}

/* Does the quotation read as speech rather than a quoted term? */
static int
is_speech(const struct sift_names *nm, const struct cand *c, size_t sent_end,
    int glued)
{
	size_t words = words_between(nm, c->open + 1, c->close), k;
	const struct sift_tok *lastw;

	if (glued)
		return words >= 2 || (c->dbl && words >= 1);
	if (!c->dbl || words < 2)
		return 0;
	/* a speech verb later in the sentence */
	for (k = c->close + 1; k < sent_end && k < NTOK; k++)
		if (speech_verb(nm, k))
			return 1;
	/* or a whole sentence inside: ends in . ? ! or a final ending */
	k = c->close - 1;
	if (T(k).kind & SIFT_TOK_PUNCT) {
		int32_t cp = T(k).cp;

		return cp == '.' || cp == '?' || cp == '!' || cp == 0x2026 ||
		    cp == ',';
	}
	lastw = &T(k);
	if (lastw->kind & SIFT_TOK_HANGUL) {
		const char *e = nm->text + lastw->end - 3;

		return memcmp(e, "다", 3) == 0 || memcmp(e, "요", 3) == 0 ||
		    memcmp(e, "죠", 3) == 0 || memcmp(e, "까", 3) == 0;
	}
	return 0;
}

size_t
sift_quotes_find(struct sift_quotes *out, const struct sift_names *nm,
    const struct sift_span *sent, size_t nsent)
{
	struct cand *c;
	size_t nc, i, s;
	uint32_t *sent_of, prev_sent = 0;
	struct speaker prev = { -1, 0, 0 };
	int have_prev = 0;

	out->n = 0;
	if (NTOK == 0)
		return 0;
	nc = find_candidates(nm, (struct cand **)&out->cands, &out->cands_cap);
	c = out->cands;
	if (nc == 0)
		return 0;
	if (out->sent_cap < NTOK + 1) {
		out->sent_cap = NTOK + 64;
		free(out->sent_of);
		out->sent_of = sift_xmalloc(out->sent_cap * sizeof(uint32_t));
	}
	sent_of = out->sent_of;
	for (i = 0, s = 0; i < NTOK; i++) {
		while (nsent && s + 1 < nsent && T(i).start >= sent[s].end)
			s++;
		sent_of[i] = (uint32_t)s;
	}

	for (i = 0; i < nc; i++) {
		size_t so = sent_of[c[i].open], sc = sent_of[c[i].close];
		size_t a = 0, b = NTOK, k, verb = NTOK;
		struct speaker sp = { -1, 0, 0 }, sp2;
		int glued, found = 0, intro = 0;
		uint32_t qs, qe;

		/* sentence token ranges: [a, open) before, (close, b) after */
		for (k = c[i].open; k > 0 && sent_of[k - 1] == so; k--)
			;
		a = k;
		for (k = c[i].close; k < NTOK && sent_of[k] == sc; k++)
			;
		b = k;
		glued = quotative(nm, c[i].close + 1);
		if (!is_speech(nm, &c[i], b, glued))
			continue;
		/* stop the after-context at the next quotation */
		for (k = i + 1; k < nc; k++)
			if (c[k].open > c[i].close) {
				if (c[k].open < b)
					b = c[k].open;
				break;
			}
		for (k = c[i].close + 1; k < b; k++)
			if (speech_verb(nm, k)) {
				verb = k;
				break;
			}
		/* 1. between the quotation and its verb */
		if (speaker_in(nm, c, nc, sent_of, c[i].close + 1,
		    verb < b ? verb + 1 : b, 0, &sp))
			found = 1;
		/* English "…," said Roe: the name follows the verb */
		if (!found && verb < b && T(verb).kind == SIFT_TOK_LATIN &&
		    speaker_in(nm, c, nc, sent_of, verb + 1, b, 0, &sp))
			found = 1;
		/* 2. before it in the sentence (the nearest subject) */
		if (!found && speaker_in(nm, c, nc, sent_of, a, c[i].open, 1, &sp))
			found = 1;
		if (!found && possessive_after(nm, c[i].close + 1, &sp))
			found = 1;
		if (!found && source_noun_after(nm, c, nc, c[i].close, b, &sp))
			found = 1;
		/* 3. a quotation standing alone: the next sentence says who,
		 * unless that sentence opens with a quotation of its own */
		if (!found && words_between(nm, a, c[i].open) == 0 &&
		    words_between(nm, c[i].close + 1, b) == 0 && b < NTOK &&
		    !(i + 1 < nc && c[i + 1].open == b)) {
			size_t e = b, v;

			while (e < NTOK && sent_of[e] == sent_of[b])
				e++;
			for (v = b; v < e; v++)
				if (speech_verb(nm, v))
					break;
			if (v < e && speaker_in(nm, c, nc, sent_of, b, v, 0, &sp))
				found = 1;
			/* no speech verb, but the sentence introduces a person
			 * as its subject: "…" 떡집을 하는 김순례(62)씨는 한숨을
			 * 쉬었다 */
			if (!found && v == e &&
			    speaker_in(nm, c, nc, sent_of, b, e, 0, &sp2) &&
			    sp2.person >= 0 && introduced_from(nm, sp2.person, b) &&
			    has_hangul(nm, c[i].open, c[i].close))
				intro = 1;
		}
		/* a quotation opening a paragraph, the next sentence
		 * introducing a person: that person, not the last speaker */
		if (!found && intro && T(c[i].open).newline) {
			sp = sp2;
			found = 1;
		}
		/* 4. a continuation of the previous speaker */
		if (!found && have_prev && so - prev_sent <= FOCUS_SENTENCES) {
			sp = prev;
			found = 1;
		}
		/* 3b. else a person the next sentence introduces */
		if (!found && intro) {
			sp = sp2;
			found = 1;
		}
		/* 5. whoever the text was about */
		if (!found) {
			int32_t p = focus_person(nm, c, nc, sent_of, c[i].open);

			if (p >= 0) {
				sp.person = p;
				found = 1;
			}
		}
		qs = T(c[i].open).end;
		qe = T(c[i].close).start;
		while (qs < qe && (nm->text[qs] == ' ' || nm->text[qs] == '\n' ||
		    nm->text[qs] == '\t' || nm->text[qs] == '\r'))
			qs++;
		while (qe > qs && (nm->text[qe - 1] == ' ' ||
		    nm->text[qe - 1] == '\n' || nm->text[qe - 1] == '\t' ||
		    nm->text[qe - 1] == '\r'))
			qe--;
		if (qe == qs)
			continue;
		quote_push(out, qs, qe, &sp);
		if (found) {
			prev = sp;
			prev_sent = (uint32_t)sc;
			have_prev = 1;
		}
	}
	return out->n;
}

void
sift_quotes_release(struct sift_quotes *q)
{
	free(q->v);
	free(q->sent_of);
	free(q->cands);
	memset(q, 0, sizeof(*q));
}
