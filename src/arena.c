/* arena: blocks chained from the newest; allocations never move. */
#include "readykit/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_DEFAULT 8192u
#define ALIGN (_Alignof(max_align_t))

typedef struct Block {
    struct Block *next;
    size_t size, used;
    max_align_t data[]; /* aligned start */
} Block;

struct RkArena {
    Block *head;
    size_t total;
};

/* Test hook: counts down allocations; when it reaches 1 the next one fails. */
static size_t fail_countdown;

size_t rk_arena_fail_after(size_t n)
{
    size_t left = fail_countdown;
    fail_countdown = n;
    return left;
}

RkArena *rk_arena_new(void)
{
    return calloc(1, sizeof(RkArena));
}

void rk_arena_free(RkArena *a)
{
    if (!a)
        return;
    for (Block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void *rk_arena_alloc(RkArena *a, size_t size)
{
    if (fail_countdown && --fail_countdown == 0)
        return NULL;
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - ALIGN)
        return NULL;
    size = (size + ALIGN - 1) / ALIGN * ALIGN;
    Block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t bsize = size > BLOCK_DEFAULT ? size : BLOCK_DEFAULT;
        b = malloc(sizeof(Block) + bsize);
        if (!b)
            return NULL;
        b->size = bsize;
        b->used = 0;
        /* A big one-off block goes behind the head so the head's free
           space is not wasted. */
        if (a->head && size > BLOCK_DEFAULT) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

void *rk_arena_array(RkArena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    return rk_arena_alloc(a, n * size);
}

char *rk_arena_strndup(RkArena *a, const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = rk_arena_alloc(a, n + 1);
    if (p)
        memcpy(p, s, n); /* already zeroed: terminated */
    return p;
}

char *rk_arena_strdup(RkArena *a, const char *s)
{
    return s ? rk_arena_strndup(a, s, strlen(s)) : NULL;
}

char *rk_arena_printf(RkArena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n < 0 ? NULL : rk_arena_alloc(a, (size_t)n + 1);
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

size_t rk_arena_used(const RkArena *a)
{
    return a->total;
}
