/* questionnaire_find: lookups in a loaded questionnaire (ids, choices,
   levels, languages). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "readykit/questionnaire.h"

#define N(a) (sizeof a / sizeof a[0])

static int by_id(const void *a, const void *b)
{
    return strcmp((*(const RkQuestion *const *)a)->id, (*(const RkQuestion *const *)b)->id);
}

bool rk_questionnaire_index(RkQuestionnaire *q)
{
    const RkQuestion **s = rk_arena_array(q->arena, q->n_questions ? q->n_questions : 1,
                                          sizeof *s);
    if (!s)
        return false;
    for (size_t i = 0; i < q->n_questions; i++)
        s[i] = q->questions[i];
    qsort(s, q->n_questions, sizeof *s, by_id);
    q->by_id = s;
    return true;
}

/* A question by id: binary search in the index built at load (rules look
   questions up by id thousands of times per answers file), else linear. */
const RkQuestion *rk_questionnaire_find(const RkQuestionnaire *q, const char *id)
{
    if (!q || !id)
        return NULL;
    if (!q->by_id) {
        for (size_t i = 0; i < q->n_questions; i++)
            if (strcmp(q->questions[i]->id, id) == 0)
                return q->questions[i];
        return NULL;
    }
    size_t lo = 0, hi = q->n_questions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(q->by_id[mid]->id, id);
        if (c == 0)
            return q->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const RkPillar *rk_questionnaire_find_pillar(const RkQuestionnaire *q, const char *id)
{
    if (!q || !id)
        return NULL;
    for (size_t i = 0; i < q->n_pillars; i++)
        if (strcmp(q->pillars[i].id, id) == 0)
            return &q->pillars[i];
    return NULL;
}

const RkChoice *rk_question_find_choice(const RkQuestion *qn, const char *value)
{
    if (!qn || !value)
        return NULL;
    for (size_t i = 0; i < qn->n_choices; i++)
        if (strcmp(qn->choices[i].value, value) == 0)
            return &qn->choices[i];
    return NULL;
}

int rk_version_compare(const char *a, const char *b)
{
    while (*a || *b) {
        size_t la = strcspn(a, ".-+"), lb = strcspn(b, ".-+");
        bool na = la && strspn(a, "0123456789") == la, nb = lb && strspn(b, "0123456789") == lb;
        int c;
        if (na && nb) {
            while (la > 1 && *a == '0')
                a++, la--;
            while (lb > 1 && *b == '0')
                b++, lb--;
            c = la != lb ? (la < lb ? -1 : 1) : strncmp(a, b, la);
        } else {
            c = strncmp(a, b, la < lb ? la : lb);
            if (c == 0 && la != lb)
                c = la < lb ? -1 : 1;
        }
        if (c)
            return c;
        a += la + (a[la] != '\0');
        b += lb + (b[lb] != '\0');
    }
    return 0;
}

bool rk_questionnaire_is_retired(const RkQuestionnaire *q, const char *id)
{
    for (size_t i = 0; q && id && i < q->n_retired; i++)
        if (strcmp(q->retired[i], id) == 0)
            return true;
    return false;
}

size_t rk_questionnaire_level_for(const RkQuestionnaire *q, double score)
{
    size_t best = 0;
    for (size_t i = 0; q && i < q->n_levels; i++)
        if (q->levels[i].min <= score)
            best = i;
    return best;
}

/* wanted if declared; "fr-CA" or "fr_CA.UTF-8" fall back to a declared "fr";
   else the fallback language. */
const char *rk_questionnaire_lang(const RkQuestionnaire *q, const char *wanted)
{
    if (!q || q->n_languages == 0)
        return "en";
    if (wanted && *wanted) {
        /* Language tags are case-insensitive (BCP 47): FR is fr. */
        for (size_t i = 0; i < q->n_languages; i++)
            if (strcasecmp(q->languages[i], wanted) == 0)
                return q->languages[i];
        size_t n = strcspn(wanted, "-_.@");
        for (size_t i = 0; i < q->n_languages; i++)
            if (strlen(q->languages[i]) == n && strncasecmp(q->languages[i], wanted, n) == 0)
                return q->languages[i];
    }
    return q->languages[0];
}

bool rk_questionnaire_speaks(const RkQuestionnaire *q, const char *wanted)
{
    if (!q || !wanted || !*wanted)
        return false;
    const char *got = rk_questionnaire_lang(q, wanted);
    size_t n = strlen(got);
    return strncasecmp(got, wanted, n) == 0 && (!wanted[n] || strchr("-_.@", wanted[n]));
}

static const char *const type_names[] = {"yes_no", "scale", "choice", "multi", "number", "text"};

const char *rk_question_type_name(RkQuestionType t)
{
    return (unsigned)t < N(type_names) ? type_names[t] : "unknown";
}
