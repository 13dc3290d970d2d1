# readykit — one non-recursive GNU Makefile.
#
#   make            build build/readykit
#   make check      install dependencies, build, run every test
#   make asan       the same tests against an ASan+UBSan build (build/asan/)
#   make demo       install dependencies, build, write build/demo-report.pdf
#   make bench      scoring at scale: readykit, the Python peer, the libyaml floor
#   make sensitivity  how the SSE examples' ranking moves with each pillar weight x0.5, x1.5
#   make mutate     the mutation check: each of tests/mutations/ must fail the suite
#   make fuzz       build tests/fuzz/fuzz_*.c with clang's libFuzzer (build/fuzz/),
#                   run each (or FUZZ_TARGETS="score rules") for FUZZ_SECONDS
#                   (default 60); fails on any crash
#   make deps       install missing Debian packages (scripts/install-deps.sh)
#   make install    install under $(DESTDIR)$(PREFIX) (default /usr/local);
#                   make uninstall removes what it installed
#   make clean

BUILD    ?= build
VERSION  := 0.2.0
PREFIX   ?= /usr/local
DATADIR  ?= $(PREFIX)/share
SHAREDIR := $(DATADIR)/readykit
MANDIR   ?= $(DATADIR)/man
CC       ?= cc
PKGS     := lua5.4 yaml-0.1 libedit xlsxwriter
OPT      ?= -O2
SANFLAGS ?=
CFLAGS   ?=
CFLAGS   += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
            -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings \
            $(OPT) -g $(SANFLAGS) -Iinclude -I$(BUILD)/gen \
            -DRK_VERSION='"$(VERSION)"' -DRK_SHARE_DIR='"$(SHAREDIR)/questionnaires"' \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lcsv -lm
LDFLAGS  += $(SANFLAGS)
Q        ?= @

SRC      := $(wildcard src/*.c)
LIB_SRC  := $(filter-out src/main.c,$(SRC))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/embedded.o
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LUA_EMBED := $(wildcard scripts/*.lua scripts/new/*) # scripts/new: readykit new

.PHONY: all deps check asan demo bench sensitivity mutate fuzz fuzz-bins clean install uninstall man libs deb FORCE
.DELETE_ON_ERROR:

all: $(BUILD)/readykit

$(BUILD)/readykit: $(BUILD)/obj/main.o $(LIB_OBJ)
	@echo "LD  $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Plain `make` on a machine without the libraries says what is missing
# instead of failing in the compiler.
libs:
	$(Q)sh scripts/install-deps.sh --check-build

# The version and the installed share folder are compiled in: rebuild the
# files that use them when either changes.
$(BUILD)/gen/config.stamp: FORCE | $(BUILD)/gen
	$(Q)echo '$(VERSION) $(SHAREDIR)' | cmp -s - $@ 2>/dev/null || echo '$(VERSION) $(SHAREDIR)' > $@
$(BUILD)/obj/main.o $(BUILD)/obj/cli.o $(BUILD)/obj/locate.o $(BUILD)/obj/cli_aggregate.o: $(BUILD)/gen/config.stamp

$(BUILD)/obj/%.o: src/%.c | libs $(BUILD)/obj $(BUILD)/gen/embedded.h
	@echo "CC  $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# Lua files in scripts/ are compiled into the binary as C byte arrays, so an
# installed readykit needs no extra files (scripts/embed.sh, no xxd needed).
$(BUILD)/gen/embedded.c $(BUILD)/gen/embedded.h &: scripts/embed.sh $(LUA_EMBED) | $(BUILD)/gen
	@echo "GEN $(BUILD)/gen/embedded.c"
	$(Q)sh scripts/embed.sh $(BUILD)/gen/embedded $(LUA_EMBED)

$(BUILD)/obj/embedded.o: $(BUILD)/gen/embedded.c | $(BUILD)/obj
	@echo "CC  $<"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ) | $(BUILD)/tests
	@echo "CC  $<"
	$(Q)$(CC) $(CFLAGS) -Wno-missing-prototypes -MMD -MP -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LDLIBS) -lcmocka

# The fault-injection sweep also fails the library's own malloc calls.
$(BUILD)/tests/test_faults: LDFLAGS += -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup

$(BUILD)/bench-loader: tests/bench/bench_loader.c $(LIB_OBJ)
	@echo "CC  $<"
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LDLIBS)

$(BUILD)/bench-rules: tests/bench/bench_rules.c $(LIB_OBJ)
	@echo "CC  $<"
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LDLIBS)

$(BUILD)/bench-floor: tests/bench/yaml_floor.c | $(BUILD)/obj
	@echo "CC  $<"
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(LDFLAGS) $(LDLIBS)

$(BUILD)/obj $(BUILD)/gen $(BUILD)/tests:
	$(Q)mkdir -p $@

deps:
	$(Q)sh scripts/install-deps.sh

tests: $(BUILD)/readykit $(TEST_BIN)

check: deps
	$(Q)$(MAKE) --no-print-directory tests
	$(Q)sh tests/run.sh $(BUILD)

asan: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan OPT=-O1 \
	    SANFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" tests
	$(Q)ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    sh tests/run.sh build/asan

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)./$(BUILD)/readykit report questionnaires/examples/quebec.yaml -o $(BUILD)/demo-report.pdf

bench: deps
	$(Q)$(MAKE) --no-print-directory all $(BUILD)/bench-loader $(BUILD)/bench-rules $(BUILD)/bench-floor
	$(Q)sh tests/bench/run.sh $(BUILD)

# Man pages, written in scdoc (scripts/man/*.scd).
MAN_SRC  := $(wildcard scripts/man/*.scd)
MAN_OUT  := $(MAN_SRC:scripts/man/%.scd=$(BUILD)/man/%)
man: $(MAN_OUT)
$(BUILD)/man/%: scripts/man/%.scd
	$(Q)mkdir -p $(BUILD)/man
	@command -v scdoc >/dev/null || { echo "scdoc is missing: run 'make deps'" >&2; exit 1; }
	$(Q)scdoc < $< > $@

# Everything an installed readykit needs: the binary (with the share folder
# compiled into its search path), the questionnaires with their rules, the
# JSON Schema and Lua type definitions, example rules, man pages, completions.
install: all man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(SHAREDIR)/questionnaires \
	    $(DESTDIR)$(SHAREDIR)/rules $(DESTDIR)$(SHAREDIR)/types \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(DATADIR)/bash-completion/completions $(DESTDIR)$(DATADIR)/zsh/site-functions
	install -m 755 $(BUILD)/readykit $(DESTDIR)$(PREFIX)/bin/readykit
	install -m 644 $(filter-out questionnaires/tiny%,$(wildcard questionnaires/*.yaml questionnaires/*.lua)) \
	    $(DESTDIR)$(SHAREDIR)/questionnaires/
	install -d $(DESTDIR)$(SHAREDIR)/questionnaires/references
	install -m 644 questionnaires/references/*.yaml $(DESTDIR)$(SHAREDIR)/questionnaires/references/
	install -m 644 questionnaires/schema.json $(DESTDIR)$(SHAREDIR)/
	install -m 644 scripts/rules/*.lua $(DESTDIR)$(SHAREDIR)/rules/
	install -m 644 scripts/types/*.lua $(DESTDIR)$(SHAREDIR)/types/
	for m in $(MAN_OUT); do s=$${m##*.}; install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/; done
	install -m 644 scripts/completion/readykit.bash $(DESTDIR)$(DATADIR)/bash-completion/completions/readykit
	install -m 644 scripts/completion/_readykit $(DESTDIR)$(DATADIR)/zsh/site-functions/_readykit

# A Debian package (debian/), built from a copy of the tree so that the
# working build folder is left alone: $(BUILD)/deb/readykit_*.deb
deb:
	rm -rf $(BUILD)/deb && mkdir -p $(BUILD)/deb/src
	tar -cf - --exclude=./build --exclude=./.git . | tar -xf - -C $(BUILD)/deb/src
	cd $(BUILD)/deb/src && dpkg-buildpackage -us -uc -b
	@ls $(BUILD)/deb/*.deb

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/readykit
	rm -rf $(DESTDIR)$(SHAREDIR)
	for m in $(notdir $(MAN_OUT)); do rm -f $(DESTDIR)$(MANDIR)/man$${m##*.}/$$m; done
	rm -f $(DESTDIR)$(DATADIR)/bash-completion/completions/readykit
	rm -f $(DESTDIR)$(DATADIR)/zsh/site-functions/_readykit

# How the ranking of the shipped SSE examples moves when each pillar weight is halved or
# raised by half (a report, not a test).
sensitivity: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)sh tests/bench/sensitivity.sh $(BUILD)

mutate: deps
	$(Q)sh tests/mutate.sh

# Fuzzing: the library built with clang for libFuzzer in its own folder, one
# binary per tests/fuzz/fuzz_*.c, each run by tests/fuzz/run.sh from the seeds
# its header names.
FUZZ_SECONDS ?= 60
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_BIN := $(patsubst tests/fuzz/%.c,$(BUILD)/%,$(wildcard tests/fuzz/fuzz_*.c))
fuzz-bins: $(FUZZ_BIN)
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_OBJ)
	@echo "LD  $@"
	$(Q)$(CC) $(CFLAGS) -Wno-missing-prototypes -fsanitize=fuzzer -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LDLIBS)
fuzz: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang OPT=-O1 \
	    SANFLAGS="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" fuzz-bins
	$(Q)sh tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf build

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d)
