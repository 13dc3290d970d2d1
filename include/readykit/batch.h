/*
 * batch: scoring many answers files. An engine cache loads each
 * questionnaire (and its rules engine) once; a file list gathers the
 * answers files (arguments, folders, names read from a stream); a batch run
 * scores them in worker processes and writes the results in input order,
 * byte for byte the same whatever the number of workers.
 *
 * Ownership: RkEngines owns the questionnaires and engines it loaded (free
 * them with rk_engines_free); an RkScored owns its answers and result
 * (rk_scored_free) and borrows its questionnaire from the cache; an
 * RkFileList owns copies of its names. rk_batch_run owns nothing after it
 * returns. Nothing here prints: text for the terminal goes through the
 * callbacks of RkBatchOptions.
 */
#ifndef READYKIT_BATCH_H
#define READYKIT_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "readykit/answers.h"
#include "readykit/diag.h"
#include "readykit/fileio.h"
#include "readykit/questionnaire.h"
#include "readykit/result.h"
#include "readykit/rules.h"

/* ---- the engine cache (batch.c) ---------------------------------------- */

typedef struct RkEngines RkEngines;

/* questionnaire: -q (NULL: each answers file names its own); rules and lang
   are borrowed and must outlive the cache. */
RkStatus rk_engines_new(const char *questionnaire, const RkRulesOptions *rules,
                        const char *lang, RkEngines **out, RkDiag *d);
void rk_engines_free(RkEngines *e); /* accepts NULL */
/* Has a hard stop left one of its engines unusable (rk_rules_dead)? */
bool rk_engines_dead(const RkEngines *e);

/* The questionnaire at path (and its rules engine), loaded once. */
RkStatus rk_engines_load(RkEngines *e, const char *path, const RkQuestionnaire **q,
                         RkDiag *d);

/* The rules engine of q, a questionnaire of the cache (NULL if not). */
RkRules *rk_engines_rules(RkEngines *e, const RkQuestionnaire *q);

typedef struct RkScored {
    const RkQuestionnaire *q; /* borrowed from the cache */
    const RkRules *rules;     /* its engine, borrowed too */
    RkAnswers *answers;
    RkResult *result;
    const char *lang;         /* language of labels */
} RkScored;

/* Load and score one answers file: its questionnaire from -q or the search
   path, the answers (parsed once), their checks, the rules. On error the
   diag names the answers file, and *out holds nothing. */
RkStatus rk_engines_score(RkEngines *e, const char *file, RkScored *out, RkDiag *d);
void rk_scored_free(RkScored *s);

/* Append d as the terminal shows it (warnings, "readykit: file:line:col:
   message", the further errors) to text. */
void rk_batch_diag_text(RkBuf *text, const RkDiag *d);

/* ---- file lists (batch_files.c) ----------------------------------------- */

typedef struct RkFileList {
    char *names;   /* NUL-separated */
    size_t len, cap;
    size_t *at;    /* offsets into names */
    size_t n, cap_at;
} RkFileList;

RkStatus rk_file_list_add(RkFileList *l, const char *name, RkDiag *d);
/* Every *.yaml below dir (recursively, hidden entries skipped), sorted by
   path (bytes), so the order is the same on every machine. */
RkStatus rk_file_list_add_dir(RkFileList *l, const char *dir, RkDiag *d);
/* One name per line (a final line without newline counts; empty lines are
   skipped; CR before LF is dropped). what names the stream in messages. */
RkStatus rk_file_list_add_stream(RkFileList *l, FILE *in, const char *what, RkDiag *d);
const char *rk_file_list_get(const RkFileList *l, size_t i);
void rk_file_list_free(RkFileList *l);

/* ---- a batch run (batch_run.c, batch_csv.c) ---------------------------- */

typedef enum RkBatchFormat { RK_BATCH_TEXT, RK_BATCH_JSON, RK_BATCH_CSV } RkBatchFormat;

typedef struct RkBatchOptions {
    const char *questionnaire;    /* -q, or NULL */
    const RkRulesOptions *rules;
    const char *lang;             /* --lang, or NULL */
    RkBatchFormat format;
    bool no_header;               /* CSV without its header row (parts to cat) */
    bool explain;                 /* text, JSON: the trace of each result */
    int jobs;                     /* worker processes, >= 1 */
    const char *output;           /* -o: replaced atomically, and only when
                                     every file was scored; NULL: stdout */
    /* Text for standard error (diagnostics, in input order). */
    void (*say)(void *ud, const char *text);
    /* Called as results are written (at most about 5 times a second) and
       once at the end with done == total; NULL: no progress. */
    void (*progress)(void *ud, size_t done, size_t total, double seconds);
    void *ud;
} RkBatchOptions;

/* Score every file of the list. Returns RK_OK when all were scored, else
   the status of the first failure in input order (a worker that died on a
   file counts as RK_EDATA for a hard stop, RK_EINTERNAL for a crash). */
RkStatus rk_batch_run(const RkBatchOptions *o, const RkFileList *files);

#endif
