/*
 * sandbox_internal.h: the RkSandbox struct, shared by sandbox.c (state,
 * limits, runs) and sandbox_env.c (libraries and environments) only.
 */
#ifndef READYKIT_SANDBOX_INTERNAL_H
#define READYKIT_SANDBOX_INTERNAL_H

#include <signal.h>

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
};

/* sandbox_alloc.c */
void *rk_sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize);
void rk_sandbox_drain(RkSandbox *sb);

/* sandbox_env.c */
void rk_sandbox_open_libs(lua_State *L, RkSandbox *sb);
int rk_sandbox_raise_fatal(lua_State *L, RkSandbox *sb);
void rk_sandbox_hook(lua_State *L, lua_Debug *ar);
/* sandbox_words.c: one traceback frame (len bytes at p) in plain words
   into out, as snprintf (returns its count). */
int rk_sandbox_plain_frame(const char *p, size_t len, char *out, size_t size);

#endif
