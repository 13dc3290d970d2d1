/* Unit tests for ask_flow.c: when: re-evaluated as answers change, next,
   back, skip, review jumps, resume position and position counts, on
   questionnaires/tiny.yaml with the real rules engine deciding when:. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "readykit/ask_flow.h"
#include "readykit/rules.h"

typedef struct Fix {
    RkQuestionnaire *q;
    RkRules *rules;
    RkAnswers *a;
    RkAskFlow *f;
} Fix;

static RkStatus rules_applicable(void *ctx, const RkAnswers *a, const RkQuestion *qn,
                                 bool *out, RkDiag *d)
{
    return rk_rules_applicable(ctx, a, qn, out, d);
}

static int setup(void **state)
{
    static Fix fx;
    RkDiag d;
    rk_diag_init(&d);
    RkRulesOptions opt = {0};
    if (rk_questionnaire_load("questionnaires/tiny.yaml", &fx.q, &d) != RK_OK ||
        rk_rules_new(fx.q, &opt, &fx.rules, &d) != RK_OK)
        return -1;
    fx.a = rk_answers_new(fx.q);
    fx.f = rk_ask_flow_new(fx.q);
    if (!fx.a || !fx.f || rk_ask_flow_refresh(fx.f, fx.a, rules_applicable, fx.rules, &d))
        return -1;
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    Fix *fx = *state;
    rk_ask_flow_free(fx->f);
    rk_answers_free(fx->a);
    rk_rules_free(fx->rules);
    rk_questionnaire_free(fx->q);
    return 0;
}

static const RkQuestion *qn(Fix *fx, const char *id)
{
    const RkQuestion *x = rk_questionnaire_find(fx->q, id);
    assert_non_null(x);
    return x;
}

/* Set id to value and re-evaluate the when: of every question. */
static void answer(Fix *fx, const char *id, const char *value)
{
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_answers_set(fx->a, qn(fx, id), value, &d), RK_OK);
    assert_int_equal(rk_ask_flow_refresh(fx->f, fx->a, rules_applicable, fx->rules, &d), RK_OK);
}

static const char *current_id(Fix *fx)
{
    return rk_ask_flow_at_end(fx->f) ? "(end)" : fx->q->questions[fx->f->current]->id;
}

static void when_follows_earlier_answers(void **state)
{
    Fix *fx = *state;
    /* Nothing answered: law_stage and fund_kind do not apply. */
    assert_true(fx->f->applicable[qn(fx, "has_law")->index]);
    assert_false(fx->f->applicable[qn(fx, "law_stage")->index]);
    assert_false(fx->f->applicable[qn(fx, "fund_kind")->index]);
    assert_int_equal(rk_ask_flow_position(fx->f).total, 3);

    answer(fx, "has_law", "yes");
    assert_true(fx->f->applicable[qn(fx, "law_stage")->index]);
    assert_int_equal(rk_ask_flow_position(fx->f).total, 4);
    answer(fx, "law_stage", "adopted");

    /* Changing the earlier answer hides law_stage again; its answer stays. */
    answer(fx, "has_law", "no");
    assert_false(fx->f->applicable[qn(fx, "law_stage")->index]);
    assert_int_equal(rk_answers_get(fx->a, qn(fx, "law_stage"))->state, RK_ANSWER_VALUE);
    assert_string_equal(rk_answers_get(fx->a, qn(fx, "law_stage"))->value, "adopted");
    assert_int_equal(rk_ask_flow_position(fx->f).total, 3);
}

static void next_back_and_skip_follow_applicable(void **state)
{
    Fix *fx = *state;
    fx->f->current = 0;
    answer(fx, "has_law", "yes");
    rk_ask_flow_next(fx->f);
    assert_string_equal(current_id(fx), "law_stage");
    RkAskPosition p = rk_ask_flow_position(fx->f);
    assert_int_equal(p.pillar_pos, 2);
    assert_int_equal(p.pillar_total, 2);
    assert_int_equal(p.pos, 2);
    assert_int_equal(p.total, 4);

    rk_ask_flow_next(fx->f); /* a skip is a next without an answer */
    assert_string_equal(current_id(fx), "has_fund");
    p = rk_ask_flow_position(fx->f);
    assert_int_equal(p.pillar_pos, 1);
    assert_int_equal(p.pillar_total, 2); /* fund_kind does not apply yet */
    assert_int_equal(p.pos, 3);

    answer(fx, "has_fund", "yes");
    rk_ask_flow_next(fx->f);
    assert_string_equal(current_id(fx), "fund_kind");

    /* Back over a question that no longer applies. */
    answer(fx, "has_law", "no");
    fx->f->current = qn(fx, "has_fund")->index;
    rk_ask_flow_back(fx->f);
    assert_string_equal(current_id(fx), "has_law");
    rk_ask_flow_back(fx->f); /* stays at the first */
    assert_string_equal(current_id(fx), "has_law");

    /* To the end, then back to the last applicable question. */
    fx->f->current = qn(fx, "has_procurement")->index;
    rk_ask_flow_next(fx->f);
    assert_true(rk_ask_flow_at_end(fx->f));
    rk_ask_flow_next(fx->f);
    assert_true(rk_ask_flow_at_end(fx->f));
    assert_int_equal(rk_ask_flow_position(fx->f).pos, rk_ask_flow_position(fx->f).total);
    rk_ask_flow_back(fx->f);
    assert_string_equal(current_id(fx), "has_procurement");
}

static void review_jump_and_edit(void **state)
{
    Fix *fx = *state;
    answer(fx, "has_law", "yes");
    answer(fx, "law_stage", "draft");
    rk_ask_flow_jump(fx->f, qn(fx, "law_stage")->index);
    assert_true(fx->f->from_review);
    assert_string_equal(current_id(fx), "law_stage");
    answer(fx, "law_stage", "adopted"); /* the edit */
    assert_string_equal(rk_answers_get(fx->a, qn(fx, "law_stage"))->value, "adopted");
    rk_ask_flow_next(fx->f);
    assert_false(fx->f->from_review);
    assert_string_equal(current_id(fx), "has_fund");
    rk_ask_flow_jump(fx->f, 99);
    assert_true(rk_ask_flow_at_end(fx->f));
}

static void resume_at_first_applicable_unanswered(void **state)
{
    Fix *fx = *state;
    rk_answers_clear(fx->a, qn(fx, "has_fund"));
    answer(fx, "has_law", "no");        /* law_stage no longer applies */
    rk_ask_flow_resume(fx->f, fx->a);
    assert_string_equal(current_id(fx), "has_fund");
    assert_int_equal(rk_ask_flow_unanswered(fx->f, fx->a), 2); /* has_fund, procurement */

    answer(fx, "has_fund", "no");
    answer(fx, "has_procurement", "yes");
    rk_ask_flow_resume(fx->f, fx->a);
    assert_true(rk_ask_flow_at_end(fx->f));
    assert_int_equal(rk_ask_flow_unanswered(fx->f, fx->a), 0);
}

static RkStatus failing(void *ctx, const RkAnswers *a, const RkQuestion *q, bool *out, RkDiag *d)
{
    (void)ctx, (void)a, (void)out;
    return rk_diag_set(d, RK_EDATA, "x.yaml", q->line, 1, "when failed");
}

static void refresh_reports_errors(void **state)
{
    Fix *fx = *state;
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_ask_flow_refresh(fx->f, fx->a, failing, NULL, &d), RK_EDATA);
    assert_string_equal(d.message, "when failed");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(when_follows_earlier_answers),
        cmocka_unit_test(next_back_and_skip_follow_applicable),
        cmocka_unit_test(review_jump_and_edit),
        cmocka_unit_test(resume_at_first_applicable_unanswered),
        cmocka_unit_test(refresh_reports_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
