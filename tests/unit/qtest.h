/* Helpers shared by the questionnaire unit tests: write YAML to a temporary
   file, load it, and look for "LINE:COLUMN: fragment" among the errors. */
#ifndef QTEST_H
#define QTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "readykit/questionnaire.h"

#define QTEST_UNUSED __attribute__((unused))
QTEST_UNUSED static char tmp_path[64];

/* Write text to a fresh temporary file; returns its path. */
QTEST_UNUSED static const char *write_tmp(const char *text)
{
    snprintf(tmp_path, sizeof tmp_path, "/tmp/rk_q_XXXXXX");
    int fd = mkstemp(tmp_path);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return tmp_path;
}

QTEST_UNUSED static RkQuestionnaire *load_ok(const char *text, RkDiag *d)
{
    rk_diag_init(d);
    RkQuestionnaire *q = NULL;
    const char *path = write_tmp(text);
    RkStatus s = rk_questionnaire_load(path, &q, d);
    unlink(path);
    if (s != RK_OK)
        fail_msg("unexpected error: %d:%d: %s\n%s", d->line, d->column, d->message, d->more);
    assert_non_null(q);
    return q;
}

/* Load text, expect RK_EDATA, and return every error as "L:C: message" lines. */
QTEST_UNUSED static char all[16384];
QTEST_UNUSED static const char *load_bad(const char *text)
{
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    const char *path = write_tmp(text);
    RkStatus s = rk_questionnaire_load(path, &q, &d);
    unlink(path);
    assert_int_equal(s, RK_EDATA);
    assert_null(q);
    char first[2048];
    rk_diag_format(&d, first, sizeof first);
    snprintf(all, sizeof all, "%s\n%s", first, d.more);
    /* Drop the path prefix "PATH:" from every line. */
    char *out = all, *p = all;
    size_t plen = strlen(path);
    while (*p) {
        if (strncmp(p, path, plen) == 0 && p[plen] == ':')
            p += plen + 1;
        while (*p && *p != '\n')
            *out++ = *p++;
        if (*p)
            *out++ = *p++;
    }
    *out = '\0';
    return all;
}

/* "L:C: fragment" must be one of the errors. */
QTEST_UNUSED static void expect_error(const char *errors, int line, int col, const char *fragment)
{
    char head[32];
    snprintf(head, sizeof head, "%d:%d: ", line, col);
    for (const char *p = errors; p && *p;) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char one[2048];
        snprintf(one, sizeof one, "%.*s", (int)n, p);
        if (strncmp(one, head, strlen(head)) == 0 && strstr(one, fragment))
            return;
        p = end ? end + 1 : NULL;
    }
    fail_msg("wanted '%s%s' in:\n%s", head, fragment, errors);
}

#define HEAD "id: demo\nversion: 1.0.0\ntitle: Demo\nlevels:\n  - {min: 0, name: Low}\n" \
             "  - {min: 50, name: High}\n"
#define ONE_PILLAR HEAD "pillars:\n  - id: p\n    title: P\n    questions:\n"
/* Questions start at line 11. */

#endif
