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
while IFS= read -r line; do
    case "$line" in
        "ok "*) ok "${line#ok }" ;;
        "not ok "*) not_ok "${line#not ok }" ;;
        *) not_ok "csv claims: $line" ;;
    esac
done <"$RK_TMP/claims.txt"

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
expect_contains "the rule ran" "$out" '"id":"notes_seen"'
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

done_testing
