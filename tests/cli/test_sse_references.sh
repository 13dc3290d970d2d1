# The SSE questionnaires and their rules cite only texts of the single table of
# references (questionnaires/references/references.yaml), never a lettered sub-paragraph of
# A/RES/77/281 para. 1 (it is one unlettered sentence), and only parts the table
# lists (tests/cli/sse_refcheck.py says what is checked). The checker is shown to
# fail on a file with "para. 1(a)", an unknown symbol, a part that does not exist
# and a "Source:" naming a text outside the table.
. "$(dirname "$0")/lib.sh"

TABLE=questionnaires/references/references.yaml
CHECK=tests/cli/sse_refcheck.py

for q in sse-national sse-local; do
    run "$RK_BIN" check questionnaires/$q.yaml
    expect_rc "check $q" 0
    expect_contains "check $q names it" "$out" "ok: $q"
done

# One TAP line per file.
python3 "$CHECK" "$TABLE" questionnaires/sse-national.yaml questionnaires/sse-local.yaml \
    questionnaires/sse-national.lua questionnaires/sse-local.lua \
    questionnaires/README.md questionnaires/examples/README.md >"$RK_TMP/refs.txt" 2>&1
tap_claims "$RK_TMP/refs.txt"

# The table itself: every key once, titles in the three languages, a URL each.
if python3 - "$TABLE" <<'PY'
import sys, yaml
refs = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["references"]
keys = [r["key"] for r in refs]
ok = (len(keys) == len(set(keys)) and len(keys) >= 15
      and all(r.get("url", "").startswith("http") for r in refs)
      and all(all(r["title"].get(l) for l in ("en", "fr", "es")) for r in refs)
      and "A/RES/77/281" in [r.get("symbol") for r in refs]
      and "A/RES/79/213" in [r.get("symbol") for r in refs])
sys.exit(0 if ok else 1)
PY
then ok "the table has unique keys, three titles and a URL per text, and both UN resolutions"
else not_ok "the table of references is incomplete"
fi

# The checker can fail: one bad file per kind of error.
bad() {  # bad NAME EXT TEXT WANT
    printf '%s\n' "$3" >"$RK_TMP/bad.$2"
    python3 "$CHECK" "$TABLE" "$RK_TMP/bad.$2" >"$RK_TMP/bad.out" 2>&1
    if [ $? -eq 1 ] && grep -q -- "$4" "$RK_TMP/bad.out"; then ok "checker rejects $1"
    else not_ok "checker accepts $1: $(cat "$RK_TMP/bad.out")"; fi
}
bad "a lettered paragraph" yaml 'help: {en: "Source: A/RES/77/281 para. 1(a)."}' "lettered sub-paragraph"
bad "a lettered paragraph in French rules" lua 'rec("x", 1, "Adopter une loi (A/RES/77/281 par. 1(f)).")' "lettered sub-paragraph"
bad "an unknown symbol" lua 'local s = "Report on it (A/RES/78/999)."' "not in the table"
bad "a paragraph that does not exist" yaml 'help: {en: "Source: A/RES/77/281 para. 7 (statistics)."}' "para. 7 is not a part"
bad "an OECD block 12" yaml 'help: {fr: "Source : Recommandation de l'\''OCDE, volet 12."}' "volet 12 is not a part"
bad "a source outside the table" yaml 'help: {es: "Fuente: Informe Mundial de la Economía Solidaria (2019)."}' "names no text"

done_testing
