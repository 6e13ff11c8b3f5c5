#!/usr/bin/env bats
# sift-ingest: the entry point, and the shared record plumbing it exercises.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	cp "$FIXTURES"/ingest/* .
}

@test "--help prints a man page with an example to stdout" {
	run --separate-stderr sift-ingest --help
	assert_success
	assert_output --partial "SYNOPSIS"
	assert_output --partial "sift-ingest --ndjson [options] [file ...]"
	assert_output --partial "EXIT STATUS"
	assert_output --partial "EXAMPLES"
	[ -z "$stderr" ]
}

@test "--version names the program and the project" {
	run sift-ingest --version
	assert_success
	assert_output "sift-ingest (sift) 0.1.0"
}

@test "a bad option is a usage error with exit 2" {
	run --separate-stderr sift-ingest --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"Try 'sift-ingest --help'."* ]]
	[ -z "$output" ]
}

@test "text files become records with path-derived ids" {
	run --separate-stderr sift-ingest a.txt b.txt
	assert_success
	assert_line --index 0 '{"id":"a","source":"a.txt","text":"첫 번째 문서입니다.\n둘째 줄.\n"}'
	assert_line --index 1 '{"id":"b","source":"b.txt","text":"Second document, English.\n"}'
}

@test "--files-from - reads the file list from stdin and --id-prefix prefixes ids" {
	run --separate-stderr sh -c 'printf "a.txt\nb.txt\n" | sift-ingest --files-from - --id-prefix web/'
	assert_success
	assert_line --index 0 --partial '{"id":"web/a",'
	assert_line --index 1 --partial '{"id":"web/b",'
}

@test "--lines makes one record per non-blank line" {
	printf 'one\n\ntwo\r\nthree' > l.txt
	run --separate-stderr sift-ingest --lines l.txt
	assert_success
	assert_equal "${#lines[@]}" 3
	assert_line --index 1 '{"id":"l:3","source":"l.txt","text":"two"}'
	assert_line --index 2 '{"id":"l:4","source":"l.txt","text":"three"}'
}

@test "gzip input is detected by content, not by name" {
	gzip -c a.txt > disguised.txt
	run --separate-stderr sift-ingest disguised.txt
	assert_success
	assert_output --partial '"text":"첫 번째 문서입니다.\n둘째 줄.\n"'
}

@test "-o FILE.gz writes gzip" {
	run sift-ingest -o out.ndjson.gz a.txt
	assert_success
	[ -z "$output" ]
	run sh -c 'gzip -dc out.ndjson.gz'
	assert_output --partial '"id":"a"'
}

@test "invalid UTF-8 and NUL bytes become U+FFFD and are counted on stderr" {
	printf 'ok \377 bad \000 nul\n' > bad.txt
	run --separate-stderr sift-ingest bad.txt
	assert_success
	assert_output --partial '"text":"ok � bad � nul\n"'
	[[ "$stderr" == *"repaired 2 invalid UTF-8 sequences in 1 record"* ]]
}

@test "a missing file fails with its name and exit 1; --on-error=skip goes on and counts" {
	run --separate-stderr sift-ingest a.txt missing.txt b.txt
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"sift-ingest: missing.txt: No such file or directory"* ]]
	run --separate-stderr sift-ingest --on-error=skip a.txt missing.txt b.txt
	assert_success
	assert_equal "${#lines[@]}" 2
	[[ "$stderr" == *"skipped 1 bad record"* ]]
}

@test "--ndjson maps other tools' fields and assigns missing ids" {
	run --separate-stderr sift-ingest --ndjson --text-from content --source-from url crawl.jsonl
	assert_success
	assert_line --index 0 '{"source":"https://news.example/1","text":"본문 하나","lang":"ko","id":"crawl.jsonl:1"}'
	assert_line --index 1 '{"id":"7","text":"본문 둘","tags":["x"],"source":"crawl.jsonl"}'
	assert_line --index 2 '{"id":"c","text":"본문 셋","source":"crawl.jsonl"}'
}

@test "--ndjson stops at a malformed line with file, line and column" {
	printf '{"text":"a"}\n{"text":"b",}\n{"text":"c"}\n' > bad.ndjson
	run --separate-stderr sift-ingest --ndjson bad.ndjson
	[ "$status" -eq 1 ]
	assert_output '{"text":"a","id":"bad.ndjson:1","source":"bad.ndjson"}'
	[[ "$stderr" == "sift-ingest: bad.ndjson:2:13: invalid JSON: string or '}' expected near '}'" ]]
}

@test "--on-error=skip drops and counts bad records, pass keeps them as error records" {
	printf '{"text":"a"}\nnot json\n{"text":5}\n{"text":"d"}\n' > bad.ndjson
	run --separate-stderr sift-ingest --ndjson --on-error=skip bad.ndjson
	assert_success
	assert_equal "${#lines[@]}" 2
	[[ "$stderr" == *"skipped 2 bad records"* ]]
	run --separate-stderr sift-ingest --ndjson --on-error=pass bad.ndjson
	assert_success
	assert_equal "${#lines[@]}" 4
	assert_line --index 1 --partial '{"error":"bad.ndjson:2:1: invalid JSON:'
	assert_line --index 1 --partial '"raw":"not json"}'
	assert_line --index 2 '{"text":5}'
	[[ "$stderr" == *"passed 2 bad records through unchanged"* ]]
}

@test "--ndjson accepts CRLF, a BOM, blank lines and no final newline" {
	printf '\357\273\277{"id":"1","text":"a"}\r\n\r\n\n{"id":"2","text":"b"}' > crlf.ndjson
	run --separate-stderr sift-ingest --ndjson crlf.ndjson
	assert_success
	assert_line --index 0 '{"id":"1","text":"a","source":"crlf.ndjson"}'
	assert_line --index 1 '{"id":"2","text":"b","source":"crlf.ndjson"}'
}

@test "--ndjson reads stdin for no operand and for -" {
	run --separate-stderr sh -c 'printf "{\"id\":\"x\",\"text\":\"t\"}\n" | sift-ingest --ndjson'
	assert_output '{"id":"x","text":"t","source":"<stdin>"}'
	run --separate-stderr sh -c 'printf "{\"id\":\"x\",\"text\":\"t\"}\n" | sift-ingest --ndjson --text-from content - crawl.jsonl'
	assert_line --index 0 '{"id":"x","text":"t","source":"<stdin>"}'
	assert_equal "${#lines[@]}" 4
}

@test "an empty stream gives no output and success" {
	run --separate-stderr sift-ingest --ndjson < /dev/null
	assert_success
	[ -z "$output" ]
	[ -z "$stderr" ]
}

@test "invalid UTF-8 inside NDJSON strings is repaired, not fatal" {
	printf '{"id":"u","text":"a\377b"}\n' > u.ndjson
	run --separate-stderr sift-ingest --ndjson u.ndjson
	assert_success
	assert_output '{"id":"u","text":"a�b","source":"u.ndjson"}'
	[[ "$stderr" == *"repaired 1 invalid UTF-8 sequence in 1 record"* ]]
}

@test "a raw NUL byte in an NDJSON line is an error naming the line" {
	printf '{"id":"n","text":"a\000b"}\n' > nul.ndjson
	run --separate-stderr sift-ingest --ndjson nul.ndjson
	[ "$status" -eq 1 ]
	[[ "$stderr" == "sift-ingest: nul.ndjson:1:"*"control character in string"* ]]
}

@test "a 100 MB line passes through intact" {
	skip_if_slow
	make_big_line 100000000 big.ndjson
	# the output only adds "source": strip it and compare the bytes
	sift-ingest --ndjson big.ndjson | sed 's/,"source":"big.ndjson"}$/}/' | cmp - big.ndjson
}

@test "a closed pipe ends quietly" {
	run --separate-stderr sh -c 'yes "{\"id\":\"y\",\"text\":\"yes\"}" | head -n 200000 | sift-ingest --ndjson | head -n 1'
	assert_success
	assert_output '{"id":"y","text":"yes","source":"<stdin>"}'
	[ -z "$stderr" ]
}

@test "--progress reports on stderr only" {
	run --separate-stderr sift-ingest --progress a.txt b.txt
	assert_success
	assert_equal "${#lines[@]}" 2
	[[ "$stderr" == *"2 records"* ]]
}

@test "output is byte-identical across runs" {
	sift-ingest --ndjson --text-from content crawl.jsonl > one
	sift-ingest --ndjson --text-from content crawl.jsonl > two
	cmp one two
}

@test "a read-only output path is a clear error" {
	# root may write into a mode-500 directory, so use a file no one can write
	if [ "$(id -u)" -eq 0 ]; then out=/proc/version; else mkdir ro && chmod 500 ro && out=ro/out.ndjson; fi
	run --separate-stderr sift-ingest -o "$out" a.txt
	[ "$status" -eq 1 ]
	[[ "$stderr" == "sift-ingest: $out: "* ]]
}

@test "a full disk is a write error with exit 1" {
	run --separate-stderr sift-ingest -o /dev/full a.txt
	[ "$status" -eq 1 ]
	[[ "$stderr" == "sift-ingest: /dev/full: write error: No space left on device" ]]
	run --separate-stderr sh -c 'sift-ingest a.txt > /dev/full'
	[ "$status" -eq 1 ]
	[[ "$stderr" == "sift-ingest: write error: No space left on device" ]]
}

@test "an output path in a missing directory is a clear error" {
	run --separate-stderr sift-ingest -o nodir/out.ndjson a.txt
	[ "$status" -eq 1 ]
	[[ "$stderr" == "sift-ingest: nodir/out.ndjson: No such file or directory" ]]
}
