/*
 * suggest: "did you mean" for misspelled keys and ids. Owns nothing.
 */
#ifndef READYKIT_SUGGEST_H
#define READYKIT_SUGGEST_H

#include <stddef.h>

/* The candidate closest to word by edit distance, if close enough to be a
   likely typo (distance <= 1 for short words, <= 2 or a third of the
   length for longer ones); else NULL. */
const char *rk_suggest(const char *word, const char *const *candidates, size_t n);

#endif
