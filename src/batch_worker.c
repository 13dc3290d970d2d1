/* batch_worker: a worker process of a batch (files in, outcomes out) and
   the wire between it and the parent (batch_run.c). */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch_internal.h"
#include "readykit/report.h"

/* ---- the wire -----------------------------------------------------------
   task:    u32 index, u32 length, the name
   outcome: u32 length of the rest, u32 index, i32 status, u32 msg, out,
            qid, head lengths, u32 n_ind, then those texts, then n_ind x
            (u32 length, id, double value) */

/* Write (or read) all n bytes, through EINTR and short counts. */
static bool all(int fd, void *p, size_t n, bool writing)
{
    char *c = p;
    while (n) {
        ssize_t k = writing ? write(fd, c, n) : read(fd, c, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        c += k;
        n -= (size_t)k;
    }
    return true;
}

bool rk_batch_write_all(int fd, const void *p, size_t n)
{
    return all(fd, (void *)(uintptr_t)p, n, true);
}

static bool read_all(int fd, void *p, size_t n)
{
    return all(fd, p, n, false);
}

static void put_u32(RkBuf *b, uint32_t v) { rk_buf_add(b, (const char *)&v, sizeof v); }

static void put_id(RkBuf *b, const char *id)
{
    put_u32(b, (uint32_t)strlen(id));
    rk_buf_puts(b, id);
}

/* The outcome of one file, as the worker sends it. */
void rk_batch_encode(RkBuf *b, uint32_t index, RkStatus st, const RkBuf *msg, const RkBuf *out,
                     const RkBuf *head, const RkScored *sc)
{
    const RkResult *r = sc ? sc->result : NULL;
    const char *qid = sc ? sc->q->id : "";
    size_t n_decl = 0;
    const char *const *decl = sc && head->len ? rk_rules_declared(sc->rules, &n_decl) : NULL;
    uint32_t n_ind = r ? (uint32_t)r->n_indicators : 0;
    b->len = 0;
    put_u32(b, 0); /* length, set below */
    put_u32(b, index);
    put_u32(b, (uint32_t)st);
    put_u32(b, (uint32_t)msg->len);
    put_u32(b, (uint32_t)out->len);
    put_u32(b, (uint32_t)strlen(qid));
    put_u32(b, (uint32_t)head->len);
    put_u32(b, n_ind);
    put_u32(b, (uint32_t)n_decl);
    rk_buf_add(b, msg->data ? msg->data : "", msg->len);
    rk_buf_add(b, out->data ? out->data : "", out->len);
    rk_buf_puts(b, qid);
    rk_buf_add(b, head->data ? head->data : "", head->len);
    for (size_t i = 0; i < n_decl; i++)
        put_id(b, decl[i]);
    for (uint32_t i = 0; i < n_ind; i++) {
        put_id(b, r->indicators[i].id);
        rk_buf_add(b, (const char *)&r->indicators[i].value, sizeof(double));
    }
    if (!b->failed) {
        uint32_t len = (uint32_t)(b->len - sizeof len);
        memcpy(b->data, &len, sizeof len);
    }
}

/* Parse an outcome (the bytes after its length). */
void rk_batch_decode(const char *p, Record *r)
{
    uint32_t f[8];
    memcpy(f, p, sizeof f);
    p += sizeof f;
    r->index = f[0];
    r->status = (int32_t)f[1];
    r->msg = p;
    r->msg_len = f[2];
    r->out = r->msg + f[2];
    r->out_len = f[3];
    r->qid = r->out + f[3];
    r->qid_len = f[4];
    r->head = r->qid + f[4];
    r->head_len = f[5];
    r->n_ind = f[6];
    r->n_decl = f[7];
    r->decl = r->head + f[5];
    p = r->decl;
    for (uint32_t i = 0; i < r->n_decl; i++) {
        uint32_t len;
        memcpy(&len, p, sizeof len);
        p += sizeof len + len;
    }
    r->ind = p;
}

/* ---- a worker ----------------------------------------------------------- */

/* Score one file into an outcome. */
static void score_one(const RkBatchOptions *o, RkEngines *e, uint32_t index, const char *file,
                      RkBuf *wire)
{
    RkDiag d;
    rk_diag_init(&d);
    RkBuf msg, out, head;
    rk_buf_init(&msg);
    rk_buf_init(&out);
    rk_buf_init(&head);
    RkScored sc;
    RkStatus st = rk_engines_score(e, file, &sc, &d);
    if (st == RK_OK) {
        RkReportInput in = {sc.q, sc.answers, sc.result, file, sc.lang};
        if (o->format == RK_BATCH_JSON) {
            (o->explain ? rk_report_json_explained : rk_report_json)(&out, &in);
        } else if (o->format == RK_BATCH_CSV) {
            rk_report_csv_fixed(&out, &in);
            rk_report_csv_header(&head, sc.q, NULL, 0);
            head.len -= 2; /* without its "\r\n" */
        } else {
            (o->explain ? rk_report_text_explained : rk_report_text)(&out, &in);
        }
        if (out.failed || head.failed)
            st = rk_diag_set(&d, RK_EINTERNAL, file, 0, 0, "out of memory");
    }
    rk_batch_diag_text(&msg, &d);
    if (st != RK_OK && rk_engines_dead(e)) {
        /* a hard stop left the engine unusable: say why and end this
           worker; the parent names the file and a new worker goes on */
        if (msg.data)
            rk_batch_write_all(2, msg.data, msg.len);
        _exit(RK_EDATA);
    }
    rk_batch_encode(wire, index, st, &msg, &out, &head, st == RK_OK ? &sc : NULL);
    rk_scored_free(&sc);
    rk_buf_free(&msg);
    rk_buf_free(&out);
    rk_buf_free(&head);
}

/* The worker process: files in, outcomes out, until the task pipe closes. */
void rk_batch_worker_main(const RkBatchOptions *o, int task_fd, int res_fd)
{
    signal(SIGPIPE, SIG_DFL);
    RkDiag d;
    rk_diag_init(&d);
    RkEngines *e = NULL;
    if (rk_engines_new(o->questionnaire, o->rules, o->lang, &e, &d) != RK_OK)
        _exit(RK_EINTERNAL);
    RkBuf wire, name;
    rk_buf_init(&wire);
    rk_buf_init(&name);
    uint32_t hdr[2];
    while (read_all(task_fd, hdr, sizeof hdr)) {
        name.len = 0;
        rk_buf_add(&name, "", 0);
        for (uint32_t k = 0; k < hdr[1]; k++)
            rk_buf_add(&name, " ", 1);
        if (name.failed || !read_all(task_fd, name.data, hdr[1]))
            _exit(RK_EINTERNAL);
        name.data[hdr[1]] = '\0';
        score_one(o, e, hdr[0], name.data, &wire);
        if (wire.failed || !rk_batch_write_all(res_fd, wire.data, wire.len))
            _exit(RK_EINTERNAL);
    }
    _exit(0); /* no atexit, no stdio flush: the parent owns the output */
}

