/*
 * report_internal.h: what report_text.c (text, JSON, CSV) shares with
 * report_explain.c (the --explain part of the text and JSON). Nothing here
 * allocates beyond the caller's buffer.
 */
#ifndef READYKIT_REPORT_INTERNAL_H
#define READYKIT_REPORT_INTERNAL_H

#include "readykit/report.h"

/* report_text.c: a JSON number (2 decimals; NaN is null), a key after ", "
   unless first, and a level's id (NULL outside the levels). */
void rk_report_json_number(RkBuf *b, double v);
void rk_report_json_key(RkBuf *b, const char *key, bool first);
const char *rk_report_level_id(const RkQuestionnaire *q, int level);

/* report_explain.c: the trace of one result, as text lines (after the
   summary) or as the value of the JSON object's "explain" field. */
void rk_report_explain_text(RkBuf *b, const RkReportInput *in);
void rk_report_explain_json(RkBuf *b, const RkReportInput *in);

#endif
