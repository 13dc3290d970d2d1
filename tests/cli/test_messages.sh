#!/bin/sh
# Messages a non-programmer can act on: usage errors point at the command's
# own help; every line of a multi-error report carries the same prefix.
. "$(dirname "$0")/lib.sh"

run "$RK_BIN" report questionnaires/examples/quebec.yaml
expect_rc "report without -o" 64
expect_contains "says what is missing" "$err" "report needs -o OUT.pdf"
expect_contains "points at report's own help" "$err" "Try 'readykit report --help'."

run "$RK_BIN" check tests/cases/bad-questionnaires/many-errors.yaml
expect_rc "a questionnaire with many errors" 65
n=$(printf '%s\n' "$err" | grep -c .)
bad=$(printf '%s\n' "$err" | grep -vc '^readykit: ')
[ "$n" -ge 4 ] && [ "$bad" = 0 ] && ok "all $n lines start with 'readykit: '" \
    || not_ok "$bad of $n lines lack the prefix: $(printf '%s\n' "$err" | grep -v '^readykit: ' | head -n 2)"

# One fault, one message: a first level without a name must not make the
# second level "the first level" and report its min as a second fault.
cat > "$RK_TMP/levels.yaml" <<'YAML'
id: demo
version: 1.0.0
title: Demo
languages: [en]
levels:
  - {min: 0, label: Low}
  - {min: 50, name: High}
pillars:
  - id: p1
    title: First
    questions:
      - {id: q1, type: yes_no, text: Is there a law?}
YAML
begin_case "a level without a name is reported once, without a cascade"
run "$RK_BIN" check "$RK_TMP/levels.yaml"
want_rc 65
want_contains "$err" "levels.yaml:6:5: missing required key 'name' in level 1"
want_not_contains "$err" "first level must have min 0"
end_case

# Answers find their questionnaire by id: check says when the file name
# does not match the id, before score fails to find it.
cp questionnaires/tiny.yaml "$RK_TMP/mine.yaml"
begin_case "check warns that a file not named after its id will not be found"
run "$RK_BIN" check "$RK_TMP/mine.yaml"
want_rc 0
want_contains "$out" "mine.yaml: ok: tiny 1.0.0, 2 pillars"
want_contains "$err" "its id is 'tiny' but the file is named mine.yaml"
want_contains "$err" "'readykit score' will look for tiny.yaml"
end_case
begin_case "check says nothing of a file named after its id"
run "$RK_BIN" check questionnaires/tiny.yaml
want_rc 0
want_contains "$out" "tiny.yaml: ok: tiny 1.0.0"
want_not_contains "$err" "its id is"
end_case

# Language tags are case-insensitive and a region falls back to its language.
for tag in FR fr-CA; do
    begin_case "--lang $tag is French, without a warning"
    run "$RK_BIN" score --lang "$tag" questionnaires/examples/quebec.yaml
    want_rc 0
    want_contains "$out" "Cadre juridique"
    want_not_contains "$err" "not written in"
    end_case
done
begin_case "--lang de warns and falls back to English"
run "$RK_BIN" score --lang de questionnaires/examples/quebec.yaml
want_rc 0
want_contains "$out" "Legal framework"
want_contains "$err" "--lang de: this questionnaire is not written in 'de'; using 'en'"
end_case

done_testing
