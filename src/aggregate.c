/*
 * aggregate: a consultation's respondents combined into one assessment. Per
 * question a consensus (median of ordered answers, most frequent of
 * unordered ones, a multi's majority choices), the count of answers and a
 * disagreement figure; per pillar the spread of respondents' scores; and
 * the consensus as an answers model the caller can score like any other.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/aggregate.h"

/* One respondent's choice, for sorting ordered answers. */
typedef struct Ranked {
    double points;
    size_t index;          /* the choice's position; breaks ties in points */
} Ranked;

static int by_rank(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    if (x->points != y->points)
        return x->points < y->points ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int by_disagreement(const void *a, const void *b)
{
    const RkAggQuestion *x = *(const RkAggQuestion *const *)a;
    const RkAggQuestion *y = *(const RkAggQuestion *const *)b;
    bool xn = isnan(x->disagreement), yn = isnan(y->disagreement);
    if (xn != yn)
        return xn ? 1 : -1;
    if (!xn && x->disagreement != y->disagreement)
        return x->disagreement > y->disagreement ? -1 : 1;
    return (x->qn->index > y->qn->index) - (x->qn->index < y->qn->index);
}

/* Ordered: yes/no, scales, and choices that all carry points. */
static bool ordered(const RkQuestion *qn)
{
    if (qn->type == RK_Q_YES_NO || qn->type == RK_Q_SCALE)
        return true;
    if (qn->type != RK_Q_CHOICE)
        return false;
    for (size_t i = 0; i < qn->n_choices; i++)
        if (!qn->choices[i].has_points)
            return false;
    return true;
}

/* A respondent's points for question k on 0-1, or NAN. */
static double points01(const RkResult *r, const RkQuestion *qn)
{
    if (!r->questions || qn->index >= r->n_question_results)
        return NAN;
    const RkQuestionResult *qr = &r->questions[qn->index];
    if (strcmp(qr->id, qn->id) != 0 || strcmp(qr->state, "answered") != 0 || !qr->counted ||
        !(qr->max > 0) || isnan(qr->points))
        return NAN;
    double p = qr->points / qr->max;
    return p < 0 ? 0 : p > 1 ? 1 : p;
}

/* Median of the sorted choices; an even count takes the lower middle and
   names the upper as the tie. */
static void median_choice(RkAggregate *g, RkAggQuestion *aq, Ranked *r, size_t m)
{
    qsort(r, m, sizeof *r, by_rank);
    const RkQuestion *qn = aq->qn;
    size_t lo = (m - 1) / 2, hi = m / 2;
    aq->consensus = qn->choices[r[lo].index].value;
    if (r[lo].index != r[hi].index)
        aq->tie = rk_arena_printf(g->arena, "median between %s and %s: the lower is kept",
                                  aq->consensus, qn->choices[r[hi].index].value);
}

/* The most frequent choice; the first listed among equals. */
static void mode_choice(RkAggregate *g, RkAggQuestion *aq, const size_t *count)
{
    const RkQuestion *qn = aq->qn;
    size_t best = 0;
    for (size_t i = 1; i < qn->n_choices; i++)
        if (count[i] > count[best])
            best = i;
    aq->consensus = qn->choices[best].value;
    for (size_t i = 0; i < qn->n_choices; i++)
        if (i != best && count[i] == count[best]) {
            aq->tie = rk_arena_printf(g->arena, "as frequent as %s: the first listed is kept",
                                      qn->choices[i].value);
            break;
        }
    if (aq->answered >= 2 && isnan(aq->disagreement))
        aq->disagreement = 1.0 - (double)count[best] / (double)aq->answered;
}

/* A multi: the choices more than half chose; those at exactly half are the tie. */
static void majority(RkAggregate *g, RkAggQuestion *aq, const size_t *count)
{
    const RkQuestion *qn = aq->qn;
    RkBuf text, tie;
    rk_buf_init(&text);
    rk_buf_init(&tie);
    double spread = 0;
    for (size_t i = 0; i < qn->n_choices; i++) {
        double s = (double)count[i] / (double)aq->answered;
        spread += 4 * s * (1 - s);
        if (2 * count[i] > aq->answered)
            rk_buf_printf(&text, "%s%s", text.len ? " " : "", qn->choices[i].value);
        else if (2 * count[i] == aq->answered)
            rk_buf_printf(&tie, "%s%s", tie.len ? ", " : "", qn->choices[i].value);
    }
    aq->consensus = rk_arena_strdup(g->arena, text.len ? text.data : "");
    if (tie.len)
        aq->tie = rk_arena_printf(g->arena, "chosen by exactly half, left out: %s", tie.data);
    if (aq->answered >= 2 && isnan(aq->disagreement) && qn->n_choices)
        aq->disagreement = spread / (double)qn->n_choices;
    rk_buf_free(&text);
    rk_buf_free(&tie);
}

/* The median of numbers; two middles are averaged (kept apart for whole numbers). */
static void median_number(RkAggregate *g, RkAggQuestion *aq, double *v, size_t m)
{
    qsort(v, m, sizeof *v, by_value);
    double lo = v[(m - 1) / 2], hi = v[m / 2], mid = (lo + hi) / 2;
    if (aq->qn->integer && mid != floor(mid)) {
        mid = lo;
        aq->tie = rk_arena_printf(g->arena, "median between %.15g and %.15g: the lower is kept",
                                  lo, hi);
    }
    aq->consensus = rk_arena_printf(g->arena, "%.15g", mid);
}

/* Count, consensus and disagreement of one question. */
static bool question(RkAggregate *g, RkAggQuestion *aq, RkAnswers *const *answers,
                     RkResult *const *results, size_t n)
{
    const RkQuestion *qn = aq->qn;
    size_t *count = calloc(qn->n_choices + 1, sizeof *count);
    Ranked *ranked = malloc((n ? n : 1) * sizeof *ranked);
    double *nums = malloc((n ? n : 1) * sizeof *nums), sum = 0, sq = 0;
    size_t m = 0, np = 0;
    if (!count || !ranked || !nums) {
        free(count), free(ranked), free(nums);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        const RkAnswer *a = &answers[i]->by_question[qn->index];
        aq->dont_know += a->state == RK_ANSWER_DONT_KNOW;
        if (a->state != RK_ANSWER_VALUE)
            continue;
        aq->answered++;
        double p = points01(results[i], qn);
        if (!isnan(p)) {
            sum += p, sq += p * p, np++;
        }
        for (size_t k = 0; qn->type == RK_Q_MULTI && k < a->n_values; k++)
            count[rk_question_find_choice(qn, a->values[k]) - qn->choices]++;
        if (qn->type == RK_Q_NUMBER) {
            nums[m++] = a->number;
        } else if (qn->type != RK_Q_MULTI && qn->type != RK_Q_TEXT) {
            const RkChoice *c = rk_question_find_choice(qn, a->value);
            size_t k = (size_t)(c - qn->choices);
            count[k]++;
            ranked[m++] = (Ranked){c->has_points ? c->points : 0, k};
        }
    }
    aq->mean_points = np ? sum / (double)np : NAN;
    double var = np ? sq / (double)np - aq->mean_points * aq->mean_points : 0;
    aq->disagreement = np >= 2 ? 2 * sqrt(var > 0 ? var : 0) : NAN;
    if (aq->dont_know > aq->answered)
        aq->consensus = "dont_know";
    else if (aq->answered && qn->type == RK_Q_MULTI)
        majority(g, aq, count);
    else if (m && qn->type == RK_Q_NUMBER)
        median_number(g, aq, nums, m);
    else if (m && ordered(qn))
        median_choice(g, aq, ranked, m);
    else if (m)
        mode_choice(g, aq, count);
    free(count), free(ranked), free(nums);
    return true;
}

/* Mean, median, min and max of the non-NAN values. */
static void stats(RkAggStats *s, double *v, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i]))
            v[m++] = v[i];
    s->n = m;
    s->mean = s->median = s->min = s->max = NAN;
    if (!m)
        return;
    qsort(v, m, sizeof *v, by_value);
    double sum = 0;
    for (size_t i = 0; i < m; i++)
        sum += v[i];
    s->mean = sum / (double)m;
    s->median = (v[(m - 1) / 2] + v[m / 2]) / 2;
    s->min = v[0];
    s->max = v[m - 1];
}

/* The evidence of the first respondent whose answer is the consensus. */
static void evidence(RkAnswers *c, const RkQuestion *qn, RkAnswers *const *answers, size_t n)
{
    const RkAnswer *mine = rk_answers_get(c, qn);
    for (size_t i = 0; mine->state == RK_ANSWER_VALUE && i < n; i++) {
        const RkAnswer *a = rk_answers_get(answers[i], qn);
        bool same = a->state == RK_ANSWER_VALUE && (a->note || a->source);
        if (same && qn->type == RK_Q_MULTI) {
            same = a->n_values == mine->n_values;
            for (size_t k = 0; same && k < a->n_values; k++) {
                size_t j = 0;
                while (j < mine->n_values && strcmp(mine->values[j], a->values[k]) != 0)
                    j++;
                same = j < mine->n_values;
            }
        } else if (same) {
            same = qn->type == RK_Q_NUMBER ? a->number == mine->number
                                           : strcmp(a->value, mine->value) == 0;
        }
        if (same) {
            rk_answers_set_evidence(c, qn, a->note, a->source);
            return;
        }
    }
}

/* The consensus as answers: a value where there is one, with the evidence
   of a respondent who gave it. */
static void consensus_answers(RkAggregate *g, RkAnswers *const *answers, size_t n)
{
    RkAnswers *c = g->consensus;
    char who[64];
    snprintf(who, sizeof who, "consensus of %zu respondents", n);
    rk_answers_set_field(c, "respondent", who);
    bool one_subject = n && answers[0]->subject;
    for (size_t i = 1; one_subject && i < n; i++)
        one_subject = answers[i]->subject && strcmp(answers[i]->subject, answers[0]->subject) == 0;
    if (one_subject)
        rk_answers_set_field(c, "subject", answers[0]->subject);
    for (size_t k = 0; k < g->n_questions; k++) {
        const RkAggQuestion *aq = &g->questions[k];
        RkDiag d;
        rk_diag_init(&d);
        if (!aq->consensus)
            continue;
        if (strcmp(aq->consensus, "dont_know") == 0 && aq->qn->dont_know) {
            rk_answers_set_dont_know(c, aq->qn);
        } else if (aq->qn->type == RK_Q_MULTI) {
            const char *vals[256];
            size_t m = 0;
            for (size_t i = 0; i < aq->qn->n_choices && m < 256; i++) {
                const char *v = aq->qn->choices[i].value;
                size_t len = strlen(v);
                for (const char *s = strstr(aq->consensus, v); s; s = strstr(s + 1, v))
                    if ((s == aq->consensus || s[-1] == ' ') && (!s[len] || s[len] == ' ')) {
                        vals[m++] = v;
                        break;
                    }
            }
            rk_answers_set_multi(c, aq->qn, vals, m, &d);
        } else {
            rk_answers_set(c, aq->qn, aq->consensus, &d);
        }
        evidence(c, aq->qn, answers, n);
    }
}

RkStatus rk_aggregate(const RkQuestionnaire *q, RkAnswers *const *answers,
                      RkResult *const *results, size_t n, RkAggregate **out, RkDiag *d)
{
    *out = NULL;
    RkAggregate *g = calloc(1, sizeof *g);
    double *v = malloc((n ? n : 1) * sizeof *v);
    bool ok = g && v && (g->arena = rk_arena_new()) && (g->consensus = rk_answers_new(q));
    if (ok) {
        g->q = q;
        g->n_respondents = n;
        g->n_questions = q->n_questions;
        g->questions = rk_arena_array(g->arena, q->n_questions + 1, sizeof *g->questions);
        g->by_disagreement = rk_arena_array(g->arena, q->n_questions + 1, sizeof(void *));
        g->pillars = rk_arena_array(g->arena, q->n_pillars + 1, sizeof *g->pillars);
        ok = g->questions && g->by_disagreement && g->pillars;
    }
    for (size_t k = 0; ok && k < q->n_questions; k++) {
        g->questions[k].qn = q->questions[k];
        g->by_disagreement[k] = &g->questions[k];
        ok = question(g, &g->questions[k], answers, results, n);
    }
    for (size_t p = 0; ok && p < q->n_pillars; p++) {
        for (size_t i = 0; i < n; i++)
            v[i] = p < results[i]->n_pillars ? results[i]->pillars[p].score : NAN;
        g->pillars[p].id = q->pillars[p].id;
        stats(&g->pillars[p], v, n);
    }
    if (ok) {
        for (size_t i = 0; i < n; i++)
            v[i] = results[i]->score;
        g->overall.id = "overall";
        stats(&g->overall, v, n);
        qsort(g->by_disagreement, g->n_questions, sizeof(void *), by_disagreement);
        consensus_answers(g, answers, n);
    }
    free(v);
    if (!ok) {
        rk_aggregate_free(g);
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    }
    *out = g;
    return RK_OK;
}

void rk_aggregate_free(RkAggregate *g)
{
    if (!g)
        return;
    rk_answers_free(g->consensus);
    rk_arena_free(g->arena);
    free(g);
}
