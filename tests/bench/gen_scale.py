#!/usr/bin/python3
"""gen_scale.py KIND N OUT: write one YAML file that is large in the way
KIND says, for the linear-time loading checks (tests/cli/test_scale.sh,
tests/cases/scale/) and the measures in the scale issue. Standard library
only; deterministic.

  questionnaire  a questionnaire "scale" with N yes_no questions in 2 pillars
  answers        answers to it (every question answered)
  merge-answers  the same answers, the map given as a merge of N/1000
                 inline maps ("<<: [{...}, {...}, ...]") plus N/2 own keys
                 that the merged maps set too (the own ones win)
  merge-alias    a questionnaire whose first question (anchored &base) has N
                 extra keys k0.., and whose second merges it ("<<: *base")
                 beside N own extra keys j0..: the loader reports the
                 unknown keys (exit 65) after the merge
  anchor-lists   a questionnaire with two unknown top keys (exit 65): a list
                 of N anchored scalars (&aK), then a list of N/2 aliases to
                 the oldest half, oldest first (under the cap of 100000
                 nodes reached through aliases when N < 200000): YAML work
  merge-tiny     answers to questionnaires/tiny.yaml whose answers map
                 merges N/1000 inline maps of N unknown ids plus N/2 own ones
                 (exit 65: unknown questions)
  choice-lists   a questionnaire of N choice lists and N choice questions,
                 question K using list K (valid)
  choices        a questionnaire with one choice question of N choices (valid)
  pillars        a questionnaire of N pillars of one question each (valid)
  retired        a questionnaire "scale" of one question retiring N old ids
                 (valid)
  retired-answers  answers to questionnaires/tiny.yaml keeping N answers to
                 retired questions (valid)
  multi-answers  answers with one multi answer of N choices, the first one
                 chosen twice at the end (exit 65), and beside them (same
                 folder, found by readykit) the questionnaire scalemulti.yaml
                 of one multi question of N choices
  anchors        a questionnaire of 2*N questions: the first N anchor their
                 text (&tK), the last N use it (*tK), oldest anchor first
"""
import os
import sys


def header(out, qid):
    out.write("id: %s\nversion: 1.0.0\ntitle: Scale\nlevels:\n"
              "  - {min: 0, name: Low}\n  - {min: 50, name: High}\n" % qid)


def questionnaire(out, n):
    header(out, "scale")
    out.write("pillars:\n")
    half = n // 2
    for p, (lo, hi) in enumerate(((0, half), (half, n))):
        out.write("  - id: p%d\n    title: Pillar %d\n    questions:\n" % (p, p))
        for i in range(lo, hi):
            out.write("      - {id: q%d, type: yes_no, text: Question %d}\n" % (i, i))


def answers_head(out, qid="scale"):
    out.write("questionnaire: %s\nversion: 1.0.0\nsubject: Scaleland\n"
              "date: 2026-12-03\nlanguage: en\n" % qid)


def answers(out, n):
    answers_head(out)
    out.write("answers:\n")
    for i in range(n):
        out.write("  q%d: %s\n" % (i, "yes" if i % 3 else "no"))


def merge_answers(out, n, qid="scale"):
    answers_head(out, qid)
    out.write("answers:\n  <<:\n")
    step = 1000
    for lo in range(0, n, step):
        out.write("    - {%s}\n" % ", ".join(
            "q%d: no" % i for i in range(lo, min(n, lo + step))))
    for i in range(0, n, 2):
        out.write("  q%d: yes\n" % i)


def merge_alias(out, n):
    header(out, "scale")
    out.write("pillars:\n  - id: p0\n    title: Pillar\n    questions:\n"
              "      - &base {id: q0, type: yes_no, text: Q, %s}\n" %
              ", ".join("k%d: x" % i for i in range(n)))
    out.write("      - {<<: *base, id: q1, %s}\n" % ", ".join("j%d: x" % i for i in range(n)))


def anchors(out, n):
    header(out, "scale")
    out.write("pillars:\n  - id: p0\n    title: Defined\n    questions:\n")
    for i in range(n):
        out.write("      - {id: a%d, type: yes_no, text: &t%d Question %d}\n" % (i, i, i))
    out.write("  - id: p1\n    title: Used\n    questions:\n")
    for i in range(n):
        out.write("      - {id: b%d, type: yes_no, text: *t%d}\n" % (i, i))


def merge_tiny(out, n):
    merge_answers(out, n, "tiny")


def anchor_lists(out, n):
    header(out, "scale")
    out.write("pillars:\n  - id: p0\n    title: Pillar\n    questions:\n"
              "      - {id: q0, type: yes_no, text: Q}\n")
    out.write("anchors: [%s]\n" % ", ".join("&a%d v%d" % (i, i) for i in range(n)))
    out.write("aliases: [%s]\n" % ", ".join("*a%d" % i for i in range(n // 2)))


def choice_lists(out, n):
    header(out, "scale")
    out.write("choice_lists:\n")
    for i in range(n):
        out.write("  l%d: [{value: a, label: A, points: 1}]\n" % i)
    out.write("pillars:\n  - id: p0\n    title: Pillar\n    questions:\n")
    for i in range(n):
        out.write("      - {id: q%d, type: choice, text: Q, choices: l%d}\n" % (i, i))


def choices(out, n):
    header(out, "scale")
    out.write("pillars:\n  - id: p0\n    title: Pillar\n    questions:\n"
              "      - id: q0\n        type: choice\n        text: Q\n        choices:\n")
    for i in range(n):
        out.write("          - {value: c%d, label: C, points: %d}\n" % (i, i % 3))


def pillars(out, n):
    header(out, "scale")
    out.write("pillars:\n")
    for i in range(n):
        out.write("  - {id: p%d, title: P, questions: [{id: q%d, type: yes_no, text: Q}]}\n"
                  % (i, i))


def retired(out, n):
    header(out, "scale")
    out.write("pillars:\n  - id: p0\n    title: Pillar\n    questions:\n"
              "      - {id: q0, type: yes_no, text: Q}\n")
    out.write("retired: [%s]\n" % ", ".join("old%d" % i for i in range(n)))


def retired_answers(out, n):
    answers_head(out, "tiny")
    out.write("answers:\n  has_law: yes\nretired:\n")
    for i in range(n):
        out.write("  old%d: yes\n" % i)


def multi_answers(out, n):
    folder = os.path.dirname(os.path.abspath(out.name))
    with open(os.path.join(folder, "scalemulti.yaml"), "w", encoding="utf-8") as q:
        header(q, "scalemulti")
        q.write("pillars:\n  - id: p0\n    title: Pillar\n    questions:\n"
                "      - id: q0\n        type: multi\n        text: Q\n        choices:\n")
        for i in range(n):
            q.write("          - {value: c%d, label: C, points: 1}\n" % i)
    answers_head(out, "scalemulti")
    out.write("answers:\n  q0: [%s, c0]\n" % ", ".join("c%d" % i for i in range(n)))


KINDS = {"multi-answers": multi_answers, "retired": retired, "retired-answers": retired_answers, "choice-lists": choice_lists, "choices": choices, "pillars": pillars, "anchor-lists": anchor_lists, "merge-tiny": merge_tiny, "questionnaire": questionnaire, "answers": answers,
         "merge-answers": merge_answers, "merge-alias": merge_alias,
         "anchors": anchors}

if len(sys.argv) != 4 or sys.argv[1] not in KINDS:
    sys.exit(__doc__)
with open(sys.argv[3], "w", encoding="utf-8") as f:
    KINDS[sys.argv[1]](f, int(sys.argv[2]))
