#!/usr/bin/env bats
# Every filter under abuse: the same hostile inputs for each, and each must
# give a clear error naming the position, or a counted skip, and never lose
# or duplicate a record under --on-error=pass.

load test_helper

# the record filters that map one record to one record by default
ONE_TO_ONE="sift-clean sift-segment sift-extract sift-summarize"
ALL="sift-ingest sift-clean sift-segment sift-extract sift-dedup sift-summarize sift-stats"

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf '{"id":"a","text":"첫 문장입니다. 둘째 문장입니다."}\n{"id":"b","text":"Another record. With two sentences."}\n' > good.ndjson
}

# present FILTER...: the filters built so far (all of them once the tree is complete)
present() {
	local f
	for f in "$@"; do command -v "$f" >/dev/null && echo "$f"; done
}

# args_for FILTER: what it needs to read records (sift-ingest reads text otherwise)
args_for() {
	[ "$1" = sift-ingest ] && echo --ndjson
	return 0
}

@test "every filter answers --help and --version on stdout and a bad option with exit 2" {
	for f in $(present $ALL); do
		run --separate-stderr "$f" --help
		[ "$status" -eq 0 ] || fail "$f --help: $status"
		[[ "$output" == *"EXIT STATUS"* ]] || fail "$f --help has no EXIT STATUS"
		[ -z "$stderr" ] || fail "$f --help wrote to stderr"
		run --separate-stderr "$f" --version
		[ "$output" = "$f (sift) 0.1.0" ] || fail "$f --version: $output"
		run --separate-stderr "$f" --no-such-option
		[ "$status" -eq 2 ] || fail "$f bad option: status $status"
		[[ "$stderr" == *"Try '$f --help'."* ]] || fail "$f bad option: $stderr"
	done
}

@test "every filter reports a malformed line with program, input and line, and exits 1" {
	printf '{"id":"a","text":"좋은 줄."}\n{"id":"b","text": oops}\n' > bad.ndjson
	for f in $(present $ALL); do
		run --separate-stderr "$f" $(args_for "$f") bad.ndjson
		[ "$status" -eq 1 ] || fail "$f: status $status"
		[[ "$stderr" == "$f: bad.ndjson:2:"*"invalid JSON"* ]] || fail "$f: stderr: $stderr"
	done
}

@test "every filter rejects a text that is a number or missing, and skip counts it" {
	printf '{"id":"a","text":"좋은 줄."}\n{"id":"n","text":42}\n{"id":"m"}\n{"id":"c","text":"또 좋은 줄."}\n' > types.ndjson
	for f in $(present $ALL); do
		[ "$f" = sift-stats ] && continue
		run --separate-stderr "$f" $(args_for "$f") types.ndjson
		[ "$status" -eq 1 ] || fail "$f: wrong-type text: status $status"
		[[ "$stderr" == "$f: types.ndjson:2: "* ]] || fail "$f: $stderr"
		run --separate-stderr "$f" $(args_for "$f") --on-error=skip types.ndjson
		[ "$status" -eq 0 ] || fail "$f skip: status $status"
		[[ "$stderr" == *"skipped 2 bad records"* ]] || fail "$f skip: $stderr"
	done
}

@test "under --on-error=pass no record is lost or duplicated" {
	printf '{"id":"1","text":"하나. 둘."}\nnot json at all\n{"id":"3","text":7}\n{"id":"4","text":"넷입니다."}\n{"id":"5"}\n' > mixed.ndjson
	for f in $(present sift-ingest $ONE_TO_ONE); do
		run --separate-stderr "$f" $(args_for "$f") --on-error=pass mixed.ndjson
		[ "$status" -eq 0 ] || fail "$f: status $status"
		[ "${#lines[@]}" -eq 5 ] || fail "$f: ${#lines[@]} records out of 5"
		printf '%s\n' "${lines[@]}" > out.ndjson
		assert_valid_ndjson out.ndjson
		[ "$(jq -r '.id // .raw' out.ndjson | tr '\n' ' ')" = "1 not json at all 3 4 5 " ] || fail "$f: order or ids changed"
	done
}

@test "invalid UTF-8 everywhere is repaired and counted, never fatal" {
	printf '{"id":"\377","text":"a\377b \355\240\200 c\300\257. 끝\342\202."}\n' > bad-utf8.ndjson
	for f in $(present $ALL); do
		run --separate-stderr "$f" $(args_for "$f") bad-utf8.ndjson
		[ "$status" -eq 0 ] || fail "$f: status $status: $stderr"
		[[ "$stderr" == *"repaired"*"invalid UTF-8"* ]] || fail "$f: no repair count: $stderr"
		printf '%s\n' "${lines[@]}" > out.ndjson
		assert_valid_ndjson out.ndjson
		iconv -f UTF-8 -t UTF-8 out.ndjson > /dev/null || fail "$f wrote invalid UTF-8"
	done
}

@test "a raw NUL byte is an error that names the line" {
	printf '{"id":"a","text":"ok"}\n{"id":"b","text":"x\000y"}\n' > nul.ndjson
	for f in $(present $ALL); do
		run --separate-stderr "$f" $(args_for "$f") nul.ndjson
		[ "$status" -eq 1 ] || fail "$f: status $status"
		[[ "$stderr" == "$f: nul.ndjson:2:"* ]] || fail "$f: $stderr"
	done
}

@test "nesting deep enough to hurt a parser is an error, not a crash" {
	awk 'BEGIN { printf "{\"id\":\"d\",\"text\":\"t\",\"x\":"; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "}" }' > deep.ndjson
	printf '{"id":"n","text":"t","x":1%0500d}\n' 0 > bignum.ndjson
	for f in $(present $ALL); do
		run --separate-stderr "$f" $(args_for "$f") deep.ndjson
		[ "$status" -eq 1 ] || fail "$f deep: status $status"
		[[ "$stderr" == *"maximum parsing depth"* ]] || fail "$f deep: $stderr"
		run --separate-stderr "$f" $(args_for "$f") bignum.ndjson
		[ "$status" -eq 1 ] || fail "$f bignum: status $status"
		[[ "$stderr" == *"too big integer"* ]] || fail "$f bignum: $stderr"
	done
}

@test "a truncated gzip input is an I/O error with exit 1" {
	for i in $(seq 1 3000); do echo "{\"id\":\"$i\",\"text\":\"문장 $i 입니다. 두 번째 문장 $i.\"}"; done | gzip > full.gz
	head -c $(( $(wc -c < full.gz) / 2 )) full.gz > cut.ndjson.gz
	for f in $(present $ALL); do
		run --separate-stderr "$f" $(args_for "$f") cut.ndjson.gz
		[ "$status" -eq 1 ] || fail "$f: status $status"
		[[ "$stderr" == *"cut.ndjson.gz"* ]] || fail "$f: $stderr"
	done
}

@test "empty input, blank lines, CRLF, a BOM and no final newline" {
	printf '\357\273\277{"id":"a","text":"한 문장."}\r\n\r\n{"id":"b","text":"Two."}' > odd.ndjson
	for f in $(present $ALL); do
		run --separate-stderr "$f" $(args_for "$f") < /dev/null
		[ "$status" -eq 0 ] || fail "$f empty: status $status"
		if [ "$f" != sift-stats ]; then [ -z "$output" ] || fail "$f empty: wrote $output"; fi
		run --separate-stderr "$f" $(args_for "$f") odd.ndjson
		[ "$status" -eq 0 ] || fail "$f odd: status $status: $stderr"
		printf '%s\n' "${lines[@]}" > out.ndjson
		assert_valid_ndjson out.ndjson
	done
}

@test "a closed pipe ends every filter quietly" {
	skip_if_slow
	for i in $(seq 1 20000); do echo "{\"id\":\"$i\",\"text\":\"문장 $i 입니다. 두 번째 문장이다.\"}"; done > many.ndjson
	for f in $(present sift-ingest $ONE_TO_ONE sift-dedup); do
		run --separate-stderr sh -c "$f $(args_for "$f") many.ndjson | head -n 1"
		[ "$status" -eq 0 ] || fail "$f: status $status"
		[ "${#lines[@]}" -eq 1 ] || fail "$f: ${#lines[@]} lines"
		[ -z "$stderr" ] || fail "$f: stderr: $stderr"
	done
}

@test "a 100 MB line goes through every streaming filter" {
	skip_if_slow
	make_big_line 100000000 big.ndjson
	for f in $(present $ONE_TO_ONE); do
		run --separate-stderr sh -c "$f big.ndjson | wc -l"
		[ "$status" -eq 0 ] || fail "$f: status $status: $stderr"
		[ "$output" -eq 1 ] || fail "$f: $output records"
	done
}

@test "a million tiny records stream through in bounded memory" {
	skip_if_slow
	awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "{\"id\":\"%d\",\"text\":\"짧은 문장 %d.\"}\n", i, i }' > tiny.ndjson
	for f in $(present sift-ingest $ONE_TO_ONE); do
		/usr/bin/time -f %M -o rss "$f" $(args_for "$f") tiny.ndjson > out.ndjson
		[ "$(wc -l < out.ndjson)" -eq 1000000 ] || fail "$f lost records"
		[ "$(cat rss)" -lt 200000 ] || fail "$f used $(cat rss) KB"
	done
}

@test "a read-only or full output is a write error with exit 1" {
	for f in $(present $ALL); do
		run --separate-stderr "$f" $(args_for "$f") -o /dev/full good.ndjson
		[ "$status" -eq 1 ] || fail "$f: status $status"
		[[ "$stderr" == *"write error"* ]] || fail "$f: $stderr"
	done
}

@test "every filter gives the same bytes on every run" {
	for f in $(present $ALL); do
		"$f" $(args_for "$f") good.ndjson > one
		"$f" $(args_for "$f") good.ndjson > two
		cmp one two || fail "$f is not deterministic"
	done
}
