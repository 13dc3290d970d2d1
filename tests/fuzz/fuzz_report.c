/*
 * fuzz_report: libFuzzer target for the PDF writer. The questionnaire
 * questionnaires/sse-national.yaml and its rules engine are loaded once;
 * each input is an answers file (its subject, notes, sources and values
 * reach the PDF as text, links and metadata, and the rules' findings quote
 * them), loaded, checked and scored; a result is then written as a PDF to a
 * temporary file, as `readykit report` does. Any result must give a PDF
 * (RK_OK), never a crash, a leak or undefined behaviour, and the file must
 * be a whole PDF: "%PDF-" at the start, "%%EOF" at the end.
 *
 * `make fuzz` (tests/fuzz/run.sh) seeds it from the files with this ending
 * below these paths:
 * seeds(.yaml): questionnaires/examples tests/cases/sse-1.1.0
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "readykit/answers.h"
#include "readykit/node.h"
#include "readykit/report.h"
#include "readykit/rules.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static RkQuestionnaire *q;
static RkRules *rules;
static char dir[64], pdf[96];

static void expect(bool ok)
{
    if (!ok)
        abort();
}

static void remove_dir(void)
{
    unlink(pdf);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    RkDiag d;
    rk_diag_init(&d);
    RkRulesOptions o = {0};
    snprintf(dir, sizeof dir, "/tmp/rk_fuzz_report_XXXXXX");
    if (!mkdtemp(dir) ||
        rk_questionnaire_load("questionnaires/sse-national.yaml", &q, &d) != RK_OK ||
        rk_rules_new(q, &o, &rules, &d) != RK_OK)
        abort();
    snprintf(pdf, sizeof pdf, "%s/report.pdf", dir);
    atexit(remove_dir);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    return 0;
}

/* The file is a whole PDF: its header first, "%%EOF" (and a line end) last. */
static void check_pdf(void)
{
    FILE *f = fopen(pdf, "rb");
    expect(f != NULL);
    char head[5], tail[8] = {0};
    expect(fread(head, 1, sizeof head, f) == sizeof head && memcmp(head, "%PDF-", 5) == 0);
    expect(fseek(f, -(long)sizeof tail, SEEK_END) == 0);
    expect(fread(tail, 1, sizeof tail, f) == sizeof tail);
    fclose(f);
    size_t end = sizeof tail;
    while (end > 0 && (tail[end - 1] == '\n' || tail[end - 1] == '\r'))
        end--;
    expect(end >= 5 && memcmp(tail + end - 5, "%%EOF", 5) == 0);
    unlink(pdf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    RkDiag d;
    rk_diag_init(&d);
    RkNodeTree *tree = NULL;
    RkAnswers *a = NULL;
    RkResult *res = NULL;
    if (rk_node_parse((const char *)data, size, "fuzz.yaml", &tree, &d) == RK_OK &&
        rk_answers_from_tree(tree, q, &a, &d) == RK_OK &&
        rk_rules_check_answers(rules, a, &d) == RK_OK &&
        rk_rules_score(rules, a, &res, &d) == RK_OK) {
        RkReportInput in = {.q = q, .answers = a, .result = res, .file = "fuzz.yaml",
                            .lang = rk_questionnaire_lang(q, a->language)};
        RkReportPdfOptions po = {.creator = "readykit fuzz"};
        rk_diag_init(&d);
        expect(rk_report_pdf_with(&in, &po, pdf, &d) == RK_OK);
        check_pdf();
    }
    rk_result_free(res);
    rk_answers_free(a);
    rk_node_tree_free(tree);
    return 0;
}
