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

#include "ask.h"
#include "cli.h"
#include "readykit/answers.h"
#include "readykit/batch.h"
#include "readykit/fileio.h"
#include "readykit/locate.h"
#include "readykit/migrate.h"
#include "readykit/node.h"
#include "readykit/questionnaire.h"
#include "readykit/report.h"
#include "readykit/result.h"
#include "readykit/rules.h"

static void print_diag(const RkDiag *d)
{
    rk_cli_print_diag(d);
}

/* Is path an answers file (a top-level questionnaire: id and no pillars)?
   Then its questionnaire id is copied to qid. */
static bool is_answers_file(const char *path, char *qid, size_t size)
{
    RkDiag d;
    rk_diag_init(&d);
    RkNodeTree *t;
    if (rk_node_load_file(path, &t, &d) != RK_OK)
        return false;
    const RkNode *id = t->root ? rk_node_get(t->root, "questionnaire") : NULL;
    bool yes = id && id->kind == RK_NODE_SCALAR && !rk_node_get(t->root, "pillars");
    if (yes)
        snprintf(qid, size, "%s", id->text);
    rk_node_tree_free(t);
    return yes;
}

/* check --against OLD: does q account for every question of OLD? */
static void check_against(const RkQuestionnaire *q, const char *path, RkDiag *d)
{
    RkQuestionnaire *old = NULL;
    RkCompat c;
    if (rk_questionnaire_load(path, &old, d) == RK_OK &&
        rk_questionnaire_check_against(q, old, &c, d) == RK_OK)
        printf("%s: ok against %s %s: of its %zu questions %zu kept, %zu replaced, %zu "
               "retired\n", q->path, old->id, old->version ? old->version : "",
               old->n_questions, c.kept, c.replaced, c.retired);
    rk_questionnaire_free(old);
}

/* Answers name their questionnaire by id and score looks for ID.yaml, so a
   questionnaire saved under another name is not found from its answers. */
static void warn_name_is_not_id(const char *path, const char *id, RkDiag *d)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strcspn(base, ".");
    if (strlen(id) == n && strncmp(base, id, n) == 0 &&
        (strcmp(base + n, ".yaml") == 0 || strcmp(base + n, ".yml") == 0))
        return;
    rk_diag_warn(d, path, 0, 0, "its id is '%s' but the file is named %s: answers find their "
                 "questionnaire by id, so 'readykit score' will look for %s.yaml; rename the "
                 "file, or score with -q %s", id, base, id, path);
}

/* The --rules files of check's summary line (the last n loaded), each with
   "skipped" when rk.requires left it out: the user sees their file was
   checked, or why it was not. */
static void print_extra_rules(const RkRules *r, size_t n)
{
    size_t all = rk_rules_n_files(r);
    for (size_t i = all >= n ? all - n : 0; i < all; i++) {
        bool skipped = false;
        const char *name = rk_rules_file(r, i, &skipped);
        printf(", --rules %s%s", name, skipped ? " (skipped: its rk.requires does not match)" : "");
    }
    putchar('\n');
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
        char qid[256], path[4096];
        if (is_answers_file(o.files[i], qid, sizeof qid)) {
            rk_diag_set(&d, RK_EDATA, o.files[i], 0, 0,
                        "this is an answers file (to questionnaire '%s'), not a questionnaire: "
                        "score it with 'readykit score %s', or check its questionnaire with "
                        "'readykit check %s'", qid, o.files[i], qid);
        } else if (rk_locate_by_name(o.files[i], path, sizeof path, &d) == RK_OK &&
                   rk_engines_new(NULL, &o.rules, o.lang, &e, &d) == RK_OK &&
                   rk_engines_load(e, path, &q, &d) == RK_OK &&
                   rk_rules_dry_run(rk_engines_rules(e, q), &d) == RK_OK) {
            printf("%s: ok: %s %s, %zu pillar%s, %zu question%s, languages ", o.files[i],
                   q->id, q->version ? q->version : "", q->n_pillars,
                   q->n_pillars == 1 ? "" : "s", q->n_questions,
                   q->n_questions == 1 ? "" : "s");
            for (size_t k = 0; k < q->n_languages; k++)
                printf("%s%s", k ? ", " : "", q->languages[k]);
            printf(", maximum %.15g weighted points, %zu levels%s%s", q->max_points,
                   q->n_levels, q->rules ? ", rules " : "", q->rules ? q->rules : "");
            print_extra_rules(rk_engines_rules(e, q), o.rules.n_rule_files);
            warn_name_is_not_id(path, q->id, &d);
            if (o.against)
                check_against(q, o.against, &d);
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
    rk_cli_put_safe(stderr, text);
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
    RkStatus s = rk_cli_check_output(&o, &d);
    if (s == RK_OK)
        s = list_files(&o, &files, &d);
    for (size_t i = 0; s == RK_OK && o.output && i < files.n; i++)
        s = rk_cli_not_output(&o, files.names + files.at[i], &d);
    if (s != RK_OK) {
        print_diag(&d);
        rk_file_list_free(&files);
        return d.status;
    }
    if (files.n == 0) {
        rk_file_list_free(&files);
        return rk_cli_usage_error("no answers files to score (an empty list or folder)%s", "");
    }
    if (o.explain && (o.format == FORMAT_CSV || o.aggregate)) {
        rk_file_list_free(&files);
        return rk_cli_usage_error("--explain works with --format text or json, one result per "
                                  "answers file%s (a CSV row has no room for the trace: use "
                                  "--format json)", o.aggregate ? ", not with --aggregate" : "");
    }
    if (o.aggregate) {
        int st = rk_cmd_aggregate(&o, &files);
        rk_file_list_free(&files);
        return st;
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    RkBatchOptions bo = {
        .questionnaire = o.questionnaire,
        .rules = &o.rules,
        .lang = o.lang,
        .format = o.format == FORMAT_JSON ? RK_BATCH_JSON
                  : o.format == FORMAT_CSV ? RK_BATCH_CSV : RK_BATCH_TEXT,
        .no_header = o.no_header,
        .explain = o.explain,
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

/* Score an answers file the report compares with (--compare, --target): it
   must answer the report's questionnaire. */
static RkStatus score_other(RkEngines *e, const char *file, const RkQuestionnaire *q,
                            RkScored *out, RkDiag *d)
{
    RkStatus s = rk_engines_score(e, file, out, d);
    if (s == RK_OK && strcmp(out->q->id, q->id) != 0)
        s = rk_diag_set(d, RK_EDATA, file, 0, 0, "answers questionnaire '%s', but the report "
                        "is about '%s': compare answers of one questionnaire", out->q->id, q->id);
    return s;
}

/* readykit report ANSWERS -o OUT.pdf */
static int cmd_report(int argc, char **argv)
{
    Options o = {0};
    int rc = rk_cli_parse(argc, argv, rk_cli_report_help, true, &o);
    if (rc)
        return rc < 0 ? RK_OK : rc;
    if (o.aggregate)
        return rk_cmd_report_aggregate(&o);
    if (o.n_files != 1)
        return rk_cli_usage_error("report needs exactly one answers file%s",
                                  o.n_files > 1 ? " (one PDF each: run it once per file, e.g. "
                                                  "in a shell 'for' loop; --aggregate makes one "
                                                  "report of several respondents)" : "");
    if (!o.output)
        return rk_cli_usage_error("report needs -o OUT.pdf%s", "");
    RkDiag d;
    rk_diag_init(&d);
    RkEngines *e = NULL;
    RkScored sc = {0}, early = {0}, target = {0};
    RkStatus s = rk_cli_check_output(&o, &d);
    if (s == RK_OK)
        s = rk_engines_new(o.questionnaire, &o.rules, o.lang, &e, &d);
    if (s == RK_OK)
        s = rk_engines_score(e, o.files[0], &sc, &d);
    if (s == RK_OK && o.compare)
        s = score_other(e, o.compare, sc.q, &early, &d);
    if (s == RK_OK && o.target)
        s = score_other(e, o.target, sc.q, &target, &d);
    if (s == RK_OK) /* the questionnaire found for the answers, and its rules */
        s = rk_cli_not_output(&o, sc.q->path, &d);
    if (s == RK_OK)
        s = rk_cli_not_output(&o, sc.q->rules, &d);
    if (s == RK_OK) {
        RkReportInput in = {sc.q, sc.answers, sc.result, o.files[0], sc.lang};
        const RkAnswers *ea = early.answers, *ta = target.answers;
        RkReportPdfOptions po = {.creator = "readykit " RK_VERSION,
                                 .paper = o.letter ? RK_REPORT_LETTER : RK_REPORT_A4,
                                 .earlier = early.result, .target = target.result,
                                 .earlier_label = ea && ea->date ? ea->date : o.compare,
                                 .target_label = ta && ta->subject ? ta->subject : o.target,
                                 .no_default_rules = o.rules.no_default_rules,
                                 .rule_files = o.rule_files, .n_rule_files = o.n_rule_files};
        if (rk_report_pdf_with(&in, &po, o.output, &d) == RK_OK) {
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
    rk_scored_free(&early);
    rk_scored_free(&target);
    rk_engines_free(e);
    return d.status;
}

/* readykit migrate ANSWERS [-q Q] [-o NEW | --in-place] */
static int cmd_migrate(int argc, char **argv)
{
    Options o = {0};
    int rc = rk_cli_parse(argc, argv, rk_cli_migrate_help, true, &o);
    if (rc)
        return rc < 0 ? RK_OK : rc;
    if (o.n_files != 1)
        return rk_cli_usage_error("migrate needs exactly one answers file%s", "");
    RkMigrate m = {o.files[0], o.questionnaire, o.output, o.in_place};
    RkDiag d;
    rk_diag_init(&d);
    RkBuf out;
    rk_buf_init(&out);
    RkMigrateSummary sum;
    Options others = o; /* the answers file itself: migrate's own rule (--in-place) */
    others.n_files = 0;
    if (rk_cli_check_output(&others, &d) == RK_OK && rk_migrate(&m, &out, &sum, &d) == RK_OK) {
        fwrite(out.data ? out.data : "", 1, out.len, stdout);
        if (sum.written)
            printf("wrote %s: version %s -> %s, %zu question%s to answer again, %zu "
                   "answer%s kept aside\n", sum.written, sum.from[0] ? sum.from : "(none)",
                   sum.to, sum.not_carried, sum.not_carried == 1 ? "" : "s", sum.retired,
                   sum.retired == 1 ? "" : "s");
    }
    rk_buf_free(&out);
    if (d.status == RK_EUSAGE)
        return rk_cli_usage_error("%s", d.message);
    print_diag(&d);
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
        rk_cli_print_version();
        status = RK_OK;
    } else if (strcmp(cmd, "check") == 0) {
        status = cmd_check(argc - 1, argv + 1);
    } else if (strcmp(cmd, "ask") == 0) {
        status = rk_ask_main(argc - 1, argv + 1);
    } else if (strcmp(cmd, "score") == 0) {
        status = cmd_score(argc - 1, argv + 1);
    } else if (strcmp(cmd, "report") == 0) {
        status = cmd_report(argc - 1, argv + 1);
    } else if (strcmp(cmd, "migrate") == 0) {
        status = cmd_migrate(argc - 1, argv + 1);
    } else if (strcmp(cmd, "list") == 0) {
        status = rk_cmd_list(argc - 1, argv + 1);
    } else if (strcmp(cmd, "show") == 0) {
        status = rk_cmd_show(argc - 1, argv + 1);
    } else if (strcmp(cmd, "template") == 0) {
        status = rk_cmd_template(argc - 1, argv + 1);
    } else if (strcmp(cmd, "new") == 0) {
        status = rk_cmd_new(argc - 1, argv + 1);
    } else if (strcmp(cmd, "export") == 0) {
        status = rk_cmd_export(argc - 1, argv + 1);
    } else if (strcmp(cmd, "import") == 0) {
        status = rk_cmd_import(argc - 1, argv + 1);
    } else {
        status = rk_cli_usage_error("unknown command '%s' (expected ask, check, score, "
                                    "report, migrate, list, show, template, new, export "
                                    "or import)", cmd);
    }
    /* Like jq: a full disk or closed pipe on stdout is an error too. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "readykit: error writing standard output\n");
        if (status == RK_OK)
            status = RK_EIO;
    }
    return status;
}
