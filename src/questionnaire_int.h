/*
 * questionnaire_int: what the questionnaire loader's files share (private to
 * src/questionnaire*.c and src/text.c). The loader state lives on the stack
 * of rk_questionnaire_load; the model it builds lives in the questionnaire's
 * arena; the few malloc'd helper tables are freed before the load returns.
 */
#ifndef READYKIT_QUESTIONNAIRE_INT_H
#define READYKIT_QUESTIONNAIRE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/node.h"
#include "readykit/questionnaire.h"
#include "readykit/strmap.h"

/* A shared choice list (choice_lists: name: [...]). */
typedef struct QList {
    const char *name;
    const RkNode *node;     /* the list */
    RkChoice *choices;
    size_t n;
    bool points_reported;   /* "no points" said once per list */
    bool used;              /* some question names it */
    const RkNode *key;      /* its name in choice_lists */
} QList;

/* An error waiting to be reported (they are sorted by position first). */
typedef struct QErr {
    int line, column;
    size_t seq;
    char *msg;              /* malloc'd */
} QErr;

typedef struct QLoader {
    RkQuestionnaire *q;
    RkArena *arena;         /* the questionnaire's */
    const char *path;       /* for messages */
    RkDiag *d;
    size_t errors;
    bool oom;
    QList *lists;           /* arena */
    size_t n_lists;
    RkStrMap list_names;    /* list name -> QList (the map is malloc'd) */
    RkStrMap pillar_ids;    /* pillar id -> RkPillar (the map is malloc'd) */
    RkStrMap retired_ids;   /* retired id -> its node in `retired:` (malloc'd) */
    /* question ids -> index + 1, open addressing (malloc'd) */
    size_t *slots;
    size_t n_slots, n_ids;
    /* questions collected in file order (malloc'd, copied at the end) */
    RkQuestion **qs;
    size_t n_qs, cap_qs;
    void *lua;              /* RkSandbox for compiling expressions, or NULL */
    const RkNode **exprs;   /* nodes of every `when` and check (malloc'd) */
    size_t n_exprs, cap_exprs, expr_cursor;
    size_t missing_translations; /* warned one by one up to a limit */
    const RkNode *undeclared;    /* first text in an undeclared language */
    size_t undeclared_more;      /* later texts in that language, counted */
    QErr *errs;             /* malloc'd; flushed into d by rk_q_flush */
    size_t n_errs, cap_errs;
    const RkNode *retired;  /* the `retired:` list, for positions */
} QLoader;

/* Errors and warnings at a node's position (NULL: no position). */
void rk_q_error(QLoader *L, const RkNode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void rk_q_error_at(QLoader *L, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void rk_q_warn(QLoader *L, const RkNode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void rk_q_oom(QLoader *L);
/* Hand the collected errors to d in file order, and free them. */
void rk_q_flush(QLoader *L);

/* "a list", "a map", "nothing", "the string 'x'" into buf. */
const char *rk_q_found(const RkNode *n, char *buf, size_t size);

/* Report keys of map not in allowed (with "did you mean"); where names the
   map ("pillar", "question 'x'"). */
void rk_q_check_keys(QLoader *L, const RkNode *map, const char *const *allowed,
                     size_t n, const char *where);
const RkNode *rk_q_key_node(const RkNode *map, const char *key);

#define RK_Q_MAX_TRANSLATION_WARNINGS 20

/* Report a required key that is absent (at the map) or empty (at the value);
   true when v is absent or empty (whether required or not). */
bool rk_q_missing(QLoader *L, const RkNode *map, const char *key, const RkNode *v,
                  bool required, const char *where);

/* Field readers: false when absent or wrong (wrong: error reported). A
   required field that is absent is reported at the map. */
bool rk_q_map(QLoader *L, const RkNode *n, const char *what);
bool rk_q_string(QLoader *L, const RkNode *map, const char *key, bool required,
                 const char *where, const char **out);
bool rk_q_number(QLoader *L, const RkNode *map, const char *key, const char *where,
                 double *out);
bool rk_q_bool(QLoader *L, const RkNode *map, const char *key, const char *where,
               bool *out);
bool rk_q_text(QLoader *L, const RkNode *map, const char *key, bool required,
               const char *where, RkText *out);
bool rk_q_text_node(QLoader *L, const RkNode *n, const char *what, RkText *out);

/* Question ids. */
bool rk_q_id_add(QLoader *L, RkQuestion *qn);      /* false: duplicate or oom */
long rk_q_id_find(const QLoader *L, const char *id); /* index or -1 */
bool rk_q_lua_identifier(const char *s);

/* Parse one question (map) of pillar p; NULL when it is unusable. */
RkQuestion *rk_q_question(QLoader *L, const RkNode *n, size_t pillar);
/* Parse the choices of one list node; n_out choices, NULL on error. */
RkChoice *rk_q_choices(QLoader *L, const RkNode *list, const char *where, size_t *n_out);

/* The choices of a yes_no question (yes, no; `points` overrides) and of a
   scale, choice or multi question (`choices`: inline or a list's name). */
void rk_q_yes_no_choices(QLoader *L, const RkNode *m, RkQuestion *qn, const char *where);
void rk_q_choice_choices(QLoader *L, const RkNode *m, RkQuestion *qn, const char *where);

/* Versioning (questionnaire_replaces.c): a question's `replaces:` (parsed
   once its type and choices are known), the top-level `retired:`, and the
   checks between them once every question id is known. */
void rk_q_replaces(QLoader *L, const RkNode *m, RkQuestion *qn, const char *where);
void rk_q_retired(QLoader *L, const RkNode *root);
void rk_q_check_versions(QLoader *L);

/* Remember the node of an expression (for positions inside it). */
void rk_q_expr_node(QLoader *L, const RkNode *n);

/* One expression being checked (second pass). */
typedef struct Expr {
    const char *text;
    const RkNode *node;    /* its scalar, or NULL when not known */
    int line, column;
    const char *what;      /* "'when' of question 'x'" */
    long self;             /* index of its question */
    bool earlier_only;     /* `when`: only earlier questions */
    size_t key_len;        /* strlen("when") or strlen("check") */
    const char **ids;      /* every question id, for "did you mean" */
} Expr;

/* Where byte at of e's text is in the file; an error reported there. */
void rk_q_expr_position(const Expr *e, const char *at, int *line, int *col);
void rk_q_expr_error(QLoader *L, const Expr *e, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Check the questions (and choice values) expression e names. */
void rk_q_scan(QLoader *L, const Expr *e);

/* Second pass, once every question is known: compile every `when` and
   check, and resolve the questions they name. */
void rk_q_check_expressions(QLoader *L);
void rk_q_lua_close(QLoader *L);

#endif
