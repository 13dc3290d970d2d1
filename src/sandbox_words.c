/* sandbox_words: a traceback frame of Lua ("mine.lua:9: in upvalue 'f'",
   "in function <mine.lua:5>", "in main chunk") in words a rule author
   reads without knowing Lua's internals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sandbox_internal.h"

/* What follows "in " in a frame, said plainly into out. */
static void plain_where(const char *w, size_t n, char *out, size_t size)
{
    static const char *const kinds[] = {"upvalue '", "local '", "field '", "method '",
                                        "global '", "function '"};
    if (n == 10 && memcmp(w, "main chunk", 10) == 0) {
        snprintf(out, size, "at the top level of the file");
        return;
    }
    if (n > 10 && memcmp(w, "function <", 10) == 0 && w[n - 1] == '>') {
        const char *colon = NULL; /* "<file:LINE>": the last colon */
        for (const char *p = w + 10; p < w + n - 1; p++)
            colon = *p == ':' ? p : colon;
        if (colon) {
            snprintf(out, size, "in the function that starts at line %d", atoi(colon + 1));
            return;
        }
    }
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t kl = strlen(kinds[k]);
        if (n > kl && memcmp(w, kinds[k], kl) == 0) {
            snprintf(out, size, "in function '%.*s", (int)(n - kl), w + kl);
            return;
        }
    }
    snprintf(out, size, "in %.*s", (int)n, w);
}

int rk_sandbox_plain_frame(const char *p, size_t len, char *out, size_t size)
{
    const char *in = NULL;
    for (size_t i = 0; i + 5 <= len && !in; i++)
        if (memcmp(p + i, ": in ", 5) == 0)
            in = p + i;
    if (!in)
        return snprintf(out, size, "%.*s", (int)len, p);
    char where[300];
    plain_where(in + 5, len - (size_t)(in + 5 - p), where, sizeof where);
    return snprintf(out, size, "%.*s: %s", (int)(in - p), p, where);
}
