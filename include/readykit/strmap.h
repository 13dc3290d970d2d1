/*
 * strmap: a hash table from byte strings to pointers (open addressing,
 * linear probing, a seeded FNV-1a), for the loaders' look-ups that must stay linear
 * on large files: anchors, the keys of a map being merged.
 *
 * The RkStrMap owns its slot array (malloc'd, released by rk_strmap_free);
 * the keys and values are borrowed: the caller keeps them alive (arena
 * strings) as long as the map is used.
 */
#ifndef READYKIT_STRMAP_H
#define READYKIT_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct RkStrSlot {
    const char *key; /* NULL: empty */
    size_t len;
    size_t hash;
    void *value;
} RkStrSlot;

typedef struct RkStrMap {
    RkStrSlot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t n;
    unsigned long long seed; /* chosen at random when the first slot is made */
} RkStrMap;

void rk_strmap_init(RkStrMap *m);
void rk_strmap_free(RkStrMap *m); /* back to empty; accepts an empty map */

/* The value stored for key, or NULL when absent. */
void *rk_strmap_get(const RkStrMap *m, const char *key, size_t len);

/* Store value for key. *old (when old is not NULL) gets the value it had,
   or NULL; replace says whether that earlier value is overwritten. False
   only when out of memory (the map is unchanged then). */
bool rk_strmap_put(RkStrMap *m, const char *key, size_t len, void *value, bool replace,
                   void **old);

#endif
