/* sandbox_alloc: the Lua state's allocator: the memory cap, and small
   blocks recycled by size class (a scoring run allocates and frees
   thousands of small tables and strings). */
#include "sandbox_internal.h"

#include <stdlib.h>
#include <string.h>

/* A block of n bytes (n > 0): small ones from the free list of their size
   class, else malloc. */
static void *block_new(RkSandbox *sb, size_t n)
{
    if (n > POOL_MAX)
        return malloc(n);
    size_t c = (n + POOL_STEP - 1) / POOL_STEP;
    void *p = sb->pool[c];
    if (!p)
        return malloc(c * POOL_STEP);
    sb->pool[c] = *(void **)p;
    sb->pool_bytes -= c * POOL_STEP;
    return p;
}

/* Give back a block Lua knew as n bytes: a small one goes on the free list
   of its class (it is at least that class's size), else to free. The lists
   hold at most POOL_KEEP bytes: a rule that fills the memory cap with
   blocks of one size, then of another, must not make the process keep
   the cap's worth for every size. */
static void block_free(RkSandbox *sb, void *p, size_t n)
{
    size_t c = (n + POOL_STEP - 1) / POOL_STEP;
    if (n > POOL_MAX || sb->pool_bytes + c * POOL_STEP > POOL_KEEP) {
        free(p);
        return;
    }
    *(void **)p = sb->pool[c];
    sb->pool[c] = p;
    sb->pool_bytes += c * POOL_STEP;
}

/* Resize a block (osize, nsize > 0). Within one size class the block
   stays; a shrink never fails (the old block is big enough). */
static void *block_resize(RkSandbox *sb, void *ptr, size_t osize, size_t nsize)
{
    if (osize > POOL_MAX && nsize > POOL_MAX)
        return realloc(ptr, nsize);
    if (osize <= POOL_MAX && nsize <= POOL_MAX &&
        (osize + POOL_STEP - 1) / POOL_STEP == (nsize + POOL_STEP - 1) / POOL_STEP)
        return ptr;
    void *p = block_new(sb, nsize);
    if (!p)
        return nsize <= osize ? ptr : NULL;
    memcpy(p, ptr, osize < nsize ? osize : nsize);
    block_free(sb, ptr, osize);
    return p;
}

/* Free every recycled block (when the state is closed). */
void rk_sandbox_drain(RkSandbox *sb)
{
    for (size_t c = 0; c <= POOL_MAX / POOL_STEP; c++)
        while (sb->pool[c]) {
            void *p = sb->pool[c];
            sb->pool[c] = *(void **)p;
            free(p);
        }
    sb->pool_bytes = 0;
}

/* Test hook: counts down the allocations (new blocks and growths); the one
   that brings it to 0 fails as if malloc had (process-wide: a test sets it,
   nothing else does). */
static size_t fail_countdown;

size_t rk_sandbox_alloc_fail_after(size_t n)
{
    size_t left = fail_countdown;
    fail_countdown = n;
    return left;
}

/* The memory cap. osize is a type tag when ptr is NULL; a shrink is never
   refused; a refused growth marks the run as stopped by memory, so that a
   pcall in the rule cannot go on as if nothing happened. Small blocks are
   recycled by size class (a run allocates and frees thousands of small
   tables and strings); the cap counts the sizes Lua asks for, as before. */
void *rk_sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    RkSandbox *sb = ud;
    if (!ptr)
        osize = 0;
    if (nsize == 0) {
        if (ptr)
            block_free(sb, ptr, osize);
        sb->mem_used -= osize;
        return NULL;
    }
    if (nsize > osize) {
        size_t cap = sb->lim.memory + (sb->fatal ? FATAL_SLACK : 0);
        if (sb->mem_used - osize + nsize > cap || nsize - osize > cap) {
            if (sb->running && !sb->fatal) {
                sb->fatal = FATAL_MEMORY;
                lua_sethook(sb->L, rk_sandbox_hook, LUA_MASKCOUNT, 1);
            }
            return NULL;
        }
    }
    if (nsize > osize && fail_countdown && --fail_countdown == 0)
        return NULL;
    void *p = ptr ? block_resize(sb, ptr, osize, nsize) : block_new(sb, nsize);
    if (!p)
        return NULL;
    sb->mem_used = sb->mem_used - osize + nsize;
    if (sb->mem_used > sb->mem_peak)
        sb->mem_peak = sb->mem_used;
    return p;
}
