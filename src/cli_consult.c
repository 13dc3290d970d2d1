/* The consultation commands: export (a questionnaire as an XLSForm for
   field survey tools) and import (a survey tool's CSV back into answers
   files). Options are parsed here; the work is in export_xlsform.c and
   import_csv.c. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "readykit/locate.h"
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
    if (load_named(argv[optind], &q, &d) == RK_OK &&
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
