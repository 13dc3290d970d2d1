/*
 * aggregate: many respondents' answers about one subject (a consultation)
 * combined into one: a consensus answer per question, how many answered,
 * how far they disagree, and each pillar's spread over respondents.
 *
 * An RkAggregate owns its arena (every string and array in it) and its
 * consensus answers; rk_aggregate_free frees them. It borrows the
 * questionnaire, which must outlive it. Inputs are only read.
 */
#ifndef READYKIT_AGGREGATE_H
#define READYKIT_AGGREGATE_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/answers.h"
#include "readykit/fileio.h"
#include "readykit/result.h"

typedef struct RkAggQuestion {
    const RkQuestion *qn;
    size_t answered;        /* respondents who gave a value */
    size_t dont_know;
    const char *consensus;  /* the consensus as text (a multi's values
                               space-separated; "" for none chosen), or NULL */
    const char *tie;        /* what the consensus was chosen over, or NULL */
    double disagreement;    /* 0-1: the spread (standard deviation x 2) of the
                               answers' points on 0-1; for unscored choices,
                               1 - the share of the most frequent answer; NAN
                               with fewer than two answers or no measure */
    double mean_points;     /* mean of the answers' points on 0-1, or NAN */
} RkAggQuestion;

typedef struct RkAggStats {
    const char *id;         /* pillar id, or "overall" */
    size_t n;               /* respondents with a score */
    double mean, median, min, max; /* NAN when n is 0 */
} RkAggStats;

typedef struct RkAggregate {
    RkArena *arena;
    const RkQuestionnaire *q;
    size_t n_respondents;
    RkAggQuestion *questions;        /* in questionnaire order */
    const RkAggQuestion **by_disagreement; /* most disagreement first, NAN last */
    size_t n_questions;
    RkAggStats *pillars;             /* in questionnaire order */
    RkAggStats overall;
    RkAnswers *consensus;            /* the consensus as one answers model */
} RkAggregate;

/* Combine n respondents (answers[i] scored as results[i]) of questionnaire
   q. Medians for ordered questions (choices by points, numbers; an even
   count takes the lower middle answer and states the tie), the most
   frequent answer for unordered ones, for a multi the choices more than
   half chose. */
RkStatus rk_aggregate(const RkQuestionnaire *q, RkAnswers *const *answers,
                      RkResult *const *results, size_t n, RkAggregate **out, RkDiag *d);
void rk_aggregate_free(RkAggregate *g); /* accepts NULL */

/* The aggregate and the consensus' own result as text or as one JSON object. */
void rk_aggregate_text(RkBuf *b, const RkAggregate *g, const RkResult *consensus);
void rk_aggregate_json(RkBuf *b, const RkAggregate *g, const RkResult *consensus);
/* The questions, most disagreement first, as CSV (a header row, then one
   row per question: RFC 4180, cells a spreadsheet would run neutralised). */
void rk_aggregate_csv(RkBuf *b, const RkAggregate *g);

#endif
