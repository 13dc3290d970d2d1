/*
 * bench_rules: how long rk_rules_score takes for one answers file with the
 * standard rules, once the engine (Lua state, rule files, when:) is built.
 * The questionnaire is generated: 4 pillars, every scored type, when:
 * expressions, every question answered. Prints microseconds per file.
 *
 *   build/bench-rules [QUESTIONS [RUNS]]     (default 40 questions, 5000 runs)
 *   build/bench-rules ANSWERS.yaml QUESTIONNAIRE.yaml [RUNS]
 *                     a real answers file, with the questionnaire's own rules
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "readykit/answers.h"
#include "readykit/questionnaire.h"
#include "readykit/rules.h"
#include "bench_questionnaire.h"

static void generate(FILE *f, int n)
{
    bench_write_prelude(f);
    int per = (n + 3) / 4;
    for (int i = 0; i < n; i++) {
        if (i % per == 0)
            fprintf(f, "  - id: p%d\n    title: {en: Pillar %d, fr: Pilier %d}\n"
                       "    questions:\n", i / per, i, i);
        fprintf(f, "      - id: q%d\n        text: {en: Question %d?, fr: Question %d ?}\n",
                i, i, i);
        if (i % 4 == 3)
            fprintf(f, "        when: \"answer.q%d ~= 'no'\"\n", i - 3);
        switch (i % 4) {
        case 0: fprintf(f, "        type: yes_no\n"); break;
        case 1: fprintf(f, "        type: scale\n        choices: maturity\n"); break;
        case 2:
            fprintf(f, "        type: multi\n        cap: 2\n        choices:\n"
                       "          - {value: a, label: A, points: 1}\n"
                       "          - {value: b, label: B, points: 1}\n"
                       "          - {value: c, label: C, points: 1}\n");
            break;
        default:
            fprintf(f, "        type: number\n        bands: [{min: 0, points: 0}, "
                       "{min: 10, points: 1}, {min: 100, points: 2}]\n");
        }
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Time `runs` scorings of a; print the figure. */
static int measure(RkRules *rules, const RkAnswers *a, int runs, const char *what, double t_new)
{
    RkDiag d;
    rk_diag_init(&d);
    double score = 0, t0 = now();
    for (int i = 0; i < runs; i++) {
        RkResult *r = NULL;
        if (rk_rules_score(rules, a, &r, &d) != RK_OK) {
            fprintf(stderr, "bench-rules: %s:%d: %s\n", d.file, d.line, d.message);
            return 1;
        }
        score += r->score;
        rk_result_free(r);
    }
    double per = (now() - t0) / runs;
    printf("   rules: engine built in %.0f us; %s: %.1f us per answers file (%d runs, "
           "mean score %.1f)\n", t_new * 1e6, what, per * 1e6, runs, score / runs);
    return 0;
}

/* bench-rules ANSWERS QUESTIONNAIRE [RUNS] */
static int real_files(const char *apath, const char *qpath, int runs)
{
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    RkAnswers *a = NULL;
    RkRules *rules = NULL;
    RkStatus s = rk_questionnaire_load(qpath, &q, &d);
    double t0 = now();
    if (s == RK_OK)
        s = rk_rules_new(q, NULL, &rules, &d);
    double t_new = now() - t0;
    if (s == RK_OK)
        s = rk_answers_load(apath, q, &a, &d);
    int rc = 1;
    if (s != RK_OK)
        fprintf(stderr, "bench-rules: %s:%d: %s\n", d.file, d.line, d.message);
    else
        rc = measure(rules, a, runs, apath, t_new);
    rk_answers_free(a);
    rk_rules_free(rules);
    rk_questionnaire_free(q);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc > 2 && strstr(argv[1], ".yaml"))
        return real_files(argv[1], argv[2], argc > 3 ? atoi(argv[3]) : 2000);
    int n = argc > 1 ? atoi(argv[1]) : 40;
    int runs = argc > 2 ? atoi(argv[2]) : 5000;
    char path[] = "/tmp/bench-rules-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f)
        return 1;
    generate(f, n);
    fclose(f);
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    RkRules *rules = NULL;
    RkStatus s = rk_questionnaire_load(path, &q, &d);
    unlink(path);
    double t0 = now();
    if (s == RK_OK)
        s = rk_rules_new(q, NULL, &rules, &d);
    double t_new = now() - t0;
    RkAnswers *a = s == RK_OK ? rk_answers_new(q) : NULL;
    for (size_t i = 0; a && i < q->n_questions; i++) {
        const RkQuestion *qn = q->questions[i];
        static const char *const multi[] = {"a", "c"};
        if (qn->type == RK_Q_MULTI)
            s = rk_answers_set_multi(a, qn, multi, 2, &d);
        else
            s = rk_answers_set(a, qn, qn->type == RK_Q_YES_NO ? "yes"
                                      : qn->type == RK_Q_SCALE ? "3" : "42", &d);
        if (s != RK_OK)
            break;
    }
    if (s != RK_OK || !a) {
        fprintf(stderr, "bench-rules: %s\n", d.message);
        return 1;
    }
    char what[64];
    snprintf(what, sizeof what, "standard rules, %d questions", n);
    int rc = measure(rules, a, runs, what, t_new);
    rk_answers_free(a);
    rk_rules_free(rules);
    rk_questionnaire_free(q);
    return rc;
}
