# readykit export --xlsform: both shipped questionnaires written as XLSForms
# and read back with openpyxl against the XLSForm rules (tests/cli/
# xlsform_check.py); `when`s translated to `relevant`, the untranslatable
# ones named in a warning; languages chosen with --lang; usage errors; the
# output replaced atomically (a failed export leaves the old file).
. "$(dirname "$0")/lib.sh"

C=tests/cases/consult
check=tests/cli/xlsform_check.py

# Both shipped questionnaires: exit 0, a summary, then the rules, one TAP
# line per rule.
for spec in "sse-national 2.0.0 87" "sse-local 2.0.0 32"; do
    set -- $spec
    run "$RK_BIN" export --xlsform "questionnaires/$1.yaml" -o "$RK_TMP/$1.xlsx"
    expect_rc "$1: export" 0
    expect_contains "$1: summary" "$out" "wrote $RK_TMP/$1.xlsx: $3 questions in"
    /usr/bin/python3 "$check" "$RK_TMP/$1.xlsx" "$1" "$2" "$3" en fr es >"$RK_TMP/claims" 2>&1 ||
        echo "not ok $1: xlsform_check.py failed: $(tail -n 1 "$RK_TMP/claims")" >>"$RK_TMP/claims"
    sed -i "s/^ok /ok $1: /; s/^not ok /not ok $1: /" "$RK_TMP/claims"
    tap_claims "$RK_TMP/claims"
done

# The `relevant` column of the test questionnaire, one "name | relevant" line each.
relevant() {
    /usr/bin/python3 -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["survey"]
head = [c.value for c in ws[1]]
for r in ws.iter_rows(min_row=2, values_only=True):
    if r[head.index("relevant")]:
        print("%s | %s" % (r[1], r[head.index("relevant")]))' "$1"
}
run "$RK_BIN" export --xlsform "$C/whens.yaml" -o "$RK_TMP/whens.xlsx"
expect_rc "whens: export with two untranslatable conditions" 0
expect_contains "whens: summary counts translated conditions" "$out" "5 of 7 conditions as relevant"
rel=$(relevant "$RK_TMP/whens.xlsx")
while IFS='|' read -r name want; do
    expect_contains "relevant of $name" "$rel" "$name | $want"
done <<'CASES'
q_eq|${law} = 'yes'
q_ne|${law} != 'no'
q_nil|(${law} != '' and ${law} != 'dont_know') and not(${law} = 'dont_know')
q_sel|selected(${kinds}, 'coop') or (count-selected(${kinds}) >= 2)
q_num|${staff} != '' and ${staff} > 10 and (not(${share} != '') or ${share} <= 2.5)
CASES
expect_contains "warning names q_bad1 at its when" "$err" \
    "whens.yaml:27:42: warning: the 'when' of question 'q_bad1' is not translated"
expect_contains "warning names q_bad2" "$err" "question 'q_bad2' is not translated"
expect_not_contains "no relevant for an untranslated when" "$rel" "q_bad"

# --lang picks the languages; the first is the default language.
run "$RK_BIN" export --xlsform "$C/whens.yaml" -o "$RK_TMP/fr.xlsx" --lang fr
expect_rc "--lang fr" 0
/usr/bin/python3 "$check" "$RK_TMP/fr.xlsx" whens 1.0.0 11 fr >"$RK_TMP/claims" 2>&1
sed -i "s/^ok /ok --lang fr: /; s/^not ok /not ok --lang fr: /" "$RK_TMP/claims"
tap_claims "$RK_TMP/claims"
cols=$(/usr/bin/python3 -c 'import sys, openpyxl; print([c.value for c in openpyxl.load_workbook(sys.argv[1])["survey"][1]])' "$RK_TMP/fr.xlsx")
expect_not_contains "--lang fr: no English column" "$cols" "English"

# Usage errors, and a failed export leaves the output as it was.
echo old >"$RK_TMP/keep.xlsx"
while IFS='|' read -r name want args; do
    # shellcheck disable=SC2086
    run "$RK_BIN" export $args
    if [ "$rc" = 64 ] && case "$err" in *"$want"*) true ;; *) false ;; esac; then
        ok "usage: $name"
    else
        not_ok "usage: $name: exit $rc, stderr: $err"
    fi
done <<CASES
no format|needs a format: --xlsform|$C/whens.yaml -o $RK_TMP/keep.xlsx
no output|needs -o FORM.xlsx|--xlsform $C/whens.yaml
language not declared|--lang de: questionnaire 'whens' is not written in that language|--xlsform $C/whens.yaml -o $RK_TMP/keep.xlsx --lang de
two questionnaires|exactly one questionnaire|--xlsform $C/whens.yaml $C/whens.yaml -o $RK_TMP/keep.xlsx
CASES
run "$RK_BIN" export --xlsform "$C/whens.yaml" -o "$RK_TMP/no/such/dir/f.xlsx"
expect_rc "unwritable output" 73
if [ "$(cat "$RK_TMP/keep.xlsx")" = old ]; then ok "failed exports left the old file"; else not_ok "keep.xlsx changed"; fi
run "$RK_BIN" export --xlsform no-such-questionnaire -o "$RK_TMP/x.xlsx"
expect_rc "missing questionnaire" 66

done_testing
