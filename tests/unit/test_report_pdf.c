/* Unit tests for report_pdf.c: a hand-built French questionnaire and result
   are written to a PDF that qpdf accepts and pdftotext reads back (accents,
   scores, caps, "no data"); failed writes leave the old file; two runs give
   the same bytes; long text wraps inside the page. */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <cmocka.h>

#include "readykit/report.h"


static const char *langs[] = {"fr", "en"};
static const char *two_langs[] = {"fr", "en"};
static const char *title_v[] = {"Préparation des politiques d'ESS — national",
                                 "SSE policy readiness — national"};

#define N_PILLARS 4
#define MAX_PILLARS 40

typedef struct Fixture {
    RkArena *arena;
    RkQuestionnaire q;
    RkLevel levels[4];
    RkResult r;
    RkPillarResult pr[MAX_PILLARS];
    RkFinding f[3];
    RkAnswers a;
} Fixture;

static const char *level_names[] = {"Naissant", "Émergent", "En développement", "Établi"};
static const char *plain[] = {""};

static void build(Fixture *x)
{
    memset(x, 0, sizeof *x);
    x->arena = rk_arena_new();
    assert_non_null(x->arena);
    for (int i = 0; i < 4; i++)
        x->levels[i] = (RkLevel){.id = level_names[i], .min = 25.0 * i,
                                 .name = {1, plain, &level_names[i]}};
    x->q = (RkQuestionnaire){.id = "sse-national", .version = "1.0.0",
                             .title = {2, two_langs, title_v}, .languages = langs,
                             .n_languages = 2, .levels = x->levels, .n_levels = 4};
    static const struct { const char *id, *title; double score; int level; } p[N_PILLARS] = {
        {"legislation", "Cadre juridique et économie sociale", 77.78, 3},
        {"funding", "Financement et marchés publics", 66.67, 2},
        {"networks", "Réseaux d'appui", 81.48, 3},
        {"statistics", "Statistiques", NAN, -1},
    };
    for (int i = 0; i < N_PILLARS; i++)
        x->pr[i] = (RkPillarResult){.id = p[i].id, .title = p[i].title, .weight = 1,
                                    .score = p[i].score, .level = p[i].level,
                                    .level_name = p[i].level >= 0 ? level_names[p[i].level] : NULL,
                                    .uncapped_level = p[i].level, .n_questions = 5,
                                    .n_answered = 4, .n_dont_know = 1};
    x->pr[0].level = 1;
    x->pr[0].level_name = level_names[1];
    x->pr[0].cap = (RkCap){true, true, 1, level_names[1],
                           "pas de définition légale de l'économie sociale", "gate.lua"};
    x->pr[3].n_answered = 0;
    x->pr[3].n_dont_know = 5;
    static const char *qs[] = {"framework_law"};
    x->f[0] = (RkFinding){"legislation", 1, "gap",
                          "Adopter une loi-cadre qui définit l'économie sociale et solidaire.",
                          qs, 1, "gate.lua"};
    x->f[1] = (RkFinding){"networks", 2, "strength",
                          "Des réseaux régionaux actifs couvrent tout le territoire.", NULL, 0, NULL};
    x->f[2] = (RkFinding){NULL, 3, "recommendation",
                          "Créer une unité statistique dédiée à l'ESS.", NULL, 0, NULL};
    x->r = (RkResult){.arena = x->arena, .questionnaire_id = "sse-national", .version = "1.0.0",
                      .subject = "Québec (Canada)", .language = "fr", .score = 63.77, .level = 2,
                      .level_name = level_names[2], .uncapped_level = 2, .pillars = x->pr,
                      .n_pillars = N_PILLARS, .findings = x->f, .n_findings = 3,
                      .n_questions = 20, .n_answered = 12, .n_dont_know = 8};
    x->a = (RkAnswers){.subject = "Québec (Canada)", .respondent = "Ministère de l'Économie",
                       .date = "2026-11-23", .language = "fr"};
}

static void unbuild(Fixture *x)
{
    rk_arena_free(x->arena);
}

typedef struct Tmp {
    char dir[64];
    char path[128];
} Tmp;

static void tmp_make(Tmp *t)
{
    strcpy(t->dir, "/tmp/rk-pdf-XXXXXX");
    assert_non_null(mkdtemp(t->dir));
    snprintf(t->path, sizeof t->path, "%s/report.pdf", t->dir);
}

static void tmp_clean(Tmp *t)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
    assert_int_equal(system(cmd), 0);
}

/* Output of a shell command, malloc'd; *rc its exit status. The tools'
   standard error must stay empty: any warning from pdftotext, pdftoppm or
   qpdf about the file fails the test. */
static char *run(const char *cmd, int *rc)
{
    char full[1024], err_path[] = "/tmp/rk-pdf-err-XXXXXX";
    int fd = mkstemp(err_path);
    assert_true(fd >= 0);
    close(fd);
    snprintf(full, sizeof full, "%s 2>'%s'", cmd, err_path);
    FILE *f = popen(full, "r");
    assert_non_null(f);
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    size_t n;
    while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    buf[len] = '\0';
    int st = pclose(f);
    if (rc)
        *rc = st;
    char err[2048] = "";
    FILE *e = fopen(err_path, "r");
    assert_non_null(e);
    size_t el = fread(err, 1, sizeof err - 1, e);
    err[el] = '\0';
    fclose(e);
    unlink(err_path);
    if (el > 0)
        fail_msg("'%s' wrote to stderr: %s", cmd, err);
    return buf;
}

static char *slurp(const char *path, size_t *len)
{
    char *data = NULL;
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_file_read(path, 0, &data, len, &d), RK_OK);
    return data;
}

static bool contains(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(hay + i, needle, n) == 0)
            return true;
    return false;
}

/* RK_TEST_KEEP_PDF=DIR keeps a copy of the PDFs under DIR (to look at them). */
static void keep(const char *path, const char *name)
{
    const char *dir = getenv("RK_TEST_KEEP_PDF");
    if (!dir || !*dir)
        return;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s/%s'", path, dir, name);
    assert_int_equal(system(cmd), 0);
}

static void write_ok(Fixture *x, const char *lang, const char *path)
{
    RkReportInput in = {&x->q, &x->a, &x->r, "quebec.yaml", lang};
    RkDiag d;
    rk_diag_init(&d);
    RkStatus s = rk_report_pdf(&in, path, &d);
    if (s != RK_OK)
        fail_msg("rk_report_pdf: %s", d.message);
}

static char *pdftotext(const char *path)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' -", path);
    int rc;
    char *text = run(cmd, &rc);
    assert_int_equal(rc, 0);
    return text;
}

static void french_report_checks_and_reads_back(void **state)
{
    (void)state;
    Fixture x;
    build(&x);
    Tmp t;
    tmp_make(&t);
    write_ok(&x, "fr", t.path);
    keep(t.path, "fr.pdf");
    char cmd[256];
    snprintf(cmd, sizeof cmd, "qpdf --check '%s'", t.path);
    int rc;
    char *out = run(cmd, &rc);
    if (rc != 0)
        fail_msg("qpdf --check failed: %s", out);
    assert_non_null(strstr(out, "No syntax or stream encoding errors"));
    free(out);
    char *text = pdftotext(t.path);
    assert_non_null(strstr(text, "Québec (Canada)"));
    assert_non_null(strstr(text, "Cadre juridique et économie sociale"));
    assert_non_null(strstr(text, "Préparation des politiques d'ESS"));
    assert_non_null(strstr(text, "63,8"));         /* overall, French decimal comma */
    assert_non_null(strstr(text, "77,8"));         /* a pillar */
    assert_non_null(strstr(text, "En développement"));
    assert_non_null(strstr(text, "pas de données")); /* the NaN pillar */
    assert_non_null(strstr(text, "Plafonné à Émergent"));
    assert_non_null(strstr(text, "Fiabilité des données"));
    assert_non_null(strstr(text, "Ministère de l'Économie"));
    assert_non_null(strstr(text, "Adopter une loi-cadre"));
    free(text);
    snprintf(cmd, sizeof cmd, "pdfinfo '%s'", t.path);
    out = run(cmd, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "Québec (Canada)"));  /* Title and Subject, UTF-8 */
    assert_non_null(strstr(out, "Creator:         readykit"));
    assert_non_null(strstr(out, "Page size:       595.276 x 841.89 pts (A4)"));
    int pages = 0;
    const char *pg = strstr(out, "Pages:");
    assert_non_null(pg);
    assert_int_equal(sscanf(pg, "Pages: %d", &pages), 1);
    assert_true(pages >= 2); /* the summary, then pillars and method */
    free(out);
    tmp_clean(&t);
    unbuild(&x);
}

static void spanish_and_unknown_languages(void **state)
{
    (void)state;
    Fixture x;
    build(&x);
    Tmp t;
    tmp_make(&t);
    write_ok(&x, "es", t.path);
    keep(t.path, "es.pdf");
    char *text = pdftotext(t.path);
    assert_non_null(strstr(text, "Puntuación global"));
    assert_non_null(strstr(text, "sin datos"));
    free(text);
    write_ok(&x, "de", t.path); /* no words for German: English */
    text = pdftotext(t.path);
    assert_non_null(strstr(text, "Overall score"));
    assert_non_null(strstr(text, "no data"));
    free(text);
    tmp_clean(&t);
    unbuild(&x);
}

static void failed_write_keeps_the_old_file(void **state)
{
    (void)state;
    Fixture x;
    build(&x);
    RkReportInput in = {&x.q, &x.a, &x.r, "quebec.yaml", "fr"};
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_report_pdf(&in, "/nonexistent-dir-rk/x/report.pdf", &d),
                     RK_ECANTCREAT);
    assert_non_null(strstr(d.message, "cannot"));

    /* An existing file, then a write that fails half-way (file size limit:
       works for root too). */
    Tmp t;
    tmp_make(&t);
    RkDiag d2;
    rk_diag_init(&d2);
    assert_int_equal(rk_file_write_atomic(t.path, "old", 3, &d2), RK_OK);
    struct rlimit old, lim;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    lim = old;
    lim.rlim_cur = 2000;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
    RkDiag d3;
    rk_diag_init(&d3);
    RkStatus s = rk_report_pdf(&in, t.path, &d3);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, prev);
    assert_int_equal(s, RK_ECANTCREAT);
    size_t len;
    char *data = slurp(t.path, &len);
    assert_int_equal(len, 3);
    assert_memory_equal(data, "old", 3);
    free(data);
    /* no temporary file left behind */
    DIR *dir = opendir(t.dir);
    assert_non_null(dir);
    int entries = 0;
    for (struct dirent *e; (e = readdir(dir));)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            entries++;
    closedir(dir);
    assert_int_equal(entries, 1);
    tmp_clean(&t);
    unbuild(&x);
}

static void two_runs_give_the_same_bytes(void **state)
{
    (void)state;
    Fixture x;
    build(&x);
    Tmp t;
    tmp_make(&t);
    char path2[160];
    snprintf(path2, sizeof path2, "%s/again.pdf", t.dir);
    for (int with_date = 0; with_date < 2; with_date++) {
        if (with_date)
            setenv("SOURCE_DATE_EPOCH", "1795000000", 1);
        write_ok(&x, "fr", t.path);
        write_ok(&x, "fr", path2);
        size_t l1, l2;
        char *a = slurp(t.path, &l1), *b = slurp(path2, &l2);
        assert_int_equal(l1, l2);
        assert_memory_equal(a, b, l1);
        /* a date only when SOURCE_DATE_EPOCH asks for one */
        bool dated = contains(a, l1, "/CreationDate (D:");
        assert_true(dated == (with_date == 1));
        free(a);
        free(b);
    }
    unsetenv("SOURCE_DATE_EPOCH");
    tmp_clean(&t);
    unbuild(&x);
}

/* Nothing answered: no overall score, no answers header, no findings. */
static void empty_result_still_renders(void **state)
{
    (void)state;
    Fixture x;
    build(&x);
    for (size_t i = 0; i < N_PILLARS; i++) {
        x.pr[i].score = NAN;
        x.pr[i].level = -1;
        x.pr[i].level_name = NULL;
        x.pr[i].cap.active = false;
    }
    x.r.score = NAN;
    x.r.level = -1;
    x.r.level_name = NULL;
    x.r.subject = NULL;
    x.r.n_findings = 0;
    x.r.n_answered = 0;
    RkReportInput in = {&x.q, NULL, &x.r, "vide.yaml", NULL};
    Tmp t;
    tmp_make(&t);
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_report_pdf(&in, t.path, &d), RK_OK);
    char *text = pdftotext(t.path);
    assert_non_null(strstr(text, "vide.yaml"));     /* no subject: the file */
    assert_non_null(strstr(text, "pas de données")); /* the fallback language fr */
    assert_null(strstr(text, "Constats"));
    free(text);
    tmp_clean(&t);
    unbuild(&x);
}

/* Every word pdftotext -bbox finds lies inside the page's margins. */
static void long_text_wraps_inside_the_page(void **state)
{
    (void)state;
    Fixture x;
    build(&x);
    static char long_title[600], long_word[300], long_find[2000];
    strcpy(long_title, "Un titre de pilier très long");
    while (strlen(long_title) < 500)
        strcat(long_title, " qui continue encore et encore");
    memset(long_word, 'W', 250);
    long_word[250] = '\0';
    strcpy(long_find, long_word);
    while (strlen(long_find) < 1800)
        strcat(long_find, " une phrase accentuée pour remplir la page à déborder");
    for (int i = N_PILLARS; i < MAX_PILLARS; i++) {
        x.pr[i] = x.pr[i % N_PILLARS];
        x.pr[i].title = i % 5 == 0 ? long_title : x.pr[i].title;
    }
    x.r.n_pillars = MAX_PILLARS;
    x.r.cap = (RkCap){true, true, 1, level_names[1], long_find, "gate.lua"};
    x.f[2].text = long_find;
    Tmp t;
    tmp_make(&t);
    write_ok(&x, "fr", t.path);
    keep(t.path, "long.pdf");
    char cmd[256];
    snprintf(cmd, sizeof cmd, "pdftotext -bbox '%s' -", t.path);
    int rc;
    char *out = run(cmd, &rc);
    assert_int_equal(rc, 0);
    int words = 0, pages = 0;
    for (char *p = out; (p = strstr(p, "<")); p++) {
        if (strncmp(p, "<page ", 6) == 0)
            pages++;
        if (strncmp(p, "<word ", 6) != 0)
            continue;
        double x0, y0, x1, y1;
        assert_int_equal(sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                                &x0, &y0, &x1, &y1), 4);
        /* the text frame, and the running header and page numbers in the
           margins above and below it */
        if (x0 < 49 || x1 > 546 || y0 < 15 || y1 > 827)
            fail_msg("word outside the margins at %.1f,%.1f-%.1f,%.1f", x0, y0, x1, y1);
        words++;
    }
    assert_true(words > 500);
    assert_true(pages >= 2);
    free(out);
    /* the pillar table runs onto a second page with its column names */
    char *text = pdftotext(t.path);
    int heads = 0;
    for (const char *h = text; (h = strstr(h, "Pilier\n")) != NULL; h++)
        heads++;
    if (heads < 2)
        fail_msg("the table's column names appear %d time(s)", heads);
    free(text);
    tmp_clean(&t);
    unbuild(&x);
}

/* Latin-script text: the standard fonts, nothing embedded, a small file and
   no warning. A Greek subject: DejaVu embedded, a warning naming the first
   character, and the text still extracts. */
static void fonts_follow_the_text(void **state)
{
    (void)state;
    Fixture x;
    build(&x);
    Tmp t;
    tmp_make(&t);
    RkReportInput in = {&x.q, &x.a, &x.r, "quebec.yaml", "fr"};
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_report_pdf(&in, t.path, &d), RK_OK);
    assert_int_equal(d.n_warnings, 0);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "pdffonts '%s'", t.path);
    int rc;
    char *out = run(cmd, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "Helvetica "));
    assert_non_null(strstr(out, "WinAnsi"));
    assert_null(strstr(out, "DejaVu"));
    assert_null(strstr(out, " yes "));  /* nothing embedded */
    free(out);
    size_t len;
    free(slurp(t.path, &len));
    assert_true(len < 20000);

    x.r.subject = "Ελλάδα (Greece)";
    rk_diag_init(&d);
    assert_int_equal(rk_report_pdf(&in, t.path, &d), RK_OK);
    assert_int_equal(d.n_warnings, 1);
    assert_non_null(strstr(d.warnings, "U+0395"));
    assert_non_null(strstr(d.warnings, "DejaVu"));
    out = run(cmd, &rc);
    assert_non_null(strstr(out, "DejaVuSans"));
    assert_null(strstr(out, "Helvetica"));
    free(out);
    char *text = pdftotext(t.path);
    assert_non_null(strstr(text, "Ελλάδα (Greece)"));
    assert_non_null(strstr(text, "Réseaux d'appui"));
    free(text);
    tmp_clean(&t);
    unbuild(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(french_report_checks_and_reads_back),
        cmocka_unit_test(spanish_and_unknown_languages),
        cmocka_unit_test(failed_write_keeps_the_old_file),
        cmocka_unit_test(two_runs_give_the_same_bytes),
        cmocka_unit_test(empty_result_still_renders),
        cmocka_unit_test(long_text_wraps_inside_the_page),
        cmocka_unit_test(fonts_follow_the_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
