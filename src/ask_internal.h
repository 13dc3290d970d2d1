/*
 * ask_internal: what the files of the ask command share: ask.c (options,
 * a new or resumed file), ask_answer.c (apply, check, save; the summary),
 * ask_piped.c (answers read line by line), ask_screen.c (the screens and
 * their keys), ask_draw.c (drawing a question), ask_review.c (the review
 * and end screens), ask_text.c (wrapping, choice keys, file names).
 *
 * An Ask borrows nothing: it owns the questionnaire, the rules engine, the
 * answers and the flow, and ask.c frees them all.
 */
#ifndef READYKIT_ASK_INTERNAL_H
#define READYKIT_ASK_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "ask_term.h"
#include "readykit/answers.h"
#include "readykit/ask_flow.h"
#include "readykit/fileio.h"
#include "readykit/labels.h"
#include "readykit/rules.h"

typedef struct Ask {
    const char *path;         /* the answers file */
    RkQuestionnaire *q;
    RkRules *rules;
    RkAnswers *a;
    RkAskFlow *f;
    const char *lang;         /* language of the screens */
    char notice[512];         /* shown once on the first screen (e.g. comments lost) */
    RkTerm *term;             /* NULL in piped mode */
} Ask;

/* Re-evaluate every question's when: (rk_rules_applicable). */
RkStatus rk_ask_refresh(Ask *k, RkDiag *d);
/* Keep the change just made to qn if its checks pass (else put prev back),
   save the file atomically and re-evaluate when:. */
RkStatus rk_ask_commit(Ask *k, const RkQuestion *qn, const RkAnswer *prev, RkDiag *d);
/* Apply an answer as typed: dont_know, a choice's number or value, multi
   values separated by commas, a number or a text. Saved on success. */
RkStatus rk_ask_apply_text(Ask *k, const RkQuestion *qn, const char *text, RkDiag *d);
/* Set qn's note and source (NULL or "" removes) and save. */
RkStatus rk_ask_set_evidence(Ask *k, const RkQuestion *qn, const char *note,
                             const char *source, RkDiag *d);

/* The summary (same text as `readykit score`), the answers without a
   source, and the commands for the report and for changing an answer. */
int rk_ask_finish(Ask *k);
/* "interrupted; resume with: ..." (the exit status for the signal). */
int rk_ask_interrupted(Ask *k, bool say);

int rk_ask_piped(Ask *k);
int rk_ask_screens(Ask *k, bool review);

/* ask_review.c: what the screens share, the review list, the end screen. */
typedef enum AskAct {
    ACT_NEXT,      /* answered or skipped: on to the next question */
    ACT_BACK, ACT_REVIEW, ACT_QUIT, ACT_FINISH,
    ACT_JUMP,      /* review: the flow jumped to the chosen question */
    ACT_LEAVE,     /* review: back where the assessor was */
    ACT_STAY,      /* redraw the same screen */
    ACT_INTERRUPT, /* Ctrl-C or a terminating signal */
    ACT_HANGUP     /* the terminal went away */
} AskAct;

/* Screen width: the terminal's, at most 80 columns. */
size_t rk_ask_cols(const Ask *k);
/* Start a screen (clear it) in b. */
void rk_ask_screen_start(const Ask *k, RkBuf *b);
/* An SGR attribute ("1", "7", "0"...) when colours are allowed. */
void rk_ask_style(const Ask *k, RkBuf *b, const char *sgr);
/* s on one line of at most cols code points (cut with an ellipsis),
   control characters dropped. */
void rk_ask_clip(RkBuf *b, const char *s, size_t cols);
/* Write b to the terminal and empty it. */
void rk_ask_show(const Ask *k, RkBuf *b);
/* A short text for an answer: the choice's label, the number, the text,
   the labels of a multi, "don't know" or "none". */
void rk_ask_answer_text(const Ask *k, const RkAnswer *an, RkBuf *out);
AskAct rk_ask_review(Ask *k, size_t *cursor);

/* ask_draw.c: one question's screen. */
typedef struct AskScreen {
    const RkQuestion *qn;
    size_t cursor;       /* choice row; n_choices is the "don't know" row */
    bool ticks[64];      /* multi */
    bool help;
    char msg[1100];      /* one line: an error or a notice */
} AskScreen;

/* Draw s; typed: a number or text, whose answer line follows the screen. */
void rk_ask_draw(Ask *k, const AskScreen *s, bool typed);
AskAct rk_ask_end_screen(Ask *k);

/* ask_text.c */
/* The key that picks choice i of qn: its value when every value is a small
   whole number (scales 0-4), else its position from 1. */
void rk_ask_choice_key(const RkQuestion *qn, size_t i, char *buf, size_t size);
/* The choice a typed key or value names, or -1. */
long rk_ask_choice_find(const RkQuestion *qn, const char *text);
/* Code points in s[0..n). */
size_t rk_ask_width(const char *s, size_t n);
/* Append text wrapped at words to width columns, each line starting with
   indent; lines end with "\r\n". Control characters are dropped. */
void rk_ask_wrap(RkBuf *b, const char *text, size_t width, const char *indent);
/* A file name from a subject: "Québec (Canada)" -> "quebec-canada". */
void rk_ask_slug(const char *subject, char *out, size_t size);
/* Quote s for a shell command line when it needs it. */
void rk_ask_shell_word(RkBuf *b, const char *s);

#endif
