/* locate: the questionnaire search path. */
#include "readykit/locate.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/fileio.h"

/* A questionnaire id may not climb out of the folders searched. */
static bool safe_id(const char *id)
{
    if (!*id || id[0] == '.')
        return false;
    for (const char *p = id; *p; p++)
        if (*p == '/' || *p == '\\')
            return false;
    return true;
}

/* Try dir/id.yaml and dir/id.yml; on success copy the path to out. */
static bool try_dir(const char *dir, size_t dir_len, const char *id, char *out, size_t size)
{
    static const char *const ext[] = {".yaml", ".yml"};
    for (size_t i = 0; i < 2; i++) {
        int n = snprintf(out, size, "%.*s%s%s%s", (int)dir_len, dir,
                         dir_len && dir[dir_len - 1] != '/' ? "/" : "", id, ext[i]);
        if (n > 0 && (size_t)n < size && rk_file_exists(out))
            return true;
    }
    return false;
}

RkStatus rk_locate_questionnaire(const char *id, const char *answers_path, char *out,
                                 size_t size, RkDiag *d)
{
    if (!safe_id(id))
        return rk_diag_set(d, RK_EDATA, answers_path, 0, 0,
                           "questionnaire id '%s' is not a plain name", id);
    char here[4096], parent[4100];
    const char *slash = strrchr(answers_path, '/');
    if (slash)
        snprintf(here, sizeof here, "%.*s", (int)(slash - answers_path), answers_path);
    else
        snprintf(here, sizeof here, ".");
    snprintf(parent, sizeof parent, "%s/..", here);
    if (try_dir(here, strlen(here), id, out, size) ||
        try_dir(parent, strlen(parent), id, out, size))
        return RK_OK;
    const char *env = getenv("READYKIT_PATH");
    for (const char *p = env; p && *p;) {
        const char *end = strchr(p, ':');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len && try_dir(p, len, id, out, size))
            return RK_OK;
        p = end ? end + 1 : p + len;
    }
    if (try_dir("questionnaires", strlen("questionnaires"), id, out, size) ||
        try_dir(RK_SHARE_DIR, strlen(RK_SHARE_DIR), id, out, size))
        return RK_OK;
    out[0] = '\0';
    return rk_diag_set(d, RK_ENOINPUT, answers_path, 0, 0,
                       "questionnaire '%s' not found (looked for %s.yaml in %s, %s, "
                       "READYKIT_PATH, ./questionnaires and %s); name it with -q FILE",
                       id, id, here, parent, RK_SHARE_DIR);
}

void rk_locate_each_dir(void (*fn)(const char *dir, size_t len, void *ctx), void *ctx)
{
    const char *env = getenv("READYKIT_PATH");
    for (const char *p = env; p && *p;) {
        const char *end = strchr(p, ':');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len)
            fn(p, len, ctx);
        p = end ? end + 1 : p + len;
    }
    fn("questionnaires", strlen("questionnaires"), ctx);
    fn(RK_SHARE_DIR, strlen(RK_SHARE_DIR), ctx);
}

typedef struct Search {
    const char *id;
    char *out;
    size_t size;
    bool found;
} Search;

static void search_dir(const char *dir, size_t len, void *ctx)
{
    Search *s = ctx;
    if (!s->found)
        s->found = try_dir(dir, len, s->id, s->out, s->size);
}

RkStatus rk_locate_by_name(const char *name, char *out, size_t size, RkDiag *d)
{
    size_t n = strlen(name);
    bool file_like = strchr(name, '/') || (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
                     (n > 4 && strcmp(name + n - 4, ".yml") == 0);
    if (file_like || rk_file_exists(name)) {
        /* A path: whoever opens it reports a missing file in its own words. */
        snprintf(out, size, "%s", name);
        return RK_OK;
    }
    if (!safe_id(name))
        return rk_diag_set(d, RK_EUSAGE, name, 0, 0,
                           "'%s' is neither a questionnaire file nor a questionnaire id", name);
    Search s = {name, out, size, try_dir(".", 1, name, out, size)};
    rk_locate_each_dir(search_dir, &s);
    if (s.found)
        return RK_OK;
    out[0] = '\0';
    return rk_diag_set(d, RK_ENOINPUT, name, 0, 0,
                       "no questionnaire '%s' (looked for %s.yaml in ., READYKIT_PATH, "
                       "./questionnaires and %s); 'readykit list' shows those found",
                       name, name, RK_SHARE_DIR);
}
