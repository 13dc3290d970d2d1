/*
 * labels: the fixed words of readykit's own outputs (text and PDF), in the
 * languages it ships with (en, fr, es); other languages fall back to
 * English. Static tables: nothing to own or free.
 */
#ifndef READYKIT_LABELS_H
#define READYKIT_LABELS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum RkLabel {
    RK_L_OVERALL, RK_L_LEVEL, RK_L_PILLAR, RK_L_SCORE, RK_L_PILLARS, RK_L_NO_DATA,
    RK_L_CAPPED, RK_L_CONFIDENCE, RK_L_ANSWERED, RK_L_DONT_KNOW, RK_L_FINDINGS,
    RK_L_RESPONDENT, RK_L_DATE, RK_L_QUESTIONNAIRE, RK_L_GAP, RK_L_STRENGTH,
    RK_L_RECOMMENDATION, RK_L_AT_MOST, RK_L_INDICATORS, RK_L_NOT_AVAILABLE,
    /* short lower-case forms for the text output */
    RK_L_T_OVERALL, RK_L_T_CAPPED, RK_L_T_AT_MOST, RK_L_T_INDICATOR, RK_L_T_NO_SUBJECT,
    /* the text output's data line (plural, then singular): see
       rk_labels_data_line */
    RK_L_T_DATA_LINE, RK_L_T_DATA_LINE_ONE,
    RK_L_COUNT
} RkLabel;

typedef struct RkLabels {
    const char *lang;    /* "en", "fr", "es" */
    char decimal;        /* decimal separator for figures on the page */
    const char *colon;   /* ": ", or French " : " with a narrow no-break space */
    const char *w[RK_L_COUNT];
} RkLabels;

/* The words of `readykit ask`'s screens (en, fr, es; else English). Those
   with %zu take counts, %s strings, as their comment says. */
typedef enum RkAskLabel {
    RK_A_POSITION,    /* pillar pos, pillar total, question pos, total (4 %zu) */
    RK_A_DONT_KNOW, RK_A_NOT_APPLICABLE, RK_A_CURRENT, RK_A_NONE,
    RK_A_EVIDENCE, RK_A_NOTE, RK_A_SOURCE, RK_A_UNIT, RK_A_MIN, RK_A_MAX,
    RK_A_KEYS_CHOICE, RK_A_KEYS_MULTI, RK_A_KEYS_LINE, RK_A_FOOTER,
    RK_A_NO_HELP, RK_A_REVIEW, RK_A_NO_SOURCE,
    RK_A_END,         /* unanswered count (%zu) */
    RK_A_END_KEYS, RK_A_SUBJECT, RK_A_RESPONDENT,
    RK_A_WITHOUT_SOURCE, /* count (%zu) */
    RK_A_PDF, RK_A_CHANGE, RK_A_COUNT
} RkAskLabel;

const char *rk_ask_label(const char *lang, RkAskLabel w);

/* The labels for a language tag ("fr", "fr-CA", "es_MX"...); English when
   the language is not shipped or lang is NULL. */
const RkLabels *rk_labels_for(const char *lang);

/* Does the sentence "N of M applicable questions answered" take its
   singular noun in lang? French agrees with the answered count (below 2),
   English and Spanish with the applicable count (1). */
bool rk_labels_data_one(const char *lang, int answered, int applicable);

/* The text output's data line ("data: 45 of 51 applicable questions
   answered, ...") with the language's plural agreement. */
void rk_labels_data_line(const RkLabels *l, char *buf, size_t size, int answered,
                         int applicable, int dont_know, int unanswered, int not_applicable,
                         double confidence);

#endif
