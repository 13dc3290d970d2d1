/* Unit tests for the small base modules: diag, arena, fileio, suggest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "readykit/arena.h"
#include "readykit/diag.h"
#include "readykit/fileio.h"
#include "readykit/suggest.h"

static void diag_first_error_wins(void **state)
{
    (void)state;
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_diag_set(&d, RK_EDATA, "a.yaml", 3, 7, "bad %s", "thing"), RK_EDATA);
    assert_int_equal(rk_diag_set(&d, RK_EIO, "b.yaml", 1, 1, "later"), RK_EDATA);
    char buf[256];
    assert_string_equal(rk_diag_format(&d, buf, sizeof buf), "a.yaml:3:7: bad thing");
    rk_diag_add(&d, RK_EDATA, "a.yaml", 9, 2, "second");
    assert_string_equal(d.more, "a.yaml:9:2: second\n");
    assert_int_equal(d.n_more, 1);
    rk_diag_warn(&d, "a.yaml", 1, 1, "careful");
    assert_string_equal(d.warnings, "a.yaml:1:1: warning: careful\n");
}

static void diag_truncates_on_utf8_boundary(void **state)
{
    (void)state;
    RkDiag d;
    rk_diag_init(&d);
    char long_msg[2000];
    memset(long_msg, 'a', sizeof long_msg);
    strcpy(long_msg + sizeof d.message - 3, "\xc3\xa9\xc3\xa9");
    rk_diag_set(&d, RK_EDATA, NULL, 0, 0, "%s", long_msg);
    size_t n = strlen(d.message);
    assert_true(n < sizeof d.message);
    size_t bad;
    assert_true(rk_utf8_valid(d.message, n, &bad));
}

static void arena_allocates_aligned_zeroed_memory(void **state)
{
    (void)state;
    RkArena *a = rk_arena_new();
    for (int i = 0; i < 5000; i++) {
        char *p = rk_arena_alloc(a, (size_t)(i % 37) + 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        assert_int_equal(p[0], 0);
        memset(p, 0xff, (size_t)(i % 37) + 1);
    }
    char *big = rk_arena_alloc(a, 100000);
    assert_non_null(big);
    assert_string_equal(rk_arena_printf(a, "%d-%s", 42, "x"), "42-x");
    assert_string_equal(rk_arena_strndup(a, "abcdef", 3), "abc");
    assert_null(rk_arena_array(a, SIZE_MAX / 2, 4));
    rk_arena_free(a);
    rk_arena_free(NULL);
}

static void arena_failure_hook(void **state)
{
    (void)state;
    RkArena *a = rk_arena_new();
    rk_arena_fail_after(2);
    assert_non_null(rk_arena_alloc(a, 8));
    assert_null(rk_arena_alloc(a, 8));
    assert_non_null(rk_arena_alloc(a, 8));
    rk_arena_free(a);
}

/* The number of entries in folder dir (without . and ..). */
static int entries(const char *dir)
{
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    int n = 0;
    for (struct dirent *e; (e = readdir(dp));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(dp);
    return n;
}

static void atomic_write_replaces_or_keeps(void **state)
{
    (void)state;
    char dir[] = "/tmp/rk_fileio_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_file_write_atomic(path, "one\n", 4, &d), RK_OK);
    char *data;
    size_t len;
    assert_int_equal(rk_file_read(path, 0, &data, &len, &d), RK_OK);
    assert_string_equal(data, "one\n");
    free(data);
    /* A write that fails half-way (the file size limit stands in for a full
       disk, and holds for root too): the old file stays whole, and no
       temporary file is left. */
    struct rlimit old;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    struct rlimit tight = {6, old.rlim_max};
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &tight), 0);
    rk_diag_init(&d);
    RkStatus s = rk_file_write_atomic(path, "two, and longer\n", 16, &d);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, old_handler);
    if (s != RK_ECANTCREAT || !strstr(d.message, "cannot write"))
        fail_msg("a write over the file size limit: status %d, '%s'", s, d.message);
    rk_diag_init(&d);
    if (rk_file_read(path, 0, &data, &len, &d) != RK_OK)
        fail_msg("a failed atomic write lost the old file: %s", d.message);
    if (strcmp(data, "one\n") != 0)
        fail_msg("a failed atomic write changed the old file to '%s'", data);
    free(data);
    if (entries(dir) != 1)
        fail_msg("a failed atomic write left %d files, wanted only the old one", entries(dir));
    /* The output where a folder should be: a path under a regular file
       (ENOTDIR for any user, root included) and a missing folder. */
    char under[600];
    snprintf(under, sizeof under, "%s/out.txt/x", dir);
    rk_diag_init(&d);
    assert_int_equal(rk_file_write_atomic(under, "x", 1, &d), RK_ECANTCREAT);
    assert_non_null(strstr(d.message, "Not a directory"));
    char missing[600];
    snprintf(missing, sizeof missing, "%s/no/such/file", dir);
    rk_diag_init(&d);
    assert_int_equal(rk_file_write_atomic(missing, "x", 1, &d), RK_ECANTCREAT);
    /* A folder in the output's place is kept, and the temporary removed. */
    char sub[600];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    rk_diag_init(&d);
    assert_int_equal(rk_file_write_atomic(sub, "x", 1, &d), RK_ECANTCREAT);
    if (entries(dir) != 2)
        fail_msg("a write refused by rename left %d files, wanted 2", entries(dir));
    assert_int_equal(entries(sub), 0);
    rmdir(sub);
    unlink(path);
    assert_int_equal(rmdir(dir), 0);
}

static void read_respects_the_cap(void **state)
{
    (void)state;
    char path[] = "/tmp/rk_cap_XXXXXX";
    int fd = mkstemp(path);
    char block[1000];
    memset(block, 'x', sizeof block);
    for (int i = 0; i < 10; i++)
        assert_int_equal(write(fd, block, sizeof block), (ssize_t)sizeof block);
    close(fd);
    RkDiag d;
    rk_diag_init(&d);
    char *data = NULL;
    size_t len;
    assert_int_equal(rk_file_read(path, 5000, &data, &len, &d), RK_EDATA); /* too large: bad input */
    assert_null(data);
    rk_diag_init(&d);
    assert_int_equal(rk_file_read(path, 10000, &data, &len, &d), RK_OK);
    assert_int_equal(len, 10000);
    free(data);
    rk_diag_init(&d);
    assert_int_equal(rk_file_read("/tmp", 0, &data, &len, &d), RK_ENOINPUT);
    unlink(path);
}

static void utf8_validation(void **state)
{
    (void)state;
    size_t bad;
    assert_true(rk_utf8_valid("Économie — €", strlen("Économie — €"), &bad));
    assert_false(rk_utf8_valid("ab\xc3", 3, &bad));
    assert_int_equal(bad, 2);
    assert_false(rk_utf8_valid("\xc0\xaf", 2, &bad)); /* overlong */
    assert_false(rk_utf8_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
    assert_false(rk_utf8_valid("\xf4\x90\x80\x80", 4, &bad)); /* > U+10FFFF */
}

static void buffer_grows(void **state)
{
    (void)state;
    RkBuf b;
    rk_buf_init(&b);
    for (int i = 0; i < 1000; i++)
        rk_buf_printf(&b, "%04d", i);
    assert_int_equal(b.len, 4000);
    assert_memory_equal(b.data + 3996, "0999", 4);
    char big[600];
    memset(big, 'y', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    rk_buf_printf(&b, "%s", big);
    assert_int_equal(b.len, 4599);
    rk_buf_free(&b);
}

static void suggest_finds_typos_only(void **state)
{
    (void)state;
    const char *keys[] = {"weight", "when", "type", "choices", "evidence"};
    assert_string_equal(rk_suggest("wieght", keys, 5), "weight");
    assert_string_equal(rk_suggest("choises", keys, 5), "choices");
    assert_string_equal(rk_suggest("tpye", keys, 5), "type");
    assert_null(rk_suggest("colour", keys, 5));
    assert_null(rk_suggest("", keys, 5));
}

static void source_date_epoch(void **state)
{
    (void)state;
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    assert_true(rk_source_date_epoch() == 1700000000LL);
    setenv("SOURCE_DATE_EPOCH", "soon", 1);
    assert_true(rk_source_date_epoch() == -1);
    unsetenv("SOURCE_DATE_EPOCH");
    assert_true(rk_source_date_epoch() == -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(diag_first_error_wins),
        cmocka_unit_test(diag_truncates_on_utf8_boundary),
        cmocka_unit_test(arena_allocates_aligned_zeroed_memory),
        cmocka_unit_test(arena_failure_hook),
        cmocka_unit_test(atomic_write_replaces_or_keeps),
        cmocka_unit_test(read_respects_the_cap),
        cmocka_unit_test(utf8_validation),
        cmocka_unit_test(buffer_grows),
        cmocka_unit_test(suggest_finds_typos_only),
        cmocka_unit_test(source_date_epoch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
