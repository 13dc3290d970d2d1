/* Unit tests for linear-time loading: the string map (strmap.c); node.c's
   anchors and merges on many keys keeping YAML's meaning (the latest anchor
   of a name wins; a map's own keys win over merged ones, and earlier merged
   maps over later ones); the questionnaire's indexes of choices and
   pillars. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "readykit/fileio.h"
#include "readykit/node.h"
#include "readykit/questionnaire.h"
#include "readykit/strmap.h"

static RkNodeTree *parse_ok(const char *text, size_t len)
{
    RkDiag d;
    rk_diag_init(&d);
    RkNodeTree *t = NULL;
    if (rk_node_parse(text, len, "t.yaml", &t, &d) != RK_OK)
        fail_msg("unexpected error: %s", d.message);
    return t;
}

static void strmap_stores_finds_and_replaces(void **state)
{
    (void)state;
    enum { N = 50000 };
    static char keys[N][16];
    RkStrMap m;
    rk_strmap_init(&m);
    assert_null(rk_strmap_get(&m, "x", 1));
    for (size_t i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "k%zu", i);
        void *old = &m;
        assert_true(rk_strmap_put(&m, keys[i], strlen(keys[i]), &keys[i], false, &old));
        assert_null(old);
    }
    assert_int_equal(m.n, N);
    for (size_t i = 0; i < N; i++)
        assert_ptr_equal(rk_strmap_get(&m, keys[i], strlen(keys[i])), &keys[i]);
    assert_null(rk_strmap_get(&m, "k50000", 6));
    assert_null(rk_strmap_get(&m, "k1", 1)); /* a prefix is another key */
    /* keep (replace false) and replace (true), each telling the old value */
    void *old = NULL;
    assert_true(rk_strmap_put(&m, "k7", 2, keys[0], false, &old));
    assert_ptr_equal(old, &keys[7]);
    assert_ptr_equal(rk_strmap_get(&m, "k7", 2), &keys[7]);
    assert_true(rk_strmap_put(&m, "k7", 2, keys[0], true, &old));
    assert_ptr_equal(old, &keys[7]);
    assert_ptr_equal(rk_strmap_get(&m, "k7", 2), keys[0]);
    assert_int_equal(m.n, N);
    /* keys with NUL bytes are compared by length */
    assert_true(rk_strmap_put(&m, "a\0b", 3, keys[1], false, NULL));
    assert_null(rk_strmap_get(&m, "a\0c", 3));
    assert_ptr_equal(rk_strmap_get(&m, "a\0b", 3), keys[1]);
    rk_strmap_free(&m);
    assert_int_equal(m.n, 0);
    assert_null(rk_strmap_get(&m, "k7", 2));
}

/* 20,000 anchors, 20,000 aliases to them (oldest first), one name defined
   twice: every alias is its anchored node, the later definition wins. */
static void many_anchors_resolve_to_their_nodes(void **state)
{
    (void)state;
    enum { N = 20000 };
    RkBuf b;
    rk_buf_init(&b);
    rk_buf_printf(&b, "defs:\n");
    for (int i = 0; i < N; i++)
        rk_buf_printf(&b, "  - &a%d v%d\n", i, i);
    rk_buf_printf(&b, "  - &a5 again\nuses:\n");
    for (int i = 0; i < N; i++)
        rk_buf_printf(&b, "  - *a%d\n", i);
    RkNodeTree *t = parse_ok(b.data, b.len);
    const RkNode *defs = rk_node_get(t->root, "defs"), *uses = rk_node_get(t->root, "uses");
    assert_int_equal(uses->count, N);
    for (int i = 0; i < N; i++)
        if (i != 5)
            assert_ptr_equal(uses->items[i], defs->items[i]);
    assert_ptr_equal(uses->items[5], defs->items[N]);
    assert_string_equal(uses->items[5]->text, "again");
    assert_string_equal(uses->items[N - 1]->text, "v19999");
    rk_node_tree_free(t);
    rk_buf_free(&b);
}

/* A map of 30,000 own keys merging a list of three maps of 20,000 keys
   each, overlapping: own keys win, then the first map that sets a key;
   the order is own keys first, then merged keys as first met. */
static void large_merges_keep_yaml_meaning(void **state)
{
    (void)state;
    enum { N = 20000 };
    RkBuf b;
    rk_buf_init(&b);
    rk_buf_printf(&b, "m:\n  <<:\n");
    for (int s = 0; s < 3; s++) {
        rk_buf_printf(&b, "    - {");
        for (int i = 0; i < N; i++) /* map s holds keys s*N/2 .. s*N/2+N-1 */
            rk_buf_printf(&b, "%sk%d: m%d", i ? ", " : "", s * N / 2 + i, s);
        rk_buf_printf(&b, "}\n");
    }
    for (int i = 0; i < 3 * N / 2; i += 1)
        if (i % 2 == 0)
            rk_buf_printf(&b, "  k%d: own\n", i);
    RkNodeTree *t = parse_ok(b.data, b.len);
    const RkNode *m = rk_node_get(t->root, "m");
    assert_int_equal(m->count, 2 * N); /* keys k0 .. k(2N-1) */
    assert_string_equal(m->pairs[0].key->text, "k0");
    assert_string_equal(m->pairs[3 * N / 4].key->text, "k1");
    static bool seen[2 * N];
    for (size_t p = 0; p < m->count; p++) {
        int i = atoi(m->pairs[p].key->text + 1);
        assert_true(i >= 0 && i < 2 * N && !seen[i]);
        seen[i] = true;
        const char *want = i < 3 * N / 2 && i % 2 == 0 ? "own"
                           : i < N                     ? "m0"
                           : i < 3 * N / 2             ? "m1"
                                                       : "m2";
        if (strcmp(m->pairs[p].value->text, want) != 0)
            fail_msg("%s is %s, wanted %s", m->pairs[p].key->text, m->pairs[p].value->text, want);
    }
    rk_node_tree_free(t);
    rk_buf_free(&b);
}

/* The indexes built at load: choices by value (a shared list sorted once),
   pillars by id; every one found, nothing else. */
static void questionnaire_lookups_use_indexes(void **state)
{
    (void)state;
    enum { CHOICES = 30, PILLARS = 40 };
    RkBuf b;
    rk_buf_init(&b);
    rk_buf_printf(&b, "id: ix\nversion: 1.0.0\ntitle: T\nlevels:\n  - {min: 0, name: L}\n"
                      "choice_lists:\n  big:\n");
    for (int i = CHOICES; i-- > 0;) /* in reverse: the index must sort them */
        rk_buf_printf(&b, "    - {value: v%02d, label: V, points: %d}\n", i, i % 3);
    rk_buf_printf(&b, "pillars:\n");
    for (int p = PILLARS; p-- > 0;)
        rk_buf_printf(&b, "  - {id: p%02d, title: P, questions: [{id: q%02d, type: choice, "
                          "text: Q, choices: big}]}\n", p, p);
    RkDiag d;
    rk_diag_init(&d);
    RkQuestionnaire *q = NULL;
    if (rk_questionnaire_parse(b.data, b.len, "ix.yaml", &q, &d) != RK_OK)
        fail_msg("unexpected error: %s", d.message);
    const RkQuestion *q0 = rk_questionnaire_find(q, "q00"), *q9 = rk_questionnaire_find(q, "q39");
    assert_non_null(q0);
    assert_non_null(q9);
    assert_non_null(q0->by_value);
    assert_ptr_equal(q0->by_value, q9->by_value); /* one index for the shared list */
    char key[16];
    for (int i = 0; i < CHOICES; i++) {
        snprintf(key, sizeof key, "v%02d", i);
        const RkChoice *c = rk_question_find_choice(q9, key);
        assert_non_null(c);
        assert_string_equal(c->value, key);
        assert_true(c->points == i % 3);
    }
    assert_null(rk_question_find_choice(q0, "v30"));
    assert_null(rk_question_find_choice(q0, "v0"));
    for (int p = 0; p < PILLARS; p++) {
        snprintf(key, sizeof key, "p%02d", p);
        const RkPillar *pl = rk_questionnaire_find_pillar(q, key);
        assert_non_null(pl);
        assert_string_equal(pl->id, key);
    }
    assert_null(rk_questionnaire_find_pillar(q, "p40"));
    rk_questionnaire_free(q);
    rk_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strmap_stores_finds_and_replaces),
        cmocka_unit_test(many_anchors_resolve_to_their_nodes),
        cmocka_unit_test(large_merges_keep_yaml_meaning),
        cmocka_unit_test(questionnaire_lookups_use_indexes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
