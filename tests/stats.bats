#!/usr/bin/env bats
# sift-stats: one summary object (or table, or chart) for a whole stream.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	cp "$FIXTURES"/stats/stream.ndjson .
}

@test "--help prints the man page verbatim to stdout" {
	run --separate-stderr sift-stats --help
	assert_success
	[ -z "$stderr" ]
	diff -u "$FIXTURES/stats/help.txt" <(printf '%s\n' "$output")
}

@test "--version names the program and the project" {
	run sift-stats --version
	assert_success
	assert_output "sift-stats (sift) 0.1.0"
}

@test "bad options and values are usage errors with exit 2" {
	run --separate-stderr sift-stats --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"usage: sift-stats"* ]]
	[[ "$stderr" == *"Try 'sift-stats --help'."* ]]
	run --separate-stderr sift-stats --top 0 stream.ndjson
	[ "$status" -eq 2 ]
	run --separate-stderr sift-stats --on-error=pass stream.ndjson
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"passes no records"* ]]
}

@test "a stream becomes exactly one JSON object and no record" {
	run --separate-stderr sift-stats stream.ndjson
	assert_success
	[ -z "$stderr" ]
	assert_equal "${#lines[@]}" 1
	assert_equal "$(printf '%s\n' "$output" | jq -r 'type')" object
	assert_equal "$(printf '%s\n' "$output" | jq -c 'keys_unsorted')" '["records","bytes","records_without_text","text_bytes","characters","sentences","records_with_sentences","length_chars","sentence_chars","scripts","duplicates","clusters","entities","errors","utf8_repairs","replacement_chars"]'
}

@test "counts agree with jq over the same stream" {
	run sift-stats stream.ndjson
	s=$output
	assert_equal "$(jq .records <<<"$s")" "$(grep -c . stream.ndjson)"
	assert_equal "$(jq .bytes <<<"$s")" "$(grep . stream.ndjson | wc -c)"
	assert_equal "$(jq .characters <<<"$s")" "$(jq -s '[.[].text | strings | length] | add' stream.ndjson)"
	assert_equal "$(jq .records_without_text <<<"$s")" "$(jq -s '[.[] | select(.text | type != "string")] | length' stream.ndjson)"
	assert_equal "$(jq .length_chars.min <<<"$s")" "$(jq -s '[.[].text | strings | length] | min' stream.ndjson)"
	assert_equal "$(jq .length_chars.max <<<"$s")" "$(jq -s '[.[].text | strings | length] | max' stream.ndjson)"
	assert_equal "$(jq .length_chars.p50 <<<"$s")" 20
	assert_equal "$(jq .sentences <<<"$s")" "$(jq -s '[.[].sentences | arrays | length] | add' stream.ndjson)"
	assert_equal "$(jq .errors <<<"$s")" 1
}

@test "the script mix counts letters of each script" {
	run sift-stats stream.ndjson
	assert_equal "$(jq -c '[.scripts[] | .letters]' <<<"$output")" '[37,24,2,8,10,0]'
	assert_equal "$(jq -c '[.scripts | keys_unsorted[]]' <<<"$output")" '["hangul","latin","han","kana","cyrillic","other"]'
	assert_equal "$(jq '[.scripts[] | .share] | add | . * 100 | round' <<<"$output")" 100
}

@test "duplicates and clusters are reported only when the stream has them" {
	run sift-stats stream.ndjson
	assert_equal "$(jq .duplicates <<<"$output")" 2
	assert_equal "$(jq -c .clusters <<<"$output")" '{"records":5,"distinct":3,"multi_member":2,"estimated":false}'
	jq -c 'del(.dup_of, .cluster, .entities)' stream.ndjson > plain.ndjson
	run sift-stats plain.ndjson
	assert_equal "$(jq -c '[has("duplicates"), has("clusters"), has("entities")]' <<<"$output")" '[false,false,false]'
}

@test "top people, orgs and keywords come from entities; --top limits them" {
	run sift-stats stream.ndjson
	assert_equal "$(jq -c .entities.people <<<"$output")" '[{"name":"홍길동","count":2},{"name":"김서연","count":1}]'
	assert_equal "$(jq -c '.entities.orgs[0]' <<<"$output")" '{"name":"한빛전자","count":2}'
	assert_equal "$(jq -c '.entities.keywords[0]' <<<"$output")" '{"term":"배터리","count":2}'
	run sift-stats -t 1 stream.ndjson
	assert_equal "$(jq -c '[.entities.people, .entities.orgs, .entities.keywords] | map(length)' <<<"$output")" '[1,1,1]'
}

@test "top lists agree with counting the names in jq" {
	for k in people:name orgs:name keywords:term; do
		l=${k%%:*}
		f=${k##*:}
		want=$(jq -c -s --arg l "$l" --arg f "$f" '[.[] | .entities[$l][]? |
		    if type == "object" then .[$f] else . end | strings] | group_by(.) |
		    map({($f): .[0], count: length}) | sort_by(-.count, .[$f]) | .[:10]' stream.ndjson)
		got=$(sift-stats stream.ndjson | jq -c --arg l "$l" '.entities[$l]')
		assert_equal "$got" "$want"
	done
}

@test "percentiles of many records are within the stated 3.2%" {
	awk 'BEGIN { for (i = 1; i <= 1000; i++) { s = ""; for (j = 0; j < i; j++) s = s "a"; printf "{\"text\":\"%s\"}\n", s } }' > lens.ndjson
	run sift-stats lens.ndjson
	for q in 50:500 90:900 99:990; do
		got=$(jq ".length_chars.p${q%%:*}" <<<"$output")
		want=${q##*:}
		[ "$((got * 1000))" -ge "$((want * 968))" ] && [ "$((got * 1000))" -le "$((want * 1032))" ] ||
		    fail "p${q%%:*} = $got, want $want +- 3.2%"
	done
	assert_equal "$(jq -c '[.length_chars.min, .length_chars.max]' <<<"$output")" '[1,1000]'
}

@test "sentences come from arrays, and from the segmenter with --segment" {
	run sift-stats stream.ndjson
	assert_equal "$(jq -c '[.sentences, .records_with_sentences]' <<<"$output")" '[2,1]'
	run sift-stats --segment stream.ndjson
	assert_equal "$(jq -c '[.sentences, .records_with_sentences]' <<<"$output")" '[7,5]'
	# a stream with no sentence arrays says it did not count them
	jq -c 'del(.sentences)' stream.ndjson > raw.ndjson
	run sift-stats raw.ndjson
	assert_equal "$(jq -c '[.sentences, .sentence_chars]' <<<"$output")" '[null,null]'
	run sift-stats --human raw.ndjson
	assert_line --partial 'not counted'
}

@test "--field counts another string field" {
	printf '%s\n' '{"id":"a","text":"무시","body":"한국어와 English"}' > f.ndjson
	run sift-stats --field body f.ndjson
	assert_equal "$(jq -c '[.characters, .scripts.hangul.letters, .scripts.latin.letters]' <<<"$output")" '[12,4,7]'
}

@test "invalid UTF-8 is repaired and counted, U+FFFD in text counted too" {
	printf '{"id":"u","text":"\xff\xfe 깨진"}\n{"id":"v","text":"이미 \xef\xbf\xbd 있음"}\n' > u.ndjson
	run --separate-stderr sift-stats u.ndjson
	assert_success
	assert_equal "$(jq -c '[.utf8_repairs, .replacement_chars]' <<<"$output")" '[2,3]'
	[[ "$stderr" == *"repaired 2 invalid UTF-8 sequences"* ]]
}

@test "invalid JSON stops with the position; --on-error=skip still summarizes" {
	printf '%s\n' '{"id":"a","text":"좋다."}' 'not json' '{"id":"b","text":"좋다."}' > bad.ndjson
	run --separate-stderr sift-stats bad.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"sift-stats: bad.ndjson:2:1: invalid JSON"* ]]
	run --separate-stderr sift-stats --on-error=skip bad.ndjson
	assert_success
	assert_equal "$(jq .records <<<"$output")" 2
	[[ "$stderr" == *"skipped 1 bad record"* ]]
}

@test "an embedded NUL is a data error naming the line" {
	printf '{"id":"n","text":"a\0b"}\n' > nul.ndjson
	run --separate-stderr sift-stats nul.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"nul.ndjson:1:"* ]]
}

@test "stdin, '-', gzip and a missing final newline all work; empty input gives zeros" {
	sift-stats stream.ndjson > a
	sift-stats < stream.ndjson > b
	gzip -c stream.ndjson > s.gz
	sift-stats - < s.gz > c
	printf '%s' "$(cat stream.ndjson)" > nonl.ndjson
	sift-stats nonl.ndjson > d
	cmp a b
	cmp a c
	cmp a d
	run --separate-stderr sift-stats < /dev/null
	assert_success
	assert_equal "$(jq -c '[.records, .characters, .length_chars.p50]' <<<"$output")" '[0,0,0]'
}

@test "--human prints an aligned table" {
	run --separate-stderr sift-stats --human stream.ndjson
	assert_success
	assert_line --index 0 "records                                   6"
	assert_line "  hangul                                 37   45.7%"
	assert_line "  홍길동                                  2"
	# every count ends in column 43, whatever the label's script
	bad=$(printf '%s\n' "$output" | grep -E '[0-9]$|%$' | grep -v '%$' |
	    while IFS= read -r l; do
		w=$(printf '%s\n' "$l" | wc -L)	# display columns: Hangul counts 2
		[ "$w" -eq 43 ] || echo "$l"
	done)
	[ -z "$bad" ] || fail "misaligned: $bad"
}

@test "--svg draws a standalone chart a browser can parse" {
	run --separate-stderr sift-stats --svg chart.svg stream.ndjson
	assert_success
	assert_equal "${#lines[@]}" 1
	xmllint --noout chart.svg
	grep -q '^<svg xmlns="http://www.w3.org/2000/svg"' chart.svg
	grep -q 'Record length' chart.svg
	grep -q 'hangul 45.7%' chart.svg
	[ "$(grep -c '<rect' chart.svg)" -ge 8 ]
	# an empty stream still gives a valid chart
	sift-stats --svg empty.svg < /dev/null > /dev/null
	xmllint --noout empty.svg
}

@test "--svg with an unwritable path fails before reading" {
	run --separate-stderr sift-stats --svg /nonexistent/dir/chart.svg stream.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"sift-stats:"*"/nonexistent/dir/chart.svg"* ]]
	[ -z "$output" ]
}

@test "-o writes the summary to a file" {
	sift-stats -o out.json stream.ndjson
	sift-stats stream.ndjson > want
	cmp want out.json
}

@test "a large stream is summarized and | head -n1 ends quietly" {
	make_big_line 3000000 big.ndjson
	run --separate-stderr sh -c 'cat big.ndjson big.ndjson | sift-stats | head -n1 | jq .records'
	assert_success
	assert_output 2
	[ -z "$stderr" ]
}

@test "golden cases" {
	run_cases sift-stats
}
