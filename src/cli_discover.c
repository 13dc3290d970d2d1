/* The discovery commands (list, show, template): parse their options, find
   the questionnaire, and print what the discover module writes. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "readykit/discover.h"
#include "readykit/locate.h"

const char rk_cli_list_help[] =
    "Usage: readykit list [--format text|json]\n"
    "\n"
    "List the questionnaires found on the search path (the current folder, each\n"
    "folder of READYKIT_PATH, ./questionnaires, then the installed ones): id, version,\n"
    "languages, pillars, questions and file. An id found again further down the\n"
    "path is marked as shadowed: the first one is the one readykit uses.\n"
    "\n"
    "  -f, --format FORMAT      text (default) or json (one object per line)\n"
    "  -h, --help               this help\n";

const char rk_cli_show_help[] =
    "Usage: readykit show QUESTIONNAIRE [QUESTION_ID|PILLAR_ID] [--lang L] [--format json]\n"
    "\n"
    "Show a questionnaire's pillars and questions: text, type, weight, choices with\n"
    "their points, when, and whether evidence is asked. With a question or pillar\n"
    "id, only that one, with its help text. QUESTIONNAIRE is a file or an id\n"
    "found on the search path (see readykit list).\n"
    "\n"
    "  -l, --lang LANG          language of the texts (default: the first declared)\n"
    "  -f, --format FORMAT      text (default) or json\n"
    "  -h, --help               this help\n";

const char rk_cli_template_help[] =
    "Usage: readykit template QUESTIONNAIRE [-o ANSWERS] [--lang L]\n"
    "\n"
    "Write an answers file with every question as a comment (its text, choices\n"
    "and help), ready to fill in with a text editor. As written it loads as an\n"
    "empty assessment. Without -o it goes to standard output; an existing file is\n"
    "never overwritten.\n"
    "\n"
    "  -o, --output FILE        the answers file to write\n"
    "  -l, --lang LANG          language of the comments (default: the first declared)\n"
    "  -h, --help               this help\n";

/* Print out (or report its failed allocation), then d; returns the status. */
static int finish(RkBuf *out, RkDiag *d)
{
    if (out->failed && d->status == RK_OK)
        rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    else if (d->status == RK_OK && out->len)
        rk_cli_put_safe(stdout, out->data);
    rk_cli_print_diag(d);
    rk_buf_free(out);
    return d->status;
}

int rk_cmd_list(int argc, char **argv)
{
    Options o = {0};
    int rc = rk_cli_parse(argc, argv, rk_cli_list_help, false, &o);
    if (rc)
        return rc < 0 ? RK_OK : rc;
    if (o.n_files)
        return rk_cli_usage_error("list takes no file (found '%s')", o.files[0]);
    RkDiag d;
    rk_diag_init(&d);
    RkBuf out;
    rk_buf_init(&out);
    rk_discover_list(&out, o.format == FORMAT_JSON, &d);
    return finish(&out, &d);
}

/* Load the questionnaire named by a file or an id. */
static RkStatus load_named(const char *name, RkQuestionnaire **q, RkDiag *d)
{
    char path[4096];
    RkStatus s = rk_locate_by_name(name, path, sizeof path, d);
    return s == RK_OK ? rk_questionnaire_load(path, q, d) : s;
}

int rk_cmd_show(int argc, char **argv)
{
    Options o = {0};
    int rc = rk_cli_parse(argc, argv, rk_cli_show_help, false, &o);
    if (rc)
        return rc < 0 ? RK_OK : rc;
    if (o.n_files < 1 || o.n_files > 2)
        return rk_cli_usage_error("show needs a questionnaire, and at most one question or "
                                  "pillar id%s", "");
    if (o.format == FORMAT_CSV)
        return rk_cli_usage_error("show writes text or json, not csv%s", "");
    RkDiag d;
    rk_diag_init(&d);
    RkBuf out;
    rk_buf_init(&out);
    RkQuestionnaire *q = NULL;
    if (load_named(o.files[0], &q, &d) == RK_OK)
        rk_discover_show(&out, q, o.n_files == 2 ? o.files[1] : NULL, o.lang,
                         o.format == FORMAT_JSON, &d);
    rk_questionnaire_free(q);
    return finish(&out, &d);
}

int rk_cmd_template(int argc, char **argv)
{
    Options o = {0};
    int rc = rk_cli_parse(argc, argv, rk_cli_template_help, true, &o);
    if (rc)
        return rc < 0 ? RK_OK : rc;
    if (o.n_files != 1)
        return rk_cli_usage_error("template needs one questionnaire (a file or an id)%s", "");
    RkDiag d;
    rk_diag_init(&d);
    RkBuf out;
    rk_buf_init(&out);
    RkQuestionnaire *q = NULL;
    if (load_named(o.files[0], &q, &d) == RK_OK) {
        rk_discover_template(&out, q, o.lang);
        if (rk_cli_check_output(&o, &d) != RK_OK || rk_cli_not_output(&o, q->path, &d) != RK_OK)
            ; /* refused: the output is an input */
        else if (o.output && rk_file_exists(o.output))
            rk_diag_set(&d, RK_ECANTCREAT, o.output, 0, 0,
                        "already exists; not overwritten (remove it or choose another name)");
        else if (o.output && !out.failed &&
                 rk_file_write_atomic(o.output, out.data, out.len, &d) == RK_OK)
            out.len = 0; /* written to the file, not to stdout */
    }
    rk_questionnaire_free(q);
    if (o.output && d.status == RK_OK)
        fprintf(stderr, "readykit: wrote %s\n", o.output);
    return finish(&out, &d);
}
