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
