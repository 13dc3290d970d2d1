"""sse_refcheck.py TABLE FILE...: check the citations of the SSE questionnaires and
rules against the table of references (questionnaires/references/references.yaml).

Prints one line per file, "ok FILE" or "not ok FILE: problem; problem", and exits 1
when any file fails. Checks:
  * no lettered sub-paragraph ("para. 1(a)", "par. 1(b)", "block 1(d)"...);
  * every document symbol (A/RES/n/n, OECD/LEGAL/n, C/yyyy/n, COM(yyyy) n, Rnnn) is
    the symbol of a table entry, and every numbered part cited (para., block, topic,
    in the three languages) is a part the table lists for that text;
  * in a questionnaire, each item (between semicolons) of the "Source:" of a help
    text names a text of the table in the language of that help text; in a rule file, every citation in parentheses
    at the end of a message names one.
"""
import re
import sys

import yaml

LANG_SOURCE = {"en": "Source:", "fr": "Source :", "es": "Fuente:"}
SYMBOL = re.compile(r"A/RES/\d+/\d+|OECD/LEGAL/\d+|C/\d{4}/\d+|COM\(\d{4}\) \d+|\bR\d{3}\b")
LETTERED = re.compile(r"\b(?:para|par|párr|block|blocks|volet|volets|componente|componentes)\.? ?\d+ ?\([a-z]\)")


def strings(node, lang=None):
    """Yield (language or None, text) for every string of a YAML tree."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from strings(v, k if k in LANG_SOURCE else lang)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v, lang)
    elif isinstance(node, str):
        yield lang, node


def lua_strings(text):
    for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', text):
        yield None, m.group(1)


def load_table(path):
    refs = yaml.safe_load(open(path, encoding="utf-8"))["references"]
    names = {lang: [] for lang in LANG_SOURCE}
    symbols, parts = {}, []
    keys = set()
    for r in refs:
        assert r["key"] not in keys, "duplicate key " + r["key"]
        keys.add(r["key"])
        for lang in LANG_SOURCE:
            assert r["title"].get(lang), r["key"] + ": no title in " + lang
            names[lang] += r["names"][lang]
        if r.get("symbol"):
            symbols[r["symbol"]] = r
        for kind, p in (r.get("parts") or {}).items():
            for lang in LANG_SOURCE:
                parts.append((r, p[lang], set(p["numbers"])))
    return names, symbols, parts


def check_text(lang, s, names, symbols, parts, problems, is_lua):
    for m in LETTERED.finditer(s):
        problems.append("lettered sub-paragraph %r" % m.group(0))
    for m in SYMBOL.finditer(s):
        if m.group(0) not in symbols:
            problems.append("symbol %r is not in the table" % m.group(0))
    # numbered parts: "<name of the text>[,] <word>[s] N[ (...)][ and|et|y N]"
    for r, word, numbers in parts:
        for name in set(sum(r["names"].values(), [])):
            pat = re.escape(name) + r"[^;]{0,40}?\b" + re.escape(word) + r"s? ?(\d+)((?: \([^()]*\))?(?:,| and| et| y) (\d+))?"
            for m in re.finditer(pat, s):
                for n in (m.group(1), m.group(3)):
                    if n and int(n) not in numbers:
                        problems.append("%s %s %s is not a part of %s" % (name, word, n, r["key"]))
    all_names = [n for lang_names in names.values() for n in lang_names]
    if lang in LANG_SOURCE and LANG_SOURCE[lang] in s:
        for cited in re.split(r" ?; ", s.split(LANG_SOURCE[lang], 1)[1]):
            if not any(n in cited for n in names[lang]):
                problems.append("%s names no text of the table: %r" % (LANG_SOURCE[lang], cited[:80]))
    if is_lua and len(s) > 80:
        m = re.search(r"\(((?:[^()]|\([^()]*\))*)\)\.?$", s)
        if m and not any(n in m.group(1) for n in all_names) and re.search(r"OECD|OCDE|ILO|OIT|UN\b|ONU|EU\b|UE\b|Guide|Guía|Recommendation|Recomendación|Recommandation", m.group(1)):
            problems.append("citation names no text of the table: %r" % m.group(1)[:80])


def main():
    names, symbols, parts = load_table(sys.argv[1])
    failed = False
    for path in sys.argv[2:]:
        text = open(path, encoding="utf-8").read()
        problems = []
        is_lua = path.endswith(".lua")
        if is_lua:
            items = lua_strings(text)
        elif path.endswith((".yaml", ".yml")):
            items = strings(yaml.safe_load(text))
            items = list(items) + [(None, line) for line in text.splitlines() if line.lstrip().startswith("#")]
        else:
            items = [(None, text)]
        for lang, s in items:
            check_text(lang, s, names, symbols, parts, problems, is_lua)
        if problems:
            failed = True
            print("not ok %s: %s" % (path, "; ".join(sorted(set(problems)))[:2000]))
        else:
            print("ok %s" % path)
    sys.exit(1 if failed else 0)


main()
