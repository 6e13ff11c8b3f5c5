#!/usr/bin/env bats
# sift-dedup: exact, near-duplicate and repeated-line deduplication, and
# the sharded map/reduce/apply flow (scripts/dedup-parallel).

load test_helper

NEWS="$FIXTURES/dedup/news.ndjson"
LABELS="$FIXTURES/dedup/labels.tsv"

# ids of the records written, one a line
ids() {
	jq -r '.id' "$@"
}

@test "sift-dedup --help prints the manual to stdout and exits 0" {
	run --separate-stderr sift-dedup --help
	assert_success
	assert_line --index 0 "NAME"
	assert_line "  sift-dedup [options] [file ...]"
	assert_line "  -t, --threshold T     estimated Jaccard to merge (default 0.4)"
	assert_output --partial "OPTIONS"
	assert_output --partial "EXIT STATUS"
	assert_output --partial "EXAMPLE"
	[ -z "$stderr" ]
}

@test "sift-dedup --version names the program and the project" {
	run sift-dedup --version
	assert_success
	assert_output --regexp '^sift-dedup \(sift\) [0-9]'
}

@test "an unknown option is a usage error with the synopsis and a hint" {
	run --separate-stderr sift-dedup --bogus
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == *"usage: sift-dedup"* ]]
	[[ "$stderr" == *"Try 'sift-dedup --help'."* ]]
}

@test "bad option values are usage errors" {
	for args in "--threshold 1.5" "--threshold x" "--keep last" "--shingle byte:3" \
	    "--shingle char:0" "--bands 4" "--rows 2" "--bands 64 --rows 4" \
	    "--lines 1" "--sentences" "--shard -1" "--emit-keys --clusters"; do
		run --separate-stderr sift-dedup $args
		[ "$status" -eq 2 ] || fail "$args: status $status"
		[[ "$stderr" == *"Try 'sift-dedup --help'."* ]] || fail "$args: $stderr"
	done
}

@test "golden cases" {
	run_cases sift-dedup
}

@test "empty input gives empty output" {
	run --separate-stderr sift-dedup </dev/null
	assert_success
	[ -z "$output" ]
	[ -z "$stderr" ]
}

@test "stdin, '-' and a file operand give the same output" {
	sift-dedup "$NEWS" >"$BATS_TEST_TMPDIR/a"
	sift-dedup <"$NEWS" >"$BATS_TEST_TMPDIR/b"
	sift-dedup - <"$NEWS" >"$BATS_TEST_TMPDIR/c"
	cmp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	cmp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/c"
}

@test "a gzip input and a last line without newline are read" {
	gzip -c "$NEWS" >"$BATS_TEST_TMPDIR/news.gz"
	sift-dedup "$NEWS" >"$BATS_TEST_TMPDIR/want"
	run --separate-stderr sift-dedup "$BATS_TEST_TMPDIR/news.gz"
	assert_success
	[ "$output" = "$(cat "$BATS_TEST_TMPDIR/want")" ]
	printf '%s' "$(cat "$NEWS")" >"$BATS_TEST_TMPDIR/nonl"
	run --separate-stderr sift-dedup "$BATS_TEST_TMPDIR/nonl"
	[ "$output" = "$(cat "$BATS_TEST_TMPDIR/want")" ]
}

@test "every copy of a story is dropped but the first, in stream order" {
	run --separate-stderr sift-dedup "$NEWS"
	assert_success
	assert_valid_ndjson <(echo "$output")
	# one record per story label
	[ "$(echo "$output" | wc -l)" -eq "$(tail -n +2 "$LABELS" | cut -f2 | sort -u | wc -l)" ]
	# the kept record of each story is the first one in the input
	first=$(ids "$NEWS" | while read -r id; do grep -P "^\Q$id\E\t" "$LABELS"; done |
	    awk -F'\t' '!seen[$2]++ { print $1 }')
	[ "$(echo "$output" | jq -r .id)" = "$first" ]
}

@test "independent articles about the same event are never merged" {
	run --separate-stderr sift-dedup --mark "$NEWS"
	assert_success
	for other in $(grep -o '^[a-z-]*-other-article' "$LABELS"); do
		c=$(echo "$output" | jq -r --arg id "$other" 'select(.id == $id) | .cluster')
		[ "$c" = "$other" ] || fail "$other merged into $c"
		n=$(echo "$output" | jq -r --arg c "$other" 'select(.cluster == $c) | .id' | wc -l)
		[ "$n" -eq 1 ] || fail "$other has $n members"
	done
}

@test "--mark keeps every record, passes fields through in order and annotates duplicates" {
	run --separate-stderr sift-dedup --mark "$NEWS"
	assert_success
	[ "$(echo "$output" | wc -l)" -eq "$(wc -l <"$NEWS")" ]
	# id and text first, as in the input; the new fields after them
	echo "$output" | jq -e -s 'all(keys_unsorted[0:3] == ["id", "text", "cluster"])' >/dev/null
	# duplicates name their kept record, whose cluster is itself
	echo "$output" | jq -e -s '
	    (map(select(.dup_of == null)) | all(.cluster == .id)) and
	    (map(select(.dup_of != null)) | all(.cluster == .dup_of and .similarity >= 0.4 and .similarity <= 1))' >/dev/null
	# an exact re-crawl is similar 1
	echo "$output" | jq -e -s 'map(select(.id == "ko-pharma-recrawl"))[0] |
	    .similarity == 1 and .dup_of == "ko-pharma-orig"' >/dev/null
}

@test "the output is the same on every run" {
	sift-dedup --mark "$NEWS" >"$BATS_TEST_TMPDIR/a"
	sift-dedup --mark "$NEWS" >"$BATS_TEST_TMPDIR/b"
	cmp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
}

@test "--exact merges only equal normalized texts and --loose folds case and punctuation" {
	printf '%s\n' '{"id":"a","text":"Seoul stocks rose 2%, led by chipmakers."}' \
	    '{"id":"b","text":"Seoul stocks rose 2%,  led by chipmakers. "}' \
	    '{"id":"c","text":"SEOUL STOCKS ROSE 2% LED BY CHIPMAKERS"}' \
	    '{"id":"d","text":"Seoul stocks rose 2%, led by chipmakers and banks."}' >"$BATS_TEST_TMPDIR/in"
	run sift-dedup --exact "$BATS_TEST_TMPDIR/in"
	[ "$(echo "$output" | jq -r .id | tr '\n' ' ')" = "a c d " ]
	run sift-dedup --exact --loose "$BATS_TEST_TMPDIR/in"
	[ "$(echo "$output" | jq -r .id | tr '\n' ' ')" = "a d " ]
}

@test "--keep longest keeps the longest record of each cluster in its place" {
	run --separate-stderr sift-dedup --keep longest "$NEWS"
	assert_success
	# ko-pharma-edited is the longest ko-pharma copy (longer rewritten sentences)
	echo "$output" | jq -e -s 'map(.id) | index("ko-pharma-edited") != null and index("ko-pharma-orig") == null' >/dev/null
	# order of the kept records follows the input
	[ "$(echo "$output" | jq -r .id)" = "$(ids "$NEWS" | grep -Fx -f <(echo "$output" | jq -r .id))" ]
}

@test "--threshold, --bands and --rows change what counts as a near duplicate" {
	all=$(sift-dedup "$NEWS" | wc -l)
	strict=$(sift-dedup -t 0.95 "$NEWS" | wc -l)
	[ "$strict" -gt "$all" ]
	# one band of all 128 rows: only identical signatures are candidates
	one=$(sift-dedup --bands 1 --rows 128 "$NEWS" | wc -l)
	[ "$one" -gt "$all" ]
	many=$(sift-dedup --bands 32 --rows 1 "$NEWS" | wc -l)
	[ "$many" -eq "$all" ]
}

@test "--shingle word:3 also finds the copies" {
	run --separate-stderr sift-dedup --shingle word:3 --mark "$NEWS"
	assert_success
	echo "$output" | jq -e -s 'map(select(.id == "en-council-edited"))[0] | .dup_of != null' >/dev/null
	# word shingles give other similarities than character shingles
	a=$(echo "$output" | jq -r 'select(.id == "ko-rain-edited") | .similarity')
	b=$(sift-dedup --mark "$NEWS" | jq -r 'select(.id == "ko-rain-edited") | .similarity')
	[ "$a" != "$b" ]
}

@test "--transitive merges two clusters that one record resembles" {
	# c shares half its sentences with a and half with b
	s() { printf '이번 조사에서 %s번째 항목은 작년보다 %s%% 늘어난 것으로 나타났다. ' "$1" "$(( $1 * 7 ))"; }
	a=$(for i in 1 2 3 4 5 6; do s $i; done)
	b=$(for i in 7 8 9 10 11 12; do s $i; done)
	c=$(for i in 3 4 5 6 7 8 9 10; do s $i; done)
	printf '{"id":"a","text":"%s"}\n{"id":"b","text":"%s"}\n{"id":"c","text":"%s"}\n' "$a" "$b" "$c" >"$BATS_TEST_TMPDIR/in"
	run sift-dedup -t 0.3 "$BATS_TEST_TMPDIR/in"
	[ "$(echo "$output" | jq -r .id | tr '\n' ' ')" = "a b " ]
	run sift-dedup -t 0.3 --transitive "$BATS_TEST_TMPDIR/in"
	[ "$(echo "$output" | jq -r .id | tr '\n' ' ')" = "a " ]
}

@test "--lines removes lines repeated in N kept records and counts them" {
	run --separate-stderr sift-dedup --lines 3 --progress "$TOP/tests/cases/sift-dedup/lines/input.ndjson"
	assert_success
	! echo "$output" | grep -q '한빛일보 | 전체메뉴'
	[[ "$stderr" == *"lines dropped"* ]]
	[[ "$stderr" == *"boilerplate lines found"* ]]
	# with 5 the copies of p0 count once, so nothing is boilerplate
	run sift-dedup --lines 5 "$TOP/tests/cases/sift-dedup/lines/input.ndjson"
	[ "$(echo "$output" | grep -c '한빛일보 | 전체메뉴')" -eq 4 ]
}

@test "--lines --sentences removes sentences and their spans" {
	printf '%s\n' \
	    '{"id":"a","sentences":["구독하기","첫 기사입니다."],"spans":[[0,4],[5,12]]}' \
	    '{"id":"b","sentences":["구독하기","둘째 기사입니다."],"spans":[[0,4],[5,13]]}' \
	    '{"id":"c","sentences":["셋째 기사입니다.","구독하기"]}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr sift-dedup --lines 3 --sentences "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_line --index 0 '{"id":"a","sentences":["첫 기사입니다."],"spans":[[5,12]]}'
	assert_line --index 2 '{"id":"c","sentences":["셋째 기사입니다."]}'
}

@test "--field and --id-field are honoured" {
	printf '%s\n' '{"key":"1","body":"같은 본문입니다 정말로 같은 본문","text":"x"}' \
	    '{"key":"2","body":"같은 본문입니다 정말로 같은 본문","text":"y"}' >"$BATS_TEST_TMPDIR/in"
	run sift-dedup --field body --id-field key --mark "$BATS_TEST_TMPDIR/in"
	assert_line --index 1 '{"key":"2","body":"같은 본문입니다 정말로 같은 본문","text":"y","cluster":"1","dup_of":"1","similarity":1.00}'
	run sift-dedup "$BATS_TEST_TMPDIR/in"
	[ "$(echo "$output" | wc -l)" -eq 2 ]
}

@test "invalid JSON stops with the position; --on-error=skip goes on" {
	printf '%s\n' '{"id":"a","text":"가나다라마"}' '{"id":"b","text":' '{"id":"c","text":"가나다라마"}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr sift-dedup "$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "sift-dedup: $BATS_TEST_TMPDIR/in:2:"* ]]
	run --separate-stderr sift-dedup --on-error=skip "$BATS_TEST_TMPDIR/in"
	[ "$(echo "$output" | jq -r .id)" = "a" ]
	[[ "$stderr" == *"$BATS_TEST_TMPDIR/in:2:"* ]]
}

@test "invalid UTF-8 and an escaped NUL are handled" {
	printf '{"id":"a","text":"\xff\xfe 가나다"}\n{"id":"b","text":"a\\u0000b"}\n' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr sift-dedup --on-error=skip "$BATS_TEST_TMPDIR/in"
	[ "$(echo "$output" | head -1 | jq -r .id)" = "a" ]
	[[ "$stderr" == *"$BATS_TEST_TMPDIR/in:2"* ]]
}

@test "-o writes the output to a file, gzip for .gz" {
	run sift-dedup -o "$BATS_TEST_TMPDIR/out.gz" "$NEWS"
	assert_success
	[ -z "$output" ]
	[ "$(gzip -dc "$BATS_TEST_TMPDIR/out.gz")" = "$(sift-dedup "$NEWS")" ]
}

@test "a reader that quits early ends the run quietly" {
	skip_if_slow
	make_big_line 100000 "$BATS_TEST_TMPDIR/one"
	for i in $(seq 200); do sed "s/\"big\"/\"big$i\"/" "$BATS_TEST_TMPDIR/one"; done >"$BATS_TEST_TMPDIR/big"
	cat "$NEWS" "$NEWS" "$NEWS" >>"$BATS_TEST_TMPDIR/big"
	for opts in "" "--mark"; do
		sift-dedup $opts "$BATS_TEST_TMPDIR/big" 2>"$BATS_TEST_TMPDIR/err" | head -n1 >/dev/null
		[ ! -s "$BATS_TEST_TMPDIR/err" ] || fail "$opts: $(cat "$BATS_TEST_TMPDIR/err")"
	done
}

@test "--progress reports duplicates and the index size" {
	run --separate-stderr sift-dedup --progress "$NEWS"
	assert_success
	[[ "$stderr" == *"duplicates dropped"* ]]
	[[ "$stderr" == *"index bytes per record"* ]]
}

@test "map, sort, reduce and apply by hand give the single-process output" {
	opts="--mark --lines 3"
	split -l 20 "$NEWS" "$BATS_TEST_TMPDIR/part."
	s=1
	for p in "$BATS_TEST_TMPDIR"/part.*; do
		sift-dedup --emit-keys --shard $s $opts "$p"
		s=$((s + 1))
	done | LC_ALL=C sort >"$BATS_TEST_TMPDIR/keys"
	# key lines: ordinal, length, exact hash, bands, signature, lines, id
	[ "$(head -1 "$BATS_TEST_TMPDIR/keys" | awk -F'\t' '{ print NF }')" -eq 7 ]
	sift-dedup --clusters $opts "$BATS_TEST_TMPDIR/keys" >"$BATS_TEST_TMPDIR/plan"
	grep -q '^D	' "$BATS_TEST_TMPDIR/plan"
	s=1
	for p in "$BATS_TEST_TMPDIR"/part.*; do
		sift-dedup --apply "$BATS_TEST_TMPDIR/plan" --shard $s $opts "$p"
		s=$((s + 1))
	done >"$BATS_TEST_TMPDIR/sharded"
	sift-dedup $opts "$NEWS" >"$BATS_TEST_TMPDIR/single"
	cmp "$BATS_TEST_TMPDIR/single" "$BATS_TEST_TMPDIR/sharded"
}

@test "the reduce step refuses unsorted keys and keys made with other options" {
	sift-dedup --emit-keys "$NEWS" >"$BATS_TEST_TMPDIR/keys"
	run --separate-stderr sift-dedup --clusters <(tac "$BATS_TEST_TMPDIR/keys")
	[ "$status" -eq 1 ]
	[[ "$stderr" == *":2: key lines out of order"* ]]
	run --separate-stderr sift-dedup --clusters --bands 4 --rows 2 "$BATS_TEST_TMPDIR/keys"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"same options"* ]]
	run --separate-stderr sift-dedup --clusters <(echo "not a key line")
	[ "$status" -eq 1 ]
	[[ "$stderr" == *":1: malformed key line"* ]]
	run --separate-stderr sift-dedup --apply <(echo "X bad") "$NEWS"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *":1: malformed plan line"* ]]
}

@test "dedup-parallel gives the single-process output byte for byte for 1 to 4 jobs" {
	command -v parallel >/dev/null || skip "GNU parallel is not installed"
	cat "$NEWS" "$TOP/tests/cases/sift-dedup/lines/input.ndjson" "$NEWS" >"$BATS_TEST_TMPDIR/in"
	for opts in "" "--mark" "--keep longest --mark" "--lines 3" "--transitive -t 0.5" \
	    "--exact --loose" "--shingle word:3 --mark"; do
		sift-dedup $opts "$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/single"
		for j in 1 2 3 4; do
			dedup-parallel -j $j $opts <"$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/par" ||
			    fail "-j $j $opts: exit $?"
			cmp "$BATS_TEST_TMPDIR/single" "$BATS_TEST_TMPDIR/par" || fail "-j $j $opts differs"
		done
	done
}

@test "dedup-parallel skips the records that sift-dedup skips" {
	command -v parallel >/dev/null || skip "GNU parallel is not installed"
	{ head -20 "$NEWS"; echo '{"id":"n","text":7}'; echo '{"id":'; tail -n +21 "$NEWS"; } >"$BATS_TEST_TMPDIR/in"
	sift-dedup --on-error=skip --mark "$BATS_TEST_TMPDIR/in" 2>/dev/null >"$BATS_TEST_TMPDIR/single"
	dedup-parallel -j 3 --on-error=skip --mark <"$BATS_TEST_TMPDIR/in" 2>/dev/null >"$BATS_TEST_TMPDIR/par"
	cmp "$BATS_TEST_TMPDIR/single" "$BATS_TEST_TMPDIR/par"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/par")" -eq "$(wc -l <"$NEWS")" ]
	run dedup-parallel -j 2 <"$BATS_TEST_TMPDIR/in"
	[ "$status" -eq 1 ]
}

@test "dedup-parallel reads gzip, prints help and rejects what it cannot pass on" {
	command -v parallel >/dev/null || skip "GNU parallel is not installed"
	gzip -c "$NEWS" | dedup-parallel -j 2 >"$BATS_TEST_TMPDIR/par"
	sift-dedup "$NEWS" | cmp - "$BATS_TEST_TMPDIR/par"
	run dedup-parallel --help
	assert_success
	assert_output --partial "Usage: dedup-parallel"
	run --separate-stderr dedup-parallel -j 0
	[ "$status" -eq 2 ]
	run --separate-stderr dedup-parallel -o out.ndjson
	[ "$status" -eq 2 ]
	run --separate-stderr dedup-parallel "$NEWS"
	[ "$status" -eq 2 ]
	run --separate-stderr dedup-parallel --keep nonsense </dev/null
	[ "$status" -eq 2 ]
	run dedup-parallel </dev/null
	assert_success
	[ -z "$output" ]
}
