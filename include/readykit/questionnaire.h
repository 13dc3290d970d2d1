/*
 * questionnaire: a validated, read-only questionnaire (pillars, questions,
 * choices, levels, languages) loaded from YAML.
 *
 * Everything returned by rk_questionnaire_load lives in the questionnaire's
 * arena and is freed by rk_questionnaire_free; pointers into it stay valid
 * until then. The format is documented in questionnaires/README.md.
 */
#ifndef READYKIT_QUESTIONNAIRE_H
#define READYKIT_QUESTIONNAIRE_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/arena.h"
#include "readykit/diag.h"

/* A human-readable string: one plain string, or one per language. */
typedef struct RkText {
    size_t count;
    const char **langs;  /* langs[i] is "" for a plain (language-less) string */
    const char **values;
} RkText;

/* The string for lang; else for fallback; else the first one; else "". */
const char *rk_text_get(const RkText *t, const char *lang, const char *fallback);
bool rk_text_empty(const RkText *t);

typedef enum RkQuestionType {
    RK_Q_YES_NO,
    RK_Q_SCALE,
    RK_Q_CHOICE,
    RK_Q_MULTI,
    RK_Q_NUMBER,
    RK_Q_TEXT
} RkQuestionType;

const char *rk_question_type_name(RkQuestionType t); /* "yes_no", ... */

typedef struct RkChoice {
    const char *value;  /* what an answers file holds */
    RkText label;
    double points;
    bool has_points;
    int line, column;
} RkChoice;

/* A check on an answer: a Lua expression that must be true, with its message. */
typedef struct RkCheck {
    const char *expr;
    RkText message;
    int line, column;
} RkCheck;

/* number questions may be scored by bands: the highest band whose min is
   <= the answer gives its points. */
typedef struct RkBand {
    double min;
    double points;
} RkBand;

/* Where a question of this version comes from (`replaces:`): the id of a
   question of an earlier version, and optionally how its old values map to
   this question's values. Used only when an answers file of another version
   is read (answers.c, migration mode). */
typedef struct RkValueMap {
    const char *from;      /* an old value, as written in old answers files */
    const char *to;        /* this question's value (a choice, a number, text
                              or dont_know) */
    int line, column;      /* of the old value in the questionnaire */
} RkValueMap;

typedef struct RkReplaces {
    const char *id;        /* the old question id */
    bool has_values;       /* values given: an old value not listed needs a new
                              answer; else old values carry over as they are */
    const RkValueMap *values;
    size_t n_values;
    int line, column;      /* of the old id in the questionnaire */
} RkReplaces;

typedef enum RkMultiScoring { RK_MULTI_SUM, RK_MULTI_CAP } RkMultiScoring;

typedef struct RkQuestion {
    const char *id;
    RkQuestionType type;
    RkText text;
    RkText help;
    double weight;         /* >= 0; default 1 */
    bool scored;           /* false for text, and for questions marked scored: false */
    bool required;
    RkText required_message;
    bool evidence;         /* ask for a note and a source */
    bool dont_know;        /* "don't know" is an allowed answer */
    const char *when;      /* Lua expression or NULL */
    int when_line, when_column;
    const char *default_value; /* raw scalar text or NULL ("yes"/"no" for yes_no;
                                  for multi the first of default_values) */
    const char **default_values; /* multi: the default choices; else NULL */
    size_t n_default_values;

    /* yes_no, scale, choice, multi. yes_no has the choices yes and no. */
    const RkChoice *choices;
    size_t n_choices;
    RkMultiScoring multi_scoring;
    double multi_cap;      /* RK_MULTI_CAP: points are capped at this */

    /* number */
    bool has_min, has_max;
    double min, max;
    bool integer;
    RkText unit;
    const RkBand *bands;   /* number: scored when bands are given */
    size_t n_bands;

    const RkCheck *checks;
    size_t n_checks;

    const RkReplaces *replaces; /* NULL when the question declares none */

    double max_points;     /* points of the best answer; 0 when not scored */
    size_t pillar;         /* index of its pillar */
    size_t index;          /* position in RkQuestionnaire.questions */
    int line, column;
    const RkChoice *const *by_value; /* private: the choices sorted by value, for
                                        rk_question_find_choice (NULL: linear) */
} RkQuestion;

typedef struct RkPillar {
    const char *id;
    RkText title;
    RkText description;
    double weight;          /* default 1 */
    RkQuestion *questions;  /* the pillar's questions, in file order */
    size_t n_questions;
    int line, column;
} RkPillar;

typedef struct RkLevel {
    const char *id;         /* optional in the file; defaults to the fallback
                               language's name; rules cap by it */
    double min;             /* 0-100, strictly increasing, first is 0 */
    RkText name;
    RkText description;
} RkLevel;

typedef struct RkQuestionnaire {
    RkArena *arena;
    const char *path;       /* as loaded */
    const char *id;
    const char *version;
    RkText title;
    RkText description;
    const char **languages; /* declared languages; languages[0] is the fallback */
    size_t n_languages;
    const char *rules;      /* default rules file, resolved against path; or NULL */
    const RkLevel *levels;
    size_t n_levels;
    RkPillar *pillars;
    size_t n_pillars;
    RkQuestion **questions; /* all questions in order */
    size_t n_questions;
    double max_points;      /* sum of weight * max_points over scored questions */
    const char **retired;   /* `retired:` ids of earlier versions, no longer asked */
    size_t n_retired;
    void *source;           /* private: the YAML node tree the strings point into */
    const RkQuestion **by_id; /* private: the questions sorted by id, for
                                 rk_questionnaire_find (NULL: linear search) */
    const RkPillar **pillars_by_id; /* private: the same for pillars */
} RkQuestionnaire;

/* Load and validate. Every error of the file is reported in one run: the
   first in d, the others in d->more (rk_diag_add); warnings (e.g. a missing
   translation) in d->warnings. On error *out stays NULL. */
RkStatus rk_questionnaire_load(const char *path, RkQuestionnaire **out, RkDiag *d);
/* The same from memory (tests, fuzzing): display_path names the file in
   messages, and a `rules:` file is resolved against its folder. */
RkStatus rk_questionnaire_parse(const char *data, size_t len, const char *display_path,
                                RkQuestionnaire **out, RkDiag *d);
void rk_questionnaire_free(RkQuestionnaire *q); /* accepts NULL */
/* Is s a valid questionnaire id: [a-z0-9][a-z0-9_.-]* ? */
bool rk_questionnaire_valid_id(const char *s);

const RkQuestion *rk_questionnaire_find(const RkQuestionnaire *q, const char *id);
/* Build q->by_id, q->pillars_by_id and each long choice list's by_value in
   q's arena (at load: look-ups in O(log n)); false when out of memory. */
bool rk_questionnaire_index(RkQuestionnaire *q);
const RkPillar *rk_questionnaire_find_pillar(const RkQuestionnaire *q, const char *id);
const RkChoice *rk_question_find_choice(const RkQuestion *qn, const char *value);
/* What rk_questionnaire_check_against found: how each question of the
   earlier version is accounted for. */
typedef struct RkCompat {
    size_t kept;            /* same id, answers taken as they are */
    size_t replaced;        /* answers carried by `replaces` */
    size_t retired;         /* listed in `retired` */
} RkCompat;

/* Check that q accounts for every question of old, an earlier version of
   it: each old id is a question of q, replaced, or retired (else an error
   at the old question, with "did you mean" among q's ids); each `replaces`
   names a question of old, and its `values` map values of that question
   (errors, with "did you mean"). Old values that will need a new answer
   are warnings. RK_EDATA when an error was found. */
RkStatus rk_questionnaire_check_against(const RkQuestionnaire *q, const RkQuestionnaire *old,
                                        RkCompat *out, RkDiag *d);

/* Compare two version strings part by part ("1.10.0" > "1.9.2"; numeric
   parts as numbers, others as text): <0, 0 or >0. */
int rk_version_compare(const char *a, const char *b);
/* Is id listed in the questionnaire's `retired:`? */
bool rk_questionnaire_is_retired(const RkQuestionnaire *q, const char *id);
/* The level index for a 0-100 score (the highest with min <= score). */
size_t rk_questionnaire_level_for(const RkQuestionnaire *q, double score);
/* The language to use: wanted if declared, else the fallback (languages[0]). */
const char *rk_questionnaire_lang(const RkQuestionnaire *q, const char *wanted);
/* Does wanted name one of the declared languages (any case; "fr-CA" names
   "fr")? False when rk_questionnaire_lang would fall back. */
bool rk_questionnaire_speaks(const RkQuestionnaire *q, const char *wanted);

#endif
