/*
 * names.h - people and organisations in Korean and English news text, and
 * the word-level groundwork the other extractors share: a tokenizer that
 * knows Korean particles (조사), and the extract-*.tsv lexicon.
 *
 * How people are found (all rules, no statistics):
 *   - a name-shaped word (family name from extract-surnames.tsv and one or
 *     two more syllables) next to a title from extract-titles.tsv, in any
 *     of the orders news uses: 홍길동 한빛전자 최고기술책임자(CTO),
 *     서울대학교 정민호 교수, 배우 이아현, 한빛전자의 홍길동 대표;
 *   - a name before an honorific (김영희 씨, 김씨, 김모(33)씨) or an age in
 *     parentheses (김영희(45));
 *   - one to three non-name Hangul words before a title (마이클 리 CEO);
 *   - English: capitalised words after a title (Dr. Jane Roe), before or
 *     after "said", or as "Jane Roe, chief executive of Acme Corp.";
 *   - later mentions: the full name again, or its family name (or the last
 *     word of a foreign name) with a title: 홍 CTO, 리 CEO, 신 회장.
 * Organisations: a word ending in a suffix (그룹, 전자, 대학교, 은행 ...)
 * with particles stripped, a listed name (경찰, 국회, 네이버), or a
 * capitalised English name ending in Inc., Corp., University ...
 *
 * Everything a struct sift_names holds points into the text it was run on
 * (byte offsets) and is valid until the next sift_names_find on it.  The
 * arrays are reused, so a long stream does no per-record allocation once
 * they have grown.
 */
#ifndef SIFT_NAMES_H
#define SIFT_NAMES_H

#include <stddef.h>
#include <stdint.h>

/* ---- lexicon (the extract-*.tsv data files) ---- */

/* Word classes: bits of the flags sift_wordclass returns. */
#define SIFT_WC_SURNAME        (UINT64_C(1) << 0)
#define SIFT_WC_TITLE_AFTER    (UINT64_C(1) << 1)	/* 대표, 회장 (follows the name) */
#define SIFT_WC_TITLE_BEFORE   (UINT64_C(1) << 2)	/* 배우, 가수 (precedes it) */
#define SIFT_WC_TITLE_MOD      (UINT64_C(1) << 3)	/* 전, 신임 */
#define SIFT_WC_HON            (UINT64_C(1) << 4)	/* 씨, 군, 양 */
#define SIFT_WC_TITLE_EN       (UINT64_C(1) << 5)	/* President, Dr. */
#define SIFT_WC_ORG_SUFFIX     (UINT64_C(1) << 6)
#define SIFT_WC_ORG_NAME       (UINT64_C(1) << 7)
#define SIFT_WC_ORG_EN         (UINT64_C(1) << 8)	/* Inc., University */
#define SIFT_WC_ORG_ENPRE      (UINT64_C(1) << 9)	/* "University of" */
#define SIFT_WC_ORG_NOT        (UINT64_C(1) << 10)
#define SIFT_WC_PART_SUBJ      (UINT64_C(1) << 11)	/* 은/는/이/가 */
#define SIFT_WC_PART_POSS      (UINT64_C(1) << 12)	/* 의 */
#define SIFT_WC_PART_OTHER     (UINT64_C(1) << 13)
#define SIFT_WC_KEEP           (UINT64_C(1) << 14)	/* noun ending like a particle */
#define SIFT_WC_QUOT           (UINT64_C(1) << 15)	/* 라고, 고, 며 */
#define SIFT_WC_VERB           (UINT64_C(1) << 16)	/* 말했, 밝혔 (stems) */
#define SIFT_WC_PRON           (UINT64_C(1) << 17)	/* 그, 그녀 */
#define SIFT_WC_ANON           (UINT64_C(1) << 18)	/* 관계자, 측 */
#define SIFT_WC_ENVERB         (UINT64_C(1) << 19)	/* said */
#define SIFT_WC_ENPRON         (UINT64_C(1) << 20)	/* he, she */
#define SIFT_WC_STOP           (UINT64_C(1) << 21)
#define SIFT_WC_COMMON         (UINT64_C(1) << 22)
#define SIFT_WC_FOREIGN        (UINT64_C(1) << 23)	/* syllable typical of foreign names */
#define SIFT_WC_GIVEN          (UINT64_C(1) << 24)	/* syllable of Korean given names */
#define SIFT_WC_VERBEND        (UINT64_C(1) << 25)	/* last syllable of a verb form */
#define SIFT_WC_KWEND          (UINT64_C(1) << 26)	/* ... that is never a keyword's */
#define SIFT_WC_TITLE_HEAD     (UINT64_C(1) << 27)	/* 장, 관: ends a compound title */
#define SIFT_WC_SURNAME_RARE   (UINT64_C(1) << 28)	/* a rare family name (마, 길, 반) */
#define SIFT_WC_DET            (UINT64_C(1) << 29)	/* 한, 다른: "한 보좌관은" */
#define SIFT_WC_INNER          (UINT64_C(1) << 30)	/* 에, 와: another particle may follow */
#define SIFT_WC_FGIVEN         (UINT64_C(1) << 31)	/* 존, 마이클: a foreign given name */
#define SIFT_WC_SURNAME_TOP    (UINT64_C(1) << 32)	/* 김, 이, 박: the commonest family names */
#define SIFT_WC_SNOUN          (UINT64_C(1) << 33)	/* 설명, 말, 주장: "…"는 게 X의 설명이다 */
#define SIFT_WC_JOB_END        (UINT64_C(1) << 34)	/* 원, 사, 꾼: ends a job noun */
#define SIFT_WC_NOT_JOB        (UINT64_C(1) << 35)	/* 본인, 정부: ends like one, is none */
#define SIFT_WC_FFAMILY        (UINT64_C(1) << 36)	/* 트럼프, 다나카: a foreign family name */
#define SIFT_WC_ROMAN          (UINT64_C(1) << 37)	/* Kim, Yoo: a Korean family name in English */

#define SIFT_WC_PARTICLE \
	(SIFT_WC_PART_SUBJ | SIFT_WC_PART_POSS | SIFT_WC_PART_OTHER)
#define SIFT_WC_TITLE (SIFT_WC_TITLE_AFTER | SIFT_WC_TITLE_BEFORE)

/*
 * Flags of the exact word s[0..n) in the lexicon (0 if unknown).  The
 * tables are built from the embedded data files on the first call of any
 * sift_wordclass or sift_names_ function (not thread-safe until then; call
 * sift_wordclass_init() first from threaded code).
 */
uint64_t sift_wordclass(const char *s, size_t n);
void sift_wordclass_init(void);

/*
 * Length of s[0..n) without its trailing particles (조사): "한빛전자가" ->
 * "한빛전자", "정부는" -> "정부", "누리소프트와의" -> "누리소프트".  At least
 * one syllable is kept; words listed as nouns (전문가, 결과) are kept
 * whole.  *cls (may be NULL) gets the SIFT_WC_PART_* flag of the first
 * particle stripped, or 0.
 */
size_t sift_strip_particles(const char *s, size_t n, uint64_t *cls);

/* ---- tokens ---- */

enum {
	SIFT_TOK_HANGUL = 1,	/* bit set if the word has Hangul */
	SIFT_TOK_LATIN = 2,
	SIFT_TOK_DIGIT = 4,
	SIFT_TOK_OTHER = 8,	/* other letters (CJK, Cyrillic ...) */
	SIFT_TOK_PUNCT = 16	/* one punctuation or symbol code point */
};

struct sift_tok {
	uint32_t start, end;	/* byte span in the text */
	uint32_t base;		/* end without particles (== end if none) */
	int32_t cp;		/* the code point of a PUNCT token */
	uint64_t lex;		/* lexicon flags of text[start..base) */
	uint32_t org_end;	/* end of the organisation name it is, or 0 */
	uint8_t kind;		/* SIFT_TOK_* bits */
	uint8_t space;		/* whitespace before the token */
	uint8_t newline;	/* a line break before the token */
	uint8_t part;		/* SIFT_WC_PART_* >> 11 of the stripped particle */
	uint8_t nsyl;		/* Hangul syllables in the base (max 255) */
	uint8_t upper;		/* Latin word starting with an upper-case letter */
	uint8_t ctitle;		/* the base is a compound title (수석부사장,
				 * 수산정책관) not listed as a whole */
	uint8_t shape;		/* family name bytes if the whole word is
				 * name-shaped, else 0 */
	uint8_t foreign;	/* the base sounds foreign (most syllables) */
};

struct sift_toks {
	struct sift_tok *v;
	size_t n, cap;
	void *memo;		/* words seen before and what they became */
};

#define SIFT_TOKS_INIT { NULL, 0, 0, NULL }

/*
 * Split valid UTF-8 text[0..n) into words (runs of letters and digits,
 * across scripts: "SK텔레콤" is one word) and single punctuation tokens.
 * out is reset first.  Returns the number of tokens.  What a word becomes
 * (base, particle, lexicon flags, organisation end) depends on its bytes
 * only, so out keeps a memo of recent words across calls.
 */
size_t sift_tokenize(const char *text, size_t n, struct sift_toks *out);
void sift_toks_release(struct sift_toks *t);

/* ---- people and organisations ---- */

struct sift_person {
	uint32_t name, name_len;	/* byte span of the full name */
	uint32_t title, title_len;	/* title span (title_len 0: none) */
	uint32_t org, org_len;		/* organisation span (org_len 0: none) */
	uint32_t surname_len;		/* bytes of the family name (Korean) */
	uint32_t last, last_len;	/* last word of a multi-word name */
	uint8_t korean;
};

struct sift_org {
	uint32_t name, name_len;	/* byte span of the first mention */
};

enum sift_mention_type {
	SIFT_MENTION_PERSON = 1,
	SIFT_MENTION_ORG = 2
};

/* One occurrence of a person or organisation in the text. */
struct sift_mention {
	uint32_t start, end;		/* the name part ("홍" in "홍 CTO는") */
	uint32_t tok_first, tok_last;	/* tokens of the whole phrase */
	int32_t ref;			/* index into people/orgs, or -1 */
	uint8_t type;			/* enum sift_mention_type */
	uint8_t part;			/* particle after the phrase (tok part) */
	uint8_t titled;			/* the phrase has a title or honorific */
	uint8_t anon;			/* 김모씨, A씨: nobody in particular */
};

struct sift_names {
	struct sift_toks toks;
	struct sift_person *people;
	size_t npeople, people_cap;
	struct sift_org *orgs;
	size_t norgs, orgs_cap;
	struct sift_mention *m;		/* in text order */
	size_t nm, m_cap;
	const char *text;		/* borrowed: the text last run on */
	size_t len;
	int32_t *owner;			/* scratch: per token, claiming mention */
	size_t owner_cap;
	void *scratch;			/* scratch for reordering */
	size_t scratch_cap;
};

#define SIFT_NAMES_INIT { SIFT_TOKS_INIT, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, \
	NULL, 0, NULL, 0, NULL, 0 }

/*
 * Find people, organisations and all their mentions in valid UTF-8
 * text[0..n) (borrowed: must outlive the results).  Previous results are
 * discarded.  Returns the number of people.  Never fails.
 */
size_t sift_names_find(struct sift_names *nm, const char *text, size_t n);
void sift_names_release(struct sift_names *nm);

/* Token k (with its particle stripped) looks like a Korean full name even
 * though no rule made it a person: a family name and given-name
 * syllables, listed as nothing else ("빈소희" in "빈소희는 …라고 말했다").
 * For the quote finder, which knows the word is the subject of speech. */
int sift_names_name_shaped(const struct sift_names *nm, size_t k);

/*
 * The index of the mention that covers token index tok (its phrase), or -1;
 * a person's mention wins over an organisation named inside its phrase.
 */
long sift_names_mention_at(const struct sift_names *nm, size_t tok);

#endif
