/* rules_api: the global `rk` table of each rule file, and the helpers of
   when: expressions and checks. Every function checks its arguments, so a
   mistake is reported at the rule's own line. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "readykit/fileio.h"
#include "readykit/safetext.h"
#include "readykit/suggest.h"
#include "rules_internal.h"

RkRules *rk_rules_from(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, RULES_KEY);
    RkRules *R = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return R;
}

/* s (or NULL) copied into the result's arena, which outlives the engine;
   out of memory is an error. */
static const char *copy(lua_State *L, RkRules *R, const char *s)
{
    const char *c = rk_arena_strdup(R->res->arena, s);
    if (s && !c)
        luaL_error(L, "out of memory");
    return c;
}

/* The calling rule file's name, copied into the result. */
static const char *rule_file(lua_State *L, RkRules *R)
{
    size_t i = (size_t)lua_tointeger(L, lua_upvalueindex(1));
    return copy(L, R, i < R->n_files ? R->files[i].name : "?");
}

static void need_answers(lua_State *L, RkRules *R, const char *fn)
{
    if (!R->a)
        luaL_error(L, "%s can only be used while scoring (inside a layer function)", fn);
}

static void need_scoring(lua_State *L, RkRules *R, const char *fn)
{
    if (!R->scoring)
        luaL_error(L, "%s can only be used while scoring (inside a layer function)", fn);
}

/* The question named by argument arg, or an error with "did you mean". */
const RkQuestion *rk_rules_check_question(lua_State *L, RkRules *R, int arg)
{
    const char *id = luaL_checkstring(L, arg);
    const RkQuestion *qn = rk_questionnaire_find(R->q, id);
    if (!qn) {
        const char *s = rk_suggest(id, R->qids, R->q->n_questions);
        if (s)
            luaL_error(L, "unknown question '%s' (did you mean '%s'?)", id, s);
        /* no near id: most likely a file written for another questionnaire */
        luaL_error(L, "unknown question '%s': %s has no such question ('readykit show %s' "
                   "lists them); a rule file written for another questionnaire starts with "
                   "rk.requires{questionnaire = \"ID\"} and is then skipped here",
                   id, R->q->id, R->q->id);
    }
    return qn;
}

/* Copy a Lua string into the result's arena, checked (UTF-8, length). */
static const char *keep(lua_State *L, RkRules *R, const char *s, size_t len, const char *what)
{
    size_t bad;
    if (len > MAX_TEXT)
        luaL_error(L, "%s is too long (%d bytes at most)", what, MAX_TEXT);
    if (!rk_utf8_valid(s, len, &bad))
        luaL_error(L, "%s is not valid UTF-8 (byte %d)", what, (int)bad + 1);
    char *c = rk_arena_strndup(R->res->arena, s, len);
    if (!c)
        luaL_error(L, "out of memory");
    return c;
}

/* A text argument (a string, or {en = ..., fr = ...}) in the result's
   language, else the questionnaire's first language; copied. */
const char *rk_rules_arg_text(lua_State *L, RkRules *R, int idx, const char *what)
{
    size_t len;
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TSTRING) {
        const char *s = lua_tolstring(L, idx, &len);
        return keep(L, R, s, len, what);
    }
    if (lua_type(L, idx) != LUA_TTABLE)
        luaL_error(L, "%s must be a string or a table of translations, not a %s", what,
                   luaL_typename(L, idx));
    const char *langs[2] = {R->lang, R->q->languages[0]};
    for (int i = 0; i < 2; i++) {
        if (!langs[i] || lua_getfield(L, idx, langs[i]) != LUA_TSTRING) {
            lua_pop(L, langs[i] ? 1 : 0);
            continue;
        }
        const char *s = lua_tolstring(L, -1, &len);
        const char *c = keep(L, R, s, len, what);
        lua_pop(L, 1);
        return c;
    }
    if (strcmp(R->lang, R->q->languages[0]) == 0)
        luaL_error(L, "%s has no '%s' translation", what, R->lang);
    else
        luaL_error(L, "%s has no '%s' or '%s' translation", what, R->lang, R->q->languages[0]);
    return NULL;
}

/* Field k of the table at 1 (raw), checked against a list of known keys. */
static void check_keys(lua_State *L, const char *fn, const char *const *keys, size_t n)
{
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        size_t i = 0;
        while (k && i < n && strcmp(k, keys[i]) != 0)
            i++;
        if (!k || i == n) {
            const char *s = k ? rk_suggest(k, keys, n) : NULL;
            luaL_error(L, "%s: unknown field '%s'%s%s%s", fn, k ? k : luaL_typename(L, -1),
                       s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
        }
    }
}

static int field(lua_State *L, const char *k)
{
    lua_pushstring(L, k);
    return lua_rawget(L, 1);
}

/* An optional pillar field: its id copied, or NULL. Pops the value. */
static const char *opt_pillar(lua_State *L, RkRules *R, const char *fn)
{
    const char *id = NULL;
    if (field(L, "pillar") != LUA_TNIL) {
        const char *p = lua_tostring(L, -1);
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "%s: pillar must be a pillar id (a string)", fn);
        const RkPillar *pl = rk_questionnaire_find_pillar(R->q, p);
        if (!pl) {
            const char *s = rk_suggest(p, R->pids, R->q->n_pillars);
            luaL_error(L, "%s: unknown pillar '%s'%s%s%s", fn, p, s ? " (did you mean '" : "",
                       s ? s : "", s ? "'?)" : "");
        }
        id = copy(L, R, pl->id);
    }
    lua_pop(L, 1);
    return id;
}

/* rk.finding{pillar =, priority = 1..3, kind =, text =, questions = {ids}} */
static int l_finding(lua_State *L)
{
    static const char *const keys[] = {"pillar", "priority", "kind", "text", "questions"};
    RkRules *R = rk_rules_from(L);
    need_scoring(L, R, "rk.finding");
    luaL_checktype(L, 1, LUA_TTABLE);
    check_keys(L, "rk.finding", keys, 5);
    if (R->n_findings >= MAX_FINDINGS)
        return luaL_error(L, "rk.finding: more than %d findings", MAX_FINDINGS);
    if (R->n_findings == R->cap_findings) {
        size_t cap = R->cap_findings ? 2 * R->cap_findings : 16;
        RkFinding *f = realloc(R->findings, cap * sizeof *f);
        if (!f)
            return luaL_error(L, "out of memory");
        R->findings = f;
        R->cap_findings = cap;
    }
    RkFinding f = {0};
    f.rule_file = rule_file(L, R); /* outlives the engine */
    f.pillar = opt_pillar(L, R, "rk.finding");
    f.priority = 2;
    if (field(L, "priority") != LUA_TNIL) {
        int isnum;
        lua_Integer p = lua_tointegerx(L, -1, &isnum);
        if (!isnum || p < 1 || p > 3)
            return luaL_error(L, "rk.finding: priority must be 1 (highest), 2 or 3");
        f.priority = (int)p;
    }
    lua_pop(L, 1);
    f.kind = "recommendation";
    if (field(L, "kind") != LUA_TNIL) {
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
        if (strcmp(k, "gap") && strcmp(k, "recommendation") && strcmp(k, "strength"))
            return luaL_error(L, "rk.finding: kind must be \"gap\", \"recommendation\" or \"strength\"");
        f.kind = k[0] == 'g' ? "gap" : k[0] == 'r' ? "recommendation" : "strength";
    }
    lua_pop(L, 1);
    if (field(L, "text") == LUA_TNIL)
        return luaL_error(L, "rk.finding: text is required");
    f.text = rk_rules_arg_text(L, R, -1, "rk.finding: text");
    lua_pop(L, 1);
    size_t tlen = strlen(f.text);
    if (tlen > R->max_findings_bytes - R->findings_bytes)
        return luaL_error(L, "rk.finding: the findings of this answers file exceed %I bytes "
                          "of text (the limit: --max-findings-bytes raises it)",
                          (lua_Integer)R->max_findings_bytes);
    R->findings_bytes += tlen;
    if (field(L, "questions") != LUA_TNIL) {
        if (!lua_istable(L, -1))
            return luaL_error(L, "rk.finding: questions must be a list of question ids");
        size_t n = (size_t)lua_rawlen(L, -1);
        if (n > 100)
            return luaL_error(L, "rk.finding: more than 100 questions");
        f.questions = rk_arena_array(R->res->arena, n ? n : 1, sizeof *f.questions);
        if (!f.questions)
            return luaL_error(L, "out of memory");
        for (size_t i = 0; i < n; i++) {
            lua_rawgeti(L, -1, (lua_Integer)i + 1);
            if (lua_type(L, -1) != LUA_TSTRING)
                return luaL_error(L, "rk.finding: questions[%d] is not a question id", (int)i + 1);
            f.questions[i] = copy(L, R, rk_rules_check_question(L, R, -1)->id);
            lua_pop(L, 1);
        }
        f.n_questions = n;
    }
    lua_pop(L, 1);
    R->findings[R->n_findings++] = f;
    return 0;
}

/* rk.indicator{id =, label =, value =, unit =, pillar =}; a second call
   with the same id replaces the first. */
static int l_indicator(lua_State *L)
{
    static const char *const keys[] = {"id", "label", "value", "unit", "pillar"};
    RkRules *R = rk_rules_from(L);
    need_scoring(L, R, "rk.indicator");
    luaL_checktype(L, 1, LUA_TTABLE);
    check_keys(L, "rk.indicator", keys, 5);
    RkIndicator in = {0};
    if (field(L, "id") != LUA_TSTRING)
        return luaL_error(L, "rk.indicator: id (a string) is required");
    in.id = rk_rules_arg_text(L, R, -1, "rk.indicator: id");
    lua_pop(L, 1);
    if (field(L, "label") != LUA_TNIL)
        in.label = rk_rules_arg_text(L, R, -1, "rk.indicator: label");
    else
        in.label = in.id;
    lua_pop(L, 1);
    if (field(L, "unit") != LUA_TNIL)
        in.unit = rk_rules_arg_text(L, R, -1, "rk.indicator: unit");
    lua_pop(L, 1);
    in.pillar = opt_pillar(L, R, "rk.indicator");
    in.value = NAN;
    int t = field(L, "value");
    if (t == LUA_TNUMBER) {
        in.value = lua_tonumber(L, -1);
        if (!isfinite(in.value))
            return luaL_error(L, "rk.indicator: value is not a finite number");
    } else if (t != LUA_TNIL) {
        return luaL_error(L, "rk.indicator: value must be a number or nil, not a %s",
                          luaL_typename(L, -1));
    }
    lua_pop(L, 1);
    for (size_t i = 0; i < R->n_indicators; i++)
        if (strcmp(R->indicators[i].id, in.id) == 0) {
            R->indicators[i] = in;
            return 0;
        }
    if (R->n_indicators >= MAX_INDICATORS)
        return luaL_error(L, "rk.indicator: more than %d indicators", MAX_INDICATORS);
    if (R->n_indicators == R->cap_indicators) {
        size_t cap = R->cap_indicators ? 2 * R->cap_indicators : 8;
        RkIndicator *p = realloc(R->indicators, cap * sizeof *p);
        if (!p)
            return luaL_error(L, "out of memory");
        R->indicators = p;
        R->cap_indicators = cap;
    }
    R->indicators[R->n_indicators++] = in;
    return 0;
}

/* rk.cap{pillar = id or nil (overall), level = level id, reason = text}:
   the level shown may not pass this one. The lowest cap wins; on a tie,
   the first. */
static int l_cap(lua_State *L)
{
    static const char *const keys[] = {"pillar", "level", "reason"};
    RkRules *R = rk_rules_from(L);
    need_scoring(L, R, "rk.cap");
    luaL_checktype(L, 1, LUA_TTABLE);
    check_keys(L, "rk.cap", keys, 3);
    const char *pid = opt_pillar(L, R, "rk.cap");
    if (field(L, "level") != LUA_TSTRING)
        return luaL_error(L, "rk.cap: level (a level id) is required");
    const char *lid = lua_tostring(L, -1);
    size_t lv = 0;
    while (lv < R->q->n_levels && strcmp(R->q->levels[lv].id, lid) != 0)
        lv++;
    if (lv == R->q->n_levels) {
        const char *s = rk_suggest(lid, R->lids, R->q->n_levels);
        char known[600];
        rk_rules_levels_text(R, known, sizeof known);
        return luaL_error(L, "rk.cap: unknown level '%s'%s%s%s; the levels are %s", lid,
                          s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "", known);
    }
    lua_pop(L, 1);
    if (field(L, "reason") == LUA_TNIL)
        return luaL_error(L, "rk.cap: reason is required (it is shown beside the score)");
    const char *reason = rk_rules_arg_text(L, R, -1, "rk.cap: reason");
    lua_pop(L, 1);
    RkCap *cap = &R->res->cap;
    int pillar = -1;
    if (pid)
        for (size_t i = 0; i < R->res->n_pillars; i++)
            if (strcmp(R->res->pillars[i].id, pid) == 0) {
                cap = &R->res->pillars[i].cap;
                pillar = (int)i;
            }
    rk_rules_note_cap(L, R, (size_t)lua_tointeger(L, lua_upvalueindex(1)), pillar, lv, reason);
    if (cap->active && cap->max_level <= (int)lv)
        return 0;
    cap->active = true;
    cap->max_level = (int)lv;
    cap->max_level_name = copy(L, R, rk_text_get(&R->q->levels[lv].name, R->lang,
                                                 R->q->languages[0]));
    cap->reason = reason;
    cap->rule_file = rule_file(L, R);
    return 0;
}

static int l_answer(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    const RkQuestion *qn = rk_rules_check_question(L, R, 1);
    need_answers(L, R, "rk.answer");
    rk_rules_push_value(L, R, qn->index);
    if (lua_isnil(L, -1))
        rk_rules_note_nil(L, R, qn->index, NIL_RK_ANSWER);
    return 1;
}

static int l_get(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    const RkQuestion *qn = rk_rules_check_question(L, R, 1);
    need_answers(L, R, "rk.get");
    if (strcmp(rk_rules_state(R, qn->index), "answered") != 0)
        rk_rules_note_nil(L, R, qn->index, NIL_RK_GET); /* its .value is nil */
    if (R->strs == LUA_NOREF) {
        rk_rules_push_answer(L, R, qn->index);
        return 1;
    }
    /* the same table, its keys taken from the run's interned strings */
    lua_rawgeti(L, LUA_REGISTRYINDEX, R->strs);
    rk_rules_push_answer_s(L, R, qn->index, lua_gettop(L));
    return 1;
}

static int l_question(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    rk_rules_push_question_view(L, R, rk_rules_check_question(L, R, 1)->index);
    return 1;
}

/* rk.text(t): the string of a text for rk.lang. */
static int l_text(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    if (lua_isnoneornil(L, 1)) {
        lua_pushliteral(L, "");
        return 1;
    }
    if (lua_type(L, 1) == LUA_TSTRING) {
        lua_settop(L, 1);
        return 1;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *lang = R->lang ? R->lang : R->q->languages[0];
    if (lua_getfield(L, 1, lang) == LUA_TSTRING)
        return 1;
    if (lua_getfield(L, 1, R->q->languages[0]) == LUA_TSTRING)
        return 1;
    lua_getfield(L, 1, "_");
    return 1;
}

/* rk.log(...): "file:line: [answers FILE] values", handed to the host's
   log callback (for rule authors); the answers file is left out while the
   engine is built. */
static int l_log(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    if (R->log_bytes >= MAX_LOG_BYTES || R->mute_log)
        return 0;
    for (int i = 1; i <= lua_gettop(L); i++)
        if (lua_type(L, i) == LUA_TSTRING)
            R->log_bytes += lua_rawlen(L, i);
    R->log_bytes += 64;
    if (R->log_bytes >= MAX_LOG_BYTES) {
        rk_sandbox_log(R->sb, "readykit: rk.log: more than 64 KiB in one run; the rest is left out");
        return 0;
    }
    lua_Debug ar;
    char where[300] = "";
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
        snprintf(where, sizeof where, "%s:%d: ", ar.short_src, ar.currentline);
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) /* numbers to strings first: this may raise */
        if (lua_type(L, i) == LUA_TNUMBER)
            lua_tostring(L, i);
    /* From here no Lua call allocates: the buffer cannot leak. */
    RkBuf line;
    rk_buf_init(&line);
    rk_buf_puts(&line, where);
    if (R->run && R->run->path) {
        rk_buf_puts(&line, "[answers ");
        rk_buf_puts(&line, R->run->path);
        rk_buf_puts(&line, "] ");
    }
    for (int i = 1; i <= n; i++) {
        int t = lua_type(L, i);
        if (t == LUA_TSTRING || t == LUA_TNUMBER)
            rk_buf_puts(&line, lua_tostring(L, i));
        else if (t == LUA_TBOOLEAN)
            rk_buf_puts(&line, lua_toboolean(L, i) ? "true" : "false");
        else
            rk_buf_puts(&line, luaL_typename(L, i));
        rk_buf_puts(&line, i < n ? " " : "");
    }
    /* control characters from the rule are made visible (safetext.h) */
    rk_safe_tail(&line, 0, RK_SAFE_TAB);
    rk_sandbox_log(R->sb, line.data ? line.data : "");
    rk_buf_free(&line);
    return 0;
}

/* A fresh rk table for rule file `file` (one per answers file); its
   questionnaire is the engine's shared read-only view. The functions are
   made once per rule file and kept in a template (RuleFile.rk_tpl), so a
   fresh table costs a copy of its fields, not a closure each. [-0, +1] */
void rk_rules_push_rk(lua_State *L, RkRules *R, size_t file)
{
    static const luaL_Reg fns[] = {
        {"finding", l_finding}, {"indicator", l_indicator}, {"cap", l_cap},
        {"answer", l_answer}, {"get", l_get}, {"question", l_question},
        {"text", l_text}, {"log", l_log}, {"coverage", rk_rules_l_coverage},
        {"requires", rk_rules_l_requires}, {NULL, NULL}};
    RuleFile *f = &R->files[file];
    lua_pushlightuserdata(L, R);
    lua_setfield(L, LUA_REGISTRYINDEX, RULES_KEY);
    if (f->rk_tpl == LUA_NOREF) {
        lua_createtable(L, 0, 12);
        lua_pushinteger(L, (lua_Integer)file);
        luaL_setfuncs(L, fns, 1);
        lua_pushstring(L, "1.0");
        lua_setfield(L, -2, "version");
        lua_pushstring(L, f->name);
        lua_setfield(L, -2, "file");
        rk_rules_push_questionnaire(L, R);
        lua_setfield(L, -2, "questionnaire");
        f->rk_tpl = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    lua_createtable(L, 0, 13);                          /* rk */
    lua_rawgeti(L, LUA_REGISTRYINDEX, f->rk_tpl);       /* rk tpl */
    lua_pushnil(L);
    while (lua_next(L, -2)) {                           /* rk tpl k v */
        lua_pushvalue(L, -2);
        lua_insert(L, -2);                              /* rk tpl k k v */
        lua_rawset(L, -5);                              /* rk tpl k */
    }
    lua_pop(L, 1);                                      /* rk */
    lua_pushstring(L, R->lang ? R->lang : R->q->languages[0]);
    lua_setfield(L, -2, "lang");
    if (R->run && R->run->subject && R->run->subject[0]) {
        lua_pushstring(L, R->run->subject);
        lua_setfield(L, -2, "subject");         /* absent (nil) otherwise */
    }
}
