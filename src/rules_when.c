/* rules_when: the environment of when: expressions and checks: answer.<id>,
   selected(id, v), answered(id), dont_know(id), count_selected(id), and
   value (a check's own answer, set before each check). */
#include <string.h>

#include <lauxlib.h>

#include "rules_internal.h"

static int w_answer(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    size_t qi = rk_rules_check_question(L, R, 2)->index;
    rk_rules_push_value(L, R, qi);
    if (lua_isnil(L, -1))
        rk_rules_note_nil(L, R, qi, NIL_ANSWER_FIELD);
    return 1;
}

static int w_selected(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    const RkQuestion *qn = rk_rules_check_question(L, R, 1);
    const char *v = luaL_checkstring(L, 2);
    const RkAnswer *an = &R->a->by_question[qn->index];
    bool yes = false;
    if (an->state == RK_ANSWER_VALUE && !(R->skipped && R->skipped[qn->index])) {
        if (qn->type == RK_Q_MULTI) {
            for (size_t i = 0; i < an->n_values && !yes; i++)
                yes = strcmp(an->values[i], v) == 0;
        } else {
            yes = an->value && strcmp(an->value, v) == 0;
        }
    }
    lua_pushboolean(L, yes);
    return 1;
}

static int w_answered(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    size_t i = rk_rules_check_question(L, R, 1)->index;
    lua_pushboolean(L, strcmp(rk_rules_state(R, i), "answered") == 0);
    return 1;
}

static int w_dont_know(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    size_t i = rk_rules_check_question(L, R, 1)->index;
    lua_pushboolean(L, strcmp(rk_rules_state(R, i), "dont_know") == 0);
    return 1;
}

static int w_count(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    size_t i = rk_rules_check_question(L, R, 1)->index;
    const RkAnswer *an = &R->a->by_question[i];
    lua_Integer n = 0;
    if (strcmp(rk_rules_state(R, i), "answered") == 0)
        n = R->q->questions[i]->type == RK_Q_MULTI ? (lua_Integer)an->n_values : 1;
    lua_pushinteger(L, n);
    return 1;
}

static int w_readonly(lua_State *L)
{
    return luaL_error(L, "answers cannot be changed");
}

void rk_rules_push_when_env(lua_State *L, RkRules *R)
{
    static const luaL_Reg fns[] = {
        {"selected", w_selected}, {"answered", w_answered}, {"dont_know", w_dont_know},
        {"count_selected", w_count}, {NULL, NULL}};
    lua_pushlightuserdata(L, R);
    lua_setfield(L, LUA_REGISTRYINDEX, RULES_KEY);
    rk_sandbox_push_env(L);        /* env */
    luaL_setfuncs(L, fns, 0);
    lua_newtable(L);               /* env answer */
    lua_createtable(L, 0, 3);      /* env answer mt */
    lua_pushcfunction(L, w_answer);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, w_readonly);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "answer");
}
