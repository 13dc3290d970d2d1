# readykit — one non-recursive GNU Makefile.
#
#   make            build build/readykit
#   make check      install dependencies, build, run every test
#   make asan       the same tests against an ASan+UBSan build (build/asan/)
#   make demo       install dependencies, build, write build/demo-report.pdf
#   make bench      benchmarks against the Python peer (prints ratios)
#   make mutate     the mutation check: each of tests/mutations/ must fail the suite
#   make deps       install missing Debian packages (scripts/install-deps.sh)
#   make clean

BUILD    ?= build
CC       ?= cc
PKGS     := lua5.4 yaml-0.1
OPT      ?= -O2
SANFLAGS ?=
CFLAGS   ?=
CFLAGS   += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
            -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings \
            $(OPT) -g $(SANFLAGS) -Iinclude -I$(BUILD)/gen \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm
LDFLAGS  += $(SANFLAGS)
Q        ?= @

SRC      := $(wildcard src/*.c)
LIB_SRC  := $(filter-out src/main.c,$(SRC))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/embedded.o
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LUA_EMBED := $(wildcard scripts/*.lua)

.PHONY: all deps check asan demo bench mutate clean
.DELETE_ON_ERROR:

all: $(BUILD)/readykit

$(BUILD)/readykit: $(BUILD)/obj/main.o $(LIB_OBJ)
	@echo "LD  $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj $(BUILD)/gen/embedded.h
	@echo "CC  $<"
	$(Q)$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

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

$(BUILD)/bench-loader: tests/bench/bench_loader.c $(LIB_OBJ)
	@echo "CC  $<"
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LDLIBS)

$(BUILD)/bench-rules: tests/bench/bench_rules.c $(LIB_OBJ)
	@echo "CC  $<"
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LDLIBS)

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
	$(Q)$(MAKE) --no-print-directory all $(BUILD)/bench-loader $(BUILD)/bench-rules
	$(Q)sh tests/bench/run.sh $(BUILD)

mutate: deps
	$(Q)sh tests/mutate.sh

clean:
	rm -rf build

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d)
