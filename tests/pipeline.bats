#!/usr/bin/env bats
# sift-pipeline: the whole chain in one command, sharded or not.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	cp -r "$SAMPLES/pages" pages
	sift-ingest pages/*.txt > pages.ndjson
}

@test "--help describes the pipeline" {
	run sift-pipeline --help
	assert_success
	assert_output --partial "Usage: sift-pipeline"
}

@test "a bad option is a usage error" {
	run --separate-stderr sift-pipeline --bogus
	[ "$status" -eq 2 ]
}

@test "raw pages in, one annotated record per story out" {
	run --separate-stderr sift-pipeline --text pages/*.txt
	assert_success
	printf '%s\n' "${lines[@]}" > out.ndjson
	assert_valid_ndjson out.ndjson
	pages=$(ls pages/*.txt | wc -l)
	[ "${#lines[@]}" -lt "$pages" ]
	# every record went through every stage
	[ "$(jq -c 'select(.meta and .sentences and .entities and .summary)' out.ndjson | wc -l)" -eq "${#lines[@]}" ]
	# the duplicate copies of a story are gone, the same-event article stays
	grep -q '"id":"pages/ko-01-hanbit-chip-factory"' out.ndjson
	! grep -q '"id":"pages/ko-02-nuri-chip-factory"' out.ndjson
	grep -q '"id":"pages/ko-04-mirait-chip-factory"' out.ndjson
}

@test "-j N gives the same bytes as one process, from a file and from stdin" {
	sift-pipeline pages.ndjson > one.ndjson
	[ -s one.ndjson ]
	for j in 2 3; do
		sift-pipeline -j "$j" pages.ndjson > "j$j.ndjson"
		cmp one.ndjson "j$j.ndjson"
		sift-pipeline -j "$j" < pages.ndjson > "s$j.ndjson"
		cmp one.ndjson "s$j.ndjson"
	done
}

@test "gzip in and out, and --stats writes the corpus report" {
	gzip -c pages.ndjson > pages.ndjson.gz
	run sift-pipeline --stats stats.json -o out.ndjson.gz pages.ndjson.gz
	assert_success
	[ -z "$output" ]
	gzip -dc out.ndjson.gz > out.ndjson
	sift-pipeline pages.ndjson | cmp - out.ndjson
	[ "$(jq -r .records stats.json)" -eq "$(wc -l < out.ndjson)" ]
}

@test "a failing step fails the pipeline" {
	printf '{"id":"x","text":"ok"}\nnot json\n' > bad.ndjson
	run --separate-stderr sift-pipeline bad.ndjson
	[ "$status" -ne 0 ]
	[[ "$stderr" == *"bad.ndjson:2"* ]]
}

@test "--on-error=skip is passed to every step" {
	printf '{"id":"x","text":"좋은 문장입니다."}\nnot json\n' > bad.ndjson
	run --separate-stderr sift-pipeline --on-error=skip bad.ndjson
	assert_success
	[ "${#lines[@]}" -eq 1 ]
}
