/* format: shared number formatting for the text and PDF outputs. */
#include "readykit/format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* v rounded to one decimal, in tenths, kept inside long's range. */
static long tenths(double v)
{
    if (v > 1e12)
        v = 1e12;
    if (v < -1e12)
        v = -1e12;
    return lround(v * 10.0);
}

static void one_decimal(char *buf, size_t size, long t, const char *sign, char dec)
{
    long a = t < 0 ? -t : t;
    snprintf(buf, size, "%s%ld%c%ld", sign, a / 10, dec, a % 10);
}

void rk_format_score(char *buf, size_t size, double v, char dec)
{
    if (isnan(v)) {
        snprintf(buf, size, "%s", "");
        return;
    }
    long t = tenths(v);
    one_decimal(buf, size, t, t < 0 ? "-" : "", dec);
}

void rk_format_change(char *buf, size_t size, double v, char dec)
{
    if (isnan(v)) {
        snprintf(buf, size, "%s", "");
        return;
    }
    long t = tenths(v);
    one_decimal(buf, size, t, t > 0 ? "+" : t < 0 ? "-" : "", dec);
}

void rk_format_value(char *buf, size_t size, double v, char dec)
{
    if (!isfinite(v)) {
        snprintf(buf, size, "%s", "");
        return;
    }
    snprintf(buf, size, "%.2f", v);
    char *dot = strchr(buf, '.');
    if (!dot)
        return;
    char *end = buf + strlen(buf);
    while (end > dot + 1 && end[-1] == '0')
        *--end = '\0';
    if (end == dot + 1)
        *dot = '\0';
    else
        *dot = dec;
}
