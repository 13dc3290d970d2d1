/* The consultation commands: export (a questionnaire as an XLSForm for
   field survey tools) and import (a survey tool's CSV back into answers
   files). Options are parsed here; the work is in export_xlsform.c and
   import_csv.c. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "readykit/import.h"
#include "readykit/locate.h"
#include "readykit/safetext.h"
#include "readykit/xlsform.h"

#define MAX_LANGS 32

const char rk_cli_export_help[] =
    "Usage: readykit export --xlsform QUESTIONNAIRE -o FORM.xlsx [--lang L]...\n"
    "\n"
    "Write a questionnaire as an XLSForm (survey, choices and settings sheets) to\n"
    "load into KoboToolbox, ODK Central or SurveyCTO: each pillar a group, each\n"
    "question named by its id, a label and hint column per language, a note and\n"
    "a source field after each question that asks for evidence. A 'when' is\n"
    "translated to 'relevant' where XPath can say it; a warning names each one\n"
    "that is not (the form then always asks that question).\n"
    "\n"
    "      --xlsform            the format to write (the only one so far)\n"
    "  -o, --output FILE        the workbook to write (replaced atomically)\n"
    "  -l, --lang L             a language to include (repeatable; default: all\n"
    "                           the questionnaire's languages; the first is the\n"
    "                           form's default language)\n"
    "  -h, --help               this help\n";

/* Load the questionnaire named by a file or an id. */
static RkStatus load_named(const char *name, RkQuestionnaire **q, RkDiag *d)
{
    char path[4096];
    RkStatus s = rk_locate_by_name(name, path, sizeof path, d);
    return s == RK_OK ? rk_questionnaire_load(path, q, d) : s;
}

/* readykit export --xlsform QUESTIONNAIRE -o FORM.xlsx [--lang L]... */
int rk_cmd_export(int argc, char **argv)
{
    static const struct option longs[] = {
        {"help", no_argument, NULL, 'h'},
        {"xlsform", no_argument, NULL, 'x'},
        {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'},
        {NULL, 0, NULL, 0},
    };
    const char *langs[MAX_LANGS], *output = NULL;
    size_t n_langs = 0;
    bool xlsform = false;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:l:", longs, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(rk_cli_export_help, stdout); return RK_OK;
        case 'x': xlsform = true; break;
        case 'o': output = optarg; break;
        case 'l':
            if (n_langs == MAX_LANGS)
                return rk_cli_usage_error("too many --lang (at most 32)%s", "");
            langs[n_langs++] = optarg;
            break;
        case ':': return rk_cli_usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return rk_cli_usage_error("unknown option '%s' (try readykit export --help)",
                                           argv[optind - 1]);
        }
    }
    if (!xlsform)
        return rk_cli_usage_error("export needs a format: --xlsform%s", "");
    if (argc - optind != 1)
        return rk_cli_usage_error("export needs exactly one questionnaire%s", "");
    if (!output)
        return rk_cli_usage_error("export needs -o FORM.xlsx%s", "");
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    RkXlsformSummary sum;
    RkXlsformOptions xo = {langs, n_langs};
    Options guard = {.output = output};
    if (load_named(argv[optind], &q, &d) == RK_OK &&
        rk_cli_not_output(&guard, q->path, &d) == RK_OK &&
        rk_xlsform_write(q, &xo, output, &sum, &d) == RK_OK)
        printf("wrote %s: %zu questions in %zu groups, %zu choices, %zu evidence fields, "
               "%zu of %zu conditions as relevant\n", output, sum.questions, sum.groups,
               sum.choices, sum.evidence_fields, sum.relevant, sum.relevant + sum.untranslated);
    rk_questionnaire_free(q);
    if (d.status == RK_EUSAGE)
        return rk_cli_usage_error("%s", d.message);
    rk_cli_print_diag(&d);
    return d.status;
}

const char rk_cli_import_help[] =
    "Usage: readykit import QUESTIONNAIRE RESPONSES.csv -o DIR [--from TOOL] [--subject S]\n"
    "\n"
    "Turn a survey tool's CSV export, one row per respondent, into one answers file\n"
    "per row in DIR (created if missing), named by the respondent id (_uuid, KEY,\n"
    "instanceID, LimeSurvey id) or row-N. The separator (, ; or tab) is told from\n"
    "the header; group paths in headers (legal/law_status, legal-law_status) are\n"
    "resolved to question ids; a multi is read from one column of space-separated\n"
    "values or from one 0/1 column per choice; ID_note and ID_source columns give\n"
    "the evidence. Each bad cell is reported as FILE:ROW:COLUMN: message and its\n"
    "row is skipped; the good rows are written (atomically), and the exit status\n"
    "is 65 when a row was skipped or a column is unknown.\n"
    "\n"
    "  -o, --output DIR         the folder for the answers files (required unless\n"
    "                           --dry-run)\n"
    "      --from TOOL          kobo, odk, limesurvey or csv (default: told from the\n"
    "                           metadata columns; only named in the summary)\n"
    "      --subject S          the subject of every answers file (e.g. the country)\n"
    "      --dry-run            check every cell and say what would be written; write\n"
    "                           nothing\n"
    "  -h, --help               this help\n";

/* import's say: each bad cell on its own line (a cell's control
   characters shown as "\xHH", never raw). */
static void say_line(void *ud, const char *line)
{
    (void)ud;
    fputs("readykit: ", stderr);
    rk_cli_put_safe(stderr, line);
    fputc('\n', stderr);
}

/* readykit import QUESTIONNAIRE RESPONSES.csv -o DIR [--from T] [--subject S] */
int rk_cmd_import(int argc, char **argv)
{
    static const struct option longs[] = {
        {"help", no_argument, NULL, 'h'},
        {"output", required_argument, NULL, 'o'},
        {"from", required_argument, NULL, 'f'},
        {"subject", required_argument, NULL, 's'},
        {"dry-run", no_argument, NULL, 'n'},
        {NULL, 0, NULL, 0},
    };
    RkImportOptions io = {.say = say_line};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", longs, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(rk_cli_import_help, stdout); return RK_OK;
        case 'o': io.out_dir = optarg; break;
        case 's': io.subject = optarg; break;
        case 'n': io.dry_run = true; break;
        case 'f':
            for (io.from = RK_FROM_KOBO; io.from <= RK_FROM_CSV; io.from++)
                if (strcmp(optarg, rk_import_from_name(io.from)) == 0)
                    break;
            if (io.from > RK_FROM_CSV)
                return rk_cli_usage_error("unknown --from '%s' (expected kobo, odk, "
                                          "limesurvey or csv)", optarg);
            break;
        case ':': return rk_cli_usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return rk_cli_usage_error("unknown option '%s' (try readykit import --help)",
                                           argv[optind - 1]);
        }
    }
    if (argc - optind != 2)
        return rk_cli_usage_error("import needs a questionnaire and a CSV file%s", "");
    if (!io.out_dir && !io.dry_run)
        return rk_cli_usage_error("import needs -o DIR, the folder for the answers files%s", "");
    if (io.out_dir && !*io.out_dir)
        return rk_cli_usage_error("-o/--output needs a folder name, found an empty one%s", "");
    if (!io.out_dir)
        io.out_dir = ".";
    if (io.subject && rk_control_in(io.subject, strlen(io.subject)) >= 0)
        return rk_cli_usage_error("--subject '%s' holds a control character, which no "
                                  "answers file may hold", io.subject);
    io.csv = argv[optind + 1];
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    RkImportSummary sum = {0};
    if (load_named(argv[optind], &q, &d) == RK_OK) {
        rk_import_csv(q, &io, &sum, &d);
        if (sum.rows)
            printf("%s: %zu rows (%s, separator '%s'): %zu answers files %s to %s, %zu "
                   "skipped for bad cells, %zu empty\n", io.csv, sum.rows,
                   rk_import_from_name(sum.from), sum.separator == '\t' ? "tab"
                   : sum.separator == ';' ? ";" : ",", sum.written,
                   io.dry_run ? "would be written" : "written", io.out_dir, sum.failed, sum.empty);
    }
    rk_questionnaire_free(q);
    rk_cli_print_diag(&d);
    return d.status;
}
