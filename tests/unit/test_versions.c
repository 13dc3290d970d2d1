/* Unit tests for questionnaire versioning: `replaces` and `retired` in the
   loader, answers read in migration mode (answers_migrate.c), the retired:
   section saved and read back, and the frozen sse-national 1.1.0 examples
   read against the current questionnaire with every note and source kept. */
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
#include "readykit/answers.h"
#include "readykit/fileio.h"
#include "readykit/node.h"

#define V2 "tests/cases/versions/vdemo.yaml"
#define V1 "tests/cases/versions/v1/vdemo.yaml"
#define TESTLAND "tests/cases/versions/answers/testland-1.0.0.yaml"
#define UNMAPPED "tests/cases/versions/answers/unmapped-1.0.0.yaml"

static RkQuestionnaire *load_q(const char *path)
{
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    if (rk_questionnaire_load(path, &q, &d) != RK_OK)
        fail_msg("%s:%d:%d: %s\n%s", d.file, d.line, d.column, d.message, d.more);
    return q;
}

/* Load answers that must load; d keeps the warnings. */
static RkAnswers *load_a(const char *path, const RkQuestionnaire *q, RkDiag *d)
{
    rk_diag_init(d);
    RkAnswers *a = NULL;
    if (rk_answers_load(path, q, &a, d) != RK_OK)
        fail_msg("%s:%d:%d: %s\n%s", d->file, d->line, d->column, d->message, d->more);
    return a;
}

/* Load answers given as text (through a temporary file); must load. */
static RkAnswers *load_text(const char *text, const RkQuestionnaire *q, RkDiag *d)
{
    const char *path = write_tmp(text);
    RkAnswers *a = load_a(path, q, d);
    unlink(path);
    return a;
}

static const RkAnswer *get(const RkAnswers *a, const RkQuestionnaire *q, const char *id)
{
    const RkQuestion *qn = rk_questionnaire_find(q, id);
    assert_non_null(qn);
    return rk_answers_get(a, qn);
}

static const RkRetiredAnswer *retired(const RkAnswers *a, const char *id)
{
    for (size_t i = 0; i < a->n_retired; i++)
        if (strcmp(a->retired[i].id, id) == 0)
            return &a->retired[i];
    fail_msg("no retired answer '%s'", id);
    return NULL;
}

static void answer_is(const RkAnswer *ans, const char *value, const char *note,
                         const char *source)
{
    assert_int_equal(ans->state, RK_ANSWER_VALUE);
    assert_string_equal(ans->value, value);
    if (note)
        assert_string_equal(ans->note, note);
    if (source)
        assert_string_equal(ans->source, source);
}

static void loader_reads_replaces_and_retired(void **state)
{
    (void)state;
    RkQuestionnaire *q = load_q(V2);
    const RkQuestion *law = rk_questionnaire_find(q, "law");
    assert_non_null(law->replaces);
    assert_string_equal(law->replaces->id, "law");
    assert_true(law->replaces->has_values);
    assert_int_equal(law->replaces->n_values, 3);
    assert_string_equal(law->replaces->values[1].from, "draft");
    assert_string_equal(law->replaces->values[1].to, "bill");
    const RkQuestion *st = rk_questionnaire_find(q, "sse_strategy");
    assert_string_equal(st->replaces->id, "strategy");
    assert_false(st->replaces->has_values);
    assert_string_equal(rk_questionnaire_find(q, "local_network")->replaces->values[1].to, "yes");
    assert_null(rk_questionnaire_find(q, "comments")->replaces);
    assert_int_equal(q->n_retired, 1);
    assert_true(rk_questionnaire_is_retired(q, "office"));
    assert_false(rk_questionnaire_is_retired(q, "law"));
    rk_questionnaire_free(q);
}

/* Renamed, split, re-scaled and retired: values, notes and sources land
   where the questionnaire says, with one warning. */
static void migrates_every_kind_of_change(void **state)
{
    (void)state;
    RkQuestionnaire *q = load_q(V2);
    RkDiag d;
    RkAnswers *a = load_a(TESTLAND, q, &d);
    assert_int_equal(d.n_warnings, 1);
    assert_non_null(strstr(d.warnings, "vdemo 1.0.0"));
    assert_non_null(strstr(d.warnings, "version 2.0.0"));
    assert_non_null(strstr(d.warnings, "6 answers carried over"));
    assert_non_null(strstr(d.warnings, "not answered in 1.0.0: budget_spent;"));
    assert_non_null(strstr(d.warnings, "'retired:': office"));
    assert_null(strstr(d.warnings, "need a new answer"));
    assert_string_equal(a->version, "2.0.0");
    assert_string_equal(a->migrated_from, "1.0.0");
    answer_is(get(a, q, "law"), "adopted", "Law 12 of 2020 on the social economy",
                 "https://example.org/testland/law-12");
    answer_is(get(a, q, "sse_strategy"), "yes", NULL, NULL);
    answer_is(get(a, q, "local_network"), "yes", "Two city networks, no national one",
                 "Registry of associations, 2024");
    answer_is(get(a, q, "national_network"), "no", "Two city networks, no national one",
                 "Registry of associations, 2024");
    answer_is(get(a, q, "sse_orgs"), "1200", NULL, NULL);
    assert_true(get(a, q, "sse_orgs")->number == 1200);
    answer_is(get(a, q, "comments"), "A pilot programme started in 2025.", NULL, NULL);
    assert_int_equal(get(a, q, "budget_spent")->state, RK_ANSWER_NONE);
    assert_int_equal(a->n_not_carried, 0);
    assert_int_equal(a->n_retired, 1);
    const RkRetiredAnswer *r = retired(a, "office");
    assert_int_equal(r->n_items, 1);
    assert_string_equal(r->items[0].text, "yes");
    assert_true(r->items[0].plain);
    assert_string_equal(r->note, "An SSE desk in the labour ministry, closed in 2024");
    assert_string_equal(r->source, "https://example.org/testland/desk");
    rk_answers_free(a);
    rk_questionnaire_free(q);
}

/* A value with no counterpart: the question needs a new answer, keeps the
   note and source, and the old answer is kept aside as written. */
static void unmapped_value_needs_a_new_answer(void **state)
{
    (void)state;
    RkQuestionnaire *q = load_q(V2);
    RkDiag d;
    RkAnswers *a = load_a(UNMAPPED, q, &d);
    assert_int_equal(d.n_warnings, 1);
    assert_non_null(strstr(d.warnings, "need a new answer (the 1.0.0 answer has no "
                                       "counterpart): law;"));
    assert_non_null(strstr(d.warnings, "not answered in 1.0.0: budget_spent, sse_orgs, "
                                       "comments;"));
    const RkAnswer *law = get(a, q, "law");
    assert_int_equal(law->state, RK_ANSWER_NONE);
    assert_string_equal(law->note, "Enforced since 2019");
    assert_string_equal(law->source, "Official journal 2019/4");
    assert_int_equal(a->n_not_carried, 1);
    assert_string_equal(a->not_carried[0]->id, "law");
    answer_is(get(a, q, "local_network"), "yes", NULL, NULL);
    answer_is(get(a, q, "national_network"), "yes", NULL, NULL);
    assert_string_equal(retired(a, "law")->items[0].text, "enforced");
    assert_string_equal(retired(a, "law")->note, "Enforced since 2019");
    const RkRetiredAnswer *lf = retired(a, "legacy_flag");
    assert_string_equal(lf->items[0].text, "dont_know");
    assert_true(lf->items[0].plain);
    rk_answers_free(a);
    rk_questionnaire_free(q);
}

/* Saved at the new version, the file keeps its retired: section, loads
   without a warning, and saves to the same bytes. */
static void saved_file_reloads_without_warning(void **state)
{
    (void)state;
    RkQuestionnaire *q = load_q(V2);
    RkDiag d;
    RkAnswers *a = load_a(UNMAPPED, q, &d);
    char path[64] = "/tmp/rk_versions_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    rk_diag_init(&d);
    assert_int_equal(rk_answers_save(a, path, &d), RK_OK);
    RkAnswers *b = load_a(path, q, &d);
    assert_int_equal(d.n_warnings, 0);
    assert_null(b->migrated_from);
    assert_string_equal(b->version, "2.0.0");
    assert_int_equal(b->n_retired, 2);
    assert_string_equal(retired(b, "law")->items[0].text, "enforced");
    assert_string_equal(retired(b, "law")->source, "Official journal 2019/4");
    assert_true(retired(b, "legacy_flag")->items[0].plain);
    assert_string_equal(get(b, q, "law")->note, "Enforced since 2019");
    RkBuf x, y;
    rk_buf_init(&x);
    rk_buf_init(&y);
    rk_answers_format(a, &x);
    rk_answers_format(b, &y);
    assert_int_equal(x.len, y.len);
    assert_memory_equal(x.data, y.data, x.len);
    rk_buf_free(&x);
    rk_buf_free(&y);
    unlink(path);
    rk_answers_free(b);
    rk_answers_free(a);
    rk_questionnaire_free(q);
}

/* At the same version, an old or retired id is an error as before. */
static void same_version_unknown_ids_stay_errors(void **state)
{
    (void)state;
    RkQuestionnaire *q = load_q(V2);
    const char *path = write_tmp("questionnaire: vdemo\nversion: 2.0.0\nanswers:\n"
                                 "  sse_strategy: yes\n  office: yes\n  law: adopted\n");
    RkDiag d;
    rk_diag_init(&d);
    RkAnswers *a = NULL;
    assert_int_equal(rk_answers_load(path, q, &a, &d), RK_EDATA);
    assert_null(a);
    assert_int_equal(d.line, 5);
    assert_int_equal(d.column, 3);
    assert_non_null(strstr(d.message, "unknown question 'office'"));
    assert_int_equal(d.n_warnings, 0);
    unlink(path);
    /* A retired: section that is not a map is an error too. */
    path = write_tmp("questionnaire: vdemo\nversion: 2.0.0\nanswers: {}\nretired: [office]\n");
    rk_diag_init(&d);
    assert_int_equal(rk_answers_load(path, q, &a, &d), RK_EDATA);
    assert_int_equal(d.line, 4);
    assert_non_null(strstr(d.message, "'retired' expects a map"));
    unlink(path);
    rk_questionnaire_free(q);
}

/* Multi values mapped one by one (two old values onto one new), true read
   as yes, don't know kept, and a list where one value is wanted not carried. */
static void maps_multi_bools_and_dont_know(void **state)
{
    (void)state;
    RkDiag d;
    RkQuestionnaire *q = load_ok(
        "id: m\nversion: '2'\ntitle: M\nlevels: [{min: 0, name: L}]\n"
        "pillars:\n  - id: p\n    title: P\n    questions:\n"
        "      - id: tools\n        type: multi\n        text: T\n"
        "        replaces: {id: instruments, values: {grant: grants, loan: loans, "
        "guarantee: loans}}\n"
        "        choices: [{value: grants, label: G, points: 1}, "
        "{value: loans, label: L, points: 1}, {value: equity, label: E, points: 1}]\n"
        "      - id: fund\n        type: yes_no\n        text: F\n"
        "        replaces: {id: old_fund, values: {'yes': 'yes', 'no': 'no'}}\n"
        "      - id: stage\n        type: choice\n        text: S\n"
        "        replaces: {id: old_stage, values: {a: x}}\n"
        "        choices: [{value: x, label: X, points: 1}]\n"
        "      - id: kind\n        type: choice\n        text: K\n        replaces: old_kind\n"
        "        choices: [{value: x, label: X, points: 1}]\n", &d);
    RkAnswers *a = load_text("questionnaire: m\nversion: '1'\nanswers:\n"
                             "  instruments: [grant, loan, guarantee]\n"
                             "  old_fund: true\n  old_stage: dont_know\n"
                             "  old_kind: [x]\n", q, &d);
    assert_int_equal(d.n_warnings, 1);
    const RkAnswer *tools = get(a, q, "tools");
    assert_int_equal(tools->state, RK_ANSWER_VALUE);
    assert_int_equal(tools->n_values, 2);
    assert_string_equal(tools->values[0], "grants");
    assert_string_equal(tools->values[1], "loans");
    answer_is(get(a, q, "fund"), "yes", NULL, NULL);
    assert_int_equal(get(a, q, "stage")->state, RK_ANSWER_DONT_KNOW);
    assert_int_equal(get(a, q, "kind")->state, RK_ANSWER_NONE);
    assert_int_equal(a->n_not_carried, 1);
    const RkRetiredAnswer *k = retired(a, "old_kind");
    assert_true(k->is_list);
    assert_int_equal(k->n_items, 1);
    assert_string_equal(k->items[0].text, "x");
    rk_answers_free(a);
    rk_questionnaire_free(q);
}

/* A file edited by hand that already answers a new question: the direct
   answer wins wherever it is, the old one is kept aside. */
static void direct_answer_wins_over_carried_one(void **state)
{
    (void)state;
    RkQuestionnaire *q = load_q(V2);
    RkDiag d;
    RkAnswers *a = load_text("questionnaire: vdemo\nversion: 1.0.0\nanswers:\n"
                             "  strategy: yes\n  sse_strategy: no\n  orgs: 5\n", q, &d);
    assert_int_equal(d.n_warnings, 1);
    answer_is(get(a, q, "sse_strategy"), "no", NULL, NULL);
    answer_is(get(a, q, "sse_orgs"), "5", NULL, NULL);
    assert_int_equal(a->n_retired, 1);
    assert_string_equal(retired(a, "strategy")->items[0].text, "yes");
    rk_answers_free(a);
    rk_questionnaire_free(q);
}

/* A file that already has a retired: section keeps it through another
   migration; a second answer kept under the same id is named ID@VERSION,
   and both read back after a save. */
static void retired_section_survives_a_second_migration(void **state)
{
    (void)state;
    RkQuestionnaire *q = load_q(V2);
    RkDiag d;
    RkAnswers *a = load_text("questionnaire: vdemo\nversion: 1.0.0\nanswers:\n"
                             "  office: {value: no, note: desk closed}\n"
                             "retired:\n  office: \"yes\"\n  older: [a, \"b c\"]\n", q, &d);
    assert_int_equal(d.n_warnings, 1);
    assert_non_null(strstr(d.warnings, "'retired:': office@1.0.0 ("));
    assert_int_equal(a->n_retired, 3);
    assert_string_equal(a->retired[0].id, "office");
    assert_false(a->retired[0].items[0].plain);
    assert_string_equal(a->retired[1].id, "older");
    assert_true(a->retired[1].is_list);
    assert_string_equal(a->retired[1].items[1].text, "b c");
    assert_string_equal(a->retired[2].id, "office@1.0.0");
    assert_string_equal(a->retired[2].note, "desk closed");
    RkBuf b;
    rk_buf_init(&b);
    rk_answers_format(a, &b);
    rk_buf_add(&b, "", 1);
    assert_non_null(strstr(b.data, "retired:\n  office: \"yes\"\n  older: [a, \"b c\"]\n"
                                   "  \"office@1.0.0\":\n    value: no\n    note: desk closed\n"));
    RkAnswers *again = load_text(b.data, q, &d);
    rk_buf_free(&b);
    assert_int_equal(d.n_warnings, 0);
    assert_int_equal(again->n_retired, 3);
    assert_string_equal(again->retired[2].id, "office@1.0.0");
    rk_answers_free(again);
    rk_answers_free(a);
    rk_questionnaire_free(q);
}

/* Many new questions: the lists are cut with "and N more", and the warning
   keeps its end (a warning holds at most 1023 characters). */
static void long_lists_fit_in_one_warning(void **state)
{
    (void)state;
    char yaml[16384] = "id: big\nversion: '2'\ntitle: B\nlevels: [{min: 0, name: L}]\n"
                       "pillars:\n  - id: p\n    title: P\n    questions:\n";
    for (int i = 0; i < 120; i++) {
        size_t used = strlen(yaml);
        snprintf(yaml + used, sizeof yaml - used, "      - {id: question_number_%d, type: "
                 "yes_no, text: Q, replaces: {id: old_%d, values: {}}}\n", i, i);
    }
    RkDiag d;
    RkQuestionnaire *q = load_ok(yaml, &d);
    char ans[8192] = "questionnaire: big\nversion: '1'\nanswers:\n";
    for (int i = 0; i < 60; i++) {
        size_t used = strlen(ans);
        snprintf(ans + used, sizeof ans - used, "  old_%d: yes\n", i);
    }
    RkAnswers *a = load_text(ans, q, &d);
    assert_int_equal(d.n_warnings, 1);
    assert_int_equal(a->n_not_carried, 60);
    assert_non_null(strstr(d.warnings, "counterpart): question_number_0, question_number_1,"));
    assert_non_null(strstr(d.warnings, "new or not answered in 1: question_number_60,"));
    assert_non_null(strstr(d.warnings, "(readykit migrate writes the file at version 2)\n"));
    assert_true(strlen(d.warnings) < 1100);
    rk_answers_free(a);
    rk_questionnaire_free(q);
}

/* YAML line breaks other than \n (NEL, LS, PS) in a note, a source or a
   retired value are escaped when saved, so they read back unchanged (found
   by tests/fuzz/fuzz_answers.c). */
static void yaml_line_breaks_round_trip(void **state)
{
    (void)state;
    RkQuestionnaire *q = load_q(V2);
    RkDiag d;
    RkAnswers *a = load_text("questionnaire: vdemo\nversion: 1.0.0\nanswers:\n"
                             "  law: {value: draft, note: \"a\\Nb\\Lc\", source: \"d\\Pe\"}\n"
                             "  office: \"x\\Ny\"\n", q, &d);
    assert_string_equal(get(a, q, "law")->note, "a\xC2\x85" "b\xE2\x80\xA8" "c");
    RkBuf b;
    rk_buf_init(&b);
    rk_answers_format(a, &b);
    rk_buf_add(&b, "", 1);
    assert_non_null(strstr(b.data, "note: \"a\\u0085b\\u2028c\"\n    source: \"d\\u2029e\""));
    RkAnswers *again = load_text(b.data, q, &d);
    rk_buf_free(&b);
    assert_string_equal(get(again, q, "law")->note, get(a, q, "law")->note);
    assert_string_equal(get(again, q, "law")->source, "d\xE2\x80\xA9" "e");
    assert_string_equal(retired(again, "office")->items[0].text, "x\xC2\x85" "y");
    rk_answers_free(again);
    rk_answers_free(a);
    rk_questionnaire_free(q);
}

/* An old file with an empty answers: section is migrated too (found by
   tests/fuzz/fuzz_answers.c: it kept its old version, and read back in
   migration mode after a save). */
static void empty_answers_are_migrated(void **state)
{
    (void)state;
    RkQuestionnaire *q = load_q(V2);
    RkDiag d;
    RkAnswers *a = load_text("questionnaire: vdemo\nversion: 1.0.0\nanswers:\n", q, &d);
    assert_int_equal(d.n_warnings, 1);
    assert_string_equal(a->version, "2.0.0");
    assert_string_equal(a->migrated_from, "1.0.0");
    rk_answers_free(a);
    rk_questionnaire_free(q);
}

static void compares_versions(void **state)
{
    (void)state;
    assert_true(rk_version_compare("1.1.0", "2.0.0") < 0);
    assert_true(rk_version_compare("1.10.0", "1.9.2") > 0);
    assert_true(rk_version_compare("2.0.0", "2.0.0") == 0);
    assert_true(rk_version_compare("02.0", "2.0") == 0);
    assert_true(rk_version_compare("2.0.0-rc1", "2.0.0-rc2") < 0);
    assert_true(rk_version_compare("2", "1.9") > 0);
}

/* Does the loaded answers model hold this note or source anywhere? */
static bool kept(const RkAnswers *a, const char *text, bool note)
{
    for (size_t i = 0; i < a->n_questions; i++) {
        const char *t = note ? a->by_question[i].note : a->by_question[i].source;
        if (t && strcmp(t, text) == 0)
            return true;
    }
    for (size_t i = 0; i < a->n_retired; i++) {
        const char *t = note ? a->retired[i].note : a->retired[i].source;
        if (t && strcmp(t, text) == 0)
            return true;
    }
    return false;
}

/* Every frozen sse-national 1.1.0 example reads against the current
   questionnaire: no error, one warning at most (exactly one naming both
   versions when they differ), every note and source kept. Against the
   frozen 1.1.0 questionnaire they read without a warning. */
static void frozen_examples_keep_their_evidence(void **state)
{
    (void)state;
    static const char *const names[] = {"mali", "mexico", "portugal", "quebec", "senegal",
                                        "spain", "uruguay"};
    RkQuestionnaire *cur = load_q("questionnaires/sse-national.yaml");
    RkQuestionnaire *old = load_q("tests/cases/sse-1.1.0/sse-national.yaml");
    assert_string_equal(old->version, "1.1.0");
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "tests/cases/sse-1.1.0/examples/%s.yaml", names[i]);
        RkDiag d;
        RkAnswers *a = load_a(path, old, &d);
        assert_int_equal(d.n_warnings, 0);
        rk_answers_free(a);
        a = load_a(path, cur, &d);
        bool differ = strcmp(cur->version, "1.1.0") != 0;
        assert_int_equal(d.n_warnings, differ ? 1 : 0);
        if (differ) {
            assert_non_null(strstr(d.warnings, "sse-national 1.1.0"));
            assert_non_null(strstr(d.warnings, cur->version));
        }
        RkNodeTree *tree = NULL;
        assert_int_equal(rk_node_load_file(path, &tree, &d), RK_OK);
        const RkNode *ans = rk_node_get(tree->root, "answers");
        size_t checked = 0;
        for (size_t k = 0; k < ans->count; k++) {
            const RkNode *v = ans->pairs[k].value;
            const RkNode *note = rk_node_get(v, "note"), *src = rk_node_get(v, "source");
            if (note && !rk_node_is_null(note)) {
                if (!kept(a, note->text, true))
                    fail_msg("%s: note of '%s' lost", path, ans->pairs[k].key->text);
                checked++;
            }
            if (src && !rk_node_is_null(src)) {
                if (!kept(a, src->text, false))
                    fail_msg("%s: source of '%s' lost", path, ans->pairs[k].key->text);
                checked++;
            }
        }
        assert_true(checked > 10);
        rk_node_tree_free(tree);
        rk_answers_free(a);
    }
    rk_questionnaire_free(old);
    rk_questionnaire_free(cur);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loader_reads_replaces_and_retired),
        cmocka_unit_test(migrates_every_kind_of_change),
        cmocka_unit_test(unmapped_value_needs_a_new_answer),
        cmocka_unit_test(saved_file_reloads_without_warning),
        cmocka_unit_test(same_version_unknown_ids_stay_errors),
        cmocka_unit_test(maps_multi_bools_and_dont_know),
        cmocka_unit_test(direct_answer_wins_over_carried_one),
        cmocka_unit_test(retired_section_survives_a_second_migration),
        cmocka_unit_test(long_lists_fit_in_one_warning),
        cmocka_unit_test(yaml_line_breaks_round_trip),
        cmocka_unit_test(empty_answers_are_migrated),
        cmocka_unit_test(compares_versions),
        cmocka_unit_test(frozen_examples_keep_their_evidence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
