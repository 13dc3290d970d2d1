/*
 * safetext: text from inputs and rules made safe to show. Control
 * characters never reach a terminal (or a CSV, a PDF) raw, bytes that are
 * not UTF-8 become U+FFFD, and CSV cells are never run as formulas. Every
 * function appends to a buffer its caller owns; nothing here allocates
 * beyond that buffer.
 */
#ifndef READYKIT_SAFETEXT_H
#define READYKIT_SAFETEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/fileio.h"

/* What rk_safe_add keeps as it is: these are layout, not attacks. */
enum { RK_SAFE_NEWLINE = 1, RK_SAFE_TAB = 2 };

/* Length of the valid UTF-8 sequence at s (1 to 4 bytes, at most len), or
   0 when the bytes there are not UTF-8. */
size_t rk_utf8_seq(const char *s, size_t len);

/* Is the character at s (n bytes, from rk_utf8_seq) a C0 control, DEL or
   a C1 control (U+0080 to U+009F)? */
bool rk_is_control(const char *s, size_t n);

/* Append len bytes of s with every C0 control (but those kept), DEL and C1
   control written as a visible "\xHH" (HH: the code point), and every byte
   that is not UTF-8 as U+FFFD. */
void rk_safe_add(RkBuf *b, const char *s, size_t len, unsigned keep);
void rk_safe_puts(RkBuf *b, const char *s, unsigned keep);

/* Would rk_safe_add change s (a control character not kept, or a byte
   that is not UTF-8)? */
bool rk_safe_needed(const char *s, unsigned keep);

/* The first control character in s that no input text may hold (a YAML
   escape such as "\\0", "\\e" or "\\x9b" writes one): its code point, or
   -1. Tabs, line breaks and U+0085 (a YAML line break) are text; bytes
   that are not UTF-8 are left to the encoding checks. */
int rk_control_in(const char *s, size_t len);

/* Replace b's content from offset `from` on by its rk_safe_add form. */
void rk_safe_tail(RkBuf *b, size_t from, unsigned keep);

/* Would a spreadsheet run s as a formula (OWASP: its first character is
   =, +, -, @, tab or CR)? A plain number such as -3.5 or +1e3 is not. */
bool rk_csv_formula_like(const char *s);

#endif
