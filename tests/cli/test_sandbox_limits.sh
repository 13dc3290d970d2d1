#!/bin/sh
# test_sandbox_limits.sh: the rules' limits are for the rules' code, not
# for the kit's own work (issue 13). A legal questionnaire of 10,000
# questions, each with a when: (generated here, not committed) loads and
# scores under the default limits, and even under --max-memory 2 and a
# --timeout of 0.05 s for loading, while a rule's own memory still meets
# the cap. An error in a when: names its line of the questionnaire (when:
# expressions are compiled alone, their lines mapped back). A pattern bomb
# comes back as exit 65 with its message.
. "$(dirname "$0")/lib.sh"

# gen N: $RK_TMP/big.yaml (N yes/no questions, each but the first with
# when: "answer.q<i-1> == 'yes'") and big-answers.yaml (all yes).
gen() {
    awk -v n="$1" 'BEGIN {
      print "id: big\nversion: 1.0.0\ntitle: {en: Big}\nlanguages: [en]"
      print "levels:\n  - {id: low, min: 0, name: {en: Low}}\n  - {id: high, min: 50, name: {en: High}}"
      print "pillars:\n  - id: p\n    title: {en: P}\n    questions:"
      for (i = 1; i <= n; i++) {
        print "      - id: q" i "\n        type: yes_no\n        text: {en: Question " i "}"
        if (i > 1) print "        when: \"answer.q" (i - 1) " == '\''yes'\''\""
      }
    }' >"$RK_TMP/big.yaml"
    awk -v n="$1" 'BEGIN {
      print "questionnaire: big\nversion: 1.0.0\nsubject: Big\nlanguage: en\nanswers:"
      for (i = 1; i <= n; i++) print "  q" i ": yes"
    }' >"$RK_TMP/big-answers.yaml"
}

gen 10000
run "$RK_BIN" check "$RK_TMP/big.yaml"
expect_ran "10,000 questions with when: load under the default limits" 0 "10000 questions"
run "$RK_BIN" score -f json -q "$RK_TMP/big.yaml" "$RK_TMP/big-answers.yaml"
expect_ran "10,000 questions score under the default 32 MiB" 0 '"score": 100'
run "$RK_BIN" score --max-memory 2 -q "$RK_TMP/big.yaml" "$RK_TMP/big-answers.yaml"
expect_ran "... and under --max-memory 2 (the kit's memory is not the rules')" 0 "overall  100.0"
# check also runs the when: and the rules on two made-up assessments under
# the user's limits (rules' work, the standard scorer included), which may or
# may not fit in 0.05 s here; loading and compiling the 10,000 when: must
# never be what stops it, and a limit hit is told once.
run "$RK_BIN" check --timeout 0.05 "$RK_TMP/big.yaml"
begin_case "compiling 10,000 when: is not timed (only the dry run's scoring is)"
if [ "$rc" = 0 ]; then
    want_rc 0
    want_contains "$out" "10000 questions"
else
    want_rc 65
    want_contains "$err" "time limit of 0.05 s exceeded"
    want_contains "$err" "assessment" # the dry run's, never the loader's
    n=$(printf '%s\n' "$err" | grep -c "exceeded")
    [ "$n" = 1 ] || case_fail "one limit error, not $n"
fi
end_case

# the rules' own memory still meets the cap, with that questionnaire
cat >"$RK_TMP/strings.lua" <<'LUA'
local parts = {}
for i = 1, 150000 do parts[i] = "item " .. i end
return {}
LUA
run "$RK_BIN" score --max-memory 2 --rules "$RK_TMP/strings.lua" -q "$RK_TMP/big.yaml" \
    "$RK_TMP/big-answers.yaml"
expect_ran "a rule's own memory is capped beside 10,000 questions" 65 \
    "strings.lua:2: memory limit of 2 MiB exceeded"

# a runtime error in a when: far down the file names its own line
gen 3
cat >>"$RK_TMP/big.yaml" <<'YAML'
      - id: late
        type: yes_no
        text: {en: Late}
        when: "answer.q1 + 1 > 0"
YAML
line=$(grep -n 'answer.q1 + 1' "$RK_TMP/big.yaml" | cut -d: -f1)
run "$RK_BIN" score -q "$RK_TMP/big.yaml" "$RK_TMP/big-answers.yaml"
expect_ran "a when: error names its line ($line)" 65 \
    "big.yaml:$line: attempt to add a 'string' with a 'number'"
expect_not_contains "... and no Lua traceback words after it" "$err" "main chunk"

# a pattern bomb no hook sees: handed back as exit 65 with its message
run timeout 30 "$RK_BIN" report --timeout 0.3 --rules tests/cases/hostile/pattern_bomb.lua \
    questionnaires/examples/tiny-answers.yaml -o "$RK_TMP/out.pdf"
expect_ran "a pattern bomb comes back (report, exit 65)" 65 \
    "tests/cases/hostile/pattern_bomb.lua: time limit of 0.3 s exceeded (a long call such as string.find did not return)"

done_testing
