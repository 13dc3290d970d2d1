/* Unit tests for batch scoring's parts: file lists (batch_files.c), the
   engine cache (batch.c), look-ups by id (questionnaire_find.c), read-only
   views (rk_sandbox_freeze) and CSV rows under fixed columns. The runs
   themselves (workers, order, failures) are tested from the command line
   in tests/cli/test_batch.sh. */
#define _XOPEN_SOURCE 700
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <lauxlib.h>

#include "readykit/batch.h"
#include "readykit/report.h"
#include "readykit/sandbox.h"

static char dir[64];

static void touch(const char *rel)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, rel);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fclose(f);
}

static void folders_are_walked_in_sorted_order(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rk-test-batch-%d", (int)getpid());
    char p[256];
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(p, sizeof p, "%s/a", dir);
    assert_int_equal(mkdir(p, 0700), 0);
    touch("b.yaml");
    touch("a/z.yaml");
    touch("a/c.yaml");
    touch("a.yaml");
    touch("notes.txt");
    touch(".hidden.yaml");
    RkFileList l = {0};
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_file_list_add_dir(&l, dir, &d), RK_OK);
    assert_int_equal(l.n, 4);
    const char *want[] = {"/a/c.yaml", "/a/z.yaml", "/a.yaml", "/b.yaml"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s%s", dir, want[i]);
        assert_string_equal(rk_file_list_get(&l, i), p);
    }
    rk_file_list_free(&l);
    rk_diag_init(&d);
    snprintf(p, sizeof p, "%s/none", dir);
    assert_int_equal(rk_file_list_add_dir(&l, p, &d), RK_ENOINPUT);
    rk_file_list_free(&l);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

static void names_are_read_one_per_line(void **state)
{
    (void)state;
    const char text[] = "x.yaml\r\n\n  y.yaml\nlast.yaml";
    FILE *f = fmemopen((void *)text, sizeof text - 1, "r");
    assert_non_null(f);
    RkFileList l = {0};
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_file_list_add(&l, "first.yaml", &d), RK_OK);
    assert_int_equal(rk_file_list_add_stream(&l, f, "stdin", &d), RK_OK);
    fclose(f);
    assert_int_equal(l.n, 4);
    assert_string_equal(rk_file_list_get(&l, 0), "first.yaml");
    assert_string_equal(rk_file_list_get(&l, 1), "x.yaml");
    assert_string_equal(rk_file_list_get(&l, 2), "  y.yaml"); /* names keep their spaces */
    assert_string_equal(rk_file_list_get(&l, 3), "last.yaml");
    rk_file_list_free(&l);
}

static void a_questionnaire_is_loaded_once(void **state)
{
    (void)state;
    RkDiag d;
    rk_diag_init(&d);
    RkEngines *e;
    assert_int_equal(rk_engines_new(NULL, NULL, NULL, &e, &d), RK_OK);
    const RkQuestionnaire *q1, *q2;
    assert_int_equal(rk_engines_load(e, "questionnaires/tiny.yaml", &q1, &d), RK_OK);
    assert_int_equal(rk_engines_load(e, "questionnaires/../questionnaires/tiny.yaml", &q2, &d),
                     RK_OK);
    assert_ptr_equal(q1, q2);
    RkScored a, b;
    assert_int_equal(rk_engines_score(e, "questionnaires/examples/tiny-answers.yaml", &a, &d),
                     RK_OK);
    assert_int_equal(rk_engines_score(e, "questionnaires/examples/tiny-answers.yaml", &b, &d),
                     RK_OK);
    assert_ptr_equal(a.q, q1);
    assert_float_equal(a.result->score, b.result->score, 0);
    rk_scored_free(&a);
    rk_scored_free(&b);
    rk_diag_init(&d);
    assert_int_equal(rk_engines_score(e, "questionnaires/examples/none.yaml", &a, &d),
                     RK_ENOINPUT);
    assert_null(a.result);
    rk_engines_free(e);
}

static void questions_are_found_by_id(void **state)
{
    (void)state;
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q;
    assert_int_equal(rk_questionnaire_load("questionnaires/sse-national.yaml", &q, &d), RK_OK);
    assert_non_null(q->by_id);
    for (size_t i = 0; i < q->n_questions; i++)
        assert_ptr_equal(rk_questionnaire_find(q, q->questions[i]->id), q->questions[i]);
    assert_null(rk_questionnaire_find(q, "no_such_question"));
    assert_null(rk_questionnaire_find(q, ""));
    rk_questionnaire_free(q);
}

/* A frozen table reads like the original and refuses every write. */
static int frozen(lua_State *L)
{
    const char *src = lua_touserdata(L, 1);
    rk_sandbox_push_env(L);
    int env = lua_gettop(L);
    static const char data[] = "return {a = 1, list = {10, 20, 30}, sub = {x = 'y'}}";
    rk_sandbox_load(L, data, sizeof data - 1, "=data", env);
    lua_call(L, 0, 1);
    rk_sandbox_freeze(L, -1);
    lua_setfield(L, env, "t");
    rk_sandbox_load(L, src, strlen(src), "=t", env);
    lua_call(L, 0, 0);
    return 0;
}

static void frozen_views_read_and_refuse_writes(void **state)
{
    (void)state;
    RkSandbox *sb;
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_sandbox_new(NULL, &sb, &d), RK_OK);
    static const char reads[] =
        "assert(t.a == 1 and #t.list == 3 and t.list[2] == 20 and t.sub.x == 'y')\n"
        "local n = 0 for _, v in ipairs(t.list) do n = n + v end assert(n == 60)\n"
        "local k = 0 for _ in pairs(t) do k = k + 1 end assert(k == 3)\n"
        "assert(rawget(t, 'a') == 1 and rawlen(t.list) == 3 and next(t.sub) == 'x')\n"
        "assert(getmetatable(t) == false and table.concat(t.list, ',') == '10,20,30')\n";
    assert_int_equal(rk_sandbox_run(sb, frozen, (void *)reads, &d), RK_OK);
    static const char *const writes[] = {
        "t.a = 2", "t.new = 1", "t.list[1] = 0", "t.sub.x = 'z'", "rawset(t, 'a', 2)",
        "table.insert(t.list, 4)", "setmetatable(t, nil)",
        "table.sort(t.list, function (x, y) return x > y end)"};
    for (size_t i = 0; i < sizeof writes / sizeof *writes; i++) {
        rk_diag_init(&d);
        assert_int_equal(rk_sandbox_run(sb, frozen, (void *)writes[i], &d), RK_EDATA);
    }
    rk_sandbox_free(sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(folders_are_walked_in_sorted_order),
        cmocka_unit_test(names_are_read_one_per_line),
        cmocka_unit_test(a_questionnaire_is_loaded_once),
        cmocka_unit_test(questions_are_found_by_id),
        cmocka_unit_test(frozen_views_read_and_refuse_writes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
