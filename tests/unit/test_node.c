/* Unit tests for node.c: positions, anchors, limits, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "readykit/node.h"

static RkNodeTree *parse_ok(const char *text)
{
    RkDiag d;
    rk_diag_init(&d);
    RkNodeTree *t = NULL;
    RkStatus s = rk_node_parse(text, strlen(text), "t.yaml", &t, &d);
    if (s != RK_OK)
        fail_msg("unexpected error: %s", d.message);
    return t;
}

static RkDiag parse_bad(const char *text)
{
    RkDiag d;
    rk_diag_init(&d);
    RkNodeTree *t = NULL;
    RkStatus s = rk_node_parse(text, strlen(text), "t.yaml", &t, &d);
    assert_int_equal(s, RK_EDATA);
    assert_null(t);
    return d;
}

static void maps_keep_order_and_positions(void **state)
{
    (void)state;
    RkNodeTree *t = parse_ok("id: x\nlist:\n  - 1\n  - 'two'\n");
    const RkNode *r = t->root;
    assert_int_equal(r->kind, RK_NODE_MAP);
    assert_int_equal(r->count, 2);
    assert_string_equal(r->pairs[0].key->text, "id");
    const RkNode *list = rk_node_get(r, "list");
    assert_non_null(list);
    assert_int_equal(list->kind, RK_NODE_SEQ);
    assert_int_equal(list->items[1]->line, 4);
    assert_int_equal(list->items[1]->column, 5);
    assert_true(list->items[0]->plain);
    assert_false(list->items[1]->plain);
    double v;
    assert_true(rk_node_number(list->items[0], &v));
    assert_true(v == 1.0);
    assert_false(rk_node_number(list->items[1], &v)); /* quoted: a string */
    rk_node_tree_free(t);
}

static void aliases_share_the_anchored_node(void **state)
{
    (void)state;
    RkNodeTree *t = parse_ok("a: &s [x, y]\nb: *s\n");
    assert_ptr_equal(rk_node_get(t->root, "a"), rk_node_get(t->root, "b"));
    rk_node_tree_free(t);
}

static void merge_keys_fill_missing_keys(void **state)
{
    (void)state;
    RkNodeTree *t = parse_ok("base: &b {w: 1, x: 2}\nq: {<<: *b, x: 3}\n");
    const RkNode *q = rk_node_get(t->root, "q");
    assert_int_equal(q->count, 2);
    assert_string_equal(rk_node_get(q, "x")->text, "3");
    assert_string_equal(rk_node_get(q, "w")->text, "1");
    rk_node_tree_free(t);
}

static void syntax_error_has_position(void **state)
{
    (void)state;
    RkDiag d = parse_bad("a: 1\nb: [1, 2\nc: 3\n");
    assert_true(d.line >= 2);
    assert_true(d.column > 0);
    assert_non_null(strstr(d.message, "YAML syntax error"));
}

static void tab_indentation_gets_a_hint(void **state)
{
    (void)state;
    RkDiag d = parse_bad("a:\n\t- 1\n");
    assert_int_equal(d.line, 2);
    assert_non_null(strstr(d.message, "YAML indents with spaces only"));
}

static void duplicate_key_reports_second(void **state)
{
    (void)state;
    RkDiag d = parse_bad("a: 1\nb: 2\na: 3\n");
    assert_int_equal(d.line, 3);
    assert_int_equal(d.column, 1);
    assert_non_null(strstr(d.message, "duplicate key 'a'"));
}

static void unknown_alias_is_refused(void **state)
{
    (void)state;
    RkDiag d = parse_bad("a: *nope\n");
    assert_int_equal(d.line, 1);
    assert_non_null(strstr(d.message, "unknown alias"));
}

static void billion_laughs_is_stopped(void **state)
{
    (void)state;
    char doc[2048] = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; c++) {
        char line[128];
        snprintf(line, sizeof line, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n",
                 c, c, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
        strcat(doc, line);
    }
    RkDiag d = parse_bad(doc);
    assert_non_null(strstr(d.message, "aliases expand"));
}

static void deep_nesting_is_stopped(void **state)
{
    (void)state;
    char doc[512];
    memset(doc, '[', 200);
    doc[200] = '\0';
    RkDiag d = parse_bad(doc);
    assert_non_null(strstr(d.message, "nesting"));
}

static void second_document_is_refused(void **state)
{
    (void)state;
    RkDiag d = parse_bad("a: 1\n---\nb: 2\n");
    assert_int_equal(d.line, 2);
    assert_non_null(strstr(d.message, "a second YAML document"));
    RkNodeTree *t = parse_ok("---\na: 1\n...\n");
    assert_non_null(rk_node_get(t->root, "a"));
    rk_node_tree_free(t);
}

static void non_utf8_file_is_refused(void **state)
{
    (void)state;
    char path[] = "/tmp/rk_node_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char bytes[] = "a: 1\nb: caf\xe9\n";
    assert_int_equal(write(fd, bytes, sizeof bytes - 1), (ssize_t)(sizeof bytes - 1));
    close(fd);
    RkDiag d;
    rk_diag_init(&d);
    RkNodeTree *t = NULL;
    assert_int_equal(rk_node_load_file(path, &t, &d), RK_EDATA);
    assert_int_equal(d.line, 2);
    assert_int_equal(d.column, 7);
    assert_non_null(strstr(d.message, "UTF-8"));
    unlink(path);
}

static void missing_file_is_no_input(void **state)
{
    (void)state;
    RkDiag d;
    rk_diag_init(&d);
    RkNodeTree *t = NULL;
    assert_int_equal(rk_node_load_file("/nonexistent/x.yaml", &t, &d), RK_ENOINPUT);
    assert_null(t);
}

static void scalars_read_as_bool_and_null(void **state)
{
    (void)state;
    RkNodeTree *t = parse_ok("a: yes\nb: 'yes'\nc: ~\nd:\n");
    bool v = false;
    assert_true(rk_node_bool(rk_node_get(t->root, "a"), &v) && v);
    assert_false(rk_node_bool(rk_node_get(t->root, "b"), &v));
    assert_true(rk_node_is_null(rk_node_get(t->root, "c")));
    assert_true(rk_node_is_null(rk_node_get(t->root, "d")));
    rk_node_tree_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(maps_keep_order_and_positions),
        cmocka_unit_test(aliases_share_the_anchored_node),
        cmocka_unit_test(merge_keys_fill_missing_keys),
        cmocka_unit_test(syntax_error_has_position),
        cmocka_unit_test(tab_indentation_gets_a_hint),
        cmocka_unit_test(duplicate_key_reports_second),
        cmocka_unit_test(unknown_alias_is_refused),
        cmocka_unit_test(billion_laughs_is_stopped),
        cmocka_unit_test(deep_nesting_is_stopped),
        cmocka_unit_test(second_document_is_refused),
        cmocka_unit_test(non_utf8_file_is_refused),
        cmocka_unit_test(missing_file_is_no_input),
        cmocka_unit_test(scalars_read_as_bool_and_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
