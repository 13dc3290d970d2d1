/* discover: list the questionnaires on the search path, show one, and write
   an answers template (see discover.h). */
#define _DEFAULT_SOURCE /* DT_DIR */
#include "readykit/discover.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/locate.h"
#include "readykit/suggest.h"

/* ---------------------------------------------------------------- list */

#define MAX_LISTED 512

typedef struct Listing {
    RkBuf *out;
    bool json;
    RkDiag *d;
    char *ids[MAX_LISTED]; /* ids already listed, for shadowing */
    size_t n_ids;
    size_t width;          /* of the id column (text) */
    bool quiet;            /* skip files that are not questionnaires, unsaid */
} Listing;

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool yaml_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && ((n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
                              (n > 4 && strcmp(name + n - 4, ".yml") == 0));
}

static void list_one(Listing *l, const char *path)
{
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q;
    if (rk_questionnaire_load(path, &q, &d) != RK_OK) {
        if (l->quiet)
            return;
        char buf[1024];
        rk_diag_warn(l->d, path, 0, 0, "not listed: %s", rk_diag_format(&d, buf, sizeof buf));
        return;
    }
    bool shadowed = false;
    for (size_t i = 0; i < l->n_ids; i++)
        shadowed |= strcmp(l->ids[i], q->id) == 0;
    if (!shadowed && l->n_ids < MAX_LISTED)
        l->ids[l->n_ids++] = strdup(q->id);
    if (l->json) {
        rk_buf_puts(l->out, "{\"id\": ");
        rk_json_string(l->out, q->id);
        rk_buf_puts(l->out, ", \"version\": ");
        rk_json_string(l->out, q->version);
        rk_buf_puts(l->out, ", \"title\": ");
        rk_json_string(l->out, rk_text_get(&q->title, q->languages[0], NULL));
        rk_buf_puts(l->out, ", \"languages\": [");
        for (size_t i = 0; i < q->n_languages; i++) {
            rk_buf_puts(l->out, i ? ", " : "");
            rk_json_string(l->out, q->languages[i]);
        }
        rk_buf_printf(l->out, "], \"pillars\": %zu, \"questions\": %zu, \"file\": ",
                      q->n_pillars, q->n_questions);
        rk_json_string(l->out, path);
        rk_buf_printf(l->out, ", \"shadowed\": %s}\n", shadowed ? "true" : "false");
    } else {
        rk_buf_printf(l->out, "%-20s %-9s ", q->id, q->version ? q->version : "-");
        char langs[64] = "";
        for (size_t i = 0; i < q->n_languages; i++)
            snprintf(langs + strlen(langs), sizeof langs - strlen(langs), "%s%s", i ? "," : "",
                     q->languages[i]);
        rk_buf_printf(l->out, "%-10s %7zu %9zu  %s%s\n", langs, q->n_pillars, q->n_questions,
                      path, shadowed ? " (shadowed by the one above)" : "");
    }
    rk_questionnaire_free(q);
}

/* The questionnaires of one folder, by file name. */
static void list_dir(const char *dir, size_t len, void *ctx)
{
    Listing *l = ctx;
    char path[4096];
    snprintf(path, sizeof path, "%.*s", (int)len, dir);
    DIR *dh = opendir(path);
    if (!dh)
        return;
    char *names[MAX_LISTED];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dh)) && n < MAX_LISTED)
        if (yaml_name(e->d_name))
            names[n++] = strdup(e->d_name);
    closedir(dh);
    qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        char file[8192];
        snprintf(file, sizeof file, "%s%s%s", path, path[len - 1] == '/' ? "" : "/", names[i]);
        list_one(l, file);
        free(names[i]);
    }
}

RkStatus rk_discover_list(RkBuf *out, bool json, RkDiag *d)
{
    Listing l = {.out = out, .json = json, .d = d};
    if (!json)
        rk_buf_printf(out, "%-20s %-9s %-10s %7s %9s  %s\n", "ID", "VERSION", "LANGUAGES",
                      "PILLARS", "QUESTIONS", "FILE");
    /* The current folder first, as show, template and ask look there first:
       only its questionnaires (answers files and the like are left out). */
    l.quiet = true;
    list_dir(".", 1, &l);
    l.quiet = false;
    rk_locate_each_dir(list_dir, &l);
    for (size_t i = 0; i < l.n_ids; i++)
        free(l.ids[i]);
    if (l.n_ids == 0)
        rk_diag_warn(d, NULL, 0, 0, "no questionnaire found on the search path "
                     "(., READYKIT_PATH, ./questionnaires, %s)", RK_SHARE_DIR);
    return RK_OK;
}

/* ---------------------------------------------------------------- text helpers */

/* Append text wrapped to lines of width columns (code points), prefix
   included. The first line starts with prefix; the next ones with as many
   spaces, keeping a comment's '#'. */
static void wrapped(RkBuf *out, const char *prefix, const char *text, size_t width)
{
    char indent[200];
    size_t n = 0;
    for (const char *c = prefix; *c && n + 1 < sizeof indent; c++)
        if ((*c & 0xC0) != 0x80)
            indent[n++] = *c == '#' ? '#' : ' ';
    indent[n] = '\0';
    width = width > n + 20 ? width - n : 20;
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\n')
            p++;
        if (!*p)
            break;
        const char *line = p, *cut = NULL;
        size_t cols = 0;
        for (; *p && *p != '\n'; p++) {
            if ((*p & 0xC0) != 0x80)
                cols++;
            if (*p == ' ' && !(p[1] && strchr("?!:;", p[1])))
                cut = p;
            if (cols > width && cut)
                break;
        }
        const char *end = (*p && *p != '\n' && cut) ? cut : p;
        rk_buf_printf(out, "%s%.*s\n", prefix, (int)(end - line), line);
        prefix = indent;
        p = end;
    }
}

static const char *choice_label(const RkChoice *c, const char *lang, const char *fb)
{
    const char *s = rk_text_get(&c->label, lang, fb);
    return *s ? s : c->value;
}

static void number_bounds(RkBuf *out, const RkQuestion *qn, const char *lang, const char *fb)
{
    rk_buf_puts(out, qn->integer ? "a whole number" : "a number");
    if (qn->has_min && qn->has_max)
        rk_buf_printf(out, " from %.15g to %.15g", qn->min, qn->max);
    else if (qn->has_min)
        rk_buf_printf(out, " of at least %.15g", qn->min);
    else if (qn->has_max)
        rk_buf_printf(out, " of at most %.15g", qn->max);
    const char *unit = rk_text_get(&qn->unit, lang, fb);
    if (*unit)
        rk_buf_printf(out, ", in %s", unit);
}

/* ---------------------------------------------------------------- show */

static void show_question_text(RkBuf *out, const RkQuestion *qn, const char *lang, bool help)
{
    const char *fb = NULL;
    rk_buf_printf(out, "  %s  %s", qn->id, rk_question_type_name(qn->type));
    if (qn->scored)
        rk_buf_printf(out, ", weight %.15g", qn->weight);
    else
        rk_buf_puts(out, ", not scored");
    rk_buf_printf(out, "%s%s%s\n", qn->required ? ", required" : "",
                  qn->evidence ? ", evidence asked" : "",
                  qn->dont_know ? "" : ", no \"don't know\"");
    wrapped(out, "    ", rk_text_get(&qn->text, lang, fb), 78);
    for (size_t i = 0; i < qn->n_choices; i++) {
        const RkChoice *c = &qn->choices[i];
        char prefix[160], points[48] = "";
        snprintf(prefix, sizeof prefix, "    %s %s = ", i ? "      " : "choice", c->value);
        if (c->has_points && qn->scored)
            snprintf(points, sizeof points, " (%.15g)", c->points);
        RkBuf line;
        rk_buf_init(&line);
        rk_buf_printf(&line, "%s%s", choice_label(c, lang, fb), points);
        wrapped(out, prefix, line.data ? line.data : "", 78);
        rk_buf_free(&line);
    }
    if (qn->type == RK_Q_NUMBER) {
        rk_buf_puts(out, "    answer: ");
        number_bounds(out, qn, lang, fb);
        rk_buf_puts(out, "\n");
    }
    if (qn->when)
        rk_buf_printf(out, "    when: %s\n", qn->when);
    if (help && !rk_text_empty(&qn->help))
        wrapped(out, "    help: ", rk_text_get(&qn->help, lang, fb), 78);
}

static void json_text(RkBuf *out, const char *key, const RkText *t, const char *lang)
{
    rk_buf_printf(out, ", \"%s\": ", key);
    rk_json_string(out, rk_text_get(t, lang, NULL));
}

static void show_question_json(RkBuf *out, const RkQuestionnaire *q, const RkQuestion *qn,
                               const char *lang)
{
    rk_buf_puts(out, "{\"id\": ");
    rk_json_string(out, qn->id);
    rk_buf_puts(out, ", \"pillar\": ");
    rk_json_string(out, q->pillars[qn->pillar].id);
    rk_buf_printf(out, ", \"type\": \"%s\"", rk_question_type_name(qn->type));
    json_text(out, "text", &qn->text, lang);
    json_text(out, "help", &qn->help, lang);
    rk_buf_printf(out, ", \"weight\": %.15g, \"scored\": %s, \"required\": %s, "
                  "\"evidence\": %s, \"dont_know\": %s, \"max_points\": %.15g, \"when\": ",
                  qn->weight, qn->scored ? "true" : "false", qn->required ? "true" : "false",
                  qn->evidence ? "true" : "false", qn->dont_know ? "true" : "false",
                  qn->max_points);
    rk_json_string(out, qn->when);
    rk_buf_puts(out, ", \"choices\": [");
    for (size_t i = 0; i < qn->n_choices; i++) {
        const RkChoice *c = &qn->choices[i];
        rk_buf_puts(out, i ? ", {\"value\": " : "{\"value\": ");
        rk_json_string(out, c->value);
        json_text(out, "label", &c->label, lang);
        if (c->has_points)
            rk_buf_printf(out, ", \"points\": %.15g", c->points);
        rk_buf_puts(out, "}");
    }
    rk_buf_puts(out, "]");
    if (qn->type == RK_Q_NUMBER) {
        if (qn->has_min)
            rk_buf_printf(out, ", \"min\": %.15g", qn->min);
        if (qn->has_max)
            rk_buf_printf(out, ", \"max\": %.15g", qn->max);
        rk_buf_printf(out, ", \"integer\": %s", qn->integer ? "true" : "false");
        json_text(out, "unit", &qn->unit, lang);
    }
    rk_buf_puts(out, "}");
}

static void show_pillar(RkBuf *out, const RkQuestionnaire *q, const RkPillar *p,
                        const char *lang, bool json, bool help)
{
    if (json) {
        rk_buf_puts(out, "{\"id\": ");
        rk_json_string(out, p->id);
        json_text(out, "title", &p->title, lang);
        rk_buf_printf(out, ", \"weight\": %.15g, \"questions\": [", p->weight);
        for (size_t i = 0; i < p->n_questions; i++) {
            rk_buf_puts(out, i ? ", " : "");
            show_question_json(out, q, &p->questions[i], lang);
        }
        rk_buf_puts(out, "]}");
        return;
    }
    rk_buf_printf(out, "\n%s  %s  (weight %.15g, %zu questions)\n", p->id,
                  rk_text_get(&p->title, lang, NULL), p->weight, p->n_questions);
    for (size_t i = 0; i < p->n_questions; i++)
        show_question_text(out, &p->questions[i], lang, help);
}

static RkStatus unknown_id(const RkQuestionnaire *q, const char *id, RkDiag *d)
{
    const char **names = malloc((q->n_questions + q->n_pillars) * sizeof *names);
    const char *hint = NULL;
    if (names) {
        size_t n = 0;
        for (size_t i = 0; i < q->n_questions; i++)
            names[n++] = q->questions[i]->id;
        for (size_t i = 0; i < q->n_pillars; i++)
            names[n++] = q->pillars[i].id;
        hint = rk_suggest(id, names, n);
    }
    RkStatus s = rk_diag_set(d, RK_EUSAGE, q->path, 0, 0,
                             "no question or pillar '%s' in %s%s%s%s", id, q->id,
                             hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
    free(names);
    return s;
}

RkStatus rk_discover_show(RkBuf *out, const RkQuestionnaire *q, const char *only_id,
                          const char *lang, bool json, RkDiag *d)
{
    lang = rk_questionnaire_lang(q, lang);
    if (only_id) {
        const RkQuestion *qn = rk_questionnaire_find(q, only_id);
        const RkPillar *p = qn ? NULL : rk_questionnaire_find_pillar(q, only_id);
        if (!qn && !p)
            return unknown_id(q, only_id, d);
        if (qn && json)
            show_question_json(out, q, qn, lang);
        else if (qn)
            show_question_text(out, qn, lang, true);
        else
            show_pillar(out, q, p, lang, json, true);
        if (json)
            rk_buf_puts(out, "\n");
        return RK_OK;
    }
    if (json) {
        rk_buf_puts(out, "{\"id\": ");
        rk_json_string(out, q->id);
        rk_buf_puts(out, ", \"version\": ");
        rk_json_string(out, q->version);
        json_text(out, "title", &q->title, lang);
        rk_buf_puts(out, ", \"levels\": [");
        for (size_t i = 0; i < q->n_levels; i++) {
            rk_buf_puts(out, i ? ", {\"id\": " : "{\"id\": ");
            rk_json_string(out, q->levels[i].id);
            json_text(out, "name", &q->levels[i].name, lang);
            rk_buf_printf(out, ", \"min\": %.15g}", q->levels[i].min);
        }
        rk_buf_puts(out, "], \"pillars\": [");
    } else {
        rk_buf_printf(out, "%s %s: %s\n%zu pillars, %zu questions\n", q->id,
                      q->version ? q->version : "", rk_text_get(&q->title, lang, NULL),
                      q->n_pillars, q->n_questions);
        RkBuf levels;
        rk_buf_init(&levels);
        for (size_t i = 0; i < q->n_levels; i++)
            rk_buf_printf(&levels, "%s%s (%s) from %.15g", i ? ", " : "", q->levels[i].id,
                          rk_text_get(&q->levels[i].name, lang, NULL), q->levels[i].min);
        wrapped(out, "levels: ", levels.data ? levels.data : "", 78);
        rk_buf_free(&levels);
    }
    for (size_t i = 0; i < q->n_pillars; i++) {
        if (json && i)
            rk_buf_puts(out, ", ");
        show_pillar(out, q, &q->pillars[i], lang, json, false);
    }
    if (json)
        rk_buf_puts(out, "]}\n");
    return RK_OK;
}

/* ---------------------------------------------------------------- template */

static void template_question(RkBuf *out, const RkQuestion *qn, const char *lang)
{
    rk_buf_puts(out, "\n");
    wrapped(out, "  # ", rk_text_get(&qn->text, lang, NULL), 78);
    if (qn->type == RK_Q_MULTI || qn->n_choices) {
        rk_buf_printf(out, "  #   %s: ", qn->type == RK_Q_MULTI ? "one or more of, as a list in [ ]"
                                                                   : "one of");
        for (size_t i = 0; i < qn->n_choices; i++)
            rk_buf_printf(out, "%s%s", i ? ", " : "", qn->choices[i].value);
        rk_buf_puts(out, "\n");
        if (qn->type != RK_Q_YES_NO)
            for (size_t i = 0; i < qn->n_choices; i++) {
                char prefix[160];
                snprintf(prefix, sizeof prefix, "  #     %s = ", qn->choices[i].value);
                wrapped(out, prefix, choice_label(&qn->choices[i], lang, NULL), 78);
            }
    } else if (qn->type == RK_Q_NUMBER) {
        rk_buf_puts(out, "  #   ");
        number_bounds(out, qn, lang, NULL);
        rk_buf_puts(out, "\n");
    } else {
        rk_buf_puts(out, "  #   free text (quote it if it holds a colon)\n");
    }
    if (qn->when)
        rk_buf_printf(out, "  #   asked only when: %s\n", qn->when);
    if (!rk_text_empty(&qn->help))
        wrapped(out, "  #   help: ", rk_text_get(&qn->help, lang, NULL), 78);
    if (qn->evidence)
        rk_buf_printf(out, "  # %s: {value: , note: \"\", source: \"\"}\n", qn->id);
    else
        rk_buf_printf(out, "  # %s: \n", qn->id);
}

void rk_discover_template(RkBuf *out, const RkQuestionnaire *q, const char *lang)
{
    lang = rk_questionnaire_lang(q, lang);
    rk_buf_printf(out, "# Answers to %s %s: %s\n", q->id, q->version ? q->version : "",
                  rk_text_get(&q->title, lang, NULL));
    rk_buf_puts(out,
                "#\n"
                "# To answer a question, remove the \"# \" before its id and write the\n"
                "# value after the colon. Write dont_know (unquoted) for \"don't know\";\n"
                "# leave a question commented out when it is not answered. Where evidence\n"
                "# is asked, keep the {value, note, source} form. Then:\n"
                "#   readykit score THIS-FILE\n"
                "#   readykit report THIS-FILE -o report.pdf\n");
    rk_buf_printf(out, "questionnaire: %s\n", q->id);
    if (q->version)
        rk_buf_printf(out, "version: %s\n", q->version);
    rk_buf_printf(out, "subject: \"\"\nrespondent: \"\"\ndate: \"\"\nlanguage: %s\nanswers:\n",
                  lang);
    for (size_t p = 0; p < q->n_pillars; p++) {
        const RkPillar *pl = &q->pillars[p];
        rk_buf_printf(out, "\n  # ---- %s (%s) ----\n", rk_text_get(&pl->title, lang, NULL),
                      pl->id);
        for (size_t i = 0; i < pl->n_questions; i++)
            template_question(out, &pl->questions[i], lang);
    }
}
