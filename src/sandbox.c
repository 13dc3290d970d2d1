/* sandbox: the restricted Lua state, its limits and its one lua_pcall. */
#include "sandbox_internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= size)
        n = size - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

/* An error outside any protected call is a bug in readykit: say so, through
   the host's log (it prints), and stop. */
static int panic(lua_State *L)
{
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
    char line[600];
    snprintf(line, sizeof line, "readykit: internal error: unprotected Lua error: %s", msg);
    rk_sandbox_log(rk_sandbox_from(L), line);
    abort();
    return 0;
}

void rk_sandbox_set_log(RkSandbox *sb, RkSandboxLogFn fn, void *ctx)
{
    sb->log = fn;
    sb->log_ctx = ctx;
}

void rk_sandbox_log(RkSandbox *sb, const char *line)
{
    if (sb->log)
        sb->log(sb->log_ctx, line);
}

RkStatus rk_sandbox_new(const RkSandboxLimits *lim, RkSandbox **out, RkDiag *d)
{
    *out = NULL;
    RkSandbox *sb = calloc(1, sizeof *sb);
    if (!sb)
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    if (lim)
        sb->lim = *lim;
    if (!sb->lim.memory)
        sb->lim.memory = RK_SANDBOX_DEFAULT_MEMORY;
    if (!sb->lim.instructions)
        sb->lim.instructions = RK_SANDBOX_DEFAULT_INSTRUCTIONS;
    if (!(sb->lim.seconds > 0))
        sb->lim.seconds = RK_SANDBOX_DEFAULT_SECONDS;
    /* the libraries themselves need ~100 KiB; never go below 1 MiB */
    if (sb->lim.memory < 1024 * 1024)
        sb->lim.memory = 1024 * 1024;
    sb->hook_step = sb->lim.instructions < 10ULL * HOOK_STEP
                        ? (int)(sb->lim.instructions / 10 > 100 ? sb->lim.instructions / 10 : 100)
                        : HOOK_STEP;
    sb->L = lua_newstate(rk_sandbox_alloc, sb);
    if (!sb->L) {
        rk_sandbox_free_all(sb);
        free(sb);
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "cannot create the Lua state");
    }
    lua_atpanic(sb->L, panic);
    /* Generational collection: a scoring run makes hundreds of short-lived
       tables (answers, scores) around a state that lives for the batch (the
       questionnaire's views, the compiled rules); a young collection skips
       the old part. 10-15% less CPU on the shipped questionnaire's batches. */
    lua_gc(sb->L, LUA_GCGEN, 0, 0);
    copy_str(sb->file, sizeof sb->file, "rules");
    *out = sb;
    return RK_OK;
}

static int open_libs(lua_State *L)
{
    RkSandbox *sb = lua_touserdata(L, 1);
    rk_sandbox_open_libs(L, sb);
    return 0;
}

/* rk_sandbox_new, part two, done as a protected run (opening libraries can
   run out of memory). Called lazily by the first run. */
static RkStatus ensure_libs(RkSandbox *sb, RkDiag *d);

void rk_sandbox_free(RkSandbox *sb)
{
    if (!sb)
        return;
    if (!sb->dead)
        lua_close(sb->L);
    rk_sandbox_free_all(sb); /* what a dead state held; the recycled blocks */
    if (sb->has_timer)
        timer_delete(sb->timer);
    free(sb);
}

lua_State *rk_sandbox_lua(RkSandbox *sb) { return sb->L; }

RkSandbox *rk_sandbox_from(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

size_t rk_sandbox_memory(const RkSandbox *sb) { return sb->mem_used; }
size_t rk_sandbox_memory_peak(const RkSandbox *sb) { return sb->mem_peak; }
size_t rk_sandbox_memory_cap(const RkSandbox *sb) { return sb->lim.memory; }
bool rk_sandbox_limit_hit(const RkSandbox *sb) { return sb->fatal != FATAL_NONE; }

/* The file running now, for messages. The hard-deadline message (built
   here: the signal handler cannot format) is kept for the last few files,
   so switching back and forth formats nothing; a slot being filled is never
   the one the handler may read. */
void rk_sandbox_set_line_offset(RkSandbox *sb, int add) { sb->line_add = add; }

bool rk_sandbox_same_chunk(const char *src, const char *file)
{
    size_t n = strlen(src);
    return strcmp(src, file) == 0 || (n >= LUA_IDSIZE - 1 && strncmp(src, file, n) == 0);
}

int rk_sandbox_file_line(const RkSandbox *sb, const char *src, int line)
{
    return line > 0 && rk_sandbox_same_chunk(src, sb->file) ? line + sb->line_add : line;
}

void rk_sandbox_set_file(RkSandbox *sb, const char *file)
{
    sb->line_add = 0;
    copy_str(sb->where_src, sizeof sb->where_src, file);
    sb->where_line = 0;
    if (sb->hard_len[sb->hard_cur] && strcmp(sb->file, sb->where_src) == 0)
        return; /* same file: the prepared message stands */
    copy_str(sb->file, sizeof sb->file, file);
    for (int i = 0; i < HARD_SLOTS; i++)
        if (sb->hard_len[i] && strcmp(sb->hard_file[i], sb->file) == 0) {
            sb->hard_cur = i;
            return;
        }
    unsigned slot = sb->hard_next++ % HARD_SLOTS;
    if ((int)slot == sb->hard_cur)
        slot = sb->hard_next++ % HARD_SLOTS;
    int n = snprintf(sb->hard_msg[slot], sizeof sb->hard_msg[slot],
                     "readykit: %s: time limit of %g s exceeded (a long call such "
                     "as string.find did not return)\n", sb->file, sb->lim.seconds);
    sb->hard_len[slot] = n < 0 ? 0 : (size_t)n >= sizeof sb->hard_msg[slot]
                                         ? sizeof sb->hard_msg[slot] - 1 : (size_t)n;
    memcpy(sb->hard_file[slot], sb->file, sizeof sb->file);
    sb->hard_cur = (sig_atomic_t)slot;
}

void rk_sandbox_set_context(RkSandbox *sb, const char *context)
{
    copy_str(sb->context, sizeof sb->context, context);
}

/* Message handler: keeps a string message (never calls a __tostring of a
   hostile object), remembers the first Lua frame, adds a traceback. */
static int msgh(lua_State *L)
{
    RkSandbox *sb = rk_sandbox_from(L);
    if (lua_type(L, 1) != LUA_TSTRING && lua_type(L, 1) != LUA_TNUMBER)
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    else
        lua_pushvalue(L, 1);
    lua_Debug ar;
    sb->err_src[0] = '\0';
    sb->err_line = 0;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            copy_str(sb->err_src, sizeof sb->err_src, ar.short_src);
            sb->err_line = ar.currentline;
            break;
        }
    }
    luaL_traceback(L, L, lua_tostring(L, -1), 1);
    return 1;
}

/* Keep the Lua frames of a traceback ("\n\tfile:line: in ..."), at most
   max of them, as "\n  file:line: in ...". */
static void short_traceback(const RkSandbox *sb, const char *tb, char *out, size_t size,
                            int max)
{
    size_t flen = strlen(sb->file);
    size_t used = 0;
    out[0] = '\0';
    int n = 0;
    for (const char *p = tb; p && *p && n < max;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        while (len && (*p == '\t' || *p == ' ')) {
            p++;
            len--;
        }
        if (len && !memchr(p, '[', len < 3 ? len : 3) && memchr(p, ':', len) &&
            !(len >= 16 && memcmp(p, "stack traceback:", 16) == 0)) {
            /* A when: expression is compiled alone: its lines are moved back
               to the file's (line_add) before the frame is put in plain words. */
            char moved[400], frame[400];
            char *end;
            long ln = len > flen && memcmp(p, sb->file, flen) == 0 && p[flen] == ':'
                         ? strtol(p + flen + 1, &end, 10) : 0;
            int m;
            if (sb->line_add && ln > 0 && *end == ':')
                m = snprintf(moved, sizeof moved, "%s:%ld%.*s", sb->file, ln + sb->line_add,
                             (int)(p + len - end), end);
            else
                m = snprintf(moved, sizeof moved, "%.*s", (int)len, p);
            if (m < 0)
                break;
            rk_sandbox_plain_frame(moved, (size_t)m < sizeof moved ? (size_t)m : sizeof moved - 1,
                                   frame, sizeof frame);
            int w = snprintf(out + used, size - used, "\n  %s", frame);
            if (w < 0 || (size_t)w >= size - used)
                break;
            used += (size_t)w;
            n++;
        }
        p = e ? e + 1 : NULL;
    }
}

/* "file:line: text" -> file, line, text; false when there is no position. */
static bool split_position(const char *msg, char *file, size_t size, int *line,
                           const char **text)
{
    for (const char *c = strchr(msg, ':'); c; c = strchr(c + 1, ':')) {
        const char *p = c + 1;
        if (!isdigit((unsigned char)*p))
            continue;
        long n = strtol(p, (char **)&p, 10);
        if (*p != ':' || n <= 0)
            continue;
        size_t len = (size_t)(c - msg);
        if (len == 0 || len >= size)
            return false;
        memcpy(file, msg, len);
        file[len] = '\0';
        *line = (int)n;
        *text = p[1] == ' ' ? p + 2 : p + 1;
        return true;
    }
    return false;
}

static const char *limit_text(RkSandbox *sb, char *buf, size_t size)
{
    switch (sb->fatal) {
    case FATAL_BUDGET:
        snprintf(buf, size, "instruction budget of %llu exceeded", sb->lim.instructions);
        break;
    case FATAL_TIME:
        snprintf(buf, size, "time limit of %g s exceeded", sb->lim.seconds);
        break;
    default:
        snprintf(buf, size, "memory limit of %g MiB exceeded%s",
                 (double)sb->lim.memory / (1024.0 * 1024.0),
                 sb->where_line > 0 ? " near this line" : "");
        break;
    }
    return buf;
}

/* Turn the error at the top of the stack (after msgh) into d. */
static RkStatus report(RkSandbox *sb, int status, RkDiag *d)
{
    char file[256], text[1024], tb[700] = "", ctx[160] = "";
    int line = 0;
    const char *msg = lua_type(sb->L, -1) == LUA_TSTRING ? lua_tostring(sb->L, -1) : NULL;
    if (sb->context[0])
        snprintf(ctx, sizeof ctx, " (while scoring %s)", sb->context);
    const char *nl = msg ? strchr(msg, '\n') : NULL;
    if (nl)
        short_traceback(sb, nl + 1, tb, sizeof tb, sb->lim.verbose ? 20 : 4);
    if (sb->fatal || status == LUA_ERRMEM) {
        if (!sb->fatal)
            sb->fatal = FATAL_MEMORY;
        if (sb->fatal == FATAL_MEMORY || !sb->fatal_src[0]) {
            copy_str(file, sizeof file, sb->where_src[0] ? sb->where_src : sb->file);
            line = sb->where_line;
        } else {
            copy_str(file, sizeof file, sb->fatal_src);
            line = sb->fatal_line;
        }
        limit_text(sb, text, sizeof text);
        line = rk_sandbox_file_line(sb, file, line);
        return rk_diag_set(d, RK_EDATA, file, line, 0, "%s%s%s", text, ctx, tb);
    }
    char first[1024];
    copy_str(first, sizeof first, msg ? msg : "(error object is not a string)");
    char *cut = strchr(first, '\n');
    if (cut)
        *cut = '\0';
    const char *body = first;
    if (!split_position(first, file, sizeof file, &line, &body)) {
        copy_str(file, sizeof file, sb->err_src[0] ? sb->err_src : sb->file);
        line = sb->err_src[0] ? sb->err_line : 0;
    }
    line = rk_sandbox_file_line(sb, file, line);
    return rk_diag_set(d, RK_EDATA, file, line, 0, "%s%s%s", body, ctx, tb);
}

static RkStatus ensure_libs(RkSandbox *sb, RkDiag *d)
{
    if (sb->env_template)
        return RK_OK;
    lua_State *L = sb->L;
    lua_pushcfunction(L, open_libs);
    lua_pushlightuserdata(L, sb);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
        lua_pop(L, 1);
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "cannot open the Lua libraries");
    }
    return RK_OK;
}

/* The hard stop's error: the run was left by a jump and the state is
   abandoned (sandbox_stop.c). */
static RkStatus hard_stopped(RkSandbox *sb, RkDiag *d)
{
    return rk_diag_set(d, RK_EDATA, sb->file, 0, 0,
                       "time limit of %g s exceeded (a long call such as string.find did not "
                       "return)%s%s%s", sb->lim.seconds, sb->context[0] ? " (while scoring " : "",
                       sb->context, sb->context[0] ? ")" : "");
}

/* lua_pcall, left by a jump at the hard deadline (then the state is dead).
   Apart from rk_sandbox_run so that no local of the caller is live across
   the jump. */
static int pcall_or_jump(RkSandbox *sb, int base)
{
    if (sigsetjmp(sb->hard_jump, 1)) { /* 1: SIGALRM unblocked again */
        sb->dead = true;
        return LUA_ERRRUN;
    }
    return lua_pcall(sb->L, 1, 0, base + 1);
}

/* A run: the rules' (limits armed) or the kit's (kit: no hook, no timer,
   memory counted apart and not capped). */
static RkStatus run(RkSandbox *sb, lua_CFunction f, void *ud, RkDiag *d, bool kit)
{
    if (sb->dead)
        return hard_stopped(sb, d);
    RkStatus st = ensure_libs(sb, d);
    if (st != RK_OK)
        return st;
    lua_State *L = sb->L;
    int base = lua_gettop(L);
    sb->instr_used = 0;
    sb->fatal = FATAL_NONE;
    sb->fatal_src[0] = '\0';
    sb->context[0] = '\0';
    sb->kit = kit;
    sb->refused = false;
    copy_str(sb->where_src, sizeof sb->where_src, sb->file);
    sb->where_line = 0;
    if (!kit)
        lua_sethook(L, rk_sandbox_hook, LUA_MASKCOUNT, sb->hook_step);
    lua_pushcfunction(L, msgh);
    lua_pushcfunction(L, f);
    lua_pushlightuserdata(L, ud);
    sb->running = !kit;
    if (!kit && !rk_sandbox_arm(sb)) {
        sb->running = false;
        lua_sethook(L, NULL, 0, 0);
        lua_settop(L, base);
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "cannot create a timer for the rules");
    }
    int status = kit ? lua_pcall(L, 1, 0, base + 1) : pcall_or_jump(sb, base);
    if (!kit)
        rk_sandbox_disarm(sb);
    sb->running = false;
    sb->kit = 0;
    if (sb->dead) /* never touch the state again */
        return hard_stopped(sb, d);
    lua_sethook(L, NULL, 0, 0);
    st = RK_OK;
    if (status != LUA_OK || sb->fatal) {
        st = report(sb, status, d);
        sb->fatal = FATAL_NONE;
        lua_settop(L, base);
        lua_gc(L, LUA_GCCOLLECT);
    }
    lua_settop(L, base);
    sb->context[0] = '\0';
    return st;
}

RkStatus rk_sandbox_run(RkSandbox *sb, lua_CFunction f, void *ud, RkDiag *d)
{
    return run(sb, f, ud, d, false);
}

RkStatus rk_sandbox_run_kit(RkSandbox *sb, lua_CFunction f, void *ud, RkDiag *d)
{
    return run(sb, f, ud, d, true);
}
