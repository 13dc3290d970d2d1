/*
 * rules: the scoring pipeline. A rules engine is built once per
 * questionnaire (standard scorer, then the questionnaire's default rules,
 * then each --rules file in order, all in one sandboxed Lua state) and then
 * scores any number of answers files.
 *
 * The engine borrows the questionnaire (which must outlive it) and owns its
 * Lua state; rk_rules_free releases it. Each RkResult it returns is owned by
 * the caller (rk_result_free).
 */
#ifndef READYKIT_RULES_H
#define READYKIT_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/answers.h"
#include "readykit/diag.h"
#include "readykit/questionnaire.h"
#include "readykit/result.h"
#include "readykit/sandbox.h"

#define RK_RULES_FINDINGS_BYTES (1024u * 1024u) /* 1 MiB */

typedef struct RkRulesOptions {
    const char *const *rule_files; /* --rules, in command-line order */
    size_t n_rule_files;
    bool no_default_rules;         /* skip the questionnaire's own rules */
    const char *lang;              /* language of labels in results; NULL: the
                                      answers' language, else the fallback */
    size_t memory_limit;           /* bytes; 0: default (32 MiB) */
    unsigned long long instruction_budget; /* per answers file; 0: default */
    double deadline_seconds;       /* per answers file; 0: default */
    size_t max_findings_bytes;     /* text of all findings per answers file;
                                      0: default (RK_RULES_FINDINGS_BYTES) */
    bool verbose;                  /* tracebacks in errors */
    RkSandboxLogFn log;            /* rk.log lines and Lua's panic, one line
                                      each (NULL: dropped); main.c prints */
    void *log_ctx;
} RkRulesOptions;

typedef struct RkRules RkRules;

RkStatus rk_rules_new(const RkQuestionnaire *q, const RkRulesOptions *opt,
                      RkRules **out, RkDiag *d);
void rk_rules_free(RkRules *r); /* accepts NULL */

/* Score one answers file. Any rule error or limit gives RK_EDATA naming the
   rule file and line (and the question being scored); *out stays NULL. */
RkStatus rk_rules_score(RkRules *r, const RkAnswers *a, RkResult **out,
                        RkDiag *d);

/* Has a hard stop (a long C call past the time limit) left the engine
   unusable? Every later call then fails the same way: build a new one. */
bool rk_rules_dead(const RkRules *r);

/* The indicator ids the rule files declare (their `indicators` lists, in
   file order, without repeats): the CSV columns a batch has whatever its
   answers. Owned by the engine. */
const char *const *rk_rules_declared(const RkRules *r, size_t *n);

/* The rule files loaded, in layering order (the standard scorer first):
   file i's name as given, and whether rk.requires left it out (*skipped,
   may be NULL). NULL past the last. Owned by the engine. */
size_t rk_rules_n_files(const RkRules *r);
const char *rk_rules_file(const RkRules *r, size_t i, bool *skipped);

/* Is qn applicable given the answers so far (its when: expression)? */
RkStatus rk_rules_applicable(RkRules *r, const RkAnswers *a,
                             const RkQuestion *qn, bool *out, RkDiag *d);

/* Run qn's checks on its current answer; on failure RK_EDATA with the
   check's message. */
RkStatus rk_rules_check_answer(RkRules *r, const RkAnswers *a,
                               const RkQuestion *qn, RkDiag *d);

/* Run the checks of every answered question; all failures are reported
   (the first in d, the others in d->more) with the answers' positions.
   Required questions that apply but have no answer are warnings in d. */
RkStatus rk_rules_check_answers(RkRules *r, const RkAnswers *a, RkDiag *d);

/* What `readykit check` runs: every when: and check, and every rule file's
   layers, on an empty assessment and on one with every question's first
   choice; rk.cap level ids in the rule files' sources. Each error found
   is added to d (rk_diag_add) at the expression's or rule's place, saying
   which assessment and, for a nil, the question and the guard to write. */
RkStatus rk_rules_dry_run(RkRules *r, RkDiag *d);

#endif
