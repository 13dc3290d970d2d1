#!/bin/sh
# test_check_dryrun.sh: `readykit check` runs every when:/checks expression
# and every rule file on an empty assessment and on one of first choices;
# a nil there is an error at the expression's (or rule's) place naming the
# question and the guard; rk.cap level ids are checked in the rule files'
# source; at scoring, nil errors name the question and the answers file.
# Every shipped questionnaire and example rule file still passes check.
. "$(dirname "$0")/lib.sh"

fx=tests/cases/checkdry
q=$fx/dry.yaml
ok_q=$fx/drytest.yaml
empty=$fx/empty.yaml

# --- expressions (dry.yaml) ---------------------------------------------
run "$RK_BIN" check "$q"
expect_ran "check dry-runs the expressions of $q" 65 "$q:21:15: 'when' of question 'follow_up'"
begin_case "each failing expression at its line:column, with the question and the guard"
want_rc 65
want_contains "$err" "readykit: $q:21:15: 'when' of question 'follow_up': \`answer.informal_share\` has no answer in an empty assessment; write \`answer.informal_share ~= nil and answer.informal_share > 10\`"
want_contains "$err" "readykit: $q:41:20: check 1 of question 'orgs': \`answer.informal_share\` has no answer in an empty assessment; write \`answer.informal_share ~= nil and value <= answer.informal_share * 1000\`"
want_contains "$err" "readykit: $q:34:15: 'when' of question 'size' fails on an assessment where every question has its first choice: attempt to compare number with string"
want_true "three errors, no more" [ "$(printf '%s\n' "$err" | grep -c '^readykit: ')" = 3 ]
want_not_contains "$out" ": ok:" "stdout"
want_not_contains "$err" "main chunk"
end_case

run "$RK_BIN" check "$fx/multi.yaml"
begin_case "a multi's list: its length and its items, nil on an empty assessment"
want_rc 65
want_contains "$err" "readykit: $fx/multi.yaml:20:15: 'when' of question 'many': \`answer.tools\` has no answer in an empty assessment; write \`answer.tools ~= nil and #answer.tools > 1\`"
want_contains "$err" "readykit: $fx/multi.yaml:24:15: 'when' of question 'first': \`answer.tools\` has no answer in an empty assessment; write \`answer.tools ~= nil and answer.tools[1] == 'loans'\`"
end_case

run "$RK_BIN" check "$ok_q"
begin_case "the guards check asks for make the questionnaire pass"
want_rc 0
want_contains "$out" "$ok_q: ok: drytest 1.0.0"
want_true "nothing on stderr" [ -z "$err" ]
end_case

# --- rule files, --rules and the questionnaire's own ----------------------
# case: NAME|RULES|EXIT|TEXT (a whole line of the message, or its start)
while IFS='|' read -r name rules want text; do
    [ -n "$name" ] || continue
    run "$RK_BIN" check --rules "$fx/$rules" "$ok_q"
    begin_case "check --rules: $name"
    want_rc "$want"
    want_contains "$err" "$text"
    want_not_contains "$out" ": ok:" "stdout"
    want_not_contains "$err" "in main chunk"
    want_not_contains "$err" "in function <"
    want_not_contains "$err" "in upvalue"
    end_case
done <<EOF
a misspelt level in a branch no run takes|levels.lua|65|readykit: $fx/levels.lua:10:37: rk.cap: unknown level 'progresing' (did you mean 'progressing'?); the levels of drytest are nascent, progressing
a nil compared in a helper|nil.lua|65|readykit: $fx/nil.lua:2: informal_share has no answer in an empty assessment; test it first: if rk.answer("informal_share") ~= nil and ... then (while scoring the result)
arithmetic on a nil field named after a question|arith.lua|65|readykit: $fx/arith.lua:5: informal_share has no answer in an empty assessment; test it first: if <table>.informal_share ~= nil and ... then (while scoring the result)
a level built at run time|dynamic.lua|65|readykit: $fx/dynamic.lua:4: rk.cap: unknown level 'progresing' (did you mean 'progressing'?); the levels are nascent, progressing (while scoring the result) [on an empty assessment]
EOF

run "$RK_BIN" check --rules "$fx/nil.lua" "$ok_q"
begin_case "the traceback in plain words, not Lua's"
want_rc 65
want_contains "$err" "$(printf '\n  %s\n  %s' "$fx/nil.lua:2: in function 'share'" \
    "$fx/nil.lua:6: in the function that starts at line 5")"
end_case

run "$RK_BIN" check --rules "$fx/top.lua" "$ok_q"
begin_case "a top-level error's traceback in plain words"
want_rc 65
want_contains "$err" "$(printf '%s\n  %s\n  %s' "readykit: $fx/top.lua:2: attempt to perform arithmetic on a nil value" \
    "$fx/top.lua:2: in function 'f'" "$fx/top.lua:3: at the top level of the file")"
end_case

run "$RK_BIN" check --rules "$fx/levels.lua" "$ok_q"
begin_case "levels in a comment and in a string are not calls; one error only"
want_rc 65
want_true "one error" [ "$(printf '%s\n' "$err" | grep -v ': warning: ' | grep -c '^readykit: ')" = 1 ]
want_not_contains "$err" "commented"
want_not_contains "$err" "quoted"
want_not_contains "$err" "longcomment"
want_not_contains "$err" "longstring"
want_not_contains "$err" "inner"
end_case

# The questionnaire's own rules file is dry-run too (rules: beside it).
cp "$ok_q" "$RK_TMP/own.yaml"
cp "$fx/nil.lua" "$RK_TMP/own.lua"
printf 'rules: own.lua\n' >>"$RK_TMP/own.yaml"
run "$RK_BIN" check "$RK_TMP/own.yaml"
expect_ran "the questionnaire's own rules file is dry-run" 65 "own.lua:2: informal_share has no answer in an empty assessment"
run "$RK_BIN" check --no-default-rules "$RK_TMP/own.yaml"
expect_ran "--no-default-rules leaves it out" 0 "own.yaml: ok: drytest"

# --- at scoring: the answers file and the guard ----------------------------
# case: NAME|ARGS|TEXT
while IFS='|' read -r name args text; do
    [ -n "$name" ] || continue
    # shellcheck disable=SC2086 # ARGS is a word list
    run "$RK_BIN" score $args "$empty"
    begin_case "score: $name"
    want_rc 65
    want_contains "$err" "$text"
    want_not_contains "$err" "attempt to compare"
    want_not_contains "$err" "in main chunk"
    case "$text" in *"has no answer in"*) want_not_contains "$err" "[answers" ;; esac
    end_case
done <<EOF
a when: reading an unanswered question|-q $q|readykit: $q:21:15: \`answer.informal_share\` has no answer in $empty; write \`answer.informal_share ~= nil and answer.informal_share > 10\` (while scoring when: of question follow_up)
a rule comparing an unanswered question|-q $ok_q --rules $fx/nil.lua|readykit: $fx/nil.lua:2: informal_share has no answer in $empty; test it first: if rk.answer("informal_share") ~= nil and ... then (while scoring the result)
a rule doing arithmetic on it|-q $ok_q --rules $fx/arith.lua|readykit: $fx/arith.lua:5: informal_share has no answer in $empty; test it first:
an unknown level names the known ones|-q $ok_q --rules $fx/dynamic.lua|readykit: $fx/dynamic.lua:4: rk.cap: unknown level 'progresing' (did you mean 'progressing'?); the levels are nascent, progressing
EOF

# Hostile rule files that misbehave only inside a layer passed check before
# the dry run; now check stops each, naming it, and prints no "ok" (a long
# C call is stopped by the sandbox's hard stop, which says no more).
for h in bad_points findings_flood huge_text loop_in_layer loop_in_tostring nan_score \
    pattern_bomb recursion rep_empty; do
    run "$RK_BIN" check --rules "tests/cases/hostile/$h.lua" tests/unit/fixtures/rules-q.yaml
    begin_case "check --rules hostile $h.lua: found by the dry run"
    want_rc 65
    want_contains "$err" "readykit: tests/cases/hostile/$h.lua"
    [ "$h" = pattern_bomb ] || want_contains "$err" "[on an empty assessment]"
    want_not_contains "$out" ": ok:" "stdout"
    end_case
done

# A long path: Lua cuts a chunk's name at 59 bytes; messages keep the whole.
long="$RK_TMP/a-folder-name-long-enough-to-pass-lua-s-limit/on-names-of-chunks"
mkdir -p "$long"
cp "$q" "$long/dry.yaml"
run "$RK_BIN" check "$long/dry.yaml"
expect_ran "check: a questionnaire with a long path keeps it whole" 65 \
    "readykit: $long/dry.yaml:21:15: 'when' of question 'follow_up': \`answer.informal_share\` has no answer in an empty assessment"
run "$RK_BIN" score -q "$long/dry.yaml" "$empty"
expect_ran "score: the same, in the answers' message" 65 \
    "readykit: $long/dry.yaml:21:15: \`answer.informal_share\` has no answer in $empty;"

# --- what was valid stays valid --------------------------------------------
for f in questionnaires/*.yaml; do
    run "$RK_BIN" check "$f"
    begin_case "shipped $f still passes check, without a warning"
    want_rc 0
    want_contains "$out" "$f: ok: "
    want_true "nothing on stderr" [ -z "$err" ]
    end_case
done

# The example rule files and the Lua examples of scripts/README.md, with
# the questionnaire they are written for.
rq=tests/unit/fixtures/rules-q.yaml
awk -v dir="$RK_TMP" '
    /^```lua$/ { n++; f = dir "/readme-ex" n ".lua"; inblock = 1; next }
    /^```$/ && inblock { inblock = 0; close(f); next }
    inblock { print > f }
' scripts/README.md
for r in scripts/rules/*.lua "$RK_TMP"/readme-ex*.lua; do
    [ -f "$r" ] || continue
    q=$rq # a file that requires sse-national is checked on it
    grep -q '^rk.requires{questionnaire = "sse-national"' "$r" && q=questionnaires/sse-national.yaml
    run "$RK_BIN" check --rules "$r" "$q"
    begin_case "example rules $(basename "$r") pass check on $(basename "$q" .yaml)"
    want_rc 0
    want_contains "$out" "$q: ok: $(basename "$q" .yaml)"
    want_true "nothing on stderr" [ -z "$err" ]
    end_case
done

done_testing
