/*
 * Fault injection: the arena's and the sandbox allocator's fail countdowns
 * (rk_arena_fail_after, rk_sandbox_alloc_fail_after) swept over the
 * allocations of a load, a score and a PDF report, in process, through the
 * library calls that `readykit score` and `readykit report` make (batch.c's
 * rk_engines_score, main.c's cmd_report), on two scenarios with anchors,
 * aliases, "<<:" merges and notes:
 *   - tests/unit/fixtures/faults-sse.yaml: a real SSE answers file (the
 *     Korea example with anchors and merges) against sse-national and its
 *     rules;
 *   - tests/unit/fixtures/faults-answers.yaml against faults-q.yaml, a
 *     questionnaire built from anchors and merges, with its own rules.
 *
 * The library's own malloc, calloc, realloc, strdup and strndup are failed
 * the same way (faults_support.h; this binary is linked with -Wl,--wrap).
 * Phases: load, score (with the text, JSON and CSV writers), the PDF writer
 * alone, and a whole report (all three in one run).
 *
 * One clean run counts the allocations of the phase; then each one is made
 * to fail in turn (a deterministic sample when there are more than
 * RK_FAULTS_MAX; RK_FAULTS_MAX=0 sweeps them all). Each injected failure
 * must end with the status main maps to exit 65 or 70 and a message, and
 * no model or file comes back; or, when the allocation was retried (Lua
 * collects garbage and tries again) or not needed, with status 0 and output
 * byte for byte the clean run's. Leaks are LeakSanitizer's to find (make
 * asan). One TAP line per phase and allocator, naming its injection points;
 * RK_FAULTS_SWEEP="report x malloc" runs one sweep, RK_FAULTS_ONLY=N only
 * the N-th point (with `break malloc_injected` in gdb), RK_FAULTS_VERBOSE=1
 * prints what each injection gave.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "readykit/answers.h"
#include "readykit/arena.h"
#include "readykit/fileio.h"
#include "readykit/node.h"
#include "readykit/questionnaire.h"
#include "readykit/report.h"
#include "readykit/rules.h"
#include "readykit/sandbox.h"

#include "faults_support.h"

typedef struct Scenario {
    const char *questionnaire, *answers;
} Scenario;

static const Scenario scenarios[] = {
    {"questionnaires/sse-national.yaml", "tests/unit/fixtures/faults-sse.yaml"},
    {"tests/unit/fixtures/faults-q.yaml", "tests/unit/fixtures/faults-answers.yaml"},
};
#define N_SCENARIOS (sizeof scenarios / sizeof *scenarios)

/* load: the answers file and its questionnaire; score: the rules engine,
   the checks, the score and the text, JSON and CSV writers; pdf: the PDF
   writer alone, on a scored result; report: all of `readykit report` (the
   three before it in one run), its output the PDF. */
enum Phase { LOAD, SCORE, PDF, REPORT, N_PHASES };
static const char *const phase_names[N_PHASES] = {"load", "score", "pdf writer", "report"};
enum Alloc { ARENA, SANDBOX, MALLOC, N_ALLOCS };
static const char *const alloc_names[N_ALLOCS] = {"arena", "sandbox allocator", "malloc"};

/* One run's models; a phase builds on the ones before it. */
typedef struct Run {
    RkQuestionnaire *q;
    RkNodeTree *tree;
    RkAnswers *a;
    RkRules *rules;
    RkResult *res;
} Run;

static char out_dir[64]; /* where reports are written */

static size_t arm(enum Alloc which, size_t n)
{
    return which == ARENA     ? rk_arena_fail_after(n)
           : which == SANDBOX ? rk_sandbox_alloc_fail_after(n)
                              : malloc_fail_after(n);
}

static void run_free_from(Run *r, enum Phase from)
{
    if (from == REPORT)
        from = LOAD;
    if (from <= SCORE) {
        rk_result_free(r->res);
        rk_rules_free(r->rules);
        r->res = NULL;
        r->rules = NULL;
    }
    if (from <= LOAD) {
        rk_answers_free(r->a);
        rk_node_tree_free(r->tree);
        rk_questionnaire_free(r->q);
        r->a = NULL;
        r->tree = NULL;
        r->q = NULL;
    }
}

/* Append a whole file to b. */
static void slurp(RkBuf *b, const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        rk_buf_add(b, chunk, n);
    fclose(f);
}

/* The files left in out_dir (after a failed report: none may be). */
static int files_left(void)
{
    DIR *dir = opendir(out_dir);
    assert_non_null(dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(dir));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(dir);
    return n;
}

/* The text, JSON and CSV of a result, as `readykit score` writes them. */
static void write_score(RkBuf *out, const Run *r)
{
    RkReportInput in = {r->q, r->a, r->res, "answers.yaml", rk_questionnaire_lang(r->q, r->a->language)};
    size_t n = 0;
    const char *const *ind = rk_rules_declared(r->rules, &n);
    rk_report_text(out, &in);
    rk_report_json(out, &in);
    rk_report_csv_header(out, r->q, ind, n);
    rk_report_csv_row(out, &in, ind, n);
}

/* One phase of a run, the earlier ones being done. On success out gets
   what the phase produced. */
static RkStatus phase(enum Phase p, const Scenario *sc, Run *r, RkBuf *out, RkDiag *d)
{
    RkStatus s = RK_OK;
    char path[128];
    switch (p) {
    case LOAD: /* rk_engines_score's loads */
        s = rk_node_load_file(sc->answers, &r->tree, d);
        if (s != RK_OK && r->tree)
            fail_msg("a failed parse returned a tree");
        if (s == RK_OK && (s = rk_questionnaire_load(sc->questionnaire, &r->q, d)) != RK_OK &&
            r->q)
            fail_msg("a failed questionnaire load returned a model");
        if (s == RK_OK && (s = rk_answers_from_tree(r->tree, r->q, &r->a, d)) != RK_OK && r->a)
            fail_msg("a failed answers load returned a model");
        break;
    case SCORE: {
        RkRulesOptions o = {0};
        s = rk_rules_new(r->q, &o, &r->rules, d);
        if (s == RK_OK)
            s = rk_rules_check_answers(r->rules, r->a, d);
        if (s == RK_OK)
            s = rk_rules_score(r->rules, r->a, &r->res, d);
        if ((s == RK_OK) != (r->res != NULL))
            fail_msg("status %d with%s a result", s, r->res ? "" : "out");
        if (s == RK_OK)
            write_score(out, r);
        if (s == RK_OK && out->failed) /* as batch_write.c sees it */
            s = rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
        break;
    }
    case REPORT: {
        RkBuf text;
        rk_buf_init(&text);
        s = phase(LOAD, sc, r, &text, d);
        if (s == RK_OK)
            s = phase(SCORE, sc, r, &text, d);
        if (s == RK_OK)
            s = phase(PDF, sc, r, &text, d);
        rk_buf_free(&text);
        break;
    }
    case PDF: {
        snprintf(path, sizeof path, "%s/report.pdf", out_dir);
        RkReportInput in = {r->q, r->a, r->res, sc->answers,
                            rk_questionnaire_lang(r->q, r->a->language)};
        RkReportPdfOptions po = {.creator = "readykit test"};
        s = rk_report_pdf_with(&in, &po, path, d);
        if (s != RK_OK && files_left() != 0)
            fail_msg("a failed report left a file in %s", out_dir);
        break;
    }
    default:
        break;
    }
    return s;
}

/* The phases before p, clean. */
static RkStatus prepare(enum Phase p, const Scenario *sc, Run *r, RkDiag *d)
{
    RkBuf scratch;
    rk_buf_init(&scratch);
    RkStatus s = RK_OK;
    for (enum Phase q = LOAD; s == RK_OK && q < p && p != REPORT; q++)
        s = phase(q, sc, r, &scratch, d);
    rk_buf_free(&scratch);
    return s;
}

/* Phase p with the n-th allocation of `which` failing; *left: what the
   countdown still had to go (0: the failure was injected). A load that
   succeeds is followed by a clean score, so that out shows what it loaded
   (a load that lost a piece without saying so scores differently). */
static RkStatus attempt(enum Phase p, enum Alloc which, size_t n, const Scenario *sc, Run *r,
                        RkBuf *out, RkDiag *d, size_t *left)
{
    rk_diag_init(d);
    arm(which, n);
    RkStatus s = phase(p, sc, r, out, d);
    *left = arm(which, 0);
    if (p == PDF || p == REPORT) {
        char path[128];
        snprintf(path, sizeof path, "%s/report.pdf", out_dir);
        if (s == RK_OK)
            slurp(out, path);
        unlink(path);
    }
    if (s == RK_OK && p == LOAD) {
        dump_models(out, r->q, r->a);
        RkDiag d2;
        rk_diag_init(&d2);
        if (phase(SCORE, sc, r, out, &d2) != RK_OK)
            fail_msg("after a load with allocation %zu failed, the score failed: %s", n,
                     d2.message);
    }
    return s;
}

typedef struct Sweep {
    enum Phase phase;
    enum Alloc alloc;
    size_t points[N_SCENARIOS]; /* allocations of one clean run */
    RkBuf clean[N_SCENARIOS];   /* its output */
    size_t limit;               /* points sampled per scenario; 0: all */
    char name[200];             /* the TAP line */
} Sweep;

static Sweep sweeps[N_PHASES * N_ALLOCS];
static size_t max_points = 150; /* per scenario and sweep (a fifth of it for
                                   the report's, each a whole command);
                                   RK_FAULTS_MAX, 0: all */
static bool verbose;           /* RK_FAULTS_VERBOSE: a line per injection */
static size_t only;             /* RK_FAULTS_ONLY=N: only the N-th (to replay one) */

/* Count the allocations of a clean run of the sweep's phase (the second of
   two, so that nothing done once per process is counted) and keep its
   output. */
static RkStatus count_points(Sweep *w, size_t k, RkDiag *d)
{
    const Scenario *sc = &scenarios[k];
    const size_t far = (size_t)1 << 40;
    Run r = {0};
    RkStatus s = prepare(w->phase, sc, &r, d);
    for (int round = 0; s == RK_OK && round < 2; round++) {
        size_t left;
        rk_buf_free(&w->clean[k]);
        s = attempt(w->phase, w->alloc, far, sc, &r, &w->clean[k], d, &left);
        w->points[k] = far - left;
        run_free_from(&r, w->phase);
    }
    run_free_from(&r, LOAD);
    return s;
}

/* Every step-th point of n (and the last), so that at most limit are tried. */
static size_t stride(size_t n, size_t limit)
{
    return limit && n > limit ? (n + limit - 1) / limit : 1;
}

static bool same(const RkBuf *a, const RkBuf *b)
{
    return a->len == b->len && !a->failed && !b->failed &&
           (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

static void sweep(void **state)
{
    Sweep *w = *state;
    size_t failed = 0, recovered = 0, missed = 0;
    for (size_t k = 0; k < N_SCENARIOS; k++) {
        const Scenario *sc = &scenarios[k];
        RkDiag d;
        rk_diag_init(&d);
        Run r = {0};
        if (prepare(w->phase, sc, &r, &d) != RK_OK)
            fail_msg("clean run of %s: %s", sc->answers, d.message);
        size_t n = w->points[k];
        size_t step = stride(n, w->limit);
        for (size_t i = 1; i <= n; i += step) {
            if (only && i != only)
                continue;
            RkBuf out;
            rk_buf_init(&out);
            size_t left;
            RkStatus s = attempt(w->phase, w->alloc, i, sc, &r, &out, &d, &left);
            if (left != 0 && w->alloc == ARENA)
                fail_msg("%s: allocation %zu of %zu was not reached", sc->answers, i, n);
            if (left != 0) {
                /* Lua seeds its string hashes from the clock and addresses:
                   how often its tables grow (through the sandbox allocator,
                   then malloc) varies a little from run to run */
                missed++;
                if (s != RK_OK || !same(&out, &w->clean[k]))
                    fail_msg("%s: a run with no failure injected differs from the clean one",
                             sc->answers);
            } else if (s == RK_OK) {
                recovered++;
                if (verbose)
                    print_message("# %s: %s allocation %zu of %zu failed: recovered\n",
                                  sc->answers, alloc_names[w->alloc], i, n);
                if (!same(&out, &w->clean[k]))
                    fail_msg("%s: %s allocation %zu of %zu failed, yet the %s succeeded "
                             "with a different output", sc->answers, alloc_names[w->alloc],
                             i, n, phase_names[w->phase]);
            } else {
                failed++;
                if (verbose)
                    print_message("# %s: %s allocation %zu of %zu failed: %d %s\n",
                                  sc->answers, alloc_names[w->alloc], i, n, s, d.message);
                if ((s != RK_EDATA && s != RK_EINTERNAL) || d.message[0] == '\0')
                    fail_msg("%s: %s allocation %zu of %zu failed: status %d, message '%s'",
                             sc->answers, alloc_names[w->alloc], i, n, s, d.message);
            }
            rk_buf_free(&out);
            run_free_from(&r, w->phase);
            /* the last one too when sampling */
            if (step > 1 && i + step > n && i != n)
                i = n - step;
        }
        run_free_from(&r, LOAD);
    }
    print_message("# %s x %s: %zu injected, %zu failed cleanly (65/70), %zu recovered "
                  "with the clean output, %zu not reached\n", phase_names[w->phase],
                  alloc_names[w->alloc], failed + recovered, failed, recovered, missed);
}

int main(void)
{
    const char *max = getenv("RK_FAULTS_MAX");
    if (max)
        max_points = (size_t)strtoul(max, NULL, 10);
    const char *one = getenv("RK_FAULTS_ONLY");
    verbose = getenv("RK_FAULTS_VERBOSE") != NULL;
    if (one)
        only = (size_t)strtoul(one, NULL, 10);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1); /* reproducible PDFs */
    snprintf(out_dir, sizeof out_dir, "/tmp/rk_faults_XXXXXX");
    if (!mkdtemp(out_dir)) {
        printf("Bail out! cannot create a temporary folder\n");
        return 1;
    }
    /* RK_FAULTS_SWEEP="report x malloc": only the sweeps so named */
    const char *pick = getenv("RK_FAULTS_SWEEP");
    struct CMUnitTest tests[N_PHASES * N_ALLOCS];
    size_t n_tests = 0;
    for (size_t i = 0; i < N_PHASES * N_ALLOCS; i++) {
        Sweep *w = &sweeps[i];
        w->phase = (enum Phase)(i / N_ALLOCS);
        w->alloc = (enum Alloc)(i % N_ALLOCS);
        w->limit = w->phase == REPORT ? (max_points + 4) / 5 : max_points;
        char what[64];
        snprintf(what, sizeof what, "%s x %s", phase_names[w->phase], alloc_names[w->alloc]);
        if (pick && !strstr(what, pick))
            continue;
        size_t total = 0, tried = 0;
        for (size_t k = 0; k < N_SCENARIOS; k++) {
            RkDiag d;
            rk_diag_init(&d);
            rk_buf_init(&w->clean[k]);
            if (count_points(w, k, &d) != RK_OK) {
                printf("Bail out! clean %s of %s: %s\n", phase_names[w->phase],
                       scenarios[k].answers, d.message);
                return 1;
            }
            size_t n = w->points[k];
            size_t step = stride(n, w->limit);
            total += n;
            tried += n == 0 ? 0 : (n - 1) / step + 1 + ((n - 1) % step != 0);
        }
        /* the PDF writer allocates from no arena and no Lua state today:
           those rows appear when it does */
        if (w->phase == PDF && w->alloc != MALLOC && total == 0)
            continue;
        snprintf(w->name, sizeof w->name, "%s: %zu injection points, %zu failed in turn", what,
                 total, tried);
        tests[n_tests++] = (struct CMUnitTest){w->name, sweep, NULL, NULL, w};
    }
    int rc = _cmocka_run_group_tests("test_faults", tests, n_tests, NULL, NULL);
    for (size_t i = 0; i < N_PHASES * N_ALLOCS; i++)
        for (size_t k = 0; k < N_SCENARIOS; k++)
            rk_buf_free(&sweeps[i].clean[k]);
    rmdir(out_dir);
    return rc;
}
