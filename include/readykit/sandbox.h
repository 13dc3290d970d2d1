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
 * Limits, per sandbox and restarted by every rk_sandbox_run: a memory cap
 * (custom allocator), an instruction budget (count hook) and a wall-clock
 * deadline (a POSIX timer of its own, signalling the thread that runs it).
 * At the deadline a hook stops the Lua code; if a long C call (a
 * pathological string.find, table.move over 10^15 slots) does not return
 * within a further RK_SANDBOX_HARD_GRACE seconds, the run is left by a jump
 * from the signal handler and returns RK_EDATA ("time limit ... exceeded (a
 * long call such as string.find did not return)"). The Lua state is then
 * abandoned: the sandbox is dead (every later run returns that error again)
 * and rk_sandbox_free frees its blocks one by one, never touching the
 * state. Only the wrapped standard functions are left so; a C loop anywhere
 * else that never returns (none is known) still ends the process with 65
 * after a further 2 s, as the last resort.
 *
 * Memory and limits are for the rules' code: what the kit builds through
 * rk_sandbox_kit_call (views of the questionnaire, compiled expressions) is
 * counted apart and never capped.
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

/* Where rk.log lines and Lua's panic message go: one line, without its
   newline; the host prints it (main.c and batch print to stderr). */
typedef void (*RkSandboxLogFn)(void *ctx, const char *line);

RkStatus rk_sandbox_new(const RkSandboxLimits *lim, RkSandbox **out, RkDiag *d);
void rk_sandbox_free(RkSandbox *sb); /* accepts NULL */

lua_State *rk_sandbox_lua(RkSandbox *sb);

/* Set the host's log callback (NULL: lines are dropped). */
void rk_sandbox_set_log(RkSandbox *sb, RkSandboxLogFn fn, void *ctx);
/* Hand one line to the host's callback, if any. */
void rk_sandbox_log(RkSandbox *sb, const char *line);

/* Test hook: the n-th allocation by any sandbox's allocator from now on
   fails (as if the memory cap were reached); 0 = never. Returns what was
   left of the previous countdown. Process-wide, like rk_arena_fail_after. */
size_t rk_sandbox_alloc_fail_after(size_t n);

/* Inside a run: call f(L) with nargs arguments and nresults results, as
   the kit's own work: what it allocates is counted apart from the rules'
   memory and never capped (the rules' cap is for the rules' code). Errors
   pass through. [-(nargs), +nresults] */
void rk_sandbox_kit_call(lua_State *L, lua_CFunction f, int nargs, int nresults);
/* Bytes held by the kit's own work (not capped). */
size_t rk_sandbox_kit_memory(const RkSandbox *sb);
/* Has a hard stop abandoned the state (every later run fails)? */
bool rk_sandbox_dead(const RkSandbox *sb);

/* The sandbox that owns L (through the allocator's userdata). */
RkSandbox *rk_sandbox_from(lua_State *L);

/* Run f(L) in protected mode, with ud as its only argument (a light
   userdata), the limits restarted and armed. Any error, including a limit,
   becomes RK_EDATA in d as "file:line: message" with a short traceback and
   the context set by rk_sandbox_set_context. The stack is left as found. */
RkStatus rk_sandbox_run(RkSandbox *sb, lua_CFunction f, void *ud, RkDiag *d);
/* The same for the kit's own work, which runs no rule code (compiling the
   questionnaire's expressions): no instruction budget, no time limit, its
   memory counted apart and not capped. */
RkStatus rk_sandbox_run_kit(RkSandbox *sb, lua_CFunction f, void *ud, RkDiag *d);

/* The chunk now running, used when an error has no position (memory) and
   for the hard-deadline message. Copied; no allocation. */
void rk_sandbox_set_file(RkSandbox *sb, const char *file);
/* Lines of the chunk named as the file set last are reported this much
   further down (an expression compiled alone, taken from line add + 1 of
   its file); rk_sandbox_set_file sets it back to 0. */
void rk_sandbox_set_line_offset(RkSandbox *sb, int add);
/* A line Lua reports in src, as a line of the file (the offset above
   added when src is the file running now). */
int rk_sandbox_file_line(const RkSandbox *sb, const char *src, int line);
/* Is src, a chunk name from a Lua message, the file? Lua cuts a long "="
   chunk name to LUA_IDSIZE - 1 bytes, keeping its beginning. */
bool rk_sandbox_same_chunk(const char *src, const char *file);
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

#endif
