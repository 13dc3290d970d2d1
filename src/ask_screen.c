/* ask_screen: `readykit ask` at a terminal: the keys of a question's
   screen (choices by arrows or number, multi ticks, typed answers through
   libedit), the note and source, and the loop that ties them to the flow,
   the review and the end. */
#include <stdio.h>
#include <string.h>

#include "ask_internal.h"

/* Note, then source, each saved when given. */
static AskAct evidence(Ask *k, AskScreen *s)
{
    char line[4096], prompt[64];
    rk_term_write(k->term, "\r\n", 2); /* below the footer */
    for (int i = 0; i < 2; i++) {
        const RkAnswer *an = rk_answers_get(k->a, s->qn);
        snprintf(prompt, sizeof prompt, "%s%s", rk_ask_label(k->lang, i ? RK_A_SOURCE : RK_A_NOTE),
                 rk_labels_for(k->lang)->colon);
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
static AskAct answered(Ask *k, AskScreen *s, RkStatus st, const RkDiag *d, bool typed)
{
    if (st != RK_OK) {
        snprintf(s->msg, sizeof s->msg, "%s", d->message);
        return ACT_STAY;
    }
    if (!s->qn->evidence)
        return ACT_NEXT;
    s->msg[0] = '\0';
    rk_ask_draw(k, s, typed);
    return evidence(k, s);
}

static AskAct command(Ask *k, AskScreen *s, int key, bool typed)
{
    switch (key) {
    case '?': s->help = !s->help; return ACT_STAY;
    case '<': return ACT_BACK;
    case '>': return ACT_NEXT;
    case 'r': return ACT_REVIEW;
    case 'q': return ACT_QUIT;
    case 'n':
        rk_ask_draw(k, s, typed);
        return evidence(k, s) == ACT_INTERRUPT ? ACT_INTERRUPT : ACT_STAY;
    case RK_KEY_INTERRUPT: return ACT_INTERRUPT;
    case RK_KEY_EOF: return ACT_HANGUP;
    default: return ACT_STAY;
    }
}

/* A typed answer (number, text) through libedit. */
static AskAct typed_question(Ask *k, AskScreen *s)
{
    char line[4096];
    for (;;) {
        rk_ask_draw(k, s, true);
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
            if (a != ACT_STAY)
                return a;
            continue;
        }
        RkDiag d;
        rk_diag_init(&d);
        const char *text = strcmp(line, "d") == 0 && s->qn->type == RK_Q_NUMBER ? "dont_know" : line;
        AskAct a = answered(k, s, rk_ask_apply_text(k, s->qn, text, &d), &d, true);
        if (a != ACT_STAY)
            return a;
    }
}

/* A choice, scale, yes/no or multi: arrows, numbers, space, Enter. */
static AskAct choice_question(Ask *k, AskScreen *s)
{
    const RkQuestion *qn = s->qn;
    size_t rows = qn->n_choices + qn->dont_know;
    for (;;) {
        rk_ask_draw(k, s, false);
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
            if (a != ACT_STAY)
                return a;
            continue;
        }
        if (key == RK_KEY_LEFT)
            key = '<';
        AskAct a = command(k, s, key, false);
        if (a != ACT_STAY)
            return a;
    }
}

static AskAct question(Ask *k)
{
    AskScreen s;
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
            /* an edit in the review may have made that question not
               applicable: go on from the first one still to answer */
            if (!rk_ask_flow_at_end(k->f) && !k->f->applicable[k->f->current])
                rk_ask_flow_resume(k->f, k->a);
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
