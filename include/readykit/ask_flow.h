/*
 * ask_flow: the order of questions in `readykit ask`, as pure state: which
 * questions apply (their when: given the answers so far), where the assessor
 * is, and what next, back, skip, jump and resume lead to. It never prints
 * and never touches a terminal, so it is tested without one.
 *
 * RkAskFlow owns its applicable[] array (rk_ask_flow_free); it borrows the
 * questionnaire, which must outlive it.
 */
#ifndef READYKIT_ASK_FLOW_H
#define READYKIT_ASK_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/answers.h"
#include "readykit/diag.h"
#include "readykit/questionnaire.h"

/* Is qn applicable given a? (ask passes rk_rules_applicable through this;
   tests pass their own.) */
typedef RkStatus (*RkAskApplicableFn)(void *ctx, const RkAnswers *a, const RkQuestion *qn,
                                      bool *out, RkDiag *d);

typedef struct RkAskFlow {
    const RkQuestionnaire *q;
    bool *applicable;   /* applicable[i] for q->questions[i] */
    size_t current;     /* index in q->questions; q->n_questions means the end */
    bool from_review;   /* current was reached from the review screen: go back
                           there once it is answered */
} RkAskFlow;

/* Where the current question stands, 1-based, among applicable questions:
   "Legal framework · pillar_pos of pillar_total · question pos of total". */
typedef struct RkAskPosition {
    size_t pillar_pos, pillar_total;
    size_t pos, total;
} RkAskPosition;

/* A flow at the first question (call rk_ask_flow_refresh next). NULL on
   out-of-memory. */
RkAskFlow *rk_ask_flow_new(const RkQuestionnaire *q);
void rk_ask_flow_free(RkAskFlow *f); /* accepts NULL */

/* Re-evaluate every question's when: against a (after any answer changes). */
RkStatus rk_ask_flow_refresh(RkAskFlow *f, const RkAnswers *a, RkAskApplicableFn fn,
                             void *ctx, RkDiag *d);

/* The next applicable question after the current one (or the end). */
void rk_ask_flow_next(RkAskFlow *f);
/* The previous applicable question; stays put at the first. From the end,
   the last applicable question. */
void rk_ask_flow_back(RkAskFlow *f);
/* Go to question i (from the review screen: from_review is set). */
void rk_ask_flow_jump(RkAskFlow *f, size_t i);
/* The first applicable question without an answer (the end when none). */
void rk_ask_flow_resume(RkAskFlow *f, const RkAnswers *a);

bool rk_ask_flow_at_end(const RkAskFlow *f);
RkAskPosition rk_ask_flow_position(const RkAskFlow *f);
/* Applicable questions still unanswered. */
size_t rk_ask_flow_unanswered(const RkAskFlow *f, const RkAnswers *a);

#endif
