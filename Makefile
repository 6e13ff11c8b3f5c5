# sift - see README.md.  Plain, non-recursive make in the sbase style.
#
#   make            build the library, the filters and the unit tests
#   make check      install missing packages, build, run all tests
#   make demo       run the pipeline on the shipped sample corpus
#   make bench      throughput beside cat and jq
#   make asan       build into build-asan/ with ASan+UBSan and run the tests
#   make valgrind   run the tests with every program under valgrind memcheck
#   make fuzz       run each libFuzzer target for FUZZ_SECONDS
#   make install    PREFIX=/usr/local (DESTDIR honoured)

VERSION = 0.1.0
PREFIX ?= /usr/local
B ?= build

CC ?= cc
CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter
CPPFLAGS += -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Ilib
LDLIBS = -ljansson -lutf8proc -lgumbo -lz -lm

HDR = $(wildcard lib/*.h)
LIB_SRC = $(filter-out lib/data_blob.c,$(wildcard lib/*.c))
LIB_OBJ = $(LIB_SRC:lib/%.c=$(B)/lib/%.o) $(B)/lib/data_blob.o
DATA = $(sort $(wildcard data/*.tsv data/*.txt))
FILTER_SRC = $(wildcard filters/sift-*.c)
FILTERS = $(FILTER_SRC:filters/%.c=$(B)/bin/%)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNITS = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
REPLAYS = $(patsubst tests/fuzz/fuzz_%.c,$(B)/tests/replay_%,$(wildcard tests/fuzz/fuzz_*.c))
SCRIPTS = $(wildcard scripts/sift-*)

all: $(B)/libsift.a $(FILTERS) $(UNITS) $(REPLAYS) $(B)/tools/gen-corpus

$(B)/lib $(B)/bin $(B)/tests $(B)/tools:
	mkdir -p $@

$(B)/lib/%.o: lib/%.c $(HDR) | $(B)/lib
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/tools/embed: tools/embed.c | $(B)/tools
	$(CC) $(WARN) $(CFLAGS) -o $@ $<

$(B)/tools/gen-corpus: tools/gen-corpus.c $(B)/libsift.a $(HDR) | $(B)/tools
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libsift.a $(LDLIBS)

$(B)/lib/data_blob.c: $(B)/tools/embed $(DATA) | $(B)/lib
	$(B)/tools/embed $(DATA) > $@.tmp && mv $@.tmp $@

$(B)/lib/data_blob.o: $(B)/lib/data_blob.c lib/data.h
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/libsift.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(B)/bin/%: filters/%.c $(B)/libsift.a $(HDR) | $(B)/bin
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libsift.a $(LDLIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/unit.h $(B)/libsift.a $(HDR) | $(B)/tests
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libsift.a $(LDLIBS)

# fuzz targets replayed over their seeds and regression inputs by make check
$(B)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(B)/libsift.a $(HDR) | $(B)/tests
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/fuzz/replay.c $< $(B)/libsift.a $(LDLIBS)

deps:
	@scripts/install-deps

check: deps
	@$(MAKE) --no-print-directory all
	@SIFT_BUILD=$(B) scripts/run-tests

demo: deps
	@$(MAKE) --no-print-directory all
	@SIFT_BUILD=$(B) scripts/demo

bench: deps
	@$(MAKE) --no-print-directory all
	@SIFT_BUILD=$(B) scripts/bench

asan:
	@scripts/install-deps
	@$(MAKE) --no-print-directory B=build-asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" all
	@SIFT_BUILD=build-asan ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 scripts/run-tests

valgrind: deps
	@$(MAKE) --no-print-directory all
	@SIFT_BUILD=$(B) scripts/valgrind-tests

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin
	cp -f $(FILTERS) $(DESTDIR)$(PREFIX)/bin/
	for s in $(SCRIPTS); do cp -f $$s $(DESTDIR)$(PREFIX)/bin/; done

uninstall:
	for f in $(FILTERS) $(SCRIPTS); do rm -f $(DESTDIR)$(PREFIX)/bin/$${f##*/}; done

clean:
	rm -rf build build-asan

.PHONY: all deps check demo bench asan valgrind install uninstall clean
.DELETE_ON_ERROR:

# Fuzzing: libFuzzer targets in tests/fuzz/fuzz_*.c, built with clang into
# build-fuzz/, each run for FUZZ_SECONDS from its corpus directory
# (tests/fuzz/corpus-NAME/ and tests/fixtures/NAME/ seed it; new units go
# to build-fuzz/corpus-NAME/).
# A crash is written to build-fuzz/crash-NAME-*: fix it and keep the input
# in tests/fuzz/regress-NAME/, which make check replays.
FUZZ_SECONDS ?= 60
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZERS = $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

fuzz-lib:
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang \
	    CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined" build-fuzz/libsift.a

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c fuzz-lib $(HDR)
	clang $(WARN) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ $< build-fuzz/libsift.a $(LDLIBS)

fuzz: deps $(FUZZERS)
	@for f in $(FUZZERS); do \
		name=$${f##*/fuzz_}; mkdir -p build-fuzz/corpus-$$name tests/fuzz/corpus-$$name; \
		echo "fuzz: $$name for $(FUZZ_SECONDS)s"; \
		$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 \
		    -artifact_prefix=build-fuzz/crash-$$name- build-fuzz/corpus-$$name \
		    tests/fuzz/corpus-$$name $$(ls -d tests/fixtures/$$name 2>/dev/null) \
		    2>&1 | grep -E '^(stat::number_of_executed_units|==|SUMMARY)' || exit 1; \
	done

.PHONY: fuzz fuzz-lib
