/*
 * sandbox: a restricted Lua 5.4 state for rule files written by strangers.
 * It knows nothing about questionnaires.
 *
 * Reach: only base (trimmed), string, table, math (no random) and utf8;
 * each chunk gets its own _ENV holding copies of those libraries, where
 * reading an unknown global is an error. No io, os, require, package, debug,
 * dofile, loadfile, collectgarbage, string.dump, coroutine; load is text
 * only; setmetatable refuses __gc; the string metatable is protected; pcall
 * and xpcall cannot catch a limit error.
 *
 * Limits, restarted by every rk_sandbox_run: a memory cap (custom
 * allocator), an instruction budget (count hook) and a wall-clock deadline
 * (SIGALRM). At the deadline a hook stops the Lua code; if a long C call
 * (a pathological string.find) does not return within a further
 * RK_SANDBOX_HARD_GRACE seconds, the process writes a prepared message to
 * stderr and exits with status 65. That is safe for readykit because scoring
 * ends before any output file is opened, and outputs are written atomically.
 *
 * The sandbox owns its lua_State; rk_sandbox_free closes it.
 */
#ifndef READYKIT_SANDBOX_H
#define READYKIT_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>

#include <lua.h>

#include "readykit/diag.h"

#define RK_SANDBOX_DEFAULT_MEMORY (32u * 1024u * 1024u)
#define RK_SANDBOX_DEFAULT_INSTRUCTIONS 100000000ULL
#define RK_SANDBOX_DEFAULT_SECONDS 1.0
#define RK_SANDBOX_HARD_GRACE 0.25

typedef struct RkSandboxLimits {
    size_t memory;                   /* bytes; 0: the default */
    unsigned long long instructions; /* per run; 0: the default */
    double seconds;                  /* per run; 0: the default */
    bool verbose;                    /* longer tracebacks */
} RkSandboxLimits;

typedef struct RkSandbox RkSandbox;

RkStatus rk_sandbox_new(const RkSandboxLimits *lim, RkSandbox **out, RkDiag *d);
void rk_sandbox_free(RkSandbox *sb); /* accepts NULL */

lua_State *rk_sandbox_lua(RkSandbox *sb);

/* The sandbox that owns L (through the allocator's userdata). */
RkSandbox *rk_sandbox_from(lua_State *L);

/* Run f(L) in protected mode, with ud as its only argument (a light
   userdata), the limits restarted and armed. Any error, including a limit,
   becomes RK_EDATA in d as "file:line: message" with a short traceback and
   the context set by rk_sandbox_set_context. The stack is left as found. */
RkStatus rk_sandbox_run(RkSandbox *sb, lua_CFunction f, void *ud, RkDiag *d);

/* The chunk now running, used when an error has no position (memory) and
   for the hard-deadline message. Copied; no allocation. */
void rk_sandbox_set_file(RkSandbox *sb, const char *file);
/* What is being done, added to error messages, e.g. "question law_year";
   NULL or "" clears it. Copied; no allocation. */
void rk_sandbox_set_context(RkSandbox *sb, const char *context);

/* Inside a run: push a fresh environment for one chunk (copies of the
   allowed libraries; unknown globals raise). [-0, +1] */
void rk_sandbox_push_env(lua_State *L);

/* Inside a run: compile text (never bytecode) as chunkname ("@file" or
   "=name") and set its _ENV to the table at env_idx; pushes the function or
   raises the syntax error. [-0, +1] */
void rk_sandbox_load(lua_State *L, const char *text, size_t len,
                     const char *chunkname, int env_idx);

/* Inside a run: make the table at idx and the plain tables it holds
   read-only views (reads, #, pairs, ipairs, next and rawget work; writes
   and rawset raise). For data shared by every answers file. [-0, +0] */
void rk_sandbox_freeze(lua_State *L, int idx);

/* Memory in use and the highest seen, in bytes. */
size_t rk_sandbox_memory(const RkSandbox *sb);
size_t rk_sandbox_memory_peak(const RkSandbox *sb);
/* The memory cap in force, in bytes. */
size_t rk_sandbox_memory_cap(const RkSandbox *sb);
/* Has a limit (memory, instructions, time) stopped the run in progress? */
bool rk_sandbox_limit_hit(const RkSandbox *sb);

/* Test hook, like rk_arena_fail_after: make the n-th allocation (a new
   block or a growth) of any sandbox from now on fail (0 = never); returns
   the allocations the previous setting still had to go. */
size_t rk_sandbox_alloc_fail_after(size_t n);

#endif
