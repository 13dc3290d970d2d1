/* result: the scoring result model; the rules engine fills it. */
#include "readykit/result.h"

#include <math.h>
#include <stdlib.h>

RkResult *rk_result_new(void)
{
    RkArena *arena = rk_arena_new();
    if (!arena)
        return NULL;
    RkResult *r = rk_arena_alloc(arena, sizeof *r);
    if (!r) {
        rk_arena_free(arena);
        return NULL;
    }
    r->arena = arena;
    r->score = NAN;
    r->level = -1;
    r->uncapped_level = -1;
    r->cap.max_level = -1;
    return r;
}

void rk_result_free(RkResult *r)
{
    if (r)
        rk_arena_free(r->arena); /* r itself lives in its arena */
}

/* Share of applicable scored questions answered with a value, 0-100; 0 when
   no question applies. */
double rk_result_confidence(const RkResult *r)
{
    int applicable = r->n_questions - r->n_skipped;
    if (applicable <= 0)
        return 0.0;
    return 100.0 * (double)r->n_answered / (double)applicable;
}
