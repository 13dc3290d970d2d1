#!/bin/sh
# test_rules_examples.sh: every Lua example of scripts/README.md runs as a
# rule file and changes the result (a new user's rule file, written from the
# page alone); each file of scripts/rules/ shows its documented effect.
. "$(dirname "$0")/lib.sh"

q=tests/unit/fixtures/rules-q.yaml
answers=tests/unit/fixtures/rules-answers.yaml

run "$RK_BIN" score --format json -q "$q" "$answers"
expect_rc "standard rules" 0
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
    expect_rc "$name runs" 0
    if grep -q -e '@type' -e 'once per question' "$f"; then continue; fi
    if [ "$out" != "$base" ]; then ok "$name changes the result"; else not_ok "$name changes nothing"; fi
done
if [ "$count" -ge 6 ]; then ok "README has $count examples"; else not_ok "README has $count examples"; fi

run "$RK_BIN" score -q "$q" --rules scripts/rules/weights.lua "$answers"
expect_contains "weights.lua" "$out" "overall   41.7"
run "$RK_BIN" score -q "$q" --rules scripts/rules/gate.lua "$answers"
expect_contains "gate.lua holds legislation at Emerging" "$out" "(at most Emerging: no legal definition of the SSE)"
run "$RK_BIN" score -q "$q" --rules scripts/rules/indicator.lua -l fr "$answers"
expect_contains "indicator.lua in French" "$out" "Organisations de l'ESS pour 10 000 habitants$(printf '\342\200\257'): 13.1"
run "$RK_BIN" score -q "$q" --rules scripts/rules/findings.lua "$answers"
expect_contains "findings.lua" "$out" "[1] legislation: There is no framework law on the SSE."
run "$RK_BIN" score -q "$q" --rules scripts/rules/evidence.lua "$answers"
expect_contains "evidence.lua" "$out" "Give a source for: has_registry"
run "$RK_BIN" score -q "$q" --rules scripts/rules/bands.lua --format json "$answers"
expect_contains "bands.lua counts law_year as not applicable" "$out" '"skipped": 1'
run "$RK_BIN" score -q "$q" --rules scripts/rules/analyst-trial.lua "$answers"
expect_contains "analyst-trial.lua flags a don't know without a note" "$out" \
    "[2] legislation: 'legal_definition' is answered \"don't know\" without a note"
run "$RK_BIN" score -q tests/cases/sse-1.1.0/sse-national.yaml --rules scripts/rules/analyst-trial.lua tests/unit/fixtures/thin-answers.yaml
expect_contains "analyst-trial.lua caps a thinly answered pillar" "$out" \
    "84.2  Emerging  (capped at Emerging: only 3 of 7 scored questions answered)"
run "$RK_BIN" score --rules scripts/rules/analyst-trial.lua tests/cases/sse-1.1.0/examples/mali.yaml
expect_not_contains "analyst-trial.lua caps only what it lowers" "$out" "scored questions answered"
# layered files run in command-line order: the last weight wins
printf 'return {pillar = function (p) if p.id == "legislation" then return {weight = 0} end end}\n' \
    > "$RK_TMP/zero.lua"
run "$RK_BIN" score -q "$q" --rules scripts/rules/weights.lua --rules "$RK_TMP/zero.lua" "$answers"
expect_contains "later --rules files win" "$out" "overall   33.3"
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
expect_contains "rk.coverage() counts the scored questions" "$err" "all 4 3 1 0 0 4.0 3.0"
expect_contains "rk.coverage(pillar) counts one pillar" "$err" "legislation 2 1 1 0 0 0.5"
run "$RK_BIN" score --format json -q "$q" "$answers"
expect_contains "the JSON counts agree" "$out" '"questions": 4, "answered": 3, "dont_know": 1, "skipped": 0, "unanswered": 0'

done_testing
