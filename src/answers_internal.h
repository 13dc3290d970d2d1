/* Shared between answers.c (loading) and answers_edit.c (setting in code):
   the checks one answer value must pass, so both hold it to one standard. */
#ifndef READYKIT_ANSWERS_INTERNAL_H
#define READYKIT_ANSWERS_INTERNAL_H

#include "readykit/answers.h"
#include "readykit/fileio.h"

/* The allowed values of a choice-like question, for messages
   ("a, b, c", cut with ", ..." when buf is full). */
void rk_answers_list_choices(const RkQuestion *qn, char *buf, size_t size);

/* Check text as an answer to qn (not multi lists: see rk_answer_parse_multi)
   and store it in *ans, copying into arena. Errors are RK_EDATA at
   file:line:col (file may be NULL for typed answers). */
RkStatus rk_answer_parse_value(RkArena *arena, const RkQuestion *qn, const char *text,
                               bool plain, RkAnswer *ans, const char *file, int line,
                               int col, RkDiag *d);
RkStatus rk_answer_parse_multi(RkArena *arena, const RkQuestion *qn,
                               const char *const *vals, const int *lines, const int *cols,
                               size_t n, RkAnswer *ans, const char *file, RkDiag *d);

/* Split an answer node (a value alone, or {value, note, source}) into its
   value node (NULL when none) and its evidence (copied into arena); unknown
   keys are errors naming the answer id. */
RkStatus rk_answer_split(RkArena *arena, const char *id, const RkNode *n,
                         const RkNode **value, const char **note, const char **source,
                         const char *file, RkDiag *d);
/* Check a value node (dont_know, a list, a scalar) against qn; store in *ans. */
RkStatus rk_answer_value_node(RkArena *arena, const RkQuestion *qn, const RkNode *value,
                              RkAnswer *ans, const char *file, RkDiag *d);

/* answers_migrate.c: the `retired:` section, and reading the answers map of
   a file made with another version of the questionnaire (a->version is the
   file's; on success it becomes the questionnaire's and a->migrated_from
   the file's, and one warning says what carried over). */
RkStatus rk_answers_load_retired(RkAnswers *a, const RkNode *map, const char *file,
                                 RkDiag *d);
RkStatus rk_answers_migrate(RkAnswers *a, const RkQuestionnaire *q, const RkNode *answers,
                            const RkNode *version, const char *file, RkDiag *d);
/* Write s as a YAML scalar that reads back as the same text (answers_edit.c). */
void rk_answer_put_scalar(RkBuf *b, const char *s);
/* Write one entry of an answers map: "\n  ID: VALUE", or the map
   {value, note, source}; put writes the value. */
typedef void (*PutValue)(RkBuf *b, const void *value);
void rk_answer_put_entry(RkBuf *b, const char *id, bool has_value, PutValue put,
                         const void *value, const char *note, const char *source);
/* Write the `retired:` section (nothing when there are no retired answers). */
void rk_answers_put_retired(RkBuf *b, const RkAnswers *a);

#endif
