/*
 * readykit: policy-readiness self-assessment kit.
 *
 * The story of the program: parse the command line, then one short
 * function per command chains the modules (questionnaire → answers → rules
 * → writer). Errors travel as one RkDiag; this file is the only one that
 * prints them, and the exit status is the diag's status (sysexits.h).
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ask.h"
#include "cli.h"
#include "readykit/answers.h"
#include "readykit/fileio.h"
#include "readykit/locate.h"
#include "readykit/node.h"
#include "readykit/questionnaire.h"
#include "readykit/report.h"
#include "readykit/result.h"
#include "readykit/rules.h"

#ifndef RK_VERSION
#define RK_VERSION "0.1.0"
#endif

#define MAX_QUESTIONNAIRES 16

/* One loaded questionnaire and its rules engine, reused across answers files
   (a batch may mix questionnaires; each is loaded once). */
typedef struct Loaded {
    char path[4096];
    RkQuestionnaire *q;
    RkRules *rules;
} Loaded;

typedef struct Cache {
    Loaded items[MAX_QUESTIONNAIRES];
    size_t count;
} Cache;

static void print_diag(const RkDiag *d)
{
    if (d->warnings[0])
        fputs(d->warnings, stderr);
    if (d->status == RK_OK)
        return;
    char buf[2048];
    fprintf(stderr, "readykit: %s\n", rk_diag_format(d, buf, sizeof buf));
    if (d->more[0])
        fputs(d->more, stderr);
}

/* Add context at the end of the recorded error's first line (before any
   traceback), if it fits. */
static void append_message(RkDiag *d, const char *fmt, const char *arg)
{
    char extra[600], rest[sizeof d->message];
    snprintf(extra, sizeof extra, fmt, arg);
    char *nl = strchr(d->message, '\n');
    size_t head = nl ? (size_t)(nl - d->message) : strlen(d->message);
    if (strlen(d->message) + strlen(extra) >= sizeof d->message)
        return;
    snprintf(rest, sizeof rest, "%s", d->message + head);
    snprintf(d->message + head, sizeof d->message - head, "%s%s", extra, rest);
}

/* The questionnaire (and its rules engine) for path, loading it once. */
static RkStatus load_cached(Cache *c, const char *path, const Options *o, Loaded **out,
                            RkDiag *d)
{
    /* The same file reached by two paths (next to the answers, through
       READYKIT_PATH...) is loaded once. */
    char *real = realpath(path, NULL);
    const char *key = real ? real : path;
    for (size_t i = 0; i < c->count; i++)
        if (strcmp(c->items[i].path, key) == 0) {
            free(real);
            *out = &c->items[i];
            return RK_OK;
        }
    if (c->count == MAX_QUESTIONNAIRES) {
        free(real);
        return rk_diag_set(d, RK_EUSAGE, path, 0, 0, "more than %d questionnaires in one run",
                           MAX_QUESTIONNAIRES);
    }
    Loaded *l = &c->items[c->count];
    snprintf(l->path, sizeof l->path, "%s", key);
    free(real);
    RkStatus s = rk_questionnaire_load(path, &l->q, d);
    if (s == RK_OK && o->lang && strcmp(rk_questionnaire_lang(l->q, o->lang), o->lang) != 0)
        rk_diag_warn(d, path, 0, 0, "--lang %s: this questionnaire is not written in '%s'; "
                     "using '%s'", o->lang, o->lang, rk_questionnaire_lang(l->q, o->lang));
    if (s == RK_OK)
        s = rk_rules_new(l->q, &o->rules, &l->rules, d);
    if (s != RK_OK) {
        rk_questionnaire_free(l->q);
        l->q = NULL;
        return s;
    }
    c->count++;
    *out = l;
    return RK_OK;
}

static void cache_free(Cache *c)
{
    for (size_t i = 0; i < c->count; i++) {
        rk_rules_free(c->items[i].rules);
        rk_questionnaire_free(c->items[i].q);
    }
}

/* Load and score one answers file: its questionnaire from -q or the search
   path, then the answers (the file is parsed once), then the rules. On
   success the caller owns *answers and *result. */
static RkStatus score_file(Cache *c, const Options *o, const char *file, Loaded **loaded,
                           RkAnswers **answers, RkResult **result, RkDiag *d)
{
    RkNodeTree *tree;
    RkStatus s = rk_node_load_file(file, &tree, d);
    if (s != RK_OK)
        return s;
    char qpath[4096], id[256];
    const char *path = o->questionnaire;
    if (!path) {
        s = rk_answers_peek_tree(tree, id, sizeof id, d);
        if (s == RK_OK)
            s = rk_locate_questionnaire(id, file, qpath, sizeof qpath, d);
        path = qpath;
    }
    if (s == RK_OK)
        s = load_cached(c, path, o, loaded, d);
    if (s == RK_OK)
        s = rk_answers_from_tree(tree, (*loaded)->q, answers, d);
    rk_node_tree_free(tree);
    if (s != RK_OK)
        return s;
    s = rk_rules_check_answers((*loaded)->rules, *answers, d);
    if (s == RK_OK) {
        s = rk_rules_score((*loaded)->rules, *answers, result, d);
        /* A rule error names the rule file; say which answers file too. */
        if (s != RK_OK && strcmp(d->file, file) != 0)
            append_message(d, " [answers %s]", file);
    }
    if (s != RK_OK) {
        rk_answers_free(*answers);
        *answers = NULL;
    }
    return s;
}

static const char *label_lang(const Options *o, const RkQuestionnaire *q, const RkAnswers *a)
{
    return rk_questionnaire_lang(q, o->lang ? o->lang : a ? a->language : NULL);
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
        Cache c = {0};
        Loaded *l;
        if (load_cached(&c, o.files[i], &o, &l, &d) == RK_OK) {
            const RkQuestionnaire *q = l->q;
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
        cache_free(&c);
    }
    return status;
}

/* readykit score ANSWERS... */
static int cmd_score(int argc, char **argv)
{
    Options o = {0};
    int rc = rk_cli_parse(argc, argv, rk_cli_score_help, true, &o);
    if (rc)
        return rc < 0 ? RK_OK : rc;
    if (o.n_files == 0)
        return rk_cli_usage_error("score needs at least one answers file%s", "");
    Cache cache = {0};
    RkBuf out;
    rk_buf_init(&out);
    int status = RK_OK;
    const RkQuestionnaire *csv_q = NULL; /* whose pillars the CSV columns are */
    for (int i = 0; i < o.n_files; i++) {
        RkDiag d;
        rk_diag_init(&d);
        Loaded *l = NULL;
        RkAnswers *a = NULL;
        RkResult *r = NULL;
        if (score_file(&cache, &o, o.files[i], &l, &a, &r, &d) == RK_OK) {
            RkReportInput in = {l->q, a, r, o.files[i], label_lang(&o, l->q, a)};
            if (o.format == FORMAT_JSON) {
                rk_report_json(&out, &in);
            } else if (o.format == FORMAT_CSV) {
                /* One header, so one questionnaire: its pillars are the columns. */
                if (!csv_q) {
                    csv_q = l->q;
                    rk_report_csv_header(&out, l->q, r);
                }
                if (strcmp(csv_q->id, l->q->id) == 0)
                    rk_report_csv_row(&out, &in);
                else
                    rk_diag_set(&d, RK_EUSAGE, o.files[i], 0, 0,
                                "answers questionnaire '%s' but the CSV columns are those of "
                                "'%s': score each questionnaire into its own CSV",
                                l->q->id, csv_q->id);
            } else {
                rk_report_text(&out, &in);
            }
        }
        print_diag(&d);
        if (d.status != RK_OK && status == RK_OK)
            status = d.status;
        rk_result_free(r);
        rk_answers_free(a);
        /* Stream to stdout as we go so thousands of files need no big buffer. */
        if (!o.output && out.len) {
            fwrite(out.data, 1, out.len, stdout);
            out.len = 0;
        }
    }
    if (o.output && status == RK_OK) {
        RkDiag d;
        rk_diag_init(&d);
        if (out.failed)
            rk_diag_set(&d, RK_EINTERNAL, o.output, 0, 0, "out of memory");
        else
            rk_file_write_atomic(o.output, out.data ? out.data : "", out.len, &d);
        print_diag(&d);
        status = d.status;
    } else if (o.output) {
        fprintf(stderr, "readykit: %s not written because an answers file failed\n", o.output);
    }
    rk_buf_free(&out);
    cache_free(&cache);
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
    Cache cache = {0};
    Loaded *l = NULL;
    RkAnswers *a = NULL;
    RkResult *r = NULL;
    if (score_file(&cache, &o, o.files[0], &l, &a, &r, &d) == RK_OK) {
        RkReportInput in = {l->q, a, r, o.files[0], label_lang(&o, l->q, a)};
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
    rk_result_free(r);
    rk_answers_free(a);
    cache_free(&cache);
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
    } else if (strcmp(cmd, "ask") == 0) {
        status = rk_ask_main(argc - 1, argv + 1);
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
