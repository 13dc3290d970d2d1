/* batch_files: the list of answers files of a batch: names from the
   command line, from a folder (recursive, *.yaml, sorted) or from a stream
   (one per line). The names live in one growing buffer, so a list of
   100,000 files costs a few megabytes and a handful of allocations. */
#define _XOPEN_SOURCE 700
#include "readykit/batch.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Grow a buffer of elements of size `size` to hold `need` of them. */
static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t c = *cap ? *cap : 256;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * size);
    if (!q)
        return false;
    *p = q;
    *cap = c;
    return true;
}

static RkStatus add_n(RkFileList *l, const char *name, size_t len, RkDiag *d)
{
    if (!grow((void **)&l->names, &l->cap, l->len + len + 1, 1) ||
        !grow((void **)&l->at, &l->cap_at, l->n + 1, sizeof *l->at))
        return rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    memcpy(l->names + l->len, name, len);
    l->names[l->len + len] = '\0';
    l->at[l->n++] = l->len;
    l->len += len + 1;
    return RK_OK;
}

RkStatus rk_file_list_add(RkFileList *l, const char *name, RkDiag *d)
{
    return add_n(l, name, strlen(name), d);
}

const char *rk_file_list_get(const RkFileList *l, size_t i)
{
    return l->names + l->at[i];
}

void rk_file_list_free(RkFileList *l)
{
    free(l->names);
    free(l->at);
    memset(l, 0, sizeof *l);
}

RkStatus rk_file_list_add_stream(RkFileList *l, FILE *in, const char *what, RkDiag *d)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    RkStatus s = RK_OK;
    while (s == RK_OK && (n = getline(&line, &cap, in)) >= 0) {
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (len)
            s = add_n(l, line, len, d);
    }
    if (s == RK_OK && ferror(in))
        s = rk_diag_set(d, RK_EIO, what, 0, 0, "cannot read the list of files: %s",
                        strerror(errno));
    free(line);
    return s;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_yaml(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

/* Every *.yaml below dir, appended to l in sorted order: the entries of a
   folder are sorted, then taken in order, folders walked where they fall
   (so "a/x.yaml" comes before "b.yaml", as `sort` would place them by
   path). A folder's entries are gathered in a list of their own, whose
   few large blocks go back to the system once the folder is done: a
   folder of 100,000 files leaves no heap behind. */
static RkStatus walk(RkFileList *l, const char *dir, int depth, RkDiag *d)
{
    if (depth > 64)
        return rk_diag_set(d, RK_EDATA, dir, 0, 0, "folders nested more than 64 deep");
    DIR *h = opendir(dir);
    if (!h)
        return rk_diag_set(d, RK_ENOINPUT, dir, 0, 0, "cannot open the folder: %s",
                           strerror(errno));
    RkFileList here = {0};
    RkStatus s = RK_OK;
    size_t dl = strlen(dir);
    bool slash = dl && dir[dl - 1] == '/';
    char path[4096];
    struct dirent *e;
    while (s == RK_OK && (e = readdir(h))) {
        if (e->d_name[0] == '.')
            continue;
        int n = snprintf(path, sizeof path, "%s%s%s", dir, slash ? "" : "/", e->d_name);
        if (n < 0 || (size_t)n >= sizeof path)
            s = rk_diag_set(d, RK_ENOINPUT, dir, 0, 0, "a path in this folder is too long");
        else
            s = add_n(&here, path, (size_t)n, d);
    }
    closedir(h);
    char **names = s == RK_OK && here.n ? malloc(here.n * sizeof *names) : NULL;
    if (s == RK_OK && here.n && !names)
        s = rk_diag_set(d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    for (size_t i = 0; names && i < here.n; i++)
        names[i] = here.names + here.at[i];
    if (names)
        qsort(names, here.n, sizeof *names, by_name);
    for (size_t i = 0; s == RK_OK && names && i < here.n; i++) {
        struct stat st;
        if (stat(names[i], &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            s = walk(l, names[i], depth + 1, d);
        else if (S_ISREG(st.st_mode) && is_yaml(names[i]))
            s = rk_file_list_add(l, names[i], d);
    }
    free(names);
    rk_file_list_free(&here);
    return s;
}

RkStatus rk_file_list_add_dir(RkFileList *l, const char *dir, RkDiag *d)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return rk_diag_set(d, RK_ENOINPUT, dir, 0, 0, "cannot open the folder: %s",
                           strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return rk_diag_set(d, RK_ENOINPUT, dir, 0, 0, "--dir expects a folder");
    return walk(l, dir, 0, d);
}
