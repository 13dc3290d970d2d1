#!/bin/sh
# run.sh BUILD_DIR SECONDS [NAME...]: run the libFuzzer binary
# BUILD_DIR/fuzz_NAME (built by `make fuzz`) of every tests/fuzz/fuzz_NAME.c
# (or of the NAMEs given: `make fuzz FUZZ_TARGETS="score rules"`) for SECONDS
# each, from the repository's top folder (targets load fixed questionnaires
# by relative path).
#
# Each target's seeds are named in its source's header by lines
#   * seeds(.EXT): PATH...
# every file ending in .EXT below each PATH (at most 256 KiB; a token !NAME
# leaves out the files so named) is copied into a fresh temporary corpus, so
# the tree is never written to. One line per target: "fuzz NAME: N runs in
# S s from N seeds: ok" (or "CRASH"). A crash, leak, timeout or out-of-memory
# input is kept in BUILD_DIR/crashes/ and printed in base64 into the log, so
# that it survives as a CI artefact; replay it with
#   base64 -d > crash.bin; BUILD_DIR/fuzz_NAME crash.bin
# Exits 1 when any target found something (or did not run), 0 otherwise.
set -u
build=${1:?usage: run.sh BUILD_DIR SECONDS}
seconds=${2:-60}
shift 2 2>/dev/null || shift $#
only=" $* "
cd "$(dirname "$0")/../.." || exit 1
crashes="$build/crashes"
mkdir -p "$crashes"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
failed=0
total=0

for src in tests/fuzz/fuzz_*.c; do
    name=${src#tests/fuzz/fuzz_}
    name=${name%.c}
    [ "$only" = "  " ] || case $only in *" $name "*) ;; *) continue ;; esac
    bin="$build/fuzz_$name"
    total=$((total + 1))
    if [ ! -x "$bin" ]; then
        echo "fuzz $name: $bin is missing: FAILED"
        failed=$((failed + 1))
        continue
    fi
    corpus="$work/$name"
    mkdir -p "$corpus"
    line=$(sed -n 's/^ \* seeds(\(\.[A-Za-z0-9]*\)): *//p' "$src" | tr '\n' ' ')
    ext=$(sed -n 's/^ \* seeds(\(\.[A-Za-z0-9]*\)):.*/\1/p' "$src" | head -n 1)
    n=0
    skip=" $(echo "$line" | tr ' ' '\n' | sed -n 's/^!//p' | tr '\n' ' ') "
    for dir in $line; do
        case $dir in !*) continue ;; esac
        for f in $(find "$dir" -type f -name "*$ext" -size -257k 2>/dev/null); do
            case $skip in *" ${f##*/} "*) continue ;; esac
            n=$((n + 1))
            cp "$f" "$corpus/seed-$n$ext"
        done
    done
    rm -f "$crashes/$name"-*
    log="$work/$name.log"
    start=$(date +%s)
    "$bin" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 \
        -artifact_prefix="$crashes/$name-" -print_final_stats=1 "$corpus" >"$log" 2>&1
    rc=$?
    secs=$(($(date +%s) - start))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    found=$(ls "$crashes/$name"-* 2>/dev/null)
    if [ "$rc" = 0 ] && [ -z "$found" ]; then
        echo "fuzz $name: ${runs:-?} runs in $secs s from $n seeds: ok"
        continue
    fi
    failed=$((failed + 1))
    echo "fuzz $name: ${runs:-?} runs in $secs s from $n seeds: CRASH (exit $rc)"
    # The sanitizer's report, then each saved input.
    grep -E '^(==[0-9]+==|SUMMARY|    #[0-9]+ |.*runtime error)' "$log" | head -n 60 | sed 's/^/    /'
    for f in $found; do
        echo "    input $f ($(wc -c <"$f") bytes), base64:"
        head -c 65536 "$f" | base64 | sed 's/^/    /'
    done
done

echo "fuzz: $total targets, $failed found something"
[ "$failed" = 0 ]
