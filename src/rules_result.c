/* rules_result: rk_rules_score: prepare an RkResult, run the layers in the
   sandbox, then derive levels (with caps), data confidence, and the sorted
   findings. The rules engine is the only producer of results. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rules_internal.h"

static int level_name(const RkRules *R, int level, const char **name)
{
    *name = level >= 0 ? rk_arena_strdup(R->res->arena, rk_text_get(&R->q->levels[level].name,
                                                                     R->lang, R->q->languages[0]))
                       : NULL;
    return level;
}

/* Level from the score, lowered by an active cap; -1 without a score. */
static void set_levels(const RkRules *R, double score, RkCap *cap, int *uncapped,
                       int *level, const char **name)
{
    if (isnan(score)) {
        *uncapped = -1;
        level_name(R, -1, name);
        *level = -1;
        return;
    }
    *uncapped = (int)rk_questionnaire_level_for(R->q, score);
    int lv = *uncapped;
    if (cap->active && cap->max_level < lv)
        lv = cap->max_level;
    /* A gate that holds without lowering anything is still shown ("at most"),
       as it says why the level cannot rise; only a binding one "caps". */
    cap->binding = cap->active && cap->max_level < *uncapped;
    *level = level_name(R, lv, name);
}

static int pillar_rank(const RkRules *R, const char *pillar)
{
    if (!pillar)
        return -1;
    return (int)(rk_questionnaire_find_pillar(R->q, pillar) - R->q->pillars);
}

/* Copy findings sorted by priority, then pillar order (whole-result
   findings first), then the order they were added (insertion sort: stable,
   and there are at most MAX_FINDINGS). */
static bool copy_findings(RkRules *R, RkResult *res)
{
    size_t n = R->n_findings;
    res->findings = rk_arena_array(res->arena, n ? n : 1, sizeof *res->findings);
    if (!res->findings)
        return false;
    for (size_t i = 0; i < n; i++) {
        RkFinding f = R->findings[i];
        int rank = pillar_rank(R, f.pillar);
        size_t j = i;
        while (j > 0) {
            const RkFinding *g = &res->findings[j - 1];
            int grank = pillar_rank(R, g->pillar);
            if (g->priority < f.priority || (g->priority == f.priority && grank <= rank))
                break;
            res->findings[j] = *g;
            j--;
        }
        res->findings[j] = f;
    }
    res->n_findings = n;
    return true;
}

/* Counts of data confidence over counted questions. */
static void count(RkPillarResult *pr, RkResult *res, const RkQuestionResult *qr)
{
    if (!qr->counted)
        return;
    int *c = strcmp(qr->state, "answered") == 0    ? &pr->n_answered
             : strcmp(qr->state, "dont_know") == 0 ? &pr->n_dont_know
             : strcmp(qr->state, "skipped") == 0   ? &pr->n_skipped
                                                   : &pr->n_unanswered;
    (*c)++;
    pr->n_questions++;
    res->n_questions++;
    if (c == &pr->n_answered)
        res->n_answered++;
    else if (c == &pr->n_dont_know)
        res->n_dont_know++;
    else if (c == &pr->n_skipped)
        res->n_skipped++;
    else
        res->n_unanswered++;
}

static RkStatus finish(RkRules *R, RkResult *res, RkDiag *d)
{
    const RkQuestionnaire *q = R->q;
    for (size_t pi = 0; pi < q->n_pillars; pi++) {
        RkPillarResult *pr = &res->pillars[pi];
        for (size_t j = 0; j < q->pillars[pi].n_questions; j++)
            count(pr, res, &res->questions[q->pillars[pi].questions[j].index]);
        set_levels(R, pr->score, &pr->cap, &pr->uncapped_level, &pr->level, &pr->level_name);
    }
    set_levels(R, res->score, &res->cap, &res->uncapped_level, &res->level, &res->level_name);
    bool named = res->level < 0 || res->level_name;
    for (size_t pi = 0; pi < q->n_pillars; pi++)
        named = named && (res->pillars[pi].level < 0 || res->pillars[pi].level_name);
    if (!named)
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    res->indicators = rk_arena_array(res->arena, R->n_indicators ? R->n_indicators : 1,
                                     sizeof *res->indicators);
    if (!res->indicators || !copy_findings(R, res) || !rk_rules_explain_finish(R, res))
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    if (R->n_indicators)
        memcpy(res->indicators, R->indicators, R->n_indicators * sizeof *res->indicators);
    res->n_indicators = R->n_indicators;
    return RK_OK;
}

/* *out = a copy of s (NULL stays NULL); false when out of memory. */
static bool dup(RkArena *ar, const char *s, const char **out)
{
    *out = rk_arena_strdup(ar, s);
    return *out || !s;
}

/* The result's header and its pillar and question slots. */
static bool prepare(RkRules *R, const RkAnswers *a, RkResult *res)
{
    const RkQuestionnaire *q = R->q;
    RkArena *ar = res->arena;
    bool ok = dup(ar, q->id, &res->questionnaire_id) && dup(ar, q->version, &res->version) &&
              dup(ar, a->subject, &res->subject) && dup(ar, a->path, &res->answers_file) &&
              dup(ar, R->lang, &res->language);
    res->pillars = rk_arena_array(ar, q->n_pillars ? q->n_pillars : 1, sizeof *res->pillars);
    res->questions = rk_arena_array(ar, q->n_questions ? q->n_questions : 1,
                                    sizeof *res->questions);
    if (!ok || !res->pillars || !res->questions || !rk_rules_explain_prepare(R, res))
        return false;
    res->n_pillars = q->n_pillars;
    res->n_question_results = q->n_questions;
    for (size_t pi = 0; pi < q->n_pillars; pi++) {
        RkPillarResult *pr = &res->pillars[pi];
        if (!dup(ar, q->pillars[pi].id, &pr->id) ||
            !dup(ar, rk_text_get(&q->pillars[pi].title, R->lang, q->languages[0]), &pr->title))
            return false;
        pr->weight = q->pillars[pi].weight;
        pr->score = NAN;
        pr->level = pr->uncapped_level = pr->cap.max_level = -1;
    }
    for (size_t qi = 0; qi < q->n_questions; qi++) {
        if (!dup(ar, q->questions[qi]->id, &res->questions[qi].id))
            return false;
        res->questions[qi].points = NAN;
        res->questions[qi].state = "none";
    }
    return true;
}

RkStatus rk_rules_score(RkRules *R, const RkAnswers *a, RkResult **out, RkDiag *d)
{
    *out = NULL;
    RkResult *res = rk_result_new();
    if (!res)
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    R->lang = rk_questionnaire_lang(R->q, R->opt_lang[0] ? R->opt_lang : a->language);
    R->res = res;
    R->a = a;
    R->run = a;
    R->scoring = true;
    R->questions_done = false;
    R->n_findings = 0;
    R->findings_bytes = 0;
    R->n_indicators = 0;
    R->n_cap_calls = 0;
    R->n_cap_dropped = 0;
    R->log_bytes = 0;
    memset(R->skipped, 0, R->q->n_questions ? R->q->n_questions : 1);
    /* What the previous answers file left is garbage now (its rule state
       is dropped by the run's instantiate): collect it before it can count
       against this file's memory cap. */
    if (rk_sandbox_memory(R->sb) > R->mem_base + rk_sandbox_memory_cap(R->sb) / 4)
        lua_gc(rk_sandbox_lua(R->sb), LUA_GCCOLLECT);
    RkStatus s = prepare(R, a, res) ? RK_OK
                 : rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    R->nil_q = 0;
    if (s == RK_OK && (s = rk_sandbox_run(R->sb, rk_rules_score_run, R, d)) != RK_OK)
        rk_rules_explain(R, d, a->path ? a->path : "these answers");
    rk_rules_release_layers(rk_sandbox_lua(R->sb), R);
    if (s == RK_OK)
        s = finish(R, res, d);
    R->scoring = false;
    R->questions_done = false;
    R->a = NULL;
    R->run = NULL;
    R->res = NULL;
    if (s != RK_OK) {
        rk_result_free(res);
        return s;
    }
    *out = res;
    return RK_OK;
}
