/* Unit tests for the questionnaire loader: the model it builds, texts,
   warnings, rules paths, memory failures. Errors: test_questionnaire_errors.c;
   the data-driven corpus: test_questionnaire_corpus.c. */
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

static void tiny_loads(void **state)
{
    (void)state;
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    assert_int_equal(rk_questionnaire_load("questionnaires/tiny.yaml", &q, &d), RK_OK);
    assert_string_equal(q->id, "tiny");
    assert_int_equal(q->n_pillars, 2);
    assert_int_equal(q->n_questions, 5);
    assert_int_equal(q->n_languages, 2);
    assert_string_equal(q->languages[1], "fr");
    assert_int_equal(q->n_levels, 3);
    assert_string_equal(q->levels[1].id, "emerging");
    assert_true(q->max_points == 7.0);
    assert_int_equal(d.n_warnings, 0);
    const RkQuestion *qn = rk_questionnaire_find(q, "law_stage");
    assert_non_null(qn);
    assert_int_equal(qn->type, RK_Q_CHOICE);
    assert_int_equal(qn->n_choices, 3);
    assert_true(qn->max_points == 2.0);
    assert_string_equal(qn->when, "answer.has_law == 'yes'");
    assert_ptr_equal(q->questions[qn->index], qn);
    assert_ptr_equal(&q->pillars[0].questions[1], qn);
    assert_string_equal(rk_text_get(&rk_question_find_choice(qn, "draft")->label, "fr", "en"),
                        "En projet");
    assert_null(rk_question_find_choice(qn, "nope"));
    assert_null(rk_questionnaire_find(q, "nope"));
    assert_non_null(rk_questionnaire_find_pillar(q, "money"));
    assert_true(rk_questionnaire_find_pillar(q, "money")->weight == 2.0);
    assert_int_equal(rk_questionnaire_find_pillar(q, "money")->n_questions, 3);
    assert_false(rk_questionnaire_find(q, "has_procurement")->dont_know);
    assert_true(rk_questionnaire_find(q, "has_law")->evidence);
    assert_int_equal(rk_questionnaire_level_for(q, 0), 0);
    assert_int_equal(rk_questionnaire_level_for(q, 39.9), 0);
    assert_int_equal(rk_questionnaire_level_for(q, 40), 1);
    assert_int_equal(rk_questionnaire_level_for(q, 100), 2);
    assert_string_equal(rk_questionnaire_lang(q, "fr"), "fr");
    assert_string_equal(rk_questionnaire_lang(q, "fr_CA.UTF-8"), "fr");
    assert_string_equal(rk_questionnaire_lang(q, "de"), "en");
    assert_string_equal(rk_questionnaire_lang(q, NULL), "en");
    rk_questionnaire_free(q);
}

static void text_and_type_names(void **state)
{
    (void)state;
    const char *langs[] = {"en", "fr"}, *values[] = {"Hello", "Bonjour"};
    RkText t = {2, langs, values};
    assert_string_equal(rk_text_get(&t, "fr", "en"), "Bonjour");
    assert_string_equal(rk_text_get(&t, "de", "en"), "Hello");
    assert_string_equal(rk_text_get(&t, "de", "xx"), "Hello");
    assert_string_equal(rk_text_get(NULL, "de", "xx"), "");
    RkText empty = {0, NULL, NULL};
    assert_true(rk_text_empty(&empty));
    assert_false(rk_text_empty(&t));
    assert_string_equal(rk_question_type_name(RK_Q_YES_NO), "yes_no");
    assert_string_equal(rk_question_type_name(RK_Q_MULTI), "multi");
    assert_string_equal(rk_question_type_name(RK_Q_TEXT), "text");
}

static void every_type_and_its_fields(void **state)
{
    (void)state;
    RkDiag d;
    RkQuestionnaire *q = load_ok(
        ONE_PILLAR
        "      - {id: a, type: yes_no, text: A, points: {yes: 3, no: 1}, weight: 2, default: yes}\n"
        "      - id: b\n        type: multi\n        text: B\n        cap: 4\n"
        "        default: [x, z]\n        choices:\n"
        "          - {value: x, label: X, points: 2}\n          - {value: y, label: Y, points: 3}\n"
        "          - {value: z, label: Z, points: -1}\n"
        "      - id: c\n        type: number\n        text: C\n        min: 0\n        max: 100\n"
        "        integer: true\n        unit: years\n        bands: [{min: 0, points: 0}, {min: 10, points: 5}]\n"
        "        checks:\n          - {check: \"value <= answer.c + 1\", message: {en: Too big}}\n"
        "      - {id: d, type: text, text: D, required: Please say, when: \"answered('a') and not dont_know('b')\"}\n"
        "      - {id: e, type: number, text: E}\n"
        "      - {id: f, type: scale, text: F, scored: false, choices: [{value: 0, label: none}, {value: 1, label: some}]}\n",
        &d);
    const RkQuestion *a = rk_questionnaire_find(q, "a");
    assert_int_equal(a->n_choices, 2);
    assert_string_equal(a->choices[0].value, "yes");
    assert_true(a->choices[0].points == 3);
    assert_true(a->max_points == 3);
    assert_string_equal(a->default_value, "yes");
    const RkQuestion *b = rk_questionnaire_find(q, "b");
    assert_int_equal(b->multi_scoring, RK_MULTI_CAP);
    assert_true(b->max_points == 4); /* 2 + 3 capped at 4 */
    assert_int_equal(b->n_default_values, 2);
    assert_string_equal(b->default_values[1], "z");
    const RkQuestion *c = rk_questionnaire_find(q, "c");
    assert_true(c->scored && c->integer && c->has_min && c->has_max);
    assert_true(c->max == 100);
    assert_int_equal(c->n_bands, 2);
    assert_true(c->max_points == 5);
    assert_int_equal(c->n_checks, 1);
    assert_string_equal(rk_text_get(&c->unit, "en", "en"), "years");
    assert_string_equal(rk_text_get(&c->checks[0].message, "en", "en"), "Too big");
    const RkQuestion *dq = rk_questionnaire_find(q, "d");
    assert_false(dq->scored);
    assert_true(dq->required);
    assert_string_equal(rk_text_get(&dq->required_message, "en", "en"), "Please say");
    assert_false(rk_questionnaire_find(q, "e")->scored); /* number without bands */
    const RkQuestion *f = rk_questionnaire_find(q, "f");
    assert_false(f->scored);
    assert_string_equal(f->choices[1].value, "1"); /* plain 1 is the string "1" */
    assert_true(q->max_points == 2 * 3 + 4 + 5);
    rk_questionnaire_free(q);
}

static void shared_lists_and_translations(void **state)
{
    (void)state;
    RkDiag d;
    RkQuestionnaire *q = load_ok(
        "id: demo\nversion: 1\ntitle: {en: Demo, fr: Démo}\nlanguages: [en, fr]\n"
        "levels: [{min: 0, name: {en: Low, fr: Bas}}]\n"
        "choice_lists:\n  m:\n    - {value: a, label: {en: A}, points: 1}\n"
        "pillars:\n  - id: p\n    title: P\n    questions:\n"
        "      - {id: x, type: choice, text: X, choices: m}\n"
        "      - {id: y, type: scale, text: {en: Y}, choices: m}\n",
        &d);
    assert_ptr_equal(rk_questionnaire_find(q, "x")->choices, rk_questionnaire_find(q, "y")->choices);
    assert_string_equal(q->levels[0].id, "Low"); /* id defaults to the fallback name */
    /* Missing French: warnings, not errors. */
    assert_int_equal(d.n_warnings, 2);
    assert_non_null(strstr(d.warnings, ":8:25: warning: "));
    assert_non_null(strstr(d.warnings, "has no 'fr' translation"));
    rk_questionnaire_free(q);
}

static void warnings_do_not_fail(void **state)
{
    (void)state;
    RkDiag d;
    RkQuestionnaire *q = load_ok(
        "choice_lists:\n  spare: [{value: a, label: A, points: 1}]\n" ONE_PILLAR
        "      - {id: a, type: yes_no, text: A, points: {yes: 0, no: 0}}\n", &d);
    assert_int_equal(d.n_warnings, 2);
    assert_non_null(strstr(d.warnings, ":2:3: warning: choice list 'spare' is not used"));
    assert_non_null(strstr(d.warnings, ":13:9: warning: question 'a' is scored but no answer"));
    rk_questionnaire_free(q);
}

static void rules_resolved_and_required(void **state)
{
    (void)state;
    RkDiag d;
    rk_diag_init(&d);
    FILE *f = fopen("/tmp/rk_q_rules.lua", "w");
    assert_non_null(f);
    fputs("return {}\n", f);
    fclose(f);
    RkQuestionnaire *q = load_ok("rules: rk_q_rules.lua\n" ONE_PILLAR
                                 "      - {id: a, type: yes_no, text: A}\n", &d);
    assert_string_equal(q->rules, "/tmp/rk_q_rules.lua");
    rk_questionnaire_free(q);
    unlink("/tmp/rk_q_rules.lua");
    const char *e = load_bad("rules: rk_q_none.lua\n" ONE_PILLAR
                             "      - {id: a, type: yes_no, text: A}\n");
    expect_error(e, 1, 8, "rules file 'rk_q_none.lua' not found");
}

static void unreadable_and_non_utf8(void **state)
{
    (void)state;
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    assert_int_equal(rk_questionnaire_load("/nonexistent/q.yaml", &q, &d), RK_ENOINPUT);
    assert_null(q);
    rk_diag_init(&d);
    assert_int_equal(rk_questionnaire_load("tests/cases/bad-questionnaires/non-utf8.yaml", &q, &d),
                     RK_EDATA);
    assert_non_null(strstr(d.message, "UTF-8"));
}

static void readme_example_loads(void **state)
{
    (void)state;
    /* The first ```yaml block of questionnaires/README.md is a complete example. */
    FILE *f = fopen("questionnaires/README.md", "r");
    assert_non_null(f);
    static char doc[8192];
    char line[512];
    size_t n = 0;
    int inside = 0;
    while (fgets(line, sizeof line, f) && inside < 2) {
        if (strncmp(line, "```", 3) == 0) {
            inside += inside || strncmp(line, "```yaml", 7) == 0;
            continue;
        }
        if (inside == 1 && n + strlen(line) < sizeof doc) {
            strcpy(doc + n, line);
            n += strlen(line);
        }
    }
    fclose(f);
    assert_true(n > 0);
    RkDiag d;
    RkQuestionnaire *q = load_ok(doc, &d);
    assert_string_equal(q->id, "city-sse");
    assert_int_equal(d.n_warnings, 0);
    assert_true(q->max_points == 8);
    rk_questionnaire_free(q);
}

static void parse_from_memory(void **state)
{
    (void)state;
    const char *text = ONE_PILLAR "      - {id: a, type: yes_no, text: A}\n";
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    assert_int_equal(rk_questionnaire_parse(text, strlen(text), "mem/x.yaml", &q, &d), RK_OK);
    assert_string_equal(q->path, "mem/x.yaml");
    assert_int_equal(q->n_questions, 1);
    rk_questionnaire_free(q);
    rk_diag_init(&d);
    assert_int_equal(rk_questionnaire_parse("- [", 3, "mem/y.yaml", &q, &d), RK_EDATA);
    assert_null(q);
    assert_string_equal(d.file, "mem/y.yaml");
}

static void out_of_memory_is_clean(void **state)
{
    (void)state;
    /* Fail each allocation in turn until a load needs fewer: never a crash
       or a leak; an injected failure always fails the load as an internal
       error (never as bad data, no model comes back), and a load that
       injected none succeeds. */
    size_t injected = 0, n;
    for (n = 1; n < 5000; n++) {
        RkDiag d;
        rk_diag_init(&d);
        RkQuestionnaire *q = NULL;
        rk_arena_fail_after(n);
        RkStatus s = rk_questionnaire_load("questionnaires/tiny.yaml", &q, &d);
        size_t left = rk_arena_fail_after(0);
        if (left > 0) {
            assert_int_equal(s, RK_OK);
            assert_non_null(q);
            rk_questionnaire_free(q);
            break;
        }
        injected++;
        if (s != RK_EINTERNAL)
            fail_msg("allocation %zu failed: status %d (%s)", n, s, d.message);
        if (q)
            fail_msg("allocation %zu failed, yet the load returned a model", n);
    }
    assert_true(injected >= 50); /* tiny.yaml takes well over 50 allocations */
    assert_int_equal(injected, n - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tiny_loads),
        cmocka_unit_test(text_and_type_names),
        cmocka_unit_test(every_type_and_its_fields),
        cmocka_unit_test(shared_lists_and_translations),
        cmocka_unit_test(warnings_do_not_fail),
        cmocka_unit_test(rules_resolved_and_required),
        cmocka_unit_test(unreadable_and_non_utf8),
        cmocka_unit_test(readme_example_loads),
        cmocka_unit_test(parse_from_memory),
        cmocka_unit_test(out_of_memory_is_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
