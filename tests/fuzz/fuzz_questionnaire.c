/*
 * fuzz_questionnaire: libFuzzer target for the questionnaire loader. Any
 * input must give RK_OK or an error status, never a crash, a leak or
 * undefined behaviour.
 *
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Iinclude \
 *       -fsanitize=fuzzer,address,undefined tests/fuzz/fuzz_questionnaire.c \
 *       src/arena.c src/diag.c src/fileio.c src/node.c src/suggest.c src/text.c \
 *       src/questionnaire*.c $(pkg-config --cflags --libs lua5.4 yaml-0.1) -lm \
 *       -o build/fuzz-questionnaire
 *   build/fuzz-questionnaire -max_total_time=60 questionnaires tests/cases/bad-questionnaires
 *
 * `make fuzz` (tests/fuzz/run.sh) seeds it from the files with this ending
 * below these paths:
 * seeds(.yaml): questionnaires tests/cases/bad-questionnaires tests/cases/versions
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "readykit/questionnaire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    RkStatus s = rk_questionnaire_parse((const char *)data, size, "fuzz.yaml", &q, &d);
    if ((s == RK_OK) != (q != NULL))
        abort();
    rk_questionnaire_free(q);
    return 0;
}
