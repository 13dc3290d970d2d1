/* report_words: the PDF report's own fixed words and sentences in en, fr
   and es (labels.c keeps the words it shares with the text output), the
   glossary of acronyms, and localized dates. Static tables: nothing to own
   or free. */
#ifndef READYKIT_REPORT_WORDS_H
#define READYKIT_REPORT_WORDS_H

#include <stddef.h>

typedef enum RkWord {
    RK_W_REPORT,          /* "Readiness report" */
    RK_W_SUMMARY, RK_W_TOP_ACTIONS, RK_W_FINDINGS_BY_PRIORITY,
    RK_W_ACT_NOW, RK_W_NEXT, RK_W_CONSOLIDATE,
    RK_W_NEXT_STEP, RK_W_STRENGTH, RK_W_GAP, RK_W_RECOMMENDATION,
    RK_W_PILLAR_SECTIONS, RK_W_EVIDENCE, RK_W_SOURCE, RK_W_NOTE,
    RK_W_DONT_KNOW, RK_W_UNANSWERED, RK_W_NOT_APPLICABLE,
    RK_W_KEY_FIGURES, RK_W_DATA_QUALITY, RK_W_METHOD, RK_W_GLOSSARY,
    RK_W_CHANGE, RK_W_TARGET, RK_W_GAP_TO_TARGET, RK_W_EARLIER, RK_W_NOW,
    RK_W_POINTS, RK_W_WEIGHT, RK_W_MAX_POINTS, RK_W_QUESTION, RK_W_QUESTIONS,
    RK_W_FROM, RK_W_LEVELS, RK_W_GATES, RK_W_RULE_FILES, RK_W_HOW_POINTS,
    RK_W_LEFT_OUT, RK_W_WEIGHTS, RK_W_STANDARD_SCORER,
    /* sentences: printf formats */
    RK_W_F_PAGE,          /* "page %d / %d" */
    RK_W_F_MARGIN,        /* "%s points to %s (%s)": margin, next level, its min */
    RK_W_F_TOP_LEVEL,     /* "%s: the highest level" */
    RK_W_F_SUMMARY_LEVEL, /* "%s is at the level %s, with %s / 100." subject, level, score */
    RK_W_F_SUMMARY_BEST,  /* "Strongest pillars: %s and %s. Weakest: %s and %s." */
    RK_W_F_SUMMARY_DATA,  /* confidence %s, answered %d, of %d, dont know %d, unanswered %d */
    RK_W_F_SUMMARY_DATA_ONE, /* the same, singular: see rk_labels_data_one */
    RK_W_F_PILLAR_COUNTS, /* through rk_words_counts */
    RK_W_F_NO_DATA_PILLARS, /* "No data for: %s (left out of the overall score)." */
    RK_W_T_HOW_POINTS,    /* paragraphs of the method */
    RK_W_T_LEFT_OUT,
    RK_W_T_CAPS,
    RK_W_T_REPRODUCE,
    RK_W_T_NO_CAPS,
    RK_W_COUNT
} RkWord;

typedef struct RkWords {
    const char *lang;
    const char *w[RK_W_COUNT];
    const char *months[12];
    const char *date_format; /* printf of day (int), month (string), year (int) */
} RkWords;

const RkWords *rk_words_for(const char *lang);

/* "2026-11-23" as "23 November 2026" / "23 novembre 2026" / "23 de
   noviembre de 2026"; other text is copied as it is. */
void rk_words_date(const RkWords *w, const char *iso, char *buf, size_t size);

/* "45 of 51 answered, 5 don't know, 1 unanswered, 0 not applicable", with
   the language's plural agreement. */
void rk_words_counts(const RkWords *w, char *buf, size_t size, int answered, int applicable,
                     int dont_know, int unanswered, int not_applicable);

/* The glossary: acronym and expansion in the report's language. */
typedef struct RkAcronym {
    const char *acronym;
    const char *en, *fr, *es;
} RkAcronym;
extern const RkAcronym rk_acronyms[];
extern const size_t rk_n_acronyms;

#endif
