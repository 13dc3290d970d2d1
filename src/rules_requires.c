/* rules_requires: rk.requires{questionnaire =, version =}, by which a rule
   file says which questionnaires it is written for. On another one the
   file is skipped (rules.c load_file) with one warning, instead of failing
   on the first question id it does not know. */
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "rules_internal.h"

/* Compare versions with missing trailing parts read as 0 ("1.1" equals
   "1.1.0"): <0, 0 or >0. */
static int compare_padded(const char *a, const char *b)
{
    char pa[128], pb[128];
    snprintf(pa, sizeof pa, "%s", a);
    snprintf(pb, sizeof pb, "%s", b);
    size_t da = 0, db = 0;
    for (const char *p = pa; *p; p++)
        da += *p == '.';
    for (const char *p = pb; *p; p++)
        db += *p == '.';
    for (; da < db && strlen(pa) + 2 < sizeof pa; da++)
        strcat(pa, ".0");
    for (; db < da && strlen(pb) + 2 < sizeof pb; db++)
        strcat(pb, ".0");
    return rk_version_compare(pa, pb);
}

/* Does version v meet every condition of spec (">=1.1", ">=1.1, <2",
   "=2.0.0", "2.0.0"; conditions separated by commas or spaces)? Raises on
   a condition it cannot read. */
static bool version_matches(lua_State *L, const char *spec, const char *v)
{
    static const char *const ops[] = {">=", "<=", "==", ">", "<", "="};
    bool ok = true;
    int n = 0;
    for (const char *p = spec; *p;) {
        p += strspn(p, ", ");
        if (!*p)
            break;
        size_t o = 0;
        while (o < 6 && strncmp(p, ops[o], strlen(ops[o])) != 0)
            o++;
        const char *op = o < 6 ? ops[o] : "=";
        p += o < 6 ? strlen(ops[o]) : 0;
        p += strspn(p, " ");
        size_t len = strcspn(p, ", <>=");
        if (len == 0 || len >= 64)
            luaL_error(L, "rk.requires: cannot read the version condition '%s' (write "
                       "\">=1.1\", \"<2\", \"=2.0.0\" or \">=1.1, <2\")", spec);
        char want[64];
        memcpy(want, p, len);
        want[len] = '\0';
        p += len;
        int c = compare_padded(v, want);
        ok = ok && (op[0] == '>' ? (c > 0 || (op[1] == '=' && c == 0))
                    : op[0] == '<' ? (c < 0 || (op[1] == '=' && c == 0))
                    : c == 0);
        n++;
    }
    if (n == 0)
        luaL_error(L, "rk.requires: version is empty (write \">=1.1\", \"<2\" or \"2.0.0\")");
    return ok;
}

/* Is the questionnaire id named by the value at idx (a string or a list
   of strings)? Raises on another type. */
static bool id_matches(lua_State *L, int idx, const char *id)
{
    if (lua_type(L, idx) == LUA_TSTRING)
        return strcmp(lua_tostring(L, idx), id) == 0;
    if (!lua_istable(L, idx))
        luaL_error(L, "rk.requires: questionnaire must be a questionnaire id or a list of "
                   "them, not a %s", luaL_typename(L, idx));
    bool hit = false;
    for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, idx); i++) {
        if (lua_rawgeti(L, idx, i) != LUA_TSTRING)
            luaL_error(L, "rk.requires: questionnaire[%d] is not a questionnaire id", (int)i);
        hit = hit || strcmp(lua_tostring(L, -1), id) == 0;
        lua_pop(L, 1);
    }
    return hit;
}

/* rk.requires{questionnaire = id or {ids}, version = condition}: at the
   top level only. When the engine's questionnaire does not match, the
   file is marked skipped and its top level stops here (an error that
   load_file catches). */
int rk_rules_l_requires(lua_State *L)
{
    RkRules *R = rk_rules_from(L);
    size_t i = (size_t)lua_tointeger(L, lua_upvalueindex(1));
    if (R->scoring || i >= R->n_files)
        return luaL_error(L, "rk.requires must be called at the top level of the rule file, "
                          "not inside a layer function");
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    int t_q = lua_getfield(L, 1, "questionnaire"); /* t q */
    int t_v = lua_getfield(L, 1, "version");       /* t q v */
    lua_pushnil(L);
    while (lua_next(L, 1)) {                       /* t q v k x */
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
        if (strcmp(k, "questionnaire") != 0 && strcmp(k, "version") != 0)
            return luaL_error(L, "rk.requires: unknown field '%s' (fields are questionnaire "
                              "and version)", k[0] ? k : luaL_typename(L, -2));
        lua_pop(L, 1);
    }
    if (t_q == LUA_TNIL && t_v == LUA_TNIL)
        return luaL_error(L, "rk.requires: give questionnaire = \"id\", version = \">=1.0\" "
                          "or both");
    if (t_v != LUA_TNIL && t_v != LUA_TSTRING)
        return luaL_error(L, "rk.requires: version must be a string such as \">=1.1\", "
                          "not a %s", luaL_typename(L, 3));
    const char *qv = R->q->version ? R->q->version : "0";
    bool ok = (t_q == LUA_TNIL || id_matches(L, 2, R->q->id)) &&
              (t_v == LUA_TNIL || version_matches(L, lua_tostring(L, 3), qv));
    if (ok)
        return 0;
    RuleFile *f = &R->files[i];
    f->skip = true;
    char want[200] = "";
    f->skip_ids[0] = '\0';
    if (t_q == LUA_TSTRING) {
        snprintf(want, sizeof want, "questionnaire %s", lua_tostring(L, 2));
        snprintf(f->skip_ids, sizeof f->skip_ids, "%s", lua_tostring(L, 2));
    }
    for (lua_Integer k = 1; t_q == LUA_TTABLE && k <= (lua_Integer)lua_rawlen(L, 2); k++) {
        lua_rawgeti(L, 2, k);
        size_t n = strlen(want), m = strlen(f->skip_ids);
        snprintf(want + n, sizeof want - n, "%s%s", k == 1 ? "questionnaire " : " or ",
                 lua_tostring(L, -1));
        snprintf(f->skip_ids + m, sizeof f->skip_ids - m, "%s%s", k == 1 ? "" : " ",
                 lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    snprintf(f->skip_version, sizeof f->skip_version, "%s",
             t_v != LUA_TNIL ? lua_tostring(L, 3) : "");
    snprintf(f->skip_why, sizeof f->skip_why, "skipped: this rule file requires %s%s%s%s, "
             "and the questionnaire is %s version %s (rk.requires)", want,
             want[0] && t_v != LUA_TNIL ? " " : "", t_v != LUA_TNIL ? "version " : "",
             t_v != LUA_TNIL ? lua_tostring(L, 3) : "", R->q->id, qv);
    return luaL_error(L, "%s", f->skip_why);
}
