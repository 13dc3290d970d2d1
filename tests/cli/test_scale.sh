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
done <<CASES
report -o the questionnaire's own rules file|report $g/quebec.yaml -o $g/sse-national.lua
report -o a --rules file|report $g/quebec.yaml -r $g/extra.lua -o $g/extra.lua
score -o the questionnaire's own rules file|score $g/quebec.yaml -o $g/sse-national.lua
export -o its questionnaire|export --xlsform $g/tiny.yaml -o $g/tiny.yaml
import into the questionnaire's folder, a row named like it|import $g/tiny.yaml $g/responses.csv -o $g
CASES

# the same report with another output is written (the guard is not a refusal
# of everything)
run "$RK_BIN" report "$g/quebec.yaml" -o "$g/quebec.pdf"
expect_ran "report -o another name is written" 0 "wrote $g/quebec.pdf"

done_testing
