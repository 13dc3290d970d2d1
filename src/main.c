/*
 * readykit: policy-readiness self-assessment kit.
 *
 * The story of the program: parse the command line, then one short
 * function per command chains the modules (questionnaire → answers → rules
 * → writer). Errors travel as one RkDiag; this file is the only one that
 * prints them, and the exit status is the diag's status (sysexits.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "readykit/answers.h"
#include "readykit/batch.h"
#include "readykit/fileio.h"
#include "readykit/questionnaire.h"
#include "readykit/report.h"
#include "readykit/result.h"
#include "readykit/rules.h"

#ifndef RK_VERSION
#define RK_VERSION "0.1.0"
#endif

static void print_diag(const RkDiag *d)
{
    RkBuf text;
    rk_buf_init(&text);
    rk_batch_diag_text(&text, d);
    if (text.len)
        fwrite(text.data, 1, text.len, stderr);
    rk_buf_free(&text);
}

/* readykit check QUESTIONNAIRE... */
static int cmd_check(int argc, char **argv)
{
    Options o = {0};
    int rc = rk_cli_parse(argc, argv, rk_cli_check_help, false, &o);
    if (rc)
        return rc < 0 ? RK_OK : rc;
    if (o.n_files == 0)
        return rk_cli_usage_error("check needs a questionnaire file%s", "");
    int status = RK_OK;
    for (int i = 0; i < o.n_files; i++) {
        RkDiag d;
        rk_diag_init(&d);
        RkEngines *e = NULL;
        const RkQuestionnaire *q;
        if (rk_engines_new(NULL, &o.rules, o.lang, &e, &d) == RK_OK &&
            rk_engines_load(e, o.files[i], &q, &d) == RK_OK) {
            printf("%s: ok: %s %s, %zu pillars, %zu questions, languages ", o.files[i], q->id,
                   q->version ? q->version : "", q->n_pillars, q->n_questions);
            for (size_t k = 0; k < q->n_languages; k++)
                printf("%s%s", k ? ", " : "", q->languages[k]);
            printf(", maximum %.15g weighted points, %zu levels%s%s\n", q->max_points,
                   q->n_levels, q->rules ? ", rules " : "", q->rules ? q->rules : "");
        }
        print_diag(&d);
        if (d.status != RK_OK && status == RK_OK)
            status = d.status;
        rk_engines_free(e);
    }
    return status;
}

static void say(void *ud, const char *text)
{
    (void)ud;
    fputs(text, stderr);
}

/* "readykit: 1200/30000 files, 850 files/s, 33 s left", redrawn in place
   on the terminal; cleared at the end. */
static void progress(void *ud, size_t done, size_t total, double seconds)
{
    (void)ud;
    if (done >= total) {
        fputs("\r\033[K", stderr);
        return;
    }
    double rate = seconds > 0 ? (double)done / seconds : 0;
    fprintf(stderr, "\r\033[Kreadykit: %zu/%zu files, %.0f files/s", done, total, rate);
    if (rate > 0)
        fprintf(stderr, ", %.0f s left", (double)(total - done) / rate);
}

/* The answers files of a score command: the arguments ("-": names read
   from standard input), then each --dir. */
static RkStatus list_files(const Options *o, RkFileList *files, RkDiag *d)
{
    RkStatus s = RK_OK;
    for (int i = 0; s == RK_OK && i < o->n_files; i++)
        s = strcmp(o->files[i], "-") == 0
                ? rk_file_list_add_stream(files, stdin, "standard input", d)
                : rk_file_list_add(files, o->files[i], d);
    for (size_t i = 0; s == RK_OK && i < o->n_dirs; i++)
        s = rk_file_list_add_dir(files, o->dirs[i], d);
    return s;
}

/* readykit score ANSWERS... */
static int cmd_score(int argc, char **argv)
{
    Options o = {0};
    int rc = rk_cli_parse(argc, argv, rk_cli_score_help, true, &o);
    if (rc)
        return rc < 0 ? RK_OK : rc;
    if (o.n_files == 0 && o.n_dirs == 0)
        return rk_cli_usage_error("score needs at least one answers file (or --dir, or - to "
                                  "read names from standard input)%s", "");
    RkDiag d;
    rk_diag_init(&d);
    RkFileList files = {0};
    if (list_files(&o, &files, &d) != RK_OK) {
        print_diag(&d);
        rk_file_list_free(&files);
        return d.status;
    }
    if (files.n == 0) {
        rk_file_list_free(&files);
        return rk_cli_usage_error("no answers files to score (an empty list or folder)%s", "");
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    RkBatchOptions bo = {
        .questionnaire = o.questionnaire,
        .rules = &o.rules,
        .lang = o.lang,
        .format = o.format == FORMAT_JSON ? RK_BATCH_JSON
                  : o.format == FORMAT_CSV ? RK_BATCH_CSV : RK_BATCH_TEXT,
        .no_header = o.no_header,
        .jobs = o.jobs == 0 ? (cores > 0 ? (int)cores : 1) : o.jobs,
        .output = o.output,
        .say = say,
        /* on a terminal, unless the results go to the same terminal */
        .progress = !o.quiet && isatty(2) && (o.output || !isatty(1)) ? progress : NULL,
    };
    fflush(stdout);
    int status = rk_batch_run(&bo, &files);
    rk_file_list_free(&files);
    return status;
}

/* readykit report ANSWERS -o OUT.pdf */
static int cmd_report(int argc, char **argv)
{
    Options o = {0};
    int rc = rk_cli_parse(argc, argv, rk_cli_report_help, true, &o);
    if (rc)
        return rc < 0 ? RK_OK : rc;
    if (o.n_files != 1)
        return rk_cli_usage_error("report needs exactly one answers file%s", "");
    if (!o.output)
        return rk_cli_usage_error("report needs -o OUT.pdf%s", "");
    RkDiag d;
    rk_diag_init(&d);
    RkEngines *e = NULL;
    RkScored sc = {0};
    if (rk_engines_new(o.questionnaire, &o.rules, o.lang, &e, &d) == RK_OK &&
        rk_engines_score(e, o.files[0], &sc, &d) == RK_OK) {
        RkReportInput in = {sc.q, sc.answers, sc.result, o.files[0], sc.lang};
        if (rk_report_pdf(&in, o.output, &d) == RK_OK) {
            RkBuf out;
            rk_buf_init(&out);
            rk_report_text(&out, &in);
            fwrite(out.data, 1, out.len, stdout);
            printf("wrote %s\n", o.output);
            rk_buf_free(&out);
        }
    }
    print_diag(&d);
    rk_scored_free(&sc);
    rk_engines_free(e);
    return d.status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(rk_cli_usage, stderr);
        return RK_EUSAGE;
    }
    const char *cmd = argv[1];
    int status;
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(rk_cli_usage, stdout);
        status = RK_OK;
    } else if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("readykit %s\n", RK_VERSION);
        status = RK_OK;
    } else if (strcmp(cmd, "check") == 0) {
        status = cmd_check(argc - 1, argv + 1);
    } else if (strcmp(cmd, "score") == 0) {
        status = cmd_score(argc - 1, argv + 1);
    } else if (strcmp(cmd, "report") == 0) {
        status = cmd_report(argc - 1, argv + 1);
    } else {
        status = rk_cli_usage_error("unknown command '%s' (expected check, score or report)", cmd);
    }
    /* Like jq: a full disk or closed pipe on stdout is an error too. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "readykit: error writing standard output\n");
        if (status == RK_OK)
            status = RK_EIO;
    }
    return status;
}
