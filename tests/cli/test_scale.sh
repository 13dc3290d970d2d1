#!/bin/sh
# test_scale.sh: issue 13's scale items. YAML at scale loads in linear time
# (tests/cases/scale, generated here); outputs never replace their inputs
# (report -o the questionnaire's rules, export and import onto theirs).
. "$(dirname "$0")/lib.sh"

# readykit runs at all: the rest means something only if this passes
run "$RK_BIN" score -q questionnaires/tiny.yaml questionnaires/examples/tiny-answers.yaml
expect_ran "score the tiny answers" 0 "Tinyland (example)"

# ---- YAML at scale: one TAP line per case of tests/cases/scale/cases.txt ----
# A limit of 20 s of CPU time (ulimit -t, not the clock: the machine's other
# load does not count): the quadratic loader of before needed from 18 s to
# minutes of CPU at these sizes, the linear one well under a second.
gen=$RK_TMP/gen
mkdir "$gen"
while IFS='|' read -r kind n cmd want frag; do
    case $kind in '#'*) continue ;; esac
    f=$gen/$kind-$n.yaml
    [ -f "$f" ] || /usr/bin/python3 tests/bench/gen_scale.py "$kind" "$n" "$f"
    case $cmd in
        check) set -- check "$f" ;;
        score-tiny) set -- score -q questionnaires/tiny.yaml "$f" ;;
        template) set -- template "$f" -o "$f.answers.yaml" ;;
        score-big) set -- score --max-memory 4096 --timeout 3600 "$f" ;;
        *) set -- "unknown command '$cmd' in cases.txt" ;;
    esac
    run sh -c 'ulimit -t 20; exec "$0" "$@"' "$RK_BIN" "$@"
    begin_case "$kind $n ($cmd)"
    want_rc "$want"
    want_contains "$out$err" "$(printf '%s' "$frag" | sed "s|FILE|$f|")" output
    end_case
done <tests/cases/scale/cases.txt

# ---- outputs that are inputs: 64, the inputs as they were ------------------
g=$RK_TMP/guard
mkdir "$g"
cp questionnaires/sse-national.yaml questionnaires/sse-national.lua "$g/"
cp questionnaires/examples/quebec.yaml "$g/quebec.yaml"
cp questionnaires/tiny.yaml "$g/tiny.yaml"
cp questionnaires/examples/tiny-answers.yaml "$g/ta.yaml"
printf 'return {}\n' >"$g/extra.lua"
printf 'id,has_law\nr1,yes\ntiny,no\n' >"$g/responses.csv"
mkdir "$g/keep"
cp "$g"/* "$g/keep/" 2>/dev/null
while IFS='|' read -r what args; do
    # shellcheck disable=SC2086
    run "$RK_BIN" $args
    begin_case "$what"
    want_rc 64
    want_contains "$err" "the output is an input" output
    for kept in "$g"/keep/*; do
        cmp -s "$kept" "$g/${kept##*/}" || case_fail "${kept##*/} changed"
    done
    end_case
    cp "$g"/keep/* "$g/" # each case starts from the same inputs
done <<CASES
report -o the questionnaire's own rules file|report $g/quebec.yaml -o $g/sse-national.lua
report -o a --rules file|report $g/quebec.yaml -r $g/extra.lua -o $g/extra.lua
score -o the questionnaire's own rules file|score $g/quebec.yaml -o $g/sse-national.lua
export -o its questionnaire|export --xlsform $g/tiny.yaml -o $g/tiny.yaml
import into the questionnaire's folder, a row named like it|import $g/tiny.yaml $g/responses.csv -o $g
score --aggregate -o the questionnaire found beside the answers|score --aggregate $g/ta.yaml $g/ta.yaml -o $g/tiny.yaml
report --aggregate -o the questionnaire found beside the answers|report --aggregate $g/ta.yaml $g/ta.yaml -o $g/tiny.yaml
report --aggregate -o an answers file|report --aggregate $g/ta.yaml $g/quebec.yaml -o $g/quebec.yaml
CASES

# the same report with another output is written (the guard is not a refusal
# of everything)
run "$RK_BIN" report "$g/quebec.yaml" -o "$g/quebec.pdf"
expect_ran "report -o another name is written" 0 "wrote $g/quebec.pdf"

# ---- findings: capped per answers file, outputs streamed ----------------------
# 262 findings of 4000 bytes (1,048,000) fit in the default 1 MiB (1,048,576);
# 263 do not: the file fails with 65, the message names the rule file.
fd=$RK_TMP/findings
mkdir "$fd"
cp questionnaires/tiny.yaml "$fd/tiny.yaml"
for n in 262 263 1000; do
    printf 'local t = string.rep("x", 4000)\nreturn { result = function ()\n  for i = 1, %d do rk.finding{priority = 1, text = t} end\nend }\n' \
        "$n" >"$fd/f$n.lua"
done
for i in $(seq -w 1 40); do cp questionnaires/examples/tiny-answers.yaml "$fd/a$i.yaml"; done
while IFS='|' read -r what args want frag; do
    # shellcheck disable=SC2086
    run "$RK_BIN" score -f json $args "$fd/a01.yaml"
    begin_case "$what"
    want_rc "$want"
    want_contains "$out$err" "$frag"
    end_case
done <<CASES
262 findings of 4000 bytes fit in the default 1 MiB|-r $fd/f262.lua|0|"priority": 1, "kind": "recommendation", "text": "xxxx
263 findings of 4000 bytes: 65, the rule file named|-r $fd/f263.lua|65|f263.lua:3: rk.finding: the findings of this answers file exceed 1048576 bytes of text
--max-findings-bytes 1052000 lets 263 through|--max-findings-bytes 1052000 -r $fd/f263.lua|0|"priority": 1, "kind": "recommendation", "text": "xxxx
--max-findings-bytes 1e30 is refused|--max-findings-bytes 1e30 -r $fd/f263.lua|64|--max-findings-bytes expects bytes from 1000 to 1e9, found '1e30'
--max-findings-bytes 999 is refused|--max-findings-bytes 999 -r $fd/f263.lua|64|--max-findings-bytes expects bytes from 1000 to 1e9, found '999'
CASES
run "$RK_BIN" score -f json --max-findings-bytes 1052000 -r "$fd/f263.lua" "$fd/a01.yaml"
n=$(printf '%s' "$out" | grep -o '"priority": 1' | wc -l)
[ "$n" = 263 ] && ok "all 263 findings are written" || not_ok "263 findings: $n written"

# 40 files of 4 MB of findings each (160 MB of JSON) through -o, two jobs,
# within 150 MB of address space: results go to the output as they come,
# not held (the code of before held them all, and crashed here). ASan
# reserves terabytes of address space: that build cannot run under ulimit -v.
if [ -n "${ASAN_OPTIONS:-}" ]; then
    skip "-o streams big results in bounded memory" "ci-allowed: ASan's shadow memory needs an unlimited address space"
else
    run sh -c 'ulimit -v 150000; exec "$0" "$@"' "$RK_BIN" score -j 2 -f json \
        --max-findings-bytes 4e6 -r "$fd/f1000.lua" -o "$fd/out.json" "$fd"/a*.yaml
    lines=$(wc -l <"$fd/out.json" 2>/dev/null)
    last=$(tail -n 1 "$fd/out.json" 2>/dev/null | cut -c1-200)
    begin_case "-o streams 40 results of 4 MB in 150 MB of address space, in input order"
    want_rc 0
    [ "$lines" = 40 ] || case_fail "$lines lines in the output, wanted 40"
    want_contains "$last" '"file": "'"$fd"'/a40.yaml"'
    end_case
fi
rm -f "$fd/out.json"

done_testing
