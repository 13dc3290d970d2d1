/* explain_words: the fixed words of `score --explain` and of the report's
   line for a rule file that rk.requires skipped, in en, fr and es (else
   English). Static tables: nothing to own or free. */
#ifndef READYKIT_EXPLAIN_WORDS_H
#define READYKIT_EXPLAIN_WORDS_H

#include <stddef.h>

#include "readykit/questionnaire.h"
#include "readykit/result.h"

typedef enum RkExplainWord {
    /* why a question does not count; %s: a rule file */
    RK_X_WHEN_FALSE, RK_X_NO_ANSWER, RK_X_DONT_KNOW, RK_X_RULE_POINTS, RK_X_NOT_SCORED,
    RK_X_NO_POINTS, RK_X_RULE_WEIGHT, RK_X_WEIGHT_0, RK_X_RULE_MAX, RK_X_MAX_0,
    /* the text trace */
    RK_X_NOT_APPLICABLE, RK_X_HEAD, RK_X_BUILTIN, RK_X_SKIPPED, RK_X_APPLIED,
    RK_X_PILLAR,          /* "    pillar %s, weight " */
    RK_X_OVERALL, RK_X_POINTS, RK_X_WEIGHT, RK_X_COUNTED, RK_X_NOT_COUNTED, RK_X_POINTS_BY,
    RK_X_CAPS_NONE, RK_X_CAPS,           /* %zu */
    RK_X_CAP,             /* level, rule file, line */
    RK_X_CALLED_FROM,     /* %d */
    RK_X_TIED_LATER, RK_X_BINDING, RK_X_HOLDING, RK_X_TIED, RK_X_NOT_REPORTED,
    RK_X_SCORE, RK_X_STANDARD_MEAN, RK_X_SET_BY, RK_X_COUNTED_NOTE, RK_X_LEVEL,
    RK_X_ALONE, RK_X_DROPPED,
    /* rk.requires: the sentence, what was required, the joiner of ids */
    RK_X_REQ_SENTENCE,    /* requirement, questionnaire id, its version */
    RK_X_REQ_IDS, RK_X_REQ_VERSION, RK_X_REQ_BOTH, RK_X_REQ_OR,
    RK_X_COUNT
} RkExplainWord;

const char *rk_explain_word(const char *lang, RkExplainWord w);

/* Why rk.requires skipped the rule file f of a scoring of q, in lang:
   English is the engine's own warning (f->skip_why). Written into buf. */
const char *rk_explain_skipped(const char *lang, const RkRuleFileInfo *f,
                               const RkQuestionnaire *q, char *buf, size_t size);

#endif
