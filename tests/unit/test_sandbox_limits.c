/* Unit tests for the sandbox's limits per instance (issue 13): two
   sandboxes in one process keep their own deadlines; the hard stop comes
   back to the caller as an error (through the rules engine too, for the
   hostile files the fuzzer once had to leave out); rk.log and Lua's panic
   reach the host's callback; the allocator's fail countdown. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include <lauxlib.h>

#include "readykit/answers.h"
#include "readykit/questionnaire.h"
#include "readykit/rules.h"
#include "readykit/sandbox.h"

static RkSandbox *new_sb(double secs, unsigned long long instr)
{
    RkSandboxLimits lim = {0, instr, secs, false};
    RkSandbox *sb = NULL;
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_sandbox_new(&lim, &sb, &d), RK_OK);
    rk_sandbox_set_file(sb, "t.lua");
    return sb;
}

/* The chunk (argument) run in a fresh environment, with inner() and
   sleep() available. */
static RkSandbox *inner_sb; /* what inner() runs, in the outer's run */
static RkStatus inner_status;

static int run_src(lua_State *L);

static int l_sleep(lua_State *L)
{
    (void)L;
    nanosleep(&(struct timespec){0, 300000000}, NULL); /* 0.3 s in C */
    return 0;
}

/* inner(): run, inside this run, another sandbox's chunk that sleeps
   0.3 s in C and then counts to 1000. */
static int l_inner(lua_State *L)
{
    RkDiag d;
    rk_diag_init(&d);
    inner_status = rk_sandbox_run(inner_sb, run_src,
                                  (void *)"sleep() local n = 0 for i = 1, 1000 do n = n + 1 end "
                                          "return n", &d);
    (void)L;
    return 0;
}

static int run_src(lua_State *L)
{
    const char *src = lua_touserdata(L, 1);
    rk_sandbox_push_env(L);
    lua_pushcfunction(L, l_inner);
    lua_setfield(L, -2, "inner");
    lua_pushcfunction(L, l_sleep);
    lua_setfield(L, -2, "sleep");
    rk_sandbox_load(L, src, strlen(src), "@t.lua", -1);
    lua_call(L, 0, 0);
    return 0;
}

static RkStatus run(RkSandbox *sb, const char *src, RkDiag *d)
{
    rk_diag_init(d);
    return rk_sandbox_run(sb, run_src, (void *)src, d);
}

/* A sandbox (0.2 s) runs another (30 s) inside its run, which takes 0.3 s:
   the inner one is not stopped by the outer's deadline, and the outer is
   still stopped by its own time limit afterwards (with one process-wide
   timer, the inner run's end disarmed it, and only the budget, 20 s of
   work away, stopped the loop). */
static void two_sandboxes_keep_their_own_deadlines(void **state)
{
    (void)state;
    RkSandbox *outer = new_sb(0.2, 4000000000ULL);
    inner_sb = new_sb(30, 0);
    inner_status = RK_EINTERNAL;
    RkDiag d;
    assert_int_equal(run(outer, "inner() while true do end", &d), RK_EDATA);
    assert_int_equal(inner_status, RK_OK);
    if (!strstr(d.message, "time limit of 0.2 s exceeded"))
        fail_msg("the outer sandbox was not stopped by its own deadline: %s", d.message);
    /* both still work, each with its own limits */
    assert_int_equal(run(inner_sb, "local x = 1", &d), RK_OK);
    assert_int_equal(run(outer, "local x = 1", &d), RK_OK);
    rk_sandbox_free(inner_sb);
    rk_sandbox_free(outer);
}

/* A pattern bomb in one sandbox comes back as an error and kills that one
   only; the other goes on. */
static void hard_stop_comes_back_and_kills_one_sandbox(void **state)
{
    (void)state;
    RkSandbox *a = new_sb(0.2, 0), *b = new_sb(0, 0);
    RkDiag d;
    assert_int_equal(run(a, "local s = ('a'):rep(200):find('.-.-.-.-.-.-b')", &d), RK_EDATA);
    assert_string_equal(d.file, "t.lua");
    assert_non_null(strstr(d.message, "time limit of 0.2 s exceeded (a long call such as "
                                      "string.find did not return)"));
    assert_true(rk_sandbox_dead(a));
    assert_false(rk_sandbox_dead(b));
    assert_int_equal(run(a, "local x = 1", &d), RK_EDATA); /* dead for good */
    assert_non_null(strstr(d.message, "time limit of 0.2 s exceeded"));
    assert_int_equal(run(b, "local t = {} for i = 1, 100 do t[i] = ('x'):rep(i) end", &d), RK_OK);
    /* table.move over 10^15 slots, a C loop too, inside pcall */
    RkSandbox *c = new_sb(0.2, 0);
    assert_int_equal(run(c, "pcall(table.move, {}, 1, 1e15, 2)", &d), RK_EDATA);
    assert_non_null(strstr(d.message, "time limit of 0.2 s exceeded"));
    rk_sandbox_free(c);
    rk_sandbox_free(a); /* frees the abandoned state's blocks (ASan: no leak) */
    rk_sandbox_free(b);
}

/* The tiny questionnaire and its example answers. */
static void load_tiny(RkQuestionnaire **q, RkAnswers **a)
{
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_questionnaire_load("questionnaires/tiny.yaml", q, &d), RK_OK);
    assert_int_equal(rk_answers_load("questionnaires/examples/tiny-answers.yaml", *q, a, &d), RK_OK);
}

typedef struct Job {
    const char *src;
    double secs;
    RkStatus status;
    char message[1100];
    double took;
} Job;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *job_main(void *arg)
{
    Job *j = arg;
    double t0 = now();
    RkSandbox *sb = new_sb(j->secs, 4000000000ULL);
    RkDiag d;
    j->status = run(sb, j->src, &d);
    snprintf(j->message, sizeof j->message, "%s", d.message);
    rk_sandbox_free(sb);
    j->took = now() - t0;
    return NULL;
}

/* Two threads, each with its own sandbox at once: a Lua loop (0.3 s) and a
   pattern bomb (0.2 s, left by the hard stop in its own thread) each end
   with their own time limit, and a third with a long limit finishes its
   work undisturbed. */
static void sandboxes_in_threads(void **state)
{
    (void)state;
    Job jobs[3] = {
        {"while true do end", 0.3, RK_EINTERNAL, "", 0},
        {"local s = ('a'):rep(200):find('.-.-.-.-.-.-b')", 0.2, RK_EINTERNAL, "", 0},
        {"local n = 0 for i = 1, 3000000 do n = n + i % 7 end", 60, RK_EINTERNAL, "", 0}};
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        assert_int_equal(pthread_create(&t[i], NULL, job_main, &jobs[i]), 0);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    assert_int_equal(jobs[0].status, RK_EDATA);
    assert_non_null(strstr(jobs[0].message, "time limit of 0.3 s exceeded"));
    assert_int_equal(jobs[1].status, RK_EDATA);
    assert_non_null(strstr(jobs[1].message, "time limit of 0.2 s exceeded (a long call"));
    if (jobs[2].status != RK_OK)
        fail_msg("the third sandbox was stopped: %s", jobs[2].message);
}

/* The four hostile files the rules fuzzer had to leave out end as errors
   through the rules engine's entry points, in this process. */
static void hostile_seeds_come_back_through_the_engine(void **state)
{
    (void)state;
    static const char *const files[] = {
        "tests/cases/hostile/pattern_bomb.lua", "tests/cases/hostile/gmatch_bomb.lua",
        "tests/cases/hostile/pattern_bomb_pcall.lua", "tests/cases/hostile/table_move.lua"};
    RkDiag d;
    RkQuestionnaire *q = NULL;
    RkAnswers *a = NULL;
    load_tiny(&q, &a);
    rk_diag_init(&d);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        const char *one[] = {files[i]};
        RkRulesOptions o = {.rule_files = one, .n_rule_files = 1, .deadline_seconds = 0.2};
        RkRules *r = NULL;
        RkResult *res = NULL;
        rk_diag_init(&d);
        RkStatus s = rk_rules_new(q, &o, &r, &d);
        if (s == RK_OK) {
            s = rk_rules_score(r, a, &res, &d);
            assert_true(rk_rules_dead(r));
            RkDiag again;
            rk_diag_init(&again);
            assert_int_equal(rk_rules_score(r, a, &res, &again), RK_EDATA);
        }
        if (s != RK_EDATA || !strstr(d.message, "time limit of 0.2 s exceeded") ||
            strcmp(d.file, files[i]) != 0)
            fail_msg("%s: status %d, %s: %s", files[i], s, d.file, d.message);
        assert_null(res);
        rk_rules_free(r);
    }
    rk_answers_free(a);
    rk_questionnaire_free(q);
}

/* ---- the host's log ---- */

typedef struct Lines {
    char text[2048];
    int n;
} Lines;

static void collect(void *ctx, const char *line)
{
    Lines *l = ctx;
    size_t used = strlen(l->text);
    snprintf(l->text + used, sizeof l->text - used, "%s\n", line);
    l->n++;
}

static void rk_log_goes_to_the_host(void **state)
{
    (void)state;
    char path[] = "/tmp/readykit-log-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *src = "rk.log('built', 3)\n"
                      "return {result = function (r) rk.log('scoring', true, {}) end}\n";
    assert_int_equal(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    RkDiag d;
    RkQuestionnaire *q = NULL;
    RkAnswers *a = NULL;
    load_tiny(&q, &a);
    rk_diag_init(&d);
    Lines lines = {"", 0};
    const char *one[] = {path};
    RkRulesOptions o = {.rule_files = one, .n_rule_files = 1, .log = collect, .log_ctx = &lines};
    RkRules *r = NULL;
    RkResult *res = NULL;
    assert_int_equal(rk_rules_new(q, &o, &r, &d), RK_OK);
    assert_int_equal(rk_rules_score(r, a, &res, &d), RK_OK);
    char want[1024];
    snprintf(want, sizeof want,
             "%s:1: built 3\n%s:1: [answers questionnaires/examples/tiny-answers.yaml] built 3\n"
             "%s:2: [answers questionnaires/examples/tiny-answers.yaml] scoring true table\n",
             path, path, path);
    assert_string_equal(lines.text, want);
    rk_result_free(res);
    rk_rules_free(r);
    rk_answers_free(a);
    rk_questionnaire_free(q);
    unlink(path);
}

static int fd_for_panic = -1;

static void to_fd(void *ctx, const char *line)
{
    (void)ctx;
    ssize_t w = write(fd_for_panic, line, strlen(line));
    (void)w;
}

/* An error outside any protected call (a bug in readykit) is told to the
   host's callback, then the process aborts. */
static void panic_goes_to_the_host(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        fd_for_panic = fds[1];
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 2); /* nothing from the library may go to stderr */
        RkSandbox *sb = new_sb(0, 0);
        rk_sandbox_set_log(sb, to_fd, NULL);
        lua_State *L = rk_sandbox_lua(sb);
        lua_pushliteral(L, "boom");
        lua_error(L);
        _exit(0);
    }
    close(fds[1]);
    char buf[512] = "";
    size_t used = 0;
    ssize_t n;
    while ((n = read(fds[0], buf + used, sizeof buf - 1 - used)) > 0)
        used += (size_t)n;
    buf[used] = '\0';
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGABRT);
    assert_string_equal(buf, "readykit: internal error: unprotected Lua error: boom");
}

/* rk_sandbox_alloc_fail_after: the n-th allocation of any sandbox fails
   (a memory error, never a crash); it returns what was left. Swept over
   every allocation of creating a sandbox and running a chunk. */
static void alloc_fail_after_counts_down(void **state)
{
    (void)state;
    assert_int_equal(rk_sandbox_alloc_fail_after(0), 0);
    RkSandbox *sb = new_sb(0, 0);
    RkDiag d;
    assert_int_equal(run(sb, "local x = 1", &d), RK_OK); /* libraries opened */
    rk_sandbox_alloc_fail_after(3);
    assert_int_equal(run(sb, "local t = {} for i = 1, 50 do t[i] = {i} end", &d), RK_EDATA);
    assert_non_null(strstr(d.message, "memory limit"));
    assert_int_equal(rk_sandbox_alloc_fail_after(0), 0); /* used up */
    assert_int_equal(run(sb, "local t = {} for i = 1, 50 do t[i] = {i} end", &d), RK_OK);
    rk_sandbox_alloc_fail_after(1000000);
    assert_int_equal(run(sb, "local t = {} for i = 1, 50 do t[i] = {i} end", &d), RK_OK);
    size_t left = rk_sandbox_alloc_fail_after(0);
    assert_true(left > 0 && left < 1000000 - 50);
    rk_sandbox_free(sb);
    int failed = 0, n = 1;
    for (;; n++) {
        rk_sandbox_alloc_fail_after((size_t)n);
        RkSandbox *s2 = NULL;
        RkSandboxLimits lim = {0, 0, 0, false};
        rk_diag_init(&d);
        RkStatus st = rk_sandbox_new(&lim, &s2, &d);
        if (st == RK_OK)
            st = run(s2, "local t = {} for i = 1, 20 do t[i] = {i} end", &d);
        rk_sandbox_free(s2);
        bool reached = rk_sandbox_alloc_fail_after(0) != 0; /* not all used: done */
        assert_true(st == RK_OK || st == RK_EDATA || st == RK_EINTERNAL);
        failed += st != RK_OK;
        if (reached)
            break;
    }
    assert_true(n > 100); /* the sweep went over every allocation */
    /* nearly every injected failure fails the run (Lua shrugs off a few,
       such as a string table that cannot grow) */
    assert_true(failed > (n - 1) * 9 / 10);
}

/* The questionnaire loader compiles its when: and checks in a sandbox's
   state (its allocator, capped): the countdown reaches it, and the load
   fails cleanly. */
static void loader_compiles_in_a_sandbox(void **state)
{
    (void)state;
    RkDiag d;
    RkQuestionnaire *q = NULL;
    for (size_t n = 1; n <= 3; n++) {
        rk_diag_init(&d);
        rk_sandbox_alloc_fail_after(n);
        RkStatus s = rk_questionnaire_load("questionnaires/tiny.yaml", &q, &d);
        assert_int_equal(rk_sandbox_alloc_fail_after(0), 0); /* it was reached */
        assert_true(s == RK_EINTERNAL || s == RK_EDATA);
        assert_null(q);
    }
    rk_diag_init(&d);
    assert_int_equal(rk_questionnaire_load("questionnaires/tiny.yaml", &q, &d), RK_OK);
    rk_questionnaire_free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_sandboxes_keep_their_own_deadlines),
        cmocka_unit_test(hard_stop_comes_back_and_kills_one_sandbox),
        cmocka_unit_test(sandboxes_in_threads),
        cmocka_unit_test(hostile_seeds_come_back_through_the_engine),
        cmocka_unit_test(rk_log_goes_to_the_host),
        cmocka_unit_test(panic_goes_to_the_host),
        cmocka_unit_test(alloc_fail_after_counts_down),
        cmocka_unit_test(loader_compiles_in_a_sandbox),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
