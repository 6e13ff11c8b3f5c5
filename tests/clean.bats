#!/usr/bin/env bats
# sift-clean: normalization, boilerplate removal, meta lifting.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	for f in "$FIXTURES"/clean/*.txt; do
		b=${f##*/}
		jq -nc --arg id "${b%.txt}" --rawfile t "$f" '{id: $id, text: $t}' > "${b%.txt}.ndjson"
	done
}

# clean_text FILE [OPTION...]: the cleaned text of the one record in FILE
clean_text() {
	local f=$1
	shift
	sift-clean "$@" "$f" | jq -r .text
}

@test "--help prints a man page with an example to stdout" {
	run --separate-stderr sift-clean --help
	assert_success
	assert_output --partial "SYNOPSIS"
	assert_output --partial "--keep-removed"
	assert_output --partial "--explain"
	assert_output --partial "--nfkc"
	assert_output --partial "EXIT STATUS"
	assert_output --partial "EXAMPLE"
	[ -z "$stderr" ]
}

@test "--version names the program and the project" {
	run sift-clean --version
	assert_success
	assert_output "sift-clean (sift) 0.1.0"
}

@test "a bad option is a usage error with exit 2" {
	run --separate-stderr sift-clean --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"usage: sift-clean"* ]]
	[[ "$stderr" == *"Try 'sift-clean --help'."* ]]
	[ -z "$output" ]
}

@test "golden cases match" {
	run_cases sift-clean
}

@test "stdin, '-' and a file operand give the same output" {
	sift-clean ko-news.ndjson > a.out
	sift-clean < ko-news.ndjson > b.out
	sift-clean - < ko-news.ndjson > c.out
	cmp a.out b.out
	cmp a.out c.out
	assert_valid_ndjson a.out
}

@test "the output is the same on every run" {
	cat ko-news.ndjson en-news.ndjson ko-blog.ndjson > all.ndjson
	sift-clean --keep-removed all.ndjson > a.out
	sift-clean --keep-removed all.ndjson > b.out
	cmp a.out b.out
}

@test "empty input gives no output and exit 0" {
	run --separate-stderr sift-clean < /dev/null
	assert_success
	[ -z "$output" ]
	[ -z "$stderr" ]
}

@test "a last line without a newline is a record" {
	printf '{"id":"a","text":"메뉴\\n본문입니다. 오늘 첫 회의가 열렸다."}' > nonl.ndjson
	run --separate-stderr sift-clean nonl.ndjson
	assert_success
	assert_output '{"id":"a","text":"본문입니다. 오늘 첫 회의가 열렸다.","meta":{}}'
}

@test "malformed JSON names the line and exits 1" {
	printf '{"id":"a","text":"ok"}\n{"id":"b","text":\n' > bad.ndjson
	run --separate-stderr sift-clean bad.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == "sift-clean: bad.ndjson:2:"* ]]
	assert_line --index 0 --partial '"id":"a"'
}

@test "a text field that is not a string is an error; --on-error=skip drops the record" {
	printf '{"id":"a","text":3}\n{"id":"b","text":"본문입니다. 회의가 열렸다."}\n' > num.ndjson
	run --separate-stderr sift-clean num.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == *'num.ndjson:1: field "text" is not a string'* ]]
	run --separate-stderr sift-clean --on-error=skip num.ndjson
	assert_line --index 0 --partial '"id":"b"'
	assert_equal "${#lines[@]}" 1
}

@test "invalid UTF-8 is repaired to U+FFFD and counted" {
	printf '{"id":"a","text":"\377 본문입니다. 회의가 열렸다."}\n' > inv.ndjson
	run --separate-stderr sift-clean inv.ndjson
	assert_success
	assert_output --partial '"text":"� 본문입니다. 회의가 열렸다."'
	[[ "$stderr" == *"repaired 1 invalid UTF-8"* ]]
}

@test "a raw NUL byte in a line is a data error with its position" {
	printf '{"id":"a","text":"x\000y"}\n' > nul.ndjson
	run --separate-stderr sift-clean nul.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == "sift-clean: nul.ndjson:1:"* ]]
}

@test "gzip input is read transparently" {
	gzip -c ko-news.ndjson > ko-news.ndjson.gz
	sift-clean ko-news.ndjson > plain.out
	sift-clean ko-news.ndjson.gz > gz.out
	cmp plain.out gz.out
}

@test "-o writes the output to a file" {
	run sift-clean -o out.ndjson ko-news.ndjson
	assert_success
	[ -z "$output" ]
	assert_valid_ndjson out.ndjson
}

@test "a reader that quits early gets no complaint on stderr" {
	skip_if_slow
	make_big_line 100000 big.ndjson
	for i in $(seq 1 200); do cat big.ndjson; done > many.ndjson
	run --separate-stderr sh -c 'sift-clean many.ndjson | head -n 1 > /dev/null'
	[ -z "$stderr" ]
}

@test "a Korean news page keeps title, deck, subhead and body" {
	run clean_text ko-news.ndjson
	assert_success
	assert_line --index 0 "[단독] 푸른바다조선, 부산에 친환경 선박 엔진 공장 세운다"
	assert_line --index 1 "2026년까지 4500억원 투입…부품 협력사 120곳 함께 입주"
	assert_line --partial "푸른바다조선이 부산 강서구 미음산업단지에"
	assert_line "■ 협력사 120곳 함께 입주"
	assert_line --partial "정태식 푸른바다조선 대표는"
	assert_equal "${#lines[@]}" 8
}

@test "weather widgets, menus, stamps and tags are removed" {
	run clean_text ko-news.ndjson
	refute_output --partial "맑음부산"
	refute_line "전체메뉴"
	refute_line "산업"
	refute_output --partial "입력 2024"
	refute_output --partial "수정 2024"
	refute_line "속보"
	refute_line "홈 > 경제 > 산업"
}

@test "subscribe, share and print buttons and the comment box are removed" {
	run clean_text ko-news.ndjson
	for junk in 구독신청 구독하기 공유하기 페이스북 URL복사 인쇄 글자크기 "좋아요 12" \
	    "댓글 3" "0 / 300" "로그인 후 댓글을 남겨주세요" "드디어 부산에도 큰 공장이 들어오네요"; do
		refute_output --partial "$junk"
	done
}

@test "the copyright line and the byline go to meta, not the text" {
	run sift-clean ko-news.ndjson
	refute_output --partial '"text":"ⓒ'
	run jq -c .meta <(sift-clean ko-news.ndjson)
	assert_output '{"byline":"[새벽일보 윤재희 기자]","author":"윤재희","email":"jaehee@saebyeok.example","date":"2024-11-05T08:40","copyright":"ⓒ 새벽일보, 무단 전재 및 재배포 금지","title":"[단독] 푸른바다조선, 부산에 친환경 선박 엔진 공장 세운다"}'
}

@test "a photo caption shown twice is removed with its repeat" {
	run clean_text ko-news.ndjson
	refute_output --partial "조감도"
	run jq -r '.removed[] | select(.reason == "caption") | .text' <(sift-clean --keep-removed ko-news.ndjson)
	assert_line --index 0 "사진"
	assert_line --index 1 "푸른바다조선 미음공장 조감도."
	assert_line --index 3 "푸른바다조선 미음공장 조감도."
}

@test "HOT클릭, 더보기, lists of other stories and the unrelated teaser are removed" {
	run clean_text ko-news.ndjson
	refute_output --partial "HOT클릭"
	refute_output --partial "더보기"
	refute_output --partial "가을 단풍"
	refute_output --partial "한결제약"
	refute_output --partial "알츠하이머"
	refute_output --partial "개인정보처리방침"
}

@test "a related-news box inside the body does not cut the article short" {
	run jq -r '.removed[] | select(.reason == "related") | .text' <(sift-clean --keep-removed ko-news.ndjson)
	assert_line --index 0 "관련기사"
	assert_line --index 1 "푸른바다조선, 3분기 수주 역대 최대"
	run clean_text ko-news.ndjson
	assert_line --partial "부품 협력사들도 공장 인근에"
}

@test "blog chrome (categories, tags, likes, previous and next posts) is removed" {
	run clean_text ko-blog.ndjson
	assert_line --index 0 "통영 한 바퀴…케이블카와 시장 골목에서 보낸 하루"
	assert_line "다음에는 배를 타고 섬에도 들어가 볼 생각이다."
	for junk in "#통영" "공감 24" "이웃추가" "전체보기" "이전글" "다음글" "카테고리의 다른 글" \
	    "경주 야경" "저도 다음 달에"; do
		refute_output --partial "$junk"
	done
	run jq -r '.meta.author + " " + .meta.date' <(sift-clean ko-blog.ndjson)
	assert_output "달빛여행자 2024-10-12T19:30"
}

@test "an English page keeps its article and loses cookie banners and promos" {
	run clean_text en-news.ndjson
	assert_line --index 0 "Lumen Robotics opens first overseas factory in Vietnam"
	assert_line "Lumen shares rose 3.2% in Seoul trading after the announcement."
	for junk in "cookies" "Sign in" "Advertisement" "Workers test" "Related stories" \
	    "Night markets" "Ferry fares" "Copyright"; do
		refute_output --partial "$junk"
	done
	run jq -r '[.meta.author, .meta.email, .meta.date] | join(" ")' <(sift-clean en-news.ndjson)
	assert_output "Grace Holt grace.holt@harborledger.example 2024-11-05T07:15"
}

@test "a page that is all article loses nothing" {
	run sift-clean --keep-removed ko-all-article.ndjson
	assert_success
	run jq -r '.removed | length' <(sift-clean --keep-removed ko-all-article.ndjson)
	assert_output "0"
	clean_text ko-all-article.ndjson > got.txt
	diff -u "$FIXTURES/clean/ko-all-article.txt" got.txt
}

@test "a text with only junk becomes empty" {
	run clean_text only-junk.ndjson
	assert_output ""
}

@test "an empty text stays empty" {
	printf '{"id":"e","text":""}\n' > e.ndjson
	run sift-clean --keep-removed e.ndjson
	assert_output '{"id":"e","text":"","meta":{},"removed":[]}'
}

@test "--keep-removed accounts for every line: kept plus removed is the whole page" {
	sift-clean --keep-removed ko-news.ndjson > out.ndjson
	kept=$(jq -r .text out.ndjson | grep -c .)
	removed=$(jq '.removed | length' out.ndjson)
	total=$(grep -c . "$FIXTURES/clean/ko-news.txt")
	assert_equal "$((kept + removed))" "$total"
	run jq -r '.removed[0] | [.line, .text, .reason] | @tsv' out.ndjson
	assert_output "$(printf '1\t새벽일보\toutside')"
}

@test "--explain prints one decision per line on stderr and leaves stdout alone" {
	sift-clean ko-news.ndjson > plain.out
	run --separate-stderr sift-clean --explain ko-news.ndjson
	assert_success
	[ "$output" = "$(cat plain.out)" ]
	total=$(grep -c . "$FIXTURES/clean/ko-news.txt")
	n=$(printf '%s\n' "$stderr" | grep -c '^sift-clean: ko-news:[0-9]*: \(keep\|drop\) ')
	assert_equal "$n" "$total"
	[[ "$stderr" == *"sift-clean: ko-news:2: drop menu ("*") 전체메뉴"* ]]
	[[ "$stderr" == *"sift-clean: ko-news:17: drop date +meta (0) 입력 2024.11.05 08:40"* ]]
	[[ "$stderr" == *"sift-clean: ko-news:15: keep title"* ]]
}

@test "--explain names records by --id-field, or by position without one" {
	printf '{"key":"k1","text":"메뉴"}\n' > k.ndjson
	run --separate-stderr sift-clean --explain --id-field key k.ndjson
	[[ "$stderr" == "sift-clean: k1:1: drop menu"* ]]
	run --separate-stderr sift-clean --explain k.ndjson
	[[ "$stderr" == "sift-clean: k.ndjson:1:1: drop menu"* ]]
}

@test "--nfkc folds compatibility characters; NFC is the default" {
	printf '{"id":"n","text":"ＡＢＣ전자 ①공장"}\n' > n.ndjson
	run clean_text n.ndjson --nfkc
	assert_output "ABC전자 1공장"
	run clean_text n.ndjson
	assert_output "ＡＢＣ전자 ①공장"
}

@test "decomposed Hangul, zero-width and control characters, and spacing are normalized" {
	printf '{"id":"h","text":"  \\u1112\\u1161\\u11ab\\u1100\\u1173\\u11af\\u200b 문서는\\t\\t잘  정리된다.\\u0007  \\r\\n\\r\\n\\r\\n\\u00a0둘째 문단이다.  "}\n' > h.ndjson
	run sift-clean h.ndjson
	assert_output '{"id":"h","text":"한글 문서는 잘 정리된다.\n\n둘째 문단이다.","meta":{}}'
}

@test "--field cleans another field and leaves text alone" {
	printf '{"id":"f","body":"메뉴\\n본문입니다. 회의가 열렸다.","text":"메뉴"}\n' > f.ndjson
	run sift-clean --field body f.ndjson
	assert_output '{"id":"f","body":"본문입니다. 회의가 열렸다.","text":"메뉴","meta":{}}'
}

@test "an existing meta object is merged into, its own keys winning" {
	printf '{"id":"m","text":"메뉴\\n본문입니다. 회의가 열렸다.\\n홍길동 기자 hong@a.example","meta":{"author":"상류","x":1}}\n' > m.ndjson
	run sift-clean m.ndjson
	assert_output '{"id":"m","text":"본문입니다. 회의가 열렸다.","meta":{"author":"상류","x":1,"byline":"홍길동 기자 hong@a.example","email":"hong@a.example"}}'
}

@test "a record without the text field is a bad record (the contract requires text)" {
	printf '{"id":"n","title":"x"}\n' > nt.ndjson
	run --separate-stderr sift-clean nt.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == 'sift-clean: nt.ndjson:1: missing field "text"' ]]
	run --separate-stderr sift-clean --on-error=pass nt.ndjson
	assert_output '{"id":"n","title":"x"}'
}

@test "fields the filter does not own pass through in order" {
	printf '{"z":1,"id":"p","a":[1,{"b":2}],"text":"본문입니다. 회의가 열렸다.","y":null}\n' > p.ndjson
	run sift-clean p.ndjson
	assert_output '{"z":1,"id":"p","a":[1,{"b":2}],"text":"본문입니다. 회의가 열렸다.","y":null,"meta":{}}'
}

@test "the sample pages keep at least 98% of article characters" {
	[ -d "$SAMPLES/gold/clean" ] || skip "no samples"
	run eval-clean -s dev
	assert_success
	recall=$(printf '%s\n' "$output" | awk '/^TOTAL/ { print int($(NF - 2)) }')
	[ "$recall" -ge 98 ]
}

@test "a headline with two deck lines past many buttons, and short closing sentences, are kept" {
	run clean_text ko-edges.ndjson
	assert_line --index 0 "편의점 도시락 값 또 오른다…평균 6900원"
	assert_line --index 1 '원재료·인건비 상승 탓…업계 "당분간 인상 불가피"'
	assert_line --index 2 '소비자단체 "가격 인상 폭 과도" 반발'
	assert_line "인상 품목은 모두 42종."
	assert_line "새 가격은 오는 10일부터 적용."
	refute_output --partial "읽어주기"
	refute_output --partial "라면값"
	assert_equal "${#lines[@]}" 8
}

@test "a photo block between the lead paragraph and the rest does not cost the lead" {
	run clean_text ko-photo-lead.ndjson
	assert_line --index 0 "해오름제과, 과자 가격 평균 6% 인상"
	assert_line --index 1 "해오름제과가 다음 달부터 과자 18종의 가격을 평균 6% 올린다."
	refute_output --partial "본사 전경"
	refute_output --partial "크게 보기"
	assert_equal "${#lines[@]}" 4
}

@test "a headline above the byline block wins over unknown buttons under it" {
	run clean_text ko-title-above-byline.ndjson
	assert_line --index 0 "해솔에너지, 남해안 해상풍력 단지에 2조원 투자…2029년 준공 목표"
	assert_line --index 1 "발전용량 1.2GW 규모…지역 어민과 상생기금 300억원 조성"
	refute_output --partial "글꼴"
	refute_output --partial "A A A"
	run jq -r .meta.title <(sift-clean ko-title-above-byline.ndjson)
	assert_output "해솔에너지, 남해안 해상풍력 단지에 2조원 투자…2029년 준공 목표"
}

@test "share-to buttons, breadcrumbs with › and inline read-more links are removed" {
	run clean_text ko-share-bar.ndjson
	assert_line --index 0 "초등 돌봄교실 저녁 8시까지 연장…맞벌이 가정 수요 반영"
	refute_output --partial "기사보내기"
	refute_output --partial "글씨"
	refute_output --partial "관련기사"
	assert_line --partial "한시름 덜었다"
	run clean_text en-inline-promos.ndjson
	refute_output --partial "Share on"
	refute_output --partial "Read more"
	refute_output --partial "Transport › Rail"
	assert_line --index 0 "Night trains return to the coast line after a decade"
}

@test "Chinese prose, without spaces between words, is kept as the article" {
	run clean_text zh-news.ndjson
	assert_line --index 0 "青岚市新建三座社区图书馆 年底前全部开放"
	assert_line --partial "据介绍，三座图书馆预计在十二月底前全部投入使用。"
	refute_output --partial "分享到"
	assert_equal "${#lines[@]}" 5
}

@test "table cells of figures inside the article are kept, and short cells may repeat" {
	run clean_text en-figures.ndjson
	assert_line "41,200"
	assert_line "9,800"
	assert_line "Riders interviewed at East Pier said shorter waits had made the ferry a real alternative to the crowded bridge buses."
	run clean_text en-inline-promos.ndjson
	assert_equal "$(printf '%s\n' "$output" | grep -c '^Yes$')" 3
	# a long line shown twice (a caption) still goes
	refute_output --partial "refurbished sleeper car"
}

@test "lines of figures alone are no sign of page furniture: such a page keeps everything" {
	run clean_text en-figures-only.ndjson
	assert_line "Q2 2024"
	assert_line "376"
	assert_equal "${#lines[@]}" 8
}

@test "after the copyright notice, a longer run of other stories' leads does not win" {
	run clean_text en-teaser-after-copyright.ndjson
	assert_line --index 0 "Library lending of e-readers doubles in two years"
	assert_line --partial "waiting list had passed 1,200 names"
	refute_output --partial "gardeners"
	refute_output --partial "houseplants"
}
