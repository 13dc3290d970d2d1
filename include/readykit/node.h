/*
 * node: a YAML document as a tree of maps, sequences and scalars, each with
 * the line and column where it starts (1-based), built from libyaml events.
 *
 * Everything lives in the tree's arena and is freed by rk_node_tree_free.
 * Anchors are resolved: an alias node is the anchored node itself (shared,
 * which is why the tree is arena-owned). Depth and the number of nodes
 * reached through aliases are limited ("billion laughs").
 */
#ifndef READYKIT_NODE_H
#define READYKIT_NODE_H

#include <stdbool.h>
#include <stddef.h>

#include "readykit/arena.h"
#include "readykit/diag.h"

typedef enum RkNodeKind { RK_NODE_SCALAR, RK_NODE_SEQ, RK_NODE_MAP } RkNodeKind;

typedef struct RkNode RkNode;

typedef struct RkNodePair {
    RkNode *key;   /* always a scalar: non-scalar keys are refused */
    RkNode *value;
} RkNodePair;

struct RkNode {
    RkNodeKind kind;
    int line, column;
    /* scalar */
    const char *text;  /* UTF-8, NUL-terminated */
    size_t len;        /* bytes, may contain NULs only if the file did */
    bool plain;        /* unquoted and untagged: may be read as number/bool/null */
    /* seq: items[0..count); map: pairs[0..count) in file order */
    size_t count;
    RkNode **items;
    RkNodePair *pairs;
};

typedef struct RkNodeTree {
    RkArena *arena;
    RkNode *root;      /* NULL for an empty document */
    const char *path;  /* as given to rk_node_parse, copied */
} RkNodeTree;

/* Parse the first YAML document of data. Syntax errors, duplicate map keys,
   non-scalar keys, unknown aliases and limits give RK_EDATA with the
   position. display_path names the file in messages. *out stays NULL on error. */
RkStatus rk_node_parse(const char *data, size_t len, const char *display_path,
                       RkNodeTree **out, RkDiag *d);

/* Read the file (size cap, UTF-8 check) and parse it. */
RkStatus rk_node_load_file(const char *path, RkNodeTree **out, RkDiag *d);

void rk_node_tree_free(RkNodeTree *t); /* accepts NULL */

/* Helpers for readers of the tree. */
const RkNode *rk_node_get(const RkNode *map, const char *key); /* NULL if absent */
bool rk_node_is_null(const RkNode *n);          /* absent, ~, null, empty plain */
bool rk_node_bool(const RkNode *n, bool *out);  /* yes/no/true/false (plain) */
bool rk_node_number(const RkNode *n, double *out); /* plain scalar, finite */
const char *rk_node_kind_name(RkNodeKind k);    /* "a scalar", "a list", "a map" */

#endif
