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
#include "readykit/safetext.h"

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
    "multi-choice values separated by commas ([] for none of them), then\n"
    "optionally ' | note | source'.\n"
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
    const char *texts[] = {o->subject, o->respondent};
    for (size_t i = 0; i < 2; i++)
        if (texts[i] && rk_control_in(texts[i], strlen(texts[i])) >= 0)
            return rk_cli_usage_error("'%s' holds a control character, which no answers "
                                      "file may hold", texts[i]);
    return 0;
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
    RkStatus s = rk_locate_by_name(name, out, size, d);
    if (s == RK_OK && !rk_file_exists(out))
        return rk_diag_set(d, RK_ENOINPUT, name, 0, 0, "no such file");
    /* An id is also looked for next to the answers file to write. */
    if (s != RK_OK) {
        RkDiag near_d;
        rk_diag_init(&near_d);
        if (rk_locate_questionnaire(name, near, out, size, &near_d) == RK_OK) {
            rk_diag_init(d);
            return RK_OK;
        }
    }
    return s;
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

/* Header field key: as given on the command line, else asked at the
   terminal (empty leaves it out). */
static RkStatus header_field(Ask *k, const char *key, const char *given, RkAskLabel label)
{
    char line[1024] = "", prompt[128];
    if (!given && k->term) {
        snprintf(prompt, sizeof prompt, "%s%s", rk_ask_label(k->lang, label),
                 rk_labels_for(k->lang)->colon);
        if (rk_term_line(k->term, prompt, NULL, line, sizeof line) == RK_LINE_INTERRUPT)
            return RK_EINTERRUPT;
        given = line;
    }
    rk_answers_set_field(k->a, key, given);
    return RK_OK;
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
    if (o->lang && !rk_questionnaire_speaks(k->q, o->lang))
        rk_diag_warn(d, qpath, 0, 0, "--lang %s: this questionnaire is not written in '%s'; "
                     "using '%s'", o->lang, o->lang, k->lang);
    k->a = rk_answers_new(k->q);
    if (!k->a)
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    char date[16], line[1024];
    today(date, sizeof date);
    if (k->term && (!o->subject || !o->respondent)) {
        RkBuf b;
        rk_buf_init(&b);
        rk_buf_puts(&b, k->term->dumb ? "\r\n" : "\033[H\033[2J");
        rk_ask_wrap(&b, rk_text_get(&k->q->title, k->lang, k->q->languages[0]), 80, "");
        rk_buf_puts(&b, "\r\n");
        rk_term_write(k->term, b.data, b.len);
        rk_buf_free(&b);
    }
    if (header_field(k, "subject", o->subject, RK_A_SUBJECT) != RK_OK ||
        header_field(k, "respondent", o->respondent, RK_A_RESPONDENT) != RK_OK)
        return RK_EINTERRUPT;
    const char *subject = k->a->subject;
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
    k->path = path;
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
        s = rk_ask_refresh(&k, &d);
    int status = s;
    if (s == RK_OK) {
        rk_ask_flow_resume(k.f, k.a);
        status = k.term ? rk_ask_screens(&k, o.review) : rk_ask_piped(&k);
    } else if (s == RK_EINTERRUPT || rk_term_signal()) {
        if (k.term)
            rk_term_close(k.term);
        status = RK_EINTERRUPT;
        if (k.path)
            status = rk_ask_interrupted(&k, rk_term_signal() == SIGINT);
        else if (rk_term_signal() == SIGINT)
            fputs("readykit: interrupted before anything was saved\n", stderr);
    }
    if (k.term)
        rk_term_close(k.term);
    rk_cli_print_diag(&d);
    rk_ask_flow_free(k.f);
    rk_answers_free(k.a);
    rk_rules_free(k.rules);
    rk_questionnaire_free(k.q);
    return status;
}
