/* ask_screen: `readykit ask` at a terminal: one screen per question
   (choices by arrows or number, multi ticks, typed answers through libedit),
   the note and source, and the loop that ties them to the flow, the review
   and the end. */
#include <stdio.h>
#include <string.h>

#include "ask_internal.h"
#include "readykit/labels.h"

typedef struct Screen {
    const RkQuestion *qn;
    size_t cursor;       /* choice row; n_choices is the "don't know" row */
    bool ticks[64];      /* multi */
    bool help;
    char msg[1100];      /* one line: an error or a notice */
} Screen;

#define COLON (rk_labels_for(k->lang)->colon)

static const char *T(const Ask *k, const RkText *t)
{
    return rk_text_get(t, k->lang, k->q->languages[0]);
}

/* The header: pillar, position, the rule under it; then the question. */
static void draw_top(const Ask *k, const Screen *s, RkBuf *b)
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
static void draw_choices(const Ask *k, const Screen *s, RkBuf *b)
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
static void draw_facts(const Ask *k, const Screen *s, RkBuf *b)
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
static void draw(Ask *k, const Screen *s, bool typed)
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

/* Note, then source, each saved when given. */
static AskAct evidence(Ask *k, Screen *s)
{
    char line[4096], prompt[64];
    rk_term_write(k->term, "\r\n", 2); /* below the footer */
    for (int i = 0; i < 2; i++) {
        const RkAnswer *an = rk_answers_get(k->a, s->qn);
        snprintf(prompt, sizeof prompt, "%s%s", rk_ask_label(k->lang, i ? RK_A_SOURCE : RK_A_NOTE),
                 COLON);
        RkLineStatus st = rk_term_line(k->term, prompt, i ? an->source : an->note, line, sizeof line);
        if (st == RK_LINE_INTERRUPT)
            return ACT_INTERRUPT;
        if (st == RK_LINE_EOF)
            return ACT_NEXT;
        RkDiag d;
        rk_diag_init(&d);
        if (rk_ask_set_evidence(k, s->qn, i ? an->note : line, i ? line : an->source, &d) != RK_OK)
            snprintf(s->msg, sizeof s->msg, "%s", d.message);
    }
    return ACT_NEXT;
}

/* After a change: the note and source when asked for, then on. */
static AskAct answered(Ask *k, Screen *s, RkStatus st, const RkDiag *d, bool typed)
{
    if (st != RK_OK) {
        snprintf(s->msg, sizeof s->msg, "%s", d->message);
        return ACT_REVIEW + 100; /* stay */
    }
    if (!s->qn->evidence)
        return ACT_NEXT;
    s->msg[0] = '\0';
    draw(k, s, typed);
    return evidence(k, s);
}

#define STAY ((AskAct)(ACT_REVIEW + 100))

static AskAct command(Ask *k, Screen *s, int key, bool typed)
{
    switch (key) {
    case '?': s->help = !s->help; return STAY;
    case '<': return ACT_BACK;
    case '>': return ACT_NEXT;
    case 'r': return ACT_REVIEW;
    case 'q': return ACT_QUIT;
    case 'n':
        draw(k, s, typed);
        return evidence(k, s) == ACT_INTERRUPT ? ACT_INTERRUPT : STAY;
    case RK_KEY_INTERRUPT: return ACT_INTERRUPT;
    case RK_KEY_EOF: return ACT_HANGUP;
    default: return STAY;
    }
}

/* A typed answer (number, text) through libedit. */
static AskAct typed_question(Ask *k, Screen *s)
{
    char line[4096];
    for (;;) {
        draw(k, s, true);
        s->msg[0] = '\0';
        const RkAnswer *an = rk_answers_get(k->a, s->qn);
        RkLineStatus st = rk_term_line(k->term, "> ",
                                       an->state == RK_ANSWER_VALUE ? an->value : NULL,
                                       line, sizeof line);
        if (st == RK_LINE_INTERRUPT)
            return ACT_INTERRUPT;
        if (st == RK_LINE_EOF || !line[strspn(line, " ")])
            return ACT_NEXT;
        if (strlen(line) == 1 && strchr("?<>rqn", line[0])) {
            AskAct a = command(k, s, line[0], true);
            if (a != STAY)
                return a;
            continue;
        }
        RkDiag d;
        rk_diag_init(&d);
        const char *text = strcmp(line, "d") == 0 && s->qn->type == RK_Q_NUMBER ? "dont_know" : line;
        AskAct a = answered(k, s, rk_ask_apply_text(k, s->qn, text, &d), &d, true);
        if (a != STAY)
            return a;
    }
}

/* A choice, scale, yes/no or multi: arrows, numbers, space, Enter. */
static AskAct choice_question(Ask *k, Screen *s)
{
    const RkQuestion *qn = s->qn;
    size_t rows = qn->n_choices + qn->dont_know;
    for (;;) {
        draw(k, s, false);
        s->msg[0] = '\0';
        int key = rk_term_key(k->term);
        long pick = -1;
        if (key >= '0' && key <= '9')
            pick = rk_ask_choice_find(qn, (char[]){(char)key, 0});
        else if (key == 'd' && qn->dont_know)
            pick = (long)qn->n_choices;
        if (pick >= 0)
            s->cursor = (size_t)pick;
        if (key == RK_KEY_UP && s->cursor > 0)
            s->cursor--;
        else if (key == RK_KEY_DOWN && s->cursor + 1 < rows)
            s->cursor++;
        else if (key == RK_KEY_HOME)
            s->cursor = 0;
        else if (key == RK_KEY_END)
            s->cursor = rows - 1;
        bool multi = qn->type == RK_Q_MULTI && s->cursor < qn->n_choices;
        if (multi && (key == ' ' || pick >= 0)) {
            s->ticks[s->cursor] = !s->ticks[s->cursor];
            continue;
        }
        if (key == RK_KEY_ENTER || pick >= 0 || (key == ' ' && !multi)) {
            RkDiag d;
            rk_diag_init(&d);
            RkAnswer prev = k->a->by_question[qn->index];
            RkStatus st;
            if (s->cursor == qn->n_choices) {
                rk_answers_set_dont_know(k->a, qn);
                st = rk_ask_commit(k, qn, &prev, &d);
            } else if (qn->type == RK_Q_MULTI) {
                const char *vals[64];
                size_t n = 0;
                for (size_t i = 0; i < qn->n_choices && i < 64; i++)
                    if (s->ticks[i])
                        vals[n++] = qn->choices[i].value;
                st = rk_answers_set_multi(k->a, qn, vals, n, &d);
                if (st == RK_OK)
                    st = rk_ask_commit(k, qn, &prev, &d);
            } else {
                st = rk_ask_apply_text(k, qn, qn->choices[s->cursor].value, &d);
            }
            AskAct a = answered(k, s, st, &d, false);
            if (a != STAY)
                return a;
            continue;
        }
        if (key == RK_KEY_LEFT)
            key = '<';
        AskAct a = command(k, s, key, false);
        if (a != STAY)
            return a;
    }
}

static AskAct question(Ask *k)
{
    Screen s;
    memset(&s, 0, sizeof s);
    s.qn = k->q->questions[k->f->current];
    snprintf(s.msg, sizeof s.msg, "%s", k->notice);
    k->notice[0] = '\0';
    const RkAnswer *an = rk_answers_get(k->a, s.qn);
    if (an->state == RK_ANSWER_DONT_KNOW)
        s.cursor = s.qn->n_choices;
    for (size_t i = 0; i < s.qn->n_choices && i < 64; i++) {
        if (an->state == RK_ANSWER_VALUE && s.qn->type != RK_Q_MULTI &&
            strcmp(an->value, s.qn->choices[i].value) == 0)
            s.cursor = i;
        for (size_t j = 0; s.qn->type == RK_Q_MULTI && j < an->n_values; j++)
            s.ticks[i] |= strcmp(an->values[j], s.qn->choices[i].value) == 0;
    }
    return s.qn->n_choices ? choice_question(k, &s) : typed_question(k, &s);
}

/* "saved in FILE; go on with: readykit ask --resume FILE" */
static void saved_hint(const Ask *k)
{
    RkBuf b;
    rk_buf_init(&b);
    rk_buf_puts(&b, "readykit: answers saved in ");
    rk_ask_shell_word(&b, k->path);
    rk_buf_puts(&b, "; go on with: readykit ask --resume ");
    rk_ask_shell_word(&b, k->path);
    rk_buf_puts(&b, "\n");
    fwrite(b.data, 1, b.len, stderr);
    rk_buf_free(&b);
}

int rk_ask_screens(Ask *k, bool review)
{
    rk_term_raw(k->term, true);
    size_t cursor = k->f->current, before_review = k->f->current;
    bool in_review = review;
    for (;;) {
        AskAct a;
        if (in_review)
            a = rk_ask_review(k, &cursor);
        else if (rk_ask_flow_at_end(k->f))
            a = rk_ask_end_screen(k);
        else
            a = question(k);
        switch (a) {
        case ACT_NEXT:
            if (k->f->from_review) {
                k->f->from_review = false;
                in_review = true;
            } else {
                rk_ask_flow_next(k->f);
            }
            break;
        case ACT_BACK: rk_ask_flow_back(k->f); break;
        case ACT_REVIEW:
            in_review = true;
            before_review = k->f->current;
            cursor = rk_ask_flow_at_end(k->f) ? 0 : k->f->current;
            break;
        case ACT_JUMP: in_review = false; break;
        case ACT_LEAVE: /* back where the assessor was before the review */
            in_review = false;
            k->f->current = before_review;
            break;
        case ACT_FINISH:
            rk_term_close(k->term);
            return rk_ask_finish(k);
        case ACT_QUIT:
            rk_term_close(k->term);
            saved_hint(k);
            return RK_OK;
        case ACT_INTERRUPT:
        case ACT_HANGUP:
        default: {
            bool say = rk_term_signal() == 2; /* SIGINT: the terminal is still there */
            rk_term_close(k->term);
            return rk_ask_interrupted(k, say);
        }
        }
    }
}
