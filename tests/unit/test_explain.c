/* Unit tests for what score --explain shows (rules_explain.c, the origins
   noted by rules_score.c, report_explain.c): the rule files with their
   checksums and states, every rk.cap call with its line and marks, which
   rule file changed a question's figures, and a fresh trace per run. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "readykit/answers.h"
#include "readykit/questionnaire.h"
#include "readykit/report.h"
#include "readykit/rules.h"
#include "../../src/sha256.h"

#define DIR "tests/cases/explain/"

static RkQuestionnaire *Q;
static RkAnswers *A;

static int setup(void **state)
{
    (void)state;
    RkDiag d;
    rk_diag_init(&d);
    if (rk_questionnaire_load("questionnaires/tiny.yaml", &Q, &d) != RK_OK ||
        rk_answers_load("questionnaires/examples/tiny-answers.yaml", Q, &A, &d) != RK_OK) {
        fprintf(stderr, "cannot load the tiny fixtures: %s\n", d.message);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rk_answers_free(A);
    rk_questionnaire_free(Q);
    return 0;
}

static const char *const FILES[] = {DIR "cap-first.lua", DIR "cap-second.lua",
                                    DIR "requires-other.lua", DIR "exclude.lua"};

static RkRules *engine(void)
{
    RkRulesOptions o = {0};
    o.rule_files = FILES;
    o.n_rule_files = 4;
    RkRules *r = NULL;
    RkDiag d;
    rk_diag_init(&d);
    if (rk_rules_new(Q, &o, &r, &d) != RK_OK)
        fail_msg("rk_rules_new: %s:%d: %s", d.file, d.line, d.message);
    return r;
}

static RkResult *score(RkRules *r)
{
    RkResult *res = NULL;
    RkDiag d;
    rk_diag_init(&d);
    if (rk_rules_score(r, A, &res, &d) != RK_OK)
        fail_msg("rk_rules_score: %s:%d: %s", d.file, d.line, d.message);
    return res;
}

/* The SHA-256 of a file as hex, read here independently of the engine. */
static void file_sha(const char *path, char hex[65])
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    RkSha256 s;
    rk_sha256_init(&s);
    unsigned char buf[4096], out[32];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        rk_sha256_add(&s, buf, n);
    fclose(f);
    rk_sha256_done(&s, out);
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", out[i]);
}

static void rule_files_in_order_with_checksums(void **state)
{
    (void)state;
    RkRules *r = engine();
    RkResult *res = score(r);
    assert_int_equal(res->n_rule_files, 5);
    assert_string_equal(res->rule_files[0].name, "scripts/score.lua");
    assert_true(res->rule_files[0].builtin);
    char hex[65];
    file_sha("scripts/score.lua", hex);
    assert_string_equal(res->rule_files[0].sha256, hex);
    for (size_t i = 0; i < 4; i++) {
        const RkRuleFileInfo *f = &res->rule_files[i + 1];
        assert_string_equal(f->name, FILES[i]);
        assert_false(f->builtin);
        file_sha(FILES[i], hex);
        assert_string_equal(f->sha256, hex);
        assert_int_equal(f->skipped, i == 2);
    }
    assert_non_null(strstr(res->rule_files[3].skip_why, "requires questionnaire sse-local"));
    assert_null(res->rule_files[1].skip_why);
    rk_result_free(res);
    rk_rules_free(r);
}

static void every_cap_call_with_its_marks(void **state)
{
    (void)state;
    RkRules *r = engine();
    RkResult *res = score(r);
    /* second run on the same engine: the trace starts afresh */
    rk_result_free(res);
    res = score(r);
    assert_int_equal(res->n_cap_calls, 3);
    assert_int_equal(res->n_cap_calls_dropped, 0);
    static const struct {
        int level, file, line, via;
        bool reported, tied;
    } want[] = {{1, 1, 6, 0, false, false}, {0, 1, 7, 0, true, false}, {0, 2, 4, 10, false, true}};
    for (size_t i = 0; i < 3; i++) {
        const RkCapCall *c = &res->cap_calls[i];
        assert_int_equal(c->pillar, 1);
        assert_int_equal(c->max_level, want[i].level);
        assert_int_equal(c->rule_file, want[i].file);
        assert_int_equal(c->line, want[i].line);
        assert_int_equal(c->via, want[i].via);
        assert_int_equal(c->reported, want[i].reported);
        assert_int_equal(c->tied, want[i].tied);
    }
    assert_string_equal(res->pillars[1].cap.reason, "first at nascent");
    assert_true(res->pillars[1].cap.binding);
    rk_result_free(res);
    rk_rules_free(r);
}

static void origins_of_changed_figures(void **state)
{
    (void)state;
    RkRules *r = engine();
    RkResult *res = score(r);
    const RkQuestionResult *fund = &res->questions[rk_questionnaire_find(Q, "has_fund")->index];
    const RkQuestionResult *proc =
        &res->questions[rk_questionnaire_find(Q, "has_procurement")->index];
    const RkQuestionResult *kind = &res->questions[rk_questionnaire_find(Q, "fund_kind")->index];
    assert_int_equal(fund->weight_by, 5); /* exclude.lua, index 4, + 1 */
    assert_int_equal(fund->points_by, 0);
    assert_true(fund->weight == 0);
    assert_int_equal(proc->points_by, 5);
    assert_true(isnan(proc->points));
    assert_int_equal(kind->points_by + kind->weight_by + kind->max_by, 0);
    assert_int_equal(res->pillars[1].score_by, 0);
    assert_true(fabs(res->pillars[1].score - 50.0) < 1e-9);
    assert_true(fabs(res->pillars[1].standard_score - 50.0) < 1e-9);
    assert_true(fabs(res->standard_score - res->score) < 1e-9);

    RkBuf b;
    rk_buf_init(&b);
    RkReportInput in = {Q, A, res, "tiny-answers.yaml", "en"};
    rk_report_text_explained(&b, &in);
    assert_non_null(strstr(b.data, "      fund_kind = grants: points 1/2, weight 1, counted\n"));
    assert_non_null(strstr(b.data, "not counted: excluded by a rule: " DIR "exclude.lua cleared its points"));
    b.len = 0;
    rk_report_text(&b, &in);
    assert_null(strstr(b.data, "explain:"));
    rk_buf_free(&b);
    rk_result_free(res);
    rk_rules_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_files_in_order_with_checksums),
        cmocka_unit_test(every_cap_call_with_its_marks),
        cmocka_unit_test(origins_of_changed_figures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
