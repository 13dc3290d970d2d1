/*
 * fuzz_rules: libFuzzer target for the rules API. Each input is a rule file
 * (given through a temporary file, as --rules would) applied after the
 * standard scorer and sse-national's own rules to the fixed assessment
 * questionnaires/examples/quebec.yaml, with small limits (4 MiB, 2 million
 * instructions, 0.25 s). Building the engine and scoring must give RK_OK or
 * RK_EDATA (RK_EINTERNAL only when memory runs out), never a crash, a leak
 * or undefined behaviour; a result, when there is one, writes as a JSON line.
 *
 * A long C call (a pattern bomb in string.find, table.move over 10^15
 * slots) meets the sandbox's hard deadline, which hands the run back as
 * RK_EDATA and leaves the engine dead (rk_rules_dead): the hostile seeds
 * that do so are fuzzed like the others.
 *
 * `make fuzz` (tests/fuzz/run.sh) seeds it from the files with this ending
 * below these paths:
 * seeds(.lua): scripts/rules questionnaires tests
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "readykit/answers.h"
#include "readykit/report.h"
#include "readykit/rules.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static RkQuestionnaire *q;
static RkAnswers *a;
static char path[] = "/tmp/readykit-fuzz-rules-XXXXXX";

static void remove_rule_file(void)
{
    unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    RkDiag d;
    rk_diag_init(&d);
    int fd = mkstemp(path);
    if (fd < 0 || close(fd) != 0 || atexit(remove_rule_file) != 0 ||
        rk_questionnaire_load("questionnaires/sse-national.yaml", &q, &d) != RK_OK ||
        rk_answers_load("questionnaires/examples/quebec.yaml", q, &a, &d) != RK_OK)
        abort();
    return 0;
}

static void expect(int ok)
{
    if (!ok)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    expect(f && fwrite(data, 1, size, f) == size && fclose(f) == 0);
    const char *files[] = {path};
    RkRulesOptions o = {.rule_files = files, .n_rule_files = 1,
                        .memory_limit = 4u << 20, .instruction_budget = 2000000,
                        .deadline_seconds = 0.25};
    RkDiag d;
    rk_diag_init(&d);
    RkRules *r = NULL;
    RkResult *res = NULL;
    RkStatus s = rk_rules_new(q, &o, &r, &d);
    expect(s == RK_OK || s == RK_EDATA || s == RK_EINTERNAL);
    expect((s == RK_OK) == (r != NULL));
    if (r) {
        s = rk_rules_score(r, a, &res, &d);
        expect(s == RK_OK || s == RK_EDATA || s == RK_EINTERNAL);
        expect((s == RK_OK) == (res != NULL));
        expect(!rk_rules_dead(r) || s == RK_EDATA);
    }
    if (res) {
        RkReportInput in = {q, a, res, "quebec.yaml", rk_questionnaire_lang(q, a->language)};
        RkBuf json;
        rk_buf_init(&json);
        rk_report_json(&json, &in);
        expect(json.failed || (json.len > 0 && json.data[json.len - 1] == '\n'));
        rk_buf_free(&json);
    }
    rk_result_free(res);
    rk_rules_free(r);
    return 0;
}
