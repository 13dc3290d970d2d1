#!/bin/sh
# mutate.sh [NAME...]: the mutation check (`make mutate`). Each file
# tests/mutations/NAME.mut describes one small breakage of the sources:
#
#   why: the one-line reason it matters (what a user would lose)
#   file: src/sandbox_alloc.c
#   find: if (sb->mem_used - osize + nsize > cap || nsize - osize > cap) {
#   replace: if (0) {
#
# `find` is a fixed string (leading and trailing blanks ignored) that must
# occur exactly once in `file`; it is replaced by `replace`. For each
# mutation, in a copy of the tree (the worktree is never touched): apply,
# build, run the fast part of the suite (unit tests, then the CLI scripts
# but the slow ones), stopping at the first failing program. A mutation is
# killed when the suite fails, and survives when it passes: any survivor
# fails the check. A mutation that no longer applies, or does not build,
# fails it too, loudly, so that it is refreshed when the sources move.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
muts="$top/tests/mutations"
# CLI scripts left out of the fast suite: they test the harness and the
# schema, not the code a mutation touches.
slow="test_harness.sh test_questionnaire_schema.sh"
export RK_HOSTILE_LIMITS="--timeout 0.25 --max-instructions 2000000"
export RK_TEST_TIMEOUT=60

if [ $# -gt 0 ]; then
    list=""
    for n in "$@"; do list="$list $muts/${n%.mut}.mut"; done
else
    list=$(ls "$muts"/*.mut)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
mkdir "$tree"
(cd "$top" && tar --exclude=./build --exclude=./.git -cf - .) | (cd "$tree" && tar -xf -)

# field NAME FILE: the value of "NAME: value" in a mutation file.
field() { sed -n "s/^$1:[[:space:]]*//p" "$2" | sed 's/[[:space:]]*$//' | head -n 1; }

# apply FILE FIND REPLACE: replace the one occurrence (python3: fixed strings).
apply() {
    /usr/bin/python3 - "$@" <<'PY'
import sys
path, find, repl = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
n = text.count(find)
if n != 1:
    print("found %d times" % n if n else "not found")
    sys.exit(1)
open(path, "w", encoding="utf-8").write(text.replace(find, repl))
PY
}

# Every mutation must still apply before any time is spent building.
stale=""
for m in $list; do
    name=$(basename "$m" .mut)
    file=$(field file "$m")
    find=$(field find "$m")
    if [ ! -f "$m" ] || [ -z "$file" ] || [ -z "$find" ] || [ -z "$(field why "$m")" ]; then
        stale="$stale
mutation $name is incomplete: it needs why:, file:, find: and replace: lines"
        continue
    fi
    cp "$tree/$file" "$work/check" 2>/dev/null || { stale="$stale
mutation $name no longer applies: no file $file"; continue; }
    if ! msg=$(apply "$work/check" "$find" "$(field replace "$m")"); then
        stale="$stale
mutation $name no longer applies: line $msg in $file: $find"
    fi
done
if [ -n "$stale" ]; then
    printf '%s\n' "$stale" | sed '/^$/d' >&2
    echo "mutate: refresh the mutations above in tests/mutations/ (the sources moved)" >&2
    exit 1
fi

build() { make -C "$tree" -s --no-print-directory tests >"$work/build.log" 2>&1; }

# suite: run the fast suite in the copy; print the first failing line.
suite() {
    set --
    for t in "$tree"/build/tests/test_*; do
        case "$t" in *.d) continue ;; esac
        [ -x "$t" ] && set -- "$@" "$t"
    done
    for t in "$tree"/tests/cli/test_*.sh; do
        case " $slow " in *" $(basename "$t") "*) continue ;; esac
        set -- "$@" "$t"
    done
    for t in "$@"; do
        if ! (cd "$tree" && sh tests/run.sh build "$t") >"$work/suite.log" 2>&1; then
            printf '%s: %s\n' "$(basename "$t")" \
                "$(grep -m 1 -e '^   not ok' -e '^   | not ok' "$work/suite.log" | sed 's/^ *|* *//' | cut -c 1-150)"
            return 1
        fi
    done
    return 0
}

start=$(date +%s)
echo "mutate: building the unmutated copy"
if ! build; then
    tail -n 20 "$work/build.log" >&2
    echo "mutate: the unmutated tree does not build" >&2
    exit 1
fi
if first=$(suite); then :; else
    echo "mutate: the unmutated tree fails the fast suite: $first" >&2
    exit 1
fi

killed=0
survived=0
broken=0
table=""
for m in $list; do
    name=$(basename "$m" .mut)
    file=$(field file "$m")
    cp "$tree/$file" "$work/orig"
    apply "$tree/$file" "$(field find "$m")" "$(field replace "$m")" >/dev/null
    t0=$(date +%s)
    if ! build; then
        verdict="BROKEN"; by="does not build: $(grep -m 1 'error' "$work/build.log")"
        broken=$((broken + 1))
    elif by=$(suite); then
        verdict="SURVIVED"; by="$(field why "$m")"
        survived=$((survived + 1))
    else
        verdict="killed"
        killed=$((killed + 1))
    fi
    cp "$work/orig" "$tree/$file"
    line=$(printf '%-28s %-8s %4ss  %s' "$name" "$verdict" "$(($(date +%s) - t0))" "$by")
    echo "$line"
    table="$table
$line"
done
echo
echo "mutation                     result   time  killed by (first failing check) / why it matters"
printf '%s\n' "$table" | sed '/^$/d'
echo "$killed killed, $survived survived, $broken broken, in $(($(date +%s) - start)) s"
[ "$survived" = 0 ] && [ "$broken" = 0 ]
