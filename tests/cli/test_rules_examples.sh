#!/bin/sh
# test_rules_examples.sh: every Lua example of scripts/README.md runs as a
# rule file and changes the result (a new user's rule file, written from the
# page alone); each file of scripts/rules/ shows its documented effect.
. "$(dirname "$0")/lib.sh"

q=tests/unit/fixtures/rules-q.yaml
answers=tests/unit/fixtures/rules-answers.yaml

run "$RK_BIN" score --format json -q "$q" "$answers"
expect_ran "standard rules" 0 '"questionnaire": "rules-q"'
base=$out

# Split the README's ```lua blocks into files ex1.lua, ex2.lua, ...
awk -v dir="$RK_TMP" '
    /^```lua$/ { n++; f = dir "/ex" n ".lua"; inblock = 1; next }
    /^```$/ && inblock { inblock = 0; close(f); next }
    inblock { print > f }
' scripts/README.md
count=0
for f in "$RK_TMP"/ex*.lua; do
    [ -f "$f" ] || continue
    count=$((count + 1))
    name="README example $(basename "$f" .lua)"
    run "$RK_BIN" score --format json -q "$q" --rules "$f" "$answers"
    begin_case "$name runs and changes the result"
    want_rc 0
    want_contains "$out" '"questionnaire": "rules-q"'
    if grep -q -e '@type' -e 'once per question' "$f"; then
        case_name="$name runs"
    else
        want_true "it changes nothing" [ "$out" != "$base" ]
    fi
    end_case
done
[ "$count" -ge 6 ] || not_ok "scripts/README.md has only $count Lua examples, wanted 6 or more"

run "$RK_BIN" score -q "$q" --rules scripts/rules/weights.lua "$answers"
expect_ran "weights.lua" 0 "overall   41.7"
run "$RK_BIN" score -q "$q" --rules scripts/rules/gate.lua "$answers"
expect_ran "gate.lua holds legislation at Emerging" 0 "(at most Emerging: no legal definition of the SSE)"
run "$RK_BIN" score -q "$q" --rules scripts/rules/indicator.lua -l fr "$answers"
expect_ran "indicator.lua in French" 0 "Organisations de l'ESS pour 10 000 habitants$(printf '\342\200\257'): 13.1"
run "$RK_BIN" score -q "$q" --rules scripts/rules/findings.lua "$answers"
expect_ran "findings.lua" 0 "[1] legislation: There is no framework law on the SSE."
run "$RK_BIN" score -q "$q" --rules scripts/rules/evidence.lua "$answers"
expect_ran "evidence.lua" 0 "Give a source for: has_registry"
run "$RK_BIN" score -q "$q" --rules scripts/rules/bands.lua --format json "$answers"
expect_ran "bands.lua counts law_year as not applicable" 0 '"skipped": 1'
run "$RK_BIN" score -q "$q" --rules scripts/rules/analyst-trial.lua "$answers"
expect_ran "analyst-trial.lua flags a don't know without a note" 0 \
    "[2] legislation: 'legal_definition' is answered \"don't know\" without a note"
run "$RK_BIN" score -q tests/cases/sse-1.1.0/sse-national.yaml --rules scripts/rules/analyst-trial.lua tests/unit/fixtures/thin-answers.yaml
expect_ran "analyst-trial.lua caps a thinly answered pillar" 0 \
    "84.2  Emerging  (capped at Emerging: only 3 of 7 scored questions answered)"
run "$RK_BIN" score --rules scripts/rules/analyst-trial.lua tests/cases/sse-1.1.0/examples/mali.yaml
begin_case "analyst-trial.lua caps only what it lowers"
want_rc 0
want_contains "$out" "Mali"
want_not_contains "$out" "scored questions answered"
end_case
# layered files run in command-line order: the last weight wins
printf 'return {pillar = function (p) if p.id == "legislation" then return {weight = 0} end end}\n' \
    > "$RK_TMP/zero.lua"
run "$RK_BIN" score -q "$q" --rules scripts/rules/weights.lua --rules "$RK_TMP/zero.lua" "$answers"
expect_ran "later --rules files win" 0 "overall   33.3"
# rk.coverage counts as the JSON output does (tests/unit/test_rules.c checks every field)
cat > "$RK_TMP/cov.lua" <<'LUA'
return {result = function ()
  local c, l = rk.coverage(), rk.coverage("legislation")
  rk.log("all", c.questions, c.answered, c.dont_know, c.unanswered, c.skipped, c.weight, c.answered_weight)
  rk.log("legislation", l.questions, l.answered, l.dont_know, l.unanswered, l.skipped,
         c.pillars.legislation.answered_weight / c.pillars.legislation.weight)
end}
LUA
run "$RK_BIN" score -q "$q" --rules "$RK_TMP/cov.lua" "$answers"
begin_case "rk.coverage() counts all the scored questions and one pillar"
want_rc 0
want_contains "$err" "all 4 3 1 0 0 4.0 3.0"
want_contains "$err" "legislation 2 1 1 0 0 0.5"
end_case
run "$RK_BIN" score --format json -q "$q" "$answers"
expect_ran "the JSON counts agree" 0 '"questions": 4, "answered": 3, "dont_know": 1, "skipped": 0, "unanswered": 0'

done_testing
