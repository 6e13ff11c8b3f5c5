# Shared set-up for the bats suites: the built filters first on PATH, the
# bats-support/bats-assert helpers, and a few sift-specific assertions.
#
# Each test runs in its own $BATS_TEST_TMPDIR (bats removes it).

TOP="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
SIFT_BUILD="${SIFT_BUILD:-build}"
case "$SIFT_BUILD" in /*) ;; *) SIFT_BUILD="$TOP/$SIFT_BUILD" ;; esac
FIXTURES="$TOP/tests/fixtures"
SAMPLES="$TOP/samples"
SHARED_DATA="${SIFT_SHARED_DATA:-$TOP/../shared/data}"
export PATH="$SIFT_BUILD/bin:$TOP/scripts:$PATH"
export LC_ALL=C.UTF-8

bats_require_minimum_version 1.5.0
load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

# assert_valid_ndjson FILE: every line of FILE is one JSON object.
assert_valid_ndjson() {
	local n
	n=$(jq -c 'if type == "object" then empty else "bad" end' "$1" 2>&1 | wc -l)
	[ "$n" -eq 0 ] || fail "$1: not NDJSON objects ($n bad lines)"
}

# make_big_line BYTES FILE: one record whose text is BYTES long.
make_big_line() {
	awk -v n="$1" 'BEGIN { printf "{\"id\":\"big\",\"text\":\""; s = "가나다라마바사아자차카타파하 abc. "; while (n > 0) { printf "%s", s; n -= length(s) } print "\"}" }' > "$2"
}

# run_cases FILTER: golden cases under tests/cases/FILTER/*/ (input.ndjson,
# optional args, expected.ndjson, optional expected.err and status).
run_cases() {
	local dir status want args failed=0
	for dir in "$TOP"/tests/cases/"$1"/*/; do
		[ -f "$dir/input.ndjson" ] || continue
		args=""
		[ -f "$dir/args" ] && args=$(cat "$dir/args")
		want=0
		[ -f "$dir/status" ] && want=$(cat "$dir/status")
		status=0
		# shellcheck disable=SC2086
		"$1" $args <"$dir/input.ndjson" >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" || status=$?
		if [ "$status" -ne "$want" ]; then
			echo "case $dir: exit $status, want $want"; cat "$BATS_TEST_TMPDIR/err"; failed=1
		fi
		if ! diff -u "$dir/expected.ndjson" "$BATS_TEST_TMPDIR/out"; then
			echo "case $dir: stdout differs"; failed=1
		fi
		if [ -f "$dir/expected.err" ] && ! diff -u "$dir/expected.err" "$BATS_TEST_TMPDIR/err"; then
			echo "case $dir: stderr differs"; failed=1
		fi
	done
	[ "$failed" -eq 0 ]
}

# skip_if_slow: skip a test that feeds 100 MB or millions of records when
# the programs run under valgrind (scripts/valgrind-tests sets SIFT_VALGRIND).
skip_if_slow() {
	if [ -n "${SIFT_VALGRIND:-}" ]; then skip "too slow under valgrind"; fi
}
