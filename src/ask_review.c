/* ask_review: what the ask screens share (clearing, styles, clipping), the
   review list of every question, and the end screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ask_internal.h"
#include "readykit/labels.h"

size_t rk_ask_cols(const Ask *k)
{
    return k->term->cols < 80 ? (size_t)(k->term->cols > 20 ? k->term->cols : 20) : 80;
}

void rk_ask_screen_start(const Ask *k, RkBuf *b)
{
    rk_buf_puts(b, k->term->dumb ? "\r\n" : "\033[H\033[2J");
}

void rk_ask_style(const Ask *k, RkBuf *b, const char *sgr)
{
    if (k->term->color)
        rk_buf_printf(b, "\033[%sm", sgr);
}

void rk_ask_clip(RkBuf *b, const char *s, size_t cols)
{
    size_t w = 0;
    for (const char *p = s ? s : ""; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7F)
            continue;
        bool start = (c & 0xC0) != 0x80;
        if (start && w + 1 == cols && rk_ask_width(p, strlen(p)) > 1) {
            rk_buf_puts(b, "…");
            return;
        }
        if (start && ++w > cols)
            return;
        rk_buf_add(b, p, 1);
    }
}

void rk_ask_show(const Ask *k, RkBuf *b)
{
    if (b->data)
        rk_term_write(k->term, b->data, b->len);
    b->len = 0;
}

void rk_ask_answer_text(const Ask *k, const RkAnswer *an, RkBuf *out)
{
    const RkQuestion *qn = an->question;
    if (an->state == RK_ANSWER_NONE) {
        rk_buf_puts(out, "—");
    } else if (an->state == RK_ANSWER_DONT_KNOW) {
        rk_buf_puts(out, rk_ask_label(k->lang, RK_A_DONT_KNOW));
    } else if (qn->type == RK_Q_MULTI) {
        if (an->n_values == 0)
            rk_buf_puts(out, rk_ask_label(k->lang, RK_A_NONE));
        for (size_t i = 0; i < an->n_values; i++) {
            const RkChoice *c = rk_question_find_choice(qn, an->values[i]);
            rk_buf_printf(out, "%s%s", i ? ", " : "",
                          c ? rk_text_get(&c->label, k->lang, k->q->languages[0])
                            : an->values[i]);
        }
    } else if (qn->n_choices) {
        const RkChoice *c = rk_question_find_choice(qn, an->value);
        rk_buf_puts(out, c ? rk_text_get(&c->label, k->lang, k->q->languages[0]) : an->value);
    } else {
        rk_buf_puts(out, an->value);
        if (qn->type == RK_Q_NUMBER && !rk_text_empty(&qn->unit))
            rk_buf_printf(out, " %s", rk_text_get(&qn->unit, k->lang, k->q->languages[0]));
    }
}

/* One row of the review: cursor, number, mark, question text, answer. */
static void review_row(const Ask *k, RkBuf *b, size_t i, bool here)
{
    const RkQuestion *qn = k->q->questions[i];
    const RkAnswer *an = &k->a->by_question[i];
    size_t cols = rk_ask_cols(k), acol = cols / 3, tcol = cols - acol - 10;
    bool na = !k->f->applicable[i];
    /* '!': answered without the source its question asks for. */
    char mark = !na && qn->evidence && an->state != RK_ANSWER_NONE && !an->source ? '!' : ' ';
    if (here)
        rk_ask_style(k, b, "7");
    else if (na)
        rk_ask_style(k, b, "2");
    rk_buf_printf(b, "%s%3zu %c ", here ? "›" : " ", i + 1, mark);
    RkBuf t;
    rk_buf_init(&t);
    rk_ask_clip(&t, rk_text_get(&qn->text, k->lang, k->q->languages[0]), tcol);
    size_t w = t.data ? rk_ask_width(t.data, t.len) : 0;
    if (t.data)
        rk_buf_add(b, t.data, t.len);
    for (; w < tcol + 1; w++)
        rk_buf_puts(b, " ");
    t.len = 0;
    if (na)
        rk_buf_printf(&t, "(%s) ", rk_ask_label(k->lang, RK_A_NOT_APPLICABLE));
    if (!na || an->state != RK_ANSWER_NONE)
        rk_ask_answer_text(k, an, &t);
    rk_ask_clip(b, t.data, acol);
    rk_buf_free(&t);
    rk_ask_style(k, b, "0");
    rk_buf_puts(b, "\r\n");
}

/* A pillar's header row: its title in the screen's language, bold, with
   a rule to the screen's width. Never selected. */
static void pillar_row(const Ask *k, RkBuf *b, size_t p)
{
    size_t cols = rk_ask_cols(k);
    RkBuf t;
    rk_buf_init(&t);
    rk_buf_puts(&t, "── ");
    rk_ask_clip(&t, rk_text_get(&k->q->pillars[p].title, k->lang, k->q->languages[0]),
                cols > 8 ? cols - 8 : 1);
    rk_buf_puts(&t, " ");
    for (size_t w = rk_ask_width(t.data, t.len); w < cols - 1; w++)
        rk_buf_puts(&t, "─");
    rk_ask_style(k, b, "1");
    rk_buf_add(b, t.data, t.len);
    rk_ask_style(k, b, "0");
    rk_buf_puts(b, "\r\n");
    rk_buf_free(&t);
}

/* The review's rows, in one allocation the caller frees: list[r] is a
   question's index, or n_questions + p for pillar p's header, which comes
   before the pillar's questions; at[i] is question i's row. */
static size_t *review_rows(const RkQuestionnaire *q, size_t **at, size_t *n_rows)
{
    size_t n = q->n_questions, rows = n + q->n_pillars;
    size_t *list = calloc(rows + n, sizeof *list);
    if (!list)
        return NULL;
    *at = list + rows;
    size_t r = 0;
    for (size_t p = 0; p < q->n_pillars; p++) {
        list[r++] = n + p;
        for (size_t j = 0; j < q->pillars[p].n_questions; j++) {
            size_t i = q->pillars[p].questions[j].index;
            (*at)[i] = r;
            list[r++] = i;
        }
    }
    *n_rows = r;
    return list;
}

/* The row under the cursor in full: its pillar and its whole question
   text, on two lines at most (the rows cut it). */
static void selected_text(const Ask *k, RkBuf *b, size_t i)
{
    const RkQuestion *qn = k->q->questions[i];
    RkBuf t, w;
    rk_buf_init(&t);
    rk_buf_init(&w);
    rk_buf_printf(&t, "%s · %s", rk_text_get(&k->q->pillars[qn->pillar].title, k->lang,
                                             k->q->languages[0]),
                  rk_text_get(&qn->text, k->lang, k->q->languages[0]));
    rk_ask_wrap(&w, t.data, rk_ask_cols(k), "");
    size_t lines = 0, j = 0;
    for (; j < w.len && lines < 2; j++)
        lines += w.data[j] == '\n';
    rk_ask_style(k, b, "1");
    if (w.data)
        rk_buf_add(b, w.data, j);
    for (; lines < 2; lines++)
        rk_buf_puts(b, "\r\n");
    rk_ask_style(k, b, "0");
    rk_buf_free(&t);
    rk_buf_free(&w);
}

/* The review: a header row per pillar, then a row per question; the
   cursor moves over the questions only, and the scroll keeps the cursor's
   row in view, with its pillar's header when that is just above it. */
AskAct rk_ask_review(Ask *k, size_t *cursor)
{
    size_t n = k->q->n_questions, top = 0, n_rows = 0, *at = NULL;
    size_t *list = n ? review_rows(k->q, &at, &n_rows) : NULL;
    if (!list)
        return ACT_LEAVE;
    RkBuf b;
    rk_buf_init(&b);
    AskAct act = ACT_LEAVE;
    for (;;) {
        size_t rows = k->term->rows > 8 ? (size_t)k->term->rows - 6 : 2;
        if (*cursor >= n)
            *cursor = n - 1;
        size_t row = at[*cursor];
        size_t first = row > 0 && list[row - 1] >= n ? row - 1 : row;
        if (first < top)
            top = first;
        if (row >= top + rows)
            top = row - rows + 1;
        rk_ask_screen_start(k, &b);
        rk_ask_style(k, &b, "1");
        rk_ask_clip(&b, rk_text_get(&k->q->title, k->lang, k->q->languages[0]), rk_ask_cols(k));
        rk_ask_style(k, &b, "0");
        rk_buf_puts(&b, "\r\n");
        for (size_t r = top; r < n_rows && r < top + rows; r++) {
            if (list[r] >= n)
                pillar_row(k, &b, list[r] - n);
            else
                review_row(k, &b, list[r], list[r] == *cursor);
        }
        selected_text(k, &b, *cursor);
        rk_buf_printf(&b, "      ! %s\r\n", rk_ask_label(k->lang, RK_A_NO_SOURCE));
        rk_ask_clip(&b, rk_ask_label(k->lang, RK_A_REVIEW), rk_ask_cols(k));
        rk_ask_show(k, &b);
        int key = rk_term_key(k->term);
        switch (key) {
        case RK_KEY_UP: *cursor = *cursor ? *cursor - 1 : 0; break;
        case RK_KEY_DOWN: *cursor = *cursor + 1 < n ? *cursor + 1 : *cursor; break;
        case RK_KEY_PGUP: *cursor = *cursor > rows ? *cursor - rows : 0; break;
        case RK_KEY_PGDN: *cursor = *cursor + rows < n ? *cursor + rows : n - 1; break;
        case RK_KEY_HOME: *cursor = 0; break;
        case RK_KEY_END: *cursor = n - 1; break;
        case RK_KEY_ENTER:
            rk_ask_flow_jump(k->f, *cursor);
            act = ACT_JUMP;
            goto done;
        case 'q': case 'r': case RK_KEY_ESC: case '<': act = ACT_LEAVE; goto done;
        case RK_KEY_INTERRUPT: act = ACT_INTERRUPT; goto done;
        case RK_KEY_EOF: act = ACT_HANGUP; goto done;
        default: break;
        }
    }
done:
    rk_buf_free(&b);
    free(list);
    return act;
}

AskAct rk_ask_end_screen(Ask *k)
{
    RkBuf b;
    rk_buf_init(&b);
    for (;;) {
        rk_ask_screen_start(k, &b);
        rk_ask_style(k, &b, "1");
        rk_ask_clip(&b, rk_text_get(&k->q->title, k->lang, k->q->languages[0]), rk_ask_cols(k));
        rk_ask_style(k, &b, "0");
        rk_buf_puts(&b, "\r\n\r\n");
        char line[512];
        snprintf(line, sizeof line, rk_ask_label(k->lang, RK_A_END),
                 rk_ask_flow_unanswered(k->f, k->a));
        rk_ask_wrap(&b, line, rk_ask_cols(k), "");
        rk_buf_puts(&b, "\r\n");
        rk_ask_wrap(&b, rk_ask_label(k->lang, RK_A_END_KEYS), rk_ask_cols(k), "");
        rk_ask_show(k, &b);
        int key = rk_term_key(k->term);
        AskAct act = key == RK_KEY_ENTER       ? ACT_FINISH
                   : key == 'r'                ? ACT_REVIEW
                   : key == '<' || key == RK_KEY_UP ? ACT_BACK
                   : key == 'q'                ? ACT_QUIT
                   : key == RK_KEY_INTERRUPT   ? ACT_INTERRUPT
                   : key == RK_KEY_EOF         ? ACT_HANGUP
                                               : ACT_NEXT;
        if (act != ACT_NEXT) {
            rk_buf_free(&b);
            return act;
        }
    }
}
