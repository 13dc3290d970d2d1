#!/bin/sh
# test_hardening.sh: issue 13's second round: outputs (devices, FIFOs,
# links, an output that is an input, long names, signals during the write),
# CSV formula cells, control characters, and the small limits.
. "$(dirname "$0")/lib.sh"

READYKIT_PATH=$RK_TOP/questionnaires
export READYKIT_PATH
A=$RK_TMP/a.yaml
cp questionnaires/examples/tiny-answers.yaml "$A"
cp questionnaires/tiny.yaml "$RK_TMP/tiny.yaml"

# readykit runs at all: the rest means something only if this passes
run "$RK_BIN" score "$A"
expect_rc "score the tiny answers" 0
expect_contains "score names the subject" "$out" "Tinyland (example)"

# ---- outputs: devices are written, never replaced ---------------------------
for cmd in score report; do
    run "$RK_BIN" "$cmd" "$A" -o /dev/null
    if [ "$rc" = 0 ] && [ -c /dev/null ] && [ ! -L /dev/null ]; then
        ok "$cmd -o /dev/null: exit 0, /dev/null still a character device"
    else
        not_ok "$cmd -o /dev/null: exit $rc; $(ls -l /dev/null) $err"
    fi
done

mkfifo "$RK_TMP/fifo"
cat "$RK_TMP/fifo" >"$RK_TMP/from-fifo" &
reader=$!
run "$RK_BIN" score -f csv "$A" -o "$RK_TMP/fifo"
wait "$reader"
if [ "$rc" = 0 ] && [ -p "$RK_TMP/fifo" ] &&
    grep -q '^file,subject,score,level' "$RK_TMP/from-fifo"; then
    ok "-o FIFO: written through, still a FIFO"
else
    not_ok "-o FIFO: exit $rc, $(ls -l "$RK_TMP/fifo") $err"
fi
ls -a "$RK_TMP" | grep -q '^fifo\.' && not_ok "-o FIFO left a temporary file" ||
    ok "-o FIFO: no temporary file"

# ---- a symbolic link: its target is replaced, the link stays ----------------
mkdir "$RK_TMP/links"
echo old >"$RK_TMP/links/target.csv"
ln -s target.csv "$RK_TMP/links/link.csv"
ln -s missing.csv "$RK_TMP/links/dangling.csv"
for name in link dangling; do
    run "$RK_BIN" score -f csv "$A" -o "$RK_TMP/links/$name.csv"
    t=$(readlink "$RK_TMP/links/$name.csv")
    if [ "$rc" = 0 ] && [ -L "$RK_TMP/links/$name.csv" ] &&
        grep -q '^file,subject' "$RK_TMP/links/$t"; then
        ok "-o $name: the link stays, $t holds the CSV"
    else
        not_ok "-o $name: exit $rc, $(ls -l "$RK_TMP/links") $err"
    fi
done

# ---- an output that is an input: 64, the input left as it was ----------------
cp "$A" "$RK_TMP/keep.yaml"
cp "$RK_TMP/tiny.yaml" "$RK_TMP/keep-q.yaml"
while IFS='|' read -r what input args; do
    # shellcheck disable=SC2086
    run "$RK_BIN" $args -o "$input"
    case "$err" in *"the output is an input"*) said=1 ;; *) said=0 ;; esac
    if [ "$rc" = 64 ] && [ $said = 1 ] && cmp -s "$A" "$RK_TMP/keep.yaml" &&
        cmp -s "$RK_TMP/tiny.yaml" "$RK_TMP/keep-q.yaml"; then
        ok "$what: refused with 64, inputs unchanged"
    else
        not_ok "$what: exit $rc: $err"
        cp "$RK_TMP/keep.yaml" "$A"
        cp "$RK_TMP/keep-q.yaml" "$RK_TMP/tiny.yaml"
    fi
done <<CASES
score -o the answers file|$A|score $A
score -o the answers file by another path|$RK_TMP/./a.yaml|score -f csv $A
score -o the -q questionnaire|$RK_TMP/tiny.yaml|score -q $RK_TMP/tiny.yaml $A
score -o a --rules file|$RK_TMP/tiny.yaml|score -r $RK_TMP/tiny.yaml $A
score -o the questionnaire found beside the answers|$RK_TMP/tiny.yaml|score $A
score -j 2 -o the questionnaire found beside the answers|$RK_TMP/tiny.yaml|score -j 2 -f csv $A $A
report -o the answers file|$A|report $A
report -o the questionnaire found beside the answers|$RK_TMP/tiny.yaml|report $A
template -o its questionnaire|$RK_TMP/tiny.yaml|template $RK_TMP/tiny.yaml
CASES
run "$RK_BIN" migrate "$A" -o "$A"
expect_rc "migrate -o its input keeps its own rule" 64
expect_contains "migrate -o its input suggests --in-place" "$err" "--in-place"

run "$RK_BIN" score "$A" -o ''
expect_rc "score -o ''" 64
expect_contains "-o '' says the name is empty" "$err" "needs a file name, found an empty one"

# ---- a 254-byte output name (the temporary name must fit in 255 bytes) ------
long=$(printf '%0254d' 0)
run "$RK_BIN" score -f csv "$A" -o "$RK_TMP/$long"
if [ "$rc" = 0 ] && grep -q '^file,subject' "$RK_TMP/$long"; then
    ok "a 254-byte output name is written"
else
    not_ok "a 254-byte output name: exit $rc: $err"
fi
rm -f "$RK_TMP/$long"

# ---- SIGTERM, SIGINT, SIGHUP while the output is written: no temporary file ----
# A rule that spins keeps the batch (and its temporary output) open; the
# signal comes once the temporary file exists (polled, never timed).
printf 'return { result = function () while true do end end }\n' >"$RK_TMP/spin.lua"
mkdir "$RK_TMP/sig"
for sig in TERM INT HUP; do
    env --default-signal="$sig" "$RK_BIN" score --timeout 120 --max-instructions 1e15 \
        -r "$RK_TMP/spin.lua" "$A" -o "$RK_TMP/sig/out.csv" 2>/dev/null &
    pid=$!
    n=0
    until ls -a "$RK_TMP/sig" | grep -q '^out\.csv\.' || [ $n -ge 600 ]; do
        sleep 0.05; n=$((n + 1))
    done
    workers=$(ps -o pid= --ppid "$pid")
    kill -s "$sig" "$pid"
    wait "$pid"
    rc=$?
    left=$(ls -a "$RK_TMP/sig" | grep -v '^\.\.\?$')
    # the worker spinning on the rule ends with its parent, not at its
    # 120 s deadline (polled)
    m=0
    for w in $workers; do
        while kill -0 "$w" 2>/dev/null && [ $m -lt 600 ]; do sleep 0.05; m=$((m + 1)); done
    done
    if [ $n -lt 600 ] && [ "$rc" -gt 128 ] && [ -z "$left" ] && [ -n "$workers" ] &&
        [ $m -lt 600 ]; then
        ok "SIG$sig during the write: exit $rc, no temporary file left, the worker ended too"
    else
        not_ok "SIG$sig during the write: exit $rc, polls $n/$m, workers '$workers', left: $left"
    fi
done

# ---- CSV cells a spreadsheet would run as formulas ----------------------------
# A subject, a level name (from the questionnaire beside the answers) and an
# indicator id, each starting with a formula character; a negative score
# stays a number.
mkdir "$RK_TMP/csv"
sed 's/^subject:.*/subject: "=HYPERLINK(\\"http:\/\/x\\",\\"y\\")"/' \
    questionnaires/examples/tiny-answers.yaml >"$RK_TMP/csv/a.yaml"
sed 's/{en: Emerging, fr: Émergent}/{en: "@Emerging", fr: Émergent}/' \
    questionnaires/tiny.yaml >"$RK_TMP/csv/tiny.yaml"
printf 'return { result = function () rk.indicator{id = "-x", label = "=y", value = -3.5} end }\n' \
    >"$RK_TMP/csv/ind.lua"
run "$RK_BIN" score -f csv -r "$RK_TMP/csv/ind.lua" "$RK_TMP/csv/a.yaml"
expect_rc "csv with formula-like cells" 0
expect_contains "csv: the indicator id is neutralised" "$out" "law,money,\"'-x\""
expect_contains "csv: the subject is neutralised" "$out" \
    "a.yaml,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",66.67,"
expect_contains "csv: the level name is neutralised, a negative value stays a number" "$out" \
    ",\"'@Emerging\",100.00,50.00,-3.5"

# ---- control characters never reach a terminal raw ---------------------------
# In YAML only an escape can write one ("\e"): refused where it can only be
# an attack. Rules and file names still carry them: ESC (a window title),
# BEL and a C1 CSI in a finding, an indicator's label and unit, rk.log, a
# rule's error(), and an ESC in the answers file's name. Each output is
# checked for raw bytes and for the visible escape.
c=$RK_TMP/ctl
mkdir "$c"
sed 's/^subject:.*/subject: "X\\e]0;pwned\\a"/' "$A" >"$c/esc-subject.yaml"
run "$RK_BIN" score "$c/esc-subject.yaml"
expect_rc "an escaped ESC in the subject" 65
expect_contains "an escaped ESC is refused with its position" "$err" \
    "esc-subject.yaml:5:10: this string holds a control character (\\x1b)"
f="$c/a$(printf '\033')]2;t.yaml"
cp "$A" "$f"
cp "$RK_TMP/tiny.yaml" "$c/tiny.yaml"
cat >"$c/ctl.lua" <<'LUA'
local bad = "X\27]0;pwned\7\194\1552J"
return { result = function ()
  rk.finding{priority = 1, text = bad}
  rk.indicator{id = "ctl", label = bad, value = 1, unit = bad}
  rk.log(bad)
end }
LUA
printf 'return { result = function () error("err\\27[2J") end }\n' >"$c/err.lua"
"$RK_BIN" score -r "$c/ctl.lua" "$f" >"$c/text" 2>"$c/log"
"$RK_BIN" score -r "$c/ctl.lua" -f json "$f" >"$c/json" 2>/dev/null
"$RK_BIN" score -f csv "$f" >"$c/csv" 2>&1
"$RK_BIN" report -r "$c/ctl.lua" "$f" -o "$c/a.pdf" >"$c/report" 2>/dev/null
pdftotext -enc UTF-8 "$c/a.pdf" "$c/pdftext" 2>/dev/null
"$RK_BIN" score -r "$c/err.lua" "$f" >/dev/null 2>"$c/err"
esc=$(printf '\033'); bel=$(printf '\007'); csi=$(printf '\302\233')
while IFS='|' read -r what file want; do
    raw=$(LC_ALL=C grep -c -e "$esc" -e "$bel" -e "$csi" "$c/$file")
    if [ "$raw" = 0 ] && grep -qF -e "$want" "$c/$file"; then
        ok "$what: no raw control character, shows $want"
    else
        not_ok "$what: $raw lines with raw controls, or no '$want':"
        od -c "$c/$file" | head -n 5 | sed 's/^/# /'
    fi
done <<CASES
score text: a finding|text|  [1] X\x1b]0;pwned\x07\x9b2J
score text: the file name|text|a\x1b]2;t.yaml: Tinyland
score json: a finding|json|"text": "X\u001b]0;pwned\u0007\u009b2J"
score csv: the file name|csv|a\x1b]2;t.yaml,Tinyland
report text: an indicator|report|X\x1b]0;pwned\x07\x9b2J: 1 X\x1b]0;pwned
the PDF's text: a finding|pdftext|X\x1b]0;pwned\x07\x9b2J
rk.log on stderr, the answers file named|log|t.yaml] X\x1b]0;pwned\x07\x9b2J
a rule's error() on stderr|err|err\x1b[2J
CASES

# a file name that is not UTF-8: the JSON stays valid, with U+FFFD
cp "$A" "$RK_TMP/ctl/bad$(printf '\377').yaml"
"$RK_BIN" score -f json "$RK_TMP/ctl/bad"*.yaml >"$RK_TMP/ctl/bad.json"
if python3 -c 'import json, sys
d = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))
sys.exit(0 if d["file"].endswith("bad\ufffd.yaml") else 1)' "$RK_TMP/ctl/bad.json"; then
    ok "a file name that is not UTF-8 gives valid JSON with U+FFFD"
else
    not_ok "a file name that is not UTF-8: $(head -c 200 "$RK_TMP/ctl/bad.json")"
fi

# ---- the small ones: limits and odd inputs -----------------------------------
s4=$RK_TMP/small
mkdir "$s4"
cp "$RK_TMP/tiny.yaml" "$s4/tiny.yaml"
{ cat "$A"; printf -- '---\nsubject: second\n'; } >"$s4/two-docs.yaml"
sed 's/^subject:.*/subject: "a\\0b"/' "$A" >"$s4/nul.yaml"
head -c 16777300 /dev/zero | tr '\0' 'a' >"$s4/big.yaml"
mkfifo "$s4/no-writer.yaml"
while IFS='|' read -r what file want msg; do
    run timeout 60 "$RK_BIN" score "$s4/$file"
    case "$err" in *"$msg"*) said=1 ;; *) said=0 ;; esac
    if [ "$rc" = "$want" ] && [ $said = 1 ]; then
        ok "$what: exit $want, '$msg'"
    else
        not_ok "$what: exit $rc (wanted $want): $err"
    fi
done <<CASES
a second YAML document|two-docs.yaml|65|two-docs.yaml:18:1: a second YAML document starts here
an escaped NUL in a string|nul.yaml|65|nul.yaml:5:10: this string holds a NUL character
a file over the 16 MiB cap|big.yaml|65|larger than the limit of 16777216 bytes
a FIFO with no writer (no wait)|no-writer.yaml|66|a FIFO with no writer
CASES

run "$RK_BIN" score --max-instructions 1e30 "$A"
expect_rc "--max-instructions 1e30" 64
expect_contains "--max-instructions names its range" "$err" "from 1000 to 1e15, found '1e30'"

# more than 16 questionnaires in one batch (no fixed limit), with workers
mkdir "$RK_TMP/many"
for i in $(seq 1 18); do
    sed "s/^id: tiny/id: tiny$i/" questionnaires/tiny.yaml >"$RK_TMP/many/tiny$i.yaml"
    sed "s/^questionnaire: tiny/questionnaire: tiny$i/" "$A" >"$RK_TMP/many/a$i.yaml"
done
run "$RK_BIN" score -j 2 -f json "$RK_TMP"/many/a*.yaml
n=$(printf '%s\n' "$out" | grep -c '"questionnaire": "tiny[0-9]*"')
case "$out" in *'"questionnaire": "tiny18"'*) said=1 ;; *) said=0 ;; esac
if [ "$rc" = 0 ] && [ "$n" = 18 ] && [ $said = 1 ]; then
    ok "18 questionnaires in one batch: exit 0, 18 results"
else
    not_ok "18 questionnaires in one batch: exit $rc, $n results: $err"
fi

# a 70,000-byte subject: the report is written (as score accepts it); the
# PDF's metadata is cut at 1000 bytes with an ellipsis (3 bytes)
long_subject=$(head -c 70000 /dev/zero | tr '\0' 'x')
sed "s/^subject:.*/subject: $long_subject/" "$A" >"$s4/long.yaml"
run "$RK_BIN" report "$s4/long.yaml" -o "$s4/long.pdf"
subject=$(pdfinfo "$s4/long.pdf" 2>/dev/null | sed -n 's/^Subject: *//p')
if [ "$rc" = 0 ] && [ "${#subject}" -le 1003 ] && [ "${#subject}" -ge 900 ]; then
    ok "report with a 70,000-byte subject: exit 0, metadata cut to ${#subject} characters"
else
    not_ok "report with a 70,000-byte subject: exit $rc, subject ${#subject} characters: $err"
fi

done_testing
