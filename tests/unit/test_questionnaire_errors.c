/* Unit tests for the questionnaire loader's errors: one test per class, each
   checking the position and the message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "qtest.h"

static void unknown_keys_suggest(void **state)
{
    (void)state;
    const char *e = load_bad(ONE_PILLAR "      - {id: a, type: yes_no, txet: A, text: A}\n");
    expect_error(e, 11, 31, "unknown key 'txet' in question (did you mean 'text'?)");
    e = load_bad(ONE_PILLAR "      - {id: a, type: yes_no, text: A, zzz: 1}\n");
    expect_error(e, 11, 40, "expected one of: id, type, text");
}

static void other_formats_keys_suggest_ours(void **state)
{
    (void)state;
    const char *e = load_bad(ONE_PILLAR
        "      - {id: a, type: yes_no, text: A, hint: H, relevant: \"true\"}\n"
        "      - {id: b, type: choice, text: B, options: [{value: x, label: X, points: 1}]}\n");
    expect_error(e, 11, 40, "unknown key 'hint' in question (did you mean 'help'?)");
    expect_error(e, 11, 49, "unknown key 'relevant' in question (did you mean 'when'?)");
    expect_error(e, 12, 40, "unknown key 'options' in question (did you mean 'choices'?)");
}

static void duplicate_ids(void **state)
{
    (void)state;
    const char *e = load_bad(ONE_PILLAR "      - {id: a, type: yes_no, text: A}\n"
                                        "      - {id: a, type: yes_no, text: B}\n");
    expect_error(e, 12, 14, "duplicate question id 'a' (first at line 11)");
}

static void wrong_types_and_shapes(void **state)
{
    (void)state;
    const char *e = load_bad(ONE_PILLAR "      - {id: a, type: yes_no, text: A, weight: [1]}\n"
                                        "      - {id: b, type: yes_no, text: [B]}\n"
                                        "      - 42\n");
    expect_error(e, 11, 48, "expected a number for 'weight'");
    expect_error(e, 12, 37, "expected a text");
    expect_error(e, 13, 9, "expected a question");
    e = load_bad("[1, 2]\n");
    expect_error(e, 1, 1, "expected the questionnaire to be a map");
    e = load_bad("");
    expect_error(e, 1, 1, "empty file");
    e = load_bad(HEAD "pillars: {a: 1}\n");
    expect_error(e, 7, 10, "expected 'pillars' to be a list");
}

static void missing_fields(void **state)
{
    (void)state;
    const char *e = load_bad("id: demo\nversion: 1\n");
    expect_error(e, 1, 1, "missing required key 'title'");
    expect_error(e, 1, 1, "missing required key 'levels'");
    expect_error(e, 1, 1, "missing required key 'pillars'");
    e = load_bad(ONE_PILLAR "      - {id: a, text: A}\n");
    expect_error(e, 11, 9, "missing required key 'type' in question 'a'");
}

static void choices_need_points_when_scored(void **state)
{
    (void)state;
    const char *e = load_bad(ONE_PILLAR "      - id: a\n        type: choice\n        text: A\n"
                                        "        choices:\n          - {value: x, label: X}\n");
    expect_error(e, 15, 13, "choice 'x' of question 'a' has no points");
}

static void levels_must_increase(void **state)
{
    (void)state;
    const char *e = load_bad("id: demo\nversion: 1\ntitle: T\nlevels:\n  - {min: 0, name: A}\n"
                             "  - {min: 60, name: B}\n  - {min: 30, name: C}\n"
                             "pillars:\n  - id: p\n    title: P\n    questions:\n"
                             "      - {id: a, type: yes_no, text: A}\n");
    expect_error(e, 7, 11, "levels must be in increasing order of 'min': 30 is not above 60");
}

static void when_names_earlier_questions(void **state)
{
    (void)state;
    const char *e = load_bad(ONE_PILLAR
                             "      - {id: a, type: yes_no, text: A, when: \"answer.b == 'yes'\"}\n"
                             "      - {id: b, type: yes_no, text: B, when: \"count_selected('zz') > 0\"}\n"
                             "      - {id: c, type: yes_no, text: C, when: \"answer.a == 'yes' -- answer.q9\"}\n");
    expect_error(e, 11, 54, "refers to question 'b', which comes later (line 12)");
    expect_error(e, 12, 63, "refers to unknown question 'zz'");
    assert_null(strstr(e, "q9")); /* comments are not scanned */
}

static void expression_values_match_choices(void **state)
{
    (void)state;
    const char *e = load_bad(ONE_PILLAR
        "      - {id: s, type: choice, text: S, choices: [{value: on, label: On, points: 1}]}\n"
        "      - {id: m, type: multi, text: M, choices: [{value: x, label: X, points: 1}]}\n"
        "      - {id: n, type: number, text: N}\n"
        "      - {id: a, type: yes_no, text: A, when: \"answer.s == 'no'\"}\n"
        "      - {id: b, type: yes_no, text: B, when: \"answer.m ~= 'x'\"}\n"
        "      - {id: c, type: yes_no, text: C, when: \"selected('m', 'y')\"}\n"
        "      - {id: d, type: yes_no, text: D, when: \"answer.n == '3'\"}\n"
        "      - {id: f, type: yes_no, text: F, when: \"answer['a'] == 'dont_know'\"}\n");
    expect_error(e, 14, 60, "question 's' has no choice 'no'");
    expect_error(e, 15, 60, "is a list; use selected('m', 'x')");
    expect_error(e, 16, 62, "question 'm' has no choice 'y'");
    expect_error(e, 17, 60, "whose answer is a number");
    expect_error(e, 18, 63, "use dont_know('a')");
}

static void rules_api_references_and_unknown_names(void **state)
{
    (void)state;
    const char *e = load_bad(ONE_PILLAR
        "      - {id: a, type: yes_no, text: A}\n"
        "      - {id: b, type: yes_no, text: B, when: \"rk.answer('a') and rk.get('zz')\"}\n");
    expect_error(e, 12, 74, "refers to unknown question 'zz'");
    /* Scoring would fail on an unknown global: an error at check, with the fix. */
    e = load_bad(ONE_PILLAR
        "      - {id: a, type: yes_no, text: A}\n"
        "      - {id: b, type: yes_no, text: B, when: \"anwser.a == 'yes' and math.abs(-1) == #{k = 1}\"}\n"
        "      - {id: c, type: yes_no, text: C, when: \"answer.a == yes\"}\n"
        "      - {id: d, type: yes_no, text: D, when: \"a == 'no'\"}\n"
        "      - {id: f, type: yes_no, text: F, when: \"answer.a == maybe\"}\n");
    expect_error(e, 12, 47, "'when' of question 'b' uses 'anwser', which is not a name "
                            "expressions know (did you mean 'answer'?)");
    expect_error(e, 13, 59, "uses 'yes' as a name, but it is a choice value, which is text: "
                            "quote it, as in: answer.a == 'yes'");
    expect_error(e, 14, 47, "uses the question id 'a' as a name: read its answer as answer.a, "
                            "as in: answer.a == 'no'");
    expect_error(e, 15, 59, "a text value must be quoted: 'maybe'");
    /* Known names give no message at all. */
    RkDiag d;
    RkQuestionnaire *q = load_ok(ONE_PILLAR
        "      - {id: a, type: yes_no, text: A}\n"
        "      - {id: b, type: yes_no, text: B, when: \"answer.a == 'yes' and math.abs(-1) == #{k = 1}\"}\n",
        &d);
    assert_int_equal(d.n_warnings, 0);
    rk_questionnaire_free(q);
}

static void when_must_be_lua(void **state)
{
    (void)state;
    const char *e = load_bad(ONE_PILLAR
                             "      - {id: a, type: yes_no, text: A}\n"
                             "      - id: b\n        type: yes_no\n        text: B\n"
                             "        when: |\n          answer.a == 'yes'\n          and and\n");
    /* A literal block keeps its lines: the error is on the expression's 2nd. */
    expect_error(e, 17, 11, "'when' of question 'b' is not a valid Lua expression");
    /* On one line, the column of the token Lua names. */
    e = load_bad(ONE_PILLAR "      - {id: a, type: yes_no, text: A, when: \"answer.a = 'yes'\"}\n");
    expect_error(e, 11, 56, "')' expected near '='");
    /* Strings are compiled, never run. */
    e = load_bad(ONE_PILLAR "      - {id: a, type: yes_no, text: A, when: \"os.exit(1) +\"}\n");
    expect_error(e, 11, 59, "not a valid Lua expression"); /* at the end: incomplete */
}

static void all_errors_in_one_run(void **state)
{
    (void)state;
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    assert_int_equal(rk_questionnaire_load("tests/cases/bad-questionnaires/many-errors.yaml",
                                           &q, &d), RK_EDATA);
    assert_true(d.n_more >= 3);
    /* Sorted by position: the first one is the earliest in the file. */
    assert_int_equal(d.line, 14);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_keys_suggest),
        cmocka_unit_test(other_formats_keys_suggest_ours),
        cmocka_unit_test(duplicate_ids),
        cmocka_unit_test(wrong_types_and_shapes),
        cmocka_unit_test(missing_fields),
        cmocka_unit_test(choices_need_points_when_scored),
        cmocka_unit_test(levels_must_increase),
        cmocka_unit_test(when_names_earlier_questions),
        cmocka_unit_test(expression_values_match_choices),
        cmocka_unit_test(rules_api_references_and_unknown_names),
        cmocka_unit_test(when_must_be_lua),
        cmocka_unit_test(all_errors_in_one_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
