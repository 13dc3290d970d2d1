/* sandbox_alloc: the Lua state's allocator: the memory cap (for the rules'
   code; the kit's own work is counted apart), small blocks recycled by
   size class (a scoring run allocates and frees thousands of small tables
   and strings), and a list of every live block, so that a state left by a
   hard stop can be freed without lua_close. */
#include "sandbox_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Test hook (rk_sandbox_alloc_fail_after): process-wide, for tests only. */
static size_t fail_countdown;

size_t rk_sandbox_alloc_fail_after(size_t n)
{
    size_t left = fail_countdown;
    fail_countdown = n;
    return left;
}

/* The live list. A block's owner (the kit: 1, the rules: 0) is the low bit
   of its prev pointer (headers are 16-byte aligned). */
static Blk *prev_of(const Blk *h) { return (Blk *)((uintptr_t)h->prev & ~(uintptr_t)1); }
static int kit_of(const Blk *h) { return (int)((uintptr_t)h->prev & 1); }
static Blk *tagged(Blk *p, int kit) { return (Blk *)((uintptr_t)p | (uintptr_t)kit); }

static void link_blk(RkSandbox *sb, Blk *h, int kit)
{
    if (!sb->live.next)
        sb->live.next = sb->live.prev = &sb->live;
    Blk *n = sb->live.next;
    h->next = n;
    h->prev = tagged(&sb->live, kit);
    n->prev = tagged(h, n == &sb->live ? 0 : kit_of(n));
    sb->live.next = h;
}

static void unlink_blk(Blk *h)
{
    Blk *p = prev_of(h), *n = h->next;
    p->next = n;
    n->prev = tagged(p, kit_of(n));
}

/* A raw block (header included) for n bytes of Lua's (n > 0): small ones
   from the free list of their size class, else malloc. */
static Blk *block_new(RkSandbox *sb, size_t n)
{
    if (n > POOL_MAX)
        return malloc(sizeof(Blk) + n);
    size_t c = (n + POOL_STEP - 1) / POOL_STEP;
    void *p = sb->pool[c];
    if (!p)
        return malloc(sizeof(Blk) + c * POOL_STEP);
    sb->pool[c] = *(void **)p;
    sb->pool_bytes -= c * POOL_STEP;
    return p;
}

/* Give back a raw block Lua knew as n bytes: a small one goes on the free
   list of its class, else to free. The lists hold at most POOL_KEEP bytes:
   a rule that fills the memory cap with blocks of one size, then of
   another, must not make the process keep the cap's worth for every size. */
static void block_free(RkSandbox *sb, Blk *h, size_t n)
{
    size_t c = (n + POOL_STEP - 1) / POOL_STEP;
    if (n > POOL_MAX || sb->pool_bytes + c * POOL_STEP > POOL_KEEP) {
        free(h);
        return;
    }
    *(void **)h = sb->pool[c];
    sb->pool[c] = h;
    sb->pool_bytes += c * POOL_STEP;
}

/* Resize an unlinked raw block (osize, nsize > 0). Within one size class
   the block stays; a shrink never fails (the old block is big enough). */
static Blk *block_resize(RkSandbox *sb, Blk *h, size_t osize, size_t nsize)
{
    if (osize > POOL_MAX && nsize > POOL_MAX)
        return realloc(h, sizeof(Blk) + nsize);
    if (osize <= POOL_MAX && nsize <= POOL_MAX &&
        (osize + POOL_STEP - 1) / POOL_STEP == (nsize + POOL_STEP - 1) / POOL_STEP)
        return h;
    Blk *p = block_new(sb, nsize);
    if (!p)
        return nsize <= osize ? h : NULL;
    memcpy(p + 1, h + 1, osize < nsize ? osize : nsize);
    block_free(sb, h, osize);
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

void rk_sandbox_free_all(RkSandbox *sb)
{
    for (Blk *h = sb->live.next; h && h != &sb->live;) {
        Blk *n = h->next;
        free(h);
        h = n;
    }
    sb->live.next = sb->live.prev = &sb->live;
    rk_sandbox_drain(sb);
}

static void count(RkSandbox *sb, int kit, size_t minus, size_t plus)
{
    size_t *used = kit ? &sb->kit_used : &sb->mem_used;
    *used = *used - minus + plus;
    if (!kit && sb->mem_used > sb->mem_peak)
        sb->mem_peak = sb->mem_used;
}

/* The allocation proper (rk_sandbox_alloc marks the time spent here, where
   a hard stop must not jump out). */
static void *alloc(RkSandbox *sb, void *ptr, size_t osize, size_t nsize)
{
    Blk *h = ptr ? (Blk *)ptr - 1 : NULL;
    if (!ptr)
        osize = 0;
    if (nsize == 0) {
        if (h) {
            count(sb, kit_of(h), osize, 0);
            unlink_blk(h);
            block_free(sb, h, osize);
        }
        return NULL;
    }
    int kit = sb->kit > 0;
    int old_kit = h ? kit_of(h) : kit;
    if (nsize > osize) {
        if (sb->injected_size == nsize && sb->injected_ptr == ptr) {
            sb->injected_size = 0; /* Lua's retry of an injected failure */
            return NULL;
        }
        sb->injected_size = 0;
        if (fail_countdown && --fail_countdown == 0) {
            sb->injected_ptr = ptr;
            sb->injected_size = nsize;
            return NULL;
        }
        size_t cap = sb->lim.memory + (sb->fatal ? FATAL_SLACK : 0);
        size_t mine = old_kit == kit ? osize : 0; /* what the rules hold of it now */
        if (!kit && (sb->mem_used - mine + nsize > cap || nsize - mine > cap)) {
            /* The first refusal of a run lets Lua collect all garbage and
               ask again (refused again, it raises a memory error, which
               the pcall wrappers and rk_sandbox_run turn into a stop); a
               later one stops the run at once: a full collection for every
               allocation near the cap would take the time limit instead. */
            if (sb->running && sb->refused)
                rk_sandbox_stop(sb, FATAL_MEMORY, NULL, 0);
            sb->refused = true;
            return NULL;
        }
    }
    if (h)
        unlink_blk(h);
    Blk *p = h ? block_resize(sb, h, osize, nsize) : block_new(sb, nsize);
    if (!p) {
        if (h)
            link_blk(sb, h, old_kit);
        return NULL;
    }
    /* a block resized changes hands: it is counted for whoever resized it */
    count(sb, old_kit, h ? osize : 0, 0);
    count(sb, kit, 0, nsize);
    link_blk(sb, p, kit);
    return p + 1;
}

/* The memory cap. osize is a type tag when ptr is NULL; a shrink is never
   refused; a refused growth marks the run as stopped by memory, so that a
   pcall in the rule cannot go on as if nothing happened. The cap counts
   the sizes Lua asks for (not the headers or size classes). */
void *rk_sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    RkSandbox *sb = ud;
    sb->in_alloc = 1;
    void *p = alloc(sb, ptr, osize, nsize);
    sb->in_alloc = 0;
    return p;
}
