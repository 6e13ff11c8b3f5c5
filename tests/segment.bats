#!/usr/bin/env bats
# sift-segment: sentences for Korean, English and CJK text.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# sentences_of TEXT [OPTIONS...]: the sentences of one record as a compact
# JSON array.
sentences_of() {
	local text=$1
	shift
	jq -cn --arg t "$text" '{id: "t", text: $t}' | sift-segment "$@" | jq -c '.sentences'
}

@test "--help prints a man page with an example to stdout" {
	run --separate-stderr sift-segment --help
	assert_success
	assert_line --index 0 "NAME"
	assert_output --partial "sift-segment - split each record's text into sentences"
	assert_output --partial "SYNOPSIS"
	assert_output --partial "OPTIONS"
	assert_output --partial "--explode"
	assert_output --partial "EXIT STATUS"
	assert_output --partial "EXAMPLES"
	[ -z "$stderr" ]
}

@test "--version names the program and the project" {
	run sift-segment --version
	assert_success
	assert_output "sift-segment (sift) 0.1.0"
}

@test "a bad option is a usage error with exit 2" {
	run --separate-stderr sift-segment --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"usage: sift-segment"* ]]
	[[ "$stderr" == *"Try 'sift-segment --help'."* ]]
	[ -z "$output" ]
}

@test "--keep without --explode is a usage error" {
	run --separate-stderr sift-segment --keep source
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--keep needs --explode"* ]]
}

@test "golden cases" {
	run_cases sift-segment
}

@test "each record gets its sentences, other fields pass through in order" {
	printf '%s\n' '{"id":"a","n":1.50,"text":"첫 문장이다. 둘째 문장이다.","x":{"k":[1,2]}}' > in.ndjson
	run --separate-stderr sift-segment in.ndjson
	assert_success
	assert_output '{"id":"a","n":1.50,"text":"첫 문장이다. 둘째 문장이다.","x":{"k":[1,2]},"sentences":["첫 문장이다.","둘째 문장이다."]}'
	[ -z "$stderr" ]
}

@test "stdin, - and a file give the same output" {
	printf '%s\n' '{"id":"a","text":"하나다. 둘이다."}' > in.ndjson
	a=$(sift-segment in.ndjson)
	b=$(sift-segment - < in.ndjson)
	c=$(sift-segment < in.ndjson)
	[ "$a" = "$b" ] && [ "$b" = "$c" ]
	[[ "$a" == *'"sentences":["하나다.","둘이다."]'* ]]
}

@test "empty input gives empty output" {
	run --separate-stderr sift-segment < /dev/null
	assert_success
	[ -z "$output" ]
	[ -z "$stderr" ]
}

@test "a last line without a newline is a record" {
	run --separate-stderr sh -c "printf '%s' '{\"id\":\"a\",\"text\":\"끝이다.\"}' | sift-segment"
	assert_success
	assert_output '{"id":"a","text":"끝이다.","sentences":["끝이다."]}'
}

@test "invalid JSON stops with the file, line and column and exit 1" {
	printf '%s\n' '{"id":"a","text":"좋다."}' '{"id":"b",' > bad.ndjson
	run --separate-stderr sift-segment bad.ndjson
	[ "$status" -eq 1 ]
	assert_line --index 0 '{"id":"a","text":"좋다.","sentences":["좋다."]}'
	[[ "$stderr" == "sift-segment: bad.ndjson:2:"* ]]
}

@test "a text field that is not a string is a data error; --on-error=skip drops it" {
	printf '%s\n' '{"id":"a","text":5}' '{"id":"b","text":"좋다."}' > in.ndjson
	run --separate-stderr sift-segment in.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == *'in.ndjson:1: field "text" is not a string'* ]]
	run --separate-stderr sift-segment --on-error=skip in.ndjson
	assert_success
	assert_output '{"id":"b","text":"좋다.","sentences":["좋다."]}'
	[[ "$stderr" == *"skipped 1 bad record"* ]]
}

@test "a missing or null text field is a bad record too" {
	printf '%s\n' '{"id":"a"}' '{"id":"b","text":null}' '{"id":"c","text":""}' > in.ndjson
	run --separate-stderr sift-segment in.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == *'in.ndjson:1: missing field "text"'* ]]
	run --separate-stderr sift-segment --offsets --on-error=skip in.ndjson
	assert_success
	assert_output '{"id":"c","text":"","sentences":[],"spans":[]}'
	[[ "$stderr" == *'in.ndjson:2: field "text" is not a string'* ]]
	[[ "$stderr" == *"skipped 2 bad records"* ]]
}

@test "invalid UTF-8 is repaired to U+FFFD and counted" {
	printf '{"id":"a","text":"\377 깨진 바이트. 다음."}\n' > in.ndjson
	run --separate-stderr sift-segment in.ndjson
	assert_success
	assert_output --partial '"sentences":["� 깨진 바이트.","다음."]'
	[[ "$stderr" == *"repaired 1 invalid UTF-8"* ]]
}

@test "a NUL byte inside a record is an error naming the line" {
	printf '{"id":"a","text":"x\000y"}\n' > nul.ndjson
	run --separate-stderr sift-segment nul.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == "sift-segment: nul.ndjson:1:"* ]]
}

@test "gzip input is read transparently and -o FILE.gz writes gzip" {
	printf '%s\n' '{"id":"a","text":"압축이다. 풀린다."}' | gzip -c > in.ndjson.gz
	run --separate-stderr sift-segment -o out.ndjson.gz in.ndjson.gz
	assert_success
	run sh -c 'gzip -dc out.ndjson.gz'
	assert_output '{"id":"a","text":"압축이다. 풀린다.","sentences":["압축이다.","풀린다."]}'
}

@test "--field and --id-field choose the fields" {
	printf '%s\n' '{"doc":"d","body":"본문이다. 끝.","text":"무시된다. 정말."}' > in.ndjson
	run --separate-stderr sift-segment --field body in.ndjson
	assert_success
	assert_output --partial '"sentences":["본문이다.","끝."]'
	run --separate-stderr sift-segment --field body --id-field doc --explode in.ndjson
	assert_success
	assert_line --index 0 '{"doc":"d#1","doc_id":"d","n":1,"body":"본문이다."}'
}

@test "--offsets gives code-point spans that slice the text into the sentences" {
	jq -cn '{id: "o", text: "  가나다. ab 😀 cd. \n라마바?  "}' > in.ndjson
	run --separate-stderr sift-segment --offsets in.ndjson
	assert_success
	assert_output --partial '"spans":[[2,6],[7,15],[17,21]]'
	run sh -c "sift-segment --offsets in.ndjson | jq -c '[.spans[] as \$s | .text[\$s[0]:\$s[1]]] == .sentences'"
	assert_output "true"
}

@test "--explode writes one record per sentence with --keep fields" {
	printf '%s\n' '{"id":"d","source":"s.txt","meta":{"a":1},"text":"하나. 둘이다."}' '{"text":"이름 없는 문서다."}' '{"id":"e","text":""}' > in.ndjson
	run --separate-stderr sift-segment --explode --keep meta --keep source --keep absent in.ndjson
	assert_success
	assert_equal "${#lines[@]}" 3
	assert_line --index 0 '{"id":"d#1","doc_id":"d","n":1,"text":"하나.","meta":{"a":1},"source":"s.txt"}'
	assert_line --index 1 '{"id":"d#2","doc_id":"d","n":2,"text":"둘이다.","meta":{"a":1},"source":"s.txt"}'
	assert_line --index 2 '{"id":"in.ndjson:2#1","doc_id":"in.ndjson:2","n":1,"text":"이름 없는 문서다."}'
}

@test "--explode --offsets adds each sentence's span" {
	printf '%s\n' '{"id":"d","text":"가나. 다라."}' > in.ndjson
	run --separate-stderr sift-segment --explode --offsets in.ndjson
	assert_success
	assert_line --index 1 '{"id":"d#2","doc_id":"d","n":2,"text":"다라.","span":[4,7]}'
}

@test "--explode keeps memory flat however large the input" {
	skip_if_slow
	command -v /usr/bin/time >/dev/null || skip "no /usr/bin/time"
	# AddressSanitizer keeps freed memory in quarantine: RSS means nothing
	[ -z "${ASAN_OPTIONS:-}" ] || skip "resident memory is not meaningful under ASan"
	make_big_line 200000 one.ndjson
	for i in $(seq 1 200); do cat one.ndjson; done > many.ndjson
	/usr/bin/time -f %M -o small.rss sift-segment --explode one.ndjson > /dev/null
	/usr/bin/time -f %M -o big.rss sift-segment --explode many.ndjson > /dev/null
	small=$(tail -n1 small.rss)
	big=$(tail -n1 big.rss)
	# 200 times the input, at most 2 MB more resident memory
	[ "$big" -lt $((small + 2048)) ] || fail "RSS $small KB for 1 record, $big KB for 200"
}

@test "a line break ends a sentence; --no-line-breaks joins wrapped lines" {
	run sentences_of $'The report was published\non Monday. It is long.'
	assert_output '["The report was published","on Monday.","It is long."]'
	run sentences_of $'The report was published\non Monday. It is long.' --no-line-breaks
	assert_output '["The report was published\non Monday.","It is long."]'
}

@test "--no-line-breaks still ends a paragraph at a blank line" {
	run sentences_of $'Headline without a period\n\nThe body starts here.' --no-line-breaks
	assert_output '["Headline without a period","The body starts here."]'
}

@test "Korean endings end sentences without punctuation unless --no-ko-endings" {
	run sentences_of "정말 맛있었어요 다음에 또 갈게요"
	assert_output '["정말 맛있었어요","다음에 또 갈게요"]'
	run sentences_of "정말 맛있었어요 다음에 또 갈게요" --no-ko-endings
	assert_output '["정말 맛있었어요 다음에 또 갈게요"]'
}

@test "Korean news: glued sentences split, quotes with periods stay whole" {
	run sentences_of '수출이 두 배로 늘었다.이에 따라 김 대표는 "쉽지 않다. 다만 최선을 다하겠다"고 했다. 회의는 끝났다.'
	assert_output '["수출이 두 배로 늘었다.","이에 따라 김 대표는 \"쉽지 않다. 다만 최선을 다하겠다\"고 했다.","회의는 끝났다."]'
}

@test "numbers, versions, abbreviations, URLs and e-mails are not cut" {
	run sentences_of '매출은 2.5배, 시행은 2024.03.14, 모델은 GPT-4.1과 v2.0이다. Dr. Kim moved to the U.S. in May. 문의: help@example.co.kr 또는 https://example.co.kr/a.b?c=1 참고.'
	assert_output '["매출은 2.5배, 시행은 2024.03.14, 모델은 GPT-4.1과 v2.0이다.","Dr. Kim moved to the U.S. in May.","문의: help@example.co.kr 또는 https://example.co.kr/a.b?c=1 참고."]'
}

@test "--progress reports the number of sentences at the end" {
	printf '%s\n' '{"id":"a","text":"하나다. 둘이다."}' '{"id":"b","text":"셋이다."}' > in.ndjson
	run --separate-stderr sift-segment --progress in.ndjson
	assert_success
	[[ "$stderr" == *"sift-segment: 3 sentences"* ]] || fail "stderr: $stderr"
}

@test "output is deterministic" {
	make_big_line 50000 big.ndjson
	a=$(sift-segment big.ndjson | md5sum)
	b=$(sift-segment big.ndjson | md5sum)
	[ "$a" = "$b" ]
}

@test "a reader that quits early ends the run quietly" {
	skip_if_slow
	make_big_line 100000 one.ndjson
	for i in $(seq 1 300); do cat one.ndjson; done > big.ndjson
	run --separate-stderr sh -c 'sift-segment big.ndjson | head -n1 | wc -l'
	assert_output "1"
	[ -z "$stderr" ]
}

@test "our development set of invented Korean news scores F1 >= 0.98" {
	command -v python3 >/dev/null || skip "python3 is needed by scripts/eval-segment"
	run eval-segment -s ko-news-dev
	assert_success
	f1=$(echo "$output" | awk '/^ko-news-dev/ { print $11; exit }')
	awk -v f="$f1" 'BEGIN { exit !(f >= 0.98) }' || fail "sentence F1 $f1"
}

@test "the English Golden Rules pass (when the shared data is present)" {
	command -v python3 >/dev/null || skip "python3 is needed by scripts/eval-segment"
	[ -f "$SHARED_DATA/sentseg_golden_rules_pysbd/en_golden_rules.ndjson" ] || skip "no shared data"
	run env SIFT_SHARED_DATA="$SHARED_DATA" eval-segment -s golden
	assert_success
	assert_output --partial "48/48 cases pass"
}

@test "the Kiwi/Kss benchmark stays above Kiwi's published EM and F1 (when present)" {
	command -v python3 >/dev/null || skip "python3 is needed by scripts/eval-segment"
	[ -f "$SHARED_DATA/ko_sentseg_kiwi_kss/ko_sentseg.ndjson" ] || skip "no shared data"
	run env SIFT_SHARED_DATA="$SHARED_DATA" eval-segment -s kiwi
	assert_success
	em=$(echo "$output" | awk '/^kiwi \(all\)/ { print $(NF-1); exit }')
	f1=$(echo "$output" | awk '/^kiwi \(all\)/ { print $NF; exit }')
	awk -v e="$em" -v f="$f1" 'BEGIN { exit !(e > 0.798 && f > 0.919) }' ||
	    fail "kiwi EM $em F1 $f1"
}
