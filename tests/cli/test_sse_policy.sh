# The SSE scoring policy (questionnaires/README.md, "How the SSE rules score"):
#  * the two invented gaming files of issue 12 (tests/cli/sse_gaming.py): every scale
#    "adopted on paper" and every yes/no "yes" reaches Developing at most; the same file
#    with its weak items turned into "don't know" scores no higher; with a source on
#    every answer, the "adopted on paper" gate alone still holds it at Developing;
#  * on every shipped example, answering its "don't know" and unanswered maturity
#    questions at the median ("2") never lowers a pillar or the overall score (so
#    not knowing is never rewarded);
#  * on every shipped example, each capped pillar's score is within its capped level,
#    and the overall score is no higher than the weighted mean of the pillar scores
#    (a pillar without a score counting at the median): pillar caps bound the overall;
#  * only answers with a source count as evidence.
. "$(dirname "$0")/lib.sh"

for q in sse-national sse-local; do
    python3 tests/cli/sse_gaming.py questionnaires/$q.yaml "$RK_TMP" || not_ok "sse_gaming.py $q"
    for f in paper dontknow sourced; do
        run "$RK_BIN" score --format json -q questionnaires/$q.yaml "$RK_TMP/$f.yaml"
        expect_rc "$q: score the invented $f file" 0
        expect_contains "$q: $f file scored" "$out" "\"subject\": \"Invented $f\""
        printf '%s\n' "$out" >"$RK_TMP/$q-$f.json"
    done
done

# The examples, and the same examples with what is unknown answered at the median.
python3 - "$RK_TMP" <<'PY' || not_ok "could not write the median copies"
import os, sys, yaml
tmp = sys.argv[1]
ex = "questionnaires/examples"
for name in sorted(os.listdir(ex)):
    if not name.endswith(".yaml") or name.startswith("tiny"):
        continue
    doc = yaml.safe_load(open(os.path.join(ex, name), encoding="utf-8"))
    q = yaml.safe_load(open("questionnaires/%s.yaml" % doc["questionnaire"], encoding="utf-8"))
    answers = doc.get("answers") or {}
    for p in q["pillars"]:
        for question in p["questions"]:
            if question.get("choices") == "maturity" and "when" not in question:
                a = answers.get(question["id"])
                if a is None or a == "dont_know" or (isinstance(a, dict) and a.get("value") == "dont_know"):
                    answers[question["id"]] = {"value": "2", "source": "https://example.org/median"}
    doc["answers"] = answers
    with open(os.path.join(tmp, "median-" + name), "w", encoding="utf-8") as f:
        yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False)
PY
for path in questionnaires/examples/*.yaml; do
    f=$(basename "$path" .yaml)
    case "$f" in tiny*) continue ;; esac
    "$RK_BIN" score --format json "$path" >"$RK_TMP/ex-$f.json" 2>/dev/null
    "$RK_BIN" score --format json -q questionnaires/$(sed -n 's/^questionnaire: *//p' "$path").yaml \
        "$RK_TMP/median-$f.yaml" >"$RK_TMP/median-$f.json" 2>/dev/null
done

python3 - "$RK_TMP" >"$RK_TMP/claims.txt" 2>&1 <<'PY'
import glob, json, os, sys
tmp = sys.argv[1]
ORDER = ["nascent", "emerging", "developing", "established", "advanced"]
TOP = {"nascent": 19.9, "emerging": 39.9, "developing": 59.9, "established": 79.9, "advanced": 100}

def load(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.loads(fh.readline())
    except Exception as e:
        print("not ok %s: no JSON result (%s)" % (os.path.basename(path), e))
        return None

def claim(name, cond):
    print(("ok " if cond else "not ok ") + name)

for q in ("sse-national", "sse-local"):
    paper, dk, src = (load(os.path.join(tmp, "%s-%s.json" % (q, f))) for f in ("paper", "dontknow", "sourced"))
    if not (paper and dk and src):
        continue
    claim("%s: paper everywhere is at most Developing (%.1f %s)" % (q, paper["score"], paper["level_id"]),
          ORDER.index(paper["level_id"]) <= 2 and paper["score"] < 60)
    claim("%s: weak items as don't know score no higher (%.1f <= %.1f)" % (q, dk["score"], paper["score"]),
          dk["score"] <= paper["score"] + 1e-9 and ORDER.index(dk["level_id"]) <= ORDER.index(paper["level_id"]))
    claim("%s: with sources, paper everywhere is still at most Developing (%.1f %s)" % (q, src["score"], src["level_id"]),
          ORDER.index(src["level_id"]) <= 2 and src["score"] < 60
          and any("on paper" in (p.get("cap") or {}).get("reason", "") for p in src["pillars"]))
    claim("%s: without sources the evidence gate holds the overall (%s)" % (q, (paper.get("cap") or {}).get("level_id")),
          (paper.get("cap") or {}).get("level_id") == "developing")

for path in sorted(glob.glob(os.path.join(tmp, "ex-*.json"))):
    f = os.path.basename(path)[3:-5]
    r, m = load(path), load(os.path.join(tmp, "median-%s.json" % f))
    if not (r and m):
        continue
    # not knowing is never rewarded: the median copy scores at least as high, overall and per pillar
    worse = [p["id"] for p, pm in zip(r["pillars"], m["pillars"])
             if p["score"] is not None and (pm["score"] is None or pm["score"] < p["score"] - 0.05)]
    claim("%s: unknowns at the median never lower a score (overall %.1f -> %.1f%s)"
          % (f, r["score"], m["score"], "; lower: " + ", ".join(worse) if worse else ""),
          m["score"] >= r["score"] - 0.05 and not worse)
    # caps hold scores, and pillar scores bound the overall
    over = [p["id"] for p in r["pillars"] if p.get("cap") and p["score"] is not None
            and p["score"] > TOP[p["cap"]["level_id"]] + 0.05]
    w = sum(p["weight"] for p in r["pillars"] if p["weight"] > 0)
    mean = sum(p["weight"] * (50 if p["score"] is None else p["score"]) for p in r["pillars"] if p["weight"] > 0) / w
    claim("%s: capped pillars are held within their level and the overall (%.1f) is at most the pillars' mean (%.1f)%s"
          % (f, r["score"], mean, "; over: " + ", ".join(over) if over else ""),
          not over and r["score"] <= mean + 0.05)
PY
tap_claims "$RK_TMP/claims.txt"

# Only sourced answers count: the same thin file, with and without sources.
cat >"$RK_TMP/nosource.yaml" <<'EOF2'
questionnaire: sse-national
version: 2.0.0
subject: Unsourced
answers:
  strategy: "4"
  strategy_budget_spent: half_or_more
  lead_body: "yes"
  lead_body_staff: 25
  horizontal_coordination: "4"
  vertical_coordination: "4"
  officials_capacity: regular
  development_plan: "4"
  sdg_vnr: "yes"
  policy_monitoring: "yes"
  outcome_evaluation: outcomes
EOF2
sed 's/^\(  [a-z_]*\): \(.*\)$/\1: {value: \2, source: "https:\/\/example.org"}/' "$RK_TMP/nosource.yaml" >"$RK_TMP/sourced-thin.yaml"
run "$RK_BIN" score -q questionnaires/sse-national.yaml "$RK_TMP/nosource.yaml"
expect_contains "an unsourced pillar is held at Developing" "$out" \
    "Institutional framework and strategy                     59.9  Developing  (at most Developing: Only 0% of this pillar's weight is answered with a source"
run "$RK_BIN" score -q questionnaires/sse-national.yaml "$RK_TMP/sourced-thin.yaml"
expect_contains "the same pillar with sources is not held" "$out" "Institutional framework and strategy                    100.0  Advanced"

done_testing
