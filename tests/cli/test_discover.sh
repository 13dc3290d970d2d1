#!/bin/sh
# The discovery commands: list, show, template; and --version.
. "$(dirname "$0")/lib.sh"

run "$RK_BIN" --version
expect_rc "--version" 0
expect_contains "--version names readykit and the libraries" "$out" "libyaml 0."
ver=$(sed -n 's/^VERSION *:= *//p' Makefile)
expect_contains "--version is the Makefile's version" "$(printf '%s\n' "$out" | head -n 1)" "readykit $ver"

run env READYKIT_PATH= "$RK_BIN" list
expect_rc "list" 0
expect_contains "list shows sse-national with its counts" "$out" "sse-national"
n=$(printf '%s\n' "$out" | grep -c "questionnaires/sse-national.yaml")
[ "$n" = 1 ] && ok "list names the file once" || not_ok "list named sse-national.yaml $n times"
line=$(printf '%s\n' "$out" | grep "^tiny ")
expect_contains "list gives tiny's languages, pillars and questions" "$(echo $line)" "tiny 1.0.0 en,fr 2 5 questionnaires/tiny.yaml"

# A folder on READYKIT_PATH with another tiny: it comes first; the shipped one is shadowed.
mkdir -p "$RK_TMP/path"
sed 's/^version: 1.0.0/version: 9.9.9/' questionnaires/tiny.yaml > "$RK_TMP/path/tiny.yaml"
echo "not: [a questionnaire" > "$RK_TMP/path/broken.yaml"
run env READYKIT_PATH="$RK_TMP/path" "$RK_BIN" list --format json
expect_rc "list --format json with READYKIT_PATH" 0
first=$(printf '%s\n' "$out" | grep '"id": "tiny"' | head -n 1)
expect_contains "READYKIT_PATH's tiny comes first" "$first" '"version": "9.9.9"'
expect_contains "the shipped tiny is shadowed" "$(printf '%s\n' "$out" | grep '"id": "tiny"' | tail -n 1)" '"shadowed": true'
expect_contains "a broken file is skipped with a warning naming it" "$err" "broken.yaml"
printf '%s\n' "$out" | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' \
    && ok "list --format json is JSON Lines" || not_ok "list --format json is not JSON Lines"

run "$RK_BIN" show tiny
expect_rc "show by id" 0
expect_contains "show gives a question, its type and weight" "$out" "has_law  yes_no, weight 1, evidence asked"
expect_contains "show gives choices with points" "$out" "adopted = Adopted (2)"
expect_contains "show gives when" "$out" "when: answer.has_law == 'yes'"

run "$RK_BIN" show questionnaires/tiny.yaml law_stage --lang fr
expect_rc "show one question, by file, in French" 0
expect_contains "the question in French" "$out" "Où en est la loi ?"
expect_not_contains "only that question" "$out" "has_fund"

run "$RK_BIN" show tiny money --format json
expect_rc "show a pillar as JSON" 0
printf '%s' "$out" | python3 -c '
import json,sys
p=json.load(sys.stdin)
assert p["id"]=="money" and p["weight"]==2, p
assert [q["id"] for q in p["questions"]]==["has_fund","fund_kind","has_procurement"], p
assert p["questions"][1]["choices"][1]=={"value":"loans","label":"Loans","points":2}, p["questions"][1]
' && ok "show --format json: the pillar's questions and choices" || not_ok "show --format json values"

run "$RK_BIN" show tiny has_lw
expect_rc "show an unknown id" 64
expect_contains "show suggests the close id" "$err" "did you mean 'has_law'"
run "$RK_BIN" show no-such-questionnaire
expect_rc "show an unknown questionnaire" 66
expect_contains "the message points at list" "$err" "readykit list"

# template: every question commented; as written, loads as an empty assessment.
run "$RK_BIN" template sse-national -o "$RK_TMP/t.yaml"
expect_rc "template -o" 0
n=$(grep -c '^  # [a-z_0-9]*: ' "$RK_TMP/t.yaml")
q=$(sed -n 's/.*pillars, \([0-9]*\) questions.*/\1/p' <<EOF2
$("$RK_BIN" check questionnaires/sse-national.yaml)
EOF2
)
[ "$n" = "$q" ] && ok "template has one commented line per question ($n)" || not_ok "template: $n question lines, questionnaire has $q"
run "$RK_BIN" score --format json "$RK_TMP/t.yaml"
expect_rc "the template scores as an empty assessment" 0
expect_contains "nothing answered" "$out" '"answered": 0'
# Fill two answers by uncommenting them: they score.
"$RK_BIN" template tiny > "$RK_TMP/tiny-t.yaml"
sed -e 's/^  # has_law: {value: , note: "", source: ""}/  has_law: {value: yes, note: "Act of 2013", source: "gazette"}/' \
    -e 's/^  # has_fund: $/  has_fund: no/' "$RK_TMP/tiny-t.yaml" > "$RK_TMP/t2.yaml"
run "$RK_BIN" score -q questionnaires/tiny.yaml --format json "$RK_TMP/t2.yaml"
expect_rc "a filled-in template scores" 0
expect_contains "two answers counted" "$out" '"answered": 2'
run "$RK_BIN" template sse-national -o "$RK_TMP/t.yaml"
expect_rc "template never overwrites" 73
run "$RK_BIN" template tiny --lang fr
expect_rc "template to stdout" 0
expect_contains "template in French" "$out" "# Existe-t-il une loi sur l'économie sociale ?"

# check: a questionnaire by id; an answers file is named for what it is.
run "$RK_BIN" check tiny
expect_rc "check a questionnaire by its id" 0
expect_contains "check by id finds the file" "$out" "tiny: ok: tiny 1.0.0, 2 pillars, 5 questions"
run "$RK_BIN" check questionnaires/examples/tiny-answers.yaml
expect_rc "check on an answers file" 65
expect_contains "check says it is an answers file and points at score" "$err" \
    "this is an answers file (to questionnaire 'tiny'), not a questionnaire: score it with 'readykit score questionnaires/examples/tiny-answers.yaml'"
expect_not_contains "no list of unknown keys" "$err" "unknown key"

done_testing
