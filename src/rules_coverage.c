/* rules_coverage: rk.coverage([pillar]), how much evidence stands behind
   the scores: the scored questions answered, "don't know", unanswered and
   not applicable, with their weights, overall and per pillar. It counts
   exactly as the result's counts (RkResult n_answered & co., the JSON
   "questions", "answered", ...), so rule files need not rebuild them. */
#include <string.h>

#include <lauxlib.h>

#include "readykit/suggest.h"
#include "rules_internal.h"

typedef struct Counts {
    lua_Integer questions, answered, dont_know, unanswered, skipped;
    double weight, answered_weight;
} Counts;

/* Add one question to c if it is scored (counted: scored by the
   questionnaire, or given a max above 0 by a question layer). The weight
   is the one after the question layers; not applicable questions add none. */
static void add(Counts *c, const RkQuestionResult *qr)
{
    if (!qr->counted)
        return;
    c->questions++;
    if (strcmp(qr->state, "skipped") == 0) {
        c->skipped++;
        return;
    }
    c->weight += qr->weight;
    if (strcmp(qr->state, "answered") == 0) {
        c->answered++;
        c->answered_weight += qr->weight;
    } else if (strcmp(qr->state, "dont_know") == 0) {
        c->dont_know++;
    } else {
        c->unanswered++;
    }
}

static void set_int(lua_State *L, const char *k, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

static void set_num(lua_State *L, const char *k, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
}

/* A fresh table of counts. [-0, +1] */
static void push_counts(lua_State *L, const Counts *c)
{
    lua_createtable(L, 0, 8);
    set_int(L, "questions", c->questions);
    set_int(L, "answered", c->answered);
    set_int(L, "dont_know", c->dont_know);
    set_int(L, "unanswered", c->unanswered);
    set_int(L, "skipped", c->skipped);
    set_num(L, "weight", c->weight);
    set_num(L, "answered_weight", c->answered_weight);
}

static Counts pillar_counts(const RkRules *R, size_t pi)
{
    Counts c = {0};
    const RkPillar *p = &R->q->pillars[pi];
    for (size_t j = 0; j < p->n_questions; j++)
        add(&c, &R->res->questions[p->questions[j].index]);
    return c;
}

/* rk.coverage(): {questions, answered, dont_know, unanswered, skipped,
   weight, answered_weight, pillars = {[id] = {same fields}}};
   rk.coverage(pillar_id): that pillar's counts alone. Pillar and result
   layers only: the states and weights are final once every question
   layer has run. */
int rk_rules_l_coverage(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    if (!R->questions_done)
        return luaL_error(L, "rk.coverage can only be used in the pillar and result layers "
                             "(once every question is scored)");
    const RkQuestionnaire *q = R->q;
    if (!lua_isnoneornil(L, 1)) {
        if (lua_type(L, 1) != LUA_TSTRING)
            return luaL_error(L, "rk.coverage: the argument must be a pillar id (a string), "
                                 "not a %s", luaL_typename(L, 1));
        const char *id = lua_tostring(L, 1);
        const RkPillar *p = rk_questionnaire_find_pillar(q, id);
        if (!p) {
            const char *s = rk_suggest(id, R->pids, q->n_pillars);
            return luaL_error(L, "rk.coverage: unknown pillar '%s'%s%s%s", id,
                              s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
        }
        Counts c = pillar_counts(R, (size_t)(p - q->pillars));
        push_counts(L, &c);
        return 1;
    }
    Counts all = {0};
    lua_createtable(L, 0, (int)q->n_pillars);
    for (size_t pi = 0; pi < q->n_pillars; pi++) {
        Counts c = pillar_counts(R, pi);
        push_counts(L, &c);
        lua_setfield(L, -2, q->pillars[pi].id);
        all.questions += c.questions;
        all.answered += c.answered;
        all.dont_know += c.dont_know;
        all.unanswered += c.unanswered;
        all.skipped += c.skipped;
        all.weight += c.weight;
        all.answered_weight += c.answered_weight;
    }
    push_counts(L, &all);
    lua_insert(L, -2);
    lua_setfield(L, -2, "pillars");
    return 1;
}
