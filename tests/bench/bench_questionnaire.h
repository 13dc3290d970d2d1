/* bench_questionnaire.h: the header shared by the benchmarks' generated
   questionnaires (metadata, levels, a 0-4 maturity list), so the loader
   and rules benchmarks measure the same kind of file. */
#ifndef READYKIT_BENCH_QUESTIONNAIRE_H
#define READYKIT_BENCH_QUESTIONNAIRE_H

#include <stdio.h>

/* Everything up to and including "pillars:\n". */
static void bench_write_prelude(FILE *f)
{
    fprintf(f, "id: bench\nversion: 1.0.0\ntitle: {en: Benchmark, fr: Banc d'essai}\n"
               "languages: [en, fr]\nlevels:\n"
               "  - {id: low, min: 0, name: {en: Low, fr: Bas}}\n"
               "  - {id: mid, min: 40, name: {en: Middle, fr: Moyen}}\n"
               "  - {id: high, min: 75, name: {en: High, fr: Haut}}\n"
               "choice_lists:\n  maturity:\n");
    for (int s = 0; s <= 4; s++)
        fprintf(f, "    - {value: \"%d\", label: {en: Step %d, fr: Etape %d}, points: %d}\n",
                s, s, s, s);
    fprintf(f, "pillars:\n");
}

#endif
