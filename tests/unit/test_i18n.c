/* Unit tests for the words French and Spanish users were still reading in
   English: ask's reasons for a typed value (ask_words.c), the explain
   trace's words and a skipped rule file's reason (explain_words.c), and
   the data sentence's agreement in number (labels.c, report_words.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/ask_words.h"
#include "../../src/explain_words.h"
#include "../../src/report_words.h"
#include "readykit/labels.h"

#define NNBSP "\xE2\x80\xAF"

/* The data line: French agrees with the answered count, English and
   Spanish with the applicable count. */
static void data_line_agrees_in_number(void **state)
{
    (void)state;
    static const struct {
        const char *lang;
        int answered, applicable;
        const char *want;
    } cases[] = {
        {"fr", 1, 3, "données : 1 question applicable sur 3 a une réponse, "},
        {"fr", 0, 3, "données : 0 question applicable sur 3 a une réponse, "},
        {"fr", 2, 3, "données : 2 questions applicables sur 3 ont une réponse, "},
        {"en", 1, 1, "data: 1 of 1 applicable question answered, "},
        {"en", 1, 3, "data: 1 of 3 applicable questions answered, "},
        {"es", 1, 1, "datos: 1 de 1 pregunta aplicable respondida, "},
        {"es", 1, 3, "datos: 1 de 3 preguntas aplicables respondidas, "},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[300];
        rk_labels_data_line(rk_labels_for(cases[i].lang), buf, sizeof buf, cases[i].answered,
                            cases[i].applicable, 0, 0, 0, 50);
        if (strncmp(buf, cases[i].want, strlen(cases[i].want)) != 0)
            fail_msg("%s %d/%d: got '%s'", cases[i].lang, cases[i].answered,
                     cases[i].applicable, buf);
    }
    const RkWords *fr = rk_words_for("fr");
    assert_non_null(strstr(fr->w[RK_W_F_SUMMARY_DATA_ONE], "%d question applicable sur %d a une"));
    assert_true(rk_labels_data_one("fr", 1, 5));
    assert_false(rk_labels_data_one("es", 1, 5));
}

/* Every word of the trace in every language, and no French or Spanish
   word left in English. */
static void explain_words_in_every_language(void **state)
{
    (void)state;
    for (int w = 0; w < RK_X_COUNT; w++) {
        const char *en = rk_explain_word("en", (RkExplainWord)w);
        assert_true(en && *en);
        assert_true(*rk_explain_word("fr", (RkExplainWord)w));
        assert_true(*rk_explain_word("es", (RkExplainWord)w));
    }
    assert_string_equal(rk_explain_word("fr", RK_X_COUNTED), ", comptée");
    assert_string_equal(rk_explain_word("es", RK_X_APPLIED), "aplicado");
    assert_string_equal(rk_explain_word("de", RK_X_APPLIED), "applied");
}

/* A skipped rule file's reason built from what rk.requires asked. */
static void skipped_reason_in_the_language(void **state)
{
    (void)state;
    RkQuestionnaire q = {0};
    q.id = "tiny";
    q.version = "1.0.0";
    RkRuleFileInfo f = {0};
    f.skipped = true;
    f.skip_why = "skipped: the engine's English";
    f.skip_ids = "a b";
    f.skip_version = "";
    char buf[600];
    assert_string_equal(rk_explain_skipped("en", &f, &q, buf, sizeof buf),
                        "skipped: the engine's English");
    assert_string_equal(rk_explain_skipped("fr", &f, &q, buf, sizeof buf),
                        "ignoré" NNBSP ": ce fichier de règles exige le questionnaire a ou b, "
                        "et le questionnaire est tiny version 1.0.0 (rk.requires)");
    f.skip_ids = "";
    f.skip_version = ">=2";
    assert_string_equal(rk_explain_skipped("es", &f, &q, buf, sizeof buf),
                        "omitido: este archivo de reglas requiere la versión >=2, y el "
                        "cuestionario es tiny versión 1.0.0 (rk.requires)");
    f.skip_ids = "a";
    assert_string_equal(rk_explain_skipped("es-MX", &f, &q, buf, sizeof buf),
                        "omitido: este archivo de reglas requiere el cuestionario a en versión "
                        ">=2, y el cuestionario es tiny versión 1.0.0 (rk.requires)");
    f.skip_ids = NULL; /* a result without the fields: the engine's words */
    assert_string_equal(rk_explain_skipped("fr", &f, &q, buf, sizeof buf),
                        "skipped: the engine's English");
}

/* ask's reasons: accepted values give NULL; each refusal in each language. */
static void ask_reasons(void **state)
{
    (void)state;
    static const RkChoice choices[] = {{.value = "draft"}, {.value = "adopted"}};
    RkQuestion yn = {.id = "has_law", .type = RK_Q_YES_NO};
    RkQuestion ch = {.id = "stage", .type = RK_Q_CHOICE, .choices = choices, .n_choices = 2};
    RkQuestion mu = {.id = "tools", .type = RK_Q_MULTI, .choices = choices, .n_choices = 2};
    RkQuestion num = {.id = "year", .type = RK_Q_NUMBER, .integer = true, .has_min = true,
                      .min = 1900};
    RkQuestion txt = {.id = "comment", .type = RK_Q_TEXT};
    char buf[600];
    assert_null(rk_ask_why_invalid("fr", &yn, "True", buf, sizeof buf));
    assert_null(rk_ask_why_invalid("fr", &ch, "adopted", buf, sizeof buf));
    assert_null(rk_ask_why_invalid("fr", &num, "2001", buf, sizeof buf));
    assert_null(rk_ask_why_invalid("fr", &txt, "", buf, sizeof buf));
    assert_string_equal(rk_ask_why_invalid("en", &yn, "maybe", buf, sizeof buf),
                        "question 'has_law' expects yes or no, found 'maybe'");
    assert_string_equal(rk_ask_why_invalid("es", &ch, "x", buf, sizeof buf),
                        "«x» no es una opción de la pregunta «stage» (se espera una de: draft, "
                        "adopted)");
    assert_string_equal(rk_ask_why_invalid("fr", &mu, "x", buf, sizeof buf),
                        "«" NNBSP "x" NNBSP "» n'est pas un choix de la question «" NNBSP "tools"
                        NNBSP "» (un ou plusieurs parmi" NNBSP ": draft, adopted)");
    assert_string_equal(rk_ask_why_invalid("fr", &num, "1950.5", buf, sizeof buf),
                        "la question «" NNBSP "year" NNBSP "» attend un nombre entier, pas 1950.5");
    assert_string_equal(rk_ask_why_invalid("es", &num, "1800", buf, sizeof buf),
                        "1800 está fuera del rango de la pregunta «year» (se espera como mínimo "
                        "1900)");
    assert_string_equal(rk_ask_why_invalid("en", &num, "nan", buf, sizeof buf),
                        "question 'year' expects a number, found 'nan'");
    assert_string_equal(rk_ask_no_dont_know("es"), "esta pregunta no acepta «no sabe»");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(data_line_agrees_in_number),
        cmocka_unit_test(explain_words_in_every_language),
        cmocka_unit_test(skipped_reason_in_the_language),
        cmocka_unit_test(ask_reasons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
