/*
 * fuzz_score: libFuzzer target for scoring and the text, JSON and CSV
 * writers. The questionnaire questionnaires/sse-national.yaml and its rules
 * engine are loaded once; each input is an answers file, loaded, checked,
 * scored, then written as text, a JSON line and a CSV header and row. Any
 * input must give RK_OK or RK_EDATA (RK_EINTERNAL only when memory runs
 * out), never a crash, a leak or undefined behaviour; the JSON is one line
 * with no raw control character, the CSV ends its rows with a line end.
 *
 * `make fuzz` (tests/fuzz/run.sh) seeds it from the files with this ending
 * below these paths:
 * seeds(.yaml): questionnaires/examples tests/cases/sse-1.1.0
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/answers.h"
#include "readykit/node.h"
#include "readykit/report.h"
#include "readykit/rules.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static RkQuestionnaire *q;
static RkRules *rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    RkDiag d;
    rk_diag_init(&d);
    RkRulesOptions o = {0};
    if (rk_questionnaire_load("questionnaires/sse-national.yaml", &q, &d) != RK_OK ||
        rk_rules_new(q, &o, &rules, &d) != RK_OK)
        abort();
    return 0;
}

static void expect(bool ok)
{
    if (!ok)
        abort();
}

/* Write the result every way; the JSON must be one line of no control byte. */
static void write_all(const RkReportInput *in)
{
    size_t n = 0;
    const char *const *ind = rk_rules_declared(rules, &n);
    RkBuf text, json, csv;
    rk_buf_init(&text);
    rk_buf_init(&json);
    rk_buf_init(&csv);
    rk_report_text(&text, in);
    rk_report_json(&json, in);
    rk_report_csv_header(&csv, q, ind, n);
    rk_report_csv_row(&csv, in, ind, n);
    if (!json.failed) {
        expect(json.len > 0 && json.data[json.len - 1] == '\n');
        for (size_t i = 0; i + 1 < json.len; i++)
            expect((unsigned char)json.data[i] >= 0x20 && json.data[i] != 0x7f);
    }
    if (!csv.failed)
        expect(csv.len > 0 && csv.data[csv.len - 1] == '\n');
    rk_buf_free(&text);
    rk_buf_free(&json);
    rk_buf_free(&csv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    RkDiag d;
    rk_diag_init(&d);
    RkNodeTree *tree = NULL;
    RkAnswers *a = NULL;
    RkResult *res = NULL;
    if (rk_node_parse((const char *)data, size, "fuzz.yaml", &tree, &d) == RK_OK &&
        rk_answers_from_tree(tree, q, &a, &d) == RK_OK) {
        RkStatus s = rk_rules_check_answers(rules, a, &d);
        expect(s == RK_OK || s == RK_EDATA || s == RK_EINTERNAL);
        rk_diag_init(&d);
        s = rk_rules_score(rules, a, &res, &d);
        expect((s == RK_OK) == (res != NULL));
        expect(s == RK_OK || s == RK_EDATA || s == RK_EINTERNAL);
        if (res) {
            RkReportInput in = {.q = q, .answers = a, .result = res,
                                .file = "fuzz.yaml",
                                .lang = rk_questionnaire_lang(q, a->language)};
            write_all(&in);
        }
    }
    rk_result_free(res);
    rk_answers_free(a);
    rk_node_tree_free(tree);
    return 0;
}
