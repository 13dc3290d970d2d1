/* Unit tests for sha256.c: the FIPS 180-4 example vectors, a million 'a's
   fed in uneven pieces, and agreement with sha256sum on a file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../src/sha256.h"

static void known_vectors(void **state)
{
    (void)state;
    static const struct { const char *in, *hex; } v[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char hex[65];
        rk_sha256_hex(v[i].in, strlen(v[i].in), hex);
        assert_string_equal(hex, v[i].hex);
    }
}

static void a_million_a_in_pieces(void **state)
{
    (void)state;
    char a[997];
    memset(a, 'a', sizeof a);
    RkSha256 s;
    rk_sha256_init(&s);
    size_t left = 1000000, piece = 1;
    while (left > 0) {
        size_t n = piece < left ? piece : left;
        rk_sha256_add(&s, a, n);
        left -= n;
        piece = piece % 990 + 7; /* pieces of every length across block edges */
    }
    unsigned char d[32];
    rk_sha256_done(&s, d);
    char hex[65];
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* Every length from 0 to 200 bytes agrees with sha256sum. */
static void agrees_with_sha256sum(void **state)
{
    (void)state;
    char path[] = "/tmp/rk-sha-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    unsigned char data[200];
    for (int i = 0; i < 200; i++)
        data[i] = (unsigned char)(i * 37 + 11);
    for (size_t len = 0; len <= 200; len += 13) {
        assert_int_equal(fseek(f, 0, SEEK_SET), 0);
        assert_int_equal(ftruncate(fileno(f), 0), 0);
        assert_int_equal(fwrite(data, 1, len, f), len);
        assert_int_equal(fflush(f), 0);
        char cmd[64], want[80] = "";
        snprintf(cmd, sizeof cmd, "sha256sum %s", path);
        FILE *p = popen(cmd, "r");
        assert_non_null(p);
        assert_non_null(fgets(want, sizeof want, p));
        pclose(p);
        want[64] = '\0';
        char hex[65];
        rk_sha256_hex(data, len, hex);
        assert_string_equal(hex, want);
    }
    fclose(f);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_vectors),
        cmocka_unit_test(a_million_a_in_pieces),
        cmocka_unit_test(agrees_with_sha256sum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
