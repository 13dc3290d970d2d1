/* ask_draw: one question's screen: the pillar and position, the question,
   its help on request (cut to the rows left), the choices with the cursor
   and the current answer, unit and bounds, note and source, the keys. */
#include <stdio.h>
#include <string.h>

#include "ask_internal.h"

#define COLON (rk_labels_for(k->lang)->colon)

static const char *T(const Ask *k, const RkText *t)
{
    return rk_text_get(t, k->lang, k->q->languages[0]);
}

/* The header: pillar, position, the rule under it; then the question. */
static void draw_top(const Ask *k, const AskScreen *s, RkBuf *b)
{
    size_t cols = rk_ask_cols(k);
    RkAskPosition p = rk_ask_flow_position(k->f);
    char pos[256], head[1024];
    snprintf(pos, sizeof pos, rk_ask_label(k->lang, RK_A_POSITION), p.pillar_pos,
             p.pillar_total, p.pos, p.total);
    snprintf(head, sizeof head, "%s · %s", T(k, &k->q->pillars[s->qn->pillar].title), pos);
    rk_ask_style(k, b, "2");
    if (!k->f->applicable[s->qn->index])
        snprintf(head, sizeof head, "%s · (%s)", T(k, &k->q->pillars[s->qn->pillar].title),
                 rk_ask_label(k->lang, RK_A_NOT_APPLICABLE));
    rk_ask_clip(b, head, cols);
    rk_buf_puts(b, "\r\n");
    for (size_t i = 0; i < cols; i++)
        rk_buf_puts(b, "─");
    rk_ask_style(k, b, "0");
    rk_buf_puts(b, "\r\n");
    rk_ask_style(k, b, "1");
    rk_ask_wrap(b, T(k, &s->qn->text), cols, "");
    rk_ask_style(k, b, "0");
    rk_buf_puts(b, "\r\n");
}

/* The choices, one row each (the label wrapped under itself). */
static void draw_choices(const Ask *k, const AskScreen *s, RkBuf *b)
{
    const RkQuestion *qn = s->qn;
    const RkAnswer *an = rk_answers_get(k->a, qn);
    size_t rows = qn->n_choices + qn->dont_know;
    for (size_t i = 0; i < rows; i++) {
        bool dk = i == qn->n_choices, here = i == s->cursor;
        bool on = dk ? an->state == RK_ANSWER_DONT_KNOW
                : qn->type == RK_Q_MULTI ? s->ticks[i]
                : an->state == RK_ANSWER_VALUE && strcmp(an->value, qn->choices[i].value) == 0;
        char key[16], lead[64];
        if (dk)
            snprintf(key, sizeof key, "d");
        else
            rk_ask_choice_key(qn, i, key, sizeof key);
        snprintf(lead, sizeof lead, "%s %2s %s ", here ? "›" : " ", key,
                 qn->type == RK_Q_MULTI && !dk ? (on ? "[x]" : "[ ]") : (on ? "(•)" : "( )"));
        RkBuf w;
        rk_buf_init(&w);
        rk_ask_wrap(&w, dk ? rk_ask_label(k->lang, RK_A_DONT_KNOW) : T(k, &qn->choices[i].label),
                    rk_ask_cols(k), "         ");
        if (here)
            rk_ask_style(k, b, "7");
        rk_buf_puts(b, lead);
        if (w.data)
            rk_buf_puts(b, w.data + 9); /* the first line without its indent */
        if (here)
            rk_ask_style(k, b, "0");
        rk_buf_free(&w);
    }
}

/* Unit, bounds, evidence, current answer of a typed question; evidence
   for all. */
static void draw_facts(const Ask *k, const AskScreen *s, RkBuf *b)
{
    const RkQuestion *qn = s->qn;
    const RkAnswer *an = rk_answers_get(k->a, qn);
    size_t cols = rk_ask_cols(k);
    if (qn->type == RK_Q_NUMBER) {
        RkBuf l;
        rk_buf_init(&l);
        if (!rk_text_empty(&qn->unit))
            rk_buf_printf(&l, "%s%s%s  ", rk_ask_label(k->lang, RK_A_UNIT), COLON, T(k, &qn->unit));
        if (qn->has_min)
            rk_buf_printf(&l, "%s %.15g  ", rk_ask_label(k->lang, RK_A_MIN), qn->min);
        if (qn->has_max)
            rk_buf_printf(&l, "%s %.15g", rk_ask_label(k->lang, RK_A_MAX), qn->max);
        if (qn->dont_know)
            rk_buf_printf(&l, "  (d = %s)", rk_ask_label(k->lang, RK_A_DONT_KNOW));
        if (l.data)
            rk_ask_wrap(b, l.data, cols, "");
        rk_buf_free(&l);
    }
    if (qn->type == RK_Q_NUMBER || qn->type == RK_Q_TEXT) {
        RkBuf l;
        rk_buf_init(&l);
        rk_buf_printf(&l, "%s%s", rk_ask_label(k->lang, RK_A_CURRENT), COLON);
        if (an->state == RK_ANSWER_NONE)
            rk_buf_puts(&l, rk_ask_label(k->lang, RK_A_NONE));
        else
            rk_ask_answer_text(k, an, &l);
        rk_ask_clip(b, l.data, cols);
        rk_buf_puts(b, "\r\n");
        rk_buf_free(&l);
    }
    if (qn->evidence && !an->note && !an->source)
        rk_ask_wrap(b, rk_ask_label(k->lang, RK_A_EVIDENCE), cols, "");
    const char *ev[2] = {an->note, an->source};
    RkAskLabel names[2] = {RK_A_NOTE, RK_A_SOURCE};
    for (int i = 0; i < 2; i++)
        if (ev[i]) {
            RkBuf l;
            rk_buf_init(&l);
            rk_buf_printf(&l, "%s%s%s", rk_ask_label(k->lang, names[i]), COLON, ev[i]);
            rk_ask_clip(b, l.data, cols);
            rk_buf_puts(b, "\r\n");
            rk_buf_free(&l);
        }
}

/* The whole screen; help is cut to what the rows leave. */
void rk_ask_draw(Ask *k, const AskScreen *s, bool typed)
{
    size_t cols = rk_ask_cols(k);
    RkBuf top, help, mid, bot, b;
    rk_buf_init(&top), rk_buf_init(&help), rk_buf_init(&mid), rk_buf_init(&bot), rk_buf_init(&b);
    draw_top(k, s, &top);
    if (s->help) {
        rk_ask_style(k, &help, "2");
        rk_ask_wrap(&help, rk_text_empty(&s->qn->help) ? rk_ask_label(k->lang, RK_A_NO_HELP)
                                                       : T(k, &s->qn->help), cols, "  ");
        rk_ask_style(k, &help, "0");
        rk_buf_puts(&help, "\r\n");
    }
    if (!typed) {
        draw_choices(k, s, &mid);
        rk_buf_puts(&mid, "\r\n");
    }
    draw_facts(k, s, &mid);
    if (s->msg[0]) {
        rk_ask_style(k, &bot, "1");
        rk_ask_wrap(&bot, s->msg, cols, "");
        rk_ask_style(k, &bot, "0");
    }
    RkAskLabel keys = typed ? RK_A_KEYS_LINE
                    : s->qn->type == RK_Q_MULTI ? RK_A_KEYS_MULTI : RK_A_KEYS_CHOICE;
    rk_ask_clip(&bot, rk_ask_label(k->lang, keys), cols);
    rk_buf_puts(&bot, "\r\n");
    rk_ask_clip(&bot, rk_ask_label(k->lang, RK_A_FOOTER), cols);
    if (typed)
        rk_buf_puts(&bot, "\r\n");
    /* Lines left for the help, keeping a line for the typed answer. */
    size_t used = 0, rows = (size_t)k->term->rows, hl = 0;
    RkBuf *parts[] = {&top, &mid, &bot};
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < parts[i]->len; j++)
            used += parts[i]->data[j] == '\n';
    used += 1 + typed;
    for (size_t j = 0; j < help.len; j++)
        if (help.data[j] == '\n' && ++hl + used >= rows) {
            help.len = j + 1;
            help.data[help.len] = '\0';
            break;
        }
    rk_ask_screen_start(k, &b);
    for (size_t i = 0; i < 4; i++) {
        RkBuf *p = i == 0 ? &top : i == 1 ? &help : i == 2 ? &mid : &bot;
        if (p->data)
            rk_buf_add(&b, p->data, p->len);
    }
    rk_ask_show(k, &b);
    rk_buf_free(&top), rk_buf_free(&help), rk_buf_free(&mid), rk_buf_free(&bot), rk_buf_free(&b);
}

