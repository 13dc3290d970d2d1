/*
 * locate: find the questionnaire an answers file names, on the search path
 * (DESIGN.md): the answers file's folder, its parent, each folder of
 * READYKIT_PATH, ./questionnaires, then the installed share folder.
 * Owns nothing; results go to the caller's buffer.
 */
#ifndef READYKIT_LOCATE_H
#define READYKIT_LOCATE_H

#include <stddef.h>

#include "readykit/diag.h"

#ifndef RK_SHARE_DIR
#define RK_SHARE_DIR "/usr/local/share/readykit/questionnaires"
#endif

/* Find "<id>.yaml" (or .yml) for the answers file at answers_path. On
   failure RK_ENOINPUT with the folders searched in the message. */
RkStatus rk_locate_questionnaire(const char *id, const char *answers_path, char *out,
                                 size_t size, RkDiag *d);

/* Call fn for each folder of the id search path that does not depend on an
   answers file: each folder of READYKIT_PATH, ./questionnaires, then the
   installed share folder (RK_SHARE_DIR). `dir` is not NUL-terminated. */
void rk_locate_each_dir(void (*fn)(const char *dir, size_t len, void *ctx), void *ctx);

/* A questionnaire named on the command line: a path (an existing file, or a
   name with a '/' or a .yaml/.yml ending) is copied as it is; otherwise an id
   looked for in ./ and then on the folders of rk_locate_each_dir. On failure
   RK_ENOINPUT naming the folders searched. */
RkStatus rk_locate_by_name(const char *name, char *out, size_t size, RkDiag *d);

#endif
