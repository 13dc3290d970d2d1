#!/bin/sh
# test_i18n.sh: French and Spanish users read French and Spanish: the
# `score --explain` trace and the PDF annex's line for a rule file that
# rk.requires skipped; ask's reasons for a typed value that is no answer
# (screens and piped `<stdin>:N:` lines), with the English wording
# unchanged (the answers module's, word for word); the data line's plural
# agreement; the JSON keys the same in every language.
. "$(dirname "$0")/lib.sh"

D=tests/cli/i18n
Q=$D/i18n-q.yaml
N=$(printf '\342\200\257') # narrow no-break space (French « », : and ;)
export SOURCE_DATE_EPOCH=86400

# ask_in LANG INPUT: pipe INPUT (printf format) into a new ask in LANG.
ask_in() {
    rm -f "$RK_TMP/ask.yaml"
    printf "$2" | "$RK_BIN" ask "$Q" -o "$RK_TMP/ask.yaml" --lang "$1" --subject S \
        --respondent R >"$RK_TMP/.out" 2>"$RK_TMP/.err"
    rc=$?
    out=$(cat "$RK_TMP/.out")
    err=$(cat "$RK_TMP/.err")
}

# ---- ask: the common invalid values, one case per line --------------------
# name | input | French reason | Spanish reason (each after "question ID: ")
while IFS='|' read -r name input fr es; do
    [ -n "$name" ] || continue
    begin_case "ask, $name: the reason in French and in Spanish"
    ask_in fr "$input"
    want_rc 0
    want_contains "$err" "$fr" "French"
    want_not_contains "$err" "expect" "French"
    want_not_contains "$err" "out of range" "French"
    ask_in es "$input"
    want_rc 0
    want_contains "$err" "$es" "Spanish"
    want_not_contains "$err" "expect" "Spanish"
    want_not_contains "$err" "out of range" "Spanish"
    end_case
done <<CASES
not yes or no|peut-être\n|<stdin>:1: question has_law: la question «${N}has_law${N}» attend yes ou no, pas «${N}peut-être${N}»|<stdin>:1: question has_law: la pregunta «has_law» espera yes o no, no «peut-être»
not a choice|yes\nfinal\n|<stdin>:2: question stage: «${N}final${N}» n'est pas un choix de la question «${N}stage${N}» (choix possibles${N}: draft, adopted)|<stdin>:2: question stage: «final» no es una opción de la pregunta «stage» (se espera una de: draft, adopted)
a multi with an unknown value|no\ngrants, bonds\n|<stdin>:2: question tools: «${N}bonds${N}» n'est pas un choix de la question «${N}tools${N}» (un ou plusieurs parmi${N}: grants, loans)|<stdin>:2: question tools: «bonds» no es una opción de la pregunta «tools» (se espera una o varias de: grants, loans)
not a number|no\n1\n12,5\n|<stdin>:3: question budget: la question «${N}budget${N}» attend un nombre, pas «${N}12,5${N}»|<stdin>:3: question budget: la pregunta «budget» espera un número, no «12,5»
outside min and max|no\n1\n2000\n|<stdin>:3: question budget: 2000 est hors limites pour la question «${N}budget${N}» (attendu${N}: de 0 à 1000)|<stdin>:3: question budget: 2000 está fuera del rango de la pregunta «budget» (se espera de 0 a 1000)
not a whole number|no\n1\n1\n1999.5\n|<stdin>:4: question year: la question «${N}year${N}» attend un nombre entier, pas 1999.5|<stdin>:4: question year: la pregunta «year» espera un número entero, no 1999.5
below min|no\n1\n1\n1800\n|<stdin>:4: question year: 1800 est hors limites pour la question «${N}year${N}» (attendu${N}: au moins 1900)|<stdin>:4: question year: 1800 está fuera del rango de la pregunta «year» (se espera como mínimo 1900)
above max|no\n1\n1\n2000\n120\n|<stdin>:5: question share: 120 est hors limites pour la question «${N}share${N}» (attendu${N}: au plus 100)|<stdin>:5: question share: 120 está fuera del rango de la pregunta «share» (se espera como máximo 100)
CASES

# English: ask's reason is the answers module's, word for word (the same
# value in a hand-written file scored), for the same cases.
while IFS='|' read -r name input id value; do
    [ -n "$name" ] || continue
    begin_case "ask, $name: the English reason is the answers file's"
    ask_in en "$input"
    want_rc 0
    why=$(printf '%s\n' "$err" | sed -n "s/^readykit: <stdin>:[0-9]*: question $id: //p")
    [ -n "$why" ] || case_fail "no <stdin> line for $id in: $err"
    law="  has_law: yes
"
    [ "$id" != has_law ] || law=
    printf 'questionnaire: i18n-q\nversion: 1.0.0\nanswers:\n%s  %s: %s\n' \
        "$law" "$id" "$value" >"$RK_TMP/hand.yaml"
    run "$RK_BIN" score -q "$Q" "$RK_TMP/hand.yaml"
    [ "$rc" = 65 ] || case_fail "score of the hand-written file: exit $rc, wanted 65"
    want_contains "$err" "$why" "score's message"
    end_case
done <<CASES
not yes or no|peut-être\n|has_law|peut-être
not a choice|yes\nfinal\n|stage|final
a multi with an unknown value|no\ngrants, bonds\n|tools|[grants, bonds]
not a number|no\n1\n12,5\n|budget|12,5
outside min and max|no\n1\n2000\n|budget|2000
not a whole number|no\n1\n1\n1999.5\n|year|1999.5
below min|no\n1\n1\n1800\n|year|1800
above max|no\n1\n1\n2000\n120\n|share|120
CASES

# ---- the data line: the noun agrees with its number ------------------------
printf 'questionnaire: i18n-q\nversion: 1.0.0\nlanguage: fr\nanswers:\n  has_law: no\n' \
    >"$RK_TMP/one.yaml"
printf 'questionnaire: i18n-q\nversion: 1.0.0\nlanguage: fr\nanswers:\n  has_law: no\n  tools: [grants]\n' \
    >"$RK_TMP/two.yaml"
while IFS='|' read -r name lang file want unwanted; do
    [ -n "$name" ] || continue
    begin_case "data line, $name"
    run "$RK_BIN" score -q "$Q" --lang "$lang" "$RK_TMP/$file"
    want_rc 0
    want_contains "$out" "$want"
    want_not_contains "$out" "$unwanted"
    end_case
done <<CASES
French, 1 answered|fr|one.yaml|données : 1 question applicable sur 2 a une réponse, 0 « ne sait pas », 1 sans réponse|1 questions
French, 2 answered|fr|two.yaml|données : 2 questions applicables sur 2 ont une réponse|2 question applicable
Spanish, 2 applicable|es|one.yaml|datos: 1 de 2 preguntas aplicables respondidas|pregunta aplicable respondida
English, 2 applicable|en|one.yaml|data: 1 of 2 applicable questions answered|applicable question answered
CASES

# ---- score --explain in French and Spanish ---------------------------------
rules="-r $D/requires-other.lua -r $D/cap-low.lua"
run "$RK_BIN" score --explain --lang fr $rules -q "$Q" "$RK_TMP/one.yaml"
begin_case "explain in French: the trace's words"
want_rc 0
want_contains "$out" "  explication$N:"
want_contains "$out" "    fichiers de règles, dans l'ordre des couches$N:"
want_contains "$out" "      1. scripts/score.lua (le barème standard, intégré)"
want_contains "$out" "ignoré$N: ce fichier de règles exige le questionnaire sse-local ou sse-city en version >=2, et le questionnaire est i18n-q version 1.0.0 (rk.requires)"
want_contains "$out" "    pilier law, poids 1$N: score 0 (moyenne pondérée du barème standard), niveau Bas"
want_contains "$out" "      has_law = no$N: points 0/1, poids 1, comptée"
want_contains "$out" "      stage = non applicable$N: points -/1, poids 1, non comptée$N: non applicable (sa condition when: est fausse)"
want_contains "$out" "      tools = sans réponse$N: points -/2, poids 1, non comptée$N: sans réponse"
want_contains "$out" "      plafonds proposés$N: 1"
want_contains "$out" "        au plus Bas, par $D/cap-low.lua:5: no decree [retenu$N; en attente$N: le niveau n'est pas au-dessus]"
want_contains "$out" "    global$N: score 0 (moyenne pondérée du barème standard), niveau Bas"
end_case
begin_case "explain in French: no English word of the trace left"
want_rc 0
for w in "explain:" "rule files" "layering" "standard scorer" "skipped" "applied" \
    "pillar " "weight" "counted" "caps proposed" "not applicable" "no answer" "at most"; do
    want_not_contains "$out" "$w"
done
end_case

run "$RK_BIN" score --explain --lang es $rules -q "$Q" "$RK_TMP/one.yaml"
begin_case "explain in Spanish: the trace's words, no English"
want_rc 0
want_contains "$out" "  explicación:"
want_contains "$out" "    archivos de reglas, en el orden de las capas:"
want_contains "$out" "omitido: este archivo de reglas requiere el cuestionario sse-local o sse-city en versión >=2, y el cuestionario es i18n-q versión 1.0.0 (rk.requires)"
want_contains "$out" "    pilar law, peso 1: puntuación 0 (la media ponderada del puntuador estándar), nivel Bajo"
want_contains "$out" "      stage = no aplicable: puntos -/1, peso 1, no contada: no aplica (su condición when: es falsa)"
want_contains "$out" "        como máximo Bajo, por $D/cap-low.lua:5: no decree [indicado; en espera: el nivel no está por encima]"
for w in "explain:" "rule files" "skipped" "applied" "weight" "counted" "caps proposed"; do
    want_not_contains "$out" "$w"
done
end_case

run "$RK_BIN" score --explain --lang en $rules -q "$Q" "$RK_TMP/one.yaml"
begin_case "explain in English: the words as before"
want_rc 0
want_contains "$out" "  explain:
    rule files, in layering order:"
want_contains "$out" "skipped: this rule file requires questionnaire sse-local or sse-city version >=2, and the questionnaire is i18n-q version 1.0.0 (rk.requires)"
want_contains "$out" "      stage = not applicable: points -/1, weight 1, not counted: not applicable (its when: is false)"
end_case

# The JSON: the same keys and state values in every language; the
# sentences in the language.
keys() { printf '%s\n' "$1" | jq -c '[paths | map(tostring) | join(".")] | sort'; }
states() { printf '%s\n' "$1" | jq -c '[.explain.rule_files[].state, .explain.pillars[].questions[].state]'; }
run "$RK_BIN" score --explain --format json --lang en $rules -q "$Q" "$RK_TMP/one.yaml"
json_en=$out
for lang in fr es; do
    run "$RK_BIN" score --explain --format json --lang "$lang" $rules -q "$Q" "$RK_TMP/one.yaml"
    begin_case "explain JSON in $lang: the keys and states of the English one"
    want_rc 0
    want_true "valid JSON" jq -e . "$RK_TMP/.out" >/dev/null
    [ "$(keys "$out")" = "$(keys "$json_en")" ] || case_fail "keys differ from English"
    [ "$(states "$out")" = '["applied","skipped","applied","answered","skipped","none","none","none","none"]' ] ||
        case_fail "states are $(states "$out")"
    [ "$(states "$out")" = "$(states "$json_en")" ] || case_fail "states differ from English"
    want_not_contains "$out" "this rule file requires"
    want_not_contains "$out" "its when: is false"
    end_case
done
reason=$(printf '%s\n' "$out" | jq -r '.explain.rule_files[1].reason')
expect_contains "explain JSON in Spanish: the skipped file's reason" "$reason" "omitido: este archivo de reglas requiere"

# ---- the PDF annex: a skipped rule file's line in French -------------------
if command -v pdftotext >/dev/null 2>&1; then
    begin_case "French report: the annex's skipped rule file and the summary's data sentence, in French"
    run "$RK_BIN" report --lang fr $rules -q "$Q" "$RK_TMP/one.yaml" -o "$RK_TMP/one.pdf"
    want_rc 0
    want_pdf pdftotext -layout "$RK_TMP/one.pdf" -
    text=$(printf '%s\n' "$pdf_out" | tr -s ' \n' '  ')
    want_contains "$text" "requires-other.lua"
    want_contains "$text" "ce fichier de règles exige le questionnaire sse-local ou sse-city en version >=2, et le questionnaire est i18n-q version 1.0.0 (rk.requires)"
    want_not_contains "$text" "this rule file requires"
    want_contains "$text" "1 question applicable sur 2 a une réponse"
    want_not_contains "$text" "1 questions applicables"
    end_case
else
    skip "French report annex" "pdftotext is not installed"
fi

done_testing
