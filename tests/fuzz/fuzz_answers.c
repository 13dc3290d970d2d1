/*
 * fuzz_answers: libFuzzer target for the answers loader, migration mode
 * included, against tests/cases/versions/vdemo.yaml (2.0.0). Any input must
 * give RK_OK or an error status, never a crash, a leak or undefined
 * behaviour; and an input that loads must save to YAML that loads again
 * without a migration warning and saves to the same bytes.
 *
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Iinclude \
 *       -fsanitize=fuzzer,address,undefined tests/fuzz/fuzz_answers.c \
 *       src/arena.c src/diag.c src/fileio.c src/node.c src/node_read.c src/yaml_explain.c \
 *       src/suggest.c \
 *       src/text.c src/questionnaire*.c src/answers*.c \
 *       $(pkg-config --cflags --libs lua5.4 yaml-0.1) -lm -o build/fuzz-answers
 *   build/fuzz-answers -max_total_time=60 tests/cases/versions/answers
 *
 * `make fuzz` (tests/fuzz/run.sh) seeds it from the files with this ending
 * below these paths:
 * seeds(.yaml): tests/cases questionnaires/examples
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/answers.h"
#include "readykit/node.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static RkQuestionnaire *q;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    RkDiag d;
    rk_diag_init(&d);
    if (rk_questionnaire_load("tests/cases/versions/vdemo.yaml", &q, &d) != RK_OK)
        abort();
    return 0;
}

/* Parse text as an answers file; NULL when it does not load. */
static RkAnswers *load(const char *text, size_t len, RkDiag *d)
{
    RkNodeTree *tree = NULL;
    RkAnswers *a = NULL;
    rk_diag_init(d);
    if (rk_node_parse(text, len, "fuzz.yaml", &tree, d) == RK_OK) {
        RkStatus s = rk_answers_from_tree(tree, q, &a, d);
        if ((s == RK_OK) != (a != NULL))
            abort();
    }
    rk_node_tree_free(tree);
    return a;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    RkDiag d;
    RkAnswers *a = load((const char *)data, size, &d);
    if (!a)
        return 0;
    RkBuf one, two;
    rk_buf_init(&one);
    rk_buf_init(&two);
    rk_answers_format(a, &one);
    RkAnswers *b = one.failed ? NULL : load(one.data, one.len, &d);
    if (!one.failed && (!b || (a->version && b->migrated_from)))
        abort(); /* what we save must load back as it is */
    if (b) {
        rk_answers_format(b, &two);
        if (two.len != one.len || memcmp(one.data, two.data, one.len) != 0)
            abort();
    }
    rk_buf_free(&one);
    rk_buf_free(&two);
    rk_answers_free(b);
    rk_answers_free(a);
    return 0;
}
