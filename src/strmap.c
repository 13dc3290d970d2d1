/* strmap: byte strings to pointers in linear time (strmap.h). */
#include "readykit/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

/* FNV-1a from a per-map random start, then mixed (the final steps of
   splitmix64), so that a file cannot be written to make its keys collide
   (on purpose) in every run. */
static size_t hash_of(const RkStrMap *m, const char *key, size_t len)
{
    uint64_t h = 14695981039346656037u ^ m->seed;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 1099511628211u;
    }
    h ^= m->seed;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9u;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebu;
    return (size_t)(h ^ (h >> 31));
}

void rk_strmap_init(RkStrMap *m)
{
    m->slots = NULL;
    m->cap = m->n = 0;
    m->seed = 0;
}

void rk_strmap_free(RkStrMap *m)
{
    free(m->slots);
    rk_strmap_init(m);
}

/* The slot holding key, or the empty slot where it would go. */
static RkStrSlot *slot_for(RkStrSlot *slots, size_t cap, const char *key, size_t len,
                           size_t h)
{
    for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
        RkStrSlot *s = &slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
    }
}

void *rk_strmap_get(const RkStrMap *m, const char *key, size_t len)
{
    if (m->n == 0)
        return NULL;
    RkStrSlot *s = slot_for(m->slots, m->cap, key, len, hash_of(m, key, len));
    return s->key ? s->value : NULL;
}

/* Double the table (kept at most half full). */
static bool grow(RkStrMap *m)
{
    if (m->cap == 0 && 
        getrandom(&m->seed, sizeof m->seed, GRND_NONBLOCK) != (ssize_t)sizeof m->seed)
        m->seed = (uint64_t)(uintptr_t)m ^ 0x9e3779b97f4a7c15u; /* no entropy yet */
    size_t ncap = m->cap ? m->cap * 2 : 16;
    if (ncap > SIZE_MAX / 2 / sizeof(RkStrSlot))
        return false;
    RkStrSlot *slots = calloc(ncap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *slot_for(slots, ncap, m->slots[i].key, m->slots[i].len, m->slots[i].hash) =
                m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = ncap;
    return true;
}

bool rk_strmap_put(RkStrMap *m, const char *key, size_t len, void *value, bool replace,
                   void **old)
{
    if ((m->n + 1) * 2 > m->cap && !grow(m))
        return false;
    size_t h = hash_of(m, key, len);
    RkStrSlot *s = slot_for(m->slots, m->cap, key, len, h);
    if (old)
        *old = s->key ? s->value : NULL;
    if (!s->key) {
        *s = (RkStrSlot){key, len, h, value};
        m->n++;
    } else if (replace) {
        s->value = value;
    }
    return true;
}
