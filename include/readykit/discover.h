/*
 * discover: what a questionnaire author or an analyst looks up before
 * writing answers or rules: the questionnaires on the search path (list),
 * the questions of one (show), and an answers skeleton to fill in
 * (template). Everything is written into the caller's RkBuf; nothing here
 * prints, and nothing is kept after a call returns.
 */
#ifndef READYKIT_DISCOVER_H
#define READYKIT_DISCOVER_H

#include <stdbool.h>

#include "readykit/diag.h"
#include "readykit/fileio.h"
#include "readykit/questionnaire.h"

/* The questionnaires found on the search path (rk_locate_each_dir), in
   search order; an id found again later is marked shadowed. Files that do
   not load as questionnaires are skipped with a warning in d. */
RkStatus rk_discover_list(RkBuf *out, bool json, RkDiag *d);

/* The questionnaire's pillars and questions in lang: type, weight, choices
   with points, when, evidence. With only_id (a question or pillar id) just
   that one, with its help text. RK_EUSAGE with "did you mean" when only_id
   names nothing. */
RkStatus rk_discover_show(RkBuf *out, const RkQuestionnaire *q, const char *only_id,
                          const char *lang, bool json, RkDiag *d);

/* An answers file with every question as a comment (its text, choices and
   help in lang), ready to be filled in a text editor; as it is written it
   loads as an empty assessment. */
void rk_discover_template(RkBuf *out, const RkQuestionnaire *q, const char *lang);

#endif
