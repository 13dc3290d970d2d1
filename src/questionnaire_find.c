/* questionnaire_find: lookups in a loaded questionnaire (ids, choices,
   levels, languages). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "readykit/questionnaire.h"
#include "readykit/strmap.h"

#define N(a) (sizeof a / sizeof a[0])

static int by_id(const void *a, const void *b)
{
    return strcmp((*(const RkQuestion *const *)a)->id, (*(const RkQuestion *const *)b)->id);
}

static int pillar_by_id(const void *a, const void *b)
{
    return strcmp((*(const RkPillar *const *)a)->id, (*(const RkPillar *const *)b)->id);
}

static int by_value(const void *a, const void *b)
{
    return strcmp((*(const RkChoice *const *)a)->value, (*(const RkChoice *const *)b)->value);
}

#define INDEXED_CHOICES 8 /* shorter choice lists are searched in order */

/* qn's choices sorted by value; a list shared by several questions (a
   choice list) is sorted once: seen maps its address to its index. */
static bool index_choices(RkQuestionnaire *q, RkQuestion *qn, RkStrMap *seen)
{
    size_t n = qn->n_choices;
    if (n <= INDEXED_CHOICES)
        return true;
    const char *key = (const char *)&qn->choices; /* the address's bytes */
    const RkChoice **s = rk_strmap_get(seen, key, sizeof qn->choices);
    if (!s) {
        /* n + 1: the last slot keeps the address, the key of seen */
        if (!(s = rk_arena_array(q->arena, n + 1, sizeof *s)))
            return false;
        for (size_t i = 0; i < n; i++)
            s[i] = &qn->choices[i];
        qsort(s, n, sizeof *s, by_value);
        s[n] = qn->choices;
        if (!rk_strmap_put(seen, (const char *)&s[n], sizeof s[n], s, false, NULL))
            return false;
    }
    qn->by_value = s;
    return true;
}

bool rk_questionnaire_index(RkQuestionnaire *q)
{
    const RkQuestion **s = rk_arena_array(q->arena, q->n_questions ? q->n_questions : 1,
                                          sizeof *s);
    const RkPillar **p = rk_arena_array(q->arena, q->n_pillars ? q->n_pillars : 1, sizeof *p);
    if (!s || !p)
        return false;
    for (size_t i = 0; i < q->n_questions; i++)
        s[i] = q->questions[i];
    qsort(s, q->n_questions, sizeof *s, by_id);
    q->by_id = s;
    for (size_t i = 0; i < q->n_pillars; i++)
        p[i] = &q->pillars[i];
    qsort(p, q->n_pillars, sizeof *p, pillar_by_id);
    q->pillars_by_id = p;
    RkStrMap seen;
    rk_strmap_init(&seen);
    bool ok = true;
    for (size_t i = 0; i < q->n_questions && ok; i++)
        ok = index_choices(q, (RkQuestion *)q->questions[i], &seen);
    rk_strmap_free(&seen);
    return ok;
}

/* Binary search in arr, n pointers sorted by their member field: the one
   whose field is key, or NULL, into out. */
#define BSEARCH(arr, n, field, key, out)                                    \
    do {                                                                    \
        size_t lo_ = 0, hi_ = (n);                                          \
        (out) = NULL;                                                       \
        while (lo_ < hi_) {                                                 \
            size_t mid_ = lo_ + (hi_ - lo_) / 2;                            \
            int c_ = strcmp((arr)[mid_]->field, (key));                     \
            if (c_ == 0) {                                                  \
                (out) = (arr)[mid_];                                        \
                break;                                                      \
            }                                                               \
            if (c_ < 0)                                                     \
                lo_ = mid_ + 1;                                             \
            else                                                            \
                hi_ = mid_;                                                 \
        }                                                                   \
    } while (0)

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
    const RkQuestion *found;
    BSEARCH(q->by_id, q->n_questions, id, id, found);
    return found;
}

const RkPillar *rk_questionnaire_find_pillar(const RkQuestionnaire *q, const char *id)
{
    if (!q || !id)
        return NULL;
    if (q->pillars_by_id) {
        const RkPillar *found;
        BSEARCH(q->pillars_by_id, q->n_pillars, id, id, found);
        return found;
    }
    for (size_t i = 0; i < q->n_pillars; i++)
        if (strcmp(q->pillars[i].id, id) == 0)
            return &q->pillars[i];
    return NULL;
}

const RkChoice *rk_question_find_choice(const RkQuestion *qn, const char *value)
{
    if (!qn || !value)
        return NULL;
    if (qn->by_value) {
        const RkChoice *found;
        BSEARCH(qn->by_value, qn->n_choices, value, value, found);
        return found;
    }
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
