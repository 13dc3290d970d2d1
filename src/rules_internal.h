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
    char skip_ids[200];  /* what rk.requires asked: ids, space-separated */
    char skip_version[64]; /* and the version condition ("": none) */
    char sha256[65];     /* of the text loaded (explain, PDF annex) */
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
    RkCapCall *cap_calls;  /* every rk.cap call of the run (rules_explain.c) */
    size_t n_cap_calls, cap_cap_calls, n_cap_dropped;
    double standard_score; /* s.score after the standard scorer's layer (explain) */
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
    /* the last answer read as nil in this run (rules_nil.c): question
       index + 1 (0: none), how it was read, and where */
    size_t nil_q;
    int nil_how;
    int nil_line;
    char nil_src[256];
    const char *dry_run; /* the assessment check is dry-running, or NULL */
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

/* rules_explain.c: what score --explain shows, recorded as the run goes.
   note_cap may raise (memory); the others return false on out-of-memory. */
void rk_rules_note_cap(lua_State *L, RkRules *R, size_t file, int pillar, size_t level,
                       const char *reason);
bool rk_rules_explain_prepare(const RkRules *R, RkResult *res);
bool rk_rules_explain_finish(const RkRules *R, RkResult *res);
/* rules_nil.c: name the question behind a nil error. A read that gives
   nil is noted (how: NIL_*); rk_rules_explain rewrites the error in d when
   Lua's message is a comparison, arithmetic or concatenation on nil at
   that place (or names a question id as the field), saying which question
   has no answer in `where` (an answers file) and the guard to write. An
   error in a when:/checks expression loses its one-frame traceback. */
enum { NIL_ANSWER_FIELD, NIL_RK_ANSWER, NIL_RK_GET, NIL_TABLE_FIELD,
       NIL_QUESTION_LAYER /* a.value in the question layer */ };
void rk_rules_note_nil(lua_State *L, RkRules *R, size_t qi, int how);
bool rk_rules_explain(RkRules *R, RkDiag *d, const char *where); /* true: rewritten */
/* Is src, a file name from a Lua message (cut to LUA_IDSIZE - 1 bytes when
   the name is long), the questionnaire's file? */
bool rk_rules_is_questionnaire(const RkRules *R, const char *src);

/* rules.c: evaluate check k of qn against a (its `value` set); the truth
   in *truth. Errors as rk_rules_check_answer's. */
RkStatus rk_rules_eval_check(RkRules *R, const RkAnswers *a, const RkQuestion *qn, size_t k,
                             bool *truth, RkDiag *d);

/* rules_levels.c: the level ids as "a, b, c"; every rk.cap{level =
   "literal"} of a rule file's source checked (errors added to d). */
void rk_rules_levels_text(const RkRules *R, char *buf, size_t size);
void rk_rules_scan_caps(RkRules *R, const char *file, const char *text, size_t len, RkDiag *d);

/* rules_coverage.c: rk.coverage */
int rk_rules_l_coverage(lua_State *L);

/* rules_score.c */
int rk_rules_score_run(lua_State *L);

#endif
