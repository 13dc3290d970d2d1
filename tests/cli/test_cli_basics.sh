# CLI basics: help, version, usage errors, exit codes, the end-to-end slice
# on the tiny questionnaire (check, score text/json/csv, report).
. "$(dirname "$0")/lib.sh"

run "$RK_BIN" --help
expect_rc "--help" 0
expect_contains "--help lists commands" "$out" "score ANSWERS"

run "$RK_BIN" --version
expect_rc "--version" 0
expect_contains "--version prints the version" "$out" "readykit "

for c in check score report; do
    run "$RK_BIN" $c --help
    expect_rc "$c --help" 0
    expect_contains "$c --help shows usage" "$out" "Usage: readykit $c"
done

run "$RK_BIN"
expect_rc "no command is a usage error" 64
run "$RK_BIN" frobnicate
expect_rc "unknown command" 64
expect_contains "unknown command names it" "$err" "frobnicate"
run "$RK_BIN" score --format xml questionnaires/examples/tiny-answers.yaml
expect_rc "unknown format" 64
run "$RK_BIN" score --bogus x.yaml
expect_rc "unknown option" 64
run "$RK_BIN" report questionnaires/examples/tiny-answers.yaml
expect_rc "report without -o" 64

# check
run "$RK_BIN" check questionnaires/tiny.yaml
expect_rc "check tiny.yaml" 0
expect_contains "check prints a summary" "$out" "2 pillars, 5 questions"
run "$RK_BIN" check "$RK_TMP/none.yaml"
expect_rc "check of a missing file" 66
expect_contains "missing file is named" "$err" "none.yaml"

# score: text, json, csv
A=questionnaires/examples/tiny-answers.yaml
run "$RK_BIN" score "$A"
expect_rc "score text" 0
expect_contains "text shows the subject" "$out" "Tinyland"
run "$RK_BIN" score --format json "$A"
expect_rc "score json" 0
if printf '%s\n' "$out" | /usr/bin/python3 -c '
import json, sys
lines = sys.stdin.read().splitlines()
assert len(lines) == 1, lines
o = json.loads(lines[0])
for k in ("file", "questionnaire", "version", "subject", "score", "level", "pillars", "indicators", "findings"):
    assert k in o, k
assert o["questionnaire"] == "tiny"
assert 0 <= o["score"] <= 100
assert [p["id"] for p in o["pillars"]] == ["law", "money"], o["pillars"]
for p in o["pillars"]:
    assert set(("id", "title", "score", "level", "cap")) <= set(p)
'; then ok "json has the documented fields"; else not_ok "json fields"; fi

cp "$A" "$RK_TMP/b.yaml"
run "$RK_BIN" score --format json "$A" "$RK_TMP/b.yaml"
expect_rc "score two files" 0
n=$(printf '%s\n' "$out" | grep -c '^{')
[ "$n" = 2 ] && ok "one JSON line per file" || not_ok "one JSON line per file: $n"

run "$RK_BIN" score --format csv "$A" "$RK_TMP/b.yaml"
expect_rc "score csv" 0
head=$(printf '%s\n' "$out" | head -n 1 | tr -d '\r')
[ "$head" = "file,subject,score,level,law,money" ] && ok "csv header" || not_ok "csv header: $head"
rows=$(printf '%s\n' "$out" | wc -l)
[ "$rows" = 3 ] && ok "csv rows" || not_ok "csv rows: $rows"

# -q names the questionnaire; answers elsewhere are found through it
cp "$A" "$RK_TMP/elsewhere.yaml"
cd "$RK_TMP"   # away from ./questionnaires
run "$RK_BIN" score "$RK_TMP/elsewhere.yaml"
expect_rc "questionnaire not on the search path" 66
expect_contains "search failure says how to fix" "$err" "-q FILE"
run "$RK_BIN" score -q "$RK_TOP/questionnaires/tiny.yaml" "$RK_TMP/elsewhere.yaml"
expect_rc "-q finds it" 0
READYKIT_PATH="/nonexistent:$RK_TOP/questionnaires" run "$RK_BIN" score "$RK_TMP/elsewhere.yaml"
expect_rc "READYKIT_PATH finds it" 0
cd "$RK_TOP"

# bad answers: position and exit 65, no output file
printf 'questionnaire: tiny\nanswers:\n  has_law: maybe\n' > "$RK_TMP/bad.yaml"
run "$RK_BIN" score -q questionnaires/tiny.yaml "$RK_TMP/bad.yaml"
expect_rc "bad answer value" 65
expect_contains "bad answer has file:line:column" "$err" "bad.yaml:3:12:"
printf 'questionnaire: tiny\nanswers: [\n' > "$RK_TMP/broken.yaml"
run "$RK_BIN" score -q questionnaires/tiny.yaml "$RK_TMP/broken.yaml"
expect_rc "malformed YAML answers" 65
expect_contains "malformed YAML has a position" "$err" "broken.yaml:"
printf 'questionnaire: tiny\nanswers:\n  has_lwa: yes\n' > "$RK_TMP/typo.yaml"
run "$RK_BIN" score -q questionnaires/tiny.yaml "$RK_TMP/typo.yaml"
expect_rc "unknown question" 65
expect_contains "did you mean" "$err" "did you mean 'has_law'"

echo keep > "$RK_TMP/out.json"
run "$RK_BIN" score --format json -o "$RK_TMP/out.json" "$A" "$RK_TMP/bad.yaml"
expect_rc "batch with a bad file" 65
[ "$(cat "$RK_TMP/out.json")" = keep ] && ok "earlier output kept when a file fails" || not_ok "output clobbered"
run "$RK_BIN" score --format json -o "$RK_TMP/out.json" "$A"
expect_rc "score -o" 0
grep -q '"questionnaire": "tiny"' "$RK_TMP/out.json" && ok "-o wrote the result" || not_ok "-o content"

# report
run "$RK_BIN" report "$A" -o "$RK_TMP/r.pdf"
expect_rc "report" 0
if qpdf --check "$RK_TMP/r.pdf" >/dev/null 2>&1; then ok "qpdf --check passes"; else not_ok "qpdf --check"; fi
txt=$(pdftotext -q "$RK_TMP/r.pdf" - 2>/dev/null)
expect_contains "pdf shows the subject" "$txt" "Tinyland"
run "$RK_BIN" report "$A" -o "$RK_TMP/no/such/dir/r.pdf"
expect_rc "report into a missing folder" 73
run "$RK_BIN" report --lang fr "$A" -o "$RK_TMP/fr.pdf"
expect_rc "report in French" 0
txt=$(pdftotext -q "$RK_TMP/fr.pdf" - 2>/dev/null)
expect_contains "French pillar title with accents" "$txt" "Législation"

# a question's checks are enforced when scoring, at the answer's position
Q=tests/unit/fixtures/rules-q.yaml
printf 'questionnaire: rules-q\nanswers:\n  framework_law: adopted\n  law_year: 1850\n' > "$RK_TMP/year.yaml"
run "$RK_BIN" score -q "$Q" "$RK_TMP/year.yaml"
expect_rc "a failing check" 65
expect_contains "the check's message at the answer" "$err" "year.yaml:4:13: law_year: a year between 1900 and 2100"
printf 'questionnaire: rules-q\nanswers:\n  framework_law: adopted\n  law_year: 2013\n' > "$RK_TMP/year.yaml"
run "$RK_BIN" score -q "$Q" "$RK_TMP/year.yaml"
expect_rc "a passing check" 0

# CSV columns are one questionnaire's pillars: another questionnaire is refused
run "$RK_BIN" score --format csv questionnaires/examples/tiny-answers.yaml questionnaires/examples/quebec.yaml
expect_rc "csv with two questionnaires" 64
expect_contains "csv mix is explained" "$err" "own CSV"
rows=$(printf '%s\n' "$out" | wc -l)
[ "$rows" = 2 ] && ok "csv keeps the rows of the first questionnaire" || not_ok "csv rows: $rows"

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
expect_rc "questionnaires/README.md answers example" 0
expect_contains "answers example scores as documented" "$out" "overall   91.7  Established"
expect_contains "answers example data line" "$out" "3 of 4 applicable questions answered, 1 don't know"

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
expect_rc "caps rule" 0
expect_contains "binding cap in text" "$out" "Nascent  (capped at Nascent: test gate)"
expect_contains "non-binding gate in text" "$out" "(at most Established: loose gate)"
run "$RK_BIN" score --format json --rules "$RK_TMP/caps.lua" questionnaires/examples/tiny-answers.yaml
if printf '%s' "$out" | /usr/bin/python3 -c '
import json, sys
o = json.loads(sys.stdin.read())
p = {x["id"]: x for x in o["pillars"]}
assert p["law"]["cap"]["binding"] is True and p["law"]["level_id"] == "nascent", p["law"]
assert p["law"]["uncapped_level_id"] == "established", p["law"]
assert p["money"]["cap"]["binding"] is False and p["money"]["level_id"] == "emerging", p["money"]
'; then ok "json cap binding flags"; else not_ok "json cap binding flags"; fi
run "$RK_BIN" report --rules "$RK_TMP/caps.lua" questionnaires/examples/tiny-answers.yaml -o "$RK_TMP/caps.pdf"
txt=$(pdftotext -q "$RK_TMP/caps.pdf" - 2>/dev/null)
expect_contains "pdf binding cap" "$txt" "Capped at Nascent"
expect_contains "pdf holding gate" "$txt" "At most Established"

# a required question left out: scoring goes on, with a warning that says so
sed 's/^        evidence: true$/        evidence: true\n        required: {en: "Say whether there is a law.", fr: "Dites s il existe une loi."}/' \
    questionnaires/tiny.yaml > "$RK_TMP/req.yaml"
printf 'questionnaire: tiny\nanswers:\n  has_fund: no\n' > "$RK_TMP/noreq.yaml"
run "$RK_BIN" score -q "$RK_TMP/req.yaml" "$RK_TMP/noreq.yaml"
expect_rc "missing required answer still scores" 0
expect_contains "missing required answer is a warning" "$err" "warning: question 'has_law' is required but not answered: Say whether there is a law."

# a rule error names the answers file it was scoring
printf 'return { pillar = function (p, s) return {score = p.nope.x} end }\n' > "$RK_TMP/err.lua"
run "$RK_BIN" score --rules "$RK_TMP/err.lua" questionnaires/examples/tiny-answers.yaml
expect_rc "rule runtime error" 65
expect_contains "rule error names rule file and line" "$err" "err.lua:1: attempt to index a nil value"
expect_contains "rule error names the answers file" "$err" "[answers questionnaires/examples/tiny-answers.yaml]"

# --lang picks the language of the text output's own words too
run "$RK_BIN" score --lang fr questionnaires/examples/tiny-answers.yaml
expect_rc "score --lang fr" 0
expect_contains "French overall word" "$out" "  global "
expect_contains "French pillar title" "$out" "Législation"
expect_contains "French data line" "$out" "questions applicables sur"
run "$RK_BIN" score --lang es questionnaires/examples/tiny-answers.yaml
expect_rc "score --lang es" 0
expect_contains "a language the questionnaire lacks falls back, whole" "$out" "applicable questions answered"
expect_contains "and says so" "$err" "--lang es: this questionnaire is not written in 'es'; using 'en'"

# the report renders: every page to a non-blank image, metadata in UTF-8
run "$RK_BIN" report --lang fr questionnaires/examples/quebec.yaml -o "$RK_TMP/q.pdf"
expect_rc "Quebec report in French" 0
pages=$(pdfinfo "$RK_TMP/q.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -ge 1 ] && ok "pdfinfo counts $pages pages" || not_ok "pdfinfo pages: $pages"
expect_contains "UTF-8 title in the metadata" "$(pdfinfo "$RK_TMP/q.pdf" 2>/dev/null)" "Degré de préparation des politiques d'ESS"
if pdftoppm -r 20 -png "$RK_TMP/q.pdf" "$RK_TMP/page" 2>/dev/null; then ok "pdftoppm renders"; else not_ok "pdftoppm failed"; fi
n=$(ls "$RK_TMP"/page-*.png 2>/dev/null | wc -l)
[ "$n" = "$pages" ] && ok "one image per page ($n)" || not_ok "images $n for $pages pages"
# a blank A4 page at 20 dpi compresses to a few hundred bytes; text and bars do not
first=$(ls "$RK_TMP"/page-*.png 2>/dev/null | head -n 1)
size=$(wc -c < "${first:-/dev/null}")
[ "$size" -gt 2000 ] && ok "page 1 is not blank ($size bytes)" || not_ok "page 1 looks blank ($size bytes)"
txt=$(pdftotext -q "$RK_TMP/q.pdf" - 2>/dev/null)
expect_contains "pillar table in French" "$txt" "Cadre juridique"
expect_contains "key figures in French" "$txt" "Chiffres clés"
if printf '%s' "$txt" | grep -Eq '^[0-9]+,[0-9]$'; then ok "French decimal comma in the score"; else not_ok "no decimal comma"; fi
SOURCE_DATE_EPOCH=1700000000 "$RK_BIN" report questionnaires/examples/quebec.yaml -o "$RK_TMP/r1.pdf" >/dev/null 2>&1
SOURCE_DATE_EPOCH=1700000000 "$RK_BIN" report questionnaires/examples/quebec.yaml -o "$RK_TMP/r2.pdf" >/dev/null 2>&1
cmp -s "$RK_TMP/r1.pdf" "$RK_TMP/r2.pdf" && ok "reports are byte-reproducible" || not_ok "reports differ between runs"

# an answers file in a language the questionnaire lacks: scored, with a warning
sed 's/^language: en$/language: de/' questionnaires/examples/tiny-answers.yaml > "$RK_TMP/de.yaml"
run "$RK_BIN" score -q questionnaires/tiny.yaml "$RK_TMP/de.yaml"
expect_rc "answers in an undeclared language" 0
expect_contains "undeclared language warns at its line" "$err" "de.yaml:8:11: warning: language 'de' is not one of the questionnaire's"

done_testing
