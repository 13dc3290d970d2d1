# test_values.sh: values, not only shapes. The shipped examples are scored
# together, one run per questionnaire and format, and the outputs are checked
# against each other cell by cell: every CSV cell stands under its own
# column with the value the JSON of the same run gives, and the text
# output's overall and pillar scores and levels are the JSON's.
#
# The CSV comparison of sse-national runs on every national example in one
# batch, whose files give different indicators: each cell must stand under
# its own column (the shift of issue 10 is caught here).
. "$(dirname "$0")/lib.sh"

ex=questionnaires/examples
national="$ex/korea.yaml $ex/mali.yaml $ex/mexico.yaml $ex/portugal.yaml $ex/quebec.yaml $ex/senegal.yaml $ex/spain.yaml $ex/uruguay.yaml"
national_csv_groups="$national"

# compare KIND JSON_FILE OTHER_FILE: print one line per answers file:
# "row ok FILE" or "row bad FILE: what differs" (KIND csv or text), and a
# line "header: ..." for each way the CSV header (or the number of rows or
# blocks) is not the JSON's.
compare() {
    /usr/bin/python3 - "$@" <<'PY'
import csv, io, json, re, sys

kind, jpath, opath = sys.argv[1:4]
results = [json.loads(l) for l in open(jpath, encoding="utf-8") if l.strip()]
other = open(opath, encoding="utf-8", newline="").read()

def close(shown, value, slack):
    """shown (text) is value, to the precision shown plus the JSON's own rounding."""
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    return abs(float(shown) - value) <= 0.5 * 10 ** -decimals + slack

def check_csv():
    rows = list(csv.reader(io.StringIO(other)))
    if not rows:
        print("header: no CSV")
        return
    header, rows = rows[0], rows[1:]
    pillars = [p["id"] for p in results[0]["pillars"]]
    indicators = []
    for r in results:
        indicators += [i["id"] for i in r["indicators"] if i["id"] not in indicators]
    # The indicator columns are those the rules declare (empty where a file
    # has none) plus any other met: every indicator of the JSON has one.
    if header[:4] != ["file", "subject", "score", "level"] or header[4:4 + len(pillars)] != pillars \
            or not set(indicators) <= set(header[4 + len(pillars):]) or len(set(header)) != len(header):
        print("header: %s; JSON pillars %s, indicators %s" % (header, pillars, indicators))
    indicators = header[4 + len(pillars):]
    if len(rows) != len(results):
        print("header: %d rows for %d JSON results" % (len(rows), len(results)))
    for r, row in zip(results, rows):
        why = []
        if len(row) != len(header):
            why.append("%d cells for %d columns" % (len(row), len(header)))
        cell = dict(zip(header, row))
        want = {"file": r["file"], "subject": r["subject"], "level": r["level"] or ""}
        for k, v in want.items():
            if cell.get(k) != v:
                why.append("%s is %r, JSON %r" % (k, cell.get(k), v))
        values = {"score": r["score"]}
        values.update({p["id"]: p["score"] for p in r["pillars"]})
        values.update({i: None for i in indicators})
        values.update({i["id"]: i["value"] for i in r["indicators"]})
        for k, v in values.items():
            c = cell.get(k, "")
            if v is None:
                if c != "":
                    why.append("%s is %r, JSON has none" % (k, c))
            elif not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", c) or not close(c, v, 0.005):
                why.append("%s is %r, JSON %r" % (k, c, v))
        print("row ok %s" % r["file"] if not why else "row bad %s: %s" % (r["file"], "; ".join(why)))

def check_text():
    blocks = re.split(r"^(?=\S.*: )", other, flags=re.M)
    blocks = [b for b in blocks if b.strip()]
    if len(blocks) != len(results):
        print("header: %d text blocks for %d JSON results" % (len(blocks), len(results)))
    for r, b in zip(results, blocks):
        why = []
        lines = b.splitlines()
        if lines[0] != "%s: %s" % (r["file"], r["subject"]):
            why.append("first line %r" % lines[0])
        want = [("overall", None, r["score"], r["level"])] + \
               [(p["id"], p["title"], p["score"], p["level"]) for p in r["pillars"]]
        got = lines[2:2 + len(want)]
        for (pid, title, score, level), line in zip(want, got + [""] * len(want)):
            m = re.match(r"^ {2,4}(.*?) +(-|[0-9]+\.[0-9]) +(.*)$", line)
            if not m or (title is not None and m.group(1) != title):
                why.append("%s: line %r" % (pid, line))
            elif score is None:
                if m.group(2) != "-":
                    why.append("%s: %s, JSON has no score" % (pid, m.group(2)))
            elif m.group(2) == "-" or not close(m.group(2), score, 0.005) \
                    or not m.group(3).startswith(level):
                why.append("%s: %s %s, JSON %s %s" % (pid, m.group(2), m.group(3)[:20], score, level))
        print("row ok %s" % r["file"] if not why else "row bad %s: %s" % (r["file"], "; ".join(why)))

check_csv() if kind == "csv" else check_text()
PY
}

# values KIND NAME FILES...: score FILES as JSON and as KIND in two runs of
# the same batch; one TAP line per answers file (and one for the header).
values() {
    kind=$1; label=$2; shift 2
    run "$RK_BIN" score --format json "$@"
    json_rc=$rc
    printf '%s\n' "$out" > "$RK_TMP/v.json"
    if [ "$kind" = csv ]; then run "$RK_BIN" score --format csv "$@"; else run "$RK_BIN" score "$@"; fi
    printf '%s\n' "$out" > "$RK_TMP/v.other"
    other_rc=$rc
    compare "$kind" "$RK_TMP/v.json" "$RK_TMP/v.other" > "$RK_TMP/v.cmp" 2>&1
    if [ "$kind" = csv ]; then
        begin_case "$label: CSV header has the JSON's pillars and indicators"
        want_rc 0
        rc=$json_rc; want_rc 0
        want_true "$(grep -v '^row ' "$RK_TMP/v.cmp" | head -n 3)" \
            sh -c "! grep -qv '^row ' '$RK_TMP/v.cmp'"
        end_case
    fi
    for f in "$@"; do
        begin_case "$label: $(basename "$f") $kind matches the JSON"
        rc=$json_rc; want_rc 0
        rc=$other_rc; want_rc 0
        line=$(grep -F -x -e "row ok $f" "$RK_TMP/v.cmp"; grep -F -e "row bad $f:" "$RK_TMP/v.cmp")
        case "$line" in
            "row ok $f") ;;
            "") case_fail "not compared: $(head -n 3 "$RK_TMP/v.cmp")" ;;
            *) case_fail "${line#row bad }" ;;
        esac
        end_case
    done
}

# a subject with a quote, a comma and a line break: quoted, quotes doubled
sed 's/^subject: .*/subject: "Tiny \\"quoted\\", with a comma\\nand a line"/' \
    $ex/tiny-answers.yaml > "$RK_TMP/hard.yaml"
# shellcheck disable=SC2086
values csv "tiny" $ex/tiny-answers.yaml "$RK_TMP/hard.yaml"
values csv "sse-local" $ex/montreal.yaml
IFS='|'
set -- $national_csv_groups
unset IFS
for group in "$@"; do
    # shellcheck disable=SC2086
    values csv "sse-national batch" $group
done
# shellcheck disable=SC2086
values text "sse-national batch" $national
values text "sse-local" $ex/montreal.yaml
values text "tiny" $ex/tiny-answers.yaml

done_testing
