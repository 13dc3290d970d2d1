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

#endif
