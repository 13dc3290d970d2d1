/* The data-driven corpus: every tests/cases/bad-questionnaires/NAME.yaml starts
   with "# expect: LINE:COLUMN: fragment"; loading it must fail with RK_EDATA
   and report, among its errors, one at that position containing the
   fragment. One TAP line per file. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "readykit/questionnaire.h"

#define DIR_CASES "tests/cases/bad-questionnaires"
#define MAX_CASES 512

/* Read the expectation line of path into line, col and fragment. */
static void read_expect(const char *path, int *line, int *col, char *frag, size_t size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char buf[512] = "";
    char *got = fgets(buf, sizeof buf, f);
    fclose(f);
    assert_non_null(got);
    int used = 0;
    if (sscanf(buf, "# expect: %d:%d: %n", line, col, &used) != 2 || used == 0)
        fail_msg("%s: first line must be '# expect: LINE:COLUMN: fragment'", path);
    snprintf(frag, size, "%s", buf + used);
    frag[strcspn(frag, "\r\n")] = '\0';
}

static void one_case(void **state)
{
    const char *path = *state;
    int line, col;
    char frag[512];
    read_expect(path, &line, &col, frag, sizeof frag);
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    RkStatus s = rk_questionnaire_load(path, &q, &d);
    char first[2048];
    rk_diag_format(&d, first, sizeof first);
    if (s != RK_EDATA)
        fail_msg("%s: status %d, wanted %d (%s)", path, s, RK_EDATA, first);
    assert_null(q);
    char want[1024];
    snprintf(want, sizeof want, "%s:%d:%d: ", path, line, col);
    static char all[16384];
    snprintf(all, sizeof all, "%s\n%s", first, d.more);
    for (char *p = all; p && *p;) {
        char *end = strchr(p, '\n');
        if (end)
            *end = '\0';
        if (strncmp(p, want, strlen(want)) == 0 && strstr(p, frag))
            return;
        if (end)
            *end = '\n';
        p = end ? end + 1 : NULL;
    }
    fail_msg("wanted '%s%s' in:\n%s", want, frag, all);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct CMUnitTest *)a)->name, ((const struct CMUnitTest *)b)->name);
}

int main(void)
{
    static struct CMUnitTest tests[MAX_CASES];
    size_t n = 0;
    DIR *dir = opendir(DIR_CASES);
    if (!dir) {
        fprintf(stderr, "cannot open %s (run from the source tree)\n", DIR_CASES);
        return 1;
    }
    struct dirent *e;
    while ((e = readdir(dir)) && n < MAX_CASES) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
            continue;
        char *path = malloc(sizeof DIR_CASES + len + 1);
        if (!path)
            return 1;
        sprintf(path, "%s/%s", DIR_CASES, e->d_name);
        tests[n] = (struct CMUnitTest){.name = path, .test_func = one_case, .initial_state = path};
        n++;
    }
    closedir(dir);
    qsort(tests, n, sizeof tests[0], by_name);
    int rc = _cmocka_run_group_tests("bad_questionnaires", tests, n, NULL, NULL);
    for (size_t i = 0; i < n; i++)
        free((void *)tests[i].name);
    return rc;
}
