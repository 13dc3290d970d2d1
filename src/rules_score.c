/* rules_score: one scoring run inside the sandbox. For each question, then
   each pillar, then the result, every rule file's layer function is called
   in order (standard scorer first); what each returns is merged into the
   score so far and checked. The C side then derives levels and caps. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "readykit/suggest.h"
#include "rules_internal.h"

static const char *const layer_name[N_LAYERS] = {"question", "pillar", "result"};

/* The interned strings (rules_internal.h S_*), at this stack index during
   a run (argument 1 is the engine). */
#define STRS 2

static const char *const str_names[S_QUESTION_IDS - 1] = {
    "id", "state", "counted", "points", "max", "weight", "value", "note", "source",
    "score", "title", "questions", "pillars", "answered", "dont_know", "none", "skipped"};

_Static_assert(S_QUESTION_IDS <= RK_ORIGINS, "an origin per interned field");

/* Push the interned strings, built on the engine's first run. */
static int build_strs(lua_State *L)
{
    RkRules *R = lua_touserdata(L, 1);
    {
        size_t nq = R->q->n_questions;
        lua_createtable(L, (int)(S_QUESTION_IDS - 1 + nq), 0);
        for (int i = 1; i < S_QUESTION_IDS; i++) {
            lua_pushstring(L, str_names[i - 1]);
            lua_rawseti(L, -2, i);
        }
        for (size_t i = 0; i < nq; i++) {
            lua_pushstring(L, R->q->questions[i]->id);
            lua_rawseti(L, -2, S_QUESTION_IDS + (lua_Integer)i);
        }
        R->strs = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    return 0;
}

static void push_strs(lua_State *L, RkRules *R)
{
    if (R->strs == LUA_NOREF) { /* the kit's work: not capped */
        lua_pushlightuserdata(L, R);
        rk_sandbox_kit_call(L, build_strs, 1, 0);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, R->strs);
}

/* t[strs[k]] = v for the table on top, unless v is NaN (no value). */
static void set_num_s(lua_State *L, int k, double v)
{
    if (isnan(v))
        return;
    lua_rawgeti(L, STRS, k);
    lua_pushnumber(L, v);
    lua_rawset(L, -3);
}

/* The keys a layer may return, the first n_set of which are taken. */
static const char *const q_keys[] = {"points", "max", "weight"};
static const char *const p_keys[] = {"score", "weight", "questions"};
static const char *const r_keys[] = {"score", "pillars"};

/* Merge the table a layer returned (top of the stack) into the table at
   s: only known keys, numbers (or false to clear points/score). Pops it. */
static void merge(lua_State *L, int s, int layer, const char *const *keys, size_t n_keys,
                  size_t n_set)
{
    int t = lua_type(L, -1);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (t != LUA_TTABLE)
        luaL_error(L, "the %s function must return a table or nil, not a %s",
                   layer_name[layer], luaL_typename(L, -1));
    int r = lua_gettop(L);
    if (!lua_rawequal(L, r, s)) {
        lua_pushnil(L);
        while (lua_next(L, r)) {
            lua_pop(L, 1);
            const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
            size_t i = 0;
            while (k && i < n_keys && strcmp(k, keys[i]) != 0)
                i++;
            if (!k || i == n_keys) {
                const char *sug = k ? rk_suggest(k, keys, n_keys) : NULL;
                luaL_error(L, "the %s function returned an unknown field '%s'%s%s%s",
                           layer_name[layer], k ? k : luaL_typename(L, -1),
                           sug ? " (did you mean '" : "", sug ? sug : "", sug ? "'?)" : "");
            }
        }
        for (size_t i = 0; i < n_set; i++) {
            lua_pushstring(L, keys[i]);
            if (lua_rawget(L, r) == LUA_TNIL) {
                lua_pop(L, 1);
                continue;
            }
            lua_pushstring(L, keys[i]);
            lua_insert(L, -2);
            lua_rawset(L, s);
        }
    }
    lua_pop(L, 1);
}

/* Raise msg about field key, whose value is on top of the stack: when a
   rule file's layer function returned it (or wrote it into s), as
   "file:line: the LAYER function set KEY = VALUE: msg", with the line where
   that function starts. */
static void bad_value(lua_State *L, int key, const char *msg)
{
    RkRules *R = rk_rules_from(L);
    int o = R->origin[key] - 1;
    if (o < 0 || (size_t)o >= R->n_files)
        luaL_error(L, "%s", msg);
    char val[96];
    int t = lua_type(L, -1);
    if (t == LUA_TSTRING)
        snprintf(val, sizeof val, "\"%.60s%s\"", lua_tostring(L, -1),
                 lua_rawlen(L, -1) > 60 ? "..." : "");
    else if (t == LUA_TNUMBER)
        snprintf(val, sizeof val, "%.14g", lua_tonumber(L, -1));
    else if (t == LUA_TBOOLEAN)
        snprintf(val, sizeof val, "true");
    else
        snprintf(val, sizeof val, "a %s", luaL_typename(L, -1));
    lua_Debug ar;
    int line = 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, R->files[o].layer[R->origin_layer[key]]);
    if (lua_isfunction(L, -1) && lua_getinfo(L, ">S", &ar))
        line = ar.linedefined;
    else
        lua_pop(L, 1);
    luaL_error(L, "%s:%d: the %s function set %s = %s: %s", R->files[o].name, line,
               layer_name[R->origin_layer[key]], str_names[key - 1], val, msg);
}

/* Number field k of the table at s: NAN when nil/false; else checked to be
   a finite number within [lo, hi]. */
static double get_num(lua_State *L, int s, int key, double lo, double hi, const char *what)
{
    const char *k = str_names[key - 1];
    lua_rawgeti(L, STRS, key);
    int t = lua_rawget(L, s);
    double v = NAN;
    if (t == LUA_TNUMBER) {
        v = lua_tonumber(L, -1);
        char msg[160];
        if (!isfinite(v)) {
            snprintf(msg, sizeof msg, "%s %s is not a finite number", what, k);
            bad_value(L, key, msg);
        }
        if (v < lo - 1e-9 || v > hi + 1e-9) {
            snprintf(msg, sizeof msg, "%s %s is %g, outside %g..%g", what, k, v, lo, hi);
            bad_value(L, key, msg);
        }
        v = v < lo ? lo : v > hi ? hi : v;
    } else if (!(t == LUA_TNIL || (t == LUA_TBOOLEAN && !lua_toboolean(L, -1)))) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s %s must be a number, not a %s", what, k,
                 luaL_typename(L, -1));
        bad_value(L, key, msg);
    }
    lua_pop(L, 1);
    return v;
}

/* After a rule file's layer function (not the standard scorer's): the
   fields of s that differ from the values saved at snap (n_set of them,
   popped) were set by file f, whether returned or written into s. */
static void note_origin(lua_State *L, RkRules *R, size_t f, int layer, int s, int snap,
                        const char *const *keys, size_t n_set)
{
    for (size_t i = 0; i < n_set; i++) {
        lua_pushstring(L, keys[i]);
        lua_rawget(L, s);
        bool changed = !lua_rawequal(L, -1, snap + (int)i);
        lua_pop(L, 1);
        for (int k = 1; changed && k < S_QUESTION_IDS; k++)
            if (strcmp(str_names[k - 1], keys[i]) == 0) {
                R->origin[k] = (int)f + 1;
                R->origin_layer[k] = layer;
            }
    }
    lua_settop(L, snap - 1);
}

/* s.score when it is a number, else NAN; never raises (the checks come
   after the last layer). */
static double raw_score(lua_State *L, int s)
{
    lua_rawgeti(L, STRS, S_SCORE);
    double v = lua_rawget(L, s) == LUA_TNUMBER ? lua_tonumber(L, -1) : NAN;
    lua_pop(L, 1);
    return v;
}

/* Call layer `layer` of every file that has it, with the arguments pushed
   by push(L, R, i) (n_args of them, the last being s). */
static void run_layer(lua_State *L, RkRules *R, int layer, int s, const char *const *keys,
                      size_t n_keys, size_t n_set, void (*push)(lua_State *, RkRules *, size_t),
                      size_t idx, int *last)
{
    memset(R->origin, 0, sizeof R->origin);
    R->standard_score = NAN;
    for (size_t f = 0; f < R->n_files; f++) {
        if (R->files[f].layer[layer] == LUA_NOREF)
            continue;
        rk_sandbox_set_file(R->sb, R->files[f].name);
        int snap = lua_gettop(L) + 1;
        for (size_t i = 0; !R->files[f].builtin && i < n_set; i++) { /* s ... snap */
            lua_pushstring(L, keys[i]);
            lua_rawget(L, s);
        }
        int top = lua_gettop(L);
        lua_rawgeti(L, LUA_REGISTRYINDEX, R->files[f].layer[layer]);
        int n = 0;
        if (push) {
            push(L, R, idx);
            n = lua_gettop(L) - top - 1;
        }
        lua_pushvalue(L, s);
        lua_call(L, n + 1, 1);
        merge(L, s, layer, keys, n_keys, n_set);
        if (!R->files[f].builtin)
            note_origin(L, R, f, layer, s, snap, keys, n_set);
        else if (layer != LAYER_QUESTION)
            R->standard_score = raw_score(L, s);
        if (last)
            *last = (int)f;
    }
}

/* rk_sandbox_set_context(what + id), as snprintf "%s%s" into 128 bytes
   would, without snprintf's cost (twice per question). */
static void set_context(RkSandbox *sb, const char *what, const char *id)
{
    char ctx[128];
    size_t a = strlen(what), b = strlen(id);
    if (a > sizeof ctx - 1)
        a = sizeof ctx - 1;
    if (b > sizeof ctx - 1 - a)
        b = sizeof ctx - 1 - a;
    memcpy(ctx, what, a);
    memcpy(ctx + a, id, b);
    ctx[a + b] = '\0';
    rk_sandbox_set_context(sb, ctx);
}

/* A question layer's q (a read-only view) and a (a fresh table). */
static void push_q_args(lua_State *L, RkRules *R, size_t qi)
{
    rk_rules_push_question_view(L, R, qi);
    rk_rules_push_answer_s(L, R, qi, STRS);
}

/* A pillar layer's p (a read-only view). */
static void push_p_args(lua_State *L, RkRules *R, size_t pi)
{
    rk_rules_push_pillar_view(L, R, pi);
}

/* The question stage: applicability (when:), then the question layers. */
static void score_questions(lua_State *L, RkRules *R)
{
    const RkQuestionnaire *q = R->q;
    for (size_t qi = 0; qi < q->n_questions; qi++) {
        const RkQuestion *qn = q->questions[qi];
        RkQuestionResult *qr = &R->res->questions[qi];
        if (R->when_ref[qi] != LUA_NOREF) {
            rk_sandbox_set_file(R->sb, q->path);
            set_context(R->sb, "when: of question ", qn->id);
            rk_sandbox_set_line_offset(R->sb, qn->when_line > 1 ? qn->when_line - 1 : 0);
            lua_rawgeti(L, LUA_REGISTRYINDEX, R->when_ref[qi]);
            lua_call(L, 0, 1);
            R->skipped[qi] = !lua_toboolean(L, -1);
            lua_pop(L, 1);
        }
        set_context(R->sb, "question ", qn->id);
        lua_createtable(L, 0, 3);
        int s = lua_gettop(L);
        set_num_s(L, S_MAX, qn->max_points);
        set_num_s(L, S_WEIGHT, qn->weight);
        int last = 0;
        run_layer(L, R, LAYER_QUESTION, s, q_keys, 3, 3, push_q_args, qi, &last);
        rk_sandbox_set_file(R->sb, R->files[last].name);
        qr->id = qn->id;
        qr->state = rk_rules_state(R, qi);
        qr->max = get_num(L, s, S_MAX, 0, 1e12, "question");
        qr->weight = get_num(L, s, S_WEIGHT, 0, 1e12, "question");
        if (isnan(qr->max))
            qr->max = 0;
        if (isnan(qr->weight))
            qr->weight = 0;
        qr->points = get_num(L, s, S_POINTS, 0, qr->max, "question");
        qr->counted = qn->scored || qr->max > 0;
        qr->points_by = R->origin[S_POINTS];
        qr->max_by = R->origin[S_MAX];
        qr->weight_by = R->origin[S_WEIGHT];
        lua_settop(L, s - 1);
    }
}

/* One entry of s.questions for the pillar layer (question qi). */
static void push_qr(lua_State *L, RkRules *R, size_t qi)
{
    const RkQuestionResult *qr = &R->res->questions[qi];
    lua_createtable(L, 0, 6);
    lua_rawgeti(L, STRS, S_ID);
    lua_rawgeti(L, STRS, S_QUESTION_IDS + (lua_Integer)qi);
    lua_rawset(L, -3);
    lua_rawgeti(L, STRS, S_STATE);
    lua_rawgeti(L, STRS, rk_rules_state_s(R, qi));
    lua_rawset(L, -3);
    lua_rawgeti(L, STRS, S_COUNTED);
    lua_pushboolean(L, qr->counted);
    lua_rawset(L, -3);
    set_num_s(L, S_POINTS, qr->points);
    set_num_s(L, S_MAX, qr->max);
    set_num_s(L, S_WEIGHT, qr->weight);
}

/* A pillar layer's s.questions (engine at 1, strings at STRS, the pillar's
   index at 3): as long as the pillar, the kit's work (not capped). */
static int build_pillar_questions(lua_State *L)
{
    RkRules *R = lua_touserdata(L, 1);
    const RkPillar *p = &R->q->pillars[lua_tointeger(L, 3)];
    lua_createtable(L, (int)p->n_questions, 0);
    for (size_t j = 0; j < p->n_questions; j++) {
        push_qr(L, R, p->questions[j].index);
        lua_rawseti(L, -2, (lua_Integer)j + 1);
    }
    return 1;
}

static void score_pillars(lua_State *L, RkRules *R)
{
    for (size_t pi = 0; pi < R->q->n_pillars; pi++) {
        const RkPillar *p = &R->q->pillars[pi];
        RkPillarResult *pr = &R->res->pillars[pi];
        set_context(R->sb, "pillar ", p->id);
        lua_createtable(L, 0, 3);
        int s = lua_gettop(L);
        set_num_s(L, S_WEIGHT, p->weight);
        lua_rawgeti(L, STRS, S_QUESTIONS);
        lua_pushlightuserdata(L, R);
        lua_pushvalue(L, STRS);
        lua_pushinteger(L, (lua_Integer)pi);
        rk_sandbox_kit_call(L, build_pillar_questions, 3, 1);
        lua_rawset(L, s);
        int last = 0;
        run_layer(L, R, LAYER_PILLAR, s, p_keys, 3, 2, push_p_args, pi, &last);
        rk_sandbox_set_file(R->sb, R->files[last].name);
        pr->score = get_num(L, s, S_SCORE, 0, 100, "pillar");
        pr->weight = get_num(L, s, S_WEIGHT, 0, 1e12, "pillar");
        if (isnan(pr->weight))
            pr->weight = 0;
        pr->score_by = R->origin[S_SCORE];
        pr->standard_score = R->standard_score;
        pr->weight_by = R->origin[S_WEIGHT];
        lua_settop(L, s - 1);
    }
}

static void score_result(lua_State *L, RkRules *R)
{
    rk_sandbox_set_context(R->sb, "the result");
    lua_createtable(L, 0, 2);
    int s = lua_gettop(L);
    lua_createtable(L, (int)R->q->n_pillars, (int)R->q->n_pillars);
    for (size_t pi = 0; pi < R->q->n_pillars; pi++) {
        const RkPillarResult *pr = &R->res->pillars[pi];
        lua_createtable(L, 0, 4);
        lua_rawgeti(L, STRS, S_ID);
        lua_pushstring(L, pr->id);
        lua_rawset(L, -3);
        lua_rawgeti(L, STRS, S_TITLE);
        rk_rules_push_text(L, &R->q->pillars[pi].title);
        lua_rawset(L, -3);
        set_num_s(L, S_SCORE, pr->score);
        set_num_s(L, S_WEIGHT, pr->weight);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, (lua_Integer)pi + 1);
        lua_setfield(L, -2, pr->id);
    }
    lua_rawgeti(L, STRS, S_PILLARS);
    lua_insert(L, -2);
    lua_rawset(L, s);
    int last = 0;
    run_layer(L, R, LAYER_RESULT, s, r_keys, 2, 1, NULL, 0, &last);
    rk_sandbox_set_file(R->sb, R->files[last].name);
    R->res->score = get_num(L, s, S_SCORE, 0, 100, "result");
    R->res->score_by = R->origin[S_SCORE];
    R->res->standard_score = R->standard_score;
    lua_settop(L, s - 1);
}

/* The whole run, as one protected call (rk_sandbox_run): everything here
   may raise, and the first error ends the scoring of this answers file. */
int rk_rules_score_run(lua_State *L)
{
    RkRules *R = lua_touserdata(L, 1);
    lua_settop(L, 1);
    push_strs(L, R); /* at STRS */
    /* Each answers file is scored as if it were alone: the rule files' top
       level runs again, outside a layer (as when the engine was built). */
    const RkAnswers *a = R->a;
    R->a = NULL;
    R->scoring = false;
    rk_rules_instantiate_all(L, R);
    R->a = a;
    R->scoring = true;
    score_questions(L, R);
    R->questions_done = true;
    score_pillars(L, R);
    score_result(L, R);
    return 0;
}
