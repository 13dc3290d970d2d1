/* ask_flow: the order of questions in ask (pure state; see ask_flow.h). */
#include "readykit/ask_flow.h"

#include <stdlib.h>

RkAskFlow *rk_ask_flow_new(const RkQuestionnaire *q)
{
    RkAskFlow *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->q = q;
    f->applicable = calloc(q->n_questions ? q->n_questions : 1, sizeof *f->applicable);
    if (!f->applicable) {
        free(f);
        return NULL;
    }
    for (size_t i = 0; i < q->n_questions; i++)
        f->applicable[i] = true;
    return f;
}

void rk_ask_flow_free(RkAskFlow *f)
{
    if (!f)
        return;
    free(f->applicable);
    free(f);
}

RkStatus rk_ask_flow_refresh(RkAskFlow *f, const RkAnswers *a, RkAskApplicableFn fn,
                             void *ctx, RkDiag *d)
{
    for (size_t i = 0; i < f->q->n_questions; i++) {
        bool yes = true;
        RkStatus s = fn(ctx, a, f->q->questions[i], &yes, d);
        if (s != RK_OK)
            return s;
        f->applicable[i] = yes;
    }
    return RK_OK;
}

void rk_ask_flow_next(RkAskFlow *f)
{
    size_t i = f->current;
    if (i < f->q->n_questions)
        i++;
    while (i < f->q->n_questions && !f->applicable[i])
        i++;
    f->current = i;
    f->from_review = false;
}

void rk_ask_flow_back(RkAskFlow *f)
{
    for (size_t i = f->current; i-- > 0;)
        if (f->applicable[i]) {
            f->current = i;
            break;
        }
    f->from_review = false;
}

void rk_ask_flow_jump(RkAskFlow *f, size_t i)
{
    f->current = i < f->q->n_questions ? i : f->q->n_questions;
    f->from_review = true;
}

void rk_ask_flow_resume(RkAskFlow *f, const RkAnswers *a)
{
    size_t i = 0;
    while (i < f->q->n_questions &&
           !(f->applicable[i] && a->by_question[i].state == RK_ANSWER_NONE))
        i++;
    f->current = i;
    f->from_review = false;
}

bool rk_ask_flow_at_end(const RkAskFlow *f)
{
    return f->current >= f->q->n_questions;
}

RkAskPosition rk_ask_flow_position(const RkAskFlow *f)
{
    RkAskPosition p = {0};
    size_t pillar = f->current < f->q->n_questions ? f->q->questions[f->current]->pillar
                                                   : (size_t)-1;
    for (size_t i = 0; i < f->q->n_questions; i++) {
        if (!f->applicable[i])
            continue;
        bool same = f->q->questions[i]->pillar == pillar;
        p.total++;
        p.pillar_total += same;
        if (i <= f->current) {
            p.pos++;
            p.pillar_pos += same;
        }
    }
    if (f->current >= f->q->n_questions)
        p.pos = p.total;
    return p;
}

size_t rk_ask_flow_unanswered(const RkAskFlow *f, const RkAnswers *a)
{
    size_t n = 0;
    for (size_t i = 0; i < f->q->n_questions; i++)
        n += f->applicable[i] && a->by_question[i].state == RK_ANSWER_NONE;
    return n;
}
