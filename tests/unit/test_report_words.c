/* Unit tests for the figures and words the outputs share: format.c
   (rounding, separators, signs), report_words.c (dates, plural agreement)
   and labels.c (the text output's data line). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/report_words.h"
#include "readykit/format.h"
#include "readykit/labels.h"

typedef struct FmtCase {
    double v;
    char dec;
    const char *want;
} FmtCase;

/* Each case through one formatter. */
static void check_fmt(void (*fmt)(char *, size_t, double, char), const FmtCase *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char buf[64];
        fmt(buf, sizeof buf, c[i].v, c[i].dec);
        assert_string_equal(buf, c[i].want);
    }
}

static void scores_round_to_one_decimal(void **state)
{
    (void)state;
    static const FmtCase c[] = {
        {74.06, '.', "74.1"}, {80, '.', "80.0"}, {90.94, ',', "90,9"}, {90.96, ',', "91,0"},
        {0.04, '.', "0.0"}, {-0.04, '.', "0.0"}, {100, ',', "100,0"}, {-2.26, '.', "-2.3"},
        {NAN, '.', ""}, {1e300, '.', "1000000000000.0"},
    };
    check_fmt(rk_format_score, c, sizeof c / sizeof c[0]);
}

static void changes_carry_a_sign(void **state)
{
    (void)state;
    static const FmtCase c[] = {
        {3.26, ',', "+3,3"}, {-0.5, ',', "-0,5"}, {0.02, ',', "0,0"}, {-0.02, ',', "0,0"},
        {50, ',', "+50,0"},
    };
    check_fmt(rk_format_change, c, sizeof c / sizeof c[0]);
}

static void values_drop_trailing_zeros(void **state)
{
    (void)state;
    static const FmtCase c[] = {
        {12.5, ',', "12,5"}, {2013, '.', "2013"}, {88.0, '.', "88"}, {3.14159, '.', "3.14"},
        {0.1, ',', "0,1"}, {INFINITY, '.', ""},
    };
    check_fmt(rk_format_value, c, sizeof c / sizeof c[0]);
}

static void dates_in_each_language(void **state)
{
    (void)state;
    static const struct { const char *lang, *iso, *want; } c[] = {
        {"en", "2026-11-23", "23 November 2026"},
        {"fr", "2026-02-01", "1er février 2026"},
        {"fr", "2026-02-02", "2 février 2026"},
        {"es", "2026-08-09", "9 de agosto de 2026"},
        {"fr-CA", "2025-12-31", "31 décembre 2025"},
        {"en", "2026-13-01", "2026-13-01"},     /* not a date: as written */
        {"en", "2026-11-23T10:00", "2026-11-23T10:00"},
        {"en", "November 2026", "November 2026"},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        char buf[64];
        rk_words_date(rk_words_for(c[i].lang), c[i].iso, buf, sizeof buf);
        assert_string_equal(buf, c[i].want);
    }
}

static void counts_agree_in_number(void **state)
{
    (void)state;
    char buf[256];
    rk_words_counts(rk_words_for("fr"), buf, sizeof buf, 45, 51, 3, 2, 1);
    assert_string_equal(buf, "45 sur 51 avec réponse, 3 « ne sait pas », 2 sans réponse, 1 non applicable");
    rk_words_counts(rk_words_for("fr"), buf, sizeof buf, 4, 5, 0, 0, 2);
    assert_non_null(strstr(buf, "2 non applicables"));
    rk_words_counts(rk_words_for("fr"), buf, sizeof buf, 4, 5, 0, 0, 0);
    assert_non_null(strstr(buf, "0 non applicable"));
    assert_null(strstr(buf, "applicables"));
    rk_words_counts(rk_words_for("es"), buf, sizeof buf, 4, 5, 0, 0, 0);
    assert_non_null(strstr(buf, "0 no aplicables"));
    rk_words_counts(rk_words_for("es"), buf, sizeof buf, 4, 5, 0, 0, 1);
    assert_non_null(strstr(buf, "1 no aplicable"));
    assert_null(strstr(buf, "aplicables"));
    rk_words_counts(rk_words_for("en"), buf, sizeof buf, 4, 5, 1, 0, 3);
    assert_string_equal(buf, "4 of 5 answered, 1 don't know, 0 unanswered, 3 not applicable");

    rk_labels_data_line(rk_labels_for("fr"), buf, sizeof buf, 45, 51, 5, 1, 1, 88.2);
    assert_non_null(strstr(buf, "5 « ne sait pas », 1 sans réponse, 1 non applicable (fiabilité 88"));
    rk_labels_data_line(rk_labels_for("es"), buf, sizeof buf, 45, 51, 5, 1, 2, 88.2);
    assert_non_null(strstr(buf, "2 no aplicables (confianza 88 %)"));
    rk_labels_data_line(rk_labels_for("en"), buf, sizeof buf, 45, 51, 5, 1, 0, 88.2);
    assert_string_equal(buf, "data: 45 of 51 applicable questions answered, 5 don't know, "
                             "1 unanswered, 0 not applicable (confidence 88%)");
}

/* Every shipped language has every word, and the reviewers' terms. */
static void every_word_in_every_language(void **state)
{
    (void)state;
    static const char *langs[] = {"en", "fr", "es"};
    for (size_t l = 0; l < 3; l++) {
        const RkWords *w = rk_words_for(langs[l]);
        assert_string_equal(w->lang, langs[l]);
        for (int i = 0; i < RK_W_COUNT; i++)
            if (!w->w[i] || !*w->w[i])
                fail_msg("%s: word %d missing", langs[l], i);
    }
    assert_string_equal(rk_words_for("fr")->w[RK_W_REPORT], "Rapport de degré de préparation");
    assert_string_equal(rk_words_for("fr")->w[RK_W_EVIDENCE], "Justificatifs");
    assert_string_equal(rk_words_for("es")->w[RK_W_EVIDENCE], "Medios de verificación");
    assert_string_equal(rk_words_for("de")->lang, "en");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scores_round_to_one_decimal),
        cmocka_unit_test(changes_carry_a_sign),
        cmocka_unit_test(values_drop_trailing_zeros),
        cmocka_unit_test(dates_in_each_language),
        cmocka_unit_test(counts_agree_in_number),
        cmocka_unit_test(every_word_in_every_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
