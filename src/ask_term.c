/* ask_term: raw mode, keys, size, signals and libedit line editing for ask
   (see ask_term.h). */
#define _DEFAULT_SOURCE /* SIGWINCH, TIOCGWINSZ */
#include "ask_term.h"

#include <errno.h>
#include <histedit.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

/* The only process-wide state: what the signal handlers saw, and the modes
   to restore from atexit if a path forgets rk_term_close. */
static volatile sig_atomic_t caught_signal, caught_winch;
static struct termios exit_modes;
static int exit_fd = -1;

static void on_signal(int sig)
{
    if (!caught_signal)
        caught_signal = sig;
}

static void on_winch(int sig)
{
    (void)sig;
    caught_winch = 1;
}

void rk_term_catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_signal; /* no SA_RESTART: a blocked read returns EINTR */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sa.sa_handler = on_winch;
    sigaction(SIGWINCH, &sa, NULL);
}

int rk_term_signal(void)
{
    return caught_signal;
}

static void restore_at_exit(void)
{
    if (exit_fd >= 0)
        tcsetattr(exit_fd, TCSADRAIN, &exit_modes);
}

void rk_term_write(RkTerm *t, const char *s, size_t n)
{
    while (n) {
        ssize_t w = write(1, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return; /* a dead terminal: nothing more to say */
        s += w;
        n -= (size_t)w;
    }
    (void)t;
}

void rk_term_size(RkTerm *t)
{
    struct winsize ws;
    t->rows = 24;
    t->cols = 80;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
        t->rows = ws.ws_row;
        t->cols = ws.ws_col;
    }
}

bool rk_term_open(RkTerm *t)
{
    memset(t, 0, sizeof *t);
    t->fd = 0;
    if (!isatty(0) || !isatty(1) || tcgetattr(0, &t->saved) != 0)
        return false;
    t->have_saved = true;
    exit_modes = t->saved;
    if (exit_fd < 0)
        atexit(restore_at_exit);
    exit_fd = 0;
    const char *term = getenv("TERM");
    const char *nc = getenv("NO_COLOR");
    t->dumb = !term || !*term || strcmp(term, "dumb") == 0;
    t->color = !t->dumb && !(nc && *nc);
    rk_term_size(t);
    if (!t->dumb) {
        rk_term_write(t, "\033[?1049h", 8);
        t->alt = true;
    }
    return true;
}

void rk_term_raw(RkTerm *t, bool on)
{
    if (!t->have_saved || t->raw == on)
        return;
    if (on) {
        struct termios m = t->saved;
        m.c_lflag &= ~(tcflag_t)(ECHO | ICANON | ISIG | IEXTEN);
        m.c_iflag &= ~(tcflag_t)(IXON | ICRNL | BRKINT | INPCK | ISTRIP);
        m.c_cc[VMIN] = 1;
        m.c_cc[VTIME] = 0;
        tcsetattr(t->fd, TCSADRAIN, &m);
    } else {
        tcsetattr(t->fd, TCSADRAIN, &t->saved);
    }
    t->raw = on;
}

/* One byte within timeout_ms (-1: wait); -1 on timeout, -2 on end of input,
   -3 when a signal arrived. */
static int get_byte(RkTerm *t, int timeout_ms)
{
    for (;;) {
        if (caught_signal)
            return -3;
        if (caught_winch)
            return -3;
        if (timeout_ms >= 0) {
            struct pollfd p = {t->fd, POLLIN, 0};
            int r = poll(&p, 1, timeout_ms);
            if (r == 0)
                return -1;
            if (r < 0 && errno == EINTR)
                continue;
        }
        unsigned char c;
        ssize_t n = read(t->fd, &c, 1);
        if (n == 1)
            return c;
        if (n < 0 && errno == EINTR)
            continue;
        return -2;
    }
}

/* The rest of an escape sequence after ESC. */
static int escape_key(RkTerm *t)
{
    int c = get_byte(t, 50);
    if (c == -1)
        return RK_KEY_ESC;
    if (c != '[' && c != 'O')
        return RK_KEY_OTHER;
    int num = 0;
    for (int i = 0; i < 16; i++) {
        int b = get_byte(t, 50);
        if (b < 0)
            return RK_KEY_OTHER;
        if (b >= '0' && b <= '9') {
            num = num * 10 + (b - '0');
            continue;
        }
        if (b == ';') {
            num = 0; /* modifiers: keep the key, drop the modifier */
            continue;
        }
        switch (b) {
        case 'A': return RK_KEY_UP;
        case 'B': return RK_KEY_DOWN;
        case 'C': return RK_KEY_RIGHT;
        case 'D': return RK_KEY_LEFT;
        case 'H': return RK_KEY_HOME;
        case 'F': return RK_KEY_END;
        case '~':
            return num == 1 || num == 7 ? RK_KEY_HOME
                 : num == 4 || num == 8 ? RK_KEY_END
                 : num == 5             ? RK_KEY_PGUP
                 : num == 6             ? RK_KEY_PGDN
                                        : RK_KEY_OTHER;
        default: return RK_KEY_OTHER;
        }
    }
    return RK_KEY_OTHER;
}

int rk_term_key(RkTerm *t)
{
    int c = get_byte(t, -1);
    if (c == -3 && caught_signal)
        return RK_KEY_INTERRUPT;
    if (c == -3) {
        caught_winch = 0;
        rk_term_size(t);
        return RK_KEY_RESIZE;
    }
    if (c == -2 || c == 4)
        return RK_KEY_EOF;
    if (c == 3) {
        caught_signal = SIGINT;
        return RK_KEY_INTERRUPT;
    }
    if (c == '\r' || c == '\n')
        return RK_KEY_ENTER;
    if (c == 127 || c == 8)
        return RK_KEY_BACKSPACE;
    if (c == 27)
        return escape_key(t);
    if (c >= 0x80) {
        /* A UTF-8 character: swallow its continuation bytes. */
        while (get_byte(t, 10) >= 0x80)
            ;
        return RK_KEY_OTHER;
    }
    return c >= 32 && c < 127 ? c : RK_KEY_OTHER;
}

/* ---- line editing (libedit) ----------------------------------------- */

static char *prompt_fn(EditLine *e)
{
    RkTerm *t = NULL;
    el_get(e, EL_CLIENTDATA, &t);
    return (char *)(t && t->prompt ? t->prompt : "> ");
}

/* libedit's character reader: ours, so that a signal ends the line (a
   return of -1) instead of being retried, and bytes become wide characters
   by the locale (UTF-8). */
static int getc_fn(EditLine *e, wchar_t *wc)
{
    RkTerm *t = NULL;
    el_get(e, EL_CLIENTDATA, &t);
    mbstate_t st;
    memset(&st, 0, sizeof st);
    for (;;) {
        if (caught_signal)
            return -1;
        if (caught_winch) {
            caught_winch = 0;
            rk_term_size(t);
            el_resize(e);
        }
        char c;
        ssize_t n = read(t->fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        if (c == 3) {
            caught_signal = SIGINT;
            return -1;
        }
        size_t k = mbrtowc(wc, &c, 1, &st);
        if (k == (size_t)-2)
            continue;
        if (k == (size_t)-1) {
            *wc = 0xFFFD;
            memset(&st, 0, sizeof st);
        }
        return 1;
    }
}

static EditLine *editor(RkTerm *t)
{
    if (t->el)
        return t->el;
    EditLine *e = el_init("readykit", stdin, stdout, stderr);
    if (!e)
        return NULL;
    el_set(e, EL_CLIENTDATA, t);
    el_set(e, EL_EDITOR, "emacs");
    el_set(e, EL_SIGNAL, 0);
    el_set(e, EL_PROMPT, prompt_fn);
    el_set(e, EL_GETCFN, getc_fn);
    /* The keys an assessor expects: Home/End in every terminal's dialect,
       Ctrl-W and Alt-Backspace delete a word, Ctrl-arrows move by word. */
    static const char *const binds[][2] = {
        {"\033[H", "ed-move-to-beg"},  {"\033OH", "ed-move-to-beg"},
        {"\033[1~", "ed-move-to-beg"}, {"\033[7~", "ed-move-to-beg"},
        {"\033[F", "ed-move-to-end"},  {"\033OF", "ed-move-to-end"},
        {"\033[4~", "ed-move-to-end"}, {"\033[8~", "ed-move-to-end"},
        {"\033[3~", "ed-delete-next-char"},
        {"^W", "ed-delete-prev-word"}, {"\033\177", "ed-delete-prev-word"},
        {"\033[1;5D", "ed-prev-word"}, {"\033[1;5C", "em-next-word"},
    };
    for (size_t i = 0; i < sizeof binds / sizeof binds[0]; i++)
        el_set(e, EL_BIND, binds[i][0], binds[i][1], NULL);
    t->el = e;
    return e;
}

RkLineStatus rk_term_line(RkTerm *t, const char *prompt, const char *prefill, char *out,
                          size_t size)
{
    out[0] = '\0';
    bool was_raw = t->raw;
    rk_term_raw(t, false);
    EditLine *e = editor(t);
    if (!e)
        return RK_LINE_EOF;
    t->prompt = prompt;
    if (prefill && *prefill)
        el_push(e, prefill);
    int count = 0;
    const char *line = el_gets(e, &count);
    RkLineStatus st = RK_LINE_OK;
    if (caught_signal)
        st = RK_LINE_INTERRUPT;
    else if (!line || count <= 0)
        st = RK_LINE_EOF;
    else {
        size_t n = strcspn(line, "\r\n");
        if (n >= size)
            n = size - 1;
        memcpy(out, line, n);
        out[n] = '\0';
    }
    el_reset(e);
    if (was_raw)
        rk_term_raw(t, true);
    return st;
}

void rk_term_close(RkTerm *t)
{
    if (t->el) {
        el_end(t->el);
        t->el = NULL;
    }
    if (t->alt) {
        rk_term_write(t, "\033[?1049l", 8);
        t->alt = false;
    }
    if (t->have_saved) {
        tcsetattr(t->fd, TCSADRAIN, &t->saved);
        t->raw = false;
    }
    exit_fd = -1;
}
