/*
 * format: figures as every output shows them, so the text output, the PDF
 * and the rules' own sentences round the same way. Locale-independent (no
 * printf %f separator surprises); the caller owns the buffers.
 */
#ifndef READYKIT_FORMAT_H
#define READYKIT_FORMAT_H

#include <stddef.h>

/* A 0-100 score with one decimal, rounded half away from zero, with the
   decimal separator dec: 74.06 -> "74.1", 80 -> "80.0"; "" for NaN. */
void rk_format_score(char *buf, size_t size, double v, char dec);
/* A signed difference of scores with one decimal: "+3.2", "-0.5", "0.0". */
void rk_format_change(char *buf, size_t size, double v, char dec);
/* Any other figure: at most two decimals, trailing zeros dropped. */
void rk_format_value(char *buf, size_t size, double v, char dec);

#endif
