/*
 * quotes.h - quoted speech and who said it.
 *
 * Quotations are found by their marks ("…", “…”, ‘…’ and '…' where a
 * quotative ending follows, 「…」, «…»); a quotation counts as speech when
 * a quotative ending is glued to its closing mark ("…"라고 / 고 / 며 /
 * 라며 / 면서, listed in extract-speech.tsv), when its sentence has a speech
 * verb (말했다, 밝혔다, 강조했다, said ...), or when it is a whole sentence
 * of its own.  Short quoted terms ('부림사건', "K-반도체") are not speech.
 *
 * The speaker is looked for in this order:
 *   1. a subject (은/는/이/가) between the quotation and the speech verb:
 *      "…"라고 홍 대표는 말했다;  English "…," said Jane Roe / Roe said;
 *   2. the nearest subject before the quotation in its sentence:
 *      홍 대표는 "…"라고 말했다;  "…" 홍 대표의 말이다 (possessive after);
 *      "…"는 게 업계 관계자의 설명이다 (a possessive before a noun that
 *      names what was said: 설명, 말, 주장 ...);
 *   3. the next sentence when the quotation stands alone and that sentence
 *      has a subject and a speech verb ("…". 홍 대표는 이렇게 말했다), or,
 *      for a Korean quotation opening a paragraph, introduces a person with
 *      a title, honorific or age as its subject ("…" 떡집을 하는
 *      김순례(62)씨는 한숨을 쉬었다);
 *   4. the speaker of the quotation just before, within two sentences (a
 *      second quotation with no subject continues the first: "…"고 말했다.
 *      이어 "…"고 덧붙였다); after it, a person the next sentence
 *      introduces as in 3;
 *   5. the last person named in the previous two sentences.
 * Pronouns (그는, 그녀는, he, she) and partial names (홍 CTO, 리 CEO, Roe)
 * resolve to the full name through the names module ("이 대표는" to the
 * last person named with the title 대표, else the person in focus);
 * unnamed sources keep their phrase ("업계 관계자", "누리소프트 측") and
 * organisations their name.
 */
#ifndef SIFT_QUOTES_H
#define SIFT_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include "names.h"
#include "segment.h"

struct sift_quote {
	uint32_t start, end;		/* the quoted words, marks excluded */
	int32_t person;			/* index into names->people, or -1 */
	uint32_t speaker, speaker_len;	/* speaker text span when person < 0
					 * (speaker_len 0: unknown) */
};

struct sift_quotes {
	struct sift_quote *v;
	size_t n, cap;
	uint32_t *sent_of;		/* scratch: sentence index per token */
	size_t sent_cap;
	void *cands;			/* scratch: quotation mark pairs */
	size_t cands_cap;
};

#define SIFT_QUOTES_INIT { NULL, 0, 0, NULL, 0, NULL, 0 }

/*
 * Find the quotations in the text that nm was last run on (sift_names_find
 * must have been called on it), with its sentences as byte spans in text
 * order (borrowed; nsent may be 0: the whole text is one sentence).  out is
 * reset first.  Returns the number of quotes.
 */
size_t sift_quotes_find(struct sift_quotes *out, const struct sift_names *nm,
    const struct sift_span *sent, size_t nsent);
void sift_quotes_release(struct sift_quotes *q);

#endif
