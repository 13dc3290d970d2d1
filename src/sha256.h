/* sha256: SHA-256 (FIPS 180-4) of a byte string, for the report's list of
   rule files. No allocation. */
#ifndef READYKIT_SHA256_H
#define READYKIT_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct RkSha256 {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char block[64];
    size_t used;
} RkSha256;

void rk_sha256_init(RkSha256 *s);
void rk_sha256_add(RkSha256 *s, const void *data, size_t len);
void rk_sha256_done(RkSha256 *s, unsigned char out[32]);
/* The digest of data as 64 lower-case hex digits and a NUL. */
void rk_sha256_hex(const void *data, size_t len, char out[65]);

#endif
