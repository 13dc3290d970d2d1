/*
 * node: libyaml's event stream folded into an RkNode tree.
 *
 * Containers being built sit on an explicit stack, each collecting its
 * children in a malloc'd vector that is copied into the arena when the
 * container ends (so the arena holds exactly-sized arrays). Anchors are
 * kept in a hash table by name and merges check keys through one, so that
 * loading stays linear in the size of the file. Anchors are
 * registered when their node is complete; an alias is the anchored node
 * itself. Limits: nesting depth, and the number of nodes reachable through
 * aliases (against "billion laughs").
 */
#include "readykit/node.h"
#include "readykit/safetext.h"
#include "readykit/strmap.h"

#include "yaml_explain.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>


#define MAX_DEPTH 64
#define MAX_ALIAS_NODES 100000u

typedef struct Frame {
    RkNode *node;
    void **children;     /* RkNode* for seq; alternating key, value for map */
    size_t n, cap;
    size_t weight;       /* nodes in this subtree so far */
    const char *anchor;  /* arena copy, or NULL */
} Frame;

typedef struct Anchor {
    const char *name;
    RkNode *node;
    size_t weight;
} Anchor;

typedef struct Builder {
    RkNodeTree *tree;
    const char *path;
    RkDiag *d;
    Frame stack[MAX_DEPTH + 1];
    size_t depth;
    RkStrMap anchors;    /* name -> Anchor (in the arena) */
    size_t alias_nodes;
} Builder;

static RkStatus oom(Builder *b)
{
    return rk_diag_set(b->d, RK_EINTERNAL, b->path, 0, 0, "out of memory");
}

static RkNode *new_node(Builder *b, RkNodeKind kind, yaml_mark_t mark)
{
    RkNode *n = rk_arena_alloc(b->tree->arena, sizeof *n);
    if (n) {
        n->kind = kind;
        n->line = (int)mark.line + 1;
        n->column = (int)mark.column + 1;
    }
    return n;
}

static bool push_child(Frame *f, void *child)
{
    if (f->n == f->cap) {
        size_t ncap = f->cap ? f->cap * 2 : 8;
        void **c = realloc(f->children, ncap * sizeof *c);
        if (!c)
            return false;
        f->children = c;
        f->cap = ncap;
    }
    f->children[f->n++] = child;
    return true;
}

static Anchor *find_anchor(Builder *b, const char *name)
{
    return rk_strmap_get(&b->anchors, name, strlen(name));
}

/* Record an anchor; a later definition of the same name replaces the
   earlier one, as YAML says. */
static bool add_anchor(Builder *b, const char *name, RkNode *n, size_t weight)
{
    if (!name) /* its copy failed: out of memory, never a NULL name */
        return false;
    Anchor *a = rk_arena_alloc(b->tree->arena, sizeof *a);
    if (!a)
        return false;
    *a = (Anchor){name, n, weight};
    return rk_strmap_put(&b->anchors, name, strlen(name), a, true, NULL);
}

/* Attach a finished node to the open container (or make it the root). */
static RkStatus attach(Builder *b, RkNode *n, size_t weight)
{
    if (b->depth == 0) {
        b->tree->root = n;
        return RK_OK;
    }
    Frame *f = &b->stack[b->depth - 1];
    if (f->node->kind == RK_NODE_MAP && f->n % 2 == 0 && n->kind != RK_NODE_SCALAR)
        return rk_diag_set(b->d, RK_EDATA, b->path, n->line, n->column,
                           "expected a plain key, found %s", rk_node_kind_name(n->kind));
    if (!push_child(f, n))
        return oom(b);
    f->weight += weight;
    return RK_OK;
}

static bool same_key(const RkNode *a, const RkNode *b)
{
    return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

static int cmp_key_ptr(const void *x, const void *y)
{
    const RkNodePair *a = *(RkNodePair *const *)x, *b = *(RkNodePair *const *)y;
    size_t n = a->key->len < b->key->len ? a->key->len : b->key->len;
    int c = memcmp(a->key->text, b->key->text, n);
    if (c)
        return c;
    if (a->key->len != b->key->len)
        return a->key->len < b->key->len ? -1 : 1;
    /* Same key: the later one in the file sorts last, to be reported. */
    return a < b ? -1 : (a > b);
}

/* Refuse a map key seen twice; the second occurrence is reported. */
static RkStatus check_duplicates(Builder *b, RkNode *map)
{
    size_t n = map->count;
    if (n < 32) {
        for (size_t i = 1; i < n; i++)
            for (size_t j = 0; j < i; j++)
                if (same_key(map->pairs[i].key, map->pairs[j].key)) {
                    const RkNode *k = map->pairs[i].key;
                    return rk_diag_set(b->d, RK_EDATA, b->path, k->line, k->column,
                                       "duplicate key '%s' (first at line %d)",
                                       k->text, map->pairs[j].key->line);
                }
        return RK_OK;
    }
    RkNodePair **v = malloc(n * sizeof *v);
    if (!v)
        return oom(b);
    for (size_t i = 0; i < n; i++)
        v[i] = &map->pairs[i];
    qsort(v, n, sizeof *v, cmp_key_ptr);
    RkStatus s = RK_OK;
    for (size_t i = 1; i < n && s == RK_OK; i++)
        if (same_key(v[i]->key, v[i - 1]->key))
            s = rk_diag_set(b->d, RK_EDATA, b->path, v[i]->key->line,
                            v[i]->key->column, "duplicate key '%s' (first at line %d)",
                            v[i]->key->text, v[i - 1]->key->line);
    free(v);
    return s;
}

static bool is_merge_key(const RkNode *k)
{
    return k->plain && k->len == 2 && memcmp(k->text, "<<", 2) == 0;
}

/* YAML merge keys: "<<: *base" (or a list of maps) adds the pairs of the
   merged maps whose keys the map does not set itself. */
static RkStatus apply_merges(Builder *b, RkNode *map)
{
    size_t extra = 0;
    bool any = false;
    for (size_t i = 0; i < map->count; i++) {
        const RkNode *v = map->pairs[i].value;
        if (!is_merge_key(map->pairs[i].key))
            continue;
        any = true;
        if (v->kind == RK_NODE_MAP) {
            extra += v->count;
        } else if (v->kind == RK_NODE_SEQ) {
            for (size_t j = 0; j < v->count; j++) {
                if (v->items[j]->kind != RK_NODE_MAP)
                    return rk_diag_set(b->d, RK_EDATA, b->path, v->items[j]->line,
                                       v->items[j]->column, "a merge key '<<' expects maps");
                extra += v->items[j]->count;
            }
        } else {
            return rk_diag_set(b->d, RK_EDATA, b->path, v->line, v->column,
                               "a merge key '<<' expects a map or a list of maps");
        }
    }
    if (!any)
        return RK_OK;
    RkNodePair *pairs = rk_arena_array(b->tree->arena, map->count + extra, sizeof *pairs);
    if (!pairs)
        return oom(b);
    /* The keys set so far, hashed: each merged pair costs one look-up. */
    RkStrMap seen;
    rk_strmap_init(&seen);
    size_t n = 0;
    bool mem = true;
    for (size_t i = 0; i < map->count && mem; i++)
        if (!is_merge_key(map->pairs[i].key)) {
            pairs[n] = map->pairs[i];
            mem = rk_strmap_put(&seen, pairs[n].key->text, pairs[n].key->len, &pairs[n], false,
                                NULL);
            n++;
        }
    for (size_t i = 0; i < map->count && mem; i++) {
        const RkNode *v = map->pairs[i].value;
        if (!is_merge_key(map->pairs[i].key))
            continue;
        size_t nsrc = v->kind == RK_NODE_MAP ? 1 : v->count;
        for (size_t s = 0; s < nsrc && mem; s++) {
            const RkNode *src = v->kind == RK_NODE_MAP ? v : v->items[s];
            for (size_t j = 0; j < src->count && mem; j++) {
                void *had = NULL;
                const RkNode *k = src->pairs[j].key;
                mem = rk_strmap_put(&seen, k->text, k->len, &pairs[n], false, &had);
                if (mem && !had)
                    pairs[n++] = src->pairs[j];
            }
        }
    }
    rk_strmap_free(&seen);
    if (!mem)
        return oom(b);
    map->pairs = pairs;
    map->count = n;
    return RK_OK;
}

static RkStatus open_container(Builder *b, RkNodeKind kind, yaml_mark_t mark,
                               const yaml_char_t *anchor)
{
    RkNode *n = new_node(b, kind, mark);
    if (!n)
        return oom(b);
    if (b->depth >= MAX_DEPTH)
        return rk_diag_set(b->d, RK_EDATA, b->path, n->line, n->column,
                           "nesting deeper than %d levels", MAX_DEPTH);
    Frame *f = &b->stack[b->depth++];
    memset(f, 0, sizeof *f);
    f->node = n;
    f->weight = 1;
    if (anchor && !(f->anchor = rk_arena_strdup(b->tree->arena, (const char *)anchor)))
        return oom(b);
    return RK_OK;
}

static RkStatus close_container(Builder *b)
{
    Frame *f = &b->stack[--b->depth];
    RkNode *n = f->node;
    RkStatus s = RK_OK;
    if (n->kind == RK_NODE_SEQ) {
        n->count = f->n;
        n->items = rk_arena_array(b->tree->arena, f->n ? f->n : 1, sizeof *n->items);
        if (!n->items)
            s = oom(b);
        else
            for (size_t i = 0; i < f->n; i++)
                n->items[i] = f->children[i];
    } else {
        n->count = f->n / 2;
        n->pairs = rk_arena_array(b->tree->arena, n->count ? n->count : 1, sizeof *n->pairs);
        if (!n->pairs)
            s = oom(b);
        else
            for (size_t i = 0; i < n->count; i++)
                n->pairs[i] = (RkNodePair){f->children[2 * i], f->children[2 * i + 1]};
        if (s == RK_OK)
            s = check_duplicates(b, n);
        if (s == RK_OK)
            s = apply_merges(b, n);
    }
    free(f->children);
    f->children = NULL;
    if (s == RK_OK && f->anchor && !add_anchor(b, f->anchor, n, f->weight))
        s = oom(b);
    if (s == RK_OK)
        s = attach(b, n, f->weight);
    return s;
}

static RkStatus on_scalar(Builder *b, const yaml_event_t *ev)
{
    int bad = rk_control_in((const char *)ev->data.scalar.value, ev->data.scalar.length);
    if (bad >= 0)
        return rk_diag_set(b->d, RK_EDATA, b->path, (int)ev->start_mark.line + 1,
                           (int)ev->start_mark.column + 1,
                           bad == 0 ? "this string holds a NUL character (\\0), which no text "
                                      "may hold: remove it"
                                    : "this string holds a control character (\\x%02x), which "
                                      "can only garble a terminal: remove it", (unsigned)bad);
    RkNode *n = new_node(b, RK_NODE_SCALAR, ev->start_mark);
    if (!n)
        return oom(b);
    n->len = ev->data.scalar.length;
    n->text = rk_arena_strndup(b->tree->arena, (const char *)ev->data.scalar.value, n->len);
    if (!n->text)
        return oom(b);
    n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
               ev->data.scalar.plain_implicit;
    if (ev->data.scalar.anchor &&
        !add_anchor(b, rk_arena_strdup(b->tree->arena, (const char *)ev->data.scalar.anchor), n, 1))
        return oom(b);
    return attach(b, n, 1);
}

static RkStatus on_alias(Builder *b, const yaml_event_t *ev)
{
    const char *name = (const char *)ev->data.alias.anchor;
    Anchor *a = find_anchor(b, name);
    int line = (int)ev->start_mark.line + 1, col = (int)ev->start_mark.column + 1;
    if (!a) {
        for (size_t i = 0; i < b->depth; i++)
            if (b->stack[i].anchor && strcmp(b->stack[i].anchor, name) == 0)
                return rk_diag_set(b->d, RK_EDATA, b->path, line, col,
                                   "alias '*%s' refers to a node that contains it", name);
        return rk_diag_set(b->d, RK_EDATA, b->path, line, col,
                           "unknown alias '*%s' (anchors are defined with '&%s' before use)",
                           name, name);
    }
    b->alias_nodes += a->weight;
    if (b->alias_nodes > MAX_ALIAS_NODES)
        return rk_diag_set(b->d, RK_EDATA, b->path, line, col,
                           "aliases expand to more than %u nodes", MAX_ALIAS_NODES);
    return attach(b, a->node, a->weight);
}

static RkStatus parser_error(Builder *b, const yaml_parser_t *p, const char *data, size_t len)
{
    char message[600];
    int line, column;
    rk_yaml_explain(p, data, len, message, sizeof message, &line, &column);
    return rk_diag_set(b->d, RK_EDATA, b->path, line, column, "%s", message);
}

RkStatus rk_node_parse(const char *data, size_t len, const char *display_path,
                       RkNodeTree **out, RkDiag *d)
{
    *out = NULL;
    Builder b = {.path = display_path, .d = d};
    RkArena *arena = rk_arena_new();
    if (!arena)
        return rk_diag_set(d, RK_EINTERNAL, display_path, 0, 0, "out of memory");
    b.tree = rk_arena_alloc(arena, sizeof *b.tree);
    if (!b.tree) {
        rk_arena_free(arena);
        return rk_diag_set(d, RK_EINTERNAL, display_path, 0, 0, "out of memory");
    }
    b.tree->arena = arena;
    b.tree->path = rk_arena_strdup(arena, display_path);
    b.path = b.tree->path ? b.tree->path : display_path;

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        rk_arena_free(arena);
        return rk_diag_set(d, RK_EINTERNAL, display_path, 0, 0, "out of memory");
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    RkStatus s = RK_OK;
    bool done = false;
    while (s == RK_OK && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            s = parser_error(&b, &parser, data, len);
            break;
        }
        switch (ev.type) {
        case YAML_MAPPING_START_EVENT:
            s = open_container(&b, RK_NODE_MAP, ev.start_mark, ev.data.mapping_start.anchor);
            break;
        case YAML_SEQUENCE_START_EVENT:
            s = open_container(&b, RK_NODE_SEQ, ev.start_mark, ev.data.sequence_start.anchor);
            break;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
            s = close_container(&b);
            break;
        case YAML_SCALAR_EVENT:
            s = on_scalar(&b, &ev);
            break;
        case YAML_ALIAS_EVENT:
            s = on_alias(&b, &ev);
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (b.tree->root || b.depth) /* a file holds one document */
                s = rk_diag_set(d, RK_EDATA, b.path, (int)ev.start_mark.line + 1,
                                (int)ev.start_mark.column + 1,
                                "a second YAML document starts here: a file holds one "
                                "document (remove this '---' and what follows, or merge "
                                "the two)");
            break;
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    for (size_t i = 0; i < b.depth; i++)
        free(b.stack[i].children);
    rk_strmap_free(&b.anchors);
    if (s != RK_OK) {
        rk_arena_free(arena);
        return s;
    }
    *out = b.tree;
    return RK_OK;
}

void rk_node_tree_free(RkNodeTree *t)
{
    if (t)
        rk_arena_free(t->arena);
}
