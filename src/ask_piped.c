/* ask_piped: `readykit ask` without a terminal: one answer per line, in
   question order, no escape sequences (see the command's help). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ask_internal.h"
#include "cli.h"
#include "readykit/safetext.h"

/* Cut s at the first " | " and return what follows it (or NULL). */
static char *cut_field(char *s)
{
    char *bar = s ? strstr(s, " | ") : NULL;
    if (!bar)
        return NULL;
    *bar = '\0';
    return bar + 3;
}

static char *trim(char *s)
{
    if (!s)
        return NULL;
    s += strspn(s, " \t");
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* One input line for question qn: "answer [| note [| source]]". */
static void one_line(Ask *k, const RkQuestion *qn, char *line, long lineno)
{
    line[strcspn(line, "\r\n")] = '\0';
    int ctl = rk_control_in(line, strlen(line));
    if (ctl >= 0) { /* an answers file may not hold it: the question stays unanswered */
        fprintf(stderr, "readykit: <stdin>:%ld: question %s: this line holds a control "
                "character (\\x%02x), which can only garble a terminal: remove it\n",
                lineno, qn->id, (unsigned)ctl);
        return;
    }
    char *note = cut_field(line);
    char *source = cut_field(note);
    char *answer = trim(line);
    note = trim(note);
    source = trim(source);
    RkDiag d;
    rk_diag_init(&d);
    if (*answer)
        rk_ask_apply_text(k, qn, answer, &d);
    if (d.status == RK_OK && (note || source)) {
        const RkAnswer *an = rk_answers_get(k->a, qn);
        rk_ask_set_evidence(k, qn, note ? note : an->note, source ? source : an->source, &d);
    }
    if (d.status != RK_OK)
    {
        fprintf(stderr, "readykit: <stdin>:%ld: question %s: ", lineno, qn->id);
        rk_cli_put_safe(stderr, d.message);
        fputc('\n', stderr);
    }
}

int rk_ask_piped(Ask *k)
{
    if (k->notice[0])
        fprintf(stderr, "readykit: warning: %s\n", k->notice);
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    int status = RK_OK;
    bool ended = false;
    while (!rk_ask_flow_at_end(k->f)) {
        errno = 0;
        ssize_t n = getline(&line, &cap, stdin);
        if (rk_term_signal()) {
            status = rk_ask_interrupted(k, true);
            break;
        }
        if (n < 0) {
            ended = true;
            break;
        }
        lineno++;
        one_line(k, k->q->questions[k->f->current], line, lineno);
        rk_ask_flow_next(k->f);
    }
    free(line);
    if (ended) {
        RkAskPosition p = rk_ask_flow_position(k->f);
        fprintf(stderr, "readykit: input ended at question %zu of %zu applicable (%s); "
                "answers saved in %s; go on with: readykit ask --resume %s\n", p.pos, p.total,
                k->q->questions[k->f->current]->id, k->path, k->path);
        return RK_OK;
    }
    return status == RK_OK ? rk_ask_finish(k) : status;
}
