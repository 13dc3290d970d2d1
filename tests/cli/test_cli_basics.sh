# CLI basics: help, version, usage errors, exit codes, the end-to-end slice
# on the tiny questionnaire (check, score text/json/csv, report).
. "$(dirname "$0")/lib.sh"

run "$RK_BIN" --help
expect_ran "--help lists commands" 0 "score ANSWERS"

# --version prints exactly the version the build was given (src/main.c's
# RK_VERSION, or the Makefile's VERSION when it defines one).
want=$(sed -n 's/^VERSION *[:?]*= *//p' Makefile | head -n 1)
[ -n "$want" ] || want=$(sed -n 's/^#define RK_VERSION "\(.*\)"$/\1/p' src/main.c)
run "$RK_BIN" --version
begin_case "--version prints 'readykit $want'"
want_rc 0
first=$(printf '%s\n' "$out" | head -n 1)
want_true "first line '$first', wanted exactly 'readykit $want'" [ "$first" = "readykit $want" ]
want_true "src/main.c has no RK_VERSION" [ -n "$want" ]
end_case

for c in check score report; do
    run "$RK_BIN" $c --help
    begin_case "$c --help shows usage on stdout"
    want_rc 0
    want_contains "$out" "Usage: readykit $c"
    end_case
done

run "$RK_BIN"
expect_ran "no command is a usage error" 64 "Usage: readykit"
run "$RK_BIN" frobnicate
expect_ran "unknown command names it" 64 "frobnicate"
run "$RK_BIN" score --format xml questionnaires/examples/tiny-answers.yaml
expect_ran "unknown format" 64 "xml"
run "$RK_BIN" score --bogus x.yaml
expect_ran "unknown option" 64 "bogus"
run "$RK_BIN" report questionnaires/examples/tiny-answers.yaml
expect_ran "report without -o" 64 "-o"

# check
run "$RK_BIN" check questionnaires/tiny.yaml
expect_ran "check tiny.yaml prints a summary" 0 "2 pillars, 5 questions"
run "$RK_BIN" check "$RK_TMP/none.yaml"
expect_ran "check of a missing file names it" 66 "none.yaml"

# score: text, json, csv
A=questionnaires/examples/tiny-answers.yaml
run "$RK_BIN" score "$A"
expect_ran "score text shows the subject" 0 "Tinyland"
run "$RK_BIN" score --format json "$A"
if [ "$rc" = 0 ] && printf '%s\n' "$out" | /usr/bin/python3 -c '
import json, sys
lines = sys.stdin.read().splitlines()
assert len(lines) == 1, lines
o = json.loads(lines[0])
for k in ("file", "questionnaire", "version", "subject", "score", "level", "pillars", "indicators", "findings"):
    assert k in o, k
assert o["questionnaire"] == "tiny"
assert o["score"] == 66.67, o["score"]
assert [p["score"] for p in o["pillars"]] == [100, 50], o["pillars"]
assert o["level"] == "Emerging", o["level"]
assert [p["id"] for p in o["pillars"]] == ["law", "money"], o["pillars"]
for p in o["pillars"]:
    assert set(("id", "title", "score", "level", "cap")) <= set(p)
'; then ok "score json has the documented fields and values"; else
    not_ok "score json: exit $rc$(rc_means "$rc"), or fields or values differ"; fi

cp "$A" "$RK_TMP/b.yaml"
run "$RK_BIN" score --format json "$A" "$RK_TMP/b.yaml"
begin_case "score two files: one JSON line each"
want_rc 0
n=$(printf '%s\n' "$out" | grep -c '^{"file": ')
want_true "$n JSON lines" [ "$n" = 2 ]
end_case

run "$RK_BIN" score --format csv "$A" "$RK_TMP/b.yaml"
begin_case "score csv: header and one row per file"
want_rc 0
head=$(printf '%s\n' "$out" | head -n 1 | tr -d '\r')
want_true "csv header: $head" [ "$head" = "file,subject,score,level,law,money" ]
rows=$(printf '%s\n' "$out" | wc -l)
want_true "csv rows: $rows" [ "$rows" = 3 ]
end_case

# -q names the questionnaire; answers elsewhere are found through it
cp "$A" "$RK_TMP/elsewhere.yaml"
cd "$RK_TMP"   # away from ./questionnaires
run "$RK_BIN" score "$RK_TMP/elsewhere.yaml"
expect_ran "questionnaire not on the search path: says how to fix" 66 "-q FILE"
run "$RK_BIN" score -q "$RK_TOP/questionnaires/tiny.yaml" "$RK_TMP/elsewhere.yaml"
expect_ran "-q finds it" 0 "overall   66.7"
READYKIT_PATH="/nonexistent:$RK_TOP/questionnaires" run "$RK_BIN" score "$RK_TMP/elsewhere.yaml"
expect_ran "READYKIT_PATH finds it" 0 "overall   66.7"
cd "$RK_TOP"

# bad answers: position and exit 65, no output file
printf 'questionnaire: tiny\nanswers:\n  has_law: maybe\n' > "$RK_TMP/bad.yaml"
run "$RK_BIN" score -q questionnaires/tiny.yaml "$RK_TMP/bad.yaml"
expect_ran "bad answer value has file:line:column" 65 "bad.yaml:3:12:"
printf 'questionnaire: tiny\nanswers: [\n' > "$RK_TMP/broken.yaml"
run "$RK_BIN" score -q questionnaires/tiny.yaml "$RK_TMP/broken.yaml"
expect_ran "malformed YAML answers have a position" 65 "broken.yaml:"
printf 'questionnaire: tiny\nanswers:\n  has_lwa: yes\n' > "$RK_TMP/typo.yaml"
run "$RK_BIN" score -q questionnaires/tiny.yaml "$RK_TMP/typo.yaml"
expect_ran "unknown question: did you mean" 65 "did you mean 'has_law'"

echo keep > "$RK_TMP/out.json"
run "$RK_BIN" score --format json -o "$RK_TMP/out.json" "$A" "$RK_TMP/bad.yaml"
begin_case "batch with a bad file keeps the earlier output"
want_rc 65
want_contains "$err" "bad.yaml:3:12:" stderr
want_true "output clobbered" [ "$(cat "$RK_TMP/out.json")" = keep ]
end_case
run "$RK_BIN" score --format json -o "$RK_TMP/out.json" "$A"
begin_case "score -o writes the result"
want_rc 0
want_contains "$(cat "$RK_TMP/out.json")" '"questionnaire": "tiny"' out.json
want_true "a temporary file was left" [ "$(ls -A "$RK_TMP" | grep -c out.json)" = 1 ]
end_case

# report
run "$RK_BIN" report "$A" -o "$RK_TMP/r.pdf"
begin_case "report: qpdf --check passes, the PDF shows the subject"
want_rc 0
want_pdf qpdf --check "$RK_TMP/r.pdf"
want_pdf pdftotext "$RK_TMP/r.pdf" -
want_contains "$pdf_out" "Tinyland" "pdftotext"
end_case
run "$RK_BIN" report "$A" -o "$RK_TMP/no/such/dir/r.pdf"
expect_ran "report into a missing folder" 73 "no/such/dir/r.pdf"
run "$RK_BIN" score --format json "$A" -o "$RK_TMP/out.json/x.json"
expect_ran "output under a regular file (unwritable, for root too)" 73 "Not a directory"
run "$RK_BIN" report --lang fr "$A" -o "$RK_TMP/fr.pdf"
begin_case "report in French: pillar title with accents"
want_rc 0
want_pdf pdftotext "$RK_TMP/fr.pdf" -
want_contains "$pdf_out" "Législation" "pdftotext"
end_case

# a question's checks are enforced when scoring, at the answer's position
Q=tests/unit/fixtures/rules-q.yaml
printf 'questionnaire: rules-q\nanswers:\n  framework_law: adopted\n  law_year: 1850\n' > "$RK_TMP/year.yaml"
run "$RK_BIN" score -q "$Q" "$RK_TMP/year.yaml"
expect_ran "a failing check: its message at the answer" 65 "year.yaml:4:13: law_year: a year between 1900 and 2100"
printf 'questionnaire: rules-q\nanswers:\n  framework_law: adopted\n  law_year: 2013\n' > "$RK_TMP/year.yaml"
run "$RK_BIN" score -q "$Q" "$RK_TMP/year.yaml"
expect_ran "a passing check" 0 "overall"

# CSV columns are one questionnaire's pillars: another questionnaire is refused
run "$RK_BIN" score --format csv questionnaires/examples/tiny-answers.yaml questionnaires/examples/quebec.yaml
begin_case "csv with two questionnaires is refused, keeping the first one's rows"
want_rc 64
want_contains "$err" "own CSV" stderr
rows=$(printf '%s\n' "$out" | wc -l)
want_true "csv rows: $rows" [ "$rows" = 2 ]
end_case

# questionnaires/README.md: the answers example (the ```yaml block that
# starts "# Answers to city-sse") scores against the questionnaire example
# (the first block) as the page says, found from the answers' parent folder.
mkdir -p "$RK_TMP/doc/answers"
awk -v q="$RK_TMP/doc/city-sse.yaml" -v a="$RK_TMP/doc/answers/riverton.yaml" '
    /^```yaml$/ { n++; first = 1; next }
    /^```$/ { out = ""; next }
    first { first = 0; out = (n == 1) ? q : (/^# Answers to city-sse/ ? a : "") }
    out != "" { print > out }
' questionnaires/README.md
run "$RK_BIN" score "$RK_TMP/doc/answers/riverton.yaml"
begin_case "questionnaires/README.md answers example scores as documented"
want_rc 0
want_contains "$out" "overall   91.7  Established"
want_contains "$out" "3 of 4 applicable questions answered, 1 don't know"
end_case

# a cap that lowers the level "caps"; one at or above the level only "holds"
cat > "$RK_TMP/caps.lua" <<'LUA'
return {
  pillar = function (p, s)
    if p.id == "law" then rk.cap{pillar = "law", level = "nascent", reason = "test gate"} end
    if p.id == "money" then rk.cap{pillar = "money", level = "established", reason = "loose gate"} end
  end,
}
LUA
run "$RK_BIN" score --rules "$RK_TMP/caps.lua" questionnaires/examples/tiny-answers.yaml
begin_case "caps in text: a binding cap and a holding gate"
want_rc 0
want_contains "$out" "Nascent  (capped at Nascent: test gate)"
want_contains "$out" "(at most Established: loose gate)"
end_case
run "$RK_BIN" score --format json --rules "$RK_TMP/caps.lua" questionnaires/examples/tiny-answers.yaml
if [ "$rc" = 0 ] && printf '%s' "$out" | /usr/bin/python3 -c '
import json, sys
o = json.loads(sys.stdin.read())
p = {x["id"]: x for x in o["pillars"]}
assert p["law"]["cap"]["binding"] is True and p["law"]["level_id"] == "nascent", p["law"]
assert p["law"]["uncapped_level_id"] == "established", p["law"]
assert p["money"]["cap"]["binding"] is False and p["money"]["level_id"] == "emerging", p["money"]
'; then ok "json cap binding flags"; else not_ok "json cap binding flags"; fi
run "$RK_BIN" report --rules "$RK_TMP/caps.lua" questionnaires/examples/tiny-answers.yaml -o "$RK_TMP/caps.pdf"
begin_case "caps in the PDF: a binding cap and a holding gate"
want_rc 0
want_pdf pdftotext "$RK_TMP/caps.pdf" -
want_contains "$pdf_out" "Capped at Nascent" pdftotext
want_contains "$pdf_out" "At most Established" pdftotext
end_case

# a required question left out: scoring goes on, with a warning that says so
sed 's/^        evidence: true$/        evidence: true\n        required: {en: "Say whether there is a law.", fr: "Dites s il existe une loi."}/' \
    questionnaires/tiny.yaml > "$RK_TMP/req.yaml"
printf 'questionnaire: tiny\nanswers:\n  has_fund: no\n' > "$RK_TMP/noreq.yaml"
run "$RK_BIN" score -q "$RK_TMP/req.yaml" "$RK_TMP/noreq.yaml"
expect_ran "missing required answer scores, with a warning" 0 "warning: question 'has_law' is required but not answered: Say whether there is a law."

# a rule error names the answers file it was scoring
printf 'return { pillar = function (p, s) return {score = p.nope.x} end }\n' > "$RK_TMP/err.lua"
run "$RK_BIN" score --rules "$RK_TMP/err.lua" questionnaires/examples/tiny-answers.yaml
begin_case "rule runtime error names rule file, line and answers file"
want_rc 65
want_contains "$err" "err.lua:1: attempt to index a nil value"
want_contains "$err" "[answers questionnaires/examples/tiny-answers.yaml]"
end_case

# --lang picks the language of the text output's own words too
run "$RK_BIN" score --lang fr questionnaires/examples/tiny-answers.yaml
begin_case "score --lang fr: overall word, pillar title, data line"
want_rc 0
want_contains "$out" "  global "
want_contains "$out" "Législation"
want_contains "$out" "questions applicables sur"
end_case
run "$RK_BIN" score --lang es questionnaires/examples/tiny-answers.yaml
begin_case "score --lang es: a language the questionnaire lacks falls back, whole, and says so"
want_rc 0
want_contains "$out" "applicable questions answered"
want_contains "$err" "--lang es: this questionnaire is not written in 'es'; using 'en'"
end_case

# the report renders: every page to a non-blank image, metadata in UTF-8
run "$RK_BIN" report --lang fr questionnaires/examples/quebec.yaml -o "$RK_TMP/q.pdf"
begin_case "Quebec report in French renders, with UTF-8 metadata"
want_rc 0
want_pdf pdfinfo "$RK_TMP/q.pdf"
want_contains "$pdf_out" "Degré de préparation des politiques d'ESS" pdfinfo
pages=$(printf '%s\n' "$pdf_out" | awk '/^Pages:/ {print $2}')
want_true "pdfinfo pages: '$pages'" [ "${pages:-0}" -ge 2 ]
want_pdf pdftoppm -r 20 -png "$RK_TMP/q.pdf" "$RK_TMP/page"
n=$(ls "$RK_TMP"/page-*.png 2>/dev/null | wc -l)
want_true "$n images for $pages pages" [ "$n" = "${pages:-0}" ]
# a blank A4 page at 20 dpi compresses to a few hundred bytes; text and bars do not
size=$(cat "$RK_TMP"/page-1.png "$RK_TMP"/page-01.png 2>/dev/null | wc -c)
want_true "page 1 looks blank ($size bytes)" [ "$size" -gt 2000 ]
want_pdf pdftotext "$RK_TMP/q.pdf" -
want_contains "$pdf_out" "Cadre juridique" pdftotext
want_contains "$pdf_out" "Chiffres clés" pdftotext
comma=$(printf '%s\n' "$pdf_out" | grep -Ec '^[0-9]+,[0-9]$')
want_true "no decimal comma" [ "$comma" -ge 1 ]
end_case
run env SOURCE_DATE_EPOCH=1700000000 "$RK_BIN" report questionnaires/examples/quebec.yaml -o "$RK_TMP/r1.pdf"
begin_case "reports are byte-reproducible"
want_rc 0
run env SOURCE_DATE_EPOCH=1700000000 "$RK_BIN" report questionnaires/examples/quebec.yaml -o "$RK_TMP/r2.pdf"
want_rc 0
want_contains "$out" "r2.pdf"
want_true "reports differ between runs" cmp -s "$RK_TMP/r1.pdf" "$RK_TMP/r2.pdf"
end_case

# an answers file in a language the questionnaire lacks: scored, with a warning
sed 's/^language: en$/language: de/' questionnaires/examples/tiny-answers.yaml > "$RK_TMP/de.yaml"
run "$RK_BIN" score -q questionnaires/tiny.yaml "$RK_TMP/de.yaml"
expect_ran "answers in an undeclared language: scored, with a warning at its line" 0 "de.yaml:8:11: warning: language 'de' is not one of the questionnaire's"

done_testing
