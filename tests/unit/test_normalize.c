#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "normalize.h"
#include "unit.h"

static struct sift_normalizer nz;
static struct sift_buf out = SIFT_BUF_INIT;

static const char *
norm(const char *s)
{
	sift_normalize(&nz, s, strlen(s), &out);
	return out.data;
}

TEST(char_table_parses)
{
	CHECK(sift_norm_char_table_ok());
}

TEST(plain_text_is_unchanged_and_fast)
{
	CHECK_INT(sift_normalize(&nz, "한빛전자가 공장을 짓는다.", 36, &out), 0);
	CHECK_STR(out.data, "한빛전자가 공장을 짓는다.");
	CHECK_STR(norm("Plain ASCII, nothing to do."), "Plain ASCII, nothing to do.");
}

TEST(spaces_collapse_and_lines_are_trimmed)
{
	CHECK_STR(norm("  a \t b  \n   c   "), "a b\nc");
	CHECK_STR(norm("가\u00a0\u00a0나\u3000다\u2002라"), "가 나 다 라");
}

TEST(blank_line_runs_become_one_paragraph_break)
{
	CHECK_STR(norm("\n\n\na\n\n\n \n\t\nb\n\n"), "a\n\nb");
	CHECK_STR(norm("a\r\nb\r\n\r\nc\rd"), "a\nb\n\nc\nd");
	CHECK_STR(norm("a\u2028b\u2029\u2029c"), "a\nb\n\nc");
}

TEST(controls_and_zero_width_characters_are_removed)
{
	CHECK_STR(norm("한\u200b빛\ufeff전\u00ad자\x01\x7f"), "한빛전자");
	CHECK_STR(norm("\u202aabc\u202c\u200e"), "abc");
	/* a zero width joiner glues emoji, and only there */
	CHECK_STR(norm("a\u200db"), "ab");
	CHECK_STR(norm("\U0001F468\u200d\U0001F469"), "\U0001F468\u200d\U0001F469");
	/* Persian keeps its non-joiner, Korean loses it */
	CHECK_STR(norm("\u0645\u06cc\u200c\u062e"), "\u0645\u06cc\u200c\u062e");
	CHECK_STR(norm("가\u200c나"), "가나");
	CHECK_STR(norm("\u3164"), "");
}

TEST(decomposed_hangul_is_composed)
{
	/* 한 = U+1112 U+1161 U+11AB, 글 = U+1100 U+1173 U+11AF */
	CHECK_INT(sift_normalize(&nz, "\u1112\u1161\u11ab\u1100\u1173\u11af", 18,
	    &out), 1);
	CHECK_STR(out.data, "한글");
	/* a syllable followed by a loose trailing consonant */
	CHECK_STR(norm("\uac00\u11a8"), "각");
}

TEST(combining_marks_are_composed)
{
	CHECK_STR(norm("Cafe\u0301 re\u0301sume\u0301"), "Café résumé");
	CHECK_STR(norm("\u212b"), "\u00c5");	/* angstrom sign is a singleton */
}

TEST(nfkc_folds_compatibility_characters)
{
	struct sift_normalizer k;

	sift_normalizer_init(&k, SIFT_NORM_NFKC);
	sift_normalize(&k, "ＡＢＣ１２３ ①ﬁ ㎞", strlen("ＡＢＣ１２３ ①ﬁ ㎞"), &out);
	CHECK_STR(out.data, "ABC123 1fi km");
	/* NFC leaves them alone */
	CHECK_STR(norm("ＡＢＣ１２３ ①ﬁ"), "ＡＢＣ１２３ ①ﬁ");
	sift_normalizer_release(&k);
}

TEST(invalid_utf8_becomes_replacement_character)
{
	CHECK_STR(norm("a\xff" "b\xc3"), "a\xef\xbf\xbd" "b\xef\xbf\xbd");
}

TEST(empty_and_blank_texts_become_empty)
{
	CHECK_STR(norm(""), "");
	CHECK_STR(norm(" \n\t\r\n\u200b"), "");
	CHECK_INT(nz.nlines, 0);
}

TEST(line_map_names_input_lines)
{
	norm("\n\nfirst\n\n\nsecond\nthird");
	CHECK_STR(out.data, "first\n\nsecond\nthird");
	CHECK_INT(nz.nlines, 4);
	CHECK_INT(nz.line_of[0], 3);
	CHECK_INT(nz.line_of[1], 0);
	CHECK_INT(nz.line_of[2], 6);
	CHECK_INT(nz.line_of[3], 7);
	/* the map survives the utf8proc path too */
	norm("a\n\n\nCafe\u0301\nb");
	CHECK_STR(out.data, "a\n\nCafé\nb");
	CHECK_INT(nz.nlines, 4);
	CHECK_INT(nz.line_of[2], 4);
	CHECK_INT(nz.line_of[3], 5);
}

/* The quick check must never call a text normalized that is not: compare
 * it with utf8proc on every code point after a starter. */
TEST(quick_check_agrees_with_utf8proc_everywhere)
{
	int32_t cp;
	int bad = 0, nfkc;
	utf8proc_uint8_t s[16], *r;
	utf8proc_ssize_t k;

	for (nfkc = 0; nfkc <= 1; nfkc++) {
		for (cp = 0x20; cp < 0x110000 && bad < 5; cp++) {
			if (cp >= 0xD800 && cp <= 0xDFFF)
				continue;
			s[0] = 'a';
			k = utf8proc_encode_char(cp, s + 1);
			s[k + 1] = '\0';
			if (!sift_norm_quick_check((char *)s, (size_t)k + 1, nfkc))
				continue;
			r = nfkc ? utf8proc_NFKC(s) : utf8proc_NFC(s);
			if (r == NULL || strcmp((char *)r, (char *)s) != 0) {
				printf("# U+%04X passes the quick check (nfkc=%d)\n",
				    (unsigned)cp, nfkc);
				bad++;
			}
			free(r);
		}
	}
	CHECK_INT(bad, 0);
}

/* Hangul before a loose jamo, and a run of common text, pass or fail as
 * they should. */
TEST(quick_check_examples)
{
	CHECK(sift_norm_quick_check("한국어 text “따옴표” ℃ 中文",
	    strlen("한국어 text “따옴표” ℃ 中文"), 0));
	CHECK(!sift_norm_quick_check("\u1112\u1161", 6, 0));
	CHECK(!sift_norm_quick_check("e\u0301", 3, 0));
	CHECK(sift_norm_quick_check("①", 3, 0));
	CHECK(!sift_norm_quick_check("①", 3, 1));
	CHECK(!sift_norm_quick_check("\xff", 1, 0));
}

int
main(void)
{
	sift_normalizer_init(&nz, 0);
	RUN(char_table_parses);
	RUN(plain_text_is_unchanged_and_fast);
	RUN(spaces_collapse_and_lines_are_trimmed);
	RUN(blank_line_runs_become_one_paragraph_break);
	RUN(controls_and_zero_width_characters_are_removed);
	RUN(decomposed_hangul_is_composed);
	RUN(combining_marks_are_composed);
	RUN(nfkc_folds_compatibility_characters);
	RUN(invalid_utf8_becomes_replacement_character);
	RUN(empty_and_blank_texts_become_empty);
	RUN(line_map_names_input_lines);
	RUN(quick_check_agrees_with_utf8proc_everywhere);
	RUN(quick_check_examples);
	sift_normalizer_release(&nz);
	sift_buf_release(&out);
	return unit_done();
}
