/* ask_text: word wrapping for the ask screens (code points, French marks). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "../../src/ask_internal.h"

static char *wrap(const char *text, size_t width)
{
    static char out[1024];
    RkBuf b;
    rk_buf_init(&b);
    rk_ask_wrap(&b, text, width, "");
    snprintf(out, sizeof out, "%.*s", (int)b.len, b.data ? b.data : "");
    rk_buf_free(&b);
    return out;
}

static void french_question_mark_stays_with_its_word(void **state)
{
    (void)state;
    /* 31 code points before " ?": a plain break at the space would leave "?"
       alone on the second line. */
    const char *t = wrap("Quel est l'état de la législation ?", 34);
    assert_string_equal(t, "Quel est l'état de la\r\nlégislation ?\r\n");
}

static void width_counts_code_points_not_bytes(void **state)
{
    (void)state;
    /* "éééé éééééé" is 11 code points (21 bytes): it fits in 12 columns,
       and in 10 it breaks at the space. */
    assert_string_equal(wrap("éééé éééééé", 12), "éééé éééééé\r\n");
    assert_string_equal(wrap("éééé éééééé", 10), "éééé\r\néééééé\r\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(french_question_mark_stays_with_its_word),
        cmocka_unit_test(width_counts_code_points_not_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
