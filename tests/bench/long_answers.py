#!/usr/bin/python3
"""long_answers.py QUESTIONNAIRE.yaml OUT.yaml: a long assessment for the
report benchmark: every question of the questionnaire answered with its
best-but-one choice, and a note (about 250 characters) and a source URL on
every answer. Debian's python3-yaml only."""
import sys

import yaml

NOTE = ("Assessed from the public record: the law, its decrees and the latest annual "
        "report were read in full; officials of the ministry and of the national SSE "
        "network confirmed the answer in an interview in October 2026 (notes kept).")


def answer(q, i):
    t = q.get("type")
    if t == "yes_no":
        return "yes" if i % 3 else "no"
    if t in ("choice", "scale"):
        ch = q.get("choices", [])
        return ch[max(0, len(ch) - 1 - i % 2)]["value"] if ch else None
    if t == "multi":
        return [c["value"] for c in q.get("choices", [])[:2]]
    if t == "number":
        lo, hi = q.get("min", 0), q.get("max", 10 ** 7)
        return min(hi, lo + (hi - lo) // 2 if "max" in q else lo + 1000 * (i + 1))
    return "A free-text answer given in full for the benchmark."


def main(qpath, out):
    with open(qpath) as f:
        qn = yaml.safe_load(f)
    lists = qn.get("choice_lists", {})
    answers = {}
    i = 0
    for p in qn["pillars"]:
        for q in p["questions"]:
            if isinstance(q.get("choices"), str):
                q["choices"] = lists[q["choices"]]
            v = answer(q, i)
            i += 1
            if v is None:
                continue
            answers[q["id"]] = {"value": v, "note": NOTE,
                                "source": f"https://example.org/evidence/{p['id']}/{q['id']}"}
    doc = {"questionnaire": qn["id"], "version": qn.get("version"), "subject": "Longland (benchmark)",
           "respondent": "readykit benchmark", "date": "2026-11-23", "language": "en",
           "answers": answers}
    with open(out, "w") as f:
        yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False, width=1000)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
