/* rules_push: the questionnaire and the answers as fresh plain Lua tables,
   so that a rule can read them but never change the C models. */
#include <string.h>

#include <lauxlib.h>

#include "rules_internal.h"

static void set_str(lua_State *L, const char *k, const char *v)
{
    if (!v)
        return;
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

static void set_num(lua_State *L, const char *k, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
}

/* A text: a plain string, or a table {en = ..., fr = ...}. [-0, +1] */
void rk_rules_push_text(lua_State *L, const RkText *t)
{
    if (!t || t->count == 0) {
        lua_pushliteral(L, "");
        return;
    }
    if (t->count == 1 && t->langs[0][0] == '\0') {
        lua_pushstring(L, t->values[0]);
        return;
    }
    lua_createtable(L, 0, (int)t->count);
    for (size_t i = 0; i < t->count; i++) {
        lua_pushstring(L, t->values[i]);
        lua_setfield(L, -2, t->langs[i][0] ? t->langs[i] : "_");
    }
}

static void set_text(lua_State *L, const char *k, const RkText *t)
{
    if (!t || t->count == 0)
        return;
    rk_rules_push_text(L, t);
    lua_setfield(L, -2, k);
}

/* The fields of a question that are tables, built when first read (most
   layers never read them, and building them is most of the cost of a
   question). Pushes the value and returns true, or pushes nothing. */
static bool push_lazy(lua_State *L, const RkQuestion *qn, const char *k)
{
    if (strcmp(k, "text") == 0 || strcmp(k, "help") == 0) {
        const RkText *t = k[0] == 't' ? &qn->text : &qn->help;
        if (!t->count)
            return false;
        rk_rules_push_text(L, t);
        return true;
    }
    if (strcmp(k, "unit") == 0) {
        if (qn->type != RK_Q_NUMBER || !qn->unit.count)
            return false;
        rk_rules_push_text(L, &qn->unit);
        return true;
    }
    if (strcmp(k, "choices") == 0) {
        if (!qn->n_choices)
            return false;
        lua_createtable(L, (int)qn->n_choices, 0);
        for (size_t i = 0; i < qn->n_choices; i++) {
            const RkChoice *c = &qn->choices[i];
            lua_createtable(L, 0, 3);
            set_str(L, "value", c->value);
            set_text(L, "label", &c->label);
            if (c->has_points)
                set_num(L, "points", c->points);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        return true;
    }
    if (strcmp(k, "bands") == 0) {
        if (qn->type != RK_Q_NUMBER || !qn->n_bands)
            return false;
        lua_createtable(L, (int)qn->n_bands, 0);
        for (size_t i = 0; i < qn->n_bands; i++) {
            lua_createtable(L, 0, 2);
            set_num(L, "min", qn->bands[i].min);
            set_num(L, "points", qn->bands[i].points);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        return true;
    }
    return false;
}

/* The question of a metamethod: upvalue 1 is the engine, 2 its index. */
static const RkQuestion *lazy_question(lua_State *L)
{
    const RkRules *R = lua_touserdata(L, lua_upvalueindex(1));
    return R->q->questions[lua_tointeger(L, lua_upvalueindex(2))];
}

/* __index(q, k): build a table field on first read and keep it in q. */
static int lazy_index(lua_State *L)
{
    const RkQuestion *qn = lazy_question(L);
    const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    if (!k || !push_lazy(L, qn, k))
        return 0;
    lua_pushvalue(L, 2);
    lua_pushvalue(L, -2);
    lua_rawset(L, 1);
    return 1;
}

static int lazy_next(lua_State *L)
{
    lua_settop(L, 2);
    if (lua_next(L, 1))
        return 2;
    lua_pushnil(L);
    return 1;
}

/* __pairs(q): build every field first, so pairs sees a complete question. */
static int lazy_pairs(lua_State *L)
{
    static const char *const fields[] = {"text", "help", "unit", "choices", "bands"};
    const RkQuestion *qn = lazy_question(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        lua_pushstring(L, fields[i]);
        if (lua_rawget(L, 1) == LUA_TNIL && push_lazy(L, qn, fields[i]))
            lua_setfield(L, 1, fields[i]);
        lua_settop(L, 1);
    }
    lua_pushcfunction(L, lazy_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* Append key k and the value on top of the stack to the template at -2
   (a list k1, v1, k2, v2, ...). Pops the value. */
static void tpl_add(lua_State *L, const char *k)
{
    lua_Integer n = (lua_Integer)lua_rawlen(L, -2);
    lua_pushstring(L, k);
    lua_rawseti(L, -3, n + 1);
    lua_rawseti(L, -2, n + 2);
}

static void tpl_str(lua_State *L, const char *k, const char *v)
{
    if (!v)
        return;
    lua_pushstring(L, v);
    tpl_add(L, k);
}

static void tpl_num(lua_State *L, const char *k, double v)
{
    lua_pushnumber(L, v);
    tpl_add(L, k);
}

static void tpl_bool(lua_State *L, const char *k, bool v)
{
    lua_pushboolean(L, v);
    tpl_add(L, k);
}

/* The template of question qn: its scalar fields as a list k1, v1, ...
   in the order they are set (so every copy has the same layout, and pairs
   the same order), with the question's metatable at index 0. [-0, +1] */
static void push_template(lua_State *L, RkRules *R, const RkQuestion *qn)
{
    lua_createtable(L, 32, 1);
    tpl_str(L, "id", qn->id);
    tpl_str(L, "type", rk_question_type_name(qn->type));
    tpl_str(L, "pillar", R->q->pillars[qn->pillar].id);
    tpl_num(L, "index", (double)qn->index + 1);
    tpl_num(L, "weight", qn->weight);
    tpl_bool(L, "scored", qn->scored);
    tpl_num(L, "max_points", qn->max_points);
    tpl_bool(L, "required", qn->required);
    tpl_bool(L, "evidence", qn->evidence);
    tpl_bool(L, "dont_know", qn->dont_know);
    tpl_str(L, "when", qn->when);
    if (qn->type == RK_Q_MULTI && qn->multi_scoring == RK_MULTI_CAP)
        tpl_num(L, "cap", qn->multi_cap);
    if (qn->type == RK_Q_NUMBER) {
        if (qn->has_min)
            tpl_num(L, "min", qn->min);
        if (qn->has_max)
            tpl_num(L, "max", qn->max);
        tpl_bool(L, "integer", qn->integer);
    }
    lua_createtable(L, 0, 3);                  /* tpl mt */
    lua_pushlightuserdata(L, R);
    lua_pushinteger(L, (lua_Integer)qn->index);
    lua_pushcclosure(L, lazy_index, 2);
    lua_setfield(L, -2, "__index");
    lua_pushlightuserdata(L, R);
    lua_pushinteger(L, (lua_Integer)qn->index);
    lua_pushcclosure(L, lazy_pairs, 2);
    lua_setfield(L, -2, "__pairs");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_rawseti(L, -2, 0);
}

/* A question: id, type, pillar, index, weight, scored, max_points, text,
   help, choices, min/max/integer/unit/bands, cap, when, required, ... The
   table is fresh, copied from a template kept for the engine's life (never
   shown to a rule); its table fields are built when first read. */
static int build_templates(lua_State *L)
{
    RkRules *R = lua_touserdata(L, 1);
    lua_createtable(L, (int)R->q->n_questions, 0);
    for (size_t i = 0; i < R->q->n_questions; i++) {
        push_template(L, R, R->q->questions[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    R->q_templates = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

void rk_rules_push_question(lua_State *L, RkRules *R, const RkQuestion *qn)
{
    luaL_checkstack(L, 8, NULL);
    if (R->q_templates == LUA_NOREF) { /* the kit's work: not capped */
        lua_pushlightuserdata(L, R);
        rk_sandbox_kit_call(L, build_templates, 1, 0);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, R->q_templates);
    lua_rawgeti(L, -1, (lua_Integer)qn->index + 1);   /* tpls tpl */
    lua_createtable(L, 0, 20);                         /* tpls tpl q */
    lua_Integer n = (lua_Integer)lua_rawlen(L, -2);
    for (lua_Integer i = 1; i < n; i += 2) {
        lua_rawgeti(L, -2, i);
        lua_rawgeti(L, -3, i + 1);
        lua_rawset(L, -3);
    }
    lua_rawgeti(L, -2, 0);
    lua_setmetatable(L, -2);
    lua_replace(L, -3);                                /* q tpl */
    lua_pop(L, 1);
}

/* A pillar: id, title, description, weight, index, questions = {ids}. */
void rk_rules_push_pillar(lua_State *L, RkRules *R, const RkPillar *p)
{
    (void)R;
    luaL_checkstack(L, 4, NULL);
    lua_createtable(L, 0, 6);
    set_str(L, "id", p->id);
    set_text(L, "title", &p->title);
    set_text(L, "description", &p->description);
    set_num(L, "weight", p->weight);
    set_num(L, "index", (double)(p - R->q->pillars) + 1);
    lua_createtable(L, (int)p->n_questions, 0);
    for (size_t i = 0; i < p->n_questions; i++) {
        lua_pushstring(L, p->questions[i].id);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "questions");
}

/* A question with every field built and no metatable (for the view). */
static void push_question_full(lua_State *L, RkRules *R, const RkQuestion *qn)
{
    static const char *const fields[] = {"text", "help", "unit", "choices", "bands"};
    rk_rules_push_question(L, R, qn);
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (push_lazy(L, qn, fields[i]))
            lua_setfield(L, -2, fields[i]);
    lua_pushnil(L);
    lua_setmetatable(L, -2);
}

/* rk.questionnaire: id, version, title, description, languages, levels,
   pillars (each with its questions as full tables). Built once per engine
   and frozen (rk_sandbox_freeze): every rule file and every answers file
   reads the same view, which none can change. [-0, +1] */
static int build_view(lua_State *L);

void rk_rules_push_questionnaire(lua_State *L, RkRules *R)
{
    luaL_checkstack(L, 6, NULL);
    if (R->q_view == LUA_NOREF) { /* the kit's work: not capped */
        lua_pushlightuserdata(L, R);
        rk_sandbox_kit_call(L, build_view, 1, 0);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, R->q_view);
}

static int build_view(lua_State *L)
{
    RkRules *R = lua_touserdata(L, 1);
    const RkQuestionnaire *q = R->q;
    luaL_checkstack(L, 6, NULL);
    lua_createtable(L, 0, 8);
    set_str(L, "id", q->id);
    set_str(L, "version", q->version);
    set_text(L, "title", &q->title);
    set_text(L, "description", &q->description);
    lua_createtable(L, (int)q->n_languages, 0);
    for (size_t i = 0; i < q->n_languages; i++) {
        lua_pushstring(L, q->languages[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "languages");
    lua_createtable(L, (int)q->n_levels, 0);
    for (size_t i = 0; i < q->n_levels; i++) {
        lua_createtable(L, 0, 4);
        set_str(L, "id", q->levels[i].id);
        set_num(L, "min", q->levels[i].min);
        set_text(L, "name", &q->levels[i].name);
        set_text(L, "description", &q->levels[i].description);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "levels");
    lua_createtable(L, (int)q->n_questions, 0);  /* qv: the questions by index */
    lua_createtable(L, (int)q->n_pillars, 0);    /* qv pv: the pillar layer's */
    lua_createtable(L, (int)q->n_pillars, 0);    /* qv pv pillars */
    for (size_t i = 0; i < q->n_pillars; i++) {
        const RkPillar *p = &q->pillars[i];
        rk_rules_push_pillar(L, R, p);
        rk_sandbox_freeze(L, -1);
        lua_rawseti(L, -3, (lua_Integer)i + 1);
        rk_rules_push_pillar(L, R, p);
        lua_createtable(L, (int)p->n_questions, 0);
        for (size_t j = 0; j < p->n_questions; j++) {
            push_question_full(L, R, &p->questions[j]);
            lua_pushvalue(L, -1);
            lua_rawseti(L, -7, (lua_Integer)p->questions[j].index + 1);
            lua_rawseti(L, -2, (lua_Integer)j + 1);
        }
        lua_setfield(L, -2, "questions"); /* full tables here */
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -4, "pillars");              /* q qv pv */
    R->p_views = luaL_ref(L, LUA_REGISTRYINDEX);
    rk_sandbox_freeze(L, -2);                    /* q, and so the tables qv lists */
    R->q_views = luaL_ref(L, LUA_REGISTRYINDEX);
    R->q_view = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* The read-only view of question qi (the same table as in
   rk.questionnaire): what the question layers and rk.question get. */
void rk_rules_push_question_view(lua_State *L, RkRules *R, size_t qi)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, R->q_views);
    lua_rawgeti(L, -1, (lua_Integer)qi + 1);
    lua_remove(L, -2);
}

/* The read-only view of pillar pi as the pillar layer gets it (questions
   as a list of ids). */
void rk_rules_push_pillar_view(lua_State *L, RkRules *R, size_t pi)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, R->p_views);
    lua_rawgeti(L, -1, (lua_Integer)pi + 1);
    lua_remove(L, -2);
}

/* The state as an index of the interned strings (S_ANSWERED ...). */
int rk_rules_state_s(RkRules *R, size_t qi)
{
    if (R->skipped && R->skipped[qi])
        return S_SKIPPED;
    switch (R->a->by_question[qi].state) {
    case RK_ANSWER_VALUE: return S_ANSWERED;
    case RK_ANSWER_DONT_KNOW: return S_DONT_KNOW;
    default: return S_NONE;
    }
}

/* "answered", "dont_know", "none" or "skipped" (not applicable). */
const char *rk_rules_state(RkRules *R, size_t qi)
{
    if (R->skipped && R->skipped[qi])
        return "skipped";
    switch (R->a->by_question[qi].state) {
    case RK_ANSWER_VALUE: return "answered";
    case RK_ANSWER_DONT_KNOW: return "dont_know";
    default: return "none";
    }
}

/* The answer's value: string, number, list of strings (multi), or nil when
   unanswered, don't know or not applicable. [-0, +1] */
void rk_rules_push_value(lua_State *L, RkRules *R, size_t qi)
{
    const RkAnswer *an = &R->a->by_question[qi];
    const RkQuestion *qn = R->q->questions[qi];
    if (an->state != RK_ANSWER_VALUE || (R->skipped && R->skipped[qi])) {
        lua_pushnil(L);
    } else if (qn->type == RK_Q_NUMBER) {
        lua_pushnumber(L, an->number);
    } else if (qn->type == RK_Q_MULTI) {
        lua_createtable(L, (int)an->n_values, 0);
        for (size_t i = 0; i < an->n_values; i++) {
            lua_pushstring(L, an->values[i]);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
    } else {
        lua_pushstring(L, an->value ? an->value : "");
    }
}

/* {value =, note =, source =, state =}. [-0, +1] */
void rk_rules_push_answer(lua_State *L, RkRules *R, size_t qi)
{
    const RkAnswer *an = &R->a->by_question[qi];
    luaL_checkstack(L, 4, NULL);
    lua_createtable(L, 0, 4);
    rk_rules_push_value(L, R, qi);
    lua_setfield(L, -2, "value");
    set_str(L, "note", an->note);
    set_str(L, "source", an->source);
    set_str(L, "state", rk_rules_state(R, qi));
}

/* rk_rules_push_answer with its keys and state from the interned strings
   at index strs: the same table, set in the same order. [-0, +1] */
void rk_rules_push_answer_s(lua_State *L, RkRules *R, size_t qi, int strs)
{
    const RkAnswer *an = &R->a->by_question[qi];
    luaL_checkstack(L, 4, NULL);
    lua_createtable(L, 0, 4);
    lua_rawgeti(L, strs, S_VALUE);
    rk_rules_push_value(L, R, qi);
    lua_rawset(L, -3);
    if (an->note) {
        lua_rawgeti(L, strs, S_NOTE);
        lua_pushstring(L, an->note);
        lua_rawset(L, -3);
    }
    if (an->source) {
        lua_rawgeti(L, strs, S_SOURCE);
        lua_pushstring(L, an->source);
        lua_rawset(L, -3);
    }
    lua_rawgeti(L, strs, S_STATE);
    lua_rawgeti(L, strs, rk_rules_state_s(R, qi));
    lua_rawset(L, -3);
}
