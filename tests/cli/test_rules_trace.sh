#!/bin/sh
# test_rules_trace.sh: rules an analyst can trace (issue 14): rk.subject and
# rk.log lines that name the answers file, alone and in a batch with workers.
. "$(dirname "$0")/lib.sh"

tiny=questionnaires/examples/tiny-answers.yaml
quebec=questionnaires/examples/quebec.yaml
mali=questionnaires/examples/mali.yaml

# ---- rk.subject and rk.log ----------------------------------------------------
cat >"$RK_TMP/log.lua" <<'LUA'
rk.log("top", rk.subject)
return {result = function () rk.log("subject", rk.subject) end}
LUA
run "$RK_BIN" score --rules "$RK_TMP/log.lua" "$tiny"
begin_case "rk.log names the answers file; rk.subject is its subject"
want_rc 0
want_contains "$out" "Tinyland"
want_contains "$err" "log.lua:2: [answers $tiny] subject Tinyland (example)"
want_contains "$err" "log.lua:1: [answers $tiny] top Tinyland (example)"
end_case

# without subject: rk.subject is nil
sed '/^subject:/d' "$tiny" >"$RK_TMP/nosubject.yaml"
run "$RK_BIN" score -q questionnaires/tiny.yaml --rules "$RK_TMP/log.lua" "$RK_TMP/nosubject.yaml"
begin_case "rk.subject is nil when the answers file has no subject"
want_rc 0
want_contains "$err" "log.lua:2: [answers $RK_TMP/nosubject.yaml] subject nil"
end_case

# in a batch with workers: every line names its own file, and each file's
# lines come together with its subject
for jobs in 1 2; do
    run "$RK_BIN" score -j "$jobs" --rules "$RK_TMP/log.lua" "$quebec" "$mali" "$quebec"
    begin_case "batch --jobs $jobs: each rk.log line names its answers file"
    want_rc 0
    want_contains "$out" "Quebec"
    n_q=$(printf '%s\n' "$err" | grep -c "\[answers $quebec\] subject Quebec (Canada)")
    n_m=$(printf '%s\n' "$err" | grep -c "\[answers $mali\] subject Mali")
    [ "$n_q" = 2 ] || case_fail "$n_q Quebec subject lines, wanted 2"
    [ "$n_m" = 1 ] || case_fail "$n_m Mali subject lines, wanted 1"
    want_not_contains "$err" "[answers $quebec] subject Mali"
    end_case
done

# ---- rk.requires ----------------------------------------------------------------
# A rule file for sse-national reads one of its questions at the top level:
# on tiny it is skipped with one warning, instead of "unknown question".
cat >"$RK_TMP/national.lua" <<'LUA'
rk.requires{questionnaire = "sse-national", version = ">=1.1"}
local fund = rk.question("public_fund")
return {result = function () rk.log("national rules ran", fund.id) end}
LUA
run "$RK_BIN" score --rules "$RK_TMP/national.lua" "$tiny" "$tiny"
begin_case "rk.requires: on another questionnaire the file is skipped with one warning"
want_rc 0
want_contains "$out" "overall   66.7"
want_contains "$err" "readykit: $RK_TMP/national.lua: warning: skipped: this rule file requires questionnaire sse-national version >=1.1, and the questionnaire is tiny version 1.0.0 (rk.requires)"
n=$(printf '%s\n' "$err" | grep -c "warning: skipped")
[ "$n" = 1 ] || case_fail "$n skip warnings for two files of one questionnaire, wanted 1"
want_not_contains "$err" "unknown question"
want_not_contains "$err" "national rules ran"
end_case
run "$RK_BIN" score --rules "$RK_TMP/national.lua" "$quebec"
begin_case "rk.requires: on its questionnaire the file runs"
want_rc 0
want_contains "$err" "[answers $quebec] national rules ran public_fund"
want_not_contains "$err" "skipped"
end_case

# which conditions hold on tiny 1.0.0: fields|applies (yes or no)
while IFS='|' read -r fields applies; do
    printf 'rk.requires{%s}\nreturn {result = function () rk.log("applied") end}\n' "$fields" \
        >"$RK_TMP/req.lua"
    run "$RK_BIN" score --rules "$RK_TMP/req.lua" "$tiny"
    begin_case "rk.requires{$fields} on tiny 1.0.0: applies $applies"
    want_rc 0
    want_contains "$out" "Tinyland"
    if [ "$applies" = yes ]; then
        want_contains "$err" "applied"
        want_not_contains "$err" "skipped"
    else
        want_contains "$err" "warning: skipped: this rule file requires"
        want_not_contains "$err" "applied"
    fi
    end_case
done <<'CASES'
questionnaire = "tiny"|yes
questionnaire = "sse-national"|no
questionnaire = {"sse-local", "tiny"}|yes
questionnaire = {"sse-local", "sse-national"}|no
version = ">=1.0"|yes
version = ">=1.1"|no
version = "<2"|yes
version = "<1.0.0"|no
version = "<=1"|yes
version = "> 1.0"|no
version = "=1.0"|yes
version = "1.0.0"|yes
version = "1.0.1"|no
version = ">=0.9, <1.0"|no
version = ">=0.9, <2"|yes
version = ">=0.9 <2"|yes
questionnaire = "tiny", version = ">=2"|no
CASES

# mistakes in rk.requires are errors at its line
while IFS='|' read -r code want; do
    printf '%s\nreturn {}\n' "$code" >"$RK_TMP/req.lua"
    run "$RK_BIN" score --rules "$RK_TMP/req.lua" "$tiny"
    begin_case "rk.requires mistake: $code"
    want_rc 65
    want_contains "$err" "readykit: $RK_TMP/req.lua:1: $want"
    end_case
done <<'CASES'
rk.requires{version = ">=abc<"}|rk.requires: cannot read the version condition '>=abc<'
rk.requires{version = ""}|rk.requires: version is empty
rk.requires{version = 2}|rk.requires: version must be a string such as ">=1.1", not a number
rk.requires{questionaire = "tiny"}|rk.requires: unknown field 'questionaire'
rk.requires{}|rk.requires: give questionnaire = "id"
rk.requires{questionnaire = 3}|rk.requires: questionnaire must be a questionnaire id or a list of them, not a number
CASES
printf 'return {result = function () rk.requires{questionnaire = "tiny"} end}\n' >"$RK_TMP/req.lua"
run "$RK_BIN" score --rules "$RK_TMP/req.lua" "$tiny"
expect_ran "rk.requires inside a layer is an error" 65 \
    "req.lua:1: rk.requires must be called at the top level of the rule file"

# ---- a rule file's error is reported once per batch --------------------------
# A syntax error (every questionnaire) and a top-level error on tiny only
# (a question id of sse-national): the full message once, in input order;
# each other file of the batch that it stops gets one short line pointing
# at it; files it does not stop are scored; with workers too.
printf 'return {result = function () end\n' >"$RK_TMP/syntax.lua"
printf 'local q = rk.question("public_fund")\nreturn {}\n' >"$RK_TMP/national_only.lua"
for jobs in 1 3; do
    run "$RK_BIN" score -j "$jobs" --rules "$RK_TMP/syntax.lua" "$tiny" "$quebec" "$mali" "$tiny"
    begin_case "--jobs $jobs: a syntax error is shown once, then one line per other file"
    want_rc 65
    want_contains "$err" "readykit: $RK_TMP/syntax.lua:2: '}' expected (to close '{' at line 1) near <eof>
readykit: $quebec: not scored: the same error as above ($RK_TMP/syntax.lua:2)
readykit: $mali: not scored: the same error as above ($RK_TMP/syntax.lua:2)
readykit: $tiny: not scored: the same error as above ($RK_TMP/syntax.lua:2)
readykit: 4 of 4 answers files failed"
    n=$(printf '%s\n' "$err" | grep -c "expected (to close")
    [ "$n" = 1 ] || case_fail "the syntax error shown $n times, wanted once"
    end_case
    run "$RK_BIN" score -j "$jobs" --rules "$RK_TMP/national_only.lua" "$tiny" "$quebec" "$tiny" "$tiny"
    begin_case "--jobs $jobs: a top-level error on one questionnaire is shown once; the others score"
    want_rc 65
    want_contains "$out" "Quebec (Canada)"
    want_contains "$err" "readykit: $RK_TMP/national_only.lua:1: unknown question 'public_fund'"
    want_contains "$err" "readykit: $tiny: not scored: the same error as above ($RK_TMP/national_only.lua:1)"
    n=$(printf '%s\n' "$err" | grep -c "unknown question")
    [ "$n" = 1 ] || case_fail "the error shown $n times, wanted once"
    n=$(printf '%s\n' "$err" | grep -c "not scored: the same error")
    [ "$n" = 2 ] || case_fail "$n short lines, wanted 2 (the 2nd and 3rd tiny files)"
    want_contains "$err" "readykit: 3 of 4 answers files failed"
    end_case
done
# a warning from each worker's engine is shown once
run "$RK_BIN" score -j 2 --rules "$RK_TMP/national.lua" "$tiny" "$tiny" "$tiny" "$tiny"
begin_case "--jobs 2: the rk.requires warning is shown once"
want_rc 0
want_contains "$out" "Tinyland"
n=$(printf '%s\n' "$err" | grep -c "warning: skipped")
[ "$n" = 1 ] || case_fail "the warning shown $n times, wanted once"
end_case

# ---- a bad returned value names the rule file, the function's line, the value --
# layer|what the function does|the message after "bad.lua:3: "
while IFS='|' read -r layer body want; do
    printf -- '-- a rule file with a bad value\nreturn {\n  %s = function (x, s)\n    %s\n  end,\n}\n' \
        "$layer" "$body" >"$RK_TMP/bad.lua"
    run "$RK_BIN" score --rules "$RK_TMP/bad.lua" "$tiny"
    begin_case "$layer: $body"
    want_rc 65
    want_contains "$err" "readykit: $RK_TMP/bad.lua:3: $want"
    end_case
done <<'CASES'
pillar|return {score = "high"}|the pillar function set score = "high": pillar score must be a number, not a string (while scoring pillar law)
pillar|s.score = "written"|the pillar function set score = "written": pillar score must be a number, not a string
pillar|return {weight = -2}|the pillar function set weight = -2: pillar weight is -2, outside 0..1e+12
question|return {points = 1/0}|the question function set points = inf: question points is not a finite number (while scoring question has_law)
question|return {points = 9}|the question function set points = 9: question points is 9, outside 0..1 (while scoring question has_law)
question|return {max = {}}|the question function set max = a table: question max must be a number, not a table
result|return {score = 140.5}|the result function set score = 140.5: result score is 140.5, outside 0..100
result|return {score = true}|the result function set score = true: result score must be a number, not a boolean
CASES
# a second file that leaves the value alone is not blamed for it
printf 'return {\n  pillar = function (p) return nil end,\n}\n' >"$RK_TMP/innocent.lua"
printf 'return {\n  pillar = function (p) return {score = "high"} end,\n}\n' >"$RK_TMP/culprit.lua"
run "$RK_BIN" score --rules "$RK_TMP/culprit.lua" --rules "$RK_TMP/innocent.lua" "$tiny"
begin_case "the file that set the value is named, not the last one run"
want_rc 65
want_contains "$err" "readykit: $RK_TMP/culprit.lua:2: the pillar function set score = \"high\""
want_not_contains "$err" "innocent.lua"
end_case

done_testing
