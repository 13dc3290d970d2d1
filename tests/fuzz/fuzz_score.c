/*
 * fuzz_score: libFuzzer target for scoring and the text, JSON and CSV
 * writers. The questionnaire questionnaires/sse-national.yaml and its rules
 * engine are loaded once; each input is an answers file, loaded, checked,
 * scored, then written as text, a JSON line and a CSV header and row. Any
 * input must give RK_OK or RK_EDATA (RK_EINTERNAL only when memory runs
 * out), never a crash, a leak or undefined behaviour; and the promises of
 * SECURITY.md hold (checked here independently of src/safetext.c): the
 * text has no raw control character but line feeds and tabs (no ESC, DEL
 * or C1) and is UTF-8; the JSON is one line, UTF-8, with no raw control
 * character; no CSV cell starts with '=', '+', '-' (unless it is a plain
 * number), '@', a tab or a carriage return, and the CSV ends its rows with
 * a line end.
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

/* Is s[0..len) UTF-8 (no overlong form, no surrogate, at most U+10FFFF)?
   Written here again rather than taken from the library it checks. */
static bool utf8_ok(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned c = *p;
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0 || (size_t)(end - p) < n)
            return false;
        unsigned long cp = n == 1 ? c : c & (0x7Fu >> n);
        for (size_t i = 1; i < n; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (p[i] & 0x3Fu);
        }
        static const unsigned long least[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += n;
    }
    return true;
}

/* No C0 control but those allowed, no DEL, no C1 (U+0080..U+009F). */
static bool no_controls(const char *s, size_t len, const char *allowed)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && (c == 0 || !strchr(allowed, c))) || c == 0x7f)
            return false;
        if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9F)
            return false;
    }
    return true;
}

/* A cell a spreadsheet would run: '=', '@', tab or CR first, or '+' / '-'
   first without being a plain number. */
static bool formula_cell(const char *cell, size_t len)
{
    if (len == 0)
        return false;
    if (cell[0] && strchr("=@\t\r", cell[0]))
        return true;
    if (cell[0] != '+' && cell[0] != '-')
        return false;
    char num[64];
    if (len >= sizeof num || strspn(cell, "0123456789.eE+-") < len)
        return true;
    memcpy(num, cell, len);
    num[len] = '\0';
    char *end;
    strtod(num, &end);
    return end != num + len;
}

/* Walk the CSV (RFC 4180: quoted cells, "" for a quote) and check every
   cell's first character. */
static void check_csv_cells(const char *s, size_t len)
{
    char cell[4096];
    size_t i = 0;
    while (i < len) {
        size_t n = 0;
        bool too_long = false;
        if (s[i] == '"') {
            for (i++; i < len; i++) {
                if (s[i] == '"' && (i + 1 >= len || s[i + 1] != '"'))
                    break;
                if (s[i] == '"')
                    i++;
                if (n < sizeof cell)
                    cell[n++] = s[i];
                else
                    too_long = true;
            }
            expect(i < len); /* the closing quote */
            i++;
        } else {
            for (; i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n'; i++)
                if (n < sizeof cell)
                    cell[n++] = s[i];
        }
        (void)too_long; /* the first character is what counts */
        expect(!formula_cell(cell, n));
        if (i < len && s[i] == '\r')
            i++;
        if (i < len && (s[i] == ',' || s[i] == '\n'))
            i++;
    }
}

/* Write the result every way and check what SECURITY.md promises. */
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
    if (!text.failed)
        expect(no_controls(text.data, text.len, "\n\t") && utf8_ok(text.data, text.len));
    if (!json.failed) {
        expect(json.len > 0 && json.data[json.len - 1] == '\n');
        expect(no_controls(json.data, json.len - 1, "") && utf8_ok(json.data, json.len));
    }
    if (!csv.failed) {
        expect(csv.len > 0 && csv.data[csv.len - 1] == '\n');
        check_csv_cells(csv.data, csv.len);
    }
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
