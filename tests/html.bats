#!/usr/bin/env bats
# sift-ingest --html and --ndjson --html-from: web pages in, article text
# and metadata out (lib/html.c, lib/charset.c).

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	cp "$FIXTURES"/html/*.html .
}

# text_of FILE: the text member of the first record in FILE
text_of() {
	jq -r '.text' "$1" | head -c 100000
}

@test "--help documents --html, --html-from, --charset and --whole-page" {
	run --separate-stderr sift-ingest --help
	assert_success
	assert_output --partial "sift-ingest --html [options] [file ...]"
	assert_output --partial "--html-from F"
	assert_output --partial "--charset ENC"
	assert_output --partial "--whole-page"
	assert_output --partial "sift-ingest --html pages/*.html | sift-clean"
}

@test "a Korean news page becomes its article text, one block a line" {
	run --separate-stderr sift-ingest --html news-ko.html
	assert_success
	[ -z "$stderr" ]
	assert_equal "${#lines[@]}" 1
	echo "$output" > out.ndjson
	assert_valid_ndjson out.ndjson
	text=$(text_of out.ndjson)
	# the headline first, then the body paragraphs, each on its own line
	[ "$(printf '%s\n' "$text" | head -n1)" = "한빛전자, 차세대 배터리 공장 착공…2027년 양산 목표" ]
	printf '%s\n' "$text" | grep -qx '한빛전자가 충남 당진에 차세대 전고체 배터리 공장을 착공했다. 총 3조원을 투입해 2027년부터 연간 20기가와트시(GWh) 규모의 배터리를 양산한다는 계획이다.'
	printf '%s\n' "$text" | grep -qx '원가 경쟁력이 관건'
	# <br> ends a line inside a paragraph
	printf '%s\n' "$text" | grep -qx '당진시는 공장 인근 도로와 용수 시설을 2026년까지 확충하기로 했다.'
}

@test "menus, ads, share buttons, related news, comments, sidebar and footer are left out" {
	sift-ingest --html news-ko.html > out.ndjson
	text=$(text_of out.ndjson)
	for junk in 로그인 구독신청 부동산 속보 페이스북 "URL 복사" "최대 70% 할인" 관련기사 \
	    "1분기 영업이익" 댓글 배터리덕후 "출퇴근 시간" "많이 본 뉴스" 아파트값 회사소개 \
	    "All rights reserved" "본문 바로가기" "#전고체"; do
		if [[ "$text" == *"$junk"* ]]; then
			fail "kept boilerplate: $junk"
		fi
	done
}

@test "scripts, styles, hidden elements and captions never reach the text" {
	sift-ingest --html news-ko.html > out.ndjson
	text=$(text_of out.ndjson)
	for junk in "광고 스크립트" "line-height" "보이지 않는 안내" "앱 설치하고" "조감도"; do
		[[ "$text" != *"$junk"* ]] || fail "kept: $junk"
	done
	sift-ingest --html blog-en.html > blog.ndjson
	text=$(text_of blog.ndjson)
	[[ "$text" != *"Screen readers skip"* ]] || fail "kept aria-hidden text"
	[[ "$text" != *"must not be extracted"* ]] || fail "kept hidden text"
}

@test "metadata comes from <meta>, JSON-LD, <link rel=canonical> and <html lang>" {
	sift-ingest --html news-ko.html > out.ndjson
	run jq -c '.meta' out.ndjson
	assert_output '{"title":"한빛전자, 차세대 배터리 공장 착공…2027년 양산 목표 - 새벽경제신문","og_title":"한빛전자, 차세대 배터리 공장 착공…2027년 양산 목표","headline":"한빛전자, 차세대 배터리 공장 착공…2027년 양산 목표","description":"한빛전자가 충남 당진에 차세대 전고체 배터리 공장을 착공했다.","date":"2025-03-14T09:30:00+09:00","modified":"2025-03-14T11:02:00+09:00","author":"김서연","site_name":"새벽경제신문","canonical":"https://www.saebyeok-news.example/news/articleView.html?idxno=20417","lang":"ko"}'
}

@test "the canonical URL becomes the source; the id still comes from the path" {
	sift-ingest --html news-ko.html blog-en.html broken.html > out.ndjson
	run jq -r '[.id, .source] | @tsv' out.ndjson
	assert_line --index 0 "news-ko	https://www.saebyeok-news.example/news/articleView.html?idxno=20417"
	assert_line --index 1 "blog-en	https://notes.tidewater.example/2024/05/single-makefile/"
	assert_line --index 2 "broken	broken.html"
}

@test "an English blog post keeps its lead and lists and drops comments and widgets" {
	sift-ingest --html blog-en.html > out.ndjson
	text=$(text_of out.ndjson)
	printf '%s\n' "$text" | grep -qx 'Three build systems, two languages and one tired team: what we gained by going back to plain make.'
	printf '%s\n' "$text" | grep -qx 'Builds went from eleven minutes to four on a cold cache.'
	for junk in "Share this" "never looked back" "Recent Posts" "Tidewater Notes is a small" "Proudly powered" "Posted in"; do
		[[ "$text" != *"$junk"* ]] || fail "kept: $junk"
	done
	run jq -r '.meta.date, .meta.author, .meta.lang' out.ndjson
	assert_output $'2024-05-02T08:15:00Z\nDana Whitfield\nen-US'
}

@test "a portal viewer page keeps the body written with <br> and drops its widgets" {
	sift-ingest --html portal-ko.html > out.ndjson
	text=$(text_of out.ndjson)
	[ "$(printf '%s\n' "$text" | head -n1)" = '"폭염 속 전력수요 사상 최대"…정부, 비상 대응 2단계 발령' ]
	printf '%s\n' "$text" | grep -qx '전력 공급 예비율은 한때 7.8%까지 떨어졌다. 정부는 예비력이 5.5GW 아래로 내려가자 비상 대응 2단계를 발령했다.'
	[ "$(printf '%s\n' "$text" | wc -l)" -eq 6 ]
	for junk in 요약봇 공감 "댓글 128" 전광판 "주요뉴스" "경제부에서" 좋아요 "전기요금 고지서" "많이 본 뉴스" "코스피" 이용약관 "뉴스 검색"; do
		[[ "$text" != *"$junk"* ]] || fail "kept: $junk"
	done
	run jq -r '.source, .meta.author, .meta.site_name' out.ndjson
	assert_output $'https://n.portal.example/article/417/0000912345\n한결뉴스 | 이도윤 기자\n포털뉴스'
}

@test "an EUC-KR page is decoded as CP949, including syllables EUC-KR lacks" {
	# written in UTF-8 for readability; 똠 exists only in CP949
	iconv -f UTF-8 -t CP949 "$FIXTURES"/html/news-euckr.utf8.html > euckr.html
	run --separate-stderr sift-ingest --html euckr.html
	assert_success
	[ -z "$stderr" ]
	echo "$output" > out.ndjson
	text=$(text_of out.ndjson)
	[[ "$text" == *"구름시 중앙전통시장이 이달 12일부터 매주 토요일 밤 야시장을 운영한다."* ]]
	[[ "$text" == *"똠양꿍"* ]]
	[[ "$text" != *"지역뉴스"* ]]
	run jq -c '.meta' out.ndjson
	assert_output '{"title":"[지역] 구름시 전통시장, 주말 야시장 연다 :: 구름일보","date":"2024-10-05T14:20","author":"박민준","charset":"CP949"}'
}

@test "--charset overrides the page's own declaration" {
	iconv -f UTF-8 -t CP949 "$FIXTURES"/html/news-euckr.utf8.html > euckr.html
	sed 's/charset=euc-kr/charset=utf-8/' euckr.html > mislabelled.html
	sift-ingest --html --charset euc-kr mislabelled.html > out.ndjson
	[[ "$(text_of out.ndjson)" == *"야시장을 운영한다"* ]]
	run jq -r '.meta.charset' out.ndjson
	assert_output "CP949"
}

@test "an unknown --charset is an error for that page" {
	run --separate-stderr sift-ingest --html --charset no-such-charset news-ko.html
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"news-ko.html"*"unknown character encoding"* ]]
	run --separate-stderr sift-ingest --html --charset no-such-charset --on-error=skip news-ko.html blog-en.html
	assert_success
	assert_equal "${#lines[@]}" 0
}

@test "a UTF-8 page mislabelled as EUC-KR is still read as UTF-8" {
	sed 's/charset="utf-8"/charset="euc-kr"/' news-ko.html > labelled.html
	sift-ingest --html labelled.html > out.ndjson
	[[ "$(text_of out.ndjson)" == *"전고체 배터리 공장을 착공했다"* ]]
	run jq -r '.meta.charset // "none"' out.ndjson
	assert_output "none"
}

@test "broken markup is parsed as a browser would: misnested tags, entities, raw '<'" {
	run --separate-stderr sift-ingest --html broken.html
	assert_success
	echo "$output" > out.ndjson
	assert_valid_ndjson out.ndjson
	text=$(text_of out.ndjson)
	printf '%s\n' "$text" | grep -qx '첫 문단은 굵게 시작해서 기울임이 닫히지 않은 채 끝난다.'
	printf '%s\n' "$text" | grep -qx '둘째 문단은 닫는 태그 없이 이어지며, 부등호 3 < 5 와 앰퍼샌드 R&D 를 그대로 담고 있다. © 기호와 한글 엔티티도 있다.'
	[[ "$text" != *"스크립트 안의 문자열"* ]]
	[[ "$text" != *"보이면 안 된다"* ]]
	run jq -r '.meta.title, .meta.author' out.ndjson
	assert_output $'고장 난 페이지 & 테스트\n최지우'
}

@test "--whole-page keeps every visible block, menus and all" {
	sift-ingest --html --whole-page broken.html > out.ndjson
	text=$(text_of out.ndjson)
	printf '%s\n' "$text" | grep -qx '표 안의 칸 하나'
	printf '%s\n' "$text" | grep -qx '항목 셋'
	printf '%s\n' "$text" | grep -qx '마지막 문단에는 링크가 하나 있고 모르는 태그 도 있다.'
	sift-ingest --html --whole-page news-ko.html > ko.ndjson
	text=$(text_of ko.ndjson)
	[[ "$text" == *"로그인"* && "$text" == *"많이 본 뉴스"* ]]
	[[ "$text" != *"앱 설치하고"* ]]
}

@test "NUL bytes and invalid UTF-8 become U+FFFD and are counted" {
	run --separate-stderr sift-ingest --html --progress bytes.html
	assert_success
	echo "$output" > out.ndjson
	assert_valid_ndjson out.ndjson
	[ "$(text_of out.ndjson)" = "NUL � byte and bad UTF-8 �� here: 가나다 ��� end." ]
	[[ "$stderr" == *"5"*"UTF-8"* ]]
}

@test "pages are read from stdin and from gzip files" {
	gzip -c news-ko.html > page.html.gz
	sift-ingest --html page.html.gz > gz.ndjson
	sift-ingest --html - < news-ko.html > stdin.ndjson
	sift-ingest --html news-ko.html > plain.ndjson
	[ "$(jq -c 'del(.id)' gz.ndjson)" = "$(jq -c 'del(.id)' plain.ndjson)" ]
	[ "$(jq -c 'del(.id)' stdin.ndjson)" = "$(jq -c 'del(.id)' plain.ndjson)" ]
	run jq -r '.id' gz.ndjson stdin.ndjson
	assert_output $'page\nstdin'
}

@test "an empty page gives a record with empty text and no meta" {
	: > empty.html
	run --separate-stderr sift-ingest --html empty.html
	assert_success
	assert_output '{"id":"empty","source":"empty.html","text":""}'
}

@test "--ndjson --html-from replaces the HTML field with the text and merges meta" {
	jq -cn --rawfile h news-ko.html '{url: "https://example.org/a", html: $h, meta: {title: "kept", lang: "ko-KR"}, n: 1}' > in.ndjson
	run --separate-stderr sift-ingest --ndjson --html-from html --source-from url --id-from n in.ndjson
	assert_success
	echo "$output" > out.ndjson
	run jq -r 'keys_unsorted | join(",")' out.ndjson
	assert_output "source,text,meta,id"
	run jq -r '.source, .id, .meta.title, .meta.lang, .meta.date' out.ndjson
	assert_output $'https://example.org/a\n1\nkept\nko-KR\n2025-03-14T09:30:00+09:00'
	[[ "$(text_of out.ndjson)" == *"전고체 배터리 공장을 착공했다"* ]]
}

@test "--html-from takes the canonical URL as source when the record has none" {
	jq -cn --rawfile h blog-en.html '{id: "p1", page: $h}' > in.ndjson
	sift-ingest --ndjson --html-from page in.ndjson > out.ndjson
	run jq -r '.source' out.ndjson
	assert_output "https://notes.tidewater.example/2024/05/single-makefile/"
}

@test "--html-from reads the page as UTF-8 whatever its <meta charset> says" {
	jq -cn --rawfile h "$FIXTURES"/html/news-euckr.utf8.html '{id: "k", html: $h}' > in.ndjson
	sift-ingest --ndjson --html-from html in.ndjson > out.ndjson
	[[ "$(text_of out.ndjson)" == *"똠양꿍"* ]]
	run jq -r '.meta.charset // "none"' out.ndjson
	assert_output "none"
}

@test "--html-from with a missing or non-string field reports the line" {
	printf '%s\n' '{"id":"a","html":"<p>fine</p>"}' '{"id":"b"}' '{"id":"c","html":5}' > in.ndjson
	run --separate-stderr sift-ingest --ndjson --html-from html in.ndjson
	[ "$status" -eq 1 ]
	assert_equal "${#lines[@]}" 1
	[[ "$stderr" == *"in.ndjson:2:"*'no HTML member "html"'* ]]
	run --separate-stderr sift-ingest --ndjson --html-from html --on-error=skip in.ndjson
	assert_success
	assert_equal "${#lines[@]}" 1
	[[ "$stderr" == *"in.ndjson:3:"*'member "html" is not a string'* ]]
	[[ "$stderr" == *"skipped 2 bad records"* ]]
}

@test "--html-from honours --field for the text it writes" {
	printf '%s\n' '{"id":"a","html":"<article><p>Body text of a short page.</p></article>"}' > in.ndjson
	run --separate-stderr sift-ingest --ndjson --html-from html --field body in.ndjson
	assert_success
	assert_output '{"id":"a","body":"Body text of a short page.","source":"in.ndjson"}'
}

@test "misused HTML options are usage errors" {
	run --separate-stderr sift-ingest --html --ndjson news-ko.html
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"Try 'sift-ingest --help'."* ]]
	run --separate-stderr sift-ingest --html-from html news-ko.html
	[ "$status" -eq 2 ]
	run --separate-stderr sift-ingest --ndjson --html-from html --text-from body news-ko.html
	[ "$status" -eq 2 ]
	run --separate-stderr sift-ingest --charset euc-kr news-ko.html
	[ "$status" -eq 2 ]
	run --separate-stderr sift-ingest --whole-page news-ko.html
	[ "$status" -eq 2 ]
	run --separate-stderr sift-ingest --html --lines news-ko.html
	[ "$status" -eq 2 ]
}

@test "golden cases: pages in NDJSON through --html-from" {
	local dir args failed=0
	for dir in "$TOP"/tests/cases/html/*/; do
		args=$(cat "$dir/args")
		# shellcheck disable=SC2086
		sift-ingest $args < "$dir/input.ndjson" > got.ndjson 2> got.err || true
		if ! diff -u "$dir/expected.ndjson" got.ndjson; then
			echo "case $dir differs"
			failed=1
		fi
	done
	[ "$failed" -eq 0 ]
}

@test "a 20 MB page streams through in bounded time and memory" {
	[ -z "${SIFT_VALGRIND:-}" ] || skip "too slow under valgrind"
	# generated here, not committed: a long article inside a page with
	# navigation, then 20 MB of paragraphs and inline markup
	awk 'BEGIN {
		print "<html><head><title>큰 페이지</title></head><body><nav><a href=/>홈</a></nav><article>"
		p = "<p>대용량 페이지의 문단입니다. <b>굵은 글씨</b>와 <a href=\"/x\">링크</a>가 섞여 있고, 같은 문장이 반복됩니다. The quick brown fox jumps over the lazy dog.</p>"
		for (n = 0; n < 20 * 1024 * 1024; n += length(p)) print p
		print "</article></body></html>"
	}' > big.html
	[ "$(wc -c < big.html)" -gt 20000000 ]
	run --separate-stderr /usr/bin/time -f '%M %e' sift-ingest --html big.html -o big.ndjson
	assert_success
	read -r maxkb secs <<< "${stderr##*$'\n'}"
	echo "max RSS ${maxkb} KB, ${secs} s"
	[ "$maxkb" -lt 1200000 ]
	run jq -r '.text | split("\n") | length' big.ndjson
	[ "$output" -gt 100000 ]
	run jq -r '.text | split("\n") | .[1]' big.ndjson
	assert_output "대용량 페이지의 문단입니다. 굵은 글씨와 링크가 섞여 있고, 같은 문장이 반복됩니다. The quick brown fox jumps over the lazy dog."
}

@test "100,000 unclosed nested elements do not stall the parser" {
	awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<div><b>"; print "깊은 곳의 글" }' > deep.html
	run --separate-stderr timeout 20 sift-ingest --html deep.html
	assert_success
	echo "$output" > out.ndjson
	[ "$(text_of out.ndjson)" = "깊은 곳의 글" ]
}

@test "output into a closed pipe ends quietly" {
	for i in 1 2 3 4 5 6 7 8; do cp news-ko.html "p$i.html"; done
	run --separate-stderr sh -c 'sift-ingest --html p*.html | head -n1 > /dev/null'
	assert_success
	[ -z "$stderr" ]
}
