/*
 * answers: one respondent's answers to a questionnaire, checked against it,
 * and saved back as YAML atomically with a stable key order.
 *
 * Everything returned by rk_answers_load / rk_answers_new lives in the
 * answers' own arena and is freed by rk_answers_free. RkAnswer.question
 * points into the questionnaire, which must outlive the answers.
 */
#ifndef READYKIT_ANSWERS_H
#define READYKIT_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/diag.h"
#include "readykit/fileio.h"
#include "readykit/node.h"
#include "readykit/questionnaire.h"

typedef enum RkAnswerState {
    RK_ANSWER_NONE = 0,  /* not answered (absent from the file) */
    RK_ANSWER_VALUE,     /* answered */
    RK_ANSWER_DONT_KNOW  /* answered "don't know" (plain scalar dont_know) */
} RkAnswerState;

typedef struct RkAnswer {
    const RkQuestion *question;
    RkAnswerState state;
    const char *value;      /* yes_no/scale/choice: choice value; text: the text;
                               number: the number as written; multi: NULL */
    double number;          /* number questions */
    const char **values;    /* multi: the chosen values, in file order */
    size_t n_values;
    const char *note;       /* evidence note or NULL */
    const char *source;     /* evidence source (URL, document) or NULL */
    int line, column;       /* where the answer is in the file; 0 if set in code */
} RkAnswer;

/* An answer kept aside: given to a question of another version that this
   version retired or does not know, or whose value did not carry over. It
   is kept as written and saved back under the answers file's `retired:`. */
typedef struct RkRawValue {
    const char *text;
    bool plain;             /* unquoted in the file (dont_know, numbers, yes) */
} RkRawValue;

typedef struct RkRetiredAnswer {
    const char *id;         /* the question id of the earlier version */
    const RkRawValue *items;/* the value: one scalar, or a list's items */
    size_t n_items;
    bool is_list;           /* the value was a list (n_items may be 0) */
    const char *note;       /* or NULL */
    const char *source;     /* or NULL */
} RkRetiredAnswer;

typedef struct RkAnswers {
    RkArena *arena;
    const char *path;       /* as loaded, or NULL for new answers */
    const char *questionnaire_id;
    const char *version;
    const char *subject;
    const char *respondent;
    const char *date;
    const char *language;   /* may be NULL */
    /* by_question[i] is the answer to questionnaire->questions[i]
       (state RK_ANSWER_NONE when not answered). */
    RkAnswer *by_question;
    size_t n_questions;
    RkRetiredAnswer *retired; /* kept aside, in file order; saved under retired: */
    size_t n_retired;
    /* Set when the file was made with another version and carried over: the
       file's version (a->version is then the questionnaire's), and the
       questions whose old answer did not carry over. */
    const char *migrated_from;
    const RkQuestion **not_carried;
    size_t n_not_carried;
} RkAnswers;

/* Read only the header fields needed to find the questionnaire
   (questionnaire:, version:) without a questionnaire at hand. The strings are
   copied into the caller's buffers. */
RkStatus rk_answers_peek(const char *path, char *qid, size_t qid_size,
                         RkDiag *d);

RkStatus rk_answers_load(const char *path, const RkQuestionnaire *q,
                         RkAnswers **out, RkDiag *d);

/* The same two steps on a tree already parsed (rk_node_load_file), so a
   caller that must peek before it knows the questionnaire parses once. The
   tree is only read; the answers copy what they keep. */
RkStatus rk_answers_peek_tree(const RkNodeTree *tree, char *qid, size_t qid_size,
                              RkDiag *d);
RkStatus rk_answers_from_tree(const RkNodeTree *tree, const RkQuestionnaire *q,
                              RkAnswers **out, RkDiag *d);
RkAnswers *rk_answers_new(const RkQuestionnaire *q); /* NULL on out-of-memory */
void rk_answers_free(RkAnswers *a); /* accepts NULL */

/* Set answers in code (ask, tests). Strings are copied. The value is checked
   against the question as a loaded file would be; errors give RK_EDATA with
   a message fit to show the user. */
RkStatus rk_answers_set(RkAnswers *a, const RkQuestion *qn, const char *value,
                        RkDiag *d);
RkStatus rk_answers_set_multi(RkAnswers *a, const RkQuestion *qn,
                              const char *const *values, size_t n, RkDiag *d);
void rk_answers_set_dont_know(RkAnswers *a, const RkQuestion *qn);
void rk_answers_clear(RkAnswers *a, const RkQuestion *qn);
void rk_answers_set_evidence(RkAnswers *a, const RkQuestion *qn,
                             const char *note, const char *source);
void rk_answers_set_field(RkAnswers *a, const char *key, const char *value);

const RkAnswer *rk_answers_get(const RkAnswers *a, const RkQuestion *qn);
size_t rk_answers_count(const RkAnswers *a, RkAnswerState state);

/* Write the answers as YAML (questionnaire order, header first, then the
   retired answers) to path, atomically. */
RkStatus rk_answers_save(const RkAnswers *a, const char *path, RkDiag *d);
/* The same YAML appended to b (b->failed on out-of-memory). */
void rk_answers_format(const RkAnswers *a, RkBuf *b);

#endif
