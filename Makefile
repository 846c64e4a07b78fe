# bouncewatch — top level Makefile.
# make            build ./bouncewatch
# make demo       install missing Debian packages (as root), build, ingest samples/, report
# make test       install missing packages, build, run every unit and end-to-end test
# make sanitize   the same suite under AddressSanitizer + UndefinedBehaviorSanitizer
# make bench      benchmarks (bench/README.md)
# make fuzz       libFuzzer runs of every parser; make soak: the tail crash loop
# make lint       banned calls; make install / uninstall (PREFIX, DESTDIR)

CC       ?= cc
PREFIX   ?= /usr/local
O        ?= build
OPT      ?= -O2
# Linked: what every command needs. DL_PKGS: loaded with dlopen() by the
# module that uses them, at first use (src/dynlib.h says why); only their
# headers are used at build time, and the soname each is loaded by is read
# from the library the linker would take.
PKGS     := libpcre2-8 sqlite3 zlib inih
DL_PKGS  := libcurl gmime-3.0 libcares libsystemd
soname    = $(shell objdump -p $$($(CC) -print-file-name=$(1).so) 2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
SONAMES  := -DBW_SONAME_CURL='"$(call soname,libcurl)"' \
            -DBW_SONAME_GMIME='"$(call soname,libgmime-3.0)"' \
            -DBW_SONAME_CARES='"$(call soname,libcares)"' \
            -DBW_SONAME_SYSTEMD='"$(call soname,libsystemd)"' \
            -DBW_SONAME_SPF2='"$(call soname,libspf2)"'
WARN     := -Wall -Wextra -Wshadow -Wformat=2 -Werror
CFLAGS   ?= $(OPT) -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SAN) \
             -DBW_PATTERNS_DIR='"$(PREFIX)/share/bouncewatch/patterns"' -Isrc -I$(O) \
             $(SONAMES) $(shell pkg-config --cflags $(PKGS) $(DL_PKGS) 2>/dev/null)
# inotify is used through the kernel interface directly (src/watch.h says why).
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
TEST_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

# Debian packages a fresh Debian 12 machine needs for build, demo and tests.
DEB_PKGS := gcc make pkg-config
DEB_PKGS += libpcre2-dev
DEB_PKGS += libsqlite3-dev
DEB_PKGS += zlib1g-dev
DEB_PKGS += libinih-dev
DEB_PKGS += libsystemd-dev
DEB_PKGS += libcmocka-dev
DEB_PKGS += sqlite3
DEB_PKGS += python3
DEB_PKGS += clang
DEB_PKGS += pflogsumm
DEB_PKGS += libxml2-utils
DEB_PKGS += tzdata
DEB_PKGS += faketime
DEB_PKGS += systemd
DEB_PKGS += m4
DEB_PKGS += openssl
DEB_PKGS += libcurl4-openssl-dev
DEB_PKGS += libgmime-3.0-dev
DEB_PKGS += libc-ares-dev
DEB_PKGS += libspf2-dev
DEB_PKGS += unbound
DEB_PKGS += libunbound-dev
DEB_PKGS += procps
DEB_PKGS += prometheus
DEB_PKGS += mandoc
DEB_PKGS += debhelper
DEB_PKGS += lintian
DEB_PKGS += chromium
DEB_PKGS += adduser
DEB_PKGS += man-db
# callgrind: tests/e2e/rules_cost.sh bounds the instructions of the rules
# rewritten to cost less (without valgrind it could bound only the calls).
DEB_PKGS += valgrind

SRC      := $(filter-out src/main.c,$(wildcard src/*.c))
OBJ      := $(SRC:src/%.c=$(O)/%.o) $(O)/schema_sql.o
HDR      := $(wildcard src/*.h)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
TOOLS_SRC:= $(wildcard tests/tools/*.c)
TOOLS_BIN:= $(TOOLS_SRC:tests/tools/%.c=$(O)/tools/%)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
REPLAY_BIN := $(FUZZ_NAMES:%=$(O)/fuzz/replay_%)
SCHEMA   := $(sort $(wildcard schema/*.sql))

.PHONY: FORCE all deps mta-fetch demo test unit e2e sanitize fuzz soak bench corpus lint install uninstall clean check-clang

# The default build directory's binary is ./bouncewatch; others (sanitize,
# clang) keep theirs inside their directory.
BIN      := $(if $(filter build,$(O)),bouncewatch,$(O)/bouncewatch)

all: $(BIN)

$(O) $(O)/tests $(O)/tools $(O)/fuzz:
	@mkdir -p $@

$(O)/%.o: src/%.c $(HDR) | $(O)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Schema files become one C array, applied in order by PRAGMA user_version.
# schema.list names them: rewritten only when a file is added or removed (a
# removed or renamed one leaves every remaining prerequisite older than the
# embedded copy, which would then keep the file that is gone).
$(O)/schema.list: FORCE | $(O)
	@echo '$(SCHEMA)' | cmp -s - $@ || echo '$(SCHEMA)' > $@
$(O)/schema_sql.c: $(SCHEMA) $(O)/schema.list tests/embed.sh | $(O)
	sh tests/embed.sh $(SCHEMA) > $@
FORCE:

$(O)/schema_sql.o: $(O)/schema_sql.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/libbw.a: $(OBJ)
	ar rcs $@ $^

$(BIN): $(O)/main.o $(O)/libbw.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

$(O)/main.o: src/main.c $(HDR) | $(O)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/tests/%: tests/unit/%.c $(O)/libbw.a $(HDR) | $(O)/tests
	$(CC) $(ALL_CFLAGS) -Wno-unused-parameter -o $@ $< $(O)/libbw.a $(LIBS) $(TEST_LIBS)

$(O)/tools/%: tests/tools/%.c | $(O)/tools
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBS)

# Each fuzz harness linked to a plain driver instead of libFuzzer: `make test`
# replays the committed corpora (tests/fuzz/corpus/HARNESS/) through them.
$(O)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(wildcard tests/fuzz/*.h) $(O)/libbw.a $(HDR) | $(O)/fuzz
	$(CC) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(O)/libbw.a $(LIBS)

# Benchmark tools (bench/README.md): stand-alone except classify_bench.
$(O)/loggen $(O)/runstat: $(O)/%: bench/%.c | $(O)
	$(CC) $(ALL_CFLAGS) -o $@ $<

$(O)/classify_bench: bench/classify_bench.c bench/replies.h $(O)/libbw.a $(HDR) | $(O)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(O)/libbw.a $(LIBS)

# Each rule's share of the classifier (bench/rule_cost.sh): rules.c's PCRE2
# match calls recorded through the linker's --wrap.
RULE_COST_WRAP := -Wl,--wrap=pcre2_jit_match_8,--wrap=pcre2_match_8,--wrap=pcre2_set_offset_limit_8
$(O)/rule_cost: bench/rule_cost.c bench/replies.h $(O)/libbw.a $(HDR) | $(O)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(O)/libbw.a $(LIBS) $(RULE_COST_WRAP)

# A simulated year written through the store (the rollups benchmark).
$(O)/yeargen: bench/yeargen.c $(O)/libbw.a $(HDR) | $(O)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(O)/libbw.a $(LIBS)

# The DNS library comparison links the two alternatives to c-ares (bench only).
$(O)/dns_libs: bench/dns_libs.c $(O)/libbw.a $(HDR) | $(O)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(O)/libbw.a $(LIBS) -lunbound -lresolv

deps:
	@sh tests/deps.sh $(DEB_PKGS)

demo: deps
	$(MAKE) all
	rm -f $(O)/demo.db $(O)/demo.db-wal $(O)/demo.db-shm
	./bouncewatch --db $(O)/demo.db --rules patterns scan samples/*.log
	./bouncewatch --db $(O)/demo.db report --since 100000d

# The MTAs tested beside Postfix conflict with it as Debian packages: they
# are unpacked into $(O)/mta, never installed (tests/mta_fetch.sh).
MTA_PKGS := exim4-daemon-light exim4-base opensmtpd sendmail-bin sendmail-base sendmail-cf

mta-fetch:
	@sh tests/mta_fetch.sh $(O)/mta $(MTA_PKGS)

test: deps mta-fetch
	$(MAKE) all
	$(MAKE) unit-bins
	$(MAKE) check-clang
	sh tests/run.sh $(O)

unit-bins: $(UNIT_BIN) $(TOOLS_BIN) $(O)/loggen $(O)/yeargen $(O)/rule_cost $(REPLAY_BIN)

check-clang:
	$(MAKE) O=$(O)/clang CC=clang all unit-bins

# verify_asan_link_order=0: year_ahead.sh runs the binary under faketime, whose
# LD_PRELOAD library comes before the ASan runtime (it only wraps clock
# functions); without it ASan refuses to start and every check there fails.
# Reports go to build-san/reports (log_path), and tests/run.sh counts each as a
# failure of the test that ran then: a sanitized program that a test expected to
# exit 1 would otherwise hide its report (ASan exits 1 too).
sanitize: deps
	$(MAKE) O=build-san SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' OPT=-O1 all unit-bins
	rm -rf build-san/reports && mkdir -m 1777 build-san/reports
	ASAN_OPTIONS=detect_leaks=1:verify_asan_link_order=0:log_path=$(CURDIR)/build-san/reports/asan \
	UBSAN_OPTIONS=print_stacktrace=1:log_path=$(CURDIR)/build-san/reports/ubsan \
	BW_SAN_REPORTS=$(CURDIR)/build-san/reports sh tests/run.sh build-san

bench: all
	sh bench/run.sh

# Long robustness runs, not part of `make test`: tail SIGKILLed 100 times
# while a writer appends and rotates (tests/soak/tail_crashloop.sh;
# CRASHLOOP_KILLS, CRASHLOOP_SEED to replay a run).
soak: all
	BW_BIN=$(CURDIR)/$(BIN) sh tests/soak/tail_crashloop.sh

# The rules against the independent reply corpus (tests/corpus/independent.tsv):
# category, provider, block precision/recall and sending-IP figures for the
# dev and test splits; then how many dev rows and rule examples change their
# verdict in another frame (line breaks; codes, quoting, case, ids, blanks)
# or as pasted (entities, typographic characters, masked IPs, quote marks).
# The rule examples' own corpus is checked by `make test`.
corpus: all
	python3 tests/corpus/score.py ./$(BIN) patterns tests/corpus/independent.tsv
	python3 tests/corpus/tools/continuation_variants.py ./$(BIN) patterns tests/corpus/independent.tsv
	python3 tests/corpus/tools/frame_variants.py ./$(BIN) patterns tests/corpus/independent.tsv
	python3 tests/corpus/tools/paste_variants.py ./$(BIN) patterns tests/corpus/independent.tsv

# Coverage-guided fuzzing (libFuzzer, with ASan + UBSan) of every parser of
# untrusted input, one harness per tests/fuzz/fuzz_NAME.c (each file says what
# it covers); FUZZ_SECONDS per harness. Seeds: the committed corpus
# tests/fuzz/corpus/NAME/ (replayed by `make test`) plus, for some, the test
# logs, rule files and feeds. New inputs go to build-fuzz/corpus-NAME, crashes
# to build-fuzz/crashes/NAME-*: copy a crash into tests/fuzz/corpus/NAME/ with
# its fix so that it stays a test. Not part of `make test`. A long run of some
# harnesses: `make fuzz FUZZ_NAMES='dns text' FUZZ_RUNS=10000000 FUZZ_SECONDS=0`
# (FUZZ_RUNS: stop after that many inputs; FUZZ_SECONDS=0: no time limit).
# -reload=0: one process, so libFuzzer need not re-read its corpus directory
# every second (that cost more than the harness itself with a big corpus).
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= -1
FUZZ_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz: deps
	$(MAKE) O=build-fuzz CC=clang OPT=-O1 SAN='-fsanitize=fuzzer-no-link $(FUZZ_FLAGS)' build-fuzz/libbw.a
	mkdir -p build-fuzz/crashes
	for h in $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%); do mkdir -p build-fuzz/corpus-$$h; \
		[ -d tests/fuzz/corpus/$$h ] && cp tests/fuzz/corpus/$$h/* build-fuzz/corpus-$$h/; done; true
	grep -h '^match' patterns/*.rules | sed 's/^match *= *//' | awk '{ printf "%s%c550 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org", $$0, 0 > sprintf("build-fuzz/corpus-litfilter/s%03d", NR) }'
	grep -h '^match' patterns/*.rules | sed 's/^match *= *//' | awk '{ printf "%s%c550 5.7.1 PTR Client host [192.0.2.1]\nblocked using zen.spamhaus.org", $$0, 0 > sprintf("build-fuzz/corpus-rxparts/s%03d", NR) }'
	cat samples/*.log tests/e2e/data/*.log | split -l 1 - build-fuzz/corpus-parse/seed-
	cp patterns/*.rules build-fuzz/corpus-rules/
	cp tests/e2e/data/arf/*.eml build-fuzz/corpus-feeds/
	for h in $(FUZZ_NAMES); do \
		clang -std=c11 -D_GNU_SOURCE -O1 -g -Isrc -fsanitize=fuzzer $(FUZZ_FLAGS) \
			-o build-fuzz/fuzz_$$h tests/fuzz/fuzz_$$h.c build-fuzz/libbw.a $(LIBS) || exit 1; \
	done
	for h in $(FUZZ_NAMES); do \
		ASAN_OPTIONS=detect_leaks=1 build-fuzz/fuzz_$$h -max_total_time=$(FUZZ_SECONDS) -runs=$(FUZZ_RUNS) \
			-max_len=16384 -reload=0 -print_final_stats=1 \
			-artifact_prefix=build-fuzz/crashes/$$h- build-fuzz/corpus-$$h || exit 1; \
	done

lint:
	@! grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|system|popen)\s*\(' src/*.c src/*.h \
	  || (echo "lint: banned call above" >&2; exit 1)
	@echo "lint: ok"

# The systemd unit goes to $(SYSTEMD_DIR) with this PREFIX's binary path;
# its settings file to $(SYSCONFDIR)/default/bouncewatch and the configuration
# to $(SYSCONFDIR)/bouncewatch/bouncewatch.conf, each only when absent.
# The binary finds the patterns beside itself (src/datadir.h), whatever
# PREFIX it was built with.
SYSTEMD_DIR ?= $(PREFIX)/lib/systemd/system
SYSCONFDIR ?= /etc
UNIT_SED = sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g'

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/bouncewatch/patterns \
		$(DESTDIR)$(PREFIX)/share/doc/bouncewatch $(DESTDIR)$(SYSTEMD_DIR) \
		$(DESTDIR)$(PREFIX)/share/bouncewatch/examples \
		$(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 0644 man/bouncewatch.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 0644 man/bouncewatch.conf.5 man/bouncewatch.rules.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 0644 contrib/bouncewatch.bash-completion $(DESTDIR)$(PREFIX)/share/bash-completion/completions/bouncewatch
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/bouncewatch
	install -m 0644 patterns/* $(DESTDIR)$(PREFIX)/share/bouncewatch/patterns/
	install -m 0644 README.md $(DESTDIR)$(PREFIX)/share/doc/bouncewatch/README.md
	install -m 0755 examples/*.sh $(DESTDIR)$(PREFIX)/share/bouncewatch/examples/
	$(UNIT_SED) contrib/bouncewatch.service > $(DESTDIR)$(SYSTEMD_DIR)/bouncewatch.service
	chmod 0644 $(DESTDIR)$(SYSTEMD_DIR)/bouncewatch.service
	$(UNIT_SED) contrib/bouncewatch-journal.service > $(DESTDIR)$(SYSTEMD_DIR)/bouncewatch-journal.service
	chmod 0644 $(DESTDIR)$(SYSTEMD_DIR)/bouncewatch-journal.service
	$(UNIT_SED) contrib/bouncewatch-digest.service > $(DESTDIR)$(SYSTEMD_DIR)/bouncewatch-digest.service
	install -m 0644 contrib/bouncewatch-digest.timer $(DESTDIR)$(SYSTEMD_DIR)/
	chmod 0644 $(DESTDIR)$(SYSTEMD_DIR)/bouncewatch-digest.service
	$(UNIT_SED) contrib/bouncewatch-digest.cron > $(DESTDIR)$(PREFIX)/share/doc/bouncewatch/bouncewatch-digest.cron
	chmod 0644 $(DESTDIR)$(PREFIX)/share/doc/bouncewatch/bouncewatch-digest.cron
	install -d $(DESTDIR)$(SYSCONFDIR)/default $(DESTDIR)$(SYSCONFDIR)/bouncewatch
	[ -e $(DESTDIR)$(SYSCONFDIR)/default/bouncewatch ] || { \
		$(UNIT_SED) contrib/bouncewatch.default > $(DESTDIR)$(SYSCONFDIR)/default/bouncewatch && \
		chmod 0644 $(DESTDIR)$(SYSCONFDIR)/default/bouncewatch; }
	[ -e $(DESTDIR)$(SYSCONFDIR)/bouncewatch/bouncewatch.conf ] || \
		install -m 0644 contrib/bouncewatch.conf $(DESTDIR)$(SYSCONFDIR)/bouncewatch/bouncewatch.conf

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/bouncewatch $(DESTDIR)$(SYSTEMD_DIR)/bouncewatch.service \
		$(DESTDIR)$(SYSTEMD_DIR)/bouncewatch-journal.service \
		$(DESTDIR)$(SYSTEMD_DIR)/bouncewatch-digest.service \
		$(DESTDIR)$(SYSTEMD_DIR)/bouncewatch-digest.timer \
		$(DESTDIR)$(PREFIX)/share/man/man1/bouncewatch.1 \
		$(DESTDIR)$(PREFIX)/share/man/man5/bouncewatch.conf.5 \
		$(DESTDIR)$(PREFIX)/share/man/man5/bouncewatch.rules.5 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/bouncewatch
	rm -rf $(DESTDIR)$(PREFIX)/share/bouncewatch $(DESTDIR)$(PREFIX)/share/doc/bouncewatch

clean:
	rm -rf $(O) build-san build-fuzz bouncewatch
