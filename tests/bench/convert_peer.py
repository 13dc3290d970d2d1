#!/usr/bin/python3
"""Turn the Python peer's example questionnaire and answers files into
readykit's formats, so both tools score the same content in one benchmark.

  convert_peer.py questionnaire PEER_Q.yaml OUT.yaml
  convert_peer.py answers DIR_IN DIR_OUT
"""
import os
import sys

import yaml


def questionnaire(src, dst):
    q = yaml.safe_load(open(src, encoding="utf-8"))
    out = {
        "id": "peer",
        "version": "1.0.0",
        "title": q["title"],
        "languages": ["fr"],
        "levels": [{"min": lv["min"], "name": lv["label"]} for lv in q["levels"]],
        "pillars": [],
    }
    for p in q["pillars"]:
        qs = []
        for qu in p["questions"]:
            qs.append({
                "id": qu["id"],
                "type": "choice",
                "text": qu["text"],
                "weight": qu["weight"],
                "choices": [{"value": c["id"], "label": c["label"], "points": c["points"]}
                            for c in qu["choices"]],
            })
        out["pillars"].append({"id": p["id"], "title": p["name"], "questions": qs})
    with open(dst, "w", encoding="utf-8") as f:
        yaml.safe_dump(out, f, allow_unicode=True, sort_keys=False)


def answers(src_dir, dst_dir):
    os.makedirs(dst_dir, exist_ok=True)
    for name in sorted(os.listdir(src_dir)):
        if not name.endswith((".yaml", ".yml")):
            continue
        a = yaml.safe_load(open(os.path.join(src_dir, name), encoding="utf-8"))
        out = {"questionnaire": "peer", "subject": a.get("respondent", ""),
               "answers": a.get("answers") or {}}
        with open(os.path.join(dst_dir, name), "w", encoding="utf-8") as f:
            yaml.safe_dump(out, f, allow_unicode=True, sort_keys=False)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "questionnaire":
        questionnaire(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "answers":
        answers(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
