/* cli: help texts and option parsing for main.c. Options point into argv;
   nothing here allocates. */
#ifndef READYKIT_CLI_H
#define READYKIT_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/diag.h"
#include "readykit/rules.h"

#define MAX_RULE_FILES 64

extern const char rk_cli_usage[];
extern const char rk_cli_check_help[];
extern const char rk_cli_score_help[];
extern const char rk_cli_report_help[];

typedef enum Format { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV } Format;

typedef struct Options {
    const char *questionnaire;
    const char *rule_files[MAX_RULE_FILES];
    size_t n_rule_files;
    RkRulesOptions rules;
    const char *lang;
    const char *output;
    Format format;
    char **files;
    int n_files;
} Options;

/* Print "readykit: " + the message + a hint to stderr; returns RK_EUSAGE. */
RkStatus rk_cli_usage_error(const char *fmt, const char *arg);

/* Parse a command's options (argv[0] is the command); returns RK_OK,
   RK_EUSAGE (message printed), or -1 when help was printed (exit 0). */
int rk_cli_parse(int argc, char **argv, const char *help, bool with_output, Options *o);

#endif
