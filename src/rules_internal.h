/*
 * rules_internal.h: the RkRules struct, shared by rules.c (building the
 * engine, when: and checks), rules_push.c (models as fresh Lua tables),
 * rules_api.c (the rk table) and rules_score.c (the layers, the result).
 */
#ifndef READYKIT_RULES_INTERNAL_H
#define READYKIT_RULES_INTERNAL_H

#include <lua.h>

#include "readykit/rules.h"
#include "readykit/sandbox.h"

enum { LAYER_QUESTION, LAYER_PILLAR, LAYER_RESULT, N_LAYERS };

#define RULES_FILE_MAX (1024u * 1024u)
#define MAX_FINDINGS 1000
#define MAX_INDICATORS 200
#define MAX_TEXT 4000
#define RK_ORIGINS 24   /* more than the S_* strings a layer may set */
#define RULES_KEY "readykit.rules" /* registry: the RkRules (light userdata) */

typedef struct RuleFile {
    char name[256];      /* as typed (or "scripts/score.lua"): messages use it */
    char *text;          /* the source, until loaded */
    size_t len;
    int layer[N_LAYERS]; /* registry refs of the layer functions, or LUA_NOREF */
    bool builtin;        /* scripts/score.lua: run once (rules.c) */
    int rk_tpl;          /* registry ref: the fields of its rk tables */
    int chunk_ref;       /* registry ref of the compiled chunk, run afresh for
                            every answers file (rules.c instantiate) */
    bool skip;           /* rk.requires does not match: never run again */
    char skip_why[300];  /* the warning that says so */
} RuleFile;

struct RkRules {
    const RkQuestionnaire *q;
    RkSandbox *sb;
    char opt_lang[32];
    RuleFile *files;
    size_t n_files;
    const char **qids;   /* every question id, for "did you mean" */
    const char **pids;   /* every pillar id */
    const char **lids;   /* every level id */
    int *when_ref;       /* per question: compiled when:, or LUA_NOREF */
    int *check_ref;      /* per check, questions in order */
    size_t *check_first; /* per question: index of its first check */
    int when_env;        /* registry ref of the environment of when:/checks */
    int q_templates;     /* registry ref: per question, its fields (rules_push.c) */
    int strs;            /* registry ref: the interned strings of rules_score.c */
    int q_view;          /* registry ref: rk.questionnaire, a read-only view
                            shared by every run (rules_push.c) */
    int q_views;         /* registry ref: its question tables, by index */
    int p_views;         /* registry ref: the pillar layer's pillar views */
    char **declared;     /* the indicator ids the rule files declare */
    size_t n_declared;
    bool declared_done;  /* read on the engine's first run only */
    size_t mem_base;     /* sandbox memory once built: above it by a quarter
                            of the cap, garbage is collected between files */
    /* the run in progress */
    const RkAnswers *a;  /* NULL outside a run */
    const RkAnswers *run; /* the run's answers, also while the rule files'
                             top level runs (rk.subject, rk.log); or NULL */
    unsigned char *skipped; /* per question; 1 = not applicable (when: false) */
    bool scoring;        /* rk.finding & co. are allowed */
    bool questions_done; /* every question layer has run: rk.coverage is allowed */
    const char *lang;
    RkResult *res;
    RkFinding *findings;
    size_t n_findings, cap_findings;
    size_t findings_bytes, max_findings_bytes; /* text of this run's findings, its cap */
    RkIndicator *indicators;
    size_t n_indicators, cap_indicators;
    /* argument and answer of one when:/check evaluation */
    const RkQuestion *cur_q;
    size_t cur_check;
    bool truth;
    size_t log_bytes;    /* written by rk.log in this run (capped) */
    bool mute_log;       /* a top level run again to report its error */
    /* per returned field (S_*): the file whose layer function set it last
       (index + 1; 0: none) and that layer, so that a bad value names the
       rule file, the function's line and the value (rules_score.c) */
    int origin[RK_ORIGINS];
    int origin_layer[RK_ORIGINS];
};

#define MAX_LOG_BYTES (64u * 1024u)

/* rules_push.c: fresh tables for the models. All may raise (memory). */
void rk_rules_push_text(lua_State *L, const RkText *t);
void rk_rules_push_question(lua_State *L, RkRules *R, const RkQuestion *qn);
void rk_rules_push_pillar(lua_State *L, RkRules *R, const RkPillar *p);
void rk_rules_push_questionnaire(lua_State *L, RkRules *R);
void rk_rules_push_question_view(lua_State *L, RkRules *R, size_t qi);
void rk_rules_push_pillar_view(lua_State *L, RkRules *R, size_t pi);
const char *rk_rules_state(RkRules *R, size_t qi);
void rk_rules_push_value(lua_State *L, RkRules *R, size_t qi);
void rk_rules_push_answer(lua_State *L, RkRules *R, size_t qi);

/* Strings the scoring run sets again and again, interned once per engine
   in a list (rules_score.c pushes it at a fixed stack index): a key taken
   from it costs a table read, where lua_setfield or lua_pushstring with a
   C string hashes and compares the string each time. */
enum { S_ID = 1, S_STATE, S_COUNTED, S_POINTS, S_MAX, S_WEIGHT, S_VALUE, S_NOTE, S_SOURCE,
       S_SCORE, S_TITLE, S_QUESTIONS, S_PILLARS, S_ANSWERED, S_DONT_KNOW, S_NONE, S_SKIPPED,
       S_QUESTION_IDS /* then every question id, in order */ };
void rk_rules_push_answer_s(lua_State *L, RkRules *R, size_t qi, int strs);
int rk_rules_state_s(RkRules *R, size_t qi);

/* rules.c: every rule file's chunk run afresh (fresh _ENV and rk) */
void rk_rules_instantiate_all(lua_State *L, RkRules *R);
void rk_rules_release_layers(lua_State *L, RkRules *R);

/* rules_api.c */
void rk_rules_push_rk(lua_State *L, RkRules *R, size_t file);
void rk_rules_push_when_env(lua_State *L, RkRules *R);
const RkQuestion *rk_rules_check_question(lua_State *L, RkRules *R, int arg);
const char *rk_rules_arg_text(lua_State *L, RkRules *R, int idx, const char *what);
RkRules *rk_rules_from(lua_State *L);

/* rules_requires.c: rk.requires */
int rk_rules_l_requires(lua_State *L);

/* rules_coverage.c: rk.coverage */
int rk_rules_l_coverage(lua_State *L);

/* rules_score.c */
int rk_rules_score_run(lua_State *L);

#endif
