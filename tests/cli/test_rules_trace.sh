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

done_testing
