/* sandbox_stop: the limits at work: the one way a run is stopped, the
   count hook, each sandbox's own timer (soft, then hard deadline), the
   wrappers that mark the long C calls a hard stop may leave, and the kit's
   uncapped calls. */
#define _GNU_SOURCE /* gettid, SIGEV_THREAD_ID */
#include "sandbox_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>

#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid
#endif

static void copy_pos(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src);
}

void rk_sandbox_stop(RkSandbox *sb, int why, const char *src, int line)
{
    if (!sb->fatal) {
        sb->fatal = why;
        if (src) {
            copy_pos(sb->where_src, sizeof sb->where_src, src);
            sb->where_line = line;
        }
        if (why != FATAL_MEMORY || src) {
            copy_pos(sb->fatal_src, sizeof sb->fatal_src, sb->where_src);
            sb->fatal_line = sb->where_line;
        }
    }
    lua_sethook(sb->L, rk_sandbox_hook, LUA_MASKCOUNT | LUA_MASKCALL | LUA_MASKLINE, 1);
}

int rk_sandbox_raise_fatal(lua_State *L, RkSandbox *sb)
{
    const char *what = sb->fatal == FATAL_BUDGET ? "instruction budget"
                       : sb->fatal == FATAL_TIME ? "time limit" : "memory limit";
    if (sb->fatal_src[0])
        lua_pushfstring(L, "%s:%d: %s exceeded", sb->fatal_src, sb->fatal_line, what);
    else
        lua_pushfstring(L, "%s exceeded", what);
    return lua_error(L);
}

/* The count hook (also every line/call once a limit is hit): counts
   instructions, remembers where the code is (memory errors carry no
   position), and raises when a limit is reached. */
void rk_sandbox_hook(lua_State *L, lua_Debug *ar)
{
    RkSandbox *sb = rk_sandbox_from(L);
    if (ar->event == LUA_HOOKCOUNT)
        sb->instr_used += sb->fatal ? 1 : (unsigned long long)sb->hook_step;
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
        copy_pos(sb->where_src, sizeof sb->where_src, ar->short_src);
        sb->where_line = ar->currentline;
    }
    if (!sb->fatal && sb->soft_fired)
        rk_sandbox_stop(sb, FATAL_TIME, NULL, 0);
    if (!sb->fatal && sb->instr_used > sb->lim.instructions)
        rk_sandbox_stop(sb, FATAL_BUDGET, NULL, 0);
    if (!sb->fatal)
        return;
    if (!sb->fatal_src[0]) { /* a memory stop: where the code was */
        copy_pos(sb->fatal_src, sizeof sb->fatal_src, sb->where_src);
        sb->fatal_line = sb->where_line;
    }
    rk_sandbox_raise_fatal(L, sb);
}

static void set_timer(RkSandbox *sb, double s)
{
    struct itimerspec it;
    memset(&it, 0, sizeof it);
    it.it_value.tv_sec = (time_t)s;
    it.it_value.tv_nsec = (long)((s - (double)(time_t)s) * 1e9);
    if (it.it_value.tv_sec == 0 && it.it_value.tv_nsec < 1000000)
        it.it_value.tv_nsec = 1000000;
    timer_settime(sb->timer, 0, &it, NULL);
}

/* The run's timer went off (only async-signal-safe calls). First the soft
   deadline: a hook on every instruction stops the Lua code. Then the hard
   one: a long C call never reaches a hook, so leave the run by a jump, but
   only from inside a wrapped long call and never from the allocator; else
   look again shortly. The last resort writes the message and leaves. */
static void on_timer(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    RkSandbox *sb = si->si_code == SI_TIMER ? si->si_value.sival_ptr : NULL;
    if (!sb || !sb->armed)
        return;
    if (!sb->soft_fired) {
        sb->soft_fired = 1;
        lua_sethook(sb->L, rk_sandbox_hook,
                    LUA_MASKCOUNT | LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE, 1);
        set_timer(sb, RK_SANDBOX_HARD_GRACE);
        return;
    }
    if (sb->in_long > 0 && !sb->in_alloc) {
        sb->armed = 0;
        siglongjmp(sb->hard_jump, 1);
    }
    if (sb->hard_tries++ < HARD_TRIES) {
        set_timer(sb, (double)HARD_RETRY_NS / 1e9);
        return;
    }
    int cur = sb->hard_cur;
    ssize_t w = write(2, sb->hard_msg[cur], sb->hard_len[cur]);
    (void)w;
    _exit(RK_EDATA);
}

static pthread_once_t handler_once = PTHREAD_ONCE_INIT;

/* The handler stays installed: it acts on armed sandboxes only, and a
   process-wide handler swapped per run would race between threads. */
static void install_handler(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_timer;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
}

bool rk_sandbox_arm(RkSandbox *sb)
{
    pthread_once(&handler_once, install_handler);
    pid_t tid = gettid();
    if (sb->has_timer && sb->timer_tid != tid) { /* run from another thread now */
        timer_delete(sb->timer);
        sb->has_timer = false;
    }
    if (!sb->has_timer) {
        struct sigevent ev;
        memset(&ev, 0, sizeof ev);
        ev.sigev_notify = SIGEV_THREAD_ID;
        ev.sigev_signo = SIGALRM;
        ev.sigev_value.sival_ptr = sb;
        ev.sigev_notify_thread_id = tid;
        if (timer_create(CLOCK_MONOTONIC, &ev, &sb->timer) != 0)
            return false;
        sb->has_timer = true;
        sb->timer_tid = tid;
    }
    sb->soft_fired = 0;
    sb->hard_tries = 0;
    sb->in_long = 0;
    sb->armed = 1;
    set_timer(sb, sb->lim.seconds);
    return true;
}

void rk_sandbox_disarm(RkSandbox *sb)
{
    sb->armed = 0;
    if (sb->has_timer) {
        struct itimerspec off;
        memset(&off, 0, sizeof off);
        timer_settime(sb->timer, 0, &off, NULL);
    }
}

/* A long standard C function (upvalue 1), called with the hard stop
   allowed to leave it. Errors pass through (the mark is taken off). */
static int long_call(lua_State *L)
{
    RkSandbox *sb = rk_sandbox_from(L);
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    sb->in_long++;
    int status = lua_pcall(L, n, LUA_MULTRET, 0);
    sb->in_long--;
    if (status != LUA_OK)
        return lua_error(L);
    return lua_gettop(L);
}

/* gmatch returns an iterator that does the matching: wrap it too. */
static int long_gmatch(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    lua_pushcclosure(L, long_call, 1);
    return 1;
}

static void wrap(lua_State *L, int lib, const char *name, lua_CFunction w)
{
    lib = lua_absindex(L, lib);
    lua_getfield(L, lib, name);
    lua_pushcclosure(L, w, 1);
    lua_setfield(L, lib, name);
}

void rk_sandbox_wrap_long_calls(lua_State *L, int tpl)
{
    tpl = lua_absindex(L, tpl);
    lua_getfield(L, tpl, "string");
    wrap(L, -1, "find", long_call);
    wrap(L, -1, "match", long_call);
    wrap(L, -1, "gsub", long_call);
    wrap(L, -1, "gmatch", long_gmatch);
    lua_pop(L, 1);
    lua_getfield(L, tpl, "table");
    wrap(L, -1, "move", long_call);
    lua_pop(L, 1);
}

void rk_sandbox_kit_call(lua_State *L, lua_CFunction f, int nargs, int nresults)
{
    RkSandbox *sb = rk_sandbox_from(L);
    lua_pushcfunction(L, f);
    lua_insert(L, -nargs - 1);
    sb->kit++;
    int status = lua_pcall(L, nargs, nresults, 0);
    sb->kit--;
    if (status != LUA_OK)
        lua_error(L);
}

size_t rk_sandbox_kit_memory(const RkSandbox *sb) { return sb->kit_used; }
bool rk_sandbox_dead(const RkSandbox *sb) { return sb->dead; }
