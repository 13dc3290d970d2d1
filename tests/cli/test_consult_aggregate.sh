# readykit score --aggregate: four respondents of tests/cases/consult/
# whens.yaml, figures checked by hand:
#   law   yes, yes, no, dont_know: 3 answered, 1 don't know; the median of
#         no < yes < yes is yes; points 1, 1, 0: mean 2/3, standard
#         deviation sqrt(2/9) = 0.4714, disagreement x2 = 0.9428
#   kinds [coop, mutual], [coop], [coop]: coop chosen by 3 of 3, mutual by
#         1 of 3: consensus coop; points 2/2, 1/2, 1/2: mean 2/3, sd
#         sqrt(1/18) = 0.2357, disagreement 0.4714
#   staff 10, 20, 31, 40 (whole numbers): the middles 20 and 31 average
#         25.5, not whole: 20 is kept and the tie stated; not scored: no
#         disagreement figure
#   pillar base per respondent 100, 75, 25 and none: mean 66.67, median 75,
#         min 25, max 100 over 3; the consensus (yes, [coop], 20) scores 75
. "$(dirname "$0")/lib.sh"

Q=tests/cases/consult/whens.yaml
A=tests/cases/consult/aggregate

run "$RK_BIN" score -q "$Q" --aggregate "$A"/r1.yaml "$A"/r2.yaml "$A"/r3.yaml "$A"/r4.yaml --format json
expect_rc "aggregate json" 0
expect_contains "aggregate json: respondents" "$out" '"respondents": 4, "score": 75'
printf '%s\n' "$out" >"$RK_TMP/agg.json"
while IFS='|' read -r name expr want; do
    got=$(/usr/bin/python3 -c '
import json, sys
g = json.load(open(sys.argv[1]))
q = {x["id"]: x for x in g["questions"]}
print(eval(sys.argv[2]))' "$RK_TMP/agg.json" "$expr" 2>&1)
    if [ "$got" = "$want" ]; then ok "aggregate: $name = $want"; else not_ok "aggregate: $name: got $got, wanted $want"; fi
done <<'CASES'
law counts|(q["law"]["answered"], q["law"]["dont_know"])|(3, 1)
law consensus, no tie|(q["law"]["consensus"], q["law"]["tie"])|('yes', None)
law disagreement|q["law"]["disagreement"]|0.9428
law mean points|q["law"]["mean_points"]|0.6667
kinds consensus|q["kinds"]["consensus"]|coop
kinds disagreement|q["kinds"]["disagreement"]|0.4714
staff consensus and tie|(q["staff"]["consensus"], q["staff"]["tie"])|('20', 'median between 20 and 31: the lower is kept')
staff no disagreement figure|q["staff"]["disagreement"]|None
most disagreement first|[x["id"] for x in g["questions"]][:3]|['law', 'kinds', 'staff']
pillar base spread|[g["pillars"][0][k] for k in ("respondents", "mean", "median", "min", "max")]|[3, 66.67, 75, 25, 100]
consensus scored|(g["pillars"][0]["consensus"], g["score"], g["level"])|(75, 75, 'Low')
CASES

run "$RK_BIN" score -q "$Q" --aggregate "$A"/r1.yaml "$A"/r2.yaml "$A"/r3.yaml "$A"/r4.yaml
expect_rc "aggregate text" 0
expect_contains "text: header" "$out" "consultation: 4 respondents, whens 1.0.0, subject Testland"
expect_contains "text: pillar row" "$out" "  base                              75.0  66.7  75.0  25.0 100.0     3"
expect_contains "text: most disagreement first" "$(printf '%s\n' "$out" | grep -A1 'questions by disagreement' | tail -n 1)" \
    "0.94  law                            3 answered, 1 don't know; consensus: yes"

# The eight national examples: one consultation; every pillar has figures.
E=questionnaires/examples
run "$RK_BIN" score --aggregate -o "$RK_TMP/national.json" --format json $E/korea.yaml $E/mali.yaml \
    $E/mexico.yaml $E/portugal.yaml $E/quebec.yaml $E/senegal.yaml $E/spain.yaml $E/uruguay.yaml
expect_rc "national examples: aggregate to a file" 0
got=$(/usr/bin/python3 -c '
import json, sys
g = json.load(open(sys.argv[1]))
d = [x["disagreement"] for x in g["questions"] if x["disagreement"] is not None]
print(g["respondents"], len(g["questions"]), d == sorted(d, reverse=True), g["overall"]["respondents"])' "$RK_TMP/national.json")
if [ "$got" = "8 87 True 8" ]; then ok "national: 8 respondents, 87 questions sorted by disagreement"
else not_ok "national: $got"; fi

# CSV: the questions, most disagreement first.
run "$RK_BIN" score -q "$Q" --aggregate --format csv "$A"/r1.yaml "$A"/r2.yaml "$A"/r3.yaml "$A"/r4.yaml
expect_rc "aggregate csv" 0
expect_contains "csv: header and first rows" "$(printf '%s\n' "$out" | head -n 4 | tr -d '\r')" \
'question,pillar,answered,dont_know,consensus,tie,disagreement,mean_points
law,base,3,1,yes,,0.94,0.67
kinds,base,3,0,coop,,0.47,0.67
staff,base,4,0,20,median between 20 and 31: the lower is kept,,'

# report --aggregate: the consensus' PDF, respondents on the cover, the
# disagreement first among the findings.
run "$RK_BIN" report -q "$Q" --aggregate "$A"/r1.yaml "$A"/r2.yaml "$A"/r3.yaml "$A"/r4.yaml \
    -o "$RK_TMP/agg.pdf"
expect_rc "report --aggregate" 0
expect_contains "report: summary line" "$out" "wrote $RK_TMP/agg.pdf: the consensus of 4 respondents, 75.0"
text=$(pdftotext "$RK_TMP/agg.pdf" - 2>/dev/null | tr '\n' ' ')
expect_contains "report: respondents on the cover" "$text" "Respondent: consensus of 4 respondents"
expect_contains "report: the most disputed question as a finding" "$text" \
    'To discuss: respondents disagree on "Law?" (disagreement 0.94 of 1; 3 answered, 1 don'"'"'t know; consensus kept: yes).'
expect_not_contains "report: below 0.5 not listed" "$text" 'disagree on "Kinds?"'
run "$RK_BIN" report --aggregate -o "$RK_TMP/none.pdf"
expect_rc "report --aggregate without files" 64

# Errors: answers of two questionnaires.
run "$RK_BIN" score --aggregate "$A"/r1.yaml $E/quebec.yaml -q "$Q"
expect_rc "two questionnaires: exit 65" 65
run "$RK_BIN" score --aggregate $E/quebec.yaml $E/montreal.yaml
expect_rc "answers of sse-national and sse-local" 65
expect_contains "names both questionnaires" "$err" "answers questionnaire 'sse-local', but"
run "$RK_BIN" score --aggregate
expect_rc "no files" 64

done_testing
