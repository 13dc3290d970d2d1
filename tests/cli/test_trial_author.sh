#!/bin/sh
# test_trial_author.sh: what a new questionnaire author stumbled on (issue
# 14's author trial, a municipal DPI questionnaire in English and
# Portuguese): a tab is named as a tab even after non-ASCII text (libyaml
# counts its marks in characters, not bytes); a language left out of
# `languages` gives one error and a count, not one error per text; a multi
# answer written without brackets says to write a list.
. "$(dirname "$0")/lib.sh"

q=$RK_TMP/dpi.yaml
cat >"$q" <<'YAML'
id: dpi
version: 0.1.0
title: {en: "Municipal DPI readiness", pt: "Prontidão da infraestrutura pública digital"}
languages: [en, pt]
levels:
  - {id: initial, min: 0, name: {en: Initial, pt: Inicial}}
  - {id: mature, min: 60, name: {en: Mature, pt: Maduro}}
pillars:
  - id: data
    title: {en: Data exchange, pt: Troca de dados}
    questions:
      - id: portal
        type: yes_no
        text: {en: "Is there an open data portal?", pt: "Existe um portal de dados abertos?"}
        weight: 2
      - id: standards
        type: multi
        text: {en: "Which standards are used?", pt: "Quais padrões são usados?"}
        choices:
          - {value: dcat, label: DCAT, points: 1}
          - {value: xroad, label: X-Road, points: 2}
YAML

run "$RK_BIN" check "$q"
expect_ran "the trial questionnaire passes check" 0 "dpi.yaml: ok: dpi 0.1.0, 1 pillar, 2 questions, languages en, pt"

# A tab in the indentation, after lines with non-ASCII text. Columns count
# characters, as libyaml does.
tabbed=$RK_TMP/tabbed.yaml
sed 's/^        weight: 2$/	weight: 2/' "$q" >"$tabbed"
run "$RK_BIN" check "$tabbed"
begin_case "a tab after non-ASCII text is named as a tab, at its line"
want_rc 65
want_contains "$err" "readykit: $tabbed:15:1: YAML syntax error: a tab character: YAML indents with spaces only"
want_not_contains "$err" "put the text in quotes"
end_case

tabbed2=$RK_TMP/tabbed2.yaml
sed 's/^        weight: 2$/      	  weight: 2/' "$q" >"$tabbed2"
run "$RK_BIN" check "$tabbed2"
begin_case "a tab inside the indentation, after spaces, is named as a tab at its column"
want_rc 65
want_contains "$err" "readykit: $tabbed2:15:7: YAML syntax error: a tab character"
end_case

# A colon in an unquoted text on a line after non-ASCII text.
colon=$RK_TMP/colon.yaml
sed 's/^        text: {en: "Which standards are used?", pt: "Quais padrões são usados?"}$/        text: Padrões: which are used?/' "$q" >"$colon"
run "$RK_BIN" check "$colon"
begin_case "a colon in an unquoted text after non-ASCII text says to quote the text"
want_rc 65
want_contains "$err" "readykit: $colon:18:22: YAML syntax error: a colon followed by a space inside a text that is not quoted"
end_case

# The second language left out of `languages`.
onelang=$RK_TMP/onelang.yaml
sed 's/^languages: \[en, pt\]$/languages: [en]/' "$q" >"$onelang"
run "$RK_BIN" check "$onelang"
begin_case "a language not declared: one error with the fix, and a count of the other texts"
want_rc 65
want_contains "$err" "readykit: $onelang:3:40: language 'pt' in 'title' of the questionnaire is not declared in 'languages'; add it to 'languages' at the top of the file"
want_contains "$err" "readykit: $onelang:3:40: language 'pt' is in 5 more texts too (not listed); declaring it in 'languages' fixes them all"
want_true "two errors, not seven" [ "$(printf '%s\n' "$err" | grep -c '^readykit: ')" = 2 ]
end_case

# A second, misspelt language is still reported on its own.
twolang=$RK_TMP/twolang.yaml
sed 's/^languages: \[en, pt\]$/languages: [en]/; s/pt: Troca de dados/pr: Troca de dados/' "$q" >"$twolang"
run "$RK_BIN" check "$twolang"
begin_case "a different undeclared language gets its own error"
want_rc 65
want_contains "$err" "readykit: $twolang:10:32: language 'pr' in 'title' of pillar 'data' is not declared"
want_contains "$err" "language 'pt' is in 4 more texts too"
end_case

# A multi answer written as "a, b" instead of [a, b].
answers=$RK_TMP/a.yaml
cat >"$answers" <<YAML
questionnaire: dpi
answers:
  portal: yes
  standards: dcat, xroad
YAML
run "$RK_BIN" score "$answers"
begin_case "a multi answer without brackets says to write a list"
want_rc 65
want_contains "$err" "readykit: $answers:4:14: 'dcat, xroad' is not a choice of question 'standards': write several choices as a list in brackets, e.g. [dcat, xroad]"
end_case

run "$RK_BIN" template "$q"
begin_case "the template shows how to write a multi answer"
want_rc 0
want_contains "$out" "#   one or more of, as a list in [ ]: dcat, xroad"
end_case

sed -i 's/standards: dcat, xroad/standards: [dcat, xroad]/' "$answers"
run "$RK_BIN" score "$answers"
expect_ran "the same answers, with brackets, score" 0 "overall  100.0  Mature"

# A number written with its unit.
unit=$RK_TMP/unit.yaml
cat >"$unit" <<YAML
questionnaire: dpi
answers:
  portal: yes
  standards: [dcat]
YAML
sed -i 's/^      - id: standards$/      - id: share\n        type: number\n        text: Share of fees paid online\n        unit: "%"\n      - id: standards/' "$q"
printf '  share: 30%%\n' >>"$unit"
run "$RK_BIN" score "$unit"
begin_case "a number written with its unit says to write the number alone"
want_rc 65
want_contains "$err" "readykit: $unit:5:10: question 'share' expects a number, found '30%': write the number alone, without a unit (30)"
end_case

# The template's empty subject: "" is no subject, as in the PDF.
filled=$RK_TMP/filled.yaml
run "$RK_BIN" template "$q" -o "$filled"
expect_ran "template -o writes the answers file" 0 "wrote $filled"
sed -i 's/^  # portal: $/  portal: yes/' "$filled"
run "$RK_BIN" score "$filled"
begin_case "an answers file with subject \"\" scores as (no subject)"
want_rc 0
want_contains "$out" "$filled: (no subject)"
want_contains "$out" "overall  100.0  Mature"
end_case

# list shows the questionnaire being written in the current folder (as
# show, template and ask find it there), and not the answers files beside it.
run sh -c 'cd "$1" && READYKIT_PATH= "$2" list' sh "$RK_TMP" "$RK_BIN"
begin_case "list in the author's folder shows its questionnaire, not its answers files"
want_rc 0
want_contains "$out" "dpi                  0.1.0     en,pt            1         3  ./dpi.yaml"
want_not_contains "$out" "a.yaml"
want_not_contains "$err" "not listed"
end_case

# A quoted text left open: libyaml stumbles after the next line's quote.
unclosed=$RK_TMP/unclosed.yaml
sed 's/^        text: Share of fees paid online$/        text: "Partilha paga online/' "$q" >"$unclosed"
run "$RK_BIN" check "$unclosed"
begin_case "a quoted text left open is named at its opening quote, on its own line"
want_rc 65
want_contains "$err" "readykit: $unclosed:18:15: YAML syntax error: this quoted text is never closed: add the closing quote at its end"
want_not_contains "$err" "cannot start a value"
end_case

done_testing
