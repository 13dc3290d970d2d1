#!/bin/sh
# sensitivity.sh [BUILD_DIR]: how the ranking of the shipped national SSE examples
# depends on the pillar weights of sse-national. Each pillar weight is multiplied
# by 0.5 and by 1.5 in turn (a --rules file sets it; nothing else changes), every
# example is scored, and the ranking is compared with the ranking at the
# questionnaire's own weights. Prints one line per variation, then a summary.
# A report, not a test: tests/cli/test_sse_sensitivity.sh checks that it runs.
set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
rk=${RK_BIN:-$top/$build/readykit}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$top"
files=$(grep -l '^questionnaire: sse-national' questionnaires/examples/*.yaml)
pillars=$(sed -n '/^pillars:/,$s/^  - id: \([a-z_]*\)$/\1/p' questionnaires/sse-national.yaml)

"$rk" score --format json $files >"$work/base.jsonl"
for p in $pillars; do
    for f in 0.5 1.5; do
        printf 'return {pillar = function (p) if p.id == "%s" then return {weight = p.weight * %s} end end}\n' \
            "$p" "$f" >"$work/w.lua"
        "$rk" score --format json --rules "$work/w.lua" $files >"$work/$p-$f.jsonl"
    done
done

/usr/bin/python3 - "$work" $pillars <<'PY'
import json, os, sys
work, pillars = sys.argv[1], sys.argv[2:]

def load(name):
    with open(os.path.join(work, name), encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {r["subject"]: (r["score"], r["level_id"]) for r in rows}

def ranking(res):
    return sorted(res, key=lambda s: -res[s][0])

base = load("base.jsonl")
order = ranking(base)
print("sse-national: ranking at the questionnaire's weights")
for i, s in enumerate(order, 1):
    print("  %d. %-16s %5.1f %s" % (i, s, base[s][0], base[s][1]))
print()
print("%-32s %-6s %-8s %-10s %s" % ("pillar", "weight", "max move", "levels", "ranking changes (pairs that swap)"))
changed = 0
total = 0
for p in pillars:
    for f in ("0.5", "1.5"):
        res = load("%s-%s.jsonl" % (p, f))
        total += 1
        new = ranking(res)
        swaps = [(a, b) for i, a in enumerate(order) for b in order[i + 1:]
                 if new.index(a) > new.index(b)]
        move = max(abs(res[s][0] - base[s][0]) for s in base)
        levels = sum(1 for s in base if res[s][1] != base[s][1])
        if swaps:
            changed += 1
        print("%-32s x%-5s %6.1f   %-10s %s" % (p, f, move, "%d change" % levels,
              "; ".join("%s/%s" % (a, b) for a, b in swaps) or "none"))
print()
print("%d of %d weight variations (each pillar x0.5 and x1.5) change the ranking of %d examples."
      % (changed, total, len(base)))
PY
