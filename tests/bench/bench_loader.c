/*
 * bench_loader: how long rk_questionnaire_load takes on a questionnaire of a
 * few hundred questions (generated: every type, two languages, shared lists,
 * `when` expressions, checks). Prints microseconds per load.
 *
 *   build/bench-loader [QUESTIONS [LOADS]]     (default 300 questions, 200 loads)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "readykit/questionnaire.h"
#include "bench_questionnaire.h"

#define PER_PILLAR 30

/* Write a questionnaire of n questions to f. */
static void generate(FILE *f, int n)
{
    bench_write_prelude(f);
    for (int i = 0; i < n; i++) {
        if (i % PER_PILLAR == 0)
            fprintf(f, "  - id: p%d\n    title: {en: Pillar %d, fr: Pilier %d}\n"
                       "    weight: %d\n    questions:\n", i / PER_PILLAR, i, i, 1 + i % 3);
        fprintf(f, "      - id: q%d\n        text: {en: Question %d?, fr: Question %d ?}\n"
                   "        help: {en: Look at the law of %d., fr: Voir la loi de %d.}\n",
                i, i, i, 1990 + i % 30, 1990 + i % 30);
        if (i > 0 && i % 3 == 0 && (i - 1) % 5 == 0)
            fprintf(f, "        when: \"answer.q%d == 'yes' or dont_know('q%d')\"\n", i - 1, i - 1);
        else if (i > 0 && i % 3 == 0)
            fprintf(f, "        when: \"answered('q%d') and not dont_know('q%d')\"\n", i - 1, i - 1);
        switch (i % 5) {
        case 0:
            fprintf(f, "        type: yes_no\n        evidence: true\n");
            break;
        case 1:
            fprintf(f, "        type: scale\n        choices: maturity\n");
            break;
        case 2:
            fprintf(f, "        type: choice\n        choices:\n"
                       "          - {value: a, label: {en: A, fr: A}, points: 0}\n"
                       "          - {value: b, label: {en: B, fr: B}, points: 2}\n");
            break;
        case 3:
            fprintf(f, "        type: multi\n        cap: 3\n        choices:\n"
                       "          - {value: x, label: {en: X, fr: X}, points: 1}\n"
                       "          - {value: y, label: {en: Y, fr: Y}, points: 2}\n"
                       "          - {value: z, label: {en: Z, fr: Z}, points: 2}\n");
            break;
        default:
            fprintf(f, "        type: number\n        min: 0\n        integer: true\n"
                       "        bands: [{min: 0, points: 0}, {min: 10, points: 2}]\n"
                       "        checks:\n          - {check: \"value <= 2100\", "
                       "message: {en: Too big, fr: Trop grand}}\n");
        }
    }
}

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 300;
    int loads = argc > 2 ? atoi(argv[2]) : 200;
    if (n < 1 || loads < 1) {
        fprintf(stderr, "usage: bench-loader [QUESTIONS [LOADS]]\n");
        return 64;
    }
    char path[] = "/tmp/rk_bench_XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        perror("bench-loader");
        return 73;
    }
    generate(f, n);
    fclose(f);
    double t0 = now_us();
    int status = 0;
    for (int i = 0; i < loads && status == 0; i++) {
        RkDiag d;
        rk_diag_init(&d);
        RkQuestionnaire *q = NULL;
        if (rk_questionnaire_load(path, &q, &d) != RK_OK) {
            char buf[2048];
            fprintf(stderr, "bench-loader: %s\n%s", rk_diag_format(&d, buf, sizeof buf), d.more);
            status = 70;
        }
        rk_questionnaire_free(q);
    }
    double per = (now_us() - t0) / loads;
    unlink(path);
    if (status == 0)
        printf("bench-loader: %d questions, %d loads, %.0f us per load\n", n, loads, per);
    return status;
}
