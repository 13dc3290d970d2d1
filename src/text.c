/* text: reading RkText, a plain string or one string per language. */
#include <string.h>

#include "readykit/questionnaire.h"

/* The string for lang; else for fallback; else the first one; else "". A
   plain string (language "") serves every language. */
const char *rk_text_get(const RkText *t, const char *lang, const char *fallback)
{
    if (!t || t->count == 0)
        return "";
    const char *want[2] = {lang, fallback};
    for (size_t w = 0; w < 2; w++) {
        if (!want[w])
            continue;
        for (size_t i = 0; i < t->count; i++)
            if (strcmp(t->langs[i], want[w]) == 0)
                return t->values[i];
    }
    return t->values[0] ? t->values[0] : "";
}

bool rk_text_empty(const RkText *t)
{
    if (!t)
        return true;
    for (size_t i = 0; i < t->count; i++)
        if (t->values[i] && t->values[i][0])
            return false;
    return true;
}
