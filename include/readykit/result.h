/*
 * result: what scoring produced for one answers file: overall score and
 * level, pillars with their caps, derived indicators and findings. The rules
 * engine is its only producer; the text, JSON, CSV and PDF writers read it.
 *
 * Everything lives in the result's own arena (strings are copied in, so a
 * result outlives the Lua state and points into no other model) and is freed
 * by rk_result_free. Strings are already in the chosen language.
 */
#ifndef READYKIT_RESULT_H
#define READYKIT_RESULT_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/arena.h"

/* A cap (gate): the level may not pass max_level whatever the score. */
typedef struct RkCap {
    bool active;
    bool binding;           /* it lowers the level the score alone would give */
    int max_level;          /* index into the questionnaire's levels */
    const char *max_level_name;
    const char *reason;
    const char *rule_file;  /* which rule file set it */
} RkCap;

typedef struct RkPillarResult {
    const char *id;
    const char *title;
    double weight;
    double score;           /* 0-100; NAN when no question had data */
    int level;              /* after the cap; -1 when score is NAN */
    const char *level_name;
    int uncapped_level;     /* from the score alone */
    RkCap cap;
    /* data confidence */
    int n_questions;        /* scored questions in the pillar */
    int n_answered;         /* answered with a value */
    int n_dont_know;
    int n_skipped;          /* not applicable (when: false) */
    int n_unanswered;
    /* explain: the rule file (index + 1 into RkResult.rule_files) whose
       pillar function last changed the score or the weight; 0: the
       standard scorer's */
    int score_by, weight_by;
    double standard_score;  /* explain: the standard scorer's score, before the
                               rule files' pillar functions (NAN: none) */
} RkPillarResult;

typedef struct RkIndicator {
    const char *id;
    const char *label;
    double value;           /* NAN when it could not be computed */
    const char *unit;       /* may be NULL */
    const char *pillar;     /* may be NULL */
} RkIndicator;

typedef struct RkFinding {
    const char *pillar;     /* may be NULL (about the whole result) */
    int priority;           /* 1 (highest) .. 3 */
    const char *kind;       /* "gap", "strength", "recommendation" */
    const char *text;
    const char **questions; /* ids of the answers that triggered it */
    size_t n_questions;
    const char *rule_file;
} RkFinding;

/* One question's final score (added by the rules engine). */
typedef struct RkQuestionResult {
    const char *id;
    const char *state;      /* "answered", "dont_know", "none", "skipped" */
    bool counted;           /* scored (or given points by a rule) */
    double points;          /* NAN when it has no points */
    double max;
    double weight;
    /* explain: the rule file (index + 1 into RkResult.rule_files) whose
       question function last changed the points, max or weight; 0: the
       standard scorer (or the questionnaire) */
    int points_by, max_by, weight_by;
} RkQuestionResult;

/* A rule file of the engine, in layering order (explain, PDF annex). */
typedef struct RkRuleFileInfo {
    const char *name;       /* as given ("scripts/score.lua": the standard scorer) */
    char sha256[65];        /* of the text loaded, lower-case hex */
    bool builtin;           /* the standard scorer, compiled in */
    bool skipped;           /* rk.requires did not match: never run */
    const char *skip_why;   /* the warning that says so, or NULL */
    const char *skip_ids;   /* skipped: the questionnaire ids rk.requires
                               asked for, space-separated ("": any) */
    const char *skip_version; /* skipped: its version condition ("": any) */
} RkRuleFileInfo;

/* One rk.cap call of the run, in the order made (explain). */
typedef struct RkCapCall {
    int pillar;             /* index into RkResult.pillars; -1: overall */
    int max_level;          /* index into the questionnaire's levels */
    const char *reason;
    int rule_file;          /* index into RkResult.rule_files */
    int line;               /* the line of the rk.cap call */
    int via;                /* the line that called the function making it,
                               in the same file; 0: none */
    bool reported;          /* the cap the result shows (the lowest; the
                               first on a tie) */
    bool tied;              /* at the reported cap's level, made after it */
} RkCapCall;

typedef struct RkResult {
    RkArena *arena;
    const char *questionnaire_id;
    const char *version;
    const char *subject;
    const char *language;
    double score;           /* 0-100; NAN when nothing was answered */
    int level;
    const char *level_name;
    int uncapped_level;
    RkCap cap;
    RkPillarResult *pillars;
    size_t n_pillars;
    RkIndicator *indicators;
    size_t n_indicators;
    RkFinding *findings;    /* sorted: priority, then pillar order, then order added */
    size_t n_findings;
    /* data confidence over all scored questions */
    int n_questions, n_answered, n_dont_know, n_skipped, n_unanswered;
    /* added by the rules engine: */
    RkQuestionResult *questions; /* in questionnaire order */
    size_t n_question_results;
    const char *answers_file;    /* the answers' path or NULL */
    int score_by;                /* explain: as RkPillarResult.score_by */
    double standard_score;       /* explain: as RkPillarResult.standard_score */
    RkRuleFileInfo *rule_files;  /* the engine's, in layering order */
    size_t n_rule_files;
    RkCapCall *cap_calls;        /* every rk.cap call, in order */
    size_t n_cap_calls;
    size_t n_cap_calls_dropped;  /* made beyond RK_MAX_CAP_CALLS, not kept */
} RkResult;

#define RK_MAX_CAP_CALLS 1000

RkResult *rk_result_new(void); /* NULL on out-of-memory */
void rk_result_free(RkResult *r); /* accepts NULL */

/* Share of applicable scored questions answered with a value, 0-100. */
double rk_result_confidence(const RkResult *r);

#endif
