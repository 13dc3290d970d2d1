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
