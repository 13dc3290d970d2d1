/* ask_words: the reasons a typed value is not an answer, per language.
   The checks follow rk_answer_parse_value (answers.c) for a value typed
   in ask; that function stays the judge, and these words only speak
   first, in the assessor's language. */
#include "ask_words.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers_internal.h"
#include "readykit/labels.h"

#define NNBSP "\xE2\x80\xAF" /* narrow no-break space, French punctuation */
#define FQ(s) "«" NNBSP s NNBSP "»"

typedef enum Why {
    W_YES_NO,   /* id, text */
    W_CHOICE,   /* text, id, the choices */
    W_NUMBER,   /* id, text */
    W_WHOLE,    /* id, text */
    W_RANGE,    /* text, id, min, max */
    W_AT_LEAST, /* text, id, min */
    W_AT_MOST,  /* text, id, max */
    W_MULTI,    /* text, id, the choices */
    W_NO_DONT_KNOW,
    W_COUNT
} Why;

/* In the order of labels.c's tables: en, fr, es. */
static const char *const words[][W_COUNT] = {
    {"question '%s' expects yes or no, found '%s'",
     "'%s' is not a choice of question '%s' (expected one of: %s)",
     "question '%s' expects a number, found '%s'",
     "question '%s' expects a whole number, found %s",
     "%s is out of range for question '%s' (expected %s to %s)",
     "%s is out of range for question '%s' (expected at least %s)",
     "%s is out of range for question '%s' (expected at most %s)",
     "'%s' is not a choice of question '%s' (expected any of: %s)",
     "this question does not accept dont_know"},
    {"la question " FQ("%s") " attend yes ou no, pas " FQ("%s"),
     FQ("%s") " n'est pas un choix de la question " FQ("%s") " (choix possibles" NNBSP ": %s)",
     "la question " FQ("%s") " attend un nombre, pas " FQ("%s"),
     "la question " FQ("%s") " attend un nombre entier, pas %s",
     "%s est hors limites pour la question " FQ("%s") " (attendu" NNBSP ": de %s à %s)",
     "%s est hors limites pour la question " FQ("%s") " (attendu" NNBSP ": au moins %s)",
     "%s est hors limites pour la question " FQ("%s") " (attendu" NNBSP ": au plus %s)",
     FQ("%s") " n'est pas un choix de la question " FQ("%s") " (un ou plusieurs parmi" NNBSP
     ": %s)",
     "cette question n'accepte pas " FQ("ne sait pas")},
    {"la pregunta «%s» espera yes o no, no «%s»",
     "«%s» no es una opción de la pregunta «%s» (se espera una de: %s)",
     "la pregunta «%s» espera un número, no «%s»",
     "la pregunta «%s» espera un número entero, no %s",
     "%s está fuera del rango de la pregunta «%s» (se espera de %s a %s)",
     "%s está fuera del rango de la pregunta «%s» (se espera como mínimo %s)",
     "%s está fuera del rango de la pregunta «%s» (se espera como máximo %s)",
     "«%s» no es una opción de la pregunta «%s» (se espera una o varias de: %s)",
     "esta pregunta no acepta «no sabe»"},
};

static const char *const *table(const char *lang)
{
    const char *l = rk_labels_for(lang)->lang;
    return words[strcmp(l, "fr") == 0 ? 1 : strcmp(l, "es") == 0 ? 2 : 0];
}

const char *rk_ask_no_dont_know(const char *lang)
{
    return table(lang)[W_NO_DONT_KNOW];
}

static bool is_yes_no(const char *t)
{
    static const char *const ok[] = {"yes", "true", "Yes", "True", "no", "false", "No", "False"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strcmp(t, ok[i]) == 0)
            return true;
    return false;
}

/* A number out of the question's bounds (text is a number). */
static const char *bounds(const char *const *w, const RkQuestion *qn, const char *text,
                          double v, char *buf, size_t size)
{
    char lo[32], hi[32];
    snprintf(lo, sizeof lo, "%.15g", qn->min);
    snprintf(hi, sizeof hi, "%.15g", qn->max);
    if (!(qn->has_min && v < qn->min) && !(qn->has_max && v > qn->max))
        return NULL;
    if (qn->has_min && qn->has_max)
        snprintf(buf, size, w[W_RANGE], text, qn->id, lo, hi);
    else if (qn->has_min)
        snprintf(buf, size, w[W_AT_LEAST], text, qn->id, lo);
    else
        snprintf(buf, size, w[W_AT_MOST], text, qn->id, hi);
    return buf;
}

const char *rk_ask_why_invalid(const char *lang, const RkQuestion *qn, const char *text,
                               char *buf, size_t size)
{
    const char *const *w = table(lang);
    char allowed[512];
    switch (qn->type) {
    case RK_Q_YES_NO:
        if (is_yes_no(text))
            return NULL;
        snprintf(buf, size, w[W_YES_NO], qn->id, text);
        return buf;
    case RK_Q_SCALE:
    case RK_Q_CHOICE:
    case RK_Q_MULTI:
        if (rk_question_find_choice(qn, text))
            return NULL;
        rk_answers_list_choices(qn, allowed, sizeof allowed);
        snprintf(buf, size, w[qn->type == RK_Q_MULTI ? W_MULTI : W_CHOICE], text, qn->id,
                 allowed);
        return buf;
    case RK_Q_NUMBER: {
        char *end;
        double v = strtod(text, &end);
        if (end == text || *end || !isfinite(v)) {
            snprintf(buf, size, w[W_NUMBER], qn->id, text);
            return buf;
        }
        if (qn->integer && v != floor(v)) {
            snprintf(buf, size, w[W_WHOLE], qn->id, text);
            return buf;
        }
        return bounds(w, qn, text, v, buf, size);
    }
    case RK_Q_TEXT:
        return NULL;
    }
    return NULL;
}
