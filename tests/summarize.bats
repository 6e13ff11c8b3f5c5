#!/usr/bin/env bats
# sift-summarize: extractive summaries per record and digests per group.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	cp "$FIXTURES"/summarize/news.ndjson "$FIXTURES"/summarize/cluster.ndjson .
}

# summary_of ID FILE: the summary of record ID as one sentence per line
summary_of() {
	jq -r --arg id "$1" 'select(.id == $id) | .summary[]' "$2"
}

@test "--help prints the man page verbatim to stdout" {
	run --separate-stderr sift-summarize --help
	assert_success
	[ -z "$stderr" ]
	diff -u "$FIXTURES/summarize/help.txt" <(printf '%s\n' "$output")
}

@test "--help documents every long option it accepts" {
	run sift-summarize --help
	for opt in --sentences --ratio --max-chars --group-by --lead-weight \
	    --redundancy --field --id-field --output --on-error --progress \
	    --unbuffered --version; do
		assert_output --partial -- "$opt"
	done
}

@test "--version names the program and the project" {
	run sift-summarize --version
	assert_success
	assert_output "sift-summarize (sift) 0.1.0"
}

@test "a bad option is a usage error with the synopsis and exit 2" {
	run --separate-stderr sift-summarize --bogus
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == *"usage: sift-summarize"* ]]
	[[ "$stderr" == *"Try 'sift-summarize --help'."* ]]
}

@test "bad option values are usage errors" {
	run --separate-stderr sift-summarize -n x news.ndjson
	[ "$status" -eq 2 ]
	run --separate-stderr sift-summarize --ratio 1.5 news.ndjson
	[ "$status" -eq 2 ]
	run --separate-stderr sift-summarize --ratio 0 news.ndjson
	[ "$status" -eq 2 ]
	run --separate-stderr sift-summarize --lead-weight 2 news.ndjson
	[ "$status" -eq 2 ]
	run --separate-stderr sift-summarize --redundancy 0 news.ndjson
	[ "$status" -eq 2 ]
	run --separate-stderr sift-summarize --max-chars -3 news.ndjson
	[ "$status" -eq 2 ]
}

@test "-n and --ratio exclude each other, and -n 0 needs --max-chars" {
	run --separate-stderr sift-summarize -n 2 --ratio 0.5 news.ndjson
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"-n and --ratio exclude each other"* ]]
	run --separate-stderr sift-summarize -n 0 news.ndjson
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"-n 0 needs --max-chars"* ]]
}

@test "every record comes out once, in order, with summary added at the end" {
	run --separate-stderr sift-summarize news.ndjson
	assert_success
	[ -z "$stderr" ]
	assert_valid_ndjson <(printf '%s\n' "$output")
	assert_equal "$(printf '%s\n' "$output" | jq -r .id | tr '\n' ' ')" "ko-ev en-solar pre-split "
	assert_equal "$(printf '%s\n' "$output" | head -1 | jq -c keys_unsorted)" '["id","source","lang","text","meta","summary"]'
}

@test "fields the filter does not own pass through byte for byte" {
	sift-summarize news.ndjson > out.ndjson
	# each output line is its input line with "summary" appended
	paste -d '\n' news.ndjson out.ndjson | while IFS= read -r in && IFS= read -r out; do
		case "$in" in *'"text"'*|*'"sentences"'*) ;; *) continue ;; esac
		[ "${out#"${in%\}}"}" != "$out" ] || fail "changed: $in"
		[[ "${out#"${in%\}}"}" == ',"summary":['*']}' ]] || fail "tail: $out"
	done
}

@test "a record without the text field is a bad record; --on-error=pass keeps it" {
	printf '{"id":"no-text","meta":{"title":"본문 없음"}}\n' > nt.ndjson
	run --separate-stderr sift-summarize nt.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == 'sift-summarize: nt.ndjson:1: missing field "text"' ]]
	run --separate-stderr sift-summarize --on-error=pass nt.ndjson
	assert_output "$(cat nt.ndjson)"
}

@test "the summary holds three body sentences of the article, in document order" {
	sift-summarize news.ndjson > out.ndjson
	summary_of ko-ev out.ndjson > got
	assert_equal "$(wc -l < got)" 3
	# every summary sentence is a sentence of the text, in the text's order
	text=$(jq -r 'select(.id == "ko-ev") | .text' news.ndjson)
	prev=-1
	while IFS= read -r s; do
		rest=${text%%"$s"*}
		[ "$rest" != "$text" ] || fail "not in the text: $s"
		[ "${#rest}" -gt "$prev" ] || fail "out of order: $s"
		prev=${#rest}
	done < got
	# the headline (first line) is not chosen
	! grep -qF "전기차 급속충전 요금 다음 달부터 kWh당 20원 오른다" got
}

@test "questions, bylines and captions are not summary sentences" {
	sift-summarize -n 6 news.ndjson > out.ndjson
	summary_of en-solar out.ndjson > got
	assert_equal "$(wc -l < got)" 6
	! grep -q '?' got
	! grep -q 'By Sam Ortega' got
	! grep -q '^Harbor city approves' got
}

@test "questions and headlines are used when nothing else is there" {
	printf '%s\n' '{"id":"q","text":"배터리 공장 건설 본격화\n공장은 언제 완공될까?"}' > q.ndjson
	run --separate-stderr sift-summarize q.ndjson
	assert_success
	assert_output '{"id":"q","text":"배터리 공장 건설 본격화\n공장은 언제 완공될까?","summary":["배터리 공장 건설 본격화","공장은 언제 완공될까?"]}'
}

@test "the sentences array is used when present instead of segmenting the text" {
	sift-summarize -n 2 news.ndjson > out.ndjson
	summary_of pre-split out.ndjson > got
	assert_equal "$(wc -l < got)" 2
	! grep -q '쓰이지 않는다' got
	grep -qx '두 번째 문장도 미리 나누어 둔 문장이며 요약에 쓰인다.' got
}

@test "-n sets the number of sentences and --ratio a share of them" {
	sift-summarize -n 1 news.ndjson > one.ndjson
	assert_equal "$(summary_of en-solar one.ndjson | wc -l)" 1
	# 10 sentences in the English text: ceil(0.5 * 10) = 5
	sift-summarize --ratio 0.5 news.ndjson > half.ndjson
	assert_equal "$(summary_of en-solar half.ndjson | wc -l)" 5
	assert_equal "$(summary_of pre-split half.ndjson | wc -l)" 2
}

@test "--max-chars bounds the characters of every summary" {
	sift-summarize -n 0 --max-chars 150 news.ndjson > out.ndjson
	run jq -r 'select(.summary) | [.summary[] | length] | add // 0' out.ndjson
	for n in $output; do
		[ "$n" -le 150 ] || fail "summary of $n characters"
	done
	# the budget is used, not left empty
	[ "$(summary_of ko-ev out.ndjson | wc -l)" -ge 1 ]
	# with -n too, both limits hold
	sift-summarize -n 1 --max-chars 1000 news.ndjson > out2.ndjson
	assert_equal "$(summary_of ko-ev out2.ndjson | wc -l)" 1
}

@test "--field summarizes another string field" {
	printf '%s\n' '{"id":"f","body":"세종시가 내년부터 시내버스 요금을 1500원으로 올린다. 시는 적자가 커졌다고 밝혔다.","text":"무시된다."}' > f.ndjson
	run --separate-stderr sift-summarize -n 1 --field body f.ndjson
	assert_success
	assert_output --partial '"summary":["세종시가 내년부터 시내버스 요금을 1500원으로 올린다."]'
}

@test "a text field that is not a string is an error with its position" {
	printf '%s\n' '{"id":"a","text":"좋은 문장이다."}' '{"id":"b","text":42}' > bad.ndjson
	run --separate-stderr sift-summarize bad.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"sift-summarize: bad.ndjson:2: field \"text\" is not a string"* ]]
	run --separate-stderr sift-summarize --on-error=skip bad.ndjson
	[ "$status" -eq 0 ]
	assert_equal "${#lines[@]}" 1
	run --separate-stderr sift-summarize --on-error=pass bad.ndjson
	assert_line --index 1 '{"id":"b","text":42}'
}

@test "a sentences member that is not an array of strings is an error" {
	printf '%s\n' '{"id":"s","sentences":["a", 1]}' > s.ndjson
	run --separate-stderr sift-summarize s.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"s.ndjson:1: field 'sentences' is not an array of strings"* ]]
}

@test "invalid JSON stops with file, line and column" {
	printf '%s\n' '{"id":"a","text":"문장이다."}' '{"id":' > broken.ndjson
	run --separate-stderr sift-summarize broken.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"sift-summarize: broken.ndjson:2:"*"invalid JSON"* ]]
}

@test "stdin, '-' and a file give the same output; empty input gives none" {
	sift-summarize news.ndjson > a
	sift-summarize < news.ndjson > b
	sift-summarize - < news.ndjson > c
	cmp a b
	cmp a c
	run --separate-stderr sift-summarize < /dev/null
	assert_success
	assert_output ""
}

@test "a last line without a newline, a gzip file and blank lines are handled" {
	printf '\n%s' '{"id":"x","text":"마지막 줄에는 줄바꿈이 없다."}' > nonl.ndjson
	run --separate-stderr sift-summarize nonl.ndjson
	assert_success
	assert_output '{"id":"x","text":"마지막 줄에는 줄바꿈이 없다.","summary":["마지막 줄에는 줄바꿈이 없다."]}'
	gzip -c news.ndjson > news.ndjson.gz
	sift-summarize news.ndjson > plain
	sift-summarize news.ndjson.gz > fromgz
	cmp plain fromgz
}

@test "invalid UTF-8 is repaired, counted and summarized" {
	printf '{"id":"u","text":"\xff깨진 바이트가 있는 문장이다."}\n' > u.ndjson
	run --separate-stderr sift-summarize u.ndjson
	assert_success
	assert_output --partial '"summary":["�깨진 바이트가 있는 문장이다."]'
	[[ "$stderr" == *"repaired 1 invalid UTF-8 sequence"* ]]
}

@test "an embedded NUL byte is a data error naming the line" {
	printf '{"id":"n","text":"a\0b"}\n' > nul.ndjson
	run --separate-stderr sift-summarize nul.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"nul.ndjson:1:"* ]]
}

@test "-o writes the output to a file, gzip when it ends in .gz" {
	sift-summarize -o out.ndjson.gz news.ndjson
	sift-summarize news.ndjson > want
	gzip -dc out.ndjson.gz > got
	cmp want got
}

@test "output is deterministic and -u does not change it" {
	sift-summarize news.ndjson cluster.ndjson > a
	sift-summarize -u news.ndjson cluster.ndjson > b
	sift-summarize news.ndjson cluster.ndjson > c
	cmp a b
	cmp a c
}

@test "a large record is summarized and head -n1 ends the pipe quietly" {
	make_big_line 2000000 big.ndjson
	for i in 1 2 3; do cat big.ndjson; done > three.ndjson
	run --separate-stderr sh -c 'sift-summarize three.ndjson | head -n1 | jq -r .id'
	assert_success
	assert_output big
	[ -z "$stderr" ]
}

@test "--progress reports the records read and written" {
	run --separate-stderr sift-summarize --progress news.ndjson
	assert_success
	[[ "$stderr" == *"3 records in, 3 records out"* ]]
}

@test "the lead weight decides between the lead and the most central sentence" {
	printf '%s\n' '{"id":"w","text":"올여름 장마는 예년보다 일주일 일찍 시작될 것으로 예보되었으며 기상청은 대비를 당부했다. 부산 시내버스 노사가 임금 협상을 타결해 버스 파업을 피했다. 버스 노사는 임금 4.5% 인상과 정년 연장에 합의해 버스 운행이 이어졌다. 시내버스 임금 협상 타결로 부산시의 버스 재정 지원은 늘어난다."}' > w.ndjson
	run sift-summarize -n 1 --lead-weight 1 w.ndjson
	assert_output --partial '"summary":["올여름 장마는'
	run sift-summarize -n 1 --lead-weight 0 w.ndjson
	refute_output --partial '"summary":["올여름 장마는'
}

@test "--redundancy decides when two sentences say the same thing" {
	printf '%s\n' '{"id":"r","text":"한빛에너지가 충북 음성군에 차세대 배터리 공장을 짓는다. 한빛에너지는 충북 음성군에 차세대 배터리 공장을 세우기로 했다. 음성군은 인허가 절차를 서두르기로 했다."}' > r.ndjson
	run sift-summarize -n 3 r.ndjson
	assert_equal "$(printf '%s\n' "$output" | jq '.summary | length')" 2
	run sift-summarize -n 3 --redundancy 1 r.ndjson
	assert_equal "$(printf '%s\n' "$output" | jq '.summary | length')" 3
}

@test "--group-by writes one digest per group, in order of first appearance" {
	run --separate-stderr sift-summarize --group-by cluster cluster.ndjson
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_valid_ndjson <(printf '%s\n' "$output")
	assert_equal "$(printf '%s\n' "$output" | head -1 | jq -c keys_unsorted)" '["group","ids","summary","sources","members"]'
	assert_equal "$(printf '%s\n' "$output" | jq -c '[.group, .members]' | tr '\n' ' ')" '["hanbit-0412",4] ["boryeong-88",1] '
	# members need not be adjacent: all four ids are collected
	assert_equal "$(printf '%s\n' "$output" | head -1 | jq -c .ids)" '["hanbit-0412","nuri-77","donghae-5","donghae-6"]'
	assert_equal "$(printf '%s\n' "$output" | head -1 | jq '.sources | length')" 4
}

@test "a digest never tells a fact twice, however many outlets report it" {
	for n in 3 5 8; do
		sift-summarize -n "$n" --group-by cluster cluster.ndjson > out.ndjson
		jq -r 'select(.group == "hanbit-0412") | .summary[]' out.ndjson > got
		[ -s got ] || fail "empty digest"
		for fact in 38% 1200명 21% 2026년 4만6500원; do
			c=$(grep -c -- "$fact" got || true)
			[ "$c" -le 1 ] || fail "-n $n: '$fact' told $c times"
		done
		# the syndicated copy adds no sentence of its own
		[ "$(sort got | uniq -d | wc -l)" -eq 0 ]
	done
}

@test "a digest draws on several outlets, leads first" {
	sift-summarize -n 3 --group-by cluster cluster.ndjson > out.ndjson
	jq -r 'select(.group == "hanbit-0412") | .summary[]' out.ndjson > got
	head -1 got | grep -q '38% 낮추는'
	grep -q '21% 오른' got
}

@test "records without the group field are groups of their own" {
	run --separate-stderr sift-summarize --group-by story news.ndjson
	assert_success
	assert_equal "$(printf '%s\n' "$output" | jq -c '[.group, .ids, .members]' | tr '\n' ' ')" '["ko-ev",["ko-ev"],1] ["en-solar",["en-solar"],1] ["pre-split",["pre-split"],1] '
}

@test "a null group value is a group of its own, not a group named null" {
	printf '%s\n' '{"id":"a","cluster":null,"text":"첫째 기사의 문장이다."}' '{"id":"b","cluster":null,"text":"둘째 기사의 문장이다."}' > n.ndjson
	run --separate-stderr sift-summarize --group-by cluster n.ndjson
	assert_success
	assert_equal "$(printf '%s\n' "$output" | jq -c '[.group, .members]' | tr '\n' ' ')" '["a",1] ["b",1] '
}

@test "--id-field names the ids a digest lists" {
	jq -c '{key: .id, cluster, text}' cluster.ndjson > keyed.ndjson
	run --separate-stderr sift-summarize --group-by cluster --id-field key keyed.ndjson
	assert_success
	assert_equal "$(printf '%s\n' "$output" | head -1 | jq -c .ids)" '["hanbit-0412","nuri-77","donghae-5","donghae-6"]'
	assert_equal "$(printf '%s\n' "$output" | head -1 | jq -c .sources)" '[]'
}

@test "golden cases" {
	run_cases sift-summarize
}
