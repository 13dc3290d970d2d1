#!/bin/sh
# test_explain.sh: score --explain (issue 14): per question the answer,
# points, weight and whether it counted (and why not); per pillar every cap
# proposed, by which file and line, and the one reported, ties included;
# the rule files in layering order with their SHA-256 and state. Also the
# PDF annex, which lists a skipped rule file as skipped.
. "$(dirname "$0")/lib.sh"

tiny=questionnaires/examples/tiny-answers.yaml
E=tests/cases/explain
caps="-r $E/cap-first.lua -r $E/cap-second.lua -r $E/requires-other.lua -r $E/exclude.lua"

# jq_is NAME JSON FILTER WANT: one check of the JSON (want_* style).
jq_is() {
    got=$(printf '%s\n' "$2" | jq -c "$3" 2>&1)
    [ "$got" = "$4" ] || case_fail "$1: $3 is $got, wanted $4"
}

# ---- text: the known points of tiny-answers.yaml -----------------------------
run "$RK_BIN" score --explain "$tiny"
begin_case "text: every question with its answer, points/max, weight, counted"
want_rc 0
want_contains "$out" "overall   66.7  Emerging"
want_contains "$out" "      1. scripts/score.lua (the standard scorer, built in)"
want_contains "$out" "    pillar law, weight 1: score 100 (the standard scorer's weighted mean), level Established"
want_contains "$out" "      has_law = yes: points 1/1, weight 1, counted"
want_contains "$out" "      law_stage = adopted: points 2/2, weight 1, counted"
want_contains "$out" "    pillar money, weight 2: score 50 (the standard scorer's weighted mean), level Emerging"
want_contains "$out" "      fund_kind = grants: points 1/2, weight 1, counted"
want_contains "$out" "      has_procurement = no: points 0/1, weight 1, counted"
want_contains "$out" "    overall: score 66.67 (the standard scorer's weighted mean), level Emerging"
end_case

# questionnaire order, grouped by pillar
order=$(printf '%s\n' "$out" | sed -n 's/^      \([a-z_]*\) = .*/\1/p' | tr '\n' ' ')
[ "$order" = "has_law law_stage has_fund fund_kind has_procurement " ] &&
    ok "text: questions in questionnaire order" || not_ok "text: order is '$order'"

run "$RK_BIN" score "$tiny"
plain=$out
run "$RK_BIN" score --explain "$tiny"
case "$out" in
    "$plain"*) ok "text: the summary without --explain is unchanged, the trace follows it" ;;
    *) not_ok "text: the summary changed with --explain"; diag got "$out" ;;
esac

# ---- why a question did not count ----------------------------------------------
run "$RK_BIN" score --explain -q questionnaires/tiny.yaml $E/partial.yaml
begin_case "text: no answer, not applicable, don't know"
want_rc 0
want_contains "$out" "      has_law = don't know: points -/1, weight 1, not counted: don't know"
want_contains "$out" "      law_stage = not applicable: points -/2, weight 1, not counted: not applicable (its when: is false)"
want_contains "$out" "      has_fund = no answer: points -/1, weight 1, not counted: no answer"
want_contains "$out" "      has_procurement = yes: points 1/1, weight 1, counted"
end_case

# ---- caps: a tie between two rule files, one through a helper; a skipped file ----
run "$RK_BIN" score --explain $caps "$tiny"
begin_case "text: every cap proposed, the reported one, the tie, the lines"
want_rc 0
want_contains "$out" "    pillar money, weight 2: score 50 (the standard scorer's weighted mean), level Nascent (from the score alone: Emerging)"
want_contains "$out" "      caps proposed: 3"
want_contains "$out" "        at most Emerging, by $E/cap-first.lua:6: higher, not reported [not reported: a lower cap wins]"
want_contains "$out" "        at most Nascent, by $E/cap-first.lua:7: first at nascent [reported, tied with a later one; binding: lowers Emerging to Nascent]"
want_contains "$out" "        at most Nascent, by $E/cap-second.lua:4 (called from line 10): second at nascent [tied with the reported cap; the first one made is reported]"
want_contains "$out" "    pillar law, weight 1: score 100"
end_case

begin_case "text: excluded by a rule (points cleared, weight 0)"
want_rc 0
want_contains "$out" "      has_procurement = no: points -/1, weight 1, not counted: excluded by a rule: $E/exclude.lua cleared its points"
want_contains "$out" "      has_fund = yes: points 1/1, weight 0, not counted: excluded by a rule: $E/exclude.lua set its weight to 0"
end_case

begin_case "text: rule files in layering order, the skipped one with its reason"
want_rc 0
want_contains "$out" "      2. $E/cap-first.lua"
want_contains "$out" "      3. $E/cap-second.lua"
want_contains "$out" "      4. $E/requires-other.lua
         sha256 "
want_contains "$out" "         skipped: this rule file requires questionnaire sse-local, and the questionnaire is tiny version 1.0.0 (rk.requires)"
want_contains "$out" "      5. $E/exclude.lua"
want_contains "$err" "warning: skipped"
end_case

# a cap made through pcall (a C frame) names the pcall's line; one made
# from the result function is an overall cap
cat >"$RK_TMP/pcall.lua" <<'LUA'
return {
  result = function (r)
    pcall(rk.cap, {level = "nascent", reason = "through pcall"})
  end,
}
LUA
run "$RK_BIN" score --explain -r "$RK_TMP/pcall.lua" "$tiny"
begin_case "text: an overall cap made through pcall names the pcall's line"
want_rc 0
want_contains "$out" "    overall: score 66.67 (the standard scorer's weighted mean), level Nascent (from the score alone: Emerging)
      caps proposed: 1
        at most Nascent, by $RK_TMP/pcall.lua:3: through pcall [reported; binding: lowers Emerging to Nascent]"
end_case

# a pillar function that sets the score: the file is named, and the
# standard scorer's score before it is kept beside it
cat >"$RK_TMP/score.lua" <<'LUA'
return {
  pillar = function (p, s)
    if p.id == "money" then return {score = 10} end
  end,
}
LUA
run "$RK_BIN" score --explain -r "$RK_TMP/score.lua" "$tiny"
begin_case "text: a score set by a rule file names it, with the standard scorer's"
want_rc 0
want_contains "$out" "    pillar money, weight 2: score 10 (set by $RK_TMP/score.lua; the standard scorer's: 50; \"counted\" below is the standard scorer's rule, which it may not follow), level Nascent"
want_contains "$out" "    overall: score 40 (the standard scorer's weighted mean), level Emerging"
end_case
run "$RK_BIN" score --explain -f json -r "$RK_TMP/score.lua" "$tiny"
begin_case "json: score, score_by and standard_score"
want_rc 0
jq_is money "$out" '.explain.pillars[1] | [.score, .score_by, .standard_score]' "[10,\"$RK_TMP/score.lua\",50]"
jq_is law "$out" '.explain.pillars[0] | [.score, .score_by, .standard_score]' '[100,null,100]'
jq_is overall "$out" '.explain.overall | [.score, .score_by, .standard_score]' '[40,null,40]'
end_case

# ---- JSON -------------------------------------------------------------------------
run "$RK_BIN" score --explain -f json $caps "$tiny"
json=$out
begin_case "json: the explain object's figures"
want_rc 0
want_contains "$json" '"explain": {"rule_files": ['
jq_is files "$json" '[.explain.rule_files[] | [.file, .state, .builtin]]' \
    "[[\"scripts/score.lua\",\"applied\",true],[\"$E/cap-first.lua\",\"applied\",false],[\"$E/cap-second.lua\",\"applied\",false],[\"$E/requires-other.lua\",\"skipped\",false],[\"$E/exclude.lua\",\"applied\",false]]"
jq_is reason "$json" '.explain.rule_files[3].reason | test("requires questionnaire sse-local")' true
jq_is applied-reason "$json" '.explain.rule_files[1].reason' null
jq_is fund_kind "$json" '.explain.pillars[1].questions[1]' \
    '{"id":"fund_kind","state":"answered","answer":"grants","points":1,"max":2,"weight":1,"counted":true,"why_not":null,"points_by":null,"max_by":null,"weight_by":null}'
jq_is cleared "$json" '.explain.pillars[1].questions[2] | [.points, .counted, .points_by]' \
    "[null,false,\"$E/exclude.lua\"]"
jq_is pillar "$json" '.explain.pillars[1] | [.id, .score, .score_by, .uncapped_level_id, .level_id]' \
    '["money",50,null,"emerging","nascent"]'
jq_is caps "$json" '[.explain.pillars[1].caps[] | [.level_id, .line, .called_from_line, .binding, .reported, .tied]]' \
    '[["emerging",6,null,false,false,false],["nascent",7,null,true,true,false],["nascent",4,10,true,false,true]]'
jq_is reported-is-the-cap "$json" '[.pillars[1].cap.rule_file, .pillars[1].cap.reason]' \
    "[\"$E/cap-first.lua\",\"first at nascent\"]"
jq_is overall "$json" '.explain.overall | [.score, .level_id, .caps]' '[66.67,"emerging",[]]'
jq_is law-caps "$json" '.explain.pillars[0].caps' '[]'
end_case

run "$RK_BIN" score --explain -f json -q questionnaires/tiny.yaml $E/partial.yaml
begin_case "json: states and reasons of questions that did not count"
want_rc 0
jq_is states "$out" '[.explain.pillars[].questions[] | [.id, .state, .answer, .counted, .why_not]]' \
    '[["has_law","dont_know",null,false,"don'"'"'t know"],["law_stage","skipped",null,false,"not applicable (its when: is false)"],["has_fund","none",null,false,"no answer"],["fund_kind","skipped",null,false,"not applicable (its when: is false)"],["has_procurement","answered","yes",true,null]]'
end_case

# every existing field is unchanged: the line without "explain" is the plain line
run "$RK_BIN" score -f json $caps "$tiny"
begin_case "json: every other field is as without --explain"
want_rc 0
want_contains "$out" '"file": '
without=$(printf '%s\n' "$json" | jq -c 'del(.explain)')
[ "$without" = "$(printf '%s\n' "$out" | jq -c .)" ] || case_fail "the fields differ"
end_case

# checksums equal sha256sum of the files, the built-in one that of scripts/score.lua
begin_case "json: each sha256 is the file's (sha256sum)"
want_rc 0
for i in 0 1 2 3 4; do
    f=$(printf '%s\n' "$json" | jq -r ".explain.rule_files[$i].file")
    [ "$i" = 0 ] && f=scripts/score.lua
    want=$(sha256sum "$f" | cut -d' ' -f1)
    jq_is "sha256 of $f" "$json" ".explain.rule_files[$i].sha256" "\"$want\""
done
end_case

# ---- batches: the trace travels from the workers, the same for any --jobs ---------
files="$tiny questionnaires/examples/quebec.yaml $E/partial.yaml questionnaires/examples/mali.yaml"
run "$RK_BIN" score --explain -f json -j 1 -q questionnaires/tiny.yaml "$tiny" $E/partial.yaml
one=$out
run "$RK_BIN" score --explain -f json -j 2 -q questionnaires/tiny.yaml "$tiny" $E/partial.yaml "$tiny"
begin_case "batch --jobs 2: each line has its own file's trace"
want_rc 0
jq_is lines "$out" '[.file, .explain.pillars[0].questions[0].state] | join(" ")' \
    "\"$tiny answered\"
\"$E/partial.yaml dont_know\"
\"$tiny answered\""
[ "$(printf '%s\n' "$out" | head -n 2)" = "$one" ] || case_fail "differs from --jobs 1"
end_case
for fmt in text json; do
    run "$RK_BIN" score --explain -f "$fmt" -j 1 $files
    a=$out
    run "$RK_BIN" score --explain -f "$fmt" -j 2 $files
    begin_case "batch $fmt: --jobs 2 writes what --jobs 1 writes"
    want_rc 0
    want_contains "$out" "sse-national"
    [ "$out" = "$a" ] || case_fail "the outputs differ"
    end_case
done

# a rule file's pillar function that sets the score is named
run "$RK_BIN" score --explain questionnaires/examples/quebec.yaml
begin_case "text: a pillar score set by the questionnaire's rules names them"
want_rc 0
want_contains "$out" "    pillar legal_framework, weight 3: score 88.91 (set by questionnaires/examples/../sse-national.lua;"
want_contains "$out" "      legal_status = framework_implemented: points 4/4, weight 3, counted"
end_case

# ---- usage ----------------------------------------------------------------------------
run "$RK_BIN" score --explain -f csv "$tiny"
begin_case "csv: refused with a sentence (64)"
want_rc 64
want_contains "$err" "--explain works with --format text or json"
want_contains "$err" "use --format json"
end_case
run "$RK_BIN" score --explain --aggregate "$tiny" "$tiny"
begin_case "--aggregate: refused (64)"
want_rc 64
want_contains "$err" "not with --aggregate"
end_case
run "$RK_BIN" report --explain "$tiny" -o "$RK_TMP/x.pdf"
begin_case "report: --explain is an option of score (64)"
want_rc 64
want_contains "$err" "--explain is an option of score"
end_case
run "$RK_BIN" score --help
begin_case "score --help says what --explain does, and csv"
want_rc 0
want_contains "$out" "--explain"
want_contains "$out" "Not with csv"
end_case

# ---- completion and man page ---------------------------------------------------------
comp=$(bash -c '
    . scripts/completion/readykit.bash
    COMP_WORDS=(readykit score --exp); COMP_CWORD=2; _readykit; echo "opt:${COMPREPLY[*]}"
    COMP_WORDS=(readykit report --exp); COMP_CWORD=2; _readykit; echo "report:${COMPREPLY[*]}"
' 2>&1)
case "$comp" in
    *"opt:--explain"*"report:") ok "bash completes score --explain (and not report --explain)" ;;
    *) not_ok "bash completion: $comp" ;;
esac
grep -q "explain\[" scripts/completion/_readykit && ok "zsh completion knows --explain" ||
    not_ok "zsh completion lacks --explain"
grep -q '^\*--explain\*$' scripts/man/readykit.1.scd && ok "readykit(1) documents --explain" ||
    not_ok "readykit.1.scd lacks an --explain entry"

# ---- the PDF annex: a skipped rule file is listed as skipped -------------------------
if command -v pdftotext >/dev/null 2>&1; then
    run "$RK_BIN" report $caps "$tiny" -o "$RK_TMP/t.pdf"
    txt=$(pdftotext -layout "$RK_TMP/t.pdf" - 2>&1 | sed 's/^ *//')
    begin_case "pdf annex: the skipped rule file comes last, with its reason"
    want_rc 0
    want_contains "$txt" "$E/requires-other.lua"
    want_contains "$txt" "skipped: this rule file requires questionnaire sse-local"
    last=$(printf '%s\n' "$txt" | grep -E "^$E/[a-z-]+\.lua" | tail -n 1)
    [ "$last" = "$E/requires-other.lua" ] || case_fail "last rule file listed is '$last'"
    sum=$(sha256sum $E/requires-other.lua | cut -d' ' -f1)
    want_contains "$txt" "SHA-256 $sum"
    end_case
else
    skip "pdf annex lists skipped rule files" "no pdftotext"
fi

done_testing
