/*
 * sandbox_internal.h: the RkSandbox struct, shared by sandbox.c (state,
 * limits, runs) and sandbox_env.c (libraries and environments) only.
 */
#ifndef READYKIT_SANDBOX_INTERNAL_H
#define READYKIT_SANDBOX_INTERNAL_H

#include <setjmp.h>
#include <signal.h>
#include <time.h>

#include "readykit/sandbox.h"

/* Which limit stopped the run (sticky until the next run). */
enum { FATAL_NONE, FATAL_BUDGET, FATAL_MEMORY, FATAL_TIME };

/* The count hook runs every hook_step VM instructions: HOOK_STEP, or a
   tenth of a smaller budget (so a budget is never overshot by more than a
   tenth). Each call looks up the position (lua_getinfo), so a coarse step
   keeps the hook's cost out of the profile. */
#define HOOK_STEP 10000
#define HARD_SLOTS 4
/* Small blocks are recycled by size class: POOL_STEP bytes apart, up to
   POOL_MAX (sandbox.c alloc). */
#define POOL_STEP 16
#define POOL_MAX 1024
#define POOL_KEEP (2u * 1024u * 1024u) /* bytes kept on the lists at most */
/* Extra memory allowed once a limit is hit, so the error can be raised. */
#define FATAL_SLACK (256u * 1024u)
/* After the hard deadline, while the code is not where it may be left (a
   wrapped long C call, outside the allocator), look again this often, and
   give up (write the message, _exit 65) after HARD_TRIES looks. */
#define HARD_RETRY_NS 5000000L
#define HARD_TRIES 400

/* The header of every block the state holds, linked in RkSandbox.live, so
   that an abandoned state (after a hard stop) is freed block by block
   without lua_close. 16 bytes: the block after it keeps malloc's alignment. */
typedef struct Blk {
    struct Blk *prev, *next;
} Blk;

struct RkSandbox {
    lua_State *L;
    RkSandboxLimits lim;
    size_t mem_used, mem_peak;
    unsigned long long instr_used;
    int hook_step;        /* see HOOK_STEP */
    volatile sig_atomic_t fatal;
    volatile sig_atomic_t soft_fired;
    bool running;
    char file[256];       /* chunk running now (for messages) */
    int line_add;         /* added to lines in `file` (rk_sandbox_set_line_offset) */
    char context[128];    /* "question x" or "" */
    char where_src[256];  /* last position seen by the hook */
    int where_line;
    char fatal_src[256];  /* position of a budget/time stop */
    int fatal_line;
    char err_src[256];    /* first Lua frame of the last error */
    int err_line;
    /* the messages written by the SIGALRM handler at the hard deadline, one
       per recent file (scoring alternates between the questionnaire, for
       when:, and the rule files); hard_cur is the one for sb->file */
    char hard_msg[HARD_SLOTS][512];
    size_t hard_len[HARD_SLOTS];
    char hard_file[HARD_SLOTS][256];
    volatile sig_atomic_t hard_cur;
    unsigned hard_next;   /* the slot to fill next */
    int env_template;     /* registry ref: the allowed names */
    void *pool[POOL_MAX / POOL_STEP + 1]; /* free small blocks by class (next in 1st word) */
    size_t pool_bytes;    /* bytes on those lists */
    Blk live;             /* every block the state holds (circular list) */
    size_t kit_used;      /* bytes held by the kit's own work (not capped) */
    int kit;              /* >0: allocations are the kit's (rk_sandbox_kit_call) */
    bool refused;         /* the cap refused a growth in this run */
    /* the per-run timer (sandbox_stop.c): soft deadline, then hard */
    timer_t timer;
    bool has_timer;
    int timer_tid;        /* the thread the timer signals */
    volatile sig_atomic_t armed;    /* the handler acts only while set */
    volatile sig_atomic_t in_long;  /* depth of wrapped long C calls */
    volatile sig_atomic_t in_alloc; /* inside the allocator */
    volatile sig_atomic_t hard_tries;
    sigjmp_buf hard_jump; /* rk_sandbox_run's, for the hard stop */
    bool dead;            /* a hard stop left the state: never touch L again */
    void *injected_ptr;   /* an injected failure (fail countdown), failed */
    size_t injected_size; /* again on Lua's retry after its emergency GC */
    RkSandboxLogFn log;   /* rk_sandbox_set_log */
    void *log_ctx;
};

/* sandbox_alloc.c */
void *rk_sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize);
void rk_sandbox_drain(RkSandbox *sb);

void rk_sandbox_free_all(RkSandbox *sb); /* every live block (abandoned state) */

/* sandbox_env.c */
void rk_sandbox_open_libs(lua_State *L, RkSandbox *sb);

/* sandbox_stop.c: the limits at work */
/* The one way to stop a run: remember why (the first reason stands) and
   where (src NULL: the position the hook saw last), and make every later
   instruction, call and line raise again, so that no pcall can go on. */
void rk_sandbox_stop(RkSandbox *sb, int why, const char *src, int line);
/* Raise the error of the limit that stopped the run. */
int rk_sandbox_raise_fatal(lua_State *L, RkSandbox *sb);
void rk_sandbox_hook(lua_State *L, lua_Debug *ar);
/* sandbox_words.c: one traceback frame (len bytes at p) in plain words
   into out, as snprintf (returns its count). */
int rk_sandbox_plain_frame(const char *p, size_t len, char *out, size_t size);
/* Arm the run's timer (seconds), disarm it. */
bool rk_sandbox_arm(RkSandbox *sb);
void rk_sandbox_disarm(RkSandbox *sb);
/* Replace the standard C functions that can run long without calling back
   into Lua (pattern matching, table.move) in the library tables of tpl by
   wrappers marking where a hard stop may leave. */
void rk_sandbox_wrap_long_calls(lua_State *L, int tpl);

#endif
