# readykit ask without a terminal: one answer per line in question order
# (values, choice numbers, multi, dont_know, " | note | source"), invalid
# lines reported with their line number, early end then --resume, refusal
# to overwrite, `yes 1` through sse-national scoring like a hand-written
# file, and no escape sequence anywhere.
. "$(dirname "$0")/lib.sh"

Q=tests/cli/ask/ask-q.yaml
export SOURCE_DATE_EPOCH=86400 # date: 1970-01-02 in new files

# ask_in INPUT ARGS...: pipe INPUT (printf format) into readykit ask.
ask_in() {
    input=$1
    shift
    printf "$input" | "$RK_BIN" ask "$@" >"$RK_TMP/.out" 2>"$RK_TMP/.err"
    rc=$?
    out=$(cat "$RK_TMP/.out")
    err=$(cat "$RK_TMP/.err")
}

# same_file NAME GOT WANT_TEXT: the file holds exactly the text.
same_file() {
    printf '%s\n' "$3" >"$RK_TMP/.want"
    if cmp -s "$2" "$RK_TMP/.want"; then ok "$1"; else
        not_ok "$1"; diff "$RK_TMP/.want" "$2" | sed 's/^/# /' | head -n 20
    fi
}

# Every question type, a choice by number and by value, evidence.
ask_in 'yes | Loi n° 12, art. 3 | https://example.org/loi?a=1|2\nadopted\n2\n1, equity\n42.5 | budget 2025 «ESS»\nPas de commentaire: tout va bien\n' \
    "$Q" -o "$RK_TMP/a.yaml" --subject "Québec (Canada)" --respondent "Ministère" --lang fr
expect_rc "piped answers to every question" 0
expect_contains "the summary is the score's" "$out" "global"
expect_contains "the summary gives the PDF command" "$out" "readykit report $RK_TMP/a.yaml -o $RK_TMP/a.pdf"
expect_contains "the summary gives the review command" "$out" "readykit ask $RK_TMP/a.yaml --review"
expect_contains "evidence without a source is counted" "$out" "1 réponses sans source"
same_file "the file holds every answer, note and source" "$RK_TMP/a.yaml" '# readykit answers: edit freely; keys are question ids.
questionnaire: ask-q
version: 1.0.0
subject: "Québec (Canada)"
respondent: Ministère
date: 1970-01-02
language: fr
answers:
  has_law:
    value: yes
    note: "Loi n° 12, art. 3"
    source: "https://example.org/loi?a=1|2"
  law_stage: adopted
  maturity: 2
  tools: [grants, equity]
  budget:
    value: 42.5
    note: budget 2025 «ESS»
  comment: "Pas de commentaire: tout va bien"'
run "$RK_BIN" score "$RK_TMP/a.yaml" -q "$Q"
expect_rc "the file scores" 0

# The default name comes from the subject; dont_know and skips.
mkdir "$RK_TMP/d" && cd "$RK_TMP/d" || exit 1
ask_in 'dont_know\n\ndont_know\n' "$RK_TOP/$Q" --subject "Québec (Canada)"
cd "$RK_TOP" || exit 1
expect_rc "dont_know and an empty line" 0
same_file "default name from the subject; dont_know kept; empty skipped" "$RK_TMP/d/quebec-canada.yaml" '# readykit answers: edit freely; keys are question ids.
questionnaire: ask-q
version: 1.0.0
subject: "Québec (Canada)"
date: 1970-01-02
language: en
answers:
  has_law: dont_know
  tools: dont_know'
expect_contains "early end says how to go on" "$err" "readykit ask --resume quebec-canada.yaml"
expect_contains "early end names the next question" "$err" "question 4 of 5 applicable (budget)"

# [] answers a multi-choice with none of its choices.
ask_in 'no\n1\n[]\n' "$Q" -o "$RK_TMP/nomulti.yaml"
expect_rc "[] for a multi-choice" 0
expect_contains "[] is saved as an empty list" "$(cat "$RK_TMP/nomulti.yaml")" "tools: []"

# Invalid lines: reported with line number, question and reason; left unanswered.
ask_in 'perhaps\n7\n1,9\n2000 | a note\nabc\n' "$Q" -o "$RK_TMP/bad.yaml"
expect_rc "invalid lines do not stop the run" 0
expect_contains "line 1: has_law, why" "$err" "<stdin>:1: question has_law: question 'has_law' expects yes or no, found 'perhaps'"
expect_contains "line 2: scale value out of the list" "$err" "<stdin>:2: question maturity:"
expect_contains "line 3: multi with an unknown choice" "$err" "<stdin>:3: question tools:"
expect_contains "line 4: number out of range" "$err" "<stdin>:4: question budget: 2000 is out of range"
expect_not_contains "invalid answers are not saved" "$(cat "$RK_TMP/bad.yaml")" "has_law"
expect_not_contains "the note of an invalid answer is not saved" "$(cat "$RK_TMP/bad.yaml")" "a note"
expect_contains "the valid line after them is saved" "$(cat "$RK_TMP/bad.yaml")" "comment: abc"

# Early end, then --resume goes on at the first unanswered question and
# gives the same file as one run.
ask_in 'yes | n | s\n3\n' "$Q" -o "$RK_TMP/r.yaml"
expect_rc "early end" 0
expect_contains "early end: resume command" "$err" "go on with: readykit ask --resume $RK_TMP/r.yaml"
ask_in '0\ngrants\n\nfin\n' --resume "$RK_TMP/r.yaml" -q "$Q"
expect_rc "resume" 0
ask_in 'yes | n | s\n3\n0\ngrants\n\nfin\n' "$Q" -o "$RK_TMP/r1.yaml"
if cmp -s "$RK_TMP/r.yaml" "$RK_TMP/r1.yaml"; then ok "two sittings give the one-run file"; else
    not_ok "two sittings give the one-run file"; diff "$RK_TMP/r.yaml" "$RK_TMP/r1.yaml" | sed 's/^/# /'
fi

# Never overwrite: exit 73, the file untouched, --resume named.
before=$(cksum <"$RK_TMP/r.yaml")
ask_in 'no\n' "$Q" -o "$RK_TMP/r.yaml"
expect_rc "an existing file is not replaced" 73
expect_contains "the refusal names --resume" "$err" "readykit ask --resume $RK_TMP/r.yaml"
[ "$(cksum <"$RK_TMP/r.yaml")" = "$before" ] && ok "the existing file is unchanged" || not_ok "the existing file changed"

# A question made not applicable keeps its answer in the file, unscored.
sed 's/^  has_law:$/  has_law:/; s/^    value: yes$/    value: no/' "$RK_TMP/r.yaml" >"$RK_TMP/na.yaml"
printf '# my own comment\n' >>"$RK_TMP/na.yaml"
ask_in '' --resume "$RK_TMP/na.yaml" -q "$Q"
expect_rc "resume with nothing to add" 0
expect_contains "comments are announced before they are lost" "$err" "1 comment line: they will be lost"
expect_contains "the not-applicable answer stays in the file" "$(cat "$RK_TMP/na.yaml")" "law_stage: applied"
run "$RK_BIN" score --format json -q "$Q" "$RK_TMP/na.yaml"
expect_contains "the not-applicable answer is not scored" "$out" '"skipped": 1'

# Usage and input errors.
ask_in '' "$Q" --review
expect_rc "--review with a questionnaire but no terminal" 64
expect_contains "--review says it needs a terminal" "$err" "needs a terminal"
ask_in '' --resume "$RK_TMP/r.yaml" --review -q "$Q"
expect_rc "--review without a terminal" 64
ask_in ''
expect_rc "no file" 64
ask_in '' "$Q" --frobnicate
expect_rc "unknown option" 64
ask_in '' no-such-questionnaire -o "$RK_TMP/x.yaml"
expect_rc "unknown questionnaire id" 66
expect_contains "the search path is told" "$err" "no-such-questionnaire.yaml"
ask_in '' --resume "$RK_TMP/none.yaml"
expect_rc "--resume of a missing file" 66
ask_in '' --resume "$RK_TMP/r.yaml" --subject X
expect_rc "--subject with --resume" 64

# yes 1 through the national questionnaire finishes and scores like the
# same answers written by hand (from the questionnaire, by an independent
# reading of what 1 means for each type; answers to questions that turn out
# not applicable are in the hand-written file and must not count).
cd "$RK_TMP" || exit 1
yes 1 | READYKIT_PATH="$RK_TOP/questionnaires" "$RK_BIN" ask sse-national --lang fr --subject "Sénégal" >yes.out 2>yes.err
rc=$?
cd "$RK_TOP" || exit 1
out=$(cat "$RK_TMP/yes.out")
err=$(cat "$RK_TMP/yes.err")
expect_rc "yes 1 | readykit ask sse-national" 0
expect_contains "yes 1: the summary in French" "$out" "Cadre juridique"
python3 - questionnaires/sse-national.yaml >"$RK_TMP/hand.yaml" <<'PY'
import sys, yaml
q = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
lists = q.get("choice_lists", {})
print("questionnaire: sse-national\nsubject: Sénégal\ndate: 1970-01-02\nlanguage: fr\nanswers:")
for p in q["pillars"]:
    for x in p["questions"]:
        t, cs = x["type"], x.get("choices")
        cs = lists[cs] if isinstance(cs, str) else cs
        if t == "yes_no":
            v = "yes"
        elif t in ("scale", "choice", "multi"):
            vals = [str(c["value"]) for c in cs]
            v = "1" if all(s.isdigit() for s in vals) and "1" in vals else vals[0]
            v = '"%s"' % v if v.isdigit() else v
            v = "[%s]" % v if t == "multi" else v
        elif t == "number":
            if x.get("min", 1) > 1 or x.get("max", 1) < 1:
                continue
            v = "1"
        else:
            v = '"1"'
        print("  %s: %s" % (x["id"], v))
PY
run "$RK_BIN" score --format json "$RK_TMP/senegal.yaml"
expect_rc "the piped file scores" 0
piped=$(printf '%s' "$out" | sed 's/"file": "[^"]*", //')
run "$RK_BIN" score --format json -q questionnaires/sse-national.yaml "$RK_TMP/hand.yaml"
expect_rc "the hand-written file scores" 0
hand=$(printf '%s' "$out" | sed 's/"file": "[^"]*", //')
[ -n "$piped" ] && [ "$piped" = "$hand" ] && ok "piped and hand-written score the same" || {
    not_ok "piped and hand-written score the same"
    printf '%s\n%s\n' "$piped" "$hand" | cut -c1-400 | sed 's/^/# /'
}

# No escape sequence in piped mode, even with TERM set; no temporary file left.
esc=$(printf '\033')
all=$(cat "$RK_TMP"/yes.out "$RK_TMP"/yes.err "$RK_TMP"/.err)
expect_not_contains "no escape sequences without a terminal" "$all" "$esc"
left=$(find "$RK_TMP" -name '*.tmp*' -o -name '.*.yaml*' | head -n 3)
[ -z "$left" ] && ok "no temporary file left behind" || not_ok "temporary files left: $left"

done_testing
