#!/usr/bin/python3
"""Fill a survey tool's CSV export from answers files, the way KoboToolbox
or ODK Central would export the submissions of an XLSForm written by
`readykit export --xlsform`: one row per answers file, headers under the
form's group path, the tool's metadata columns, a multi both as one column
of space-separated values and (Kobo) as one 0/1 column per choice.
kobo-labels is KoboToolbox's "Labels" format: English labels for headers
and choices.

usage: consult_fill.py FORM.xlsx kobo|kobo-labels|odk OUT.csv ANSWERS.yaml...
"""
import csv
import sys

import openpyxl
import yaml


LABELS = False
CHOICE_LABEL = {}


def fields(form):
    """(header path, name, type, choices) of each field of the survey sheet."""
    wb = openpyxl.load_workbook(form)
    choices = {}
    for r in list(wb["choices"].iter_rows(values_only=True))[1:]:
        choices.setdefault(r[0], []).append(r[2] if LABELS else r[1])
        CHOICE_LABEL[(r[0], r[1])] = r[2]
    groups, out = [], []
    for r in list(wb["survey"].iter_rows(values_only=True))[1:]:
        t, n = r[0], r[1]
        if LABELS and t not in ("start", "end", "end group"):
            n = (n, r[2])
        if t == "begin group":
            groups.append(n[1] if LABELS else n)
        elif t == "end group":
            groups.pop()
        else:
            kind = t.split()
            out.append((groups[:], n, kind[0], choices.get(kind[1]) if len(kind) > 1 else None))
    return out


def cell(v):
    if v is True:
        return "yes"
    if v is False:
        return "no"
    if isinstance(v, list):
        return " ".join(cell(x) for x in v)
    return "" if v is None else str(v)


def main():
    global LABELS
    form, style, out = sys.argv[1:4]
    LABELS = style == "kobo-labels"
    style = "kobo" if LABELS else style
    sep, join = (";", "/") if style == "kobo" else (",", "-")
    flds = [f for f in fields(form) if f[2] not in ("start", "end")]
    head, rows = [], []
    for groups, name, kind, chs in flds:
        head.append(join.join(groups + [name[1] if LABELS else name]))
        if kind == "select_multiple" and style == "kobo":
            head.extend("/".join(groups + [name[1] if LABELS else name, c]) for c in chs)
    meta = (["_id", "_uuid", "_submission_time", "_validation_status", "_status", "_index"]
            if style == "kobo" else ["meta-instanceID", "KEY", "SubmitterName", "ReviewState"])
    for i, path in enumerate(sys.argv[4:], 1):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        ans = doc.get("answers") or {}
        row = []
        for groups, name, kind, chs in flds:
            if LABELS:
                name = name[0]
            base = name[:-5] if name.endswith("_note") else name[:-7] if name.endswith("_source") else None
            a = ans.get(name)
            if name == "respondent":
                v = doc.get("respondent")
            elif base and isinstance(ans.get(base), dict) and name not in ans:
                v = ans[base].get("note" if name.endswith("_note") else "source")
            else:
                v = a.get("value") if isinstance(a, dict) else a
            if LABELS and kind in ("select_one", "select_multiple") and v is not None:
                vals = v if isinstance(v, list) else [v]
                v = [CHOICE_LABEL.get((name, cell(x)), cell(x)) for x in vals]
            row.append(cell(v))
            if kind == "select_multiple" and style == "kobo":
                picked = v if isinstance(v, list) else []
                row.extend(("1" if c in picked else "0") if v is not None else "" for c in chs)
        uid = "%08d-0000-4000-8000-%012d" % (i, i)
        row += ([str(i), uid, "2026-11-%02dT10:00:00" % (i % 28 + 1), "", "submitted_via_web", str(i)]
                if style == "kobo" else ["uuid:" + uid, "uuid:" + uid, "enumerator01", ""])
        rows.append(row)
    with open(out, "w", encoding="utf-8-sig" if style == "kobo" else "utf-8", newline="") as f:
        w = csv.writer(f, delimiter=sep)
        w.writerow(head + meta)
        w.writerows(rows)


if __name__ == "__main__":
    main()
