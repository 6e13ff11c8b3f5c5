#!/usr/bin/env bats
# sift-extract: people, organisations, quotes and speakers, numbers, dates,
# links and keywords.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

rec() {
	# rec TEXT [DATE]: one record as NDJSON (TEXT must be JSON-escaped)
	if [ -n "${2:-}" ]; then
		printf '{"id":"t","text":"%s","meta":{"date":"%s"}}\n' "$1" "$2"
	else
		printf '{"id":"t","text":"%s"}\n' "$1"
	fi
}

@test "--help prints a man page with options, exit status and an example" {
	run --separate-stderr sift-extract --help
	assert_success
	assert_output --partial "  sift-extract [-k N] [--mentions] [--untitled] [--date DATE] [options]"
	assert_output --partial "SYNOPSIS"
	assert_output --partial "OPTIONS"
	assert_output --partial "--keywords N"
	assert_output --partial "EXIT STATUS"
	assert_output --partial "EXAMPLE"
	[ -z "$stderr" ]
}

@test "--version names the program and the project" {
	run sift-extract --version
	assert_success
	assert_output "sift-extract (sift) 0.1.0"
}

@test "a bad option is a usage error with exit 2" {
	run --separate-stderr sift-extract --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"usage: sift-extract"* ]]
	[[ "$stderr" == *"Try 'sift-extract --help'."* ]]
	[ -z "$output" ]
}

@test "a bad --keywords or --date value is a usage error" {
	run --separate-stderr sift-extract -k many
	[ "$status" -eq 2 ]
	run --separate-stderr sift-extract -k -1
	[ "$status" -eq 2 ]
	run --separate-stderr sift-extract --date yesterday-ish
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"invalid --date value"* ]]
}

@test "golden cases match" {
	run_cases sift-extract
}

@test "a Korean article yields titled people, orgs and resolved quote speakers" {
	rec '홍길동 한빛전자 최고기술책임자(CTO)는 \"수율이 60%를 넘었다\"고 말했다. 김영희 누리소프트 대표는 \"가격을 낮췄다\"며 \"고객이 체감할 것\"이라고 설명했다. 홍 CTO는 \"연내 양산한다\"고 덧붙였다.' > in.ndjson
	run --separate-stderr sift-extract in.ndjson
	assert_success
	run jq -c '.entities.people' <<<"$output"
	assert_output '[{"name":"홍길동","title":"최고기술책임자(CTO)","org":"한빛전자"},{"name":"김영희","title":"대표","org":"누리소프트"}]'
	run sift-extract in.ndjson
	run jq -r '.entities.quotes[] | .speaker' <<<"$output"
	assert_output $'홍길동\n김영희\n김영희\n홍길동'
	run sift-extract in.ndjson
	run jq -c '[.entities.orgs[].name]' <<<"$output"
	assert_output '["한빛전자","누리소프트"]'
}

@test "English titles keep their qualifiers and quotes find their speakers" {
	rec '\"Prices will fall by spring,\" said Omar Haddad, an energy analyst at Kestrel Partners. \"We will not accept this plan,\" said union leader Mia Torres. Lena Fischer, chief medical officer of Orvia Health, will stay. \"The trial goes on as planned,\" Fischer said.' > in.ndjson
	run --separate-stderr sift-extract in.ndjson
	assert_success
	run jq -c '[.entities.people[] | [.name, .title, .org]]' <<<"$output"
	assert_output '[["Omar Haddad","energy analyst","Kestrel Partners"],["Mia Torres","union leader",null],["Lena Fischer","chief medical officer","Orvia Health"]]'
	run sift-extract in.ndjson
	run jq -r '.entities.quotes[] | .speaker' <<<"$output"
	assert_output $'Omar Haddad\nMia Torres\nLena Fischer'
}

@test "an English company named by its industry word is no person" {
	rec 'Vela Telecom said on Monday it would sell its towers. \"The sale frees cash,\" Vela Telecom chief executive Ian Brooks said.' > in.ndjson
	run --separate-stderr sift-extract in.ndjson
	assert_success
	run jq -c '[.entities.people[] | [.name, .title, .org]]' <<<"$output"
	assert_output '[["Ian Brooks","chief executive","Vela Telecom"]]'
}

@test "particles agree with the syllable before them; foreign names end in 다" {
	rec '박수진 한솔플레이 대표는 \"해외 가입자를 두 배로 늘리겠다\"고 말했다. 안토니오 페레이다 감독은 \"수비가 좋았다\"고 했다.' > in.ndjson
	run --separate-stderr sift-extract in.ndjson
	assert_success
	run jq -c '[.entities.people[] | [.name, .title, .org]]' <<<"$output"
	assert_output '[["박수진","대표","한솔플레이"],["안토니오 페레이다","감독",null]]'
	run sift-extract in.ndjson
	run jq -r '.entities.quotes[] | .speaker' <<<"$output"
	assert_output $'박수진\n안토니오 페레이다'
}

@test "people carry a title; --untitled also lists names given none" {
	rec '곽성호(59)씨는 \"처음 와봤다\"고 말했다. 정윤호 교수도 왔다.' > in.ndjson
	run --separate-stderr sift-extract in.ndjson
	assert_success
	run jq -c '[.entities.people[] | [.name, .title]]' <<<"$output"
	assert_output '[["정윤호","교수"]]'
	# the untitled name still speaks its quote
	run sift-extract in.ndjson
	run jq -r '.entities.quotes[] | .speaker' <<<"$output"
	assert_output '곽성호'
	run sift-extract --untitled in.ndjson
	run jq -c '[.entities.people[] | [.name, .title]]' <<<"$output"
	assert_output '[["곽성호",null],["정윤호","교수"]]'
}

@test "particles are stripped from names and keywords" {
	rec '한빛전자가 반도체를 늘린다. 누리소프트와 한빛전자는 반도체에서 경쟁한다. 정부는 지켜본다.' > in.ndjson
	run sift-extract -k 3 in.ndjson
	assert_success
	run jq -c '[.entities.orgs[].name]' <<<"$output"
	assert_output '["한빛전자","누리소프트","정부"]'
	run sift-extract -k 3 in.ndjson
	run jq -c '[.entities.keywords[].term]' <<<"$output"
	assert_output '["한빛전자","반도체","누리소프트"]'
}

@test "relative dates resolve against meta.date, else --date, else stay null" {
	rec '지난 3일 발표했고 14일 출시한다.' 2025-04-10 > a.ndjson
	run sift-extract a.ndjson
	run jq -c '[.entities.dates[].value]' <<<"$output"
	assert_output '["2025-04-03","2025-04-14"]'
	rec '지난 3일 발표했다.' > b.ndjson
	run sift-extract --date 2024-12-20 b.ndjson
	run jq -c '[.entities.dates[].value]' <<<"$output"
	assert_output '["2024-12-03"]'
	run sift-extract b.ndjson
	run jq -c '[.entities.dates[].value]' <<<"$output"
	assert_output '[null]'
	# meta.date wins over --date
	run sift-extract --date 2024-12-20 a.ndjson
	run jq -c '.entities.dates[0].value' <<<"$output"
	assert_output '"2025-04-03"'
}

@test "numbers come with value and unit" {
	rec '관객 1524만명이 봤고 매출은 2.5배인 3조2000억원, 점유율은 35%였다.' > in.ndjson
	run sift-extract in.ndjson
	run jq -c '[.entities.numbers[] | [.text, .value, .unit]]' <<<"$output"
	assert_output '[["1524만명",15240000,"명"],["2.5배",2.5,"배"],["3조2000억원",3200000000000,"원"],["35%",35,"%"]]'
}

@test "urls and e-mail addresses are listed once each" {
	rec '문의 sujin@news.example, 자세한 내용은 https://news.example/a?id=3 참고. 다시 https://news.example/a?id=3.' > in.ndjson
	run sift-extract in.ndjson
	run jq -c '[.entities.urls, .entities.emails]' <<<"$output"
	assert_output '[["https://news.example/a?id=3"],["sujin@news.example"]]'
}

@test "-k limits the keywords and -k 0 turns them off" {
	rec '반도체 배터리 수소 전기차 로봇 반도체' > in.ndjson
	run sift-extract -k 2 in.ndjson
	run jq -c '[.entities.keywords[].term]' <<<"$output"
	assert_output '["반도체","배터리"]'
	run sift-extract --keywords 0 in.ndjson
	run jq -c '.entities.keywords' <<<"$output"
	assert_output '[]'
}

@test "keyword scores are in (0,1] with the best at 1" {
	rec '반도체 반도체 반도체 배터리 수소' > in.ndjson
	run sift-extract in.ndjson
	run jq -c '[.entities.keywords[].score] | (.[0] == 1) and (all(. > 0 and . <= 1))' <<<"$output"
	assert_output 'true'
}

@test "--mentions lists every occurrence with code-point offsets" {
	rec '홍길동 대표와 한빛전자. 홍 대표는 웃었다.' > in.ndjson
	run sift-extract --mentions in.ndjson
	run jq -c '[.entities.mentions[] | [.type, .text, .start, .end]]' <<<"$output"
	assert_output '[["PS","홍길동",0,3],["OG","한빛전자",8,12],["PS","홍",14,15]]'
	run sift-extract in.ndjson
	run jq -c '.entities | has("mentions")' <<<"$output"
	assert_output 'false'
}

@test "the record's sentences are used when present" {
	printf '%s\n' '{"text":"김영희 대표가 왔다. “우리는 아직 배고프다.” 김 대표의 말이다.","sentences":["김영희 대표가 왔다.","“우리는 아직 배고프다.”","김 대표의 말이다."]}' > in.ndjson
	run sift-extract in.ndjson
	run jq -c '.entities.quotes' <<<"$output"
	assert_output '[{"text":"우리는 아직 배고프다.","speaker":"김영희"}]'
}

@test "--field reads another field and other members pass through in order" {
	printf '%s\n' '{"a":1,"body":"박철수 대한그룹 회장","text":"x","meta":{"date":"2025-01-01"},"z":null}' > in.ndjson
	run --separate-stderr sift-extract --field body -k 0 in.ndjson
	assert_success
	assert_output '{"a":1,"body":"박철수 대한그룹 회장","text":"x","meta":{"date":"2025-01-01"},"z":null,"entities":{"people":[{"name":"박철수","title":"회장","org":"대한그룹"}],"orgs":[{"name":"대한그룹"}],"dates":[],"numbers":[],"quotes":[],"urls":[],"emails":[],"keywords":[]}}'
}

@test "--id-field names the id in error messages and records keep theirs" {
	printf '%s\n' '{"doc":"d1","text":"안녕"}' > in.ndjson
	run --separate-stderr sift-extract --id-field doc in.ndjson
	assert_success
	run jq -r '.doc' <<<"$output"
	assert_output 'd1'
}

@test "an existing entities member is replaced in place" {
	printf '%s\n' '{"entities":{"stale":1},"id":"a","text":"한빛전자"}' > in.ndjson
	run sift-extract -k 0 in.ndjson
	assert_output '{"entities":{"people":[],"orgs":[{"name":"한빛전자"}],"dates":[],"numbers":[],"quotes":[],"urls":[],"emails":[],"keywords":[]},"id":"a","text":"한빛전자"}'
}

@test "empty input gives empty output and stdin works as - and by default" {
	run --separate-stderr sift-extract < /dev/null
	assert_success
	assert_output ''
	rec '한빛전자' > in.ndjson
	run sift-extract - < in.ndjson
	assert_success
	[ "${#lines[@]}" -eq 1 ]
	run sift-extract < in.ndjson
	[ "${#lines[@]}" -eq 1 ]
}

@test "a last line without a newline is processed" {
	printf '{"text":"정부는 발표했다."}' > in.ndjson
	run --separate-stderr sift-extract in.ndjson
	assert_success
	[ "${#lines[@]}" -eq 1 ]
	assert_output --partial '"orgs":[{"name":"정부"}]'
}

@test "invalid JSON fails with file, line and column" {
	printf '{"text":"a"}\n{"text": oops}\n' > bad.ndjson
	run --separate-stderr sift-extract bad.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == "sift-extract: bad.ndjson:2:"* ]]
	[ "${#lines[@]}" -eq 1 ]
}

@test "a text field that is not a string is a data error, skippable" {
	printf '{"text":42}\n{"text":"정부"}\n' > in.ndjson
	run --separate-stderr sift-extract in.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == *'in.ndjson:1: field "text" is not a string'* ]]
	run --separate-stderr sift-extract --on-error=skip in.ndjson
	[ "${#lines[@]}" -eq 1 ]
}

@test "invalid UTF-8 is repaired and counted, not passed on" {
	printf '{"text":"\xff\xfe 정부는 \xc3"}\n' > in.ndjson
	run --separate-stderr sift-extract -k 0 in.ndjson
	assert_success
	assert_output '{"text":"�� 정부는 �","entities":{"people":[],"orgs":[{"name":"정부"}],"dates":[],"numbers":[],"quotes":[],"urls":[],"emails":[],"keywords":[]}}'
	[ "$stderr" = "sift-extract: repaired 3 invalid UTF-8 sequences in 1 record" ]
}

@test "a raw NUL byte in a line is a data error" {
	printf '{"text":"a\000b"}\n' > in.ndjson
	run --separate-stderr sift-extract in.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == "sift-extract: in.ndjson:1:"* ]]
}

@test "gzip input is read transparently" {
	rec '한빛전자' | gzip -c > in.ndjson.gz
	run --separate-stderr sift-extract in.ndjson.gz
	assert_success
	assert_output --partial '"orgs":[{"name":"한빛전자"}]'
}

@test "a big input piped into head ends quietly" {
	skip_if_slow
	make_big_line 2000000 big.ndjson
	for i in 1 2 3; do cat big.ndjson; done > big3.ndjson
	run --separate-stderr sh -c 'sift-extract big3.ndjson | head -c 100 >/dev/null'
	[ -z "$stderr" ]
}

@test "output is deterministic" {
	cp "$FIXTURES/extract/dev.ndjson" .
	sift-extract dev.ndjson > a.out
	sift-extract dev.ndjson > b.out
	cmp a.out b.out
	assert_valid_ndjson a.out
}

@test "dev set: people F1 and quote speaker accuracy are at least 0.9" {
	sift-extract "$FIXTURES/extract/dev.ndjson" > out.ndjson
	# people: gold (name, title) pairs found / predicted / gold
	run jq -s '[.[] | .gold.people as $g | .entities.people as $p |
	    {tp: ([$p[] | select(. as $x | $g | any(.name == $x.name and (.title // "") == ($x.title // "")))] | length),
	     np: ($p | length), ng: ($g | length)}] |
	    (map(.tp) | add) as $tp | (map(.np) | add) as $np | (map(.ng) | add) as $ng |
	    (2 * $tp / ($np + $ng)) >= 0.9' out.ndjson
	assert_output 'true'
	run jq -s '[.[] | .entities.quotes as $q | .gold.quotes[] |
	    . as $g | ($q | any(.text == $g.text and .speaker == $g.speaker))] |
	    (map(select(.)) | length) / length >= 0.9' out.ndjson
	assert_output 'true'
}
