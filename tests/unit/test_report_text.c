/* Unit tests for report_text.c: JSON escaping and fields, CSV quoting,
   text alignment; on a hand-built questionnaire and result. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "readykit/report.h"

static const char *langs[] = {"en"};
static const char *plain_lang[] = {""};

static RkText text1(const char **value)
{
    return (RkText){1, plain_lang, value};
}

typedef struct Fixture {
    RkQuestionnaire q;
    RkPillar pillars[2];
    RkLevel levels[2];
    RkResult r;
    RkPillarResult pr[2];
    RkIndicator ind[1];
    RkFinding f[1];
} Fixture;

static const char *s_title = "Tiny \"test\"";
static const char *s_low = "Low", *s_high = "High";

static void build(Fixture *x)
{
    memset(x, 0, sizeof *x);
    x->levels[0] = (RkLevel){"low", 0, text1(&s_low), {0}};
    x->levels[1] = (RkLevel){"high", 50, text1(&s_high), {0}};
    x->pillars[0].id = "law";
    x->pillars[1].id = "money";
    x->q = (RkQuestionnaire){.id = "tiny", .version = "1.0.0", .title = text1(&s_title),
                             .languages = langs, .n_languages = 1, .levels = x->levels,
                             .n_levels = 2, .pillars = x->pillars, .n_pillars = 2};
    x->pr[0] = (RkPillarResult){.id = "law", .title = "Législation", .weight = 1, .score = 87.456,
                                .level = 1, .level_name = "High", .uncapped_level = 1,
                                .n_questions = 3, .n_answered = 3};
    x->pr[1] = (RkPillarResult){.id = "money", .title = "Money, \"cash\"", .weight = 2,
                                .score = NAN, .level = -1, .uncapped_level = -1,
                                .n_questions = 2, .n_unanswered = 1, .n_dont_know = 1};
    x->pr[0].cap = (RkCap){true, true, 0, "Low", "no legal\ndefinition", "gate.lua"};
    x->ind[0] = (RkIndicator){"orgs_per_10k", "Orgs per 10,000", 13.14159, NULL, "law"};
    static const char *qs[] = {"has_law"};
    x->f[0] = (RkFinding){"law", 1, "gap", "Adopt a law", qs, 1, "gate.lua"};
    x->r = (RkResult){.questionnaire_id = "tiny", .version = "1.0.0", .subject = "Tinyland, \"North\"",
                      .score = 87.456, .level = 0, .level_name = "Low", .uncapped_level = 1,
                      .pillars = x->pr, .n_pillars = 2, .indicators = x->ind, .n_indicators = 1,
                      .findings = x->f, .n_findings = 1, .n_questions = 5, .n_answered = 3,
                      .n_dont_know = 1, .n_unanswered = 1};
}

static void json_is_one_escaped_line(void **state)
{
    (void)state;
    Fixture x;
    build(&x);
    RkReportInput in = {&x.q, NULL, &x.r, "dir/a b.yaml", "en"};
    RkBuf b;
    rk_buf_init(&b);
    rk_report_json(&b, &in);
    assert_non_null(b.data);
    assert_int_equal(b.data[b.len - 1], '\n');
    assert_null(memchr(b.data, '\n', b.len - 1));
    assert_non_null(strstr(b.data, "\"file\": \"dir/a b.yaml\""));
    assert_non_null(strstr(b.data, "\"subject\": \"Tinyland, \\\"North\\\"\""));
    assert_non_null(strstr(b.data, "\"score\": 87.46"));
    assert_non_null(strstr(b.data, "\"level_id\": \"low\""));
    assert_non_null(strstr(b.data, "\"reason\": \"no legal\\ndefinition\""));
    assert_non_null(strstr(b.data, "\"score\": null")); /* the NaN pillar */
    assert_non_null(strstr(b.data, "\"value\": 13.14"));
    assert_non_null(strstr(b.data, "\"questions\": [\"has_law\"]"));
    rk_buf_free(&b);
}

static void json_string_escapes_controls(void **state)
{
    (void)state;
    RkBuf b;
    rk_buf_init(&b);
    rk_json_string(&b, "a\x01\tb\\é");
    assert_string_equal(b.data, "\"a\\u0001\\tb\\\\é\"");
    rk_buf_free(&b);
}

static void csv_quotes_as_rfc4180(void **state)
{
    (void)state;
    Fixture x;
    build(&x);
    RkReportInput in = {&x.q, NULL, &x.r, "a.yaml", "en"};
    RkBuf b;
    rk_buf_init(&b);
    const char *cols[] = {"jobs", "orgs_per_10k"};
    rk_report_csv_header(&b, &x.q, cols, 2);
    rk_report_csv_row(&b, &in, cols, 2);
    assert_string_equal(b.data, "file,subject,score,level,law,money,jobs,orgs_per_10k\r\n"
                                "a.yaml,\"Tinyland, \"\"North\"\"\",87.46,Low,87.46,,,13.14\r\n");
    rk_buf_free(&b);
}

static void text_aligns_and_shows_caps(void **state)
{
    (void)state;
    Fixture x;
    build(&x);
    RkReportInput in = {&x.q, NULL, &x.r, "a.yaml", "en"};
    RkBuf b;
    rk_buf_init(&b);
    rk_report_text(&b, &in);
    assert_non_null(strstr(b.data, "a.yaml: Tinyland"));
    assert_non_null(strstr(b.data, "capped at Low"));
    assert_non_null(strstr(b.data, "no data"));
    /* "Législation" (11 characters, 12 bytes) is padded to the width of
       "Money, \"cash\"" (13 characters): scores line up. */
    const char *l1 = strstr(b.data, "Législation");
    const char *l2 = strstr(b.data, "Money, \"cash\"");
    assert_non_null(l1);
    assert_non_null(l2);
    size_t c1 = 0, c2 = 0;
    for (const char *p = l1; *p && p < strstr(l1, "87.5"); p++)
        c1 += ((unsigned char)*p & 0xC0) != 0x80;
    for (const char *p = l2; *p && p < strstr(l2, "-"); p++)
        c2 += ((unsigned char)*p & 0xC0) != 0x80;
    assert_int_equal(c1 + strlen("87.5"), c2 + strlen("-")); /* right-aligned */
    rk_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_is_one_escaped_line),
        cmocka_unit_test(json_string_escapes_controls),
        cmocka_unit_test(csv_quotes_as_rfc4180),
        cmocka_unit_test(text_aligns_and_shows_caps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
