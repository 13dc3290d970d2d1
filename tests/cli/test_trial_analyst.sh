#!/bin/sh
# test_trial_analyst.sh: what a donor analyst stumbled on when writing rules
# for sse-national (issue 14's trial): check names the --rules files it
# checked (and says when rk.requires skips one); a.value compared on an
# unanswered question names the question and the guard to write.
. "$(dirname "$0")/lib.sh"

korea=questionnaires/examples/korea.yaml

cat >"$RK_TMP/donor.lua" <<'LUA'
rk.requires{questionnaire = "sse-national"}
return {
  pillar = function (p, s)
    if p.id == "finance" then return {weight = s.weight * 2} end
  end,
}
LUA

# ---- check's summary line names the --rules files -------------------------
run "$RK_BIN" check --rules "$RK_TMP/donor.lua" questionnaires/sse-national.yaml
begin_case "check --rules: the ok line names the rule file checked"
want_rc 0
want_contains "$out" "sse-national.yaml: ok: sse-national"
want_contains "$out" ", --rules $RK_TMP/donor.lua"
want_not_contains "$out" "skipped"
end_case

run "$RK_BIN" check --rules "$RK_TMP/donor.lua" questionnaires/sse-local.yaml
begin_case "check --rules on another questionnaire: the ok line says the file was skipped"
want_rc 0
want_contains "$out" "sse-local.yaml: ok: sse-local"
want_contains "$out" ", --rules $RK_TMP/donor.lua (skipped: its rk.requires does not match)"
want_contains "$err" "warning: skipped"
end_case

# ---- a.value compared on an unanswered question ---------------------------
cat >"$RK_TMP/nil.lua" <<'LUA'
return {
  question = function (q, a, s)
    if q.id == "fund_reach" and a.value > 500 then return {weight = 3} end
  end,
}
LUA
run "$RK_BIN" check --rules "$RK_TMP/nil.lua" questionnaires/sse-national.yaml
begin_case "check: a.value on an unanswered question names it and gives the guard"
want_rc 65
want_contains "$err" "nil.lua:3: fund_reach has no answer in an empty assessment; test it first: if a.value ~= nil and ... then (while scoring question fund_reach)"
end_case

run "$RK_BIN" score --rules "$RK_TMP/nil.lua" "$korea"
begin_case "score: a.value on a question the answers file leaves out names that file"
want_rc 65
want_contains "$err" "nil.lua:3: fund_reach has no answer in $korea; test it first: if a.value ~= nil and"
end_case

# an answered question whose rule meets another nil keeps Lua's message
cat >"$RK_TMP/other.lua" <<'LUA'
local limit
return {
  question = function (q, a, s)
    if q.id == "legal_status" and s.points > limit then return {weight = 3} end
  end,
}
LUA
run "$RK_BIN" score --rules "$RK_TMP/other.lua" "$korea"
begin_case "score: a nil that is not the answer keeps Lua's own message"
want_rc 65
want_contains "$err" "other.lua:4: attempt to compare"
want_not_contains "$err" "has no answer"
end_case

# ---- show gives the level ids that rk.cap needs ---------------------------
run "$RK_BIN" show --lang fr sse-national
begin_case "show: the levels line gives each level's id, then its name"
want_rc 0
want_contains "$out" "levels: nascent (Embryonnaire) from 0, emerging (Émergent) from 20"
end_case

# ---- score given the questionnaire instead of answers ---------------------
run "$RK_BIN" score questionnaires/sse-national.yaml "$korea"
begin_case "score: a questionnaire given as answers says so and names template and check"
want_rc 65
want_contains "$out" "South Korea"
want_contains "$err" "questionnaires/sse-national.yaml: this is a questionnaire ('sse-national'), not an answers file: 'readykit template sse-national -o answers.yaml'"
end_case

# ---- readykit-rules(7)'s example does what it says ------------------------
# (it once compared rk.get(...), a table, with "no": the cap never applied)
sed -n '/^# EXAMPLE/,/^# SEE ALSO/p' scripts/man/readykit-rules.7.scd |
    sed -n '/^```$/,/^```$/p' | grep -v '^```$' >"$RK_TMP/man-example.lua"
run "$RK_BIN" score --explain --format json --rules "$RK_TMP/man-example.lua" \
    questionnaires/examples/mali.yaml
begin_case "readykit-rules(7) EXAMPLE: caps Mali's legal framework (no legal definition)"
want_rc 0
want_contains "$out" '"subject": "Mali"'
caps=$(printf '%s\n' "$out" | jq -r '.explain.pillars[] | select(.id == "legal_framework")
    | .caps[] | select(.rule_file | endswith("man-example.lua")) | .level_id' 2>&1)
[ "$caps" = emerging ] || case_fail "the example's cap on legal_framework: '$caps', wanted emerging"
end_case

# ---- a misspelt id in a comparison: a branch that never runs --------------
sed 's/p.id == "finance"/p.id == "finanse"/' "$RK_TMP/donor.lua" >"$RK_TMP/typo.lua"
run "$RK_BIN" check --rules "$RK_TMP/typo.lua" questionnaires/sse-national.yaml
begin_case "check: p.id == \"finanse\" warns, with the id meant, at its line and column"
want_rc 0
want_contains "$out" "sse-national.yaml: ok: sse-national"
want_contains "$err" "typo.lua:4:16: warning: 'finanse' is not a question, pillar or level id of sse-national (did you mean 'finance'?): this comparison is never true"
end_case

run "$RK_BIN" check --rules "$RK_TMP/donor.lua" questionnaires/sse-national.yaml
begin_case "check: ids of the questionnaire in comparisons give no warning"
want_rc 0
want_contains "$out" "sse-national.yaml: ok: sse-national"
want_not_contains "$err" "warning"
end_case

# ---- a file for another questionnaire, without rk.requires ---------------
cat >"$RK_TMP/national.lua" <<'LUA'
return {result = function () if rk.answer("public_fund") == "yes" then end end}
LUA
run "$RK_BIN" check --rules "$RK_TMP/national.lua" questionnaires/sse-local.yaml
begin_case "check: a question of another questionnaire points at show and rk.requires"
want_rc 65
want_contains "$err" "national.lua:1: unknown question 'public_fund': sse-local has no such question ('readykit show sse-local' lists them); a rule file written for another questionnaire starts with rk.requires{questionnaire = \"ID\"}"
end_case

# ---- report given several answers files ----------------------------------
run "$RK_BIN" report questionnaires/examples/korea.yaml questionnaires/examples/mali.yaml \
    -o "$RK_TMP/two.pdf"
begin_case "report with two answers files: one PDF each, and how"
want_rc 64
want_contains "$err" "report needs exactly one answers file (one PDF each: run it once per file, e.g. in a shell 'for' loop; --aggregate makes one report of several respondents)"
[ -e "$RK_TMP/two.pdf" ] && case_fail "a PDF was written"
end_case

# ---- an undeclared indicator in a CSV: the warning says what to write ----
cat >"$RK_TMP/ind.lua" <<'LUA'
return {result = function (r) rk.indicator{id = "finance_score", value = r.pillars.finance.score} end}
LUA
run "$RK_BIN" score --rules "$RK_TMP/ind.lua" --format csv questionnaires/examples/korea.yaml
begin_case "CSV: an undeclared indicator's warning gives the declaration to write"
want_rc 0
want_contains "$out" "finance_score"
want_contains "$out" "South Korea"
want_contains "$err" "indicator 'finance_score' is not in the rule files' \`indicators\` lists"
want_contains "$err" "declare it with indicators = {\"finance_score\"} in the table the rule file that adds it returns"
end_case

# ---- a misspelt question id in a branch the dry runs do not take ---------
cat >"$RK_TMP/q.lua" <<'LUA'
return {
  result = function (r)
    if r.score and r.score > 99 and rk.answer("lgal_status") == "none" then end
  end,
}
LUA
run "$RK_BIN" check --rules "$RK_TMP/q.lua" questionnaires/sse-national.yaml
begin_case "check: rk.answer(\"lgal_status\") in an untaken branch warns with the id meant"
want_rc 0
want_contains "$out" "sse-national.yaml: ok: sse-national"
want_contains "$err" "q.lua:3:47: warning: 'lgal_status' is not a question of sse-national (did you mean 'legal_status'?)"
end_case

done_testing
