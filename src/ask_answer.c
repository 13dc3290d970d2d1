/* ask_answer: what ask does with an answer (apply it as typed, check it,
   save the file, re-evaluate when:), and how a sitting ends (the summary,
   or the message of an interruption). */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "ask_internal.h"
#include "ask_words.h"
#include "cli.h"
#include "readykit/report.h"

/* rk_rules_applicable in the flow's callback shape. */
static RkStatus applicable(void *rules, const RkAnswers *a, const RkQuestion *qn, bool *out,
                           RkDiag *d)
{
    return rk_rules_applicable(rules, a, qn, out, d);
}

RkStatus rk_ask_refresh(Ask *k, RkDiag *d)
{
    return rk_ask_flow_refresh(k->f, k->a, applicable, k->rules, d);
}

RkStatus rk_ask_commit(Ask *k, const RkQuestion *qn, const RkAnswer *prev, RkDiag *d)
{
    RkStatus s = rk_rules_check_answer(k->rules, k->a, qn, d);
    if (s == RK_EDATA) {
        k->a->by_question[qn->index] = *prev;
        return s;
    }
    if (s == RK_OK)
        s = rk_answers_save(k->a, k->path, d);
    return s == RK_OK ? rk_ask_refresh(k, d) : s;
}

/* Is v no answer to qn? Then d says why in the screen's language (the
   answers module would say it in English). */
static bool invalid(const Ask *k, const RkQuestion *qn, const char *v, RkDiag *d)
{
    char why[1024];
    if (!rk_ask_why_invalid(k->lang, qn, v, why, sizeof why))
        return false;
    rk_diag_set(d, RK_EDATA, NULL, 0, 0, "%s", why);
    return true;
}

RkStatus rk_ask_apply_text(Ask *k, const RkQuestion *qn, const char *text, RkDiag *d)
{
    RkAnswer prev = k->a->by_question[qn->index];
    RkStatus s = RK_OK;
    if (strcmp(text, "dont_know") == 0) {
        if (!qn->dont_know)
            return rk_diag_set(d, RK_EDATA, NULL, 0, 0, "%s", rk_ask_no_dont_know(k->lang));
        rk_answers_set_dont_know(k->a, qn);
    } else if (qn->type == RK_Q_MULTI) {
        /* Values separated by commas, each a number or a value. */
        char buf[4096];
        const char *vals[64];
        size_t n = 0;
        snprintf(buf, sizeof buf, "%s", text);
        /* "[]": none of the choices (Enter with nothing ticked). */
        char *first = strcmp(text, "[]") == 0 ? NULL : strtok(buf, ",");
        for (char *p = first; p && n < 64; p = strtok(NULL, ",")) {
            while (*p == ' ')
                p++;
            size_t len = strlen(p);
            while (len && p[len - 1] == ' ')
                p[--len] = '\0';
            long i = rk_ask_choice_find(qn, p);
            vals[n++] = i >= 0 ? qn->choices[i].value : p;
            if (invalid(k, qn, vals[n - 1], d))
                return d->status;
        }
        s = rk_answers_set_multi(k->a, qn, vals, n, d);
    } else {
        long i = qn->n_choices ? rk_ask_choice_find(qn, text) : -1;
        const char *v = i >= 0 ? qn->choices[i].value : text;
        if (invalid(k, qn, v, d))
            return d->status;
        s = rk_answers_set(k->a, qn, v, d);
    }
    return s == RK_OK ? rk_ask_commit(k, qn, &prev, d) : s;
}

RkStatus rk_ask_set_evidence(Ask *k, const RkQuestion *qn, const char *note,
                             const char *source, RkDiag *d)
{
    rk_answers_set_evidence(k->a, qn, note, source);
    return rk_answers_save(k->a, k->path, d);
}

/* Applicable questions asking for evidence whose answer has no source. */
static size_t without_source(const Ask *k)
{
    size_t n = 0;
    for (size_t i = 0; i < k->q->n_questions; i++) {
        const RkAnswer *an = &k->a->by_question[i];
        n += k->q->questions[i]->evidence && k->f->applicable[i] &&
             an->state != RK_ANSWER_NONE && !an->source;
    }
    return n;
}

int rk_ask_finish(Ask *k)
{
    RkDiag d;
    rk_diag_init(&d);
    RkResult *r = NULL;
    if (rk_rules_score(k->rules, k->a, &r, &d) != RK_OK) {
        rk_cli_print_diag(&d);
        return d.status;
    }
    RkBuf b;
    rk_buf_init(&b);
    RkReportInput in = {k->q, k->a, r, k->path, k->lang};
    rk_report_text(&b, &in);
    rk_buf_puts(&b, "\n");
    rk_buf_printf(&b, rk_ask_label(k->lang, RK_A_WITHOUT_SOURCE), without_source(k));
    const char *colon = rk_labels_for(k->lang)->colon;
    rk_buf_printf(&b, "\n%s%.*s\n  readykit report ", rk_ask_label(k->lang, RK_A_PDF),
                  (int)strcspn(colon, " "), colon);
    rk_ask_shell_word(&b, k->path);
    rk_buf_puts(&b, " -o ");
    char pdf[4096];
    size_t n = strlen(k->path);
    if (n > 5 && strcmp(k->path + n - 5, ".yaml") == 0)
        n -= 5;
    snprintf(pdf, sizeof pdf, "%.*s.pdf", (int)n, k->path);
    rk_ask_shell_word(&b, pdf);
    rk_buf_printf(&b, "\n%s%.*s\n  readykit ask ", rk_ask_label(k->lang, RK_A_CHANGE),
                  (int)strcspn(colon, " "), colon);
    rk_ask_shell_word(&b, k->path);
    rk_buf_puts(&b, " --review\n");
    fwrite(b.data, 1, b.len, stdout);
    rk_buf_free(&b);
    rk_result_free(r);
    return RK_OK;
}

int rk_ask_interrupted(Ask *k, bool say)
{
    int sig = rk_term_signal();
    if (say) {
        RkBuf b;
        rk_buf_init(&b);
        rk_buf_puts(&b, "readykit: interrupted; answers saved; resume with: readykit ask --resume ");
        rk_ask_shell_word(&b, k->path);
        rk_buf_puts(&b, "\n");
        fwrite(b.data, 1, b.len, stderr);
        rk_buf_free(&b);
    }
    return sig == SIGINT || sig == 0 ? RK_EINTERRUPT : 128 + sig;
}
