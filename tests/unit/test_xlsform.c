/* Unit tests for xlsform_relevant.c: `when` expressions (Lua) translated to
   XLSForm `relevant` (XPath), and those refused with their reason, over a
   small questionnaire parsed from memory; and the language column names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "readykit/xlsform.h"

static const char yaml[] =
    "id: t\nversion: 1.0.0\ntitle: {en: T}\nlanguages: [en]\n"
    "levels:\n  - {min: 0, name: {en: Low}}\n"
    "pillars:\n  - id: p\n    title: {en: P}\n    questions:\n"
    "      - {id: yn, type: yes_no, text: {en: A}}\n"
    "      - {id: strict, type: yes_no, dont_know: false, text: {en: B}}\n"
    "      - {id: m, type: multi, text: {en: C}, choices: [{value: a, label: {en: A}, points: 1}, {value: b, label: {en: B}, points: 1}]}\n"
    "      - {id: n, type: number, text: {en: D}}\n"
    "      - {id: t, type: text, text: {en: E}}\n";

static RkQuestionnaire *load(void)
{
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    assert_int_equal(rk_questionnaire_parse(yaml, sizeof yaml - 1, "t.yaml", &q, &d), RK_OK);
    return q;
}

/* Translate when; the XPath (malloc'd) or NULL, with why filled. */
static char *translate(const RkQuestionnaire *q, const char *when, char *why, size_t size)
{
    RkBuf b;
    rk_buf_init(&b);
    if (rk_xlsform_relevant(q, when, &b, why, size))
        return b.data;
    rk_buf_free(&b);
    return NULL;
}

static void translated(void **state)
{
    (void)state;
    static const struct { const char *when, *xpath; } v[] = {
        {"answer.yn == 'yes'", "${yn} = 'yes'"},
        {"answer[\"yn\"] ~= \"no\"", "${yn} != 'no'"},
        {"answer.yn", "(${yn} != '' and ${yn} != 'dont_know')"},
        {"answer.strict ~= nil", "${strict} != ''"},
        {"answer.strict == nil", "not(${strict} != '')"},
        {"not answered('strict')", "not(${strict} != '')"},
        {"dont_know('yn') or dont_know('m')", "${yn} = 'dont_know' or selected(${m}, 'dont_know')"},
        {"selected('m', 'a') and not selected('m', 'b')",
         "selected(${m}, 'a') and not(selected(${m}, 'b'))"},
        {"selected('yn', 'yes')", "${yn} = 'yes'"},
        {"count_selected('m') >= 2", "count-selected(${m}) >= 2"},
        {"answer.n > -1.5 and (answer.n <= 10 or answer.n == 42)",
         "${n} > -1.5 and (${n} <= 10 or ${n} = 42)"},
        {"answer.t == \"it's\"", "${t} = \"it's\""},
        {"answered('m')", "(${m} != '' and not(selected(${m}, 'dont_know')))"},
        {"true", "true()"},
    };
    RkQuestionnaire *q = load();
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char why[200], *x = translate(q, v[i].when, why, sizeof why);
        if (!x || strcmp(x, v[i].xpath) != 0)
            fail_msg("%s: got %s (%s), wanted %s", v[i].when, x ? x : "refused", why, v[i].xpath);
        free(x);
    }
    rk_questionnaire_free(q);
}

static void refused(void **state)
{
    (void)state;
    static const struct { const char *when, *why; } v[] = {
        {"#answer.m > 1", "'#' has no XPath form here"},
        {"answer.n + 1 > 2", "'+' has no XPath form here"},
        {"answer.m == 'a'", "a comparison '==' of these operands has no XPath form"},
        {"answer.n == 'x'", "a comparison '==' of these operands has no XPath form"},
        {"answer.nope == 'x'", "no question 'nope'"},
        {"dont_know('strict')", "dont_know() of this question has no XPath form"},
        {"string.len(answer.t) > 3", "'string' has no XPath form here"},
        {"'yes' == answer.yn", "a comparison that does not start with an answer"},
        {"answer.yn == 'a\\'b'", "'\\' has no XPath form here"},
        {"answer.yn = 'yes'", "'=' has no XPath form here"},
        {"(answer.yn == 'yes'", "expected ')'"},
    };
    RkQuestionnaire *q = load();
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char why[200], *x = translate(q, v[i].when, why, sizeof why);
        if (x)
            fail_msg("%s: translated to %s, wanted refused", v[i].when, x);
        if (strcmp(why, v[i].why) != 0)
            fail_msg("%s: reason '%s', wanted '%s'", v[i].when, why, v[i].why);
    }
    rk_questionnaire_free(q);
}

static void language_names(void **state)
{
    (void)state;
    char buf[64];
    rk_xlsform_lang_name("fr", buf, sizeof buf);
    assert_string_equal(buf, "Français (fr)");
    rk_xlsform_lang_name("sw", buf, sizeof buf);
    assert_string_equal(buf, "sw (sw)");
    assert_int_equal(rk_xlsform_word("Ne sait pas"), RK_XW_DONT_KNOW);
    assert_int_equal(rk_xlsform_word("Source of the evidence (a URL or a document)"), RK_XW_SOURCE);
    assert_int_equal(rk_xlsform_word("Yes"), RK_XW_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(translated),
        cmocka_unit_test(refused),
        cmocka_unit_test(language_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
