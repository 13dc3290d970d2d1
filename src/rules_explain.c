/* rules_explain: the trace that `score --explain` shows, recorded while the
   run goes rather than worked out again afterwards, so that every figure
   it shows is the one the result used: the rule files in layering order
   (with their checksums and whether rk.requires skipped them) and every
   rk.cap call (by which file and line, and which one the result reports).
   Which rule file changed a question's points or a pillar's score is noted
   by rules_score.c in the result's own slots. */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "rules_internal.h"

/* The line of the function `level` frames up the stack, when it is a Lua
   function of the chunk named source; 0 otherwise. */
static int line_in(lua_State *L, int level, const char *source)
{
    lua_Debug ar;
    if (!lua_getstack(L, level, &ar) || !lua_getinfo(L, "Sl", &ar))
        return 0;
    if (ar.currentline <= 0 || (source && strcmp(ar.source, source) != 0))
        return 0;
    return ar.currentline;
}

/* Record one rk.cap call (called by rk.cap itself, level 0 of the stack):
   the line that made it (the first Lua frame: pcall(rk.cap, t) names the
   pcall's line), and the line that called the function making it when
   that is in the same rule file (a helper such as gate()). Raises on
   out-of-memory; calls beyond RK_MAX_CAP_CALLS are counted, not kept. */
void rk_rules_note_cap(lua_State *L, RkRules *R, size_t file, int pillar, size_t level,
                       const char *reason)
{
    if (R->n_cap_calls == RK_MAX_CAP_CALLS) {
        R->n_cap_dropped++;
        return;
    }
    if (R->n_cap_calls == R->cap_cap_calls) {
        size_t n = R->cap_cap_calls ? 2 * R->cap_cap_calls : 8;
        RkCapCall *c = realloc(R->cap_calls, n * sizeof *c);
        if (!c)
            luaL_error(L, "out of memory");
        R->cap_calls = c;
        R->cap_cap_calls = n;
    }
    RkCapCall *c = &R->cap_calls[R->n_cap_calls++];
    memset(c, 0, sizeof *c);
    c->pillar = pillar;
    c->max_level = (int)level;
    c->reason = reason; /* already in the result's arena */
    c->rule_file = (int)file;
    /* the first Lua frame up the stack (past a pcall, say) */
    lua_Debug ar;
    for (int up = 1; up < 8 && lua_getstack(L, up, &ar); up++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            c->line = ar.currentline;
            c->via = line_in(L, up + 1, ar.source);
            break;
        }
}

/* The engine's rule files, in layering order, into the result. */
bool rk_rules_explain_prepare(const RkRules *R, RkResult *res)
{
    res->rule_files = rk_arena_array(res->arena, R->n_files ? R->n_files : 1,
                                     sizeof *res->rule_files);
    if (!res->rule_files)
        return false;
    for (size_t i = 0; i < R->n_files; i++) {
        const RuleFile *f = &R->files[i];
        RkRuleFileInfo *o = &res->rule_files[i];
        o->name = rk_arena_strdup(res->arena, f->name);
        memcpy(o->sha256, f->sha256, sizeof o->sha256);
        o->builtin = f->builtin;
        o->skipped = f->skip;
        o->skip_why = f->skip ? rk_arena_strdup(res->arena, f->skip_why) : NULL;
        o->skip_ids = f->skip ? rk_arena_strdup(res->arena, f->skip_ids) : NULL;
        o->skip_version = f->skip ? rk_arena_strdup(res->arena, f->skip_version) : NULL;
        if (!o->name || (f->skip && !(o->skip_why && o->skip_ids && o->skip_version)))
            return false;
    }
    res->n_rule_files = R->n_files;
    return true;
}

/* The run's rk.cap calls into the result, each marked: the one the result
   reports (the lowest level of its pillar, the first made on a tie, as
   rk.cap keeps it) and the others tied with it. */
bool rk_rules_explain_finish(const RkRules *R, RkResult *res)
{
    size_t n = R->n_cap_calls;
    res->cap_calls = rk_arena_array(res->arena, n ? n : 1, sizeof *res->cap_calls);
    if (!res->cap_calls)
        return false;
    if (n)
        memcpy(res->cap_calls, R->cap_calls, n * sizeof *res->cap_calls);
    for (size_t i = 0; i < n; i++) {
        RkCapCall *c = &res->cap_calls[i];
        const RkCap *kept = c->pillar < 0 ? &res->cap : &res->pillars[c->pillar].cap;
        if (c->max_level != kept->max_level)
            continue;
        bool first = true;
        for (size_t j = 0; j < i && first; j++)
            first = !(res->cap_calls[j].pillar == c->pillar &&
                      res->cap_calls[j].max_level == c->max_level);
        c->reported = first;
        c->tied = !first;
    }
    res->n_cap_calls = n;
    res->n_cap_calls_dropped = R->n_cap_dropped;
    return true;
}
