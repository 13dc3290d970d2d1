/* The new command: write a small, valid starting questionnaire (ID.yaml)
   and its rules file (ID.lua), both with comments that teach the format.
   The two templates are scripts/new/new-questionnaire.yaml and
   scripts/new/new-rules.lua, compiled into the binary (scripts/embed.sh);
   every "@ID@" in them becomes the id. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "embedded.h"
#include "readykit/fileio.h"
#include "readykit/questionnaire.h"

#define ID_MAX 64

const char rk_cli_new_help[] =
    "Usage: readykit new QUESTIONNAIRE_ID [-o DIR]\n"
    "\n"
    "Write a small, valid starting questionnaire, ID.yaml, and its rules file,\n"
    "ID.lua, in DIR (default: the current folder; created if missing). Their\n"
    "comments explain the format: pillars, the question types, choices and\n"
    "points, when, checks, weights, evidence, levels, languages, and the rules\n"
    "API. Edit them, then run 'readykit check ID.yaml'. An existing file is never\n"
    "overwritten.\n"
    "\n"
    "QUESTIONNAIRE_ID: lowercase letters, digits, '_', '.' and '-', starting with\n"
    "a letter or a digit, at most 64 characters (e.g. dpi-city).\n"
    "\n"
    "  -o, --output DIR         the folder to write the two files in\n"
    "  -h, --help               this help\n";

/* Append the embedded template name to out, with every "@ID@" made id;
   false when the binary was built without it. */
static bool render(RkBuf *out, const char *name, const char *id)
{
    const RkEmbedded *e = rk_embedded_find(name);
    if (!e)
        return false;
    const char *s = e->data;
    for (const char *at; (at = strstr(s, "@ID@")) != NULL; s = at + 4) {
        rk_buf_add(out, s, (size_t)(at - s));
        rk_buf_puts(out, id);
    }
    rk_buf_puts(out, s);
    return true;
}

/* The folder to write in: created when missing (one level, as import -o). */
static RkStatus make_dir(const char *dir, RkDiag *d)
{
    struct stat st;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode) ? RK_OK
                                   : rk_diag_set(d, RK_ECANTCREAT, dir, 0, 0,
                                                 "is not a folder; -o names the folder to "
                                                 "write ID.yaml and ID.lua in");
    if (mkdir(dir, 0777) != 0)
        return rk_diag_set(d, RK_ECANTCREAT, dir, 0, 0, "cannot create the folder: %s",
                           strerror(errno));
    return RK_OK;
}

/* Write both files, or neither: refuse when either exists, and remove the
   questionnaire when its rules file cannot be written. */
static RkStatus write_pair(const char *yaml_path, const RkBuf *yaml, const char *lua_path,
                           const RkBuf *lua, RkDiag *d)
{
    const char *paths[] = {yaml_path, lua_path};
    for (int i = 0; i < 2; i++)
        if (rk_file_exists(paths[i]))
            return rk_diag_set(d, RK_ECANTCREAT, paths[i], 0, 0,
                               "already exists; not overwritten (remove it, or choose "
                               "another id or -o folder)");
    if (rk_file_write_atomic(yaml_path, yaml->data, yaml->len, d) != RK_OK)
        return d->status;
    if (rk_file_write_atomic(lua_path, lua->data, lua->len, d) != RK_OK)
        unlink(yaml_path);
    return d->status;
}

int rk_cmd_new(int argc, char **argv)
{
    Options o = {0};
    int rc = rk_cli_parse(argc, argv, rk_cli_new_help, true, &o);
    if (rc)
        return rc < 0 ? RK_OK : rc;
    if (o.n_files != 1)
        return rk_cli_usage_error("new needs one questionnaire id, e.g. readykit new dpi-city%s",
                                  "");
    const char *id = o.files[0];
    if (!rk_questionnaire_valid_id(id) || strlen(id) > ID_MAX)
        return rk_cli_usage_error("'%s' is not a questionnaire id: use lowercase letters, "
                                  "digits, '_', '.' and '-', starting with a letter or a "
                                  "digit, at most 64 characters (e.g. dpi-city)", id);
    const char *dir = o.output ? o.output : ".";
    RkDiag d;
    rk_diag_init(&d);
    RkBuf yaml, lua, yaml_path, lua_path;
    rk_buf_init(&yaml);
    rk_buf_init(&lua);
    rk_buf_init(&yaml_path);
    rk_buf_init(&lua_path);
    bool built_in = render(&yaml, "new-questionnaire.yaml", id) &&
                    render(&lua, "new-rules.lua", id);
    const char *sep = dir[strlen(dir) - 1] == '/' ? "" : "/";
    rk_buf_printf(&yaml_path, "%s%s%s.yaml", o.output ? dir : "", o.output ? sep : "", id);
    rk_buf_printf(&lua_path, "%s%s%s.lua", o.output ? dir : "", o.output ? sep : "", id);
    if (!built_in)
        rk_diag_set(&d, RK_EINTERNAL, NULL, 0, 0, "the templates are not built in");
    else if (yaml.failed || lua.failed || yaml_path.failed || lua_path.failed)
        rk_diag_set(&d, RK_EINTERNAL, NULL, 0, 0, "out of memory");
    else if (make_dir(dir, &d) == RK_OK &&
             write_pair(yaml_path.data, &yaml, lua_path.data, &lua, &d) == RK_OK) {
        fputs("readykit: wrote ", stderr);
        rk_cli_put_safe(stderr, yaml_path.data);
        fputs(" and ", stderr);
        rk_cli_put_safe(stderr, lua_path.data);
        fputs("; edit them, then: readykit check ", stderr);
        rk_cli_put_safe(stderr, yaml_path.data);
        fputc('\n', stderr);
    }
    rk_cli_print_diag(&d);
    rk_buf_free(&yaml);
    rk_buf_free(&lua);
    rk_buf_free(&yaml_path);
    rk_buf_free(&lua_path);
    return d.status;
}
