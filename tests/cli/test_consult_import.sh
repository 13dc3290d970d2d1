# readykit import: CSV exports shaped like KoboToolbox (';', BOM, group
# paths with '/', a multi as values and as 0/1 columns), ODK Central (',',
# 'group-' prefixes, uuid: keys, a quoted multi-line cell) and LimeSurvey
# (tab, codes without '_', code[choice] columns, Y/N, a decimal comma) in
# tests/cases/import/; each bad cell named FILE:ROW:COLUMN and its row
# skipped, the good rows written; the round trip export -> CSV -> import ->
# score gives the scores and answers of the shipped examples.
. "$(dirname "$0")/lib.sh"

Q=tests/cases/consult/whens.yaml
I=tests/cases/import

# yaml_has NAME FILE LINE...: every LINE is a line of FILE.
yaml_has() {
    name=$1 file=$2
    shift 2
    for want in "$@"; do
        if ! grep -qxF -- "$want" "$file" 2>/dev/null; then
            not_ok "$name: no line '$want' in $file"; sed 's/^/# /' "$file" 2>/dev/null | head -n 20
            return
        fi
    done
    ok "$name"
}

run "$RK_BIN" import "$Q" "$I/kobo.csv" -o "$RK_TMP/kobo" --subject Testland
expect_rc "kobo: import" 0
expect_contains "kobo: summary" "$out" "3 rows (kobo, separator ';'): 3 answers files written"
K=$RK_TMP/kobo/0b6e7f0a-8c1e-4d2a-9a55-1f2b3c4d5e60.yaml
yaml_has "kobo: row 2 as answers (header, evidence, multi, decimal comma)" "$K" \
    "subject: Testland" "respondent: Ministry of Labour" "date: 2026-11-20" \
    "    note: \"Law 31/2021, Official Gazette\"" \
    "    source: \"https://example.org/gazette/31-2021\"" \
    "  kinds: [coop, mutual]" "  share: 1.5" "    note: Staff list 2026" "  q_nil: no"
yaml_has "kobo: don't know kept" "$RK_TMP/kobo/2d8a9b2c-ae3a-4f4c-9c77-3b4d5e6f7a82.yaml" \
    "  law: dont_know" "  staff: dont_know"
run "$RK_BIN" score -q "$Q" "$RK_TMP/kobo"/*.yaml
expect_rc "kobo: the answers files score" 0

run "$RK_BIN" import "$Q" "$I/odk.csv" -o "$RK_TMP/odk"
expect_rc "odk: import" 0
expect_contains "odk: summary" "$out" "2 rows (odk, separator ','): 2 answers files written"
yaml_has "odk: group-prefixed columns, quotes, uuid: key" \
    "$RK_TMP/odk/5f1a2b3c-4d5e-4f60-8a71-9b8c7d6e5f40.yaml" \
    "    note: \"Law 31/2021, \\\"Official Gazette\\\"\"" "  kinds: [coop, mutual]" "  share: 0.5"
yaml_has "odk: a multi-line note" "$RK_TMP/odk/6a2b3c4d-5e6f-4071-9b82-ac9d8e7f6051.yaml" \
    "    note: \"Two units, see\\nannex\"" "  kinds: [mutual]"

run "$RK_BIN" import "$Q" "$I/odk-split.csv" -o "$RK_TMP/odk-split"
expect_rc "odk: a multi as GROUP-ID-CHOICE 0/1 columns" 0
yaml_has "odk: 0/1 columns as choices" "$RK_TMP/odk-split/a.yaml" "  kinds: [coop]"
yaml_has "odk: the dont_know column as don't know" "$RK_TMP/odk-split/b.yaml" "  kinds: dont_know"

run "$RK_BIN" import "$Q" "$I/limesurvey.csv" -o "$RK_TMP/lime"
expect_rc "limesurvey: import" 0
expect_contains "limesurvey: summary" "$out" "2 rows (limesurvey, separator 'tab')"
yaml_has "limesurvey: codes, Y/N, code[choice], decimal comma, language" \
    "$RK_TMP/lime/response-1.yaml" "language: fr" "  law:" "    value: yes" "    note: Loi 2021" \
    "  kinds: [coop]" "  share: 3.5" "  q_eq: yes"

# Bad cells: each named by row and column, its row skipped, the good row written.
run "$RK_BIN" import "$Q" "$I/kobo-bad.csv" -o "$RK_TMP/bad"
expect_rc "kobo-bad: exit 65" 65
expect_contains "kobo-bad: summary" "$err" "3 of 4 rows skipped for bad cells, 1 unknown or repeated columns left out; 1 answers files written"
while IFS='|' read -r name want; do
    expect_contains "kobo-bad: $name" "$err" "$I/kobo-bad.csv:$want"
done <<'CASES'
unknown column, did you mean|1:9: unknown column 'base/staf': not a question of whens 1.0.0 (did you mean 'staff'?)
unknown choice|3:4: unknown choice 'maybe' for question 'law' (expected one of: yes, no, dont_know)
number out of bounds|3:8: 600 is out of range for question 'staff' (expected 0 to 500)
unknown value of a multi|4:7: unknown choice 'mutul' for question 'kinds' (expected space-separated values among: coop, mutual, dont_know); did you mean 'mutual'?
not a whole number|5:8: question 'staff' expects a whole number, found 2.5
CASES
n=$(ls -A "$RK_TMP/bad" | wc -l)
if [ "$n" = 1 ] && [ -f "$RK_TMP/bad/0b6e7f0a-8c1e-4d2a-9a55-1f2b3c4d5e60.yaml" ]; then
    ok "kobo-bad: only the good row's file, no temporary left"
else not_ok "kobo-bad: $n files: $(ls -A "$RK_TMP/bad")"; fi

# --dry-run: the same report, nothing written.
run "$RK_BIN" import "$Q" "$I/kobo-bad.csv" -o "$RK_TMP/dry" --dry-run
expect_rc "--dry-run: exit 65 for the same bad cells" 65
expect_contains "--dry-run: names a bad cell" "$err" "kobo-bad.csv:3:8: 600 is out of range"
expect_contains "--dry-run: says what would be written" "$out" "1 answers files would be written"
if [ ! -e "$RK_TMP/dry" ]; then ok "--dry-run: no folder, no file"; else not_ok "--dry-run wrote $RK_TMP/dry"; fi

# Broken files: not UTF-8, a row with too many cells, repeated respondent ids.
printf 'law,staff\nyes,\351t\351\n' >"$RK_TMP/latin1.csv"
printf 'law,staff\nyes,3,4\nno,2\n' >"$RK_TMP/cells.csv"
printf '_uuid,law\nabc,yes\nabc,no\n' >"$RK_TMP/dup.csv"
printf 'law;share\nyes;1,500\n' >"$RK_TMP/comma.csv"
while IFS='|' read -r name file code want; do
    run "$RK_BIN" import "$Q" "$RK_TMP/$file" -o "$RK_TMP/out-$file"
    if [ "$rc" = "$code" ] && case "$err" in *"$want"*) true ;; *) false ;; esac; then
        ok "$name (exit $rc)"
    else not_ok "$name: exit $rc, stderr: $err"; fi
done <<'CASES'
not UTF-8|latin1.csv|65|latin1.csv:2: not UTF-8 text
a row with too many cells|cells.csv|65|cells.csv:2:3: 3 cells where the header has 2
repeated respondent ids|dup.csv|65|dup.csv:3:1: respondent id 'abc' is also row 2's
a comma before three digits|comma.csv|65|comma.csv:2:2: '1,500' for question 'share' could be a thousands separator or a decimal comma: write 1500 or 1.500
missing CSV|no-such.csv|66|no-such.csv
CASES
run "$RK_BIN" import "$Q" "$I/kobo.csv"
expect_rc "usage: no -o" 64
run "$RK_BIN" import "$Q" "$I/kobo.csv" -o "$RK_TMP/x" --from excel
expect_rc "usage: unknown --from" 64

# Round trip: the shipped examples -> the exported form's CSV (Kobo, ODK)
# -> import -> the same answers and the same scores.
E=questionnaires/examples
strip_json() {
    /usr/bin/python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)
    for k in ("file", "respondent", "date", "language", "subject"):
        d.pop(k, None)
    print(json.dumps(d, sort_keys=True))'
}
# same_answers FORM "SRC..." "GOT...": the answers of both lists agree, as
# values (yes, 3 and '3' alike) and, for the questions the form asks
# evidence of, with their note and source.
same_answers() {
    /usr/bin/python3 -c '
import sys, yaml, openpyxl
names = {r[1] for r in openpyxl.load_workbook(sys.argv[1])["survey"].iter_rows(values_only=True)}
def norm(v):
    if isinstance(v, bool):
        return "yes" if v else "no"
    return [norm(x) for x in v] if isinstance(v, list) else None if v is None else str(v)
def answers(f):
    out = {}
    for k, v in (yaml.safe_load(open(f))["answers"] or {}).items():
        d = v if isinstance(v, dict) else {"value": v}
        keep = k + "_note" in names
        out[k] = (norm(d.get("value")), d.get("note") if keep else None,
                  d.get("source") if keep else None)
    return out
a = [answers(f) for f in sys.argv[2].split()]
b = [answers(f) for f in sys.argv[3].split()]
bad = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
print("same" if len(a) == len(b) and not bad else "differ: %s" % bad)' "$1" "$2" "$3"
}
for spec in "sse-national kobo korea mali mexico portugal quebec senegal spain uruguay" \
            "sse-national odk quebec senegal" "sse-national kobo-labels korea mexico spain" \
            "sse-local kobo montreal" "sse-local kobo-labels montreal"; do
    set -- $spec
    q=$1 style=$2
    shift 2
    src=""
    for c in "$@"; do src="$src $E/$c.yaml"; done
    "$RK_BIN" export --xlsform "$q" -o "$RK_TMP/$q.xlsx" >/dev/null 2>&1
    /usr/bin/python3 tests/cli/consult_fill.py "$RK_TMP/$q.xlsx" "$style" "$RK_TMP/$q-$style.csv" $src
    run "$RK_BIN" import "$q" "$RK_TMP/$q-$style.csv" -o "$RK_TMP/rt-$q-$style"
    expect_rc "round trip $q via $style: import" 0
    got=$(ls "$RK_TMP/rt-$q-$style"/*.yaml | tr '\n' ' ')
    expect_contains "round trip $q via $style: same answers" "$(same_answers "$RK_TMP/$q.xlsx" "$src" "$got")" "same"
    # shellcheck disable=SC2086
    a=$("$RK_BIN" score -q "questionnaires/$q.yaml" --lang en --format json $src | strip_json)
    # shellcheck disable=SC2086
    b=$("$RK_BIN" score -q "questionnaires/$q.yaml" --lang en --format json $got | strip_json)
    if [ -n "$a" ] && [ "$a" = "$b" ]; then ok "round trip $q via $style: same scores ($# files)"
    else not_ok "round trip $q via $style: scores differ"; fi
done

done_testing
