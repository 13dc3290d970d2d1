/* report_pdf_internal: what the report's layout files share: the report
   being laid out, its colours, its findings split into items, and the
   small helpers every section uses. The Report owns `items` (malloc'd) and
   `texts` (each item's text); everything else points into the input. */
#ifndef READYKIT_REPORT_PDF_INTERNAL_H
#define READYKIT_REPORT_PDF_INTERNAL_H

#include "pdf_draw.h"
#include "readykit/fileio.h"
#include "readykit/labels.h"
#include "readykit/report.h"
#include "report_words.h"

extern const RkRgb RK_INK, RK_GREY, RK_RULE, RK_TRACK, RK_ACCENT, RK_WARN, RK_GOOD, RK_LINK,
    RK_AMBER, RK_EARLIER, RK_TARGET;

typedef enum ItemKind { ITEM_GAP, ITEM_RECOMMENDATION, ITEM_STRENGTH, ITEM_NEXT_STEP } ItemKind;

/* One thing to say: a finding, or half of a strength finding whose text
   also holds its next step. */
typedef struct Item {
    ItemKind kind;
    int priority;          /* 1 act now, 2 next, 3 consolidate */
    const char *pillar;    /* may be NULL */
    const char *text;      /* owned by Report.texts */
} Item;

typedef struct Report {
    RkPdf pdf;
    const RkReportInput *in;
    const RkReportPdfOptions *opt;
    const RkQuestionnaire *q;
    const RkResult *r;
    const char *lang;
    const RkLabels *labels;
    const RkWords *words;
    char dec;              /* decimal separator */
    Item *items;
    size_t n_items;
    RkBuf texts;           /* item texts, NUL-separated */
    HPDF_Outline pillars_outline;
} Report;

const char *rk_rp_word(const Report *rp, RkWord id);
const char *rk_rp_label(const Report *rp, int id);
const char *rk_rp_text(const Report *rp, const RkText *t);
const char *rk_rp_colon(const Report *rp);
/* Text built in b, or "" when it could not be (out of memory: recorded). */
const char *rk_rp_built(Report *rp, const RkBuf *b);
/* "74.1" / "74,1"; "—" for NaN. */
void rk_rp_score(const Report *rp, char *buf, size_t size, double v);
const char *rk_rp_pillar_title(const Report *rp, const char *id);
const RkPillarResult *rk_rp_pillar(const RkResult *r, const char *id);
const char *rk_rp_item_word(const Report *rp, ItemKind k);
RkRgb rk_rp_item_colour(ItemKind k);
/* "Capped at Emerging: reason" into b (emptied first). */
void rk_rp_cap_text(const Report *rp, RkBuf *b, const RkCap *cap);

/* A section heading at the cursor, kept with `keep` points of what follows,
   with a bookmark under parent (NULL: top level). */
HPDF_Outline rk_rp_heading(Report *rp, HPDF_Outline parent, const char *title, float size,
                           float keep);
/* A finding item: a coloured tag (kind and pillar) over its text. */
void rk_rp_item(Report *rp, const Item *it, bool with_pillar);
/* Start a major part on a new page unless most of this page is still free
   (so no page holds a lone item or two before it). */
void rk_rp_part_break(Report *rp);
/* A 0-100 bar: a grey track with the score filled in; nothing for NaN. */
void rk_rp_bar(Report *rp, float x, float y, float w, float h, double score, RkRgb c);

/* The sections, in the order they appear. */
void rk_rp_summary_page(Report *rp);
void rk_rp_findings(Report *rp);
void rk_rp_key_figures(Report *rp);
void rk_rp_pillar_sections(Report *rp);
void rk_rp_method(Report *rp);
void rk_rp_glossary(Report *rp);

#endif
