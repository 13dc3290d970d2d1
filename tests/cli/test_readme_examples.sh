#!/bin/sh
# test_readme_examples.sh: every shell example of every README (*.md in the
# tree) runs, from the top of a copy of the tree, with readykit on PATH (and
# as build/readykit), one TAP line per example.
#
# The convention the READMEs follow:
#   - a shell example is a fenced block marked ```sh (commands) or ```console
#     (lines "$ COMMAND", a trailing \ continues one; the lines after a
#     command are its output, and each must appear in what the block prints);
#   - a block runs as one `sh -e` script, with standard input empty, and must
#     exit 0, unless the line just before its fence says otherwise:
#       <!-- readme-test: exit 65 -->           the status it must end with
#       <!-- readme-test: skip REASON -->        not run (make deps, make
#                                                install without DESTDIR, ...)
#   - the blocks of one README run in order in one copy, as a reader follows
#     them, so a block may use what an earlier one wrote;
#   - a command written anywhere else (an indented block, a ``` block
#     without sh or console) fails the lint case below.
#
# The READMEs name some files that stand for the reader's own; the copy
# holds one of each (say so in the README that uses them):
#   answers/        the sse-national answers files of questionnaires/examples/
#   answers.yaml    questionnaires/examples/quebec.yaml
#   responses.csv   a KoboToolbox export of sse-national, two respondents
#                   (tests/cli/consult_fill.py, as in test_consult_import.sh)
#   my-rules.lua    scripts/rules/evidence.lua
# and, for questionnaires/README.md, the two files its text says to save:
#   city-sse.yaml, answers/riverton.yaml   its first ```yaml block, and the
#                   one that starts "# Answers to city-sse"
. "$(dirname "$0")/lib.sh"
# An example that ran the test suite would run this script again, and so on.
if [ -n "${RK_README_EXAMPLE:-}" ]; then
    tap_done=yes; echo "1..0 # SKIP ci-allowed: run from a README example"; exit 0
fi

ex="$RK_TMP/ex"
mkdir -p "$ex" "$RK_TMP/bin"
ln -s "$RK_BIN" "$RK_TMP/bin/readykit"

# The READMEs of the tree, found rather than listed, so a new one is covered.
readmes=$(find . -name '*.md' -not -path './build*' -not -path './.git/*' \
          -not -path './debian/*' | sed 's|^\./||' | sort)

# Split one README into $ex/N.sh (the script), N.want (output lines shown,
# console only), N.info ("FILE:LINE|EXIT|SKIP-REASON"); lint problems go to
# $ex/lint.
extract() {
    awk -v file="$1" -v dir="$ex" -v start="$2" '
    function flush() { close(f); close(w) }
    BEGIN { n = start }
    /^```/ && !inblock {
        info = substr($0, 4); inblock = 1; kind = ""
        if (info == "sh" || info == "console") {
            n++; kind = info; f = dir "/" n ".sh"; w = dir "/" n ".want"
            st = 0; skip = ""
            if (prev ~ /^<!-- readme-test: exit [0-9]+ -->$/) { st = prev; gsub(/[^0-9]/, "", st) }
            if (prev ~ /^<!-- readme-test: skip/) {
                skip = prev; sub(/^<!-- readme-test: skip */, "", skip); sub(/ *-->$/, "", skip)
                if (skip == "") skip = "(no reason given)"
            }
            printf "%s:%d|%d|%s\n", file, NR, st, skip > (dir "/" n ".info"); close(dir "/" n ".info")
            printf "" > f; printf "" > w; cont = 0
        } else { firstline = 1 }
        prev = $0; next
    }
    /^```/ && inblock { inblock = 0; if (kind != "") flush(); prev = $0; next }
    inblock && kind == "sh" { print > f; next }
    inblock && kind == "console" {
        if (cont) { print > f; cont = ($0 ~ /\\$/); next }
        if (substr($0, 1, 2) == "$ ") { print substr($0, 3) > f; cont = ($0 ~ /\\$/); next }
        if ($0 != "") print > w
        next
    }
    inblock {
        if (firstline && $0 ~ /^(\$ |readykit |build\/readykit |make )/)
            printf "%s:%d: a command in a ``` block: mark it ```sh or ```console\n", file, NR >> (dir "/lint")
        firstline = 0; next
    }
    # an indented code line outside a fence that is a command
    $0 ~ /^    +(\$ |readykit |build\/readykit |make )/ && prev ~ /^( *|    .*)$/ {
        printf "%s:%d: an indented command: put it in a ```sh or ```console block\n", file, NR >> (dir "/lint")
    }
    { prev = $0 }
    END { print n > (dir "/count") }
    ' "$1"
}

# A copy of the tree with the stand-ins for the reader's files (MD: the
# README whose examples will run in it).
make_copy() {
    c=$1 md=$2
    mkdir -p "$c"
    tar -cf - --exclude=./build --exclude=./.git . | tar -xf - -C "$c"
    mkdir -p "$c/build" "$c/answers"
    ln -s "$RK_BIN" "$c/build/readykit"
    for f in questionnaires/examples/*.yaml; do
        grep -q '^questionnaire: sse-national' "$f" && cp "$f" "$c/answers/"
    done
    cp questionnaires/examples/quebec.yaml "$c/answers.yaml"
    cp scripts/rules/evidence.lua "$c/my-rules.lua"
    cp "$RK_TMP/responses.csv" "$c/responses.csv"
    [ "$md" = questionnaires/README.md ] || return 0
    awk -v q="$c/city-sse.yaml" -v a="$c/answers/riverton.yaml" '
        /^```yaml$/ { n++; first = 1; next }
        /^```$/ { out = ""; next }
        first { first = 0; out = (n == 1) ? q : (/^# Answers to city-sse/ ? a : "") }
        out != "" { print > out }
    ' "$md"
}

# responses.csv: a KoboToolbox-style export of sse-national, two respondents.
"$RK_BIN" export --xlsform sse-national -o "$RK_TMP/form.xlsx" >/dev/null 2>&1
/usr/bin/python3 tests/cli/consult_fill.py "$RK_TMP/form.xlsx" kobo "$RK_TMP/responses.csv" \
    questionnaires/examples/quebec.yaml questionnaires/examples/senegal.yaml >/dev/null 2>"$RK_TMP/fill.err" || echo "# consult_fill.py: $(head -n 3 "$RK_TMP/fill.err")"

n=0
for md in $readmes; do
    extract "$md" "$n"
    n=$(cat "$ex/count")
done

ran=0
skipped=0
copy=""
last_md=""
i=0
while [ "$i" -lt "$n" ]; do
    i=$((i + 1))
    IFS='|' read -r where want skip <"$ex/$i.info"
    md=${where%%:*}
    if [ -n "$skip" ]; then
        skipped=$((skipped + 1))
        [ "$skip" != "(no reason given)" ] || not_ok "$where: a skip marker without a reason"
        continue
    fi
    if [ "$md" != "$last_md" ]; then
        copy="$RK_TMP/copy.$i"
        make_copy "$copy" "$md"
        last_md=$md
    fi
    ran=$((ran + 1))
    first=$(grep -v -e '^#' -e '^$' "$ex/$i.sh" | head -n 1 | tr -d '\\' | sed 's/  *#.*//' | cut -c1-60)
    (cd "$copy" && env -u READYKIT_PATH RK_README_EXAMPLE=1 PATH="$RK_TMP/bin:$PATH" \
        timeout 300 sh -e "$ex/$i.sh" </dev/null) >"$RK_TMP/.out" 2>&1
    rc=$?
    out=$(cat "$RK_TMP/.out")
    err=""
    begin_case "$where: $first"
    want_rc "$want"
    while IFS= read -r line; do
        want_contains "$out" "$line" "the output"
    done <"$ex/$i.want"
    end_case
done

begin_case "examples found: $ran run, $skipped marked not to run; no command outside a sh or console block"
rc=0
want_rc 0
want_true "only $ran examples ran: did the extraction break?" [ "$ran" -ge 15 ]
[ ! -s "$ex/lint" ] || case_fail "$(cat "$ex/lint")"
end_case

done_testing
