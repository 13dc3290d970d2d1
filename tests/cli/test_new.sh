#!/bin/sh
# readykit new ID [-o DIR]: a starting questionnaire and its rules file that
# pass check without a warning, give a template, score once filled in, and
# are never written over an existing file.
. "$(dirname "$0")/lib.sh"

w="$RK_TMP/work"
mkdir -p "$w"

# Run readykit in the work folder, as an author at a shell would.
in_work() { (cd "$w" && "$RK_BIN" "$@") >"$RK_TMP/.out" 2>"$RK_TMP/.err"; rc=$?
            out=$(cat "$RK_TMP/.out"); err=$(cat "$RK_TMP/.err"); }

in_work new dpi-city
begin_case "new writes ID.yaml and ID.lua in the current folder"
want_rc 0
want_contains "$err" "wrote dpi-city.yaml and dpi-city.lua"
want_true "dpi-city.yaml written" [ -s "$w/dpi-city.yaml" ]
want_true "dpi-city.lua written" [ -s "$w/dpi-city.lua" ]
end_case

begin_case "the files are the shipped templates with the id put in"
rc=0; want_rc 0
want_true "yaml differs" cmp -s "$w/dpi-city.yaml" - <<EOF
$(sed 's/@ID@/dpi-city/g' scripts/new/new-questionnaire.yaml)
EOF
want_true "lua differs" cmp -s "$w/dpi-city.lua" - <<EOF
$(sed 's/@ID@/dpi-city/g' scripts/new/new-rules.lua)
EOF
want_contains "$(cat "$w/dpi-city.lua")" 'rk.requires{questionnaire = "dpi-city"}'
want_not_contains "$(cat "$w/dpi-city.yaml" "$w/dpi-city.lua")" "@ID@"
end_case

begin_case "the starting files are domain-neutral (nothing of the SSE questionnaires)"
rc=0; want_rc 0
both=$(cat "$w/dpi-city.yaml" "$w/dpi-city.lua")
want_contains "$both" "id: dpi-city"
for word in SSE ESS solidarity Solidarity cooperative; do
    want_not_contains "$both" "$word"
done
end_case

in_work check dpi-city.yaml
begin_case "check: no error, no warning, rules loaded"
want_rc 0
want_contains "$out" "dpi-city.yaml: ok: dpi-city 0.1.0, 2 pillars, 7 questions, languages en, fr, maximum 13 weighted points, 3 levels, rules dpi-city.lua"
want_true "stderr not empty: $err" [ -z "$err" ]
end_case

# Every type and every documented key is in the example, so it teaches them all.
begin_case "the questionnaire shows every question type and the main keys"
rc=0; want_rc 0
y=$(cat "$w/dpi-city.yaml")
for t in yes_no scale choice multi number text; do
    want_contains "$y" "type: $t"
done
for k in "languages:" "levels:" "choice_lists:" "weight:" "evidence: true" "when:" \
         "checks:" "bands:" "cap:" "unit:" "help:" "required:" "dont_know: false" \
         "default:" "description:" "rules: dpi-city.lua" "replaces:" "retired:"; do
    want_contains "$y" "$k"
done
l=$(cat "$w/dpi-city.lua")
for k in "question = function (q, a, s)" "pillar = function (p, s)" "result = function (r)" \
         "rk.cap{" "rk.finding{" "rk.indicator{" "rk.log(" "rk.answer(" "indicators ="; do
    want_contains "$l" "$k"
done
end_case

in_work template dpi-city.yaml -o empty.yaml
in_work score empty.yaml
begin_case "its template loads as an empty assessment"
want_rc 0
want_contains "$out" "data: 0 of 5 applicable questions answered"
want_contains "$err" "question 'has_plan' is required but not answered"
end_case

# Fill in the template the way its header says: remove "# " before an id.
fill() {
    sed -e "s|^  # has_plan: .*|  has_plan: {value: $1, note: \"Plan 2026-2030\", source: \"$2\"}|" \
        -e 's|^  # plan_stage: .*|  plan_stage: started|' \
        -e 's|^  # lead: .*|  lead: team|' \
        -e 's|^  # support: .*|  support: [training, helpdesk]|' \
        -e 's|^  # staff: .*|  staff: 3|' \
        -e 's|^  # reviewed: .*|  reviewed: yes|' \
        -e 's|^  # obstacles: .*|  obstacles: "Time and money"|' \
        -e 's|^subject: ""|subject: Testville|' "$w/empty.yaml"
}
fill yes https://example.org/plan > "$w/full.yaml"
in_work score --format json full.yaml
begin_case "the filled-in template scores by the weights and bands it documents"
want_rc 0
want_contains "$out" '"subject": "Testville"'
# strategy (2x1 + 2/3 + 1) / 4 = 91.67; capacity (3/3 + 1/2 + 1) / 3 = 83.33;
# overall (91.67 + 2 x 83.33) / 3 = 86.11
want_contains "$out" '"id": "strategy", "title": "Strategy", "weight": 1, "score": 91.67'
want_contains "$out" '"id": "capacity", "title": "Capacity", "weight": 2, "score": 83.33'
want_contains "$out" '"score": 86.11, "level": "Established"'
want_contains "$out" '"id": "answered_share", "label": "Scored questions answered", "value": 100'
want_not_contains "$out" '"findings": [{'
end_case

fill yes "" > "$w/nosource.yaml"
in_work score --format json nosource.yaml
begin_case "its rules: an answer asking for evidence without a source counts half"
want_rc 0
want_contains "$out" '"id": "strategy", "title": "Strategy", "weight": 1, "score": 66.67'
end_case

fill no https://example.org/none | sed 's|^  plan_stage: started|  # plan_stage:|' > "$w/noplan.yaml"
in_work score --lang fr noplan.yaml
begin_case "its rules: no plan caps Strategy at Emerging, in French"
want_rc 0
want_contains "$out" "Stratégie  33.3  Naissant  (au plus Émergent"
want_contains "$out" "il n'y a pas de plan écrit)"
end_case

sed -e 's|^  lead: team|  lead: nobody|' -e 's|^  support: .*|  support: []|' \
    -e 's|^  staff: 3|  staff: 0|' -e 's|^  reviewed: yes|  reviewed: no|' "$w/full.yaml" > "$w/weak.yaml"
in_work score weak.yaml
begin_case "its rules: a weak capacity gets the recommendation"
want_rc 0
want_contains "$out" "[1] capacity: Name a team and give it time for this work."
end_case

printf 'questionnaire: dpi-city\nanswers:\n  staff: 20000\n' > "$w/big.yaml"
in_work score big.yaml
expect_ran "its check on staff stops a number out of range" 65 \
    "staff: More than 10,000 people? Check the unit."

in_work score --rules dpi-city.lua "$RK_TOP/questionnaires/examples/tiny-answers.yaml"
begin_case "its rules on another questionnaire are skipped with a warning"
want_rc 0
want_contains "$err" "requires questionnaire dpi-city"
end_case

printf 'yes | Plan | https://example.org\n4\nteam\n' | (cd "$w" && "$RK_BIN" ask dpi-city.yaml -o asked.yaml) \
    >"$RK_TMP/.out" 2>"$RK_TMP/.err"
rc=$?; out=$(cat "$RK_TMP/.out"); err=$(cat "$RK_TMP/.err")
begin_case "ask takes it, piped"
want_rc 0
want_true "asked.yaml: plan_stage done" grep -q "plan_stage: done" "$w/asked.yaml"
end_case

# An existing file is never overwritten (exit 73, as template), nor is the
# other one of the pair written.
cp "$w/dpi-city.yaml" "$w/before.yaml"
in_work new dpi-city
begin_case "new refuses an existing questionnaire file"
want_rc 73
want_contains "$err" "dpi-city.yaml: already exists; not overwritten"
want_true "the file was changed" cmp -s "$w/dpi-city.yaml" "$w/before.yaml"
end_case
echo "-- mine" > "$w/other.lua"
in_work new other
begin_case "new refuses when only the rules file exists, and writes neither"
want_rc 73
want_contains "$err" "other.lua: already exists"
want_true "other.yaml was written" [ ! -e "$w/other.yaml" ]
want_true "other.lua was changed" [ "$(cat "$w/other.lua")" = "-- mine" ]
end_case

# -o DIR: the folder is created; its files are checked from elsewhere.
in_work new city.v2 -o sub/dir/
begin_case "-o DIR creates one folder, not its missing parents"
want_rc 73
want_contains "$err" "sub/dir/: cannot create the folder"
end_case
in_work new city.v2 -o drafts
in_work check drafts/city.v2.yaml
begin_case "-o DIR: created, and the files pass check from the parent folder"
want_rc 0
want_contains "$out" "ok: city.v2 0.1.0"
want_true "drafts/city.v2.lua" [ -f "$w/drafts/city.v2.lua" ]
end_case
in_work new x -o dpi-city.yaml
begin_case "-o naming a file is refused"
want_rc 73
want_contains "$err" "dpi-city.yaml: is not a folder"
end_case

# Invalid ids: exit 64, the message says what an id may hold, nothing written.
long=$(printf 'a%.0s' $(seq 65))
before=$(ls -R "$w")
for id in DPI-City dpi/city "dpi city" _dpi "dpï" "$long" ""; do
    in_work new "$id"
    begin_case "new refuses the id '$(printf '%.20s' "$id")'"
    want_rc 64
    want_contains "$err" "is not a questionnaire id: use lowercase letters, digits"
    want_true "something was written" [ "$(ls -R "$w")" = "$before" ]
    end_case
done

in_work new -- -dpi
expect_ran "new -- -dpi: an id cannot start with '-'" 64 "'-dpi' is not a questionnaire id"
in_work new -dpi
expect_ran "new -dpi: an unknown option, named" 64 "unknown option '-d'"
# Completion: bash offers the command, its options, and folders after -o.
mkdir -p "$w/comp/drafts.d"
: > "$w/comp/draft-file"
comp=$(cd "$w/comp" && bash -c '
    . "$1"
    COMP_WORDS=(readykit ne); COMP_CWORD=1; _readykit; echo "cmd:${COMPREPLY[*]}"
    COMP_WORDS=(readykit new x --o); COMP_CWORD=3; _readykit; echo "opt:${COMPREPLY[*]}"
    COMP_WORDS=(readykit new x -o dr); COMP_CWORD=4; _readykit; echo "dir:${COMPREPLY[*]}"
' sh "$RK_TOP/scripts/completion/readykit.bash" 2>&1)
rc=0
begin_case "bash completion: new, its --output, and only folders after -o"
want_rc 0
want_contains "$comp" "cmd:new"
want_contains "$comp" "opt:--output"
want_contains "$comp" "dir:drafts.d"
want_not_contains "$comp" "draft-file"
if command -v zsh >/dev/null; then
    want_true "zsh completion does not parse" zsh -n scripts/completion/_readykit
fi
want_contains "$(cat scripts/completion/_readykit)" "'new:start a questionnaire"
end_case

run "$RK_BIN" new
expect_ran "new without an id" 64 "new needs one questionnaire id"
run "$RK_BIN" new a b
expect_ran "new with two ids" 64 "new needs one questionnaire id"
run "$RK_BIN" new --help
expect_ran "new --help" 0 "Usage: readykit new QUESTIONNAIRE_ID [-o DIR]"
run "$RK_BIN" --help
expect_ran "--help lists new" 0 "new ID "

done_testing
