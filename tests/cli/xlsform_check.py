#!/usr/bin/python3
"""Check an XLSForm workbook against the rules of the XLSForm specification
that a form server (pyxform, KoboToolbox, ODK Central) enforces, reading it
with openpyxl. Prints one "ok NAME" / "not ok NAME: why" line per rule, for
tap_claims in lib.sh.

usage: xlsform_check.py FORM.xlsx FORM_ID VERSION N_QUESTIONS LANG...
"""
import re
import sys

import openpyxl

NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
REF = re.compile(r"\$\{([^}]*)\}")
PLAIN = {"text", "integer", "decimal", "start", "end", "note", "begin group", "end group"}
LANG_NAME = {"en": "English", "fr": "Français", "es": "Español"}


def rows(ws):
    head = [c.value for c in ws[1]]
    return head, [dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)
                  if any(v is not None for v in r)]


def main():
    path, form_id, version, n_questions = sys.argv[1:5]
    langs = sys.argv[5:]
    wb = openpyxl.load_workbook(path)
    claims = []

    def claim(name, problems):
        problems = [p for p in problems if p]
        claims.append(("ok " + name) if not problems else
                      "not ok %s: %s" % (name, "; ".join(problems[:5])))

    claim("sheets survey, choices, settings",
          ["missing sheet " + s for s in ("survey", "choices", "settings") if s not in wb.sheetnames])
    shead, survey = rows(wb["survey"])
    chead, choices = rows(wb["choices"])
    sethead, settings = rows(wb["settings"])
    cols = ["label::%s (%s)" % (LANG_NAME.get(l, l), l) for l in langs]
    claim("a label column per language in survey and choices",
          ["no column %s in %s" % (c, sheet) for c in cols
           for sheet, head in (("survey", shead), ("choices", chead)) if c not in head])
    lists = {}
    for c in choices:
        lists.setdefault(c["list_name"], []).append(c)
    bad_types, bad_lists, names, depth, problems = [], [], [], 0, []
    questions = 0
    for r in survey:
        t, n = r.get("type") or "", r.get("name") or ""
        parts = t.split()
        if t in ("begin group",):
            depth += 1
        elif t == "end group":
            depth -= 1
            problems.append("end group without begin" if depth < 0 else None)
            continue
        if parts and parts[0] in ("select_one", "select_multiple") and len(parts) == 2:
            questions += 1
            if parts[1] not in lists:
                bad_lists.append("%s: list %s not in choices" % (n, parts[1]))
        elif t in PLAIN:
            questions += t in ("text", "integer", "decimal") and not re.search(
                r"_(note|source)$", n) and n != "respondent"
        else:
            bad_types.append("%s: type %r" % (n, t))
        names.append(n)
        if t not in ("start", "end", "end group"):
            problems.extend("%s: empty %s" % (n, c) for c in cols if not r.get(c))
    claim("every type is an XLSForm type", bad_types)
    claim("every select's list is in choices", bad_lists)
    claim("groups balanced, every row labelled in every language",
          problems + (["%d groups left open" % depth] if depth else []))
    dup = sorted({n for n in names if names.count(n) > 1})
    claim("names valid and unique", ["bad name %r" % n for n in names if not NAME.match(n)] +
          ["duplicate name %s" % n for n in dup])
    refs = ["%s: ${%s} in %s is not a field" % (r["name"], ref, col)
            for r in survey for col in ("relevant", "constraint", "calculation")
            for ref in REF.findall(r.get(col) or "") if ref not in names]
    claim("every ${name} reference names a field", refs)
    seen = [(c["list_name"], c["name"]) for c in choices]
    claim("choice names unique within their list, without spaces, labelled in every language",
          ["duplicate choice %s/%s" % k for k in set(seen) if seen.count(k) > 1] +
          ["choice name with a space: %s/%s" % k for k in seen if " " in str(k[1])] +
          ["%s/%s: empty %s" % (c["list_name"], c["name"], col)
           for c in choices for col in cols if not c.get(col)])
    s = settings[0] if settings else {}
    default = "%s (%s)" % (LANG_NAME.get(langs[0], langs[0]), langs[0])
    claim("settings: form_id, version, default_language, form_title",
          [None if s.get("form_id") == form_id else "form_id %r" % s.get("form_id"),
           None if str(s.get("version")) == version else "version %r" % s.get("version"),
           None if s.get("default_language") == default else
           "default_language %r" % s.get("default_language"),
           None if s.get("form_title") else "no form_title"])
    claim("%s questions" % n_questions,
          [None if questions == int(n_questions) else "found %d" % questions])
    print("\n".join(claims))


if __name__ == "__main__":
    main()
