/* sandbox_env: the allowed libraries, per-chunk environments, and the
   wrapped base functions (pcall, xpcall, setmetatable, load, string.rep). */
#include "sandbox_internal.h"

#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "readykit/suggest.h"

#define ENV_MT_KEY "readykit.sandbox.envmt"

/* pcall(f, ...) that cannot swallow a limit error. No coroutines are open,
   so a plain lua_pcall (no continuation) is enough. */
static int l_pcall(lua_State *L)
{
    luaL_checkany(L, 1);
    int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    RkSandbox *sb = rk_sandbox_from(L);
    if (status == LUA_ERRMEM)
        rk_sandbox_stop(sb, FATAL_MEMORY, NULL, 0);
    if (sb->fatal)
        return rk_sandbox_raise_fatal(L, sb);
    luaL_checkstack(L, 1, NULL);
    lua_pushboolean(L, status == LUA_OK);
    lua_insert(L, 1);
    return lua_gettop(L);
}

/* The rule's xpcall handler, skipped once a limit is hit (else a looping
   handler would be called again for each error it raises itself). */
static int xpcall_handler(lua_State *L)
{
    if (rk_sandbox_from(L)->fatal)
        return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* xpcall(f, handler, ...), with the same guarantee. */
static int l_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushvalue(L, 1);   /* f h ... f */
    lua_copy(L, 2, 1);     /* h h ... f */
    lua_replace(L, 2);     /* h f ... */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 1);
    RkSandbox *sb = rk_sandbox_from(L);
    if (status == LUA_ERRMEM)
        rk_sandbox_stop(sb, FATAL_MEMORY, NULL, 0);
    if (sb->fatal)
        return rk_sandbox_raise_fatal(L, sb);
    lua_pushboolean(L, status == LUA_OK);
    lua_replace(L, 1);
    return lua_gettop(L);
}

/* setmetatable without __gc: finalizers run with hooks off, so a looping
   __gc would escape every limit (found by test, see research/style.md). */
static int l_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "__gc metamethods are not allowed in rule files");
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* load(text [, name [, mode [, env]]]): text only; env defaults to the
   calling file's own environment (upvalue 1). */
static int l_load(lua_State *L)
{
    size_t len;
    const char *s = lua_tolstring(L, 1, &len);
    luaL_argexpected(L, s != NULL, 1, "string (load takes text only)");
    luaL_optstring(L, 2, NULL); /* the name asked for is replaced: errors */
    luaL_optstring(L, 3, "t");  /* name the rule file; the mode is text only */
    char name[300];
    snprintf(name, sizeof name, "=%s (load)", rk_sandbox_from(L)->file);
    if (luaL_loadbufferx(L, s, len, name, "t") != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (lua_gettop(L) >= 5 && !lua_isnone(L, 4))
        lua_pushvalue(L, 4);
    else
        lua_pushvalue(L, lua_upvalueindex(1));
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
    return 1;
}

/* string.rep asks for its whole result at once: refuse what cannot fit
   with a positioned message, and mark the run as stopped. */
static int l_rep(lua_State *L)
{
    size_t l, lsep = 0;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    RkSandbox *sb = rk_sandbox_from(L);
    if (l + lsep == 0 || n <= 0) { /* the C loop would run n times for "" */
        lua_pushliteral(L, "");
        return 1;
    }
    {
        double total = (double)l * (double)n + (double)lsep * (double)(n - 1);
        size_t room = sb->lim.memory > sb->mem_used ? sb->lim.memory - sb->mem_used : 0;
        if (total > (double)room) {
            lua_Debug ar;
            const char *src = NULL;
            int line = 0;
            for (int level = 1; !src && lua_getstack(L, level, &ar); level++)
                if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
                    src = ar.short_src;
                    line = ar.currentline;
                }
            rk_sandbox_stop(sb, FATAL_MEMORY, src, line);
            return rk_sandbox_raise_fatal(L, sb);
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* ---- read-only views ----------------------------------------------------
   A frozen table is empty; its metatable reads from a hidden backing table
   (__index), refuses writes (__newindex), and gives # and pairs the backing
   table's. rawset, rawget, rawlen and next are wrapped to match, so a rule
   can read a shared view as if it were a plain table and never change it. */

static int ro_write(lua_State *L)
{
    return luaL_error(L, "this table is read-only (a view of the questionnaire)");
}

/* The backing table of the frozen table at idx, pushed; false (nothing
   pushed) when it is not frozen. */
static bool push_backing(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        return false;
    lua_pushliteral(L, "__newindex");
    lua_rawget(L, -2);
    bool frozen = lua_tocfunction(L, -1) == ro_write;
    lua_pop(L, 1);
    if (!frozen) {
        lua_pop(L, 1);
        return false;
    }
    lua_pushliteral(L, "__index");
    lua_rawget(L, -2);
    lua_remove(L, -2);
    return true;
}

/* Argument 1 replaced by its backing table when it is frozen. */
static void backing_arg(lua_State *L)
{
    if (push_backing(L, 1))
        lua_replace(L, 1);
}

static int ro_len(lua_State *L)
{
    backing_arg(L);
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
    return 1;
}

static int l_next(lua_State *L)
{
    backing_arg(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    if (lua_next(L, 1))
        return 2;
    lua_pushnil(L);
    return 1;
}

static int ro_pairs(lua_State *L)
{
    backing_arg(L);
    lua_pushcfunction(L, l_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static int l_rawget(lua_State *L)
{
    backing_arg(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    lua_settop(L, 2);
    lua_rawget(L, 1);
    return 1;
}

static int l_rawlen(lua_State *L)
{
    backing_arg(L);
    int t = lua_type(L, 1);
    luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
    return 1;
}

static int l_rawset(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (push_backing(L, 1))
        return ro_write(L);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

/* Freeze the table at idx and every plain table it holds (tables with a
   metatable are left as they are). Depth is bounded by the caller's data
   (the questionnaire's views: a few levels). */
void rk_sandbox_freeze(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (lua_getmetatable(L, idx)) {
        lua_pop(L, 1);
        return;
    }
    luaL_checkstack(L, 8, NULL);
    lua_newtable(L);                           /* b */
    int b = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, idx)) {                 /* b k v */
        if (lua_type(L, -1) == LUA_TTABLE)
            rk_sandbox_freeze(L, -1);
        lua_pushvalue(L, -2);
        lua_insert(L, -2);                     /* b k k v */
        lua_rawset(L, b);                      /* b k */
    }
    lua_pushnil(L);                            /* empty the view */
    while (lua_next(L, b)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, idx);
    }
    lua_createtable(L, 0, 5);                  /* b mt */
    lua_pushvalue(L, b);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, ro_write);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, ro_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, ro_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, idx);
    lua_pop(L, 1);
}

static const char *const unavailable[] = {
    "io", "os", "require", "package", "debug", "dofile", "loadfile",
    "collectgarbage", "coroutine", "print", "warn", "loadstring", "module",
    "setfenv", "getfenv", "newproxy", "jit", "ffi", "arg", NULL};

/* __index of every environment: an unknown global is an error, with a
   word about sandboxed names and a "did you mean" for typos. */
static int l_unknown(lua_State *L)
{
    const char *k = lua_tostring(L, 2);
    if (!k)
        return luaL_error(L, "unknown global (a %s key)", luaL_typename(L, 2));
    for (int i = 0; unavailable[i]; i++)
        if (strcmp(k, unavailable[i]) == 0)
            return luaL_error(L, "'%s' is not available in rule files (sandbox)%s", k,
                              strcmp(k, "print") == 0 ? "; use rk.log" : "");
    const char *names[64];
    size_t n = 0;
    lua_pushnil(L);
    while (n < 64 && lua_next(L, 1)) {
        if (lua_type(L, -2) == LUA_TSTRING)
            names[n++] = lua_tostring(L, -2);
        lua_pop(L, 1);
    }
    const char *s = rk_suggest(k, names, n);
    if (s)
        return luaL_error(L, "unknown global '%s' (did you mean '%s'?)", k, s);
    return luaL_error(L, "unknown global '%s'", k);
}

static const char *const base_names[] = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs", "rawequal",
    "rawget", "rawlen", "rawset", "select", "tonumber", "tostring", "type",
    "_VERSION", NULL};

/* Open the allowed libraries, trim them, and keep a template of the names
   every environment starts with (registry ref sb->env_template). */
void rk_sandbox_open_libs(lua_State *L, RkSandbox *sb)
{
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base}, {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8}, {NULL, NULL}};
    lua_newtable(L);                          /* template */
    int tpl = lua_gettop(L);
    for (const luaL_Reg *l = libs; l->name; l++) {
        luaL_requiref(L, l->name, l->func, 0); /* tpl lib */
        if (l->func != luaopen_base)
            lua_setfield(L, tpl, l->name);
        else
            lua_pop(L, 1);
    }
    lua_pushglobaltable(L);                   /* tpl G */
    for (int i = 0; base_names[i]; i++) {
        lua_getfield(L, -1, base_names[i]);
        lua_setfield(L, tpl, base_names[i]);
    }
    lua_pop(L, 1);
    static const luaL_Reg wrapped[] = {
        {"pcall", l_pcall}, {"xpcall", l_xpcall}, {"setmetatable", l_setmetatable},
        {"rawset", l_rawset}, {"rawget", l_rawget}, {"rawlen", l_rawlen}, {"next", l_next},
        {NULL, NULL}};
    luaL_setfuncs(L, wrapped, 0);             /* tpl is on top */
    rk_sandbox_wrap_long_calls(L, tpl);

    /* the shared string table (reachable through ("").method) */
    lua_getfield(L, tpl, "string");           /* tpl string */
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_getfield(L, -1, "rep");
    lua_pushcclosure(L, l_rep, 1);
    lua_setfield(L, -2, "rep");
    lua_pop(L, 1);
    lua_pushliteral(L, "");                   /* protect its metatable */
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    lua_getfield(L, tpl, "math");
    lua_pushnil(L);
    lua_setfield(L, -2, "random");
    lua_pushnil(L);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);

    lua_newtable(L);                          /* tpl envmt */
    lua_pushcfunction(L, l_unknown);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setfield(L, LUA_REGISTRYINDEX, ENV_MT_KEY);
    sb->env_template = luaL_ref(L, LUA_REGISTRYINDEX);
}

void rk_sandbox_push_env(lua_State *L)
{
    RkSandbox *sb = rk_sandbox_from(L);
    luaL_checkstack(L, 6, NULL);
    lua_newtable(L);                                     /* env */
    int env = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, sb->env_template); /* env tpl */
    lua_pushnil(L);
    while (lua_next(L, -2)) {                            /* env tpl k v */
        if (lua_type(L, -1) == LUA_TTABLE) {             /* a library: copy it */
            lua_newtable(L);                             /* env tpl k lib copy */
            lua_pushnil(L);
            while (lua_next(L, -3)) {
                lua_pushvalue(L, -2);
                lua_insert(L, -2);
                lua_rawset(L, -4);
            }
            lua_replace(L, -2);
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, env);
    }
    lua_pop(L, 1);                                       /* env */
    lua_pushvalue(L, env);
    lua_pushcclosure(L, l_load, 1);
    lua_setfield(L, env, "load");
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");
    lua_getfield(L, LUA_REGISTRYINDEX, ENV_MT_KEY);
    lua_setmetatable(L, env);
}

void rk_sandbox_load(lua_State *L, const char *text, size_t len,
                     const char *chunkname, int env_idx)
{
    env_idx = lua_absindex(L, env_idx);
    if (luaL_loadbufferx(L, text, len, chunkname, "t") != LUA_OK)
        lua_error(L);
    lua_pushvalue(L, env_idx);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
}
