"""sse_gaming.py QUESTIONNAIRE OUTDIR: write the two invented "gaming" answers files
of issue 12 for an SSE questionnaire, from its questions (new questions included):

  paper.yaml      every scale answered "2 - adopted on paper" (a scale without a
                  "2" gets its second-best choice) and every yes/no "yes"; nothing
                  else answered, no note, no source;
  dontknow.yaml   the same file with its weak items (the "adopted on paper" scale
                  answers) turned into "don't know";
  sourced.yaml    paper.yaml with a (made-up) source on every answer, so that only
                  the "adopted on paper" gate, not the evidence gate, can hold it.

The rules must hold the first at Developing at most, and the second no higher than
the first (tests/cli/test_sse_policy.sh).
"""
import os
import sys

import yaml

qpath, outdir = sys.argv[1], sys.argv[2]
q = yaml.safe_load(open(qpath, encoding="utf-8"))
lists = q.get("choice_lists", {})
paper, dontknow = {}, {}
for p in q["pillars"]:
    for question in p["questions"]:
        t = question["type"]
        if t == "yes_no":
            paper[question["id"]] = dontknow[question["id"]] = "yes"
        elif t == "scale":
            ch = question["choices"]
            ch = lists[ch] if isinstance(ch, str) else ch
            values = [c["value"] for c in ch]
            if "2" in values:
                paper[question["id"]] = "2"
            else:
                paper[question["id"]] = sorted(ch, key=lambda c: c["points"])[-2]["value"]
            dontknow[question["id"]] = "dont_know"
sourced = {k: {"value": v, "source": "https://example.org/" + k} for k, v in paper.items()}
for name, answers in (("paper", paper), ("dontknow", dontknow), ("sourced", sourced)):
    doc = {"questionnaire": q["id"], "version": q["version"], "subject": "Invented " + name,
           "language": "en", "answers": answers}
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    text = text.replace("'dont_know'", "dont_know")   # the plain scalar means "don't know"
    with open(os.path.join(outdir, name + ".yaml"), "w", encoding="utf-8") as f:
        f.write(text)
