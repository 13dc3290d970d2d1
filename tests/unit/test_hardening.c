/* Unit tests for safetext.c and its writers: control characters made
   visible, bad UTF-8 as U+FFFD, CSV formula cells neutralised. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "readykit/report.h"
#include "readykit/safetext.h"

static void safe_escapes_controls(void **state)
{
    (void)state;
    RkBuf b;
    rk_buf_init(&b);
    /* ESC, BEL, DEL, CR, tab, a C1 CSI (U+009B), a bad byte; é stays */
    rk_safe_puts(&b, "a\x1b]0;t\x07 \x7f\r\t\xc2\x9b\xff é\n", RK_SAFE_NEWLINE);
    assert_string_equal(b.data, "a\\x1b]0;t\\x07 \\x7f\\x0d\\x09\\x9b\xef\xbf\xbd é\n");
    rk_buf_free(&b);
    rk_safe_puts(&b, "x\ty\nz", RK_SAFE_TAB);
    assert_string_equal(b.data, "x\ty\\x0az");
    rk_buf_free(&b);
}

static void json_escapes_c1_and_bad_utf8(void **state)
{
    (void)state;
    RkBuf b;
    rk_buf_init(&b);
    rk_json_string(&b, "a\xc2\x9b\xff\xe2\x82" "b\x1b\xc3\xa9");
    assert_string_equal(b.data, "\"a\\u009b\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b\\u001b\xc3\xa9\"");
    rk_buf_free(&b);
}

static void formula_cells_are_recognised(void **state)
{
    (void)state;
    const char *formulas[] = {"=1+2", "+A1", "-A1", "@SUM(A1)", "\tx", "\rx", "-", "+",
                              "-1e", "--1", "=HYPERLINK(\"http://x\",\"y\")", "-.", "1-"};
    for (size_t i = 0; i < sizeof formulas / sizeof *formulas; i++)
        assert_int_equal(rk_csv_formula_like(formulas[i]), formulas[i][0] != '1');
    const char *plain[] = {"-3.5", "+1e3", "-0.25E-2", "-.5", "42", "abc", "", "a=b"};
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
        assert_false(rk_csv_formula_like(plain[i]));
}

static const char *plain_lang[] = {""};

static void csv_row_neutralises_formulas(void **state)
{
    (void)state;
    const char *subject = "=HYPERLINK(\"http://x\",\"y\")";
    const char *level = "@evil", *title = "t";
    RkPillar pillar = {.id = "law"};
    RkLevel lv = {"l", 0, {1, plain_lang, &level}, {0}};
    RkQuestionnaire q = {.id = "x", .pillars = &pillar, .n_pillars = 1, .levels = &lv,
                         .n_levels = 1, .title = {1, plain_lang, &title}};
    RkResult r = {.subject = subject, .score = -3.5, .level_name = level};
    RkReportInput in = {&q, NULL, &r, "-3.5", "en"};
    RkBuf b;
    rk_buf_init(&b);
    const char *cols[] = {"+ind\x1b[2J"};
    rk_report_csv_header(&b, &q, cols, 1);
    rk_report_csv_row(&b, &in, cols, 1);
    assert_string_equal(b.data,
                        "file,subject,score,level,law,\"'+ind\\x1b[2J\"\r\n"
                        "-3.5,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3.50,\"'@evil\",,\r\n");
    rk_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(safe_escapes_controls),
        cmocka_unit_test(json_escapes_c1_and_bad_utf8),
        cmocka_unit_test(formula_cells_are_recognised),
        cmocka_unit_test(csv_row_neutralises_formulas),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
