/* ask: the `readykit ask` command: options, a new answers file or one to
   resume, saving after every change, the summary at the end. The screens
   are in ask_screen.c, the piped mode in ask_piped.c. */
#include "ask.h"

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ask_internal.h"
#include "cli.h"
#include "readykit/locate.h"
#include "readykit/report.h"

static const char help[] =
    "Usage: readykit ask QUESTIONNAIRE [-o ANSWERS] [--lang L] [--subject S] [--respondent R]\n"
    "       readykit ask --resume ANSWERS [-q QUESTIONNAIRE]\n"
    "       readykit ask ANSWERS --review\n"
    "\n"
    "Take a questionnaire at the terminal. Every answer, note and source is saved\n"
    "to the answers file as soon as it is given; Ctrl-C stops (exit 130) and\n"
    "--resume goes on from the first applicable question without an answer.\n"
    "QUESTIONNAIRE is a file or an id found on the search path (like score).\n"
    "\n"
    "Without a terminal (standard input not a tty) one answer is read per line,\n"
    "in question order: empty skips, dont_know, a choice's number or value,\n"
    "multi-choice values separated by commas, then optionally ' | note | source'.\n"
    "\n"
    "  -o, --output FILE        the answers file (default: from the subject)\n"
    "  -l, --lang LANG          language of the questions and of the file\n"
    "      --subject TEXT       what is assessed (country, region, city)\n"
    "      --respondent TEXT    who answers\n"
    "      --resume             continue the answers file given\n"
    "      --review             open the review screen of the answers file given\n"
    "  -q, --questionnaire FILE the questionnaire of --resume/--review (default:\n"
    "                           found from the answers' questionnaire: id)\n"
    "  -h, --help               this help\n"
    "\n"
    "Keys: arrows or a number pick, Enter confirms, space ticks (multi), ? help,\n"
    "< back, > skip, n note and source, r review, q save and quit.\n";

typedef struct AskOptions {
    const char *output, *lang, *subject, *respondent, *questionnaire;
    bool resume, review;
    const char *file;
} AskOptions;

enum { OPT_SUBJECT = 300, OPT_RESPONDENT, OPT_RESUME, OPT_REVIEW };

/* Returns 0, a usage status, or -1 when help was printed. */
static int parse(int argc, char **argv, AskOptions *o)
{
    static const struct option longs[] = {
        {"help", no_argument, NULL, 'h'},
        {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'},
        {"questionnaire", required_argument, NULL, 'q'},
        {"subject", required_argument, NULL, OPT_SUBJECT},
        {"respondent", required_argument, NULL, OPT_RESPONDENT},
        {"resume", no_argument, NULL, OPT_RESUME},
        {"review", no_argument, NULL, OPT_REVIEW},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":ho:l:q:", longs, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(help, stdout); return -1;
        case 'o': o->output = optarg; break;
        case 'l': o->lang = optarg; break;
        case 'q': o->questionnaire = optarg; break;
        case OPT_SUBJECT: o->subject = optarg; break;
        case OPT_RESPONDENT: o->respondent = optarg; break;
        case OPT_RESUME: o->resume = true; break;
        case OPT_REVIEW: o->review = true; break;
        case ':': return rk_cli_usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return rk_cli_usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind != 1)
        return rk_cli_usage_error("ask needs one file: a questionnaire, or the answers "
                                  "file of --resume/--review%s", "");
    o->file = argv[optind];
    if ((o->resume || o->review) && (o->output || o->subject || o->respondent))
        return rk_cli_usage_error("--resume and --review continue an answers file: -o, "
                                  "--subject and --respondent belong to a new one%s", "");
    return 0;
}

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

/* rk_rules_applicable in the flow's callback shape. */
static RkStatus applicable(void *rules, const RkAnswers *a, const RkQuestion *qn, bool *out,
                           RkDiag *d)
{
    return rk_rules_applicable(rules, a, qn, out, d);
}

RkStatus rk_ask_commit(Ask *k, const RkQuestion *qn, const RkAnswer *prev, RkDiag *d)
{
    RkStatus s = rk_rules_check_answer(k->rules, k->a, qn, d);
    if (s == RK_EDATA) {
        k->a->by_question[qn->index] = *prev;
        return s;
    }
    if (s == RK_OK)
        s = rk_answers_save(k->a, k->path, d);
    if (s == RK_OK)
        s = rk_ask_flow_refresh(k->f, k->a, applicable,
                                k->rules, d);
    return s;
}

RkStatus rk_ask_apply_text(Ask *k, const RkQuestion *qn, const char *text, RkDiag *d)
{
    RkAnswer prev = k->a->by_question[qn->index];
    RkStatus s = RK_OK;
    if (strcmp(text, "dont_know") == 0) {
        if (!qn->dont_know)
            return rk_diag_set(d, RK_EDATA, NULL, 0, 0,
                               "this question does not accept dont_know");
        rk_answers_set_dont_know(k->a, qn);
    } else if (qn->type == RK_Q_MULTI) {
        /* Values separated by commas, each a number or a value. */
        char buf[4096];
        const char *vals[64];
        size_t n = 0;
        snprintf(buf, sizeof buf, "%s", text);
        for (char *p = strtok(buf, ","); p && n < 64; p = strtok(NULL, ",")) {
            while (*p == ' ')
                p++;
            size_t len = strlen(p);
            while (len && p[len - 1] == ' ')
                p[--len] = '\0';
            long i = rk_ask_choice_find(qn, p);
            vals[n++] = i >= 0 ? qn->choices[i].value : p;
        }
        s = rk_answers_set_multi(k->a, qn, vals, n, d);
    } else if (qn->n_choices) {
        long i = rk_ask_choice_find(qn, text);
        s = rk_answers_set(k->a, qn, i >= 0 ? qn->choices[i].value : text, d);
    } else {
        s = rk_answers_set(k->a, qn, text, d);
    }
    return s == RK_OK ? rk_ask_commit(k, qn, &prev, d) : s;
}

RkStatus rk_ask_set_evidence(Ask *k, const RkQuestion *qn, const char *note,
                             const char *source, RkDiag *d)
{
    rk_answers_set_evidence(k->a, qn, note, source);
    return rk_answers_save(k->a, k->path, d);
}

/* Applicable questions asking for evidence whose answer has no source. */
static size_t without_source(const Ask *k)
{
    size_t n = 0;
    for (size_t i = 0; i < k->q->n_questions; i++) {
        const RkAnswer *an = &k->a->by_question[i];
        n += k->q->questions[i]->evidence && k->f->applicable[i] &&
             an->state != RK_ANSWER_NONE && !an->source;
    }
    return n;
}

int rk_ask_finish(Ask *k)
{
    RkDiag d;
    rk_diag_init(&d);
    RkResult *r = NULL;
    if (rk_rules_score(k->rules, k->a, &r, &d) != RK_OK) {
        print_diag(&d);
        return d.status;
    }
    RkBuf b;
    rk_buf_init(&b);
    RkReportInput in = {k->q, k->a, r, k->path, k->lang};
    rk_report_text(&b, &in);
    rk_buf_puts(&b, "\n");
    rk_buf_printf(&b, rk_ask_label(k->lang, RK_A_WITHOUT_SOURCE), without_source(k));
    rk_buf_printf(&b, "\n%s:\n  readykit report ", rk_ask_label(k->lang, RK_A_PDF));
    rk_ask_shell_word(&b, k->path);
    rk_buf_puts(&b, " -o ");
    char pdf[4096];
    size_t n = strlen(k->path);
    if (n > 5 && strcmp(k->path + n - 5, ".yaml") == 0)
        n -= 5;
    snprintf(pdf, sizeof pdf, "%.*s.pdf", (int)n, k->path);
    rk_ask_shell_word(&b, pdf);
    rk_buf_printf(&b, "\n%s:\n  readykit ask ", rk_ask_label(k->lang, RK_A_CHANGE));
    rk_ask_shell_word(&b, k->path);
    rk_buf_puts(&b, " --review\n");
    fwrite(b.data, 1, b.len, stdout);
    rk_buf_free(&b);
    rk_result_free(r);
    return RK_OK;
}

int rk_ask_interrupted(Ask *k, bool say)
{
    int sig = rk_term_signal();
    if (say) {
        RkBuf b;
        rk_buf_init(&b);
        rk_buf_puts(&b, "readykit: interrupted; answers saved; resume with: readykit ask --resume ");
        rk_ask_shell_word(&b, k->path);
        rk_buf_puts(&b, "\n");
        fwrite(b.data, 1, b.len, stderr);
        rk_buf_free(&b);
    }
    return sig == SIGINT || sig == 0 ? RK_EINTERRUPT : 128 + sig;
}

/* Does the answers file hold comments beyond the line readykit writes?
   They are lost at the first save: say so once. */
static void check_comments(Ask *k)
{
    char *text = NULL;
    size_t len = 0;
    RkDiag d;
    rk_diag_init(&d);
    if (rk_file_read(k->path, 0, &text, &len, &d) != RK_OK)
        return;
    size_t n = 0;
    bool first = true;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        const char *p = line + strspn(line, " \t");
        if (*p == '#' && !(first && strncmp(p, "# readykit answers:", 19) == 0))
            n++;
        first = false;
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    if (n)
        snprintf(k->notice, sizeof k->notice,
                 "%s has %zu comment line%s: they will be lost at the first save (values, "
                 "notes, sources and header fields are kept).", k->path, n, n > 1 ? "s" : "");
}

/* The questionnaire named on the command line: a file, or an id on the
   search path. */
static RkStatus find_questionnaire(const char *name, const char *near, char *out,
                                   size_t size, RkDiag *d)
{
    if (rk_file_exists(name) || strchr(name, '/') || strstr(name, ".yaml") ||
        strstr(name, ".yml")) {
        snprintf(out, size, "%s", name);
        return rk_file_exists(name) ? RK_OK
                                    : rk_diag_set(d, RK_ENOINPUT, name, 0, 0, "no such file");
    }
    return rk_locate_questionnaire(name, near, out, size, d);
}

static RkStatus load_engine(Ask *k, const char *qpath, RkDiag *d)
{
    RkRulesOptions ro = {0};
    RkStatus s = rk_questionnaire_load(qpath, &k->q, d);
    if (s == RK_OK)
        s = rk_rules_new(k->q, &ro, &k->rules, d);
    return s;
}

/* Today as YYYY-MM-DD (SOURCE_DATE_EPOCH when set, for reproducible files). */
static void today(char *buf, size_t size)
{
    long long e = rk_source_date_epoch();
    time_t t = e >= 0 ? (time_t)e : time(NULL);
    struct tm tm;
    if (e >= 0)
        gmtime_r(&t, &tm);
    else
        localtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%d", &tm);
}

/* A new answers file: header fields, a name, no silent overwrite. */
static RkStatus start_new(Ask *k, const AskOptions *o, char *path, size_t size, RkDiag *d)
{
    char qpath[4096];
    RkStatus s = find_questionnaire(o->file, o->output ? o->output : "./answers.yaml", qpath,
                                    sizeof qpath, d);
    if (s == RK_OK)
        s = load_engine(k, qpath, d);
    if (s != RK_OK)
        return s;
    k->lang = rk_questionnaire_lang(k->q, o->lang);
    if (o->lang && strcmp(k->lang, o->lang) != 0)
        rk_diag_warn(d, qpath, 0, 0, "--lang %s: this questionnaire is not written in '%s'; "
                     "using '%s'", o->lang, o->lang, k->lang);
    k->a = rk_answers_new(k->q);
    if (!k->a)
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    char date[16], line[1024];
    today(date, sizeof date);
    const char *subject = o->subject, *respondent = o->respondent;
    if (k->term && !subject) {
        snprintf(line, sizeof line, "%s", "");
        char prompt[128];
        snprintf(prompt, sizeof prompt, "%s%s", rk_ask_label(k->lang, RK_A_SUBJECT), rk_labels_for(k->lang)->colon);
        if (rk_term_line(k->term, prompt, NULL, line, sizeof line) == RK_LINE_INTERRUPT)
            return RK_EINTERRUPT;
        rk_answers_set_field(k->a, "subject", line);
        subject = k->a->subject;
    }
    if (k->term && !respondent) {
        char prompt[128];
        snprintf(prompt, sizeof prompt, "%s%s", rk_ask_label(k->lang, RK_A_RESPONDENT), rk_labels_for(k->lang)->colon);
        if (rk_term_line(k->term, prompt, NULL, line, sizeof line) == RK_LINE_INTERRUPT)
            return RK_EINTERRUPT;
        rk_answers_set_field(k->a, "respondent", line);
        respondent = k->a->respondent;
    }
    rk_answers_set_field(k->a, "subject", subject);
    rk_answers_set_field(k->a, "respondent", respondent);
    rk_answers_set_field(k->a, "date", date);
    rk_answers_set_field(k->a, "language", k->lang);
    if (o->output) {
        snprintf(path, size, "%s", o->output);
    } else {
        char slug[200];
        rk_ask_slug(subject ? subject : "", slug, sizeof slug);
        if (slug[0])
            snprintf(path, size, "%s.yaml", slug);
        else
            snprintf(path, size, "%s-answers.yaml", k->q->id);
    }
    k->path = path;
    if (rk_file_exists(path)) {
        bool yes = false;
        if (k->term) {
            char prompt[4200];
            snprintf(prompt, sizeof prompt, "%s exists. Replace it? [y/N] ", path);
            if (rk_term_line(k->term, prompt, NULL, line, sizeof line) == RK_LINE_INTERRUPT)
                return RK_EINTERRUPT;
            yes = line[0] == 'y' || line[0] == 'Y' || line[0] == 'o' || line[0] == 'O' ||
                  line[0] == 's' || line[0] == 'S';
        }
        if (!yes)
            return rk_diag_set(d, RK_ECANTCREAT, path, 0, 0,
                               "the answers file exists and was left as it was; continue it "
                               "with: readykit ask --resume %s (or name another with -o)",
                               path);
    }
    return rk_answers_save(k->a, path, d);
}

/* An answers file to continue (--resume, --review). */
static RkStatus start_resume(Ask *k, const AskOptions *o, RkDiag *d)
{
    char qpath[4096], id[256];
    RkStatus s = RK_OK;
    if (o->questionnaire) {
        snprintf(qpath, sizeof qpath, "%s", o->questionnaire);
    } else {
        s = rk_answers_peek(o->file, id, sizeof id, d);
        if (s == RK_OK)
            s = rk_locate_questionnaire(id, o->file, qpath, sizeof qpath, d);
    }
    if (s == RK_OK)
        s = load_engine(k, qpath, d);
    if (s == RK_OK)
        s = rk_answers_load(o->file, k->q, &k->a, d);
    if (s != RK_OK)
        return s;
    k->path = o->file;
    k->lang = rk_questionnaire_lang(k->q, o->lang ? o->lang : k->a->language);
    check_comments(k);
    return RK_OK;
}

/* French and Spanish must display and edit right whatever the locale says. */
static void utf8_locale(void)
{
    setlocale(LC_CTYPE, "");
    const char *cs = nl_langinfo(CODESET);
    if (!cs || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0))
        setlocale(LC_CTYPE, "C.UTF-8");
}

int rk_ask_main(int argc, char **argv)
{
    AskOptions o = {0};
    int rc = parse(argc, argv, &o);
    if (rc)
        return rc < 0 ? RK_OK : rc;
    bool tty = isatty(0) && isatty(1);
    if (o.review && !tty)
        return rk_cli_usage_error("--review needs a terminal (standard input and output); "
                                  "to change %s without one, edit it or pipe answers to "
                                  "--resume", o.file);
    utf8_locale();
    rk_term_catch_signals();
    Ask k = {0};
    RkTerm term;
    if (tty && rk_term_open(&term))
        k.term = &term;
    RkDiag d;
    rk_diag_init(&d);
    char path[4096];
    RkStatus s = o.resume || o.review ? start_resume(&k, &o, &d)
                                      : start_new(&k, &o, path, sizeof path, &d);
    k.f = s == RK_OK ? rk_ask_flow_new(k.q) : NULL;
    if (s == RK_OK && !k.f)
        s = rk_diag_set(&d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    if (s == RK_OK)
        s = rk_ask_flow_refresh(k.f, k.a, applicable, k.rules, &d);
    int status = s;
    if (s == RK_OK) {
        rk_ask_flow_resume(k.f, k.a);
        status = k.term ? rk_ask_screens(&k, o.review) : rk_ask_piped(&k);
    } else if (s == RK_EINTERRUPT || rk_term_signal()) {
        if (k.term)
            rk_term_close(k.term);
        status = k.path ? rk_ask_interrupted(&k, rk_term_signal() == SIGINT) : RK_EINTERRUPT;
    }
    if (k.term)
        rk_term_close(k.term);
    print_diag(&d);
    rk_ask_flow_free(k.f);
    rk_answers_free(k.a);
    rk_rules_free(k.rules);
    rk_questionnaire_free(k.q);
    return status;
}
