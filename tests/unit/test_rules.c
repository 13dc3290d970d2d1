/* Unit tests for the rules engine: the standard scorer, every capability of
   the rules API through the example files in scripts/rules/, when: and
   checks, errors with their file, line and question, and limits. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "readykit/answers.h"
#include "readykit/questionnaire.h"
#include "readykit/rules.h"

#define FIXTURE "tests/unit/fixtures/rules-q.yaml"

static RkQuestionnaire *Q;

static int setup(void **state)
{
    (void)state;
    RkDiag d;
    rk_diag_init(&d);
    if (rk_questionnaire_load(FIXTURE, &Q, &d) != RK_OK) {
        fprintf(stderr, "cannot load %s: %s\n", FIXTURE, d.message);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rk_questionnaire_free(Q);
    return 0;
}

/* Answers from "id=value" strings; "id=dont_know"; multi values "a,b". */
static RkAnswers *answers(const char *lang, ...)
{
    RkAnswers *a = rk_answers_new(Q);
    assert_non_null(a);
    if (lang)
        rk_answers_set_field(a, "language", lang);
    va_list ap;
    va_start(ap, lang);
    for (const char *s; (s = va_arg(ap, const char *));) {
        char id[64], val[256];
        assert_int_equal(sscanf(s, "%63[^=]=%255[^\n]", id, val), 2);
        const RkQuestion *qn = rk_questionnaire_find(Q, id);
        assert_non_null(qn);
        RkDiag d;
        rk_diag_init(&d);
        if (strcmp(val, "dont_know") == 0) {
            rk_answers_set_dont_know(a, qn);
        } else if (qn->type == RK_Q_MULTI) {
            const char *vs[8];
            size_t n = 0;
            for (char *t = strtok(val, ","); t && n < 8; t = strtok(NULL, ","))
                vs[n++] = t;
            assert_int_equal(rk_answers_set_multi(a, qn, vs, n, &d), RK_OK);
        } else if (rk_answers_set(a, qn, val, &d) != RK_OK) {
            fail_msg("cannot set %s: %s", s, d.message);
        }
    }
    va_end(ap);
    return a;
}

static RkRules *engine_with(const char *const *files, size_t n)
{
    RkRulesOptions o = {0};
    o.rule_files = files;
    o.n_rule_files = n;
    RkRules *r = NULL;
    RkDiag d;
    rk_diag_init(&d);
    if (rk_rules_new(Q, &o, &r, &d) != RK_OK)
        fail_msg("rk_rules_new: %s:%d: %s", d.file, d.line, d.message);
    return r;
}

static RkResult *score(RkRules *r, RkAnswers *a)
{
    RkResult *res = NULL;
    RkDiag d;
    rk_diag_init(&d);
    if (rk_rules_score(r, a, &res, &d) != RK_OK)
        fail_msg("rk_rules_score: %s:%d: %s", d.file, d.line, d.message);
    return res;
}

/* Score with the given rule file (or none) and return the result. */
static RkResult *score_with(const char *file, RkAnswers *a)
{
    RkRules *r = engine_with(&file, file ? 1 : 0);
    RkResult *res = score(r, a);
    rk_rules_free(r);
    return res;
}

static const RkPillarResult *pillar(const RkResult *r, const char *id)
{
    for (size_t i = 0; i < r->n_pillars; i++)
        if (strcmp(r->pillars[i].id, id) == 0)
            return &r->pillars[i];
    fail_msg("no pillar %s", id);
    return NULL;
}

static RkAnswers *typical(void)
{
    return answers(NULL, "legal_definition=yes", "framework_law=draft", "has_registry=no",
                   "sse_orgs=1310", "population=1000000", "funding_tools=grants,loans,guarantees",
                   NULL);
}

static void standard_scorer(void **state)
{
    (void)state;
    RkAnswers *a = typical();
    RkResult *r = score_with(NULL, a);
    assert_float_equal(pillar(r, "legislation")->score, 75.0, 1e-9);
    assert_int_equal(pillar(r, "legislation")->level, 2);
    assert_string_equal(pillar(r, "legislation")->level_name, "Established");
    assert_float_equal(pillar(r, "statistics")->score, 0.0, 1e-9);
    assert_float_equal(pillar(r, "funding")->score, 100.0, 1e-9); /* 3 points capped at 2 */
    assert_float_equal(r->score, (75.0 + 0.0 * 2 + 100.0) / 4, 1e-9);
    assert_int_equal(r->level, 1);
    assert_string_equal(r->level_name, "Emerging");
    assert_false(r->cap.active);
    assert_int_equal(r->n_questions, 4); /* unscored number/text questions do not count */
    assert_int_equal(r->n_answered, 4);
    assert_float_equal(rk_result_confidence(r), 100.0, 1e-9);
    assert_string_equal(r->questions[2].state, "skipped"); /* law_year: when: false */
    assert_string_equal(r->questionnaire_id, "rules-q");
    assert_int_equal(r->n_findings, 0);
    rk_result_free(r);
    rk_answers_free(a);
}

static void unanswered_and_dont_know_are_left_out(void **state)
{
    (void)state;
    RkAnswers *a = answers(NULL, "legal_definition=dont_know", "framework_law=adopted", NULL);
    RkResult *r = score_with(NULL, a);
    assert_float_equal(pillar(r, "legislation")->score, 100.0, 1e-9);
    assert_true(isnan(pillar(r, "statistics")->score));
    assert_int_equal(pillar(r, "statistics")->level, -1);
    assert_null(pillar(r, "statistics")->level_name);
    assert_float_equal(r->score, 100.0, 1e-9);
    assert_int_equal(r->n_dont_know, 1);
    assert_int_equal(r->n_unanswered, 2);
    assert_int_equal(r->n_answered, 1);
    assert_float_equal(rk_result_confidence(r), 25.0, 1e-9);
    rk_result_free(r);
    rk_answers_free(a);
    /* nothing answered: no score, no level */
    a = answers(NULL, NULL);
    r = score_with(NULL, a);
    assert_true(isnan(r->score));
    assert_int_equal(r->level, -1);
    rk_result_free(r);
    rk_answers_free(a);
}

static void when_and_checks(void **state)
{
    (void)state;
    RkRules *r = engine_with(NULL, 0);
    const RkQuestion *year = rk_questionnaire_find(Q, "law_year");
    RkDiag d;
    rk_diag_init(&d);
    bool ok = true;
    RkAnswers *a = answers(NULL, "framework_law=draft", NULL);
    assert_int_equal(rk_rules_applicable(r, a, year, &ok, &d), RK_OK);
    assert_false(ok);
    rk_answers_free(a);
    a = answers(NULL, "framework_law=adopted", "law_year=1800", NULL);
    assert_int_equal(rk_rules_applicable(r, a, year, &ok, &d), RK_OK);
    assert_true(ok);
    assert_int_equal(rk_rules_check_answer(r, a, year, &d), RK_EDATA);
    assert_non_null(strstr(d.message, "law_year: a year between 1900 and 2100"));
    rk_answers_free(a);
    a = answers("fr", "framework_law=adopted", "law_year=2013", NULL);
    rk_diag_init(&d);
    assert_int_equal(rk_rules_check_answer(r, a, year, &d), RK_OK);
    rk_answers_free(a);
    a = answers("fr", "framework_law=adopted", "law_year=3000", NULL);
    assert_int_equal(rk_rules_check_answer(r, a, year, &d), RK_EDATA);
    assert_non_null(strstr(d.message, "une année"));
    rk_answers_free(a);
    rk_rules_free(r);
}

static void rule_changes_weights(void **state)
{
    (void)state;
    RkAnswers *a = typical();
    RkResult *r = score_with("scripts/rules/weights.lua", a);
    double leg = (2 * 1.0 + 1 * 0.5) / 3 * 100;
    assert_float_equal(pillar(r, "legislation")->score, leg, 1e-9);
    assert_float_equal(pillar(r, "legislation")->weight, 3.0, 1e-9);
    assert_float_equal(r->score, (leg * 3 + 0 * 2 + 100) / 6, 1e-9);
    assert_float_equal(r->questions[0].weight, 2.0, 1e-9);
    rk_result_free(r);
    rk_answers_free(a);
}

static void rule_scores_by_bands(void **state)
{
    (void)state;
    RkAnswers *a = answers(NULL, "legal_definition=yes", "framework_law=adopted", "law_year=2013", NULL);
    RkResult *r = score_with("scripts/rules/bands.lua", a);
    assert_float_equal(pillar(r, "legislation")->score, 100.0, 1e-9);
    assert_float_equal(r->questions[2].points, 2.0, 1e-9);
    rk_result_free(r);
    rk_answers_free(a);
    a = answers(NULL, "legal_definition=yes", "framework_law=adopted", "law_year=2005", NULL);
    r = score_with("scripts/rules/bands.lua", a);
    assert_float_equal(pillar(r, "legislation")->score, (1 + 1 + 0.5) / 3 * 100, 1e-9);
    assert_int_equal(pillar(r, "legislation")->n_questions, 3);
    rk_result_free(r);
    rk_answers_free(a);
}

static void rule_adds_an_indicator(void **state)
{
    (void)state;
    RkAnswers *a = answers("fr", "sse_orgs=1310", "population=1000000", NULL);
    RkResult *r = score_with("scripts/rules/indicator.lua", a);
    assert_int_equal(r->n_indicators, 1);
    assert_string_equal(r->indicators[0].id, "orgs_per_10k");
    assert_float_equal(r->indicators[0].value, 13.1, 1e-9);
    assert_string_equal(r->indicators[0].label, "Organisations de l'ESS pour 10 000 habitants");
    assert_string_equal(r->indicators[0].unit, "pour 10 000");
    assert_string_equal(r->indicators[0].pillar, "statistics");
    rk_result_free(r);
    rk_answers_free(a);
}

static void rule_caps_beside_the_score(void **state)
{
    (void)state;
    RkAnswers *a = answers(NULL, "legal_definition=dont_know", "framework_law=adopted",
                           "has_registry=no", NULL);
    RkResult *r = score_with("scripts/rules/gate.lua", a);
    const RkPillarResult *leg = pillar(r, "legislation");
    assert_float_equal(leg->score, 100.0, 1e-9); /* the score is kept */
    assert_int_equal(leg->uncapped_level, 2);
    assert_int_equal(leg->level, 1);
    assert_string_equal(leg->level_name, "Emerging");
    assert_true(leg->cap.active);
    assert_string_equal(leg->cap.max_level_name, "Emerging");
    assert_string_equal(leg->cap.reason, "no legal definition of the SSE");
    assert_string_equal(leg->cap.rule_file, "scripts/rules/gate.lua");
    assert_true(r->cap.active);
    assert_string_equal(r->cap.reason, "no register of SSE organisations");
    assert_int_equal(r->level, 0); /* (100 + 0 * 2) / 3 = 33.3: nascent, under the cap */
    rk_result_free(r);
    rk_answers_free(a);
    /* with a legal definition, no cap */
    a = answers(NULL, "legal_definition=yes", "framework_law=adopted", NULL);
    r = score_with("scripts/rules/gate.lua", a);
    assert_false(pillar(r, "legislation")->cap.active);
    assert_int_equal(pillar(r, "legislation")->level, 2);
    rk_result_free(r);
    rk_answers_free(a);
}

static void rule_adds_sorted_findings(void **state)
{
    (void)state;
    const char *files[] = {"scripts/rules/evidence.lua", "scripts/rules/findings.lua"};
    RkRules *rules = engine_with(files, 2);
    RkAnswers *a = typical();
    RkResult *r = score(rules, a);
    assert_int_equal(r->n_findings, 4);
    assert_int_equal(r->findings[0].priority, 1);
    assert_string_equal(r->findings[0].kind, "gap");
    assert_string_equal(r->findings[0].pillar, "legislation");
    assert_int_equal(r->findings[0].n_questions, 1);
    assert_string_equal(r->findings[0].questions[0], "framework_law");
    assert_int_equal(r->findings[1].priority, 2);
    assert_int_equal(r->findings[1].n_questions, 2);
    /* priority 3: the whole-result finding (added first) before funding */
    assert_null(r->findings[2].pillar);
    assert_string_equal(r->findings[2].rule_file, "scripts/rules/evidence.lua");
    assert_non_null(strstr(r->findings[2].text, "legal_definition, framework_law, has_registry"));
    assert_string_equal(r->findings[3].kind, "strength");
    assert_int_equal(r->n_indicators, 1);
    assert_float_equal(r->indicators[0].value, 6.0, 1e-9);
    rk_result_free(r);
    /* the same engine scores the next file from scratch */
    rk_answers_free(a);
    a = answers(NULL, "framework_law=adopted", NULL);
    r = score(rules, a);
    assert_int_equal(r->n_findings, 1);
    rk_result_free(r);
    rk_answers_free(a);
    rk_rules_free(rules);
}

/* A rule that changes its arguments changes nothing outside its call. */
static void rules_cannot_change_the_models(void **state)
{
    (void)state;
    const char *file = "tests/unit/fixtures/tamper.lua";
    RkRules *rules = engine_with(&file, 1);
    RkAnswers *a = typical();
    RkResult *r1 = score(rules, a);
    RkResult *r2 = score(rules, a);
    RkResult *plain = score_with(NULL, a);
    assert_float_equal(r1->score, plain->score, 1e-12);
    assert_float_equal(r2->score, plain->score, 1e-12);
    assert_string_equal(a->by_question[0].value, "yes");
    assert_float_equal(Q->questions[1]->choices[0].points, 0.0, 0);
    assert_string_equal(Q->pillars[0].id, "legislation");
    rk_result_free(r1);
    rk_result_free(r2);
    rk_result_free(plain);
    rk_answers_free(a);
    rk_rules_free(rules);
}

/* Write a rule file into a temporary folder; returns its path. */
static const char *rule_file(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/rk-test-rules-%d-%s", (int)getpid(), name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* The value of indicator id, or fail. */
static double indicator(const RkResult *r, const char *id)
{
    for (size_t i = 0; i < r->n_indicators; i++)
        if (strcmp(r->indicators[i].id, id) == 0)
            return r->indicators[i].value;
    fail_msg("no indicator %s", id);
    return NAN;
}

/* rk.coverage counts as the result does: on rules-answers.yaml, and with
   bands.lua, which gives law_year (not applicable there) a max. */
static void coverage_counts_as_the_result(void **state)
{
    (void)state;
    const char *cov = rule_file("cov.lua",
        "local function put(prefix, c)\n"
        "  for _, k in ipairs{'questions', 'answered', 'dont_know', 'unanswered', 'skipped',\n"
        "                     'weight', 'answered_weight'} do\n"
        "    rk.indicator{id = prefix .. k, value = c[k]}\n"
        "  end\n"
        "end\n"
        "return {\n"
        "  pillar = function (p) put(p.id .. '.', rk.coverage(p.id)) end,\n"
        "  result = function ()\n"
        "    local c = rk.coverage()\n"
        "    put('', c)\n"
        "    put('all.legislation.', c.pillars.legislation)\n"
        "  end,\n"
        "}\n");
    const char *files[] = {"scripts/rules/bands.lua", cov};
    RkDiag d;
    rk_diag_init(&d);
    RkAnswers *a = NULL;
    if (rk_answers_load("tests/unit/fixtures/rules-answers.yaml", Q, &a, &d) != RK_OK)
        fail_msg("%s", d.message);
    for (size_t with_bands = 0; with_bands < 2; with_bands++) {
        RkRules *rules = engine_with(files + 1 - with_bands, 1 + with_bands);
        RkResult *r = score(rules, a);
        assert_float_equal(indicator(r, "questions"), r->n_questions, 0);
        assert_float_equal(indicator(r, "answered"), r->n_answered, 0);
        assert_float_equal(indicator(r, "dont_know"), r->n_dont_know, 0);
        assert_float_equal(indicator(r, "unanswered"), r->n_unanswered, 0);
        assert_float_equal(indicator(r, "skipped"), r->n_skipped, 0);
        const RkPillarResult *leg = pillar(r, "legislation");
        assert_float_equal(indicator(r, "legislation.questions"), leg->n_questions, 0);
        assert_float_equal(indicator(r, "all.legislation.questions"), leg->n_questions, 0);
        assert_float_equal(indicator(r, "legislation.skipped"), leg->n_skipped, 0);
        assert_float_equal(indicator(r, "funding.answered"), pillar(r, "funding")->n_answered, 0);
        /* legal_definition don't know, framework_law answered (weight 1 each);
           has_registry and funding_tools answered */
        assert_float_equal(indicator(r, "questions"), 4 + with_bands, 0);
        assert_float_equal(indicator(r, "answered"), 3, 0);
        assert_float_equal(indicator(r, "dont_know"), 1, 0);
        assert_float_equal(indicator(r, "unanswered"), 0, 0);
        assert_float_equal(indicator(r, "skipped"), with_bands, 0);
        assert_float_equal(indicator(r, "weight"), 4, 0);
        assert_float_equal(indicator(r, "answered_weight"), 3, 0);
        assert_float_equal(indicator(r, "legislation.questions"), 2 + with_bands, 0);
        assert_float_equal(indicator(r, "legislation.answered"), 1, 0);
        assert_float_equal(indicator(r, "legislation.weight"), 2, 0);
        assert_float_equal(indicator(r, "legislation.answered_weight"), 1, 0);
        assert_float_equal(indicator(r, "statistics.questions"), 1, 0);
        rk_result_free(r);
        rk_rules_free(rules);
    }
    rk_answers_free(a);
    unlink(cov);
}

/* Expect rk_rules_new or rk_rules_score to fail with each wanted text. */
static void expect_rule_error(const char *text, int line, const char *want1, const char *want2)
{
    const char *path = rule_file("bad.lua", text);
    RkRulesOptions o = {0};
    o.rule_files = &path;
    o.n_rule_files = 1;
    o.instruction_budget = 1000000;
    RkRules *r = NULL;
    RkDiag d;
    rk_diag_init(&d);
    RkStatus s = rk_rules_new(Q, &o, &r, &d);
    if (s == RK_OK) {
        RkAnswers *a = typical();
        RkResult *res = NULL;
        s = rk_rules_score(r, a, &res, &d);
        assert_null(res);
        rk_answers_free(a);
        rk_rules_free(r);
    }
    unlink(path);
    assert_int_equal(s, RK_EDATA);
    assert_string_equal(d.file, path);
    if (line)
        assert_int_equal(d.line, line);
    if (!strstr(d.message, want1) || (want2 && !strstr(d.message, want2)))
        fail_msg("wanted '%s' and '%s' in '%s'", want1, want2 ? want2 : "", d.message);
}

static void errors_name_file_line_and_question(void **state)
{
    (void)state;
    expect_rule_error("return {\n  question = function (q, a, s)\n"
                      "    if q.id == 'framework_law' then return {points = a.value + 1} end\n"
                      "  end,\n}\n",
                      3, "attempt to", "question framework_law");
    expect_rule_error("return {quesiton = function () end}", 0, "did you mean 'question'", NULL);
    expect_rule_error("return {question = function () return {pionts = 1} end}", 0,
                      "did you mean 'points'", "question legal_definition");
    expect_rule_error("return {question = function (q) if q.id == 'has_registry' then "
                      "return {points = 5} end end}", 0, "outside 0..1", "question has_registry");
    expect_rule_error("return {pillar = function (p)\n  rk.cap{level = 'emergent', reason = 'x'}\nend}", 2,
                      "did you mean 'emerging'", "pillar legislation");
    expect_rule_error("return {result = function ()\n  rk.finding{text = 'x', questions = {'framwork_law'}}\nend}",
                      2, "unknown question 'framwork_law' (did you mean 'framework_law'?)", NULL);
    expect_rule_error("local x = rk.answer('legal_definition')\nreturn {}", 1, "only be used while scoring",
                      NULL);
    expect_rule_error("return 42", 0, "must return a table", NULL);
    expect_rule_error("return {question = function ()\n  rk.coverage()\nend}", 2,
                      "rk.coverage can only be used in the pillar and result layers",
                      "question legal_definition");
    expect_rule_error("return {result = function () rk.coverage('legislaton') end}", 1,
                      "unknown pillar 'legislaton' (did you mean 'legislation'?)", NULL);
    expect_rule_error("return {\n  question = function ()\n    while true do end\n  end\n}", 3,
                      "instruction budget of 1000000 exceeded", "question legal_definition");
    expect_rule_error("x = = 1", 1, "unexpected symbol", NULL);
    expect_rule_error("return {result = function () rk.finding{text = 'x', priority = 9} end}", 1,
                      "priority must be", NULL);
}

/* A questionnaire's own rules: after the standard scorer, before --rules;
   --no-default-rules skips them. */
static void questionnaire_default_rules(void **state)
{
    (void)state;
    char dir[] = "/tmp/rk-test-default-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char qpath[128], rpath[128], cmd[512];
    snprintf(qpath, sizeof qpath, "%s/q.yaml", dir);
    snprintf(rpath, sizeof rpath, "%s/own.lua", dir);
    snprintf(cmd, sizeof cmd, "sed 's/^version: 1.0.0$/version: 1.0.0\\nrules: own.lua/' %s > %s",
             FIXTURE, qpath);
    assert_int_equal(system(cmd), 0);
    FILE *f = fopen(rpath, "w");
    assert_non_null(f);
    fputs("return {pillar = function (p, s)\n"
          "  if p.id == 'statistics' then return {weight = 0} end\n"
          "end}\n", f);
    fclose(f);
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q2 = NULL;
    if (rk_questionnaire_load(qpath, &q2, &d) != RK_OK)
        fail_msg("%s", d.message);
    assert_non_null(q2->rules);
    RkAnswers *a = rk_answers_new(q2);
    assert_int_equal(rk_answers_set(a, rk_questionnaire_find(q2, "legal_definition"), "yes", &d), RK_OK);
    assert_int_equal(rk_answers_set(a, rk_questionnaire_find(q2, "has_registry"), "no", &d), RK_OK);
    for (int pass = 0; pass < 3; pass++) {
        RkRulesOptions o = {0};
        const char *extra = "scripts/rules/weights.lua";
        o.no_default_rules = pass == 1;
        o.rule_files = &extra;
        o.n_rule_files = pass == 2;
        RkRules *r = NULL;
        RkResult *res = NULL;
        assert_int_equal(rk_rules_new(q2, &o, &r, &d), RK_OK);
        assert_int_equal(rk_rules_score(r, a, &res, &d), RK_OK);
        /* legislation 100 (weight 1, or 3 with weights.lua), statistics 0 (weight 2, or 0) */
        double want = pass == 0 ? 100.0 : pass == 1 ? 100.0 / 3 : 100.0;
        assert_float_equal(res->score, want, 1e-9);
        assert_float_equal(res->pillars[1].weight, pass == 1 ? 2.0 : 0.0, 1e-12);
        rk_result_free(res);
        rk_rules_free(r);
    }
    rk_answers_free(a);
    rk_questionnaire_free(q2);
    unlink(qpath);
    unlink(rpath);
    rmdir(dir);
}

/* Question tables read like plain tables: every field, pairs, labels. */
static void question_tables_are_complete(void **state)
{
    (void)state;
    const char *path = rule_file("read.lua",
        "local seen, branches = 0, 0\n"
        "return {result = function ()\n"
        "  rk.indicator{id = 'seen', label = 'seen', value = seen * 100 + branches}\n"
        "end,\n"
        "question = function (q, a, s)\n"
        "  assert(getmetatable(q) == false)\n"
        "  if q.id == 'framework_law' then\n"
        "    assert(rk.text(q.text) == 'Is there a framework law?')\n"
        "    assert(q.choices[3].value == 'adopted' and q.choices[3].label.fr == 'Adoptée')\n"
        "    assert(q.choices[3].points == 2 and #q.choices == 3 and q.help == nil)\n"
        "    local keys = {}\n"
        "    for k in pairs(rk.question('framework_law')) do keys[#keys + 1] = k end\n"
        "    table.sort(keys)\n"
        "    assert(table.concat(keys, ' ') == 'choices dont_know evidence id index max_points '\n"
        "      .. 'pillar required scored text type weight', table.concat(keys, ' '))\n"
        "    assert(not pcall(function () q.text = 'mine' end), 'q is read-only')\n"
        "    branches = branches + 1\n"
        "  elseif q.id == 'law_year' then\n"
        "    assert(q.integer == true and q.bands == nil and q.type == 'number')\n"
        "    assert(q.when == \"answer.framework_law == 'adopted'\")\n"
        "    branches = branches + 1\n"
        "  elseif q.id == 'funding_tools' then\n"
        "    assert(q.cap == 2 and q.max_points == 2 and q.pillar == 'funding')\n"
        "    assert(rk.questionnaire.pillars[3].questions[1].choices[2].value == 'loans')\n"
        "    assert(rk.questionnaire.levels[2].id == 'emerging')\n"
        "    branches = branches + 1\n"
        "  end\n"
        "  seen = seen + 1\n"
        "end}\n");
    RkRules *r = engine_with(&path, 1);
    RkAnswers *a = typical();
    RkResult *res = score(r, a);
    /* every question of the fixture seen once; each checked branch taken */
    assert_int_equal(res->n_indicators, 1);
    assert_string_equal(res->indicators[0].id, "seen");
    assert_float_equal(res->indicators[0].value, Q->n_questions * 100 + 3, 1e-9);
    rk_result_free(res);
    rk_answers_free(a);
    rk_rules_free(r);
    unlink(path);
}

/* Question tables are read-only views the engine keeps for its whole
   life, and rules see the same questions in every answers file: a rule
   cannot write into them (fields, nested tables, a metatable, rawset), so
   nothing shows in the next file, in its own later calls or through
   rk.question. */
static void question_tables_do_not_leak_between_files(void **state)
{
    (void)state;
    const char *path = rule_file("leak.lua",
        "local run = 0\n"
        "return {question = function (q, a, s)\n"
        "  if q.id ~= 'framework_law' then return end\n"
        "  run = run + 1\n"
        "  local r = rk.question('framework_law')\n"
        "  local all = rk.questionnaire.pillars[1].questions[2]\n"
        "  if run == 1 then\n"
        "    for _, t in ipairs({q, r}) do\n"
        "      assert(not pcall(function () t.mark = 'x' end))\n"
        "      assert(not pcall(rawset, t, 'raw', 1))\n"
        "      assert(not pcall(function () t.weight = 50; t.text = 'changed' end))\n"
        "      assert(not pcall(function () t.choices[3].points = 99 end))\n"
        "      assert(not pcall(function () t.choices[4] = {value = 'new', points = 5} end))\n"
        "      assert(getmetatable(t) == false)\n"
        "      assert(not pcall(setmetatable, t, {__index = function () return 'leak' end}))\n"
        "      assert(not pcall(function () getmetatable(t).__index = nil end))\n"
        "    end\n"
        "  else\n"
        "    for _, t in ipairs({q, r, rk.question('framework_law')}) do\n"
        "      assert(t.mark == nil and t.raw == nil and t.weight == 1, 'a field leaked')\n"
        "      assert(t.choices[3].points == 2 and #t.choices == 3, 'choices leaked')\n"
        "      assert(rk.text(t.text) == 'Is there a framework law?', 'text leaked')\n"
        "      local n = 0\n"
        "      for k in pairs(t) do n = n + 1 end\n"
        "      assert(n == 12, 'pairs sees ' .. n .. ' fields')\n"
        "    end\n"
        "  end\n"
        "  assert(all.id == 'framework_law' and all.choices[3].points == 2)\n"
        "end}\n");
    RkRules *r = engine_with(&path, 1);
    RkAnswers *a = typical();
    RkResult *r1 = score(r, a);
    RkResult *r2 = score(r, a);
    RkResult *plain = score_with(NULL, a);
    assert_float_equal(r1->score, plain->score, 1e-12);
    assert_float_equal(r2->score, plain->score, 1e-12);
    rk_result_free(r1);
    rk_result_free(r2);
    rk_result_free(plain);
    rk_answers_free(a);
    rk_rules_free(r);
    unlink(path);
}

static void missing_rule_file(void **state)
{
    (void)state;
    const char *file = "/nonexistent/rules.lua";
    RkRulesOptions o = {0};
    o.rule_files = &file;
    o.n_rule_files = 1;
    RkRules *r = NULL;
    RkDiag d;
    rk_diag_init(&d);
    assert_int_equal(rk_rules_new(Q, &o, &r, &d), RK_ENOINPUT);
    assert_null(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(standard_scorer),
        cmocka_unit_test(unanswered_and_dont_know_are_left_out),
        cmocka_unit_test(when_and_checks),
        cmocka_unit_test(rule_changes_weights),
        cmocka_unit_test(rule_scores_by_bands),
        cmocka_unit_test(rule_adds_an_indicator),
        cmocka_unit_test(rule_caps_beside_the_score),
        cmocka_unit_test(rule_adds_sorted_findings),
        cmocka_unit_test(rules_cannot_change_the_models),
        cmocka_unit_test(errors_name_file_line_and_question),
        cmocka_unit_test(coverage_counts_as_the_result),
        cmocka_unit_test(questionnaire_default_rules),
        cmocka_unit_test(question_tables_are_complete),
        cmocka_unit_test(question_tables_do_not_leak_between_files),
        cmocka_unit_test(missing_rule_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
