/* cli: the command line's words: help texts and option parsing. The
   commands themselves are in main.c. */
#include "cli.h"

#include "readykit/batch.h"
#include "readykit/fileio.h"
#include "readykit/safetext.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <lua.h>
#include <yaml.h>

#ifndef RK_VERSION
#define RK_VERSION "0.0.0-unknown"
#endif

const char rk_cli_usage[] =
    "Usage: readykit COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "Policy-readiness self-assessment: questionnaires in YAML, scoring rules in\n"
    "Lua, reports as text, JSON, CSV or PDF.\n"
    "\n"
    "Commands:\n"
    "  ask QUESTIONNAIRE        take a questionnaire at the terminal (or piped)\n"
    "  check QUESTIONNAIRE      validate a questionnaire (and its rules)\n"
    "  score ANSWERS...         score answers files (text, json or csv)\n"
    "  report ANSWERS -o PDF    write a PDF readiness report\n"
    "  list                     the questionnaires on the search path\n"
    "  show QUESTIONNAIRE [ID]  a questionnaire's pillars and questions\n"
    "  template QUESTIONNAIRE   an answers file to fill in with a text editor\n"
    "  new ID                   start a questionnaire of your own: ID.yaml and ID.lua\n"
    "  migrate ANSWERS -o NEW   rewrite answers made with an earlier questionnaire version\n"
    "  export --xlsform Q -o F  the questionnaire as an XLSForm for KoboToolbox or ODK\n"
    "  import Q CSV -o DIR      a survey tool's CSV export as answers files\n"
    "\n"
    "Options:\n"
    "  -h, --help               this help (readykit COMMAND --help for more)\n"
    "  -V, --version            print the version\n"
    "\n"
    "Exit status: 0 ok, 64 usage, 65 bad questionnaire/answers/rules,\n"
    "66 missing input, 70 internal error, 73 cannot write output, 74 I/O error,\n"
    "130 ask interrupted (its answers are saved).\n";

#define COMMON_HELP \
    "  -q, --questionnaire FILE the questionnaire (default: found from the answers'\n" \
    "                           questionnaire: id next to the answers file, in its\n" \
    "                           parent folder, READYKIT_PATH, ./questionnaires,\n" \
    "                           then the installed ones)\n" \
    "  -r, --rules FILE         add a Lua rule file after the standard scorer and the\n" \
    "                           questionnaire's own rules (repeatable, in order)\n" \
    "      --no-default-rules   skip the questionnaire's own rules file\n" \
    "  -l, --lang LANG          language of labels (default: the answers' language)\n" \
    "      --max-memory MIB     memory cap for rules (default 32)\n" \
    "      --max-instructions N instruction budget per answers file (default 10^8)\n" \
    "      --timeout SECONDS    wall-clock limit per answers file (default 1)\n" \
    "      --max-findings-bytes N  text of all findings per answers file (default\n" \
    "                           1048576, 1 MiB; over it the file fails, exit 65)\n" \
    "  -v, --verbose            longer tracebacks in rule errors\n"

const char rk_cli_check_help[] =
    "Usage: readykit check [OPTIONS] QUESTIONNAIRE...\n"
    "\n"
    "Load and validate each questionnaire and its rules; print one summary line\n"
    "each. Every error of a file is reported as file:line:column: message.\n"
    "Each when: and check, and the rules' layers, are run on an empty assessment\n"
    "and on one where every question has its first choice; an error there (an\n"
    "unanswered question compared) names the question and the guard to write.\n"
    "\n"
    "  -r, --rules FILE         also compile and dry-run this rule file (repeatable)\n"
    "      --no-default-rules   do not load the questionnaire's own rules\n"
    "      --against OLD        check that every question of OLD, an earlier version,\n"
    "                           is kept, replaced or retired, and that 'replaces'\n"
    "                           maps OLD's values (warns about values left unmapped)\n"
    "  -h, --help               this help\n";

const char rk_cli_score_help[] =
    "Usage: readykit score [OPTIONS] ANSWERS...\n"
    "\n"
    "Score answers files. Text by default; --format json prints one JSON object per\n"
    "answers file per line (JSON Lines); --format csv a header row and one row each\n"
    "(columns: the pillars, then every indicator met in the batch).\n"
    "A file that fails is reported with its position and the others are still\n"
    "scored (exit 65). Results come in input order, whatever --jobs.\n"
    "An ANSWERS of '-' reads answers file names from standard input, one per line.\n"
    "\n"
    "  -f, --format FORMAT      text (default), json or csv\n"
    "  -o, --output FILE        write to FILE (atomically; nothing is written if any\n"
    "                           answers file fails) instead of standard output\n"
    "      --dir DIR            score every *.yaml below DIR (recursive, sorted)\n"
    "  -j, --jobs N             score in N worker processes (default 1; 0: one per core)\n"
    "      --no-header          CSV without its header row (parts to join with cat)\n"
    "      --quiet              no progress line (shown when standard error is a\n"
    "                           terminal and the results go elsewhere)\n"
    "      --aggregate          the files are respondents of one consultation: one\n"
    "                           result with a consensus answer per question, each\n"
    "                           pillar's mean, median, min and max, and the questions\n"
    "                           listed by disagreement (text, json; csv: the\n"
    "                           questions only)\n"
    "      --explain            show how each score was reached: the rule files in\n"
    "                           layering order with their SHA-256 and whether\n"
    "                           rk.requires skipped them; per pillar each question's\n"
    "                           answer, points, weight and whether it counted (and\n"
    "                           why not); every rk.cap proposed, by which file and\n"
    "                           line, and which one is reported (ties included).\n"
    "                           text: lines after each summary; json: an \"explain\"\n"
    "                           object in each line. Not with csv (a row has no room\n"
    "                           for it: use json) nor --aggregate (exit 64)\n"
    COMMON_HELP;

const char rk_cli_report_help[] =
    "Usage: readykit report [OPTIONS] ANSWERS -o OUT.pdf\n"
    "\n"
    "Score one answers file and write a PDF readiness report. The scores are also\n"
    "printed on standard output, as 'readykit score' prints them.\n"
    "\n"
    "  -o, --output FILE        the PDF to write (required; replaced atomically)\n"
    "      --compare EARLIER    an earlier answers file of the same questionnaire:\n"
    "                           drawn on the radar, with a change column per pillar\n"
    "      --target TARGET      an answers file describing the profile aimed at:\n"
    "                           drawn on the radar, with the target score per pillar\n"
    "      --paper a4|letter    page size (default a4)\n"
    "      --aggregate          ANSWERS... are the respondents of one consultation:\n"
    "                           the report of their consensus, the number of\n"
    "                           respondents on the cover, the questions they\n"
    "                           disagree on most first among the findings\n"
    COMMON_HELP;

void rk_cli_print_version(void)
{
    /* Lua and libHaru say their version at compile time only; libyaml at run
       time (the shared library may be newer than the headers). */
    printf("readykit %s\n%s, libyaml %s, libHaru %s\n", RK_VERSION, LUA_RELEASE,
           yaml_get_version_string(), HPDF_VERSION_TEXT);
}

/* The command being parsed, so a usage error can point at its own help. */
static const char *current_command;

const char rk_cli_migrate_help[] =
    "Usage: readykit migrate [OPTIONS] ANSWERS [-o NEW | --in-place]\n"
    "\n"
    "Rewrite an answers file made with an earlier version of its questionnaire at\n"
    "the questionnaire's version: answers follow the questions that replace theirs,\n"
    "notes and sources are kept, and answers to retired questions (or values with\n"
    "no counterpart) are kept aside under 'retired:'. A warning names the questions\n"
    "that need a new answer. Without -o the result goes to standard output.\n"
    "\n"
    "  -o, --output FILE        write to FILE (atomically); never the input itself...\n"
    "      --in-place           ...unless this is given: replace ANSWERS atomically\n"
    "  -q, --questionnaire FILE the questionnaire (default: found from the answers'\n"
    "                           questionnaire: id, as for score)\n"
    "  -h, --help               this help\n";

void rk_cli_put_safe(FILE *f, const char *text)
{
    RkBuf b;
    rk_buf_init(&b);
    rk_safe_puts(&b, text, RK_SAFE_NEWLINE | RK_SAFE_TAB);
    if (b.len)
        fwrite(b.data, 1, b.len, f);
    rk_buf_free(&b);
}

RkStatus rk_cli_usage_error(const char *fmt, const char *arg)
{
    RkBuf b;
    rk_buf_init(&b);
    rk_buf_printf(&b, fmt, arg);
    fputs("readykit: ", stderr);
    rk_cli_put_safe(stderr, b.data ? b.data : "");
    rk_buf_free(&b);
    if (current_command)
        fprintf(stderr, "\nTry 'readykit %s --help'.\n", current_command);
    else
        fputs("\nTry 'readykit --help'.\n", stderr);
    return RK_EUSAGE;
}

void rk_cli_log_line(void *ctx, const char *line)
{
    (void)ctx;
    fputs(line, stderr);
    fputc('\n', stderr);
}

void rk_cli_print_diag(const RkDiag *d)
{
    RkBuf text;
    rk_buf_init(&text);
    rk_batch_diag_text(&text, d);
    if (text.len)
        rk_cli_put_safe(stderr, text.data);
    rk_buf_free(&text);
}

RkStatus rk_cli_not_output(const Options *o, const char *input, RkDiag *d)
{
    if (!o->output || !input || strcmp(input, "-") == 0 || !rk_file_same(o->output, input))
        return RK_OK;
    return rk_diag_set(d, RK_EUSAGE, o->output, 0, 0,
                       "the output is an input (%s); give the output another name", input);
}

RkStatus rk_cli_check_output(const Options *o, RkDiag *d)
{
    RkStatus s = RK_OK;
    for (int i = 0; s == RK_OK && i < o->n_files; i++)
        s = rk_cli_not_output(o, o->files[i], d);
    for (size_t i = 0; s == RK_OK && i < o->n_rule_files; i++)
        s = rk_cli_not_output(o, o->rule_files[i], d);
    const char *others[] = {o->questionnaire, o->compare, o->target};
    for (size_t i = 0; s == RK_OK && i < sizeof others / sizeof others[0]; i++)
        s = rk_cli_not_output(o, others[i], d);
    return s;
}

/* A positive number option; returns false on garbage. */
static bool parse_positive(const char *s, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v > 0) || !isfinite(v))
        return false;
    *out = v;
    return true;
}

enum { OPT_IN_PLACE = 320, OPT_AGAINST }; /* migrate, check only */
enum { OPT_NO_DEFAULT = 256, OPT_MAX_MEMORY, OPT_MAX_INSTR, OPT_TIMEOUT, OPT_COMPARE,
       OPT_TARGET, OPT_PAPER };
enum { OPT_MAX_FINDINGS = 360 }; /* the commands that score */
enum { OPT_DIR = 340, OPT_NO_HEADER, OPT_QUIET, OPT_AGGREGATE }; /* score only */
enum { OPT_EXPLAIN = 380 }; /* score only */

/* Parse the options of a command; returns RK_OK, RK_EUSAGE, or -1 when
   help was printed (exit 0). */
int rk_cli_parse(int argc, char **argv, const char *help, bool with_output,
                         Options *o)
{
    static const struct option longs[] = {
        {"help", no_argument, NULL, 'h'},
        {"questionnaire", required_argument, NULL, 'q'},
        {"rules", required_argument, NULL, 'r'},
        {"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT},
        {"lang", required_argument, NULL, 'l'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"in-place", no_argument, NULL, OPT_IN_PLACE},
        {"against", required_argument, NULL, OPT_AGAINST},
        {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
        {"max-instructions", required_argument, NULL, OPT_MAX_INSTR},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"max-findings-bytes", required_argument, NULL, OPT_MAX_FINDINGS},
        {"compare", required_argument, NULL, OPT_COMPARE},
        {"target", required_argument, NULL, OPT_TARGET},
        {"paper", required_argument, NULL, OPT_PAPER},
        {"verbose", no_argument, NULL, 'v'},
        {"jobs", required_argument, NULL, 'j'},
        {"dir", required_argument, NULL, OPT_DIR},
        {"no-header", no_argument, NULL, OPT_NO_HEADER},
        {"quiet", no_argument, NULL, OPT_QUIET},
        {"aggregate", no_argument, NULL, OPT_AGGREGATE},
        {"explain", no_argument, NULL, OPT_EXPLAIN},
        {NULL, 0, NULL, 0},
    };
    current_command = argv[0];
    optind = 1;
    opterr = 0;
    int c;
    double v;
    char *end;
    o->jobs = 1;
    while ((c = getopt_long(argc, argv, ":hq:r:l:f:o:vj:", longs, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(help, stdout);
            return -1;
        case 'q': o->questionnaire = optarg; break;
        case 'r':
            if (o->n_rule_files == MAX_RULE_FILES)
                return rk_cli_usage_error("too many --rules files (at most 64)", "");
            o->rule_files[o->n_rule_files++] = optarg;
            break;
        case OPT_NO_DEFAULT: o->rules.no_default_rules = true; break;
        case 'l': o->lang = optarg; break;
        case 'f':
            if (strcmp(optarg, "text") == 0) o->format = FORMAT_TEXT;
            else if (strcmp(optarg, "json") == 0 || strcmp(optarg, "jsonl") == 0) o->format = FORMAT_JSON;
            else if (strcmp(optarg, "csv") == 0) o->format = FORMAT_CSV;
            else return rk_cli_usage_error("unknown format '%s' (expected text, json or csv)", optarg);
            break;
        case 'o':
            if (!with_output)
                return rk_cli_usage_error("this command takes no -o/--output", "");
            if (!*optarg)
                return rk_cli_usage_error("-o/--output needs a file name, found an empty one%s", "");
            o->output = optarg;
            break;
        case OPT_MAX_MEMORY:
            if (!parse_positive(optarg, &v) || v > 4096)
                return rk_cli_usage_error("--max-memory expects MiB between 1 and 4096, found '%s'", optarg);
            o->rules.memory_limit = (size_t)(v * 1024 * 1024);
            break;
        case OPT_MAX_INSTR:
            if (!parse_positive(optarg, &v) || v < 1000 || v > 1e15)
                return rk_cli_usage_error("--max-instructions expects a count from 1000 to 1e15, found '%s'", optarg);
            o->rules.instruction_budget = (unsigned long long)v;
            break;
        case OPT_MAX_FINDINGS:
            if (!parse_positive(optarg, &v) || v < 1000 || v > 1e9)
                return rk_cli_usage_error("--max-findings-bytes expects bytes from 1000 to "
                                          "1e9, found '%s'", optarg);
            o->rules.max_findings_bytes = (size_t)v;
            break;
        case OPT_TIMEOUT:
            if (!parse_positive(optarg, &v) || v > 3600)
                return rk_cli_usage_error("--timeout expects seconds between 0 and 3600, found '%s'", optarg);
            o->rules.deadline_seconds = v;
            break;
        case 'v': o->rules.verbose = true; break;
        case OPT_IN_PLACE:
            if (help != rk_cli_migrate_help)
                return rk_cli_usage_error("--in-place is an option of migrate only%s", "");
            o->in_place = true;
            break;
        case OPT_AGAINST:
            if (help != rk_cli_check_help)
                return rk_cli_usage_error("--against is an option of check only%s", "");
            o->against = optarg;
            break;
        case OPT_COMPARE: case OPT_TARGET: case OPT_PAPER:
            if (help != rk_cli_report_help)
                return rk_cli_usage_error("'%s' is an option of readykit report", argv[optind - 1]);
            if (c == OPT_COMPARE) o->compare = optarg;
            else if (c == OPT_TARGET) o->target = optarg;
            else if (strcmp(optarg, "a4") == 0 || strcmp(optarg, "letter") == 0) o->letter = optarg[0] == 'l';
            else return rk_cli_usage_error("unknown paper '%s' (expected a4 or letter)", optarg);
            break;
        case 'j':
            if (((v = strtod(optarg, &end)), end == optarg || *end || v < 0 ||
                                 v > 256 || v != (int)v))
                return rk_cli_usage_error("--jobs expects a count from 0 (one per core) to "
                                          "256, found '%s'", optarg);
            o->jobs = (int)v;
            break;
        case OPT_DIR:
            if (o->n_dirs == MAX_RULE_FILES)
                return rk_cli_usage_error("too many --dir folders (at most 64)", "");
            o->dirs[o->n_dirs++] = optarg;
            break;
        case OPT_NO_HEADER: o->no_header = true; break;
        case OPT_QUIET: o->quiet = true; break;
        case OPT_AGGREGATE:
            if (help != rk_cli_score_help && help != rk_cli_report_help)
                return rk_cli_usage_error("--aggregate is an option of score and report%s", "");
            o->aggregate = true;
            break;
        case OPT_EXPLAIN:
            if (help != rk_cli_score_help)
                return rk_cli_usage_error("--explain is an option of score%s", "");
            o->explain = true;
            break;
        case ':': return rk_cli_usage_error("option '%s' needs a value", argv[optind - 1]);
        default:
            if (optopt > 0 && optopt < 128) { /* a short option, maybe inside "-abc" */
                char name[3] = {'-', (char)optopt, '\0'};
                return rk_cli_usage_error("unknown option '%s'", name);
            }
            return rk_cli_usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    o->rules.rule_files = o->rule_files;
    o->rules.n_rule_files = o->n_rule_files;
    o->rules.lang = o->lang;
    o->rules.log = rk_cli_log_line;
    o->files = argv + optind;
    o->n_files = argc - optind;
    return RK_OK;
}
