#!/usr/bin/python3
"""gen_corpus.py QUESTIONNAIRE N OUTDIR [--seed S] [--broken K]

Write N answers files for QUESTIONNAIRE (readykit's format) into OUTDIR as
answers_00000.yaml ...: deterministic for a seed, shaped like the shipped
examples (most questions answered, a few "don't know", about one answer in
ten with an evidence note and a source; numbers inside their bounds), about
1.7 KB each. --broken K makes K of them unscorable (an unknown choice), for
tests of batches with failures. Needs python3-yaml."""
import argparse
import os
import random

import yaml

ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
ap.add_argument("questionnaire")
ap.add_argument("n", type=int)
ap.add_argument("outdir")
ap.add_argument("--seed", type=int, default=7)
ap.add_argument("--broken", type=int, default=0)
args = ap.parse_args()

with open(args.questionnaire, encoding="utf-8") as f:
    q = yaml.safe_load(f)
lists = q.get("choice_lists") or {}
WORDS = ("law decree budget network cooperative mutual fund survey ministry region "
         "registry census programme plan report council union bank grant loan").split()
NUMBERS = {"law_year": (1990, 2025), "population": (200000, 90000000),
           "org_count": (50, 60000), "sse_jobs": (500, 900000)}


def choices(qu):
    c = qu.get("choices")
    if isinstance(c, str):
        c = lists.get(c)
    if qu.get("type") == "yes_no":
        return ["yes", "no"]
    return [str(x["value"]) for x in c or []]


def value(rng, qu):
    t = qu.get("type")
    if t == "number":
        lo, hi = NUMBERS.get(qu["id"], (qu.get("min", 0), qu.get("max", 100)))
        v = rng.uniform(lo, hi)
        return str(int(v)) if qu.get("integer") or qu["id"] in NUMBERS else f"{v:.1f}"
    if t == "text":
        return '"' + " ".join(rng.choice(WORDS) for _ in range(6)) + '"'
    cs = choices(qu)
    if t == "multi":
        picked = sorted(rng.sample(cs, rng.randint(1, len(cs))), key=cs.index)
        return "[" + ", ".join(f'"{c}"' for c in picked) + "]"
    return f'"{rng.choice(cs)}"'


os.makedirs(args.outdir, exist_ok=True)
rng = random.Random(args.seed)
broken = set(rng.sample(range(args.n), min(args.broken, args.n)))
for i in range(args.n):
    out = [f"questionnaire: {q['id']}", f"version: {q['version']}",
           f"subject: Respondent {i:05d}", "respondent: readykit benchmark corpus",
           "date: 2026-11-23", f"language: {rng.choice(q['languages'])}", "answers:"]
    for p in q["pillars"]:
        for qu in p["questions"]:
            r = rng.random()
            if r < 0.3 and not qu.get("required"):
                continue
            if r < 0.36 and qu.get("dont_know", True) and not qu.get("required"):
                out.append(f"  {qu['id']}: dont_know")
                continue
            v = value(rng, qu)
            if i in broken and qu.get("type") in ("scale", "yes_no", "choice"):
                v, _ = '"no_such_choice"', broken.discard(i)
            if rng.random() < 0.1:
                note = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
                out += [f"  {qu['id']}:", f"    value: {v}",
                        f"    note: \"{note.capitalize()}.\"",
                        f"    source: \"https://example.org/{p['id']}/{qu['id']}/{i}\""]
            else:
                out.append(f"  {qu['id']}: {v}")
    with open(os.path.join(args.outdir, f"answers_{i:05d}.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
