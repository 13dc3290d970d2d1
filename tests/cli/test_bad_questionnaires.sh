# Every broken questionnaire in tests/cases/bad-questionnaires/ must make
# `readykit check` exit 65 and report an error at the position its first line
# expects ("# expect: LINE:COLUMN: fragment"), without crashing. The shipped
# questionnaires must pass.
. "$(dirname "$0")/lib.sh"

for f in tests/cases/bad-questionnaires/*.yaml; do
    name=$(basename "$f" .yaml)
    expect=$(head -n 1 "$f" | sed -n 's/^# expect: //p')
    pos=${expect%%: *}
    frag=${expect#*: }
    if [ -z "$expect" ]; then
        not_ok "$name: no '# expect: LINE:COLUMN: fragment' line"
        continue
    fi
    run "$RK_BIN" check "$f"
    if [ "$rc" != 65 ]; then
        not_ok "$name: exit $rc, wanted 65"
        printf '%s\n' "$err" | head -n 5 | sed 's/^/# /'
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
    if [ "$found" = yes ]; then
        ok "$name: exit 65 at $pos"
    else
        not_ok "$name: wanted '$f:$pos: ...$frag' in:"
        printf '%s\n' "$err" | head -n 10 | sed 's/^/# /'
    fi
done

for f in questionnaires/*.yaml; do
    run "$RK_BIN" check "$f"
    expect_rc "$(basename "$f") passes check" 0
done

done_testing
