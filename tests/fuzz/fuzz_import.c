/*
 * fuzz_import: libFuzzer target for the CSV import (separator detection,
 * libcsv, header resolution, cells into answers), in --dry-run mode against
 * tests/cases/consult/whens.yaml. Any input must give RK_OK or RK_EDATA
 * (RK_EINTERNAL only when memory runs out), never a crash, a leak or
 * undefined behaviour; a bad cell is always said with a row and a column.
 *
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Iinclude \
 *       -fsanitize=fuzzer,address,undefined tests/fuzz/fuzz_import.c \
 *       src/arena.c src/diag.c src/fileio.c src/node.c src/node_read.c src/yaml_explain.c \
 *       src/suggest.c \
 *       src/text.c src/questionnaire*.c src/answers*.c src/import*.c \
 *       src/export_xlsform.c src/xlsform_relevant.c \
 *       $(pkg-config --cflags --libs lua5.4 yaml-0.1 xlsxwriter) -lcsv -lm \
 *       -o build/fuzz-import
 *   build/fuzz-import -max_total_time=60 tests/cases/import
 *
 * `make fuzz` (tests/fuzz/run.sh) seeds it from the files with this ending
 * below these paths:
 * seeds(.csv): tests/cases
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/import.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static RkQuestionnaire *q;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    RkDiag d;
    rk_diag_init(&d);
    if (rk_questionnaire_load("tests/cases/consult/whens.yaml", &q, &d) != RK_OK)
        abort();
    return 0;
}

/* Every line said is "fuzz.csv:ROW:COLUMN: ..." with ROW and COLUMN >= 1. */
static void said(void *ud, const char *line)
{
    (void)ud;
    const char *p = line + strlen("fuzz.csv:");
    char *end;
    if (strncmp(line, "fuzz.csv:", 9) != 0 || strtol(p, &end, 10) < 1 || *end != ':' ||
        strtol(end + 1, &end, 10) < 1 || *end != ':')
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    RkDiag d;
    rk_diag_init(&d);
    RkImportOptions o = {.csv = "fuzz.csv", .out_dir = "unused", .dry_run = true,
                         .data = (const char *)data, .len = size, .say = said};
    RkImportSummary sum;
    RkStatus s = rk_import_csv(q, &o, &sum, &d);
    if (s != RK_OK && s != RK_EDATA && s != RK_EINTERNAL)
        abort();
    if (sum.written + sum.failed + sum.empty > sum.rows)
        abort();
    return 0;
}
