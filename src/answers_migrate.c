/*
 * answers_migrate: answers made with another version of the questionnaire.
 *
 * When an answers file names another `version:` than its questionnaire's,
 * an answer to a current question id goes to that question as it is
 * (unless the question replaces its own id, with a value map); any other
 * answer is carried to the questions that declare `replaces:` its id
 * (through their value maps). Direct answers are taken first. What cannot be carried (a retired
 * or unknown id, a value with no counterpart) is kept aside as written, in
 * RkAnswers.retired, and saved back under the file's `retired:` section, so
 * nothing an assessor wrote is lost. One warning per file names both
 * versions and the questions that need a new answer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers_internal.h"

/* Room for one more retired answer (arena arrays grow by copying). */
static RkRetiredAnswer *retired_slot(RkAnswers *a, size_t *cap)
{
    if (a->n_retired == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        RkRetiredAnswer *v = rk_arena_array(a->arena, nc, sizeof *v);
        if (!v)
            return NULL;
        if (a->n_retired)
            memcpy(v, a->retired, a->n_retired * sizeof *v);
        a->retired = v;
        *cap = nc;
    }
    RkRetiredAnswer *r = &a->retired[a->n_retired];
    memset(r, 0, sizeof *r);
    return r;
}

static bool has_retired(const RkAnswers *a, const char *id)
{
    for (size_t i = 0; i < a->n_retired; i++)
        if (strcmp(a->retired[i].id, id) == 0)
            return true;
    return false;
}

/* Keep the answer node n to old question id aside, as written. A second
   answer kept under the same id (a file migrated twice) is named
   ID@VERSION. */
static RkStatus keep(RkAnswers *a, size_t *cap, const char *id, const char *version,
                     const RkNode *n, const char *file, RkDiag *d)
{
    RkRetiredAnswer *r = retired_slot(a, cap);
    if (!r)
        return rk_diag_add(d, RK_EINTERNAL, file, 0, 0, "out of memory");
    const RkNode *value;
    RkStatus s = rk_answer_split(a->arena, id, n, &value, &r->note, &r->source, file, d);
    if (s != RK_OK)
        return s;
    /* (no version: a file being loaded, whose ids YAML keeps unique: no scan) */
    r->id = !version || !has_retired(a, id) ? rk_arena_strdup(a->arena, id)
                                            : rk_arena_printf(a->arena, "%s@%s", id, version);
    if (value && value->kind == RK_NODE_MAP)
        return rk_diag_add(d, RK_EDATA, file, value->line, value->column,
                           "the answer to '%s' expects a value or a list, found a map", id);
    r->is_list = value && value->kind == RK_NODE_SEQ;
    size_t n_items = !value ? 0 : r->is_list ? value->count : 1;
    RkRawValue *items = rk_arena_array(a->arena, n_items ? n_items : 1, sizeof *items);
    if (!items || !r->id)
        return rk_diag_add(d, RK_EINTERNAL, file, 0, 0, "out of memory");
    for (size_t i = 0; i < n_items; i++) {
        const RkNode *it = r->is_list ? value->items[i] : value;
        if (it->kind != RK_NODE_SCALAR)
            return rk_diag_add(d, RK_EDATA, file, it->line, it->column,
                               "the answer to '%s' expects a list of values", id);
        items[i].text = rk_arena_strdup(a->arena, it->text);
        items[i].plain = it->plain;
    }
    r->items = items;
    r->n_items = n_items;
    a->n_retired++;
    return RK_OK;
}

RkStatus rk_answers_load_retired(RkAnswers *a, const RkNode *map, const char *file, RkDiag *d)
{
    if (rk_node_is_null(map))
        return RK_OK;
    if (map->kind != RK_NODE_MAP)
        return rk_diag_add(d, RK_EDATA, file, map->line, map->column,
                           "'retired' expects a map of old question id to answer, found %s",
                           rk_node_kind_name(map->kind));
    size_t cap = 0;
    RkStatus s = RK_OK;
    for (size_t i = 0; i < map->count; i++)
        if (keep(a, &cap, map->pairs[i].key->text, NULL, map->pairs[i].value, file, d) != RK_OK)
            s = d->status;
    return s;
}

/* ---- carrying one old answer ------------------------------------------ */

/* yes_no answers may have been written true/false/Yes...: their canonical
   word, for value maps written with yes and no. */
static const char *canonical(const char *t)
{
    static const char *const yes[] = {"yes", "Yes", "true", "True"};
    static const char *const no[] = {"no", "No", "false", "False"};
    for (size_t i = 0; i < 4; i++) {
        if (strcmp(t, yes[i]) == 0)
            return "yes";
        if (strcmp(t, no[i]) == 0)
            return "no";
    }
    return t;
}

/* The new value of old value t under r's map; NULL when it has none. */
static const char *mapped(const RkReplaces *r, const char *t)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < r->n_values; i++)
            if (strcmp(r->values[i].from, t) == 0)
                return r->values[i].to;
        t = canonical(t);
    }
    return NULL;
}

/* Carry the old value node into qn's answer *ans, through r's map when r
   has one. Returns false (nothing set, nothing reported) when the value has
   no counterpart or is not a valid answer to qn. */
static bool carry(RkArena *arena, const RkQuestion *qn, const RkReplaces *r,
                  const RkNode *value, RkAnswer *ans, const char *file)
{
    RkDiag scratch;
    rk_diag_init(&scratch);
    bool maps = r && r->has_values;
    if (!maps)
        return rk_answer_value_node(arena, qn, value, ans, file, &scratch) == RK_OK;
    if (value->kind == RK_NODE_SCALAR && value->plain && strcmp(value->text, "dont_know") == 0) {
        const char *to = mapped(r, "dont_know");
        if (!to || strcmp(to, "dont_know") == 0) {
            ans->state = qn->dont_know ? RK_ANSWER_DONT_KNOW : RK_ANSWER_NONE;
            return qn->dont_know;
        }
        return rk_answer_parse_value(arena, qn, to, true, ans, file, 0, 0, &scratch) == RK_OK;
    }
    size_t n = value->kind == RK_NODE_SEQ ? value->count : 1;
    if (value->kind == RK_NODE_MAP || (n != 1 && qn->type != RK_Q_MULTI))
        return false;
    const char **to = malloc((n ? n : 1) * sizeof *to);
    if (!to)
        return false;
    size_t k = 0;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const RkNode *it = value->kind == RK_NODE_SEQ ? value->items[i] : value;
        const char *t = it->kind == RK_NODE_SCALAR ? mapped(r, it->text) : NULL;
        ok = t != NULL;
        bool seen = false;
        for (size_t j = 0; ok && j < k && !seen; j++)
            seen = strcmp(to[j], t) == 0;
        if (ok && !seen)
            to[k++] = t;
    }
    if (ok && k == 1 && strcmp(to[0], "dont_know") == 0) {
        ans->state = qn->dont_know ? RK_ANSWER_DONT_KNOW : RK_ANSWER_NONE;
        ok = qn->dont_know;
    } else if (ok && qn->type == RK_Q_MULTI) {
        ok = rk_answer_parse_multi(arena, qn, to, NULL, NULL, k, ans, file, &scratch) == RK_OK;
    } else if (ok) {
        ok = rk_answer_parse_value(arena, qn, to[0], true, ans, file, 0, 0, &scratch) == RK_OK;
    }
    free(to);
    return ok;
}

/* Is answer id one to the current question of that id, as it is (the
   question does not map its own old answers)? */
static const RkQuestion *direct(const RkQuestionnaire *q, const char *id)
{
    const RkQuestion *same = rk_questionnaire_find(q, id);
    return same && (!same->replaces || strcmp(same->replaces->id, id) != 0) ? same : NULL;
}

/* The questions answer id goes to: the question of that id when the answer
   is direct, else every question that replaces id. */
static size_t targets(const RkQuestionnaire *q, const char *id, const RkQuestion **out)
{
    if ((out[0] = direct(q, id)) != NULL)
        return 1;
    size_t n = 0;
    for (size_t i = 0; i < q->n_questions; i++)
        if (q->questions[i]->replaces && strcmp(q->questions[i]->replaces->id, id) == 0)
            out[n++] = q->questions[i];
    return n;
}

/* What the migration of one file found, for its warning. */
typedef struct Tally {
    size_t carried;
    const RkQuestion **not_carried; /* malloc'd, one per question */
    size_t n_not_carried;
    unsigned char *from_old;        /* by question index: 1 an old answer was aimed at
                                       it, 2 and it did not carry over */
    size_t kept_from;               /* a->retired[kept_from..] were kept by this run */
} Tally;

/* Carry the old answer (key k, node n) to its questions. */
static RkStatus migrate_one(RkAnswers *a, const RkQuestionnaire *q, const RkNode *k,
                            const RkNode *n, const RkQuestion **tg, Tally *t, size_t *cap,
                            const char *old_version, const char *file, RkDiag *d)
{
    const RkNode *value;
    const char *note, *source;
    if (rk_answer_split(a->arena, k->text, n, &value, &note, &source, file, d) != RK_OK)
        return d->status;
    if (value && rk_node_is_null(value))
        value = NULL;
    size_t nt = targets(q, k->text, tg);
    bool keep_it = nt == 0;
    for (size_t i = 0; i < nt; i++) {
        RkAnswer *ans = &a->by_question[tg[i]->index];
        if (t->from_old[tg[i]->index]) { /* two old answers for one question */
            keep_it = true;
            continue;
        }
        t->from_old[tg[i]->index] = 1;
        RkAnswer next = {.question = tg[i], .note = note, .source = source,
                         .line = n->line, .column = n->column};
        const RkReplaces *via = nt == 1 && direct(q, k->text) ? NULL : tg[i]->replaces;
        if (!value || carry(a->arena, tg[i], via, value, &next, file)) {
            t->carried += value != NULL;
        } else {
            next.state = RK_ANSWER_NONE;
            next.value = NULL;
            next.values = NULL;
            next.n_values = 0;
            t->not_carried[t->n_not_carried++] = tg[i];
            t->from_old[tg[i]->index] = 2;
            keep_it = true;
        }
        *ans = next;
    }
    return keep_it ? keep(a, cap, k->text, old_version, n, file, d) : RK_OK;
}

/* Append the n ids to b, comma-separated; past budget characters the rest
   is counted ("and 12 more"): a warning holds at most 1023 characters
   (rk_diag_warn), and the three lists must fit in one. */
static void put_ids(RkBuf *b, const char *const *ids, size_t n, size_t budget)
{
    size_t start = b->len;
    for (size_t i = 0; i < n; i++) {
        if (b->len - start + strlen(ids[i]) + 2 > budget) {
            rk_buf_printf(b, " and %zu more", n - i);
            return;
        }
        rk_buf_printf(b, "%s%s", i ? ", " : "", ids[i]);
    }
}

/* The one warning of a migrated file. */
static void warn(const RkAnswers *a, const RkQuestionnaire *q, const Tally *t,
                 const RkNode *version, const char *file, RkDiag *d)
{
    RkBuf b;
    rk_buf_init(&b);
    rk_buf_printf(&b, "these answers were made with %s %s and are read as version %s: %zu "
                  "answers carried over", q->id, a->migrated_from, q->version, t->carried);
    const char **ids = malloc((q->n_questions + a->n_retired + 1) * sizeof *ids);
    size_t n = 0;
    if (ids && t->n_not_carried) {
        for (size_t i = 0; i < t->n_not_carried; i++)
            ids[i] = t->not_carried[i]->id;
        rk_buf_printf(&b, "; need a new answer (the %s answer has no counterpart): ",
                      a->migrated_from);
        put_ids(&b, ids, t->n_not_carried, 380);
    }
    for (size_t i = 0; ids && i < q->n_questions; i++)
        if (t->from_old[i] != 2 && a->by_question[i].state == RK_ANSWER_NONE)
            ids[n++] = q->questions[i]->id;
    if (n) {
        rk_buf_printf(&b, "; new or not answered in %s: ", a->migrated_from);
        put_ids(&b, ids, n, 180);
    }
    n = 0;
    for (size_t i = t->kept_from; ids && i < a->n_retired; i++)
        ids[n++] = a->retired[i].id;
    if (n) {
        rk_buf_puts(&b, "; kept aside under 'retired:': ");
        put_ids(&b, ids, n, 100);
    }
    free(ids);
    bool newer = rk_version_compare(a->migrated_from, q->version) > 0;
    rk_diag_warn(d, file, version ? version->line : 0, version ? version->column : 0,
                 "%s (%s %s)", b.failed ? "" : b.data,
                 newer ? "the answers are newer than the questionnaire: read them with the "
                         "questionnaire of version" : "readykit migrate writes the file at "
                         "version", newer ? a->migrated_from : q->version);
    rk_buf_free(&b);
}

RkStatus rk_answers_migrate(RkAnswers *a, const RkQuestionnaire *q, const RkNode *answers,
                            const RkNode *version, const char *file, RkDiag *d)
{
    size_t nq = q->n_questions ? q->n_questions : 1;
    Tally t = {.kept_from = a->n_retired};
    t.not_carried = malloc(nq * sizeof *t.not_carried);
    t.from_old = calloc(nq, sizeof *t.from_old);
    const RkQuestion **tg = malloc(nq * sizeof *tg);
    size_t cap = a->n_retired;
    RkStatus s = RK_OK;
    if (!t.not_carried || !t.from_old || !tg)
        s = rk_diag_add(d, RK_EINTERNAL, file, 0, 0, "out of memory");
    /* Direct answers first (a file edited by hand may already answer a new
       question), then those carried through replaces. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; s == RK_OK && answers && i < answers->count; i++) {
            const RkNode *k = answers->pairs[i].key;
            if ((direct(q, k->text) != NULL) == (pass == 0) &&
                migrate_one(a, q, k, answers->pairs[i].value, tg, &t, &cap, a->version, file,
                            d) != RK_OK)
                s = d->status;
        }
    if (s == RK_OK) {
        a->migrated_from = a->version;
        a->version = rk_arena_strdup(a->arena, q->version);
        a->not_carried = rk_arena_array(a->arena, t.n_not_carried + 1, sizeof *a->not_carried);
        if (a->not_carried)
            memcpy(a->not_carried, t.not_carried, t.n_not_carried * sizeof *t.not_carried);
        a->n_not_carried = a->not_carried ? t.n_not_carried : 0;
        warn(a, q, &t, version, file, d);
    }
    free(t.not_carried);
    free(t.from_old);
    free(tg);
    return s;
}

/* ---- saving ---------------------------------------------------------- */

/* A plain scalar is written back plain when it reads back the same in any
   place (block or flow); other texts, and quoted ones, double-quoted. */
static void put_raw(RkBuf *b, const RkRawValue *v)
{
    const char *s = v->text;
    bool bare = v->plain && *s && s[0] != ' ' && s[strlen(s) - 1] != ' ';
    for (const char *p = s; bare && *p; p++) {
        unsigned char c = (unsigned char)*p;
        bare = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c >= 0x80 || strchr("_.+-/~ ", c);
    }
    if (bare && (((s[0] == '-' || s[0] == '?') && s[1] == ' ') || strstr(s, "\xC2\x85") ||
                 strstr(s, "\xE2\x80\xA8") || strstr(s, "\xE2\x80\xA9")))
        bare = false; /* a list or key marker, or a YAML line break */
    if (bare)
        rk_buf_puts(b, s);
    else
        rk_json_string(b, s);
}

static void put_retired_value(RkBuf *b, const void *value)
{
    const RkRetiredAnswer *r = value;
    if (!r->is_list) {
        put_raw(b, &r->items[0]);
        return;
    }
    rk_buf_puts(b, "[");
    for (size_t i = 0; i < r->n_items; i++) {
        rk_buf_puts(b, i ? ", " : "");
        put_raw(b, &r->items[i]);
    }
    rk_buf_puts(b, "]");
}

void rk_answers_put_retired(RkBuf *b, const RkAnswers *a)
{
    if (!a->n_retired)
        return;
    rk_buf_puts(b, "# Answers to questions of earlier versions, kept as they were.\nretired:");
    for (size_t i = 0; i < a->n_retired; i++) {
        const RkRetiredAnswer *r = &a->retired[i];
        rk_answer_put_entry(b, r->id, r->is_list || r->n_items, put_retired_value, r,
                            r->note, r->source);
    }
    rk_buf_puts(b, "\n");
}
