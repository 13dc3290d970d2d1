/* cli: the command line's words: help texts and option parsing. The
   commands themselves are in main.c. */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    "                           parent folder, READYKIT_PATH, ./questionnaires)\n" \
    "  -r, --rules FILE         add a Lua rule file after the standard scorer and the\n" \
    "                           questionnaire's own rules (repeatable, in order)\n" \
    "      --no-default-rules   skip the questionnaire's own rules file\n" \
    "  -l, --lang LANG          language of labels (default: the answers' language)\n" \
    "      --max-memory MIB     memory cap for rules (default 32)\n" \
    "      --max-instructions N instruction budget per answers file (default 10^8)\n" \
    "      --timeout SECONDS    wall-clock limit per answers file (default 1)\n" \
    "  -v, --verbose            longer tracebacks in rule errors\n"

const char rk_cli_check_help[] =
    "Usage: readykit check [OPTIONS] QUESTIONNAIRE...\n"
    "\n"
    "Load and validate each questionnaire and its rules; print one summary line\n"
    "each. Every error of a file is reported as file:line:column: message.\n"
    "\n"
    "  -r, --rules FILE         also compile this rule file (repeatable)\n"
    "      --no-default-rules   do not load the questionnaire's own rules\n"
    "  -h, --help               this help\n";

const char rk_cli_score_help[] =
    "Usage: readykit score [OPTIONS] ANSWERS...\n"
    "\n"
    "Score answers files. Text by default; --format json prints one JSON object per\n"
    "answers file per line (JSON Lines); --format csv a header row and one row each.\n"
    "A file that fails is reported and the others are still scored (exit 65).\n"
    "\n"
    "  -f, --format FORMAT      text (default), json or csv\n"
    "  -o, --output FILE        write to FILE (atomically; nothing is written if any\n"
    "                           answers file fails) instead of standard output\n"
    COMMON_HELP;

const char rk_cli_report_help[] =
    "Usage: readykit report [OPTIONS] ANSWERS -o OUT.pdf\n"
    "\n"
    "Score one answers file and write a PDF readiness report.\n"
    "\n"
    "  -o, --output FILE        the PDF to write (required; replaced atomically)\n"
    COMMON_HELP;

RkStatus rk_cli_usage_error(const char *fmt, const char *arg)
{
    fputs("readykit: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'readykit --help'.\n", stderr);
    return RK_EUSAGE;
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

enum { OPT_NO_DEFAULT = 256, OPT_MAX_MEMORY, OPT_MAX_INSTR, OPT_TIMEOUT };

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
        {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
        {"max-instructions", required_argument, NULL, OPT_MAX_INSTR},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"verbose", no_argument, NULL, 'v'},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 0;
    int c;
    double v;
    while ((c = getopt_long(argc, argv, ":hq:r:l:f:o:v", longs, NULL)) != -1) {
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
            o->output = optarg;
            break;
        case OPT_MAX_MEMORY:
            if (!parse_positive(optarg, &v) || v > 4096)
                return rk_cli_usage_error("--max-memory expects MiB between 1 and 4096, found '%s'", optarg);
            o->rules.memory_limit = (size_t)(v * 1024 * 1024);
            break;
        case OPT_MAX_INSTR:
            if (!parse_positive(optarg, &v) || v < 1000)
                return rk_cli_usage_error("--max-instructions expects a count of at least 1000, found '%s'", optarg);
            o->rules.instruction_budget = (unsigned long long)v;
            break;
        case OPT_TIMEOUT:
            if (!parse_positive(optarg, &v) || v > 3600)
                return rk_cli_usage_error("--timeout expects seconds between 0 and 3600, found '%s'", optarg);
            o->rules.deadline_seconds = v;
            break;
        case 'v': o->rules.verbose = true; break;
        case ':': return rk_cli_usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return rk_cli_usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    o->rules.rule_files = o->rule_files;
    o->rules.n_rule_files = o->n_rule_files;
    o->rules.lang = o->lang;
    o->files = argv + optind;
    o->n_files = argc - optind;
    return RK_OK;
}
