#!/bin/sh
# The PDF report as a reader gets it, on the report tests' own questionnaire
# (tests/cases/report: the shipped SSE content may change under us): every
# section's words in en, fr and es through pdftotext; a link annotation per
# source URL; the fonts; reproducible bytes; --compare, --target, --paper;
# and page renders compared with reference images by a pixel threshold.
# The tools must print nothing on stderr about any of these files.
# RK_UPDATE_REFS=1 rewrites the reference images (then look at them).
. "$(dirname "$0")/lib.sh"

dir=tests/cases/report
ans=$dir/handout-answers.yaml
py=/usr/bin/python3

# tool_quiet NAME CMD...: the tool succeeds and writes nothing on stderr.
tool_quiet() {
    name=$1
    shift
    if "$@" >"$RK_TMP/.tool" 2>"$RK_TMP/.toolerr" && [ ! -s "$RK_TMP/.toolerr" ]; then
        ok "$name"
    else
        not_ok "$name: $(head -c 300 "$RK_TMP/.toolerr")"
    fi
}

run "$RK_BIN" report "$ans" --compare "$dir/handout-earlier.yaml" --target "$dir/handout-target.yaml" \
    -o "$RK_TMP/en.pdf"
expect_rc "report with --compare and --target" 0
expect_contains "says where it wrote" "$out" "wrote $RK_TMP/en.pdf"
expect_not_contains "no warning for Latin-script text" "$err" "warning"
tool_quiet "qpdf --check is silent" qpdf --check "$RK_TMP/en.pdf"
expect_contains "qpdf finds no error" "$(cat "$RK_TMP/.tool")" "No syntax or stream encoding errors"
tool_quiet "pdftotext is silent" pdftotext -enc UTF-8 "$RK_TMP/en.pdf" "$RK_TMP/en.txt"
tool_quiet "pdftoppm is silent" pdftoppm -r 20 -png "$RK_TMP/en.pdf" "$RK_TMP/en"
tool_quiet "pdffonts is silent" pdffonts "$RK_TMP/en.pdf"
fonts=$(cat "$RK_TMP/.tool")
expect_contains "standard Helvetica" "$fonts" "Helvetica"
expect_contains "WinAnsi encoding" "$fonts" "WinAnsi"
expect_not_contains "nothing embedded" "$fonts" "DejaVu"
size=$(wc -c < "$RK_TMP/en.pdf")
[ "$size" -lt 40000 ] && ok "small file ($size bytes)" || not_ok "file of $size bytes (wanted < 40000)"

# Each language: the report's words for every section, the values as that
# language writes them. One TAP line per language.
check_lang() { # LANG WORDS (|-separated)
    "$RK_BIN" report --lang "$1" "$ans" --compare "$dir/handout-earlier.yaml" \
        -o "$RK_TMP/$1.pdf" >/dev/null 2>"$RK_TMP/$1.err" || { not_ok "$1: report failed"; return; }
    pdftotext -enc UTF-8 "$RK_TMP/$1.pdf" - 2>>"$RK_TMP/$1.err" > "$RK_TMP/$1.txt"
    missing=$(printf '%s\n' "$2" | tr '|' '\n' | while IFS= read -r w; do
        grep -qF -- "$w" "$RK_TMP/$1.txt" || printf '[%s] ' "$w"; done)
    if [ -s "$RK_TMP/$1.err" ]; then not_ok "$1: stderr: $(head -c 200 "$RK_TMP/$1.err")"
    elif [ -n "$missing" ]; then not_ok "$1: missing $missing"
    else ok "$1: every section and value in the report's language"; fi
}
check_lang en "Readiness report|Freedonia (test)|23 November 2026|Overall score|70.6|Developing|9.4 points to Advanced (from 80)|Strongest pillars: Support networks|Top three actions|Findings by priority|Act now (1)|Next (1)|Consolidate (2)|Strength|Next step|Evaluate the hubs with GSEF peers.|Pillars in detail|1. Legal framework|Capped at Emerging: No legal definition of the SSE.|Evidence|Adopted and running|Grants; Loans|don't know|unanswered|Source: https://example.org/freedonia/fund|Key figures|152000|Data quality|6 of 8 answered, 2 don't know, 0 unanswered, 0 not applicable|Methodology|How answers become points|What is left out|Levels|Gates and caps|At most Advanced: Hubs are not evaluated.|Rule files applied|SHA-256|Glossary|CIRIEC|International Centre of Research|Change|+50.0|page 2 / "
check_lang fr "Rapport de degré de préparation|23 novembre 2026|Score global|70,6|En développement|Trois actions prioritaires|Constats par priorité|Agir maintenant (1)|Consolider (2)|Point fort|Prochaine étape|Évaluer les pôles avec les pairs du GSEF.|Les piliers en détail|Justificatifs|Adopté et appliqué|Subventions; Prêts|ne sait pas|Chiffres clés|Qualité des données|Méthodologie|Seuils et plafonds|Fichiers de règles appliqués|Glossaire|Évolution|+50,0|page 1 / "
check_lang es "Informe de grado de preparación|23 de noviembre de 2026|Puntuación global|70,6|En desarrollo|Tres acciones prioritarias|Hallazgos por prioridad|Actuar ahora (1)|Consolidar (2)|Fortaleza|Próximo paso|Los pilares en detalle|Medios de verificación|Adoptado y aplicado|no sabe|Cifras clave|Calidad de los datos|Metodología|Umbrales y límites|Archivos de reglas aplicados|Glosario|Cambio|+50,0|página 1 / "

# The kind word once, and the text does not repeat the score the report shows.
txt=$(cat "$RK_TMP/en.txt")
expect_not_contains "a strength's text drops its 'Strength (90/100):'" "$txt" "Strength (90/100)"
expect_not_contains "a holding cap is not shown as if it lowered a level" \
    "$(sed -n '/Pillars in detail/,/Methodology/p' "$RK_TMP/en.txt")" "At most Advanced"

# The rule file's SHA-256 as sha256sum computes it.
sum=$(sha256sum "$dir/handout.lua" | cut -c1-64)
expect_contains "the rule file's SHA-256" "$txt" "SHA-256 $sum"

# A link annotation for each source that is a URL, and none for the others.
# (libHaru writes '/' in strings as the octal escape \057)
uris=$($py -c 'import re, sys
for m in re.findall(rb"/URI \(((?:[^)\\]|\\.)*)\)", open(sys.argv[1], "rb").read()):
    print(re.sub(rb"\\([0-7]{3})", lambda o: bytes([int(o.group(1), 8)]), m).decode())' \
    "$RK_TMP/en.pdf" | sort -u)
want=$(grep -o 'source: "http[^"]*"' "$ans" | sed 's/^source: "//; s/"$//' | sed 's/#.*//' | sort -u)
want_n=$(printf '%s\n' "$want" | grep -c .)
got_n=$(printf '%s\n' "$want" | while IFS= read -r u; do printf '%s\n' "$uris" | grep -qF "$u" && echo y; done | grep -c y)
[ "$want_n" -ge 3 ] && [ "$got_n" = "$want_n" ] && ok "a link for each of the $want_n source URLs" \
    || not_ok "links for $got_n of $want_n source URLs; annotations: $uris"
expect_not_contains "no link for a source that is not a URL" "$uris" "Annual report"

# Bookmarks for every section, /Lang, and metadata.
info=$(pdfinfo "$RK_TMP/en.pdf" 2>&1)
expect_contains "creator with version" "$info" "readykit 0."
expect_contains "author" "$info" "Ministry of Social Affairs of Freedonia"
outline=$(LC_ALL=C grep -a -o '/Title ([^)]*)' "$RK_TMP/en.pdf" | tr '\n' ' ')
missing=""
for s in "Summary" "Top three actions" "Findings by priority" "Pillars in detail" "1. Legal framework" \
         "5. Education and research" "Key figures" "Data quality" "Methodology" "Glossary"; do
    case "$outline" in *"($s)"*) ;; *) missing="$missing [$s]" ;; esac
done
[ -z "$missing" ] && ok "a bookmark for every section" || not_ok "bookmarks missing:$missing in $outline"
LC_ALL=C grep -a -q '/Lang (en)' "$RK_TMP/en.pdf" && ok "document language" || not_ok "no /Lang (en)"

# Same input, same bytes, with SOURCE_DATE_EPOCH.
SOURCE_DATE_EPOCH=1795000000 "$RK_BIN" report "$ans" -o "$RK_TMP/r1.pdf" >/dev/null 2>&1
SOURCE_DATE_EPOCH=1795000000 "$RK_BIN" report "$ans" -o "$RK_TMP/r2.pdf" >/dev/null 2>&1
if [ -s "$RK_TMP/r1.pdf" ] && cmp -s "$RK_TMP/r1.pdf" "$RK_TMP/r2.pdf" &&
   LC_ALL=C grep -a -q "CreationDate (D:20261118" "$RK_TMP/r1.pdf"; then
    ok "reproducible bytes, dated from SOURCE_DATE_EPOCH"
else
    not_ok "two runs differ or carry no date"
fi

# Letter paper.
run "$RK_BIN" report "$ans" --paper letter -o "$RK_TMP/letter.pdf"
expect_rc "--paper letter" 0
expect_contains "letter size" "$(pdfinfo "$RK_TMP/letter.pdf" 2>&1)" "612 x 792 pts (letter)"

# Options that do not fit.
run "$RK_BIN" report "$ans" --paper a5 -o "$RK_TMP/x.pdf"
expect_rc "unknown paper" 64
expect_contains "names the papers" "$err" "expected a4 or letter"
run "$RK_BIN" score --compare "$dir/handout-earlier.yaml" "$ans"
expect_rc "--compare belongs to report" 64
run "$RK_BIN" report "$ans" --compare questionnaires/examples/tiny-answers.yaml -o "$RK_TMP/x.pdf"
expect_rc "compare with another questionnaire's answers" 65
expect_contains "says which questionnaires" "$err" "answers questionnaire 'tiny', but the report is about 'handout'"
[ ! -e "$RK_TMP/x.pdf" ] && ok "nothing written on error" || not_ok "a PDF was written"

# Text outside Windows-1252: DejaVu is embedded, and a warning says so.
sed 's/^subject: .*/subject: "Ελλάδα (test)"/' "$ans" > "$dir/.greek-$$.yaml"
run "$RK_BIN" report "$dir/.greek-$$.yaml" -o "$RK_TMP/greek.pdf"
rm -f "$dir/.greek-$$.yaml"
expect_rc "a Greek subject" 0
expect_contains "warns about the embedded font" "$err" "outside Windows-1252 (first U+0395)"
tool_quiet "pdffonts is silent on the embedded font" pdffonts "$RK_TMP/greek.pdf"
expect_contains "DejaVu embedded" "$(cat "$RK_TMP/.tool")" "DejaVuSans"
tool_quiet "pdftotext is silent on the embedded font" pdftotext -enc UTF-8 "$RK_TMP/greek.pdf" "$RK_TMP/greek.txt"
expect_contains "Greek extracts" "$(cat "$RK_TMP/greek.txt")" "Ελλάδα (test)"

# Layout: pages rendered at 40 dpi match the reference images.
render_case() { # NAME PDF PAGE
    png="$RK_TMP/$1"
    pdftoppm -r 40 -gray -png -f "$3" -l "$3" -singlefile "$2" "$png" 2>"$RK_TMP/.pp" || true
    ref="$dir/ref-$1.png"
    if [ "${RK_UPDATE_REFS:-}" = 1 ]; then
        $py tests/cli/png_diff.py --grey "$png.png" "$ref"
    fi
    if [ -s "$RK_TMP/.pp" ]; then not_ok "$1: pdftoppm: $(head -c 200 "$RK_TMP/.pp")"
    elif res=$($py tests/cli/png_diff.py "$ref" "$png.png" 0.01); then ok "$1 looks as it should: $res"
    else not_ok "$1 differs from $ref: $res"; fi
}
render_case summary-en "$RK_TMP/en.pdf" 1
render_case pillars-en "$RK_TMP/en.pdf" 2
render_case summary-fr "$RK_TMP/fr.pdf" 1
# and a change of layout is caught: the French page is not the English one
if $py tests/cli/png_diff.py "$dir/ref-summary-en.png" "$RK_TMP/summary-fr.png" 0.01 >/dev/null; then
    not_ok "the comparison cannot tell two different pages apart"
else
    ok "the comparison tells two different pages apart"
fi

done_testing
