/*
 * Unit tests for lib/charset.c, lib/html_prescan.c, lib/html_meta.c and
 * lib/html.c.
 */
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "html.h"
#include "html_int.h"
#include "unit.h"

/* ---- charset ---- */

TEST(prescan_finds_meta_charset)
{
	char label[32];

	CHECK(sift_charset_prescan("<html><head><meta charset=\"EUC-KR\">", 36,
	    label, sizeof(label)));
	CHECK_STR(label, "euc-kr");
	CHECK(sift_charset_prescan("<meta http-equiv='Content-Type' "
	    "content='text/html; charset=ks_c_5601-1987'>", 75, label,
	    sizeof(label)));
	CHECK_STR(label, "ks_c_5601-1987");
	CHECK(sift_charset_prescan("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>",
	    42, label, sizeof(label)));
	CHECK_STR(label, "shift_jis");
}

TEST(prescan_skips_comments_and_other_tags)
{
	const char *page = "<!-- <meta charset=latin1> --><div title='<meta "
	    "charset=gbk>'><meta content=\"text/html\" charset=utf-8>";
	char label[32];

	CHECK(sift_charset_prescan(page, strlen(page), label, sizeof(label)));
	CHECK_STR(label, "utf-8");
	/* a content charset without http-equiv does not count */
	CHECK(!sift_charset_prescan("<meta content='text/html; charset=gbk'>",
	    39, label, sizeof(label)));
	/* nor does anything after <body> */
	CHECK(!sift_charset_prescan("<body><meta charset=gbk>", 24, label,
	    sizeof(label)));
}

TEST(labels_map_to_what_browsers_decode)
{
	char name[32];

	CHECK(sift_charset_lookup(" EUC-KR ", 8, name, sizeof(name)));
	CHECK_STR(name, "CP949");
	CHECK(sift_charset_lookup("iso-8859-1", 10, name, sizeof(name)));
	CHECK_STR(name, "WINDOWS-1252");
	CHECK(sift_charset_lookup("gb2312", 6, name, sizeof(name)));
	CHECK_STR(name, "GB18030");
	CHECK(!sift_charset_lookup("x-klingon", 9, name, sizeof(name)));
	CHECK_STR(name, "");
}

TEST(decode_replaces_bad_bytes_and_counts_them)
{
	struct sift_buf out = SIFT_BUF_INIT;
	struct sift_error err = SIFT_ERROR_INIT;
	size_t repl = 99;

	/* 한글 in CP949, then a lone lead byte at the end */
	CHECK_INT(sift_charset_decode("\xc7\xd1\xb1\xdb!\xc7", 6, "CP949",
	    &out, &repl, &err), 0);
	CHECK_STR(out.data, "한글!\xef\xbf\xbd");
	CHECK_INT(repl, 1);
	sift_buf_reset(&out);
	CHECK_INT(sift_charset_decode("x", 1, "NO-SUCH-CODESET", &out, NULL,
	    &err), -1);
	CHECK(strstr(err.msg, "NO-SUCH-CODESET") != NULL);
	sift_buf_release(&out);
}

TEST(to_utf8_follows_the_evidence)
{
	struct sift_buf out = SIFT_BUF_INIT;
	struct sift_charset_info info;
	const char *euckr = "<meta charset=euc-kr><p>\xc7\xd1\xb1\xdb</p>";
	const char *mislabelled = "<meta charset=euc-kr><p>한글</p>";

	CHECK_INT(sift_charset_to_utf8(euckr, strlen(euckr), NULL, &out, &info,
	    NULL), 0);
	CHECK_STR(out.data, "<meta charset=euc-kr><p>한글</p>");
	CHECK_STR(info.name, "CP949");
	CHECK_STR(info.declared, "euc-kr");
	CHECK_INT(info.source, SIFT_CHARSET_META);

	sift_buf_reset(&out);
	sift_charset_to_utf8(mislabelled, strlen(mislabelled), NULL, &out,
	    &info, NULL);
	CHECK_STR(out.data, mislabelled);
	CHECK_INT(info.source, SIFT_CHARSET_UTF8_OVERRIDE);

	/* undeclared: Hangul in CP949 is recognised */
	sift_buf_reset(&out);
	sift_charset_to_utf8("<p>\xc7\xd1\xb1\xdb \xb9\xae\xc0\xe5</p>", 16,
	    NULL, &out, &info, NULL);
	CHECK_STR(out.data, "<p>한글 문장</p>");
	CHECK_INT(info.source, SIFT_CHARSET_GUESS);

	/* a BOM wins over the declaration and is dropped */
	sift_buf_reset(&out);
	sift_charset_to_utf8("\xef\xbb\xbf<meta charset=gbk>\xed\x95\x9c", 24,
	    NULL, &out, &info, NULL);
	CHECK_STR(out.data, "<meta charset=gbk>한");
	CHECK_INT(info.source, SIFT_CHARSET_BOM);

	/* a forced charset wins over everything else */
	sift_buf_reset(&out);
	sift_charset_to_utf8("caf\xe9", 4, "latin1", &out, &info, NULL);
	CHECK_STR(out.data, "café");
	CHECK_INT(info.source, SIFT_CHARSET_FORCED);
	sift_buf_release(&out);
}

/* ---- prescan ---- */

static char *
prescan(const char *html)
{
	struct sift_buf out = SIFT_BUF_INIT;

	sift_html_prescan(html, strlen(html), &out);
	return sift_buf_detach(&out, NULL);
}

TEST(prescan_drops_script_style_and_comments_but_keeps_jsonld)
{
	char *s = prescan("<script>if (a<b) x='</div>';</script><style>p{}"
	    "</style><!-- note --><script type=\"application/ld+json\">{}"
	    "</script><p>text</p>");

	CHECK_STR(s, "<script></script><style></style><script "
	    "type=\"application/ld+json\">{}</script><p>text</p>");
	free(s);
}

TEST(prescan_follows_script_escape_states)
{
	/* inside <!-- ... --> a <script> makes the next </script> part of
	 * the script, as in a browser */
	char *s = prescan("<script><!-- document.write('<script>x</script>'); "
	    "--></script><p>after</p>");

	CHECK_STR(s, "<script></script><p>after</p>");
	free(s);
	s = prescan("<script>var t = '</scr' + 'ipt>';</script>ok");
	CHECK_STR(s, "<script></script>ok");
	free(s);
}

TEST(prescan_keeps_only_the_attributes_the_extractor_reads)
{
	char *s = prescan("<div class=\"a b\" data-x='1' onclick=\"f('>')\" "
	    "id=main hidden><img src=x.png srcset=\"a 1x\"><a href=/u title=t "
	    "target=_blank>u</a></div>");

	CHECK_STR(s, "<div class=\"a b\" id=main hidden><img><a href=/u "
	    "title=t>u</a></div>");
	free(s);
}

TEST(prescan_drops_svg_contents_and_noscript)
{
	char *s = prescan("<svg viewBox='0 0 1 1'><path d='M0 0'/><text>x"
	    "</text></svg><noscript><div>enable js</noscript><p>t</p>");

	CHECK_STR(s, "<svg></svg><noscript></noscript><p>t</p>");
	free(s);
	/* an unclosed <svg> ends where HTML content starts */
	s = prescan("<svg><g><div>visible</div>");
	CHECK_STR(s, "<svg><div>visible</div>");
	free(s);
}

TEST(prescan_caps_the_nesting_depth)
{
	struct sift_buf in = SIFT_BUF_INIT, out = SIFT_BUF_INIT;
	size_t i, dropped;

	for (i = 0; i < 1000; i++)
		sift_buf_adds(&in, "<div>");
	sift_buf_adds(&in, "x");
	for (i = 0; i < 1000; i++)
		sift_buf_adds(&in, "</div>");
	dropped = sift_html_prescan(in.data, in.len, &out);
	CHECK_INT(dropped, 1000 - SIFT_HTML_MAX_DEPTH);
	/* the removed start tags take their end tags with them */
	CHECK_INT(out.len, SIFT_HTML_MAX_DEPTH * 11 + 1);
	/* implied end tags keep a long flat page shallow */
	sift_buf_reset(&in);
	for (i = 0; i < 1000; i++)
		sift_buf_adds(&in, "<p>one<li>two<td>three");
	CHECK_INT(sift_html_prescan(in.data, in.len, &out), 0);
	sift_buf_release(&in);
	sift_buf_release(&out);
}

TEST(prescan_turns_nul_into_replacement_characters)
{
	struct sift_buf out = SIFT_BUF_INIT;

	sift_html_prescan("a\0b", 3, &out);
	CHECK_INT(out.len, 5);
	CHECK(memcmp(out.data, "a\xef\xbf\xbd" "b", 5) == 0);
	sift_buf_release(&out);
}

/* ---- dates ---- */

static const char *
iso(const char *s)
{
	static struct sift_buf b = SIFT_BUF_INIT;

	if (!sift_html_iso_date(s, strlen(s), &b))
		return "(none)";
	return b.data;
}

TEST(dates_become_iso_8601)
{
	CHECK_STR(iso("2024-03-14T09:05:00+09:00"), "2024-03-14T09:05:00+09:00");
	CHECK_STR(iso("2024-03-14T00:05:00.000Z"), "2024-03-14T00:05:00Z");
	CHECK_STR(iso("2024-03-14 09:05"), "2024-03-14T09:05");
	CHECK_STR(iso("2024.03.14 09:05"), "2024-03-14T09:05");
	CHECK_STR(iso("2024. 3. 14. 오후 2:05"), "2024-03-14T14:05");
	CHECK_STR(iso("2024년 3월 14일 (목) 오전 9시 5분"), "2024-03-14T09:05");
	CHECK_STR(iso("20240314"), "2024-03-14");
	CHECK_STR(iso("20240314093000"), "2024-03-14T09:30:00");
	CHECK_STR(iso("Thu, 14 Mar 2024 09:05:00 +0900"),
	    "2024-03-14T09:05:00+09:00");
	CHECK_STR(iso("March 14, 2024 9:05 PM"), "2024-03-14T21:05");
	CHECK_STR(iso("14.03.2024"), "2024-03-14");
	CHECK_STR(iso("3/14/2024"), "2024-03-14");
	CHECK_STR(iso("2024-03-14 12:00 KST"), "2024-03-14T12:00+09:00");
	CHECK_STR(iso("yesterday"), "(none)");
	CHECK_STR(iso("2024-13-40"), "(none)");
	CHECK_STR(iso("1710400000"), "(none)");
}

/* ---- extraction ---- */

static struct sift_html_page page = SIFT_HTML_PAGE_INIT;

static const char *
text_of(const char *html, int whole)
{
	static struct sift_error err;
	struct sift_html_opts o = SIFT_HTML_OPTS_INIT;

	o.whole_page = whole;
	if (sift_html_extract(html, strlen(html), &o, &page, &err) < 0)
		return err.msg;
	return page.text.data;
}

static const char *
meta(const char *key)
{
	const char *v = json_string_value(json_object_get(page.meta, key));

	return v ? v : "(none)";
}

TEST(blocks_become_lines_and_inline_markup_joins)
{
	CHECK_STR(text_of("<h1>Title</h1><p>One <b>bold</b>word and "
	    "<i>more</i>.<br>Second line.</p><ul><li>a</li><li>b</li></ul>"
	    "<table><tr><td>c1</td><td>c2</td></tr></table>", 1),
	    "Title\nOne boldword and more.\nSecond line.\na\nb\nc1\nc2");
	CHECK_STR(text_of("<p>  spaces\n\tand&nbsp;&nbsp;nbsp  </p>", 1),
	    "spaces and nbsp");
	CHECK_STR(text_of("<pre>keep\n  indent</pre>", 1), "keep\n  indent");
	CHECK_STR(text_of("<p>&lt;tag&gt; &amp; &#54620;&#xAE00; &hellip;</p>",
	    1), "<tag> & 한글 …");
}

TEST(never_text_is_left_out_even_of_the_whole_page)
{
	CHECK_STR(text_of("<p>a</p><script>x()</script><style>p{}</style>"
	    "<noscript>n</noscript><template><p>t</p></template><select>"
	    "<option>o</option></select><button>b</button><p hidden>h</p>"
	    "<p style='display: none'>d</p><span class=blind>bl</span>"
	    "<p aria-hidden=true>ah</p><ruby>漢<rt>kan</rt></ruby><p>z</p>", 1),
	    "a\n漢\nz");
}

TEST(the_article_wins_over_menus_related_links_and_comments)
{
	const char *html =
	    "<html><body><ul class=menu><li><a href=/>Home</a></li><li><a "
	    "href=/news>News</a></li><li><a href=/sports>Sports</a></li></ul>"
	    "<div class=story><h1>Storm closes the harbour</h1>"
	    "<p>The harbour closed on Tuesday as the storm brought waves of up "
	    "to six metres along the coast, the port authority said.</p>"
	    "<p>Ferries to the islands will not run before Thursday, and "
	    "fishing boats were told to stay in port until the wind drops.</p>"
	    "<div class=related><a href=/a>Earlier storm damaged the pier</a>"
	    "<a href=/b>Port budget approved</a></div></div>"
	    "<div class=comments><p>I saw the waves from the hill, they were "
	    "bigger than anything I remember from my childhood here.</p></div>"
	    "<footer>Contact us</footer></body></html>";

	CHECK_STR(text_of(html, 0), "Storm closes the harbour\n"
	    "The harbour closed on Tuesday as the storm brought waves of up "
	    "to six metres along the coast, the port authority said.\n"
	    "Ferries to the islands will not run before Thursday, and fishing "
	    "boats were told to stay in port until the wind drops.");
}

TEST(the_headline_outside_the_body_becomes_the_first_line)
{
	const char *html =
	    "<html><head><title>Rates held - Daily</title></head><body>"
	    "<header><h1>Rates held</h1><p class=byline>By A. Writer</p>"
	    "</header><div class=article-body><p>The central bank kept its "
	    "rate at three percent on Thursday, citing slowing inflation and a "
	    "weaker job market in the second half of the year.</p></div>"
	    "</body></html>";
	struct sift_html_opts o = SIFT_HTML_OPTS_INIT;

	CHECK_STR(text_of(html, 0), "Rates held\nThe central bank kept its rate "
	    "at three percent on Thursday, citing slowing inflation and a "
	    "weaker job market in the second half of the year.");
	o.headline = 0;
	CHECK_INT(sift_html_extract(html, strlen(html), &o, &page, NULL), 0);
	CHECK(strncmp(page.text.data, "The central bank", 16) == 0);
}

TEST(metadata_is_ranked_by_where_it_was_declared)
{
	text_of("<html lang=ko><head><title> 제목 | 사이트 </title>"
	    "<meta name=author content='작성자 메타'>"
	    "<meta property=article:author content='https://x/author'>"
	    "<meta name=date content='2023-01-02'>"
	    "<meta property=article:published_time content='2024-05-06 07:08'>"
	    "<meta name=og:site_name content='사이트'>"
	    "<link rel='canonical' href='https://site.example/a'>"
	    "<script type=application/ld+json>{\"@graph\":[{\"@type\":"
	    "\"WebPage\",\"name\":\"x\"},{\"@type\":\"NewsArticle\",\"author\":"
	    "[{\"name\":\"가\"},{\"name\":\"나\"}]}]}</script></head>"
	    "<body><p>본문</p></body></html>", 0);
	CHECK_STR(meta("title"), "제목 | 사이트");
	CHECK_STR(meta("author"), "가, 나");
	CHECK_STR(meta("date"), "2024-05-06T07:08");
	CHECK_STR(meta("site_name"), "사이트");
	CHECK_STR(meta("canonical"), "https://site.example/a");
	CHECK_STR(meta("lang"), "ko");
	CHECK_STR(meta("og_title"), "(none)");
	/* a relative canonical link is no source; og:url is the fallback */
	text_of("<link rel=canonical href=/a><meta property=og:url "
	    "content='https://site.example/b'><meta property=og:locale "
	    "content=ko_KR>", 0);
	CHECK_STR(meta("canonical"), "https://site.example/b");
	CHECK_STR(meta("lang"), "ko-KR");
}

TEST(a_page_without_text_is_empty_not_an_error)
{
	CHECK_STR(text_of("", 0), "");
	CHECK_INT(json_object_size(page.meta), 0);
	CHECK_STR(text_of("<html><body><img src=x></body></html>", 0), "");
	CHECK_STR(text_of("\xff\xfe\x00", 0), "");
}

TEST(the_page_struct_is_reused_across_pages)
{
	size_t i;

	for (i = 0; i < 50; i++) {
		CHECK_STR(text_of(i % 2 ? "<p>odd page</p>" : "<p>even page</p>",
		    0), i % 2 ? "odd page" : "even page");
	}
	sift_html_page_release(&page);
	CHECK(page.scratch == NULL && page.meta == NULL);
	CHECK_STR(text_of("<p>after release</p>", 0), "after release");
}

int
main(void)
{
	RUN(prescan_finds_meta_charset);
	RUN(prescan_skips_comments_and_other_tags);
	RUN(labels_map_to_what_browsers_decode);
	RUN(decode_replaces_bad_bytes_and_counts_them);
	RUN(to_utf8_follows_the_evidence);
	RUN(prescan_drops_script_style_and_comments_but_keeps_jsonld);
	RUN(prescan_follows_script_escape_states);
	RUN(prescan_keeps_only_the_attributes_the_extractor_reads);
	RUN(prescan_drops_svg_contents_and_noscript);
	RUN(prescan_caps_the_nesting_depth);
	RUN(prescan_turns_nul_into_replacement_characters);
	RUN(dates_become_iso_8601);
	RUN(blocks_become_lines_and_inline_markup_joins);
	RUN(never_text_is_left_out_even_of_the_whole_page);
	RUN(the_article_wins_over_menus_related_links_and_comments);
	RUN(the_headline_outside_the_body_becomes_the_first_line);
	RUN(metadata_is_ranked_by_where_it_was_declared);
	RUN(a_page_without_text_is_empty_not_an_error);
	RUN(the_page_struct_is_reused_across_pages);
	sift_html_page_release(&page);
	return unit_done();
}
