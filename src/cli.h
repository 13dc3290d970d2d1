/* cli: help texts and option parsing for main.c. Options point into argv;
   nothing here allocates. */
#ifndef READYKIT_CLI_H
#define READYKIT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "readykit/batch.h"
#include "readykit/diag.h"
#include "readykit/rules.h"

#define MAX_RULE_FILES 64

extern const char rk_cli_usage[];
extern const char rk_cli_check_help[];
extern const char rk_cli_score_help[];
extern const char rk_cli_report_help[];
extern const char rk_cli_list_help[];
extern const char rk_cli_show_help[];
extern const char rk_cli_template_help[];
extern const char rk_cli_migrate_help[];

typedef enum Format { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV } Format;

typedef struct Options {
    const char *questionnaire;
    const char *rule_files[MAX_RULE_FILES];
    size_t n_rule_files;
    RkRulesOptions rules;
    const char *lang;
    const char *output;
    Format format;
    /* report only */
    const char *compare;   /* --compare EARLIER */
    const char *target;    /* --target TARGET */
    bool letter;           /* --paper letter */
    char **files;
    int n_files;
    bool in_place;          /* migrate --in-place */
    const char *against;    /* check --against OLD */
    /* score: batches */
    int jobs;                        /* --jobs; 0: one per core; default 1 */
    const char *dirs[MAX_RULE_FILES]; /* --dir, in order */
    size_t n_dirs;
    bool no_header;                  /* --no-header (CSV parts) */
    bool quiet;                      /* --quiet: no progress line */
    bool aggregate;                  /* score --aggregate */
    bool explain;                    /* score --explain */
} Options;

/* The discovery commands (cli_discover.c); each returns the exit status. */
int rk_cmd_list(int argc, char **argv);
int rk_cmd_show(int argc, char **argv);
int rk_cmd_template(int argc, char **argv);
/* readykit new ID [-o DIR] (cli_new.c). */
extern const char rk_cli_new_help[];
int rk_cmd_new(int argc, char **argv);
/* The consultation commands (cli_consult.c). */
extern const char rk_cli_export_help[];
int rk_cmd_export(int argc, char **argv);
extern const char rk_cli_import_help[];
int rk_cmd_import(int argc, char **argv);
/* score --aggregate over the listed files (cli_aggregate.c). */
int rk_cmd_aggregate(const Options *o, const RkFileList *files);
/* report --aggregate ANSWERS... -o OUT.pdf (cli_aggregate.c). */
int rk_cmd_report_aggregate(const Options *o);

/* Print readykit's version and those of the libraries it runs with. */
void rk_cli_print_version(void);

/* Print a diagnostic's warnings, error and further errors to stderr, every
   line starting with "readykit: ". */
void rk_cli_print_diag(const RkDiag *d);
/* The rules' log (rk.log, Lua's panic): one line on stderr. */
void rk_cli_log_line(void *ctx, const char *line);

/* Write text to f with control characters made visible (safetext.h):
   nothing from an input reaches the terminal raw. */
void rk_cli_put_safe(FILE *f, const char *text);

/* Print "readykit: " + the message + a hint to stderr; returns RK_EUSAGE. */
RkStatus rk_cli_usage_error(const char *fmt, const char *arg);

/* An output that is one of the inputs (same device and inode) is a usage
   error (RK_EUSAGE, recorded in d): rk_cli_not_output for one input,
   rk_cli_check_output for every input named by the options. */
RkStatus rk_cli_not_output(const Options *o, const char *input, RkDiag *d);
RkStatus rk_cli_check_output(const Options *o, RkDiag *d);

/* Parse a command's options (argv[0] is the command); returns RK_OK,
   RK_EUSAGE (message printed), or -1 when help was printed (exit 0). */
int rk_cli_parse(int argc, char **argv, const char *help, bool with_output, Options *o);

#endif
