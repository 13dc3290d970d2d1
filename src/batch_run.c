/* batch_run: a batch scored by worker processes. Each worker has its own
   engine cache (so its own Lua states); the parent hands out file names
   over a pipe, reads the outcomes back over another, and writes them in
   input order. A worker that dies (the sandbox's hard deadline ends the
   process; a crash) fails only the file it was scoring: that file is
   reported with its position, and a new worker takes over the rest.
   With one job as with many the same processes do the same work, so the
   output is byte for byte the same. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "batch_internal.h"
#include "readykit/report.h"

#define MAX_JOBS 256
#define DEPTH 8 /* files handed to a worker ahead of its results: a worker
                   never waits for the parent to be scheduled */
#define HOLD_BYTES (16u << 20) /* outcomes held for their turn: above this, no
                                  new file is handed out and only the worker
                                  with the file whose turn it is is read */

typedef struct Worker {
    pid_t pid;
    int task_fd, res_fd;
    uint32_t pending[DEPTH]; /* indices handed out, oldest first */
    int n_pending;
    RkBuf in;                /* bytes read from res_fd, not yet parsed */
} Worker;

typedef struct Run {
    const RkBatchOptions *o;
    const RkFileList *files;
    Worker w[MAX_JOBS];
    int n_workers;
    RkBuf *slot;             /* outcomes waiting for their turn, by index % window */
    size_t held;             /* bytes in slot */
    bool *ready;
    size_t window;
    size_t next_write, next_new; /* the next index to write, to hand out */
    uint32_t *requeued;      /* indices to hand out again (their worker died) */
    size_t n_requeued;
    Writer *writer;
    RkStatus status;         /* the first failure in input order */
    size_t failed;
    RkOnce once;             /* what was said already (batch_once.c) */
} Run;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static bool start_worker(Run *run, Worker *w)
{
    int task[2], res[2];
    if (pipe(task) != 0)
        return false;
    if (pipe(res) != 0) {
        close(task[0]);
        close(task[1]);
        return false;
    }
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(task[0]);
        close(task[1]);
        close(res[0]);
        close(res[1]);
        return false;
    }
    if (pid == 0) {
        /* A worker ends with its parent (killed by a signal, say), instead
           of spinning on a rule until its own deadline. */
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent)
            _exit(RK_EINTERNAL);
        close(task[1]);
        close(res[0]);
        for (int i = 0; i < run->n_workers; i++) /* the other workers' pipes */
            if (run->w[i].pid > 0 && &run->w[i] != w) {
                close(run->w[i].task_fd);
                close(run->w[i].res_fd);
            }
        /* The worker never reads the list of files: give its pages back
           (large blocks are mapped apart, so they leave the worker's
           resident set), which keeps a worker's memory the same for 3,000
           files as for 300,000. */
        free(run->files->names);
        free(run->files->at);
        rk_batch_worker_main(run->o, task[0], res[1]);
    }
    close(task[0]);
    close(res[1]);
    memset(w, 0, sizeof *w);
    w->pid = pid;
    w->task_fd = task[1];
    w->res_fd = res[0];
    rk_buf_init(&w->in);
    return true;
}

/* ---- the parent ---------------------------------------------------------- */

static void say(Run *run, const char *text)
{
    if (run->o->say && text[0])
        run->o->say(run->o->ud, text);
}

/* Keep an outcome until its turn (the wire bytes, length first). */
static void hold(Run *run, const char *wire, size_t len, uint32_t index)
{
    RkBuf *b = &run->slot[index % run->window];
    b->len = 0;
    rk_buf_add(b, wire, len);
    run->held += len;
    run->ready[index % run->window] = true;
}

/* An outcome made by the parent, for a file whose worker died. */
static void hold_death(Run *run, uint32_t index, int wstatus)
{
    const char *file = rk_file_list_get(run->files, index);
    char text[1200];
    RkStatus st = RK_EINTERNAL;
    if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == RK_EDATA) {
        st = RK_EDATA;
        snprintf(text, sizeof text, "readykit: %s (file %u of %zu): not scored: a rule did not "
                 "return within its time limit (see the message above); the other files are "
                 "scored\n", file, index + 1, run->files->n);
    } else if (WIFSIGNALED(wstatus)) {
        snprintf(text, sizeof text, "readykit: %s (file %u of %zu): not scored: the scoring "
                 "process was killed by signal %d (%s)\n", file, index + 1, run->files->n,
                 WTERMSIG(wstatus), strsignal(WTERMSIG(wstatus)));
    } else {
        snprintf(text, sizeof text, "readykit: %s (file %u of %zu): not scored: the scoring "
                 "process stopped with status %d\n", file, index + 1, run->files->n,
                 WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
    }
    RkBuf msg, none, wire;
    rk_buf_init(&msg);
    rk_buf_init(&none);
    rk_buf_init(&wire);
    rk_buf_puts(&msg, text);
    rk_batch_encode(&wire, index, st, &msg, &none, &none, NULL);
    hold(run, wire.data + sizeof(uint32_t), wire.len - sizeof(uint32_t), index);
    rk_buf_free(&msg);
    rk_buf_free(&wire);
}

/* Hand out the next file (a requeued one first) to w, if the window has
   room; false when there is nothing to hand out. */
static bool hand_out(Run *run, Worker *w)
{
    uint32_t index;
    if (run->n_requeued)
        index = run->requeued[--run->n_requeued];
    else if (run->next_new < run->files->n && run->next_new < run->next_write + run->window &&
             run->held < HOLD_BYTES)
        index = (uint32_t)run->next_new++;
    else
        return false;
    const char *name = rk_file_list_get(run->files, index);
    uint32_t hdr[2] = {index, (uint32_t)strlen(name)};
    w->pending[w->n_pending++] = index;
    /* A failed write means the worker is gone: poll sees its pipe close,
       and on_death hands the file out again. */
    if (rk_batch_write_all(w->task_fd, hdr, sizeof hdr))
        rk_batch_write_all(w->task_fd, name, hdr[1]);
    return true;
}

/* Parse the complete outcomes in w->in. */
static void take_outcomes(Run *run, Worker *w)
{
    size_t off = 0;
    uint32_t len;
    while (w->in.len - off >= sizeof len) {
        memcpy(&len, w->in.data + off, sizeof len);
        if (w->in.len - off - sizeof len < len)
            break;
        const char *p = w->in.data + off + sizeof len;
        uint32_t index;
        memcpy(&index, p, sizeof index);
        hold(run, p, len, index);
        for (int i = 1; i < w->n_pending; i++)
            w->pending[i - 1] = w->pending[i];
        w->n_pending--;
        off += sizeof len + len;
    }
    memmove(w->in.data, w->in.data + off, w->in.len - off);
    w->in.len -= off;
    if (w->in.len == 0 && w->in.cap > (1u << 20))
        rk_buf_free(&w->in); /* a large outcome's room is not kept */
}

/* w's pipe closed: reap it; the file it was scoring failed, the others it
   held go back to the queue; a new worker takes its place if work remains. */
static void on_death(Run *run, Worker *w)
{
    int wstatus = 0;
    close(w->task_fd);
    close(w->res_fd);
    while (waitpid(w->pid, &wstatus, 0) < 0 && errno == EINTR)
        ;
    if (w->n_pending > 0) {
        hold_death(run, w->pending[0], wstatus);
        for (int i = w->n_pending - 1; i >= 1; i--)
            run->requeued[run->n_requeued++] = w->pending[i];
    }
    rk_buf_free(&w->in);
    w->pid = 0;
    w->n_pending = 0;
    if (run->n_requeued || run->next_new < run->files->n)
        start_worker(run, w);
}

/* Write the outcomes whose turn has come. */
static void write_ready(Run *run)
{
    while (run->next_write < run->files->n && run->ready[run->next_write % run->window]) {
        RkBuf *b = &run->slot[run->next_write % run->window];
        Record r;
        rk_batch_decode(b->data, &r);
        RkDiag d;
        rk_diag_init(&d);
        RkBuf text;
        rk_buf_init(&text);
        RkStatus st = (RkStatus)r.status;
        rk_once_add(&run->once, &text, r.msg, r.msg_len, st != RK_OK,
                    rk_file_list_get(run->files, r.index));
        if (st == RK_OK && rk_batch_writer_put(run->writer, &r, rk_file_list_get(run->files, r.index), &d) != RK_OK)
            st = d.status;
        rk_batch_diag_text(&text, &d);
        if (text.len) {
            rk_buf_add(&text, "", 1);
            say(run, text.data);
        }
        rk_buf_free(&text);
        if (st != RK_OK) {
            run->failed += r.status != RK_OK; /* not when only the output failed */
            if (run->status == RK_OK)
                run->status = st;
        }
        run->ready[run->next_write % run->window] = false;
        run->held -= b->len;
        rk_buf_free(b); /* memory held stays that of the outcomes in flight */
        run->next_write++;
    }
}

/* Over HOLD_BYTES, only the worker scoring the file whose turn it is is
   read (the others wait on their full pipes), so that what is held for
   later stays bounded whatever the sizes of the outcomes. */
static bool may_read(const Run *run, const Worker *w)
{
    if (run->held < HOLD_BYTES)
        return true;
    for (int i = 0; i < w->n_pending; i++)
        if (w->pending[i] == run->next_write)
            return true;
    return false;
}

/* The main loop: keep every worker busy, read what comes back, write in
   order, until every file is written. */
static void loop(Run *run)
{
    struct pollfd pf[MAX_JOBS];
    double t0 = now(), last = t0;
    if (run->o->progress)
        run->o->progress(run->o->ud, 0, run->files->n, 0);
    while (run->next_write < run->files->n) {
        for (int i = 0; i < run->n_workers; i++)
            while (run->w[i].pid > 0 && run->w[i].n_pending < DEPTH && hand_out(run, &run->w[i]))
                ;
        for (int i = 0; i < run->n_workers; i++) {
            pf[i].fd = run->w[i].pid > 0 && may_read(run, &run->w[i]) ? run->w[i].res_fd : -1;
            pf[i].events = POLLIN;
            pf[i].revents = 0;
        }
        if (poll(pf, (nfds_t)run->n_workers, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < run->n_workers; i++) {
            Worker *w = &run->w[i];
            if (w->pid <= 0 || !(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[65536];
            ssize_t k = read(w->res_fd, buf, sizeof buf);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0) {
                on_death(run, w);
                continue;
            }
            rk_buf_add(&w->in, buf, (size_t)k);
            take_outcomes(run, w);
        }
        write_ready(run);
        double t = now();
        if (run->o->progress && t - last >= 0.2 && run->next_write < run->files->n) {
            run->o->progress(run->o->ud, run->next_write, run->files->n, t - t0);
            last = t;
        }
        bool alive = false;
        for (int i = 0; i < run->n_workers; i++)
            alive = alive || run->w[i].pid > 0;
        if (!alive && run->next_write < run->files->n) {
            run->status = RK_EINTERNAL;
            say(run, "readykit: cannot start a worker process\n");
            break;
        }
    }
    if (run->o->progress)
        run->o->progress(run->o->ud, run->next_write, run->files->n, now() - t0);
}

static void stop_workers(Run *run)
{
    for (int i = 0; i < run->n_workers; i++) {
        Worker *w = &run->w[i];
        if (w->pid <= 0)
            continue;
        close(w->task_fd);
        close(w->res_fd);
        while (waitpid(w->pid, NULL, 0) < 0 && errno == EINTR)
            ;
        rk_buf_free(&w->in);
        w->pid = 0;
    }
}

/* Write what the writer held back, then commit the output (only when
   every file was scored, for -o) or give it up. */
static RkStatus finish(Run *run, RkOutFile *out)
{
    RkDiag d;
    rk_diag_init(&d);
    RkBuf text;
    rk_buf_init(&text);
    if (run->status == RK_OK || !run->o->output) {
        if (rk_batch_writer_finish(run->writer, &d) != RK_OK && run->status == RK_OK)
            run->status = d.status;
    }
    if (run->o->output && run->status != RK_OK) {
        rk_outfile_abort(out);
        rk_buf_printf(&text, "readykit: %s not written because %s\n", run->o->output,
                      run->failed ? "an answers file failed" : "of the error above");
    } else if (rk_outfile_commit(out, &d) != RK_OK && run->status == RK_OK) {
        run->status = d.status;
    }
    rk_batch_diag_text(&text, &d);
    if (run->failed > 0 && run->files->n > 1)
        rk_buf_printf(&text, "readykit: %zu of %zu answers files failed\n", run->failed,
                      run->files->n);
    rk_buf_add(&text, "", 1);
    say(run, text.data);
    rk_buf_free(&text);
    return run->status;
}

RkStatus rk_batch_run(const RkBatchOptions *o, const RkFileList *files)
{
    Run run = {0};
    run.o = o;
    run.files = files;
    RkOutFile out;
    RkDiag d;
    rk_diag_init(&d);
    RkBuf text;
    rk_buf_init(&text);
    int jobs = o->jobs < 1 ? 1 : o->jobs > MAX_JOBS ? MAX_JOBS : o->jobs;
    if ((size_t)jobs > files->n)
        jobs = files->n ? (int)files->n : 1;
    run.window = 16 * (size_t)jobs + 16;
    run.slot = calloc(run.window, sizeof *run.slot);
    run.ready = calloc(run.window, sizeof *run.ready);
    run.requeued = calloc((size_t)jobs * DEPTH + 1, sizeof *run.requeued);
    RkStatus st = !run.slot || !run.ready || !run.requeued
                      ? rk_diag_set(&d, RK_EINTERNAL, NULL, 0, 0, "out of memory")
                      : rk_outfile_open(&out, o->output, &d);
    if (st == RK_OK && (st = rk_batch_writer_new(o, &out, &run.writer, &d)) != RK_OK)
        rk_outfile_abort(&out);
    if (st == RK_OK) {
        struct sigaction ign = {0}, old;
        ign.sa_handler = SIG_IGN;
        sigaction(SIGPIPE, &ign, &old); /* a dead worker's pipe: EPIPE, not death */
        for (int i = 0; i < jobs; i++)
            if (start_worker(&run, &run.w[i]))
                run.n_workers = i + 1;
        if (run.n_workers == 0)
            st = rk_diag_set(&d, RK_EINTERNAL, NULL, 0, 0, "cannot start a worker process: %s",
                             strerror(errno));
        else
            loop(&run);
        stop_workers(&run);
        sigaction(SIGPIPE, &old, NULL);
        if (st == RK_OK)
            st = finish(&run, &out);
        else
            rk_outfile_abort(&out);
    }
    rk_batch_diag_text(&text, &d);
    if (text.len) {
        rk_buf_add(&text, "", 1);
        say(&run, text.data);
    }
    rk_buf_free(&text);
    rk_batch_writer_free(run.writer);
    rk_once_free(&run.once);
    for (size_t i = 0; run.slot && i < run.window; i++)
        rk_buf_free(&run.slot[i]);
    free(run.slot);
    free(run.ready);
    free(run.requeued);
    return st;
}
