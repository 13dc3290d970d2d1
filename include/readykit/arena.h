/*
 * arena: a bump allocator. Each model (questionnaire, answers, result, node
 * tree) owns exactly one arena; everything the model points to lives in it
 * and is released by one rk_arena_free. Pointers into an arena stay valid
 * until it is freed (blocks never move).
 */
#ifndef READYKIT_ARENA_H
#define READYKIT_ARENA_H

#include <stddef.h>

typedef struct RkArena RkArena;

RkArena *rk_arena_new(void);
void rk_arena_free(RkArena *a); /* accepts NULL */

/* Zeroed memory aligned for any type; NULL only when out of memory. */
void *rk_arena_alloc(RkArena *a, size_t size);
/* Zeroed array of n elements of size each, overflow checked. */
void *rk_arena_array(RkArena *a, size_t n, size_t size);
char *rk_arena_strdup(RkArena *a, const char *s);     /* NULL -> NULL */
char *rk_arena_strndup(RkArena *a, const char *s, size_t n);
char *rk_arena_printf(RkArena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Bytes handed out so far (for tests and --verbose). */
size_t rk_arena_used(const RkArena *a);

/* Test hook: make the n-th allocation from now on fail (0 = never).
   Returns the allocations the previous setting still had to go: 0 when its
   failure was injected (or none was set). */
size_t rk_arena_fail_after(size_t n);

#endif
