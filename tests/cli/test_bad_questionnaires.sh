# Every broken questionnaire in tests/cases/bad-questionnaires/ must make
# `readykit check` exit 65 and report an error at the position its first line
# expects ("# expect: LINE:COLUMN: fragment"), without crashing. The shipped
# questionnaires must pass.
#
# The corpus is counted once: test_questionnaire_corpus (a unit test) gives
# one TAP line per file for the loader; here the same files go through the
# command line as ONE case, whose failure lists every file that broke.
. "$(dirname "$0")/lib.sh"

n=0
bad=""
for f in tests/cases/bad-questionnaires/*.yaml; do
    n=$((n + 1))
    name=$(basename "$f" .yaml)
    expect=$(head -n 1 "$f" | sed -n 's/^# expect: //p')
    pos=${expect%%: *}
    frag=${expect#*: }
    if [ -z "$expect" ]; then
        bad="$bad
$name: no '# expect: LINE:COLUMN: fragment' line"
        continue
    fi
    run "$RK_BIN" check "$f"
    if [ "$rc" != 65 ]; then
        bad="$bad
$name: exit $rc$(rc_means "$rc"), wanted 65: $(printf '%s' "$err" | head -n 1)"
        continue
    fi
    found=no
    while IFS= read -r line; do
        case "$line" in
            *"$f:$pos: "*"$frag"*) found=yes ;;
        esac
    done <<ERRORS
$err
ERRORS
    [ "$found" = yes ] || bad="$bad
$name: wanted '$f:$pos: ...$frag' in: $(printf '%s' "$err" | head -n 1)"
done
if [ -z "$bad" ] && [ "$n" -ge 100 ]; then
    ok "check refuses all $n bad questionnaires with exit 65 at the expected position"
else
    not_ok "check of the bad questionnaires: $(printf '%s\n' "$bad" | grep -c .) of $n wrong"
    diag case "$(printf '%s\n' "$bad" | sed '/^$/d')"
fi

for f in questionnaires/*.yaml; do
    run "$RK_BIN" check "$f"
    expect_ran "$(basename "$f") passes check" 0 "pillars, "
done

done_testing
