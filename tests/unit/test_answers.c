/* Unit tests for answers.c / answers_edit.c: every answer type, errors with
   positions, don't know, evidence, and a save/load round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "readykit/answers.h"
#include "readykit/fileio.h"

#define FIXTURE "tests/unit/fixtures/answers-q.yaml"

static char tmpdir[64];

static int setup(void **state)
{
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    if (rk_questionnaire_load(FIXTURE, &q, &d) != RK_OK) {
        fprintf(stderr, "fixture: %s:%d:%d: %s\n%s", d.file, d.line, d.column, d.message, d.more);
        return -1;
    }
    *state = q;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/rk_answers_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    rk_questionnaire_free(*state);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Write text to a file in tmpdir and return its path (static buffer). */
static const char *write_file(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_file_write_atomic(path, text, strlen(text), &d), RK_OK);
    return path;
}

static const RkAnswer *get(const RkAnswers *a, const RkQuestionnaire *q, const char *id)
{
    return rk_answers_get(a, rk_questionnaire_find(q, id));
}

static void loads_every_type(void **state)
{
    const RkQuestionnaire *q = *state;
    const char *path = write_file("good.yaml",
        "questionnaire: fixture\nversion: 2.0.0\nsubject: Tinyland\nlanguage: fr\n"
        "answers:\n"
        "  yn: yes\n"
        "  sc: 2\n"
        "  ch: {value: draft, note: A bill, source: 'https://example.org/bill'}\n"
        "  mu: [grants, equity]\n"
        "  nu: 42\n"
        "  tx: 'yes, quoted'\n");
    RkDiag d;
    rk_diag_init(&d);
    RkAnswers *a = NULL;
    assert_int_equal(rk_answers_load(path, q, &a, &d), RK_OK);
    assert_string_equal(a->subject, "Tinyland");
    assert_string_equal(a->language, "fr");
    assert_string_equal(get(a, q, "yn")->value, "yes");
    assert_string_equal(get(a, q, "sc")->value, "2");
    assert_string_equal(get(a, q, "ch")->note, "A bill");
    assert_string_equal(get(a, q, "ch")->source, "https://example.org/bill");
    assert_int_equal(get(a, q, "mu")->n_values, 2);
    assert_string_equal(get(a, q, "mu")->values[1], "equity");
    assert_true(get(a, q, "nu")->number == 42.0);
    assert_string_equal(get(a, q, "tx")->value, "yes, quoted");
    assert_int_equal(get(a, q, "ch")->line, 8);
    assert_int_equal(rk_answers_count(a, RK_ANSWER_VALUE), 6);
    rk_answers_free(a);
}

/* Load text expecting RK_EDATA with an error at line:col containing frag. */
static void expect_error(const RkQuestionnaire *q, const char *text, int line, int col,
                         const char *frag)
{
    const char *path = write_file("bad.yaml", text);
    RkDiag d;
    rk_diag_init(&d);
    RkAnswers *a = NULL;
    assert_int_equal(rk_answers_load(path, q, &a, &d), RK_EDATA);
    assert_null(a);
    if (d.line != line || d.column != col || !strstr(d.message, frag))
        fail_msg("got %d:%d: %s; wanted %d:%d: ...%s...", d.line, d.column, d.message, line, col,
                 frag);
}

static void bad_values_have_positions(void **state)
{
    const RkQuestionnaire *q = *state;
    expect_error(q, "questionnaire: fixture\nanswers:\n  yn: maybe\n", 3, 7, "expects yes or no");
    expect_error(q, "questionnaire: fixture\nanswers:\n  sc: 7\n", 3, 7, "not a choice");
    expect_error(q, "questionnaire: fixture\nanswers:\n  nu: 101\n", 3, 7, "out of range");
    expect_error(q, "questionnaire: fixture\nanswers:\n  nu: 4.5\n", 3, 7, "whole number");
    expect_error(q, "questionnaire: fixture\nanswers:\n  nu: '12'\n", 3, 7, "expects a number");
    expect_error(q, "questionnaire: fixture\nanswers:\n  mu: [grants, bonds]\n", 3, 16, "bonds");
    expect_error(q, "questionnaire: fixture\nanswers:\n  mu: [loans, loans]\n", 3, 15, "twice");
    expect_error(q, "questionnaire: fixture\nanswers:\n  ch: dont_know\n", 3, 7, "don't know");
    expect_error(q, "questionnaire: fixture\nanswers:\n  yx: yes\n", 3, 3, "did you mean 'yn'");
    expect_error(q, "questionnaire: other\nanswers: {}\n", 1, 16, "not 'fixture'");
    expect_error(q, "questionnaire: fixture\nsubjet: x\n", 2, 1, "did you mean 'subject'");
    expect_error(q, "questionnaire: fixture\nanswers:\n  ch: {value: draft, nots: x}\n", 3, 22,
                 "did you mean 'note'");
    expect_error(q, "- a\n- b\n", 1, 1, "expected a map");
    expect_error(q, "questionnaire: fixture\nanswers:\n  sc: [1, 2]\n", 3, 7, "found a list");
}

static void all_errors_reported(void **state)
{
    const RkQuestionnaire *q = *state;
    const char *path = write_file("many.yaml",
        "questionnaire: fixture\nanswers:\n  yn: maybe\n  sc: 9\n  nu: -1\n");
    RkDiag d;
    rk_diag_init(&d);
    RkAnswers *a = NULL;
    assert_int_equal(rk_answers_load(path, q, &a, &d), RK_EDATA);
    assert_int_equal(d.line, 3);
    assert_int_equal(d.n_more, 2);
    assert_non_null(strstr(d.more, ":4:7:"));
    assert_non_null(strstr(d.more, ":5:7:"));
}

static void dont_know_is_not_unanswered(void **state)
{
    const RkQuestionnaire *q = *state;
    const char *path = write_file("dk.yaml",
        "questionnaire: fixture\nanswers:\n  sc: dont_know\n"
        "  yn: {value: dont_know, note: asked the ministry}\n  tx: \"dont_know\"\n");
    RkDiag d;
    rk_diag_init(&d);
    RkAnswers *a = NULL;
    assert_int_equal(rk_answers_load(path, q, &a, &d), RK_OK);
    assert_int_equal(get(a, q, "sc")->state, RK_ANSWER_DONT_KNOW);
    assert_int_equal(get(a, q, "yn")->state, RK_ANSWER_DONT_KNOW);
    assert_string_equal(get(a, q, "yn")->note, "asked the ministry");
    assert_int_equal(get(a, q, "tx")->state, RK_ANSWER_VALUE); /* quoted: literal text */
    assert_int_equal(get(a, q, "mu")->state, RK_ANSWER_NONE);
    assert_int_equal(rk_answers_count(a, RK_ANSWER_DONT_KNOW), 2);
    rk_answers_free(a);
}

static void save_and_load_round_trip(void **state)
{
    const RkQuestionnaire *q = *state;
    RkAnswers *a = rk_answers_new(q);
    RkDiag d;
    rk_diag_init(&d);
    rk_answers_set_field(a, "subject", "Québec: \"Canada\"");
    rk_answers_set_field(a, "date", "2026-11-23");
    assert_int_equal(rk_answers_set(a, rk_questionnaire_find(q, "yn"), "no", &d), RK_OK);
    assert_int_equal(rk_answers_set(a, rk_questionnaire_find(q, "nu"), "7", &d), RK_OK);
    assert_int_equal(rk_answers_set(a, rk_questionnaire_find(q, "tx"), "yes", &d), RK_OK);
    const char *multi[] = {"loans", "grants"};
    assert_int_equal(rk_answers_set_multi(a, rk_questionnaire_find(q, "mu"), multi, 2, &d), RK_OK);
    rk_answers_set_dont_know(a, rk_questionnaire_find(q, "sc"));
    rk_answers_set_evidence(a, rk_questionnaire_find(q, "sc"), "line1\nline2: x", "#5");
    assert_int_equal(rk_answers_set(a, rk_questionnaire_find(q, "ch"), "final", &d), RK_EDATA);
    assert_null(get(a, q, "ch")->value); /* a refused value changes nothing */

    char path[256];
    snprintf(path, sizeof path, "%s/saved.yaml", tmpdir);
    rk_diag_init(&d);
    assert_int_equal(rk_answers_save(a, path, &d), RK_OK);
    RkAnswers *b = NULL;
    assert_int_equal(rk_answers_load(path, q, &b, &d), RK_OK);
    assert_string_equal(b->subject, "Québec: \"Canada\"");
    assert_string_equal(get(b, q, "yn")->value, "no");
    assert_true(get(b, q, "nu")->number == 7.0);
    assert_string_equal(get(b, q, "tx")->value, "yes");
    assert_int_equal(get(b, q, "tx")->state, RK_ANSWER_VALUE);
    assert_int_equal(get(b, q, "mu")->n_values, 2);
    assert_int_equal(get(b, q, "sc")->state, RK_ANSWER_DONT_KNOW);
    assert_string_equal(get(b, q, "sc")->note, "line1\nline2: x");
    assert_string_equal(get(b, q, "sc")->source, "#5");

    /* Saving again gives the same bytes (stable order). */
    char path2[256];
    snprintf(path2, sizeof path2, "%s/saved2.yaml", tmpdir);
    assert_int_equal(rk_answers_save(b, path2, &d), RK_OK);
    char *x, *y;
    size_t lx, ly;
    assert_int_equal(rk_file_read(path, 0, &x, &lx, &d), RK_OK);
    assert_int_equal(rk_file_read(path2, 0, &y, &ly, &d), RK_OK);
    assert_int_equal(lx, ly);
    assert_memory_equal(x, y, lx);
    assert_true(strstr(x, "  yn: no\n") < strstr(x, "  sc:")); /* questionnaire order */
    free(x);
    free(y);
    rk_answers_free(a);
    rk_answers_free(b);
}

static void peek_reads_the_questionnaire_id(void **state)
{
    (void)state;
    char id[64];
    RkDiag d;
    rk_diag_init(&d);
    const char *path = write_file("peek.yaml", "subject: x\nquestionnaire: sse-local\n");
    assert_int_equal(rk_answers_peek(path, id, sizeof id, &d), RK_OK);
    assert_string_equal(id, "sse-local");
    path = write_file("nopeek.yaml", "subject: x\n");
    assert_int_equal(rk_answers_peek(path, id, sizeof id, &d), RK_EDATA);
    assert_non_null(strstr(d.message, "-q FILE"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_every_type),
        cmocka_unit_test(bad_values_have_positions),
        cmocka_unit_test(all_errors_reported),
        cmocka_unit_test(dont_know_is_not_unanswered),
        cmocka_unit_test(save_and_load_round_trip),
        cmocka_unit_test(peek_reads_the_questionnaire_id),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
