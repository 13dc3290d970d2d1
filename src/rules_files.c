/*
 * rules_files.c: which rule files an engine loaded and whether rk.requires
 * left one out, for the summary line of 'readykit check'.
 */
#include "rules_internal.h"

size_t rk_rules_n_files(const RkRules *r)
{
    return r ? r->n_files : 0;
}

const char *rk_rules_file(const RkRules *r, size_t i, bool *skipped)
{
    if (!r || i >= r->n_files)
        return NULL;
    if (skipped)
        *skipped = r->files[i].skip;
    return r->files[i].name;
}
