/*
 * ask_term: the terminal of `readykit ask`: raw mode on and off (restored on
 * every exit path, signals included), key decoding, screen size, SIGWINCH,
 * and line editing through libedit (prefilled, UTF-8).
 *
 * An RkTerm is owned by its caller (usually on the stack) and owns its
 * EditLine; rk_term_close restores the terminal and frees it. The signal
 * flags are the one process-wide state: a handler can reach nothing else.
 */
#ifndef READYKIT_ASK_TERM_H
#define READYKIT_ASK_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <termios.h>

enum {
    /* Printable ASCII keys are returned as themselves (32..126). */
    RK_KEY_ENTER = 256, RK_KEY_UP, RK_KEY_DOWN, RK_KEY_LEFT, RK_KEY_RIGHT,
    RK_KEY_HOME, RK_KEY_END, RK_KEY_PGUP, RK_KEY_PGDN, RK_KEY_BACKSPACE,
    RK_KEY_ESC, RK_KEY_EOF,
    RK_KEY_RESIZE,    /* the window changed size: redraw */
    RK_KEY_INTERRUPT, /* Ctrl-C, or SIGINT/SIGHUP/SIGTERM: rk_term_signal() says which */
    RK_KEY_OTHER
};

typedef enum RkLineStatus { RK_LINE_OK, RK_LINE_EOF, RK_LINE_INTERRUPT } RkLineStatus;

typedef struct RkTerm {
    int fd;                 /* the terminal (standard input) */
    struct termios saved;   /* modes as found, restored on close */
    bool have_saved, raw;
    int rows, cols;
    bool color;             /* highlight allowed: a tty, no NO_COLOR, TERM not dumb */
    bool dumb;              /* TERM=dumb: no cursor moves, no alternate screen */
    bool alt;               /* the alternate screen is on */
    void *el;               /* EditLine *, made on first use */
    const char *prompt;     /* for libedit's prompt callback */
} RkTerm;

/* Catch SIGINT, SIGHUP, SIGTERM (and SIGWINCH) into flags, without
   SA_RESTART so a blocked read returns. Used in piped mode too. */
void rk_term_catch_signals(void);
/* The first terminating signal caught (SIGINT, SIGHUP, SIGTERM), or 0. A
   Ctrl-C read as a key in raw mode counts as SIGINT. */
int rk_term_signal(void);

/* Open the terminal on fd 0 (saves its modes, reads its size) and switch
   to the alternate screen. False when fd 0 or 1 is not a terminal. */
bool rk_term_open(RkTerm *t);
void rk_term_raw(RkTerm *t, bool on);
/* Wait for one key (raw mode). */
int rk_term_key(RkTerm *t);
void rk_term_size(RkTerm *t);
/* Write all of s to the terminal. */
void rk_term_write(RkTerm *t, const char *s, size_t n);
/* Edit one line with libedit: prompt, prefilled with prefill (may be NULL);
   the line without its newline goes to out. Leaves raw mode while editing. */
RkLineStatus rk_term_line(RkTerm *t, const char *prompt, const char *prefill, char *out,
                          size_t size);
/* Restore the modes found at open and free libedit. Safe to call twice. */
void rk_term_close(RkTerm *t);

#endif
