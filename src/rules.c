/* rules: building the engine (the standard scorer, the questionnaire's
   rules, each --rules file, the compiled when: expressions and checks, all
   in one sandbox), evaluating when: and checks, and scoring answers. */
#define _XOPEN_SOURCE 700 /* strdup */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "embedded.h"
#include "readykit/fileio.h"
#include "readykit/suggest.h"
#include "rules_internal.h"
#include "sha256.h"

static const char *const layer_keys[N_LAYERS] = {"question", "pillar", "result"};

/* The `indicators` list a rule file returned (top of the stack): the ids
   of the indicators it may add, which are CSV columns whatever the answers.
   Kept from the engine's first run. */
static void declare(lua_State *L, RkRules *R, const RuleFile *f)
{
    if (R->declared_done)
        return;
    if (!lua_istable(L, -1))
        luaL_error(L, "%s: 'indicators' must be a list of indicator ids, not a %s", f->name,
                   luaL_typename(L, -1));
    lua_Integer n = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_geti(L, -1, i) != LUA_TSTRING)
            luaL_error(L, "%s: indicators[%d] must be an indicator id (a string), not a %s",
                       f->name, (int)i, luaL_typename(L, -1));
        const char *id = lua_tostring(L, -1);
        size_t k = 0;
        while (k < R->n_declared && strcmp(R->declared[k], id) != 0)
            k++;
        if (k == R->n_declared) {
            if (R->n_declared == MAX_INDICATORS)
                luaL_error(L, "%s: more than %d indicators declared", f->name, MAX_INDICATORS);
            if (!(R->declared[R->n_declared] = strdup(id)))
                luaL_error(L, "out of memory");
            R->n_declared++;
        }
        lua_pop(L, 1);
    }
}

/* Run rule file i's compiled chunk in a fresh environment with a fresh rk
   table, and register the layer functions it returns (replacing those of
   the previous run). Done for every answers file, so that nothing a rule
   keeps in top-level locals, upvalues or globals reaches the next one. */
static void instantiate(lua_State *L, RkRules *R, size_t i)
{
    RuleFile *f = &R->files[i];
    rk_sandbox_set_file(R->sb, f->name);
    rk_sandbox_push_env(L);                  /* env */
    rk_rules_push_rk(L, R, i);               /* env rk */
    lua_setfield(L, -2, "rk");
    lua_rawgeti(L, LUA_REGISTRYINDEX, f->chunk_ref); /* env fn */
    lua_insert(L, -2);                       /* fn env */
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
    lua_call(L, 0, 1);                       /* ret */
    if (!lua_istable(L, -1))
        luaL_error(L, "the file must return a table of layer functions {question = ..., "
                   "pillar = ..., result = ...}, not a %s", luaL_typename(L, -1));
    lua_pushnil(L);
    while (lua_next(L, -2)) {                /* ret k v */
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        if (k && strcmp(k, "indicators") == 0) {
            declare(L, R, f);
            lua_pop(L, 1);
            continue;
        }
        int j = 0;
        while (k && j < N_LAYERS && strcmp(k, layer_keys[j]) != 0)
            j++;
        if (!k || j == N_LAYERS) {
            const char *s = k ? rk_suggest(k, layer_keys, N_LAYERS) : NULL;
            luaL_error(L, "%s returned an unknown layer '%s'%s%s%s (layers are question, "
                       "pillar and result)", f->name, k ? k : luaL_typename(L, -2),
                       s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
        }
        if (!lua_isfunction(L, -1))
            luaL_error(L, "%s: layer '%s' must be a function, not a %s", f->name, k,
                       luaL_typename(L, -1));
        f->layer[j] = luaL_ref(L, LUA_REGISTRYINDEX); /* ret k */
    }
    lua_pop(L, 1);
}

/* Drop the layer functions of the last run, so that what they hold is
   garbage once the run is over. */
void rk_rules_release_layers(lua_State *L, RkRules *R)
{
    for (size_t i = 0; i < R->n_files; i++)
        for (int j = 0; j < N_LAYERS && !R->files[i].builtin; j++) {
            luaL_unref(L, LUA_REGISTRYINDEX, R->files[i].layer[j]);
            R->files[i].layer[j] = LUA_NOREF;
        }
}

/* Run every rule file afresh (inside the scoring run). The built-in
   standard scorer is run once, when the engine is built: it is
   readykit's own code, keeps nothing between answers files (its top level
   builds a read-only map of the choices' points), and building that map
   again for every file would cost more than the scoring itself. */
void rk_rules_instantiate_all(lua_State *L, RkRules *R)
{
    for (size_t i = 0; i < R->n_files; i++)
        if (!R->files[i].builtin && !R->files[i].skip)
            instantiate(L, R, i);
}

/* instantiate(R at 1, file index at 2), for lua_pcall. */
static int instantiate_p(lua_State *L)
{
    instantiate(L, lua_touserdata(L, 1), (size_t)lua_tointeger(L, 2));
    return 0;
}

/* Compile one rule file (kept for the engine's life), then run it once so
   that its errors show when the engine is built. */
static void load_file(lua_State *L, RkRules *R, size_t i)
{
    RuleFile *f = &R->files[i];
    char chunk[260];
    snprintf(chunk, sizeof chunk, "@%s", f->name);
    rk_sandbox_set_file(R->sb, f->name);
    lua_newtable(L);                         /* placeholder env */
    rk_sandbox_load(L, f->text, f->len, chunk, -1); /* env fn */
    f->chunk_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    /* First run protected, to catch rk.requires stopping the top level. */
    lua_pushcfunction(L, instantiate_p);
    lua_pushlightuserdata(L, R);
    lua_pushinteger(L, (lua_Integer)i);
    int status = lua_pcall(L, 2, 0, 0);
    if (status == LUA_OK)
        return;
    if (status == LUA_ERRMEM || rk_sandbox_limit_hit(R->sb))
        lua_error(L); /* the sandbox reports a limit from where it stopped */
    lua_pop(L, 1);
    if (f->skip)
        return;
    /* Any other error: run the top level again, unprotected, so that the
       sandbox reports it with its own position and traceback (a fresh
       run fails the same way; its rk.log lines are not printed twice). */
    R->mute_log = true;
    instantiate(L, R, i);
    R->mute_log = false;
}

/* Compile "return <expr>" as a chunk named as the questionnaire; its line
   1 is the expression's line (rk_sandbox_set_line_offset, set again before
   each evaluation), so errors read "file.yaml:LINE: ...". Pushes a ref. */
static int compile_expr(lua_State *L, RkRules *R, const char *expr, int line, int env)
{
    lua_pushliteral(L, "return ");
    lua_pushstring(L, expr);
    lua_concat(L, 2);
    size_t len;
    const char *text = lua_tolstring(L, -1, &len);
    char chunk[520];
    snprintf(chunk, sizeof chunk, "=%s", R->q->path ? R->q->path : R->q->id);
    rk_sandbox_set_line_offset(R->sb, line > 1 ? line - 1 : 0);
    rk_sandbox_load(L, text, len, chunk, env);
    lua_remove(L, -2);
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

/* The rule files (the built-in standard scorer apart). */
static int load_all(lua_State *L)
{
    RkRules *R = lua_touserdata(L, 1);
    for (size_t i = 0; i < R->n_files; i++)
        if (!R->files[i].builtin)
            load_file(L, R, i);
    R->declared_done = true;
    return 0;
}

/* The standard scorer is readykit's own code: its top level (a map of every
   question's choices, as large as the questionnaire) is the kit's work,
   loaded by rk_sandbox_run_kit, and only its layers run under the limits. */
static int load_builtin(lua_State *L)
{
    RkRules *R = lua_touserdata(L, 1);
    for (size_t i = 0; i < R->n_files; i++)
        if (R->files[i].builtin)
            load_file(L, R, i);
    return 0;
}

/* Compile every when: and check (the kit's own work: rk_sandbox_run_kit). */
static int compile_all(lua_State *L)
{
    RkRules *R = lua_touserdata(L, 1);
    rk_sandbox_set_file(R->sb, R->q->path ? R->q->path : R->q->id);
    rk_rules_push_when_env(L, R);
    int env = lua_gettop(L);
    lua_pushvalue(L, env);
    R->when_env = luaL_ref(L, LUA_REGISTRYINDEX);
    for (size_t qi = 0, c = 0; qi < R->q->n_questions; qi++) {
        const RkQuestion *qn = R->q->questions[qi];
        if (qn->when)
            R->when_ref[qi] = compile_expr(L, R, qn->when, qn->when_line, env);
        R->check_first[qi] = c;
        for (size_t k = 0; k < qn->n_checks; k++, c++)
            R->check_ref[c] = compile_expr(L, R, qn->checks[k].expr, qn->checks[k].line, env);
    }
    return 0;
}

static RkStatus add_file(RkRules *R, const char *name, const char *path, RkDiag *d)
{
    RuleFile *f = &R->files[R->n_files];
    snprintf(f->name, sizeof f->name, "%s", name);
    for (int j = 0; j < N_LAYERS; j++)
        f->layer[j] = LUA_NOREF;
    f->chunk_ref = LUA_NOREF;
    f->rk_tpl = LUA_NOREF;
    f->builtin = !path;
    if (!path) {
        const RkEmbedded *e = rk_embedded_find("score.lua");
        if (!e)
            return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "the standard scorer is not built in");
        f->text = malloc(e->len + 1);
        if (!f->text)
            return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
        memcpy(f->text, e->data, e->len + 1);
        f->len = e->len;
    } else {
        RkStatus s = rk_file_read(path, RULES_FILE_MAX, &f->text, &f->len, d);
        if (s != RK_OK)
            return s;
    }
    rk_sha256_hex(f->text, f->len, f->sha256);
    R->n_files++;
    return RK_OK;
}

RkStatus rk_rules_new(const RkQuestionnaire *q, const RkRulesOptions *opt, RkRules **out,
                      RkDiag *d)
{
    static const RkRulesOptions none = {0};
    *out = NULL;
    if (!opt)
        opt = &none;
    RkRules *R = calloc(1, sizeof *R);
    if (!R)
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    R->q = q;
    R->q_templates = LUA_NOREF;
    R->strs = LUA_NOREF;
    R->q_view = LUA_NOREF;
    R->q_views = LUA_NOREF;
    R->p_views = LUA_NOREF;
    if (opt->lang)
        snprintf(R->opt_lang, sizeof R->opt_lang, "%s", opt->lang);
    size_t n_checks = 0;
    for (size_t i = 0; i < q->n_questions; i++)
        n_checks += q->questions[i]->n_checks;
    size_t nq = q->n_questions ? q->n_questions : 1;
    R->files = calloc(2 + opt->n_rule_files, sizeof *R->files);
    R->qids = calloc(nq, sizeof *R->qids);
    R->pids = calloc(q->n_pillars + 1, sizeof *R->pids);
    R->lids = calloc(q->n_levels + 1, sizeof *R->lids);
    R->when_ref = calloc(nq, sizeof *R->when_ref);
    R->check_ref = calloc(n_checks + 1, sizeof *R->check_ref);
    R->check_first = calloc(nq, sizeof *R->check_first);
    R->skipped = calloc(nq, 1);
    R->declared = calloc(MAX_INDICATORS, sizeof *R->declared);
    if (!R->declared || !R->files || !R->qids || !R->pids || !R->lids || !R->when_ref || !R->check_ref ||
        !R->check_first || !R->skipped) {
        rk_rules_free(R);
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < q->n_questions; i++) {
        R->qids[i] = q->questions[i]->id;
        R->when_ref[i] = LUA_NOREF;
    }
    for (size_t i = 0; i < q->n_pillars; i++)
        R->pids[i] = q->pillars[i].id;
    for (size_t i = 0; i < q->n_levels; i++)
        R->lids[i] = q->levels[i].id;
    R->max_findings_bytes = opt->max_findings_bytes ? opt->max_findings_bytes
                                                    : RK_RULES_FINDINGS_BYTES;
    RkSandboxLimits lim = {opt->memory_limit, opt->instruction_budget, opt->deadline_seconds,
                           opt->verbose};
    RkStatus s = rk_sandbox_new(&lim, &R->sb, d);
    if (s == RK_OK)
        rk_sandbox_set_log(R->sb, opt->log, opt->log_ctx);
    if (s == RK_OK)
        s = add_file(R, "scripts/score.lua", NULL, d);
    if (s == RK_OK && q->rules && !opt->no_default_rules)
        s = add_file(R, q->rules, q->rules, d);
    for (size_t i = 0; s == RK_OK && i < opt->n_rule_files; i++)
        s = add_file(R, opt->rule_files[i], opt->rule_files[i], d);
    if (s == RK_OK)
        s = rk_sandbox_run_kit(R->sb, load_builtin, R, d);
    if (s == RK_OK)
        s = rk_sandbox_run(R->sb, load_all, R, d);
    if (s == RK_OK)
        s = rk_sandbox_run_kit(R->sb, compile_all, R, d);
    R->mute_log = false;
    for (size_t i = 0; s == RK_OK && i < R->n_files; i++)
        if (R->files[i].skip)
            rk_diag_warn(d, R->files[i].name, 0, 0, "%s", R->files[i].skip_why);
    if (s == RK_OK) {
        rk_rules_release_layers(rk_sandbox_lua(R->sb), R);
        lua_gc(rk_sandbox_lua(R->sb), LUA_GCCOLLECT);
        R->mem_base = rk_sandbox_memory(R->sb);
    }
    for (size_t i = 0; i < R->n_files; i++) {
        free(R->files[i].text);
        R->files[i].text = NULL;
    }
    if (s != RK_OK) {
        rk_rules_free(R);
        return s;
    }
    *out = R;
    return RK_OK;
}

void rk_rules_free(RkRules *R)
{
    if (!R)
        return;
    rk_sandbox_free(R->sb);
    if (R->files)
        for (size_t i = 0; i < R->n_files; i++)
            free(R->files[i].text);
    free(R->files);
    free(R->qids);
    free(R->pids);
    free(R->lids);
    free(R->when_ref);
    free(R->check_ref);
    free(R->check_first);
    free(R->skipped);
    free(R->findings);
    free(R->indicators);
    free(R->cap_calls);
    for (size_t i = 0; R->declared && i < R->n_declared; i++)
        free(R->declared[i]);
    free(R->declared);
    free(R);
}

bool rk_rules_dead(const RkRules *R)
{
    return R->sb && rk_sandbox_dead(R->sb);
}

const char *const *rk_rules_declared(const RkRules *R, size_t *n)
{
    *n = R->n_declared;
    return (const char *const *)R->declared;
}

/* Evaluate R->cur_q's when: (cur_check == SIZE_MAX) or its check
   cur_check, with `value` set to its answer; the truth in R->truth. */
static int eval_expr(lua_State *L)
{
    RkRules *R = lua_touserdata(L, 1);
    const RkQuestion *qn = R->cur_q;
    char ctx[128];
    rk_sandbox_set_file(R->sb, R->q->path ? R->q->path : R->q->id);
    int ref = R->when_ref[qn->index];
    int line = qn->when_line;
    if (R->cur_check != (size_t)-1) {
        ref = R->check_ref[R->check_first[qn->index] + R->cur_check];
        line = qn->checks[R->cur_check].line;
        lua_rawgeti(L, LUA_REGISTRYINDEX, R->when_env);
        rk_rules_push_value(L, R, qn->index);
        lua_setfield(L, -2, "value");
        lua_pop(L, 1);
    }
    snprintf(ctx, sizeof ctx, "%s of question %s", R->cur_check == (size_t)-1 ? "when:" : "a check",
             qn->id);
    rk_sandbox_set_context(R->sb, ctx);
    rk_sandbox_set_line_offset(R->sb, line > 1 ? line - 1 : 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_call(L, 0, 1);
    R->truth = lua_toboolean(L, -1);
    return 0;
}

RkStatus rk_rules_applicable(RkRules *R, const RkAnswers *a, const RkQuestion *qn, bool *out,
                             RkDiag *d)
{
    *out = true;
    if (!qn->when || R->when_ref[qn->index] == LUA_NOREF)
        return RK_OK;
    R->a = a;
    R->cur_q = qn;
    R->cur_check = (size_t)-1;
    memset(R->skipped, 0, R->q->n_questions ? R->q->n_questions : 1);
    R->nil_q = 0;
    RkStatus s = rk_sandbox_run(R->sb, eval_expr, R, d);
    if (s != RK_OK)
        rk_rules_explain(R, d, a->path ? a->path : "these answers");
    R->a = NULL;
    if (s == RK_OK)
        *out = R->truth;
    return s;
}

RkStatus rk_rules_check_answer(RkRules *R, const RkAnswers *a, const RkQuestion *qn, RkDiag *d)
{
    const RkAnswer *an = &a->by_question[qn->index];
    if (an->state != RK_ANSWER_VALUE)
        return RK_OK;
    const char *lang = rk_questionnaire_lang(R->q, R->opt_lang[0] ? R->opt_lang : a->language);
    R->a = a;
    R->cur_q = qn;
    memset(R->skipped, 0, R->q->n_questions ? R->q->n_questions : 1);
    RkStatus s = RK_OK;
    for (size_t k = 0; s == RK_OK && k < qn->n_checks; k++) {
        R->cur_check = k;
        R->nil_q = 0;
        s = rk_sandbox_run(R->sb, eval_expr, R, d);
        if (s != RK_OK)
            rk_rules_explain(R, d, a->path ? a->path : "these answers");
        if (s == RK_OK && !R->truth) {
            const char *msg = rk_text_get(&qn->checks[k].message, lang, R->q->languages[0]);
            s = rk_diag_set(d, RK_EDATA, a->path, an->line, an->column, "%s: %s", qn->id,
                            msg[0] ? msg : qn->checks[k].expr);
        }
    }
    R->a = NULL;
    return s;
}

RkStatus rk_rules_eval_check(RkRules *R, const RkAnswers *a, const RkQuestion *qn, size_t k,
                             bool *truth, RkDiag *d)
{
    R->a = a;
    R->cur_q = qn;
    R->cur_check = k;
    R->nil_q = 0;
    memset(R->skipped, 0, R->q->n_questions ? R->q->n_questions : 1);
    RkStatus s = rk_sandbox_run(R->sb, eval_expr, R, d);
    if (s != RK_OK)
        rk_rules_explain(R, d, a->path ? a->path : "these answers");
    R->a = NULL;
    *truth = s == RK_OK && R->truth;
    return s;
}

/* Run the checks of every answered question; every failing check is
   reported (rk_diag_add), in questionnaire order. Required questions that
   apply and have no answer give warnings. */
RkStatus rk_rules_check_answers(RkRules *R, const RkAnswers *a, RkDiag *d)
{
    RkStatus status = RK_OK;
    for (size_t i = 0; i < R->q->n_questions; i++) {
        const RkQuestion *qn = R->q->questions[i];
        if (qn->required && a->by_question[i].state == RK_ANSWER_NONE) {
            /* Scoring a partial assessment is normal: say what is missing,
               as a warning, when the question applies. */
            bool applies = true;
            RkDiag one;
            rk_diag_init(&one);
            if (rk_rules_applicable(R, a, qn, &applies, &one) == RK_OK && applies) {
                const char *lang = rk_questionnaire_lang(R->q, a->language);
                const char *msg = rk_text_get(&qn->required_message, lang, R->q->languages[0]);
                rk_diag_warn(d, a->path, 0, 0, "question '%s' is required but not answered%s%s",
                             qn->id, msg[0] ? ": " : "", msg);
            }
        }
        if (qn->n_checks == 0)
            continue;
        RkDiag one;
        rk_diag_init(&one);
        if (rk_rules_check_answer(R, a, qn, &one) == RK_OK)
            continue;
        if (one.status != RK_EDATA)
            return rk_diag_set(d, one.status, one.file, one.line, one.column, "%s", one.message);
        status = rk_diag_add(d, one.status, one.file, one.line, one.column, "%s", one.message);
    }
    return status;
}
