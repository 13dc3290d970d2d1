#!/bin/sh
# test_batch.sh: scoring many answers files at once (src/batch.c): CSV
# columns known before the first row, a hard stop that fails one file only,
# no state carried from one answers file to the next, --jobs, --dir, "-".
. "$(dirname "$0")/lib.sh"

ex=questionnaires/examples
national=""
for f in "$ex"/*.yaml; do
    grep -q '^questionnaire: sse-national' "$f" && national="$national $f"
done
tiny=questionnaires/tiny.yaml

# ---- CSV: every value under its own column -------------------------------
# All shipped sse-national examples together: their indicators differ.
# shellcheck disable=SC2086
run "$RK_BIN" score --format csv $national
expect_rc "csv of every national example" 0
expect_contains "csv has the Mexico row" "$out" "mexico.yaml,Mexico,"
printf '%s\n' "$out" >"$RK_TMP/all.csv"
# shellcheck disable=SC2086
"$RK_BIN" score --format json $national >"$RK_TMP/all.json"
# one TAP line per answers file: field count, pillars and indicators under
# their own names, empty where the file has none
python3 - "$RK_TMP/all.csv" "$RK_TMP/all.json" >"$RK_TMP/claims.txt" 2>&1 <<'PY'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
head, rows = rows[0], rows[1:]
docs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
print(("ok" if len(rows) == len(docs) >= 7 else "not ok") + f" {len(rows)} rows for {len(docs)} files")
def cell(v):
    return "" if v is None else ("%.15g" % round(v, 2))
for row, doc in zip(rows, docs):
    bad = []
    if len(row) != len(head):
        bad.append(f"{len(row)} fields under {len(head)} columns")
    else:
        got = dict(zip(head, row))
        if got["file"] != doc["file"]:
            bad.append(f"file {got['file']} != {doc['file']}")
        for p in doc["pillars"]:
            want = "" if p["score"] is None else "%.2f" % p["score"]
            if got.get(p["id"]) != want:
                bad.append(f"pillar {p['id']}: {got.get(p['id'])} != {want}")
        ids = {i["id"] for i in doc["indicators"]}
        for i in doc["indicators"]:
            if i["id"] not in got or float(got[i["id"]] or "nan") != round(i["value"], 2):
                bad.append(f"indicator {i['id']}: {got.get(i['id'])} != {i['value']}")
        for k in head[4 + len(doc["pillars"]):]:
            if k not in ids and got[k] != "":
                bad.append(f"{k} should be empty, is {got[k]}")
    print(("not ok" if bad else "ok") + f" {doc['file']}: " + ("; ".join(bad) or "values under their own columns"))
PY
tap_claims "$RK_TMP/claims.txt"

# one questionnaire per CSV: a file of another is named, the others are written
run "$RK_BIN" score --format csv "$ex/quebec.yaml" "$ex/montreal.yaml" "$ex/spain.yaml"
expect_rc "a CSV of two questionnaires" 64
expect_contains "the odd file is named" "$err" "montreal.yaml: answers questionnaire 'sse-local'"
expect_contains "the others are written" "$out" "spain.yaml,Spain"

# ---- a hard stop fails one file, the others are scored -------------------
for i in 1 2 3; do cp "$ex/tiny-answers.yaml" "$RK_TMP/t$i.yaml"; done
sed -i 's/fund_kind: grants/fund_kind: loans/' "$RK_TMP/t2.yaml"
run "$RK_BIN" score -q "$tiny" --format csv --rules tests/cases/batch/bomb_on_grants.lua \
    "$RK_TMP/t1.yaml" "$RK_TMP/t2.yaml" "$RK_TMP/t3.yaml"
expect_rc "a pattern bomb in one file of three" 65
expect_contains "the first file is scored" "$out" "t1.yaml,Tinyland"
expect_contains "the third file is scored" "$out" "t3.yaml,Tinyland"
expect_not_contains "the bombed file has no row" "$out" "t2.yaml"
expect_contains "stderr names the file and its position" "$err" "t2.yaml (file 2 of 3)"
expect_contains "stderr names the rule file" "$err" "bomb_on_grants.lua"
run "$RK_BIN" score -q "$tiny" --format json --rules tests/cases/batch/bomb_on_grants.lua \
    -o "$RK_TMP/bomb.jsonl" "$RK_TMP/t1.yaml" "$RK_TMP/t2.yaml" "$RK_TMP/t3.yaml"
expect_rc "with -o" 65
if [ -e "$RK_TMP/bomb.jsonl" ]; then not_ok "with -o nothing is written"; else ok "with -o nothing is written"; fi
if ls -a "$RK_TMP" | grep -q 'bomb.jsonl'; then not_ok "no temporary file is left"; else ok "no temporary file is left"; fi

# ---- no state from one answers file to the next --------------------------
# Each file alone, then all together: the same notes seen, the same finding.
for f in quebec spain senegal; do
    run "$RK_BIN" score --format json --rules tests/cases/batch/notes_kept.lua "$ex/$f.yaml"
    printf '%s\n' "$out" >>"$RK_TMP/alone.jsonl"
done
run "$RK_BIN" score --format json --rules tests/cases/batch/notes_kept.lua \
    "$ex/quebec.yaml" "$ex/spain.yaml" "$ex/senegal.yaml"
expect_rc "notes kept by a rule, three files" 0
expect_contains "the rule ran" "$out" '"id": "notes_seen"'
printf '%s\n' "$out" >"$RK_TMP/together.jsonl"
if cmp -s "$RK_TMP/alone.jsonl" "$RK_TMP/together.jsonl"; then
    ok "each file sees only its own notes"
else
    not_ok "a note carried over to another file"
    diff "$RK_TMP/alone.jsonl" "$RK_TMP/together.jsonl" | head -n 4 | cut -c1-300 | sed 's/^/# /'
fi
run "$RK_BIN" score -q "$tiny" --format csv --max-memory 16 \
    --rules tests/cases/batch/memory_kept.lua "$RK_TMP/t1.yaml" "$RK_TMP/t3.yaml" \
    "$ex/tiny-answers.yaml" "$RK_TMP/t1.yaml"
expect_rc "memory kept by a rule does not carry over" 0
expect_contains "each file kept its own 6 MiB once" "$out" "t1.yaml,Tinyland (example),66.67,Emerging,100.00,50.00,1"

# ---- --jobs: the same bytes as one at a time --------------------------------
mkdir -p "$RK_TMP/corpus/a/b"
python3 tests/bench/gen_corpus.py questionnaires/sse-national.yaml 40 "$RK_TMP/corpus/a" --broken 3
mv "$RK_TMP/corpus/a/answers_0003"?.yaml "$RK_TMP/corpus/a/b/"
nat=questionnaires/sse-national.yaml
for fmt in csv json text; do
    "$RK_BIN" score -q "$nat" --format "$fmt" --jobs 1 --dir "$RK_TMP/corpus" >"$RK_TMP/j1.$fmt" 2>"$RK_TMP/j1.err"
    rc1=$?
    "$RK_BIN" score -q "$nat" --format "$fmt" --jobs 3 --dir "$RK_TMP/corpus" >"$RK_TMP/j3.$fmt" 2>"$RK_TMP/j3.err"
    rc3=$?
    if [ "$rc1" = 65 ] && [ "$rc3" = 65 ] && [ -s "$RK_TMP/j1.$fmt" ] &&
        cmp -s "$RK_TMP/j1.$fmt" "$RK_TMP/j3.$fmt" && cmp -s "$RK_TMP/j1.err" "$RK_TMP/j3.err"; then
        ok "$fmt: --jobs 3 writes the same bytes and messages as --jobs 1 (exit 65: 3 broken files)"
    else
        not_ok "$fmt: --jobs 3 differs from --jobs 1 (exit $rc1, $rc3)"
    fi
done
run "$RK_BIN" score -q "$nat" --format csv --jobs 0 --dir "$RK_TMP/corpus"
expect_rc "--jobs 0 (one per core)" 65
rows=$(printf '%s\n' "$out" | wc -l)
if [ "$rows" = 38 ]; then ok "37 good files scored, one header"; else not_ok "$rows lines, wanted 38"; fi
expect_contains "a broken file is named with its position" "$err" "no_such_choice"
expect_contains "the summary counts the failures" "$err" "3 of 40 answers files failed"
# --dir walks folders in sorted order: a/answers_00000 ... a/answers_00029, a/b/...
first=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)
last=$(printf '%s\n' "$out" | tail -n 1 | cut -d, -f1)
expect_contains "--dir starts with the first file" "$first" "corpus/a/answers_00000.yaml"
expect_contains "--dir ends in the sub-folder" "$last" "corpus/a/b/answers_00039.yaml"

# ---- "-": names from standard input; --no-header parts join with cat ---------
python3 tests/bench/gen_corpus.py "$nat" 10 "$RK_TMP/clean" --seed 3
ls "$RK_TMP"/clean/*.yaml >"$RK_TMP/names.txt"
"$RK_BIN" score -q "$nat" --format csv - <"$RK_TMP/names.txt" >"$RK_TMP/stdin.csv" 2>"$RK_TMP/stdin.err"
rc=$?
if [ "$rc" = 0 ] && [ "$(wc -l <"$RK_TMP/stdin.csv")" = 11 ]; then
    ok "- reads 10 names from standard input"
else
    not_ok "- read names: exit $rc, $(wc -l <"$RK_TMP/stdin.csv") lines"
fi
head -n 5 "$RK_TMP/names.txt" >"$RK_TMP/n1"
tail -n 5 "$RK_TMP/names.txt" >"$RK_TMP/n2"
"$RK_BIN" score -q "$nat" --format csv - <"$RK_TMP/n1" >"$RK_TMP/part1.csv" 2>/dev/null
"$RK_BIN" score -q "$nat" --format csv --no-header - <"$RK_TMP/n2" >"$RK_TMP/part2.csv" 2>/dev/null
if cat "$RK_TMP/part1.csv" "$RK_TMP/part2.csv" | cmp -s - "$RK_TMP/stdin.csv"; then
    ok "two parts joined with cat (the second --no-header) equal the whole"
else
    not_ok "the joined parts differ from the whole"
fi
run "$RK_BIN" score -q "$nat" --format csv --dir "$RK_TMP/nowhere"
expect_rc "--dir of a missing folder" 66
expect_contains "it is named" "$err" "nowhere"

# an indicator no rule file declares still gets a column, with a warning
run "$RK_BIN" score --format csv --rules tests/cases/batch/notes_kept.lua "$ex/quebec.yaml" "$ex/spain.yaml"
expect_rc "an undeclared indicator" 0
expect_contains "it gets the last column" "$(printf '%s\n' "$out" | head -n 1)" "answered_share,notes_seen"
expect_contains "a warning names it" "$err" "indicator 'notes_seen' is not in the rule files"
printf 'return {indicators = "x"}\n' >"$RK_TMP/bad_decl.lua"
run "$RK_BIN" score --format csv --rules "$RK_TMP/bad_decl.lua" "$ex/quebec.yaml"
expect_rc "indicators must be a list" 65
expect_contains "the message says so" "$err" "'indicators' must be a list of indicator ids"

# ---- progress: never when standard error is not a terminal -------------------
run "$RK_BIN" score -q "$nat" --format json --dir "$RK_TMP/clean"
expect_rc "a small batch" 0
expect_not_contains "no progress line in a file" "$err" "files/s"

# on a terminal (script(1) gives one), with the results in a file: a
# progress line, cleared at the end; --quiet: none
script -qec "$RK_BIN score -q $nat --format json -o $RK_TMP/p.jsonl --dir $RK_TMP/clean" \
    "$RK_TMP/tty.txt" >/dev/null 2>&1
rc=$?
if [ "$rc" = 0 ] && grep -q "0/10 files" "$RK_TMP/tty.txt" && [ "$(wc -l <"$RK_TMP/p.jsonl")" = 10 ]; then
    ok "a progress line on a terminal"
else
    not_ok "no progress line on a terminal (exit $rc)"
    tr '\r' '\n' <"$RK_TMP/tty.txt" | head -n 5 | sed 's/^/# /'
fi
script -qec "$RK_BIN score -q $nat --quiet --format json -o $RK_TMP/p.jsonl --dir $RK_TMP/clean" \
    "$RK_TMP/tty.txt" >/dev/null 2>&1
if grep -q "files/s" "$RK_TMP/tty.txt"; then not_ok "--quiet still shows progress"; else ok "--quiet: no progress line"; fi

# ---- a hard stop with two workers: the worker is replaced --------------------
for i in 4 5 6 7; do cp "$RK_TMP/t1.yaml" "$RK_TMP/t$i.yaml"; done
cp "$RK_TMP/t2.yaml" "$RK_TMP/t8.yaml"
run "$RK_BIN" score -q "$tiny" --format json --jobs 2 --rules tests/cases/batch/bomb_on_grants.lua \
    "$RK_TMP/t1.yaml" "$RK_TMP/t2.yaml" "$RK_TMP/t3.yaml" "$RK_TMP/t4.yaml" \
    "$RK_TMP/t5.yaml" "$RK_TMP/t8.yaml" "$RK_TMP/t6.yaml" "$RK_TMP/t7.yaml"
expect_rc "two bombs among eight files, --jobs 2" 65
n=$(printf '%s\n' "$out" | grep -c '"subject": "Tinyland')
if [ "$n" = 6 ]; then ok "the six other files are scored"; else not_ok "$n files scored, wanted 6"; fi
expect_contains "the second bomb is named with its position" "$err" "t8.yaml (file 6 of 8)"
order=$(printf '%s\n' "$out" | sed 's/.*"file": "[^"]*\/\(t[0-9]\).yaml".*/\1/' | tr '\n' ' ')
expect_contains "in input order" "$order" "t1 t3 t4 t5 t6 t7"

done_testing
