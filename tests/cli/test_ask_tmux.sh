# readykit ask at a real terminal, driven through tmux (80x24, C.UTF-8):
# arrows and numbers, back, a note with accents kept exactly, Ctrl-C (exit
# 130, the terminal's modes as they were, then --resume with nothing lost),
# an edit through the review screen (a header row per pillar, scrolled in
# a short terminal), the end and its summary, and a killed
# terminal (SIGHUP) followed by --resume.
. "$(dirname "$0")/lib.sh"

Q=$RK_TOP/tests/cli/ask/ask-q.yaml
SOCK="rk-ask-test-$$"
T() { tmux -L "$SOCK" "$@"; }
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$RK_TMP"' EXIT

if ! command -v tmux >/dev/null 2>&1; then
    not_ok "tmux is installed (scripts/install-deps.sh installs it)"
    done_testing
    exit 0
fi

# start ARGS...: a fresh 80x24 terminal running readykit ask ARGS in RK_TMP;
# when ask ends, the pane prints EXIT=status and keeps the screen.
start() {
    T kill-server 2>/dev/null
    {
        echo "cd '$RK_TMP' || exit 1"
        echo "export LANG=C.UTF-8 TERM=screen SOURCE_DATE_EPOCH=86400"
        [ -n "${NO_COLOR:-}" ] && echo "export NO_COLOR=1" || echo "unset NO_COLOR"
        echo "trap : INT # the pane's shell outlives a Ctrl-C meant for ask"
        echo "stty -a >stty.before"
        printf 'sh launch.sh "%s" ask' "$RK_BIN"
        for a in "$@"; do printf " '%s'" "$a"; done
        echo
        echo 's=$?; stty -a >stty.after; echo "EXIT=$s"; exec sleep 600'
    } >"$RK_TMP/pane.sh"
    # launch.sh keeps ask's process id (the same through exec) in ask.pid.
    printf 'echo $$ >ask.pid\nexec "$@"\n' >"$RK_TMP/launch.sh"
    rm -f "$RK_TMP/ask.pid"
    # A server still shutting down can refuse the new session: try again.
    n=0
    until T -f /dev/null new-session -d -x 80 -y 24 "sh '$RK_TMP/pane.sh'" 2>/dev/null; do
        n=$((n + 1))
        [ $n -ge 50 ] && break
        sleep 0.1
    done
}

# wait_for TEXT: poll the screen until TEXT shows (60 s at most, for slow
# sanitizer builds on a loaded machine; after one miss, 5 s, so a broken
# build fails in minutes, not hours); the screen is left in $screen.
patience=600
wait_for() {
    i=0
    while [ $i -lt $patience ]; do
        screen=$(T capture-pane -p 2>/dev/null)
        case "$screen" in *"$1"*) return 0 ;; esac
        sleep 0.1
        i=$((i + 1))
    done
    patience=50
    return 1
}

# step NAME TEXT: one TAP line: does TEXT show up?
step() {
    if wait_for "$2"; then ok "$1"; else
        not_ok "$1: '$2' never showed; the screen:"; printf '%s\n' "$screen" | sed 's/^/# /'
    fi
}

# keys KEYS...: send keys once the pane has drawn.
keys() { T send-keys "$@"; }

# --- first sitting: new file, arrows, numbers, back, a note, Ctrl-C -------
start "$Q" -o a.yaml --lang fr --subject "Québec"
step "asks the respondent first" "Répondant"
keys "Ministère de l'Économie" Enter
step "first question with its position" "Législation · 1 sur 2 · question 1 sur 5 applicables"
expect_contains "the footer lists the keys" "$screen" "? aide  < retour  > passer  n note+source  r revue"
expect_contains "the cursor starts on the first choice" "$screen" "›  1 ( ) Oui"
keys Down Up Enter
step "evidence is asked right after the answer" "Note"
keys "Loi n° 5 : économie sociale, año 2013 — « é »" Enter
step "then the source" "Source"
keys "https://example.org/loi?x=1" Enter
step "when: re-evaluated, the next question applies" "Législation · 2 sur 3 · question 2 sur 6 applicables"
keys 3
step "a number picks a choice" "Quelle est la maturité"
keys '<'
step "back shows the answer given" "(•) Appliquée"
keys Enter
step "Enter keeps it and goes on" "Quelle est la maturité"
keys Down Down Enter
step "multi-choice next" "Quels outils existent"
keys 1 3 Enter
step "a number question shows unit and bounds" "millions d'euros  au moins 0  au plus 1000"
keys "2000" Enter
step "a number out of bounds: the reason in French on the screen" "2000 est hors limites pour la question"
expect_not_contains "the reason has no English" "$screen" "out of range"
keys "12.5" Enter
step "the number's note" "Note"
keys Enter
step "the number's source" "Source"
keys Enter
step "a text question last" "Un commentaire"
keys C-c
step "Ctrl-C ends with 130" "EXIT=130"
expect_contains "Ctrl-C says how to resume" "$screen" "interrupted; answers saved; resume with: readykit ask --resume a.yaml"
if cmp -s "$RK_TMP/stty.before" "$RK_TMP/stty.after"; then ok "terminal modes restored after Ctrl-C"; else
    not_ok "terminal modes restored after Ctrl-C"; diff "$RK_TMP/stty.before" "$RK_TMP/stty.after" | sed 's/^/# /'
fi
printf '%s\n' '# readykit answers: edit freely; keys are question ids.
questionnaire: ask-q
version: 1.0.0
subject: Québec
respondent: "Ministère de l'"'"'Économie"
date: 1970-01-02
language: fr
answers:
  has_law:
    value: yes
    note: "Loi n° 5 : économie sociale, año 2013 — « é »"
    source: "https://example.org/loi?x=1"
  law_stage: applied
  maturity: 2
  tools: [grants, equity]
  budget: 12.5' >"$RK_TMP/want.yaml"
if cmp -s "$RK_TMP/a.yaml" "$RK_TMP/want.yaml"; then ok "every answer, the accents exactly, saved before Ctrl-C"; else
    not_ok "every answer saved before Ctrl-C"; diff "$RK_TMP/want.yaml" "$RK_TMP/a.yaml" | sed 's/^/# /'
fi

# --- second sitting: resume, review, edit, finish --------------------------
start --resume a.yaml -q "$Q"
step "--resume opens the first question without an answer" "Un commentaire"
keys r Enter
step "the review lists every question" "Revue :"
expect_contains "review row with its answer" "$screen" "Appliquée"
expect_contains "review: the selected row in full, with its pillar" "$screen" "Financement · Un commentaire ?"
keys Up Up Up Up Enter
step "Enter on a review row opens that question" "Législation · 2 sur 3 · question 2 sur 6"
keys 2
step "the edit returns to the review" "Adoptée"
keys q
step "leaving the review returns to where the assessor was" "Financement · 3 sur 3 · question 6 sur 6"
keys "Très bien, ça marche" Enter
step "the end screen counts what is missing" "Fin du questionnaire : 0 questions applicables sans réponse"
keys Enter
step "the summary ends the run with 0" "EXIT=0"
expect_contains "the summary has the review command" "$screen" "readykit ask a.yaml --review"
expect_contains "the edit is in the file" "$(cat "$RK_TMP/a.yaml")" "law_stage: adopted"
expect_contains "the text answer is in the file" "$(cat "$RK_TMP/a.yaml")" 'comment: "Très bien, ça marche"'
run "$RK_BIN" score -q "$Q" "$RK_TMP/a.yaml"
expect_rc "the file scores" 0

# The same answers piped in give the same file, byte for byte.
printf '%s\n' "yes | Loi n° 5 : économie sociale, año 2013 — « é » | https://example.org/loi?x=1" \
    adopted 2 1,3 "12.5" "Très bien, ça marche" |
    SOURCE_DATE_EPOCH=86400 "$RK_BIN" ask "$Q" -o "$RK_TMP/p.yaml" --lang fr --subject Québec \
    --respondent "Ministère de l'Économie" >/dev/null 2>&1
if cmp -s "$RK_TMP/a.yaml" "$RK_TMP/p.yaml"; then ok "the terminal's file is the piped file"; else
    not_ok "the terminal's file is the piped file"; diff "$RK_TMP/a.yaml" "$RK_TMP/p.yaml" | sed 's/^/# /'
fi

# --- the review's pillar rows, and its scroll in a short terminal ----------
# screen_line N PATTERN NAME: line N of the last screen matches the shell
# PATTERN.
screen_line() {
    got=$(printf '%s\n' "$screen" | sed -n "$1p")
    case "$got" in $2) ok "$3" ;; *) not_ok "$3: line $1 is '$got'" ;; esac
}
start a.yaml --review -q "$Q"
step "--review opens the review" "Revue :"
screen_line 2 "── Législation ──*" "review: the first pillar's header row, in French, under the title"
screen_line 3 "   1   Existe-t-il une loi ?*Oui" "review: the pillar's first question under its header"
screen_line 6 "── Financement ──*" "review: the second pillar's header row after its pillar's questions"
screen_line 7 "   4   Quels outils existent ?*" "review: the second pillar's questions under it"
T resize-window -x 80 -y 12
keys End
step "review in 12 rows: End selects the last question" "Financement · Un commentaire ?"
screen_line 7 "›  6   Un commentaire ?*" "review in 12 rows: the last row is the cursor's"
screen_line 4 "── Financement ──*" "review in 12 rows: the header scrolls with its questions"
expect_not_contains "review in 12 rows: the first header scrolled out" "$screen" "── Législation"
keys Home
step "review: Home selects the first question" "Législation · Existe-t-il une loi ?"
screen_line 2 "── Législation ──*" "review: Home scrolls the first header back into view"
keys Up Down
step "review: a header is never selected (Up on the first question stays)" "Législation · Où en est-elle ?"
screen_line 4 "›  2   Où en est-elle ?*" "review: Down from the first question selects the second"
keys Down Down
step "review: Down crosses a pillar's header" "Financement · Quels outils existent ?"
screen_line 6 "── Financement ──*" "review: the pillar header stays above its first question"
screen_line 7 "›  4   Quels outils existent ?*" "review: the cursor row under the header"
keys Up Enter
step "Enter on a row after a header opens that question" "Quelle est la maturité"
keys q
step "q after the review quits with 0" "EXIT=0"

# --- a killed terminal, then --resume ---------------------------------------
start "$Q" -o b.yaml --subject Kill --respondent Test
step "a new sitting starts" "Is there a law?"
keys 2
step "the answer is taken, the note asked" "Note"
keys Enter Enter
step "the next question" "How mature is the policy?"
pid=$(cat "$RK_TMP/ask.pid")
T kill-server
i=0
while [ $i -lt 600 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
kill -0 "$pid" 2>/dev/null && not_ok "ask still runs after the hang-up" || ok "ask ends on a hang-up"
expect_contains "the answer before the hang-up is saved" "$(cat "$RK_TMP/b.yaml")" "has_law: no"
left=$(find "$RK_TMP" -name '*.tmp*' | head -n 3)
[ -z "$left" ] && ok "no temporary file after the hang-up" || not_ok "temporary files left: $left"
start --resume b.yaml -q "$Q"
step "--resume after the hang-up goes on where it stopped" "How mature is the policy?"
keys q
step "q saves and quits with 0" "EXIT=0"
expect_contains "q says how to go on" "$screen" "go on with: readykit ask --resume b.yaml"

# --- Ctrl-C at a choice (raw mode), highlight only when colours are allowed -
start --resume b.yaml -q "$Q"
step "a choice screen" "How mature is the policy?"
hl=$(T capture-pane -e -p)
expect_contains "the cursor row is highlighted on a terminal" "$hl" "7m"
keys C-c
step "Ctrl-C at a choice ends with 130" "EXIT=130"
if cmp -s "$RK_TMP/stty.before" "$RK_TMP/stty.after"; then ok "terminal modes restored after Ctrl-C in raw mode"; else
    not_ok "terminal modes restored after Ctrl-C in raw mode"
fi
start --resume b.yaml -q "$Q"
step "a sitting to end with SIGTERM" "How mature is the policy?"
kill -TERM "$(cat "$RK_TMP/ask.pid")"
step "SIGTERM ends with 128+15" "EXIT=143"
expect_not_contains "SIGTERM: nothing printed to the terminal" "$screen" "interrupted"
if cmp -s "$RK_TMP/stty.before" "$RK_TMP/stty.after"; then ok "terminal modes restored after SIGTERM"; else
    not_ok "terminal modes restored after SIGTERM"
fi

# Never overwrite without a yes.
start "$Q" -o b.yaml --subject Kill --respondent Test
step "an existing file: asks before replacing" "b.yaml exists. Replace it? [y/N]"
keys Enter
step "no: exit 73" "EXIT=73"
expect_contains "no: says how to continue the file" "$screen" "readykit ask --resume b.yaml"
expect_contains "no: the file is as it was" "$(cat "$RK_TMP/b.yaml")" "has_law: no"

NO_COLOR=1 start --resume b.yaml -q "$Q"
step "NO_COLOR: a choice screen" "How mature is the policy?"
hl=$(T capture-pane -e -p)
expect_not_contains "NO_COLOR: no highlight" "$hl" "7m"
expect_contains "NO_COLOR: the cursor still shows" "$hl" "›  0 ( ) Nothing"
T resize-window -x 40 -y 24
# Redrawn for 40 columns, the header is cut with an ellipsis (a terminal
# that only truncates the old screen shows no ellipsis).
if wait_for "Legislation · 2 of 2 · question 2 of 5 …"; then
    ok "a resized terminal (40 columns) gets a redrawn screen"
else
    not_ok "no redraw at 40 columns:"; printf '%s\n' "$screen" | sed 's/^/# /'
fi
keys q
step "NO_COLOR: q quits" "EXIT=0"

done_testing
