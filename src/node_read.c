/*
 * node_read: loading a YAML file into a node tree (size cap, UTF-8 check)
 * and the small readers the loaders use on the tree. Parsing proper is in
 * node.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "readykit/fileio.h"
#include "readykit/node.h"

/* Line and column (1-based, columns in characters) of a byte offset. */
static void position_of(const char *data, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off; i++) {
        if (data[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

RkStatus rk_node_load_file(const char *path, RkNodeTree **out, RkDiag *d)
{
    *out = NULL;
    char *data;
    size_t len;
    RkStatus s = rk_file_read(path, 0, &data, &len, d);
    if (s != RK_OK)
        return s;
    size_t bad;
    /* UTF-16 and UTF-32 files start with a BOM or NUL bytes: refuse plainly. */
    if (!rk_utf8_valid(data, len, &bad) || memchr(data, '\0', len)) {
        if (memchr(data, '\0', len) && rk_utf8_valid(data, len, &bad))
            bad = (size_t)((char *)memchr(data, '\0', len) - data);
        int line, col;
        position_of(data, bad, &line, &col);
        unsigned byte = bad < len ? (unsigned char)data[bad] : 0u;
        free(data);
        return rk_diag_set(d, RK_EDATA, path, line, col,
                           "not valid UTF-8 text (byte 0x%02x); save the file as UTF-8", byte);
    }
    s = rk_node_parse(data, len, path, out, d);
    free(data);
    return s;
}

const RkNode *rk_node_get(const RkNode *map, const char *key)
{
    if (!map || map->kind != RK_NODE_MAP)
        return NULL;
    size_t klen = strlen(key);
    for (size_t i = 0; i < map->count; i++)
        if (map->pairs[i].key->len == klen && memcmp(map->pairs[i].key->text, key, klen) == 0)
            return map->pairs[i].value;
    return NULL;
}

bool rk_node_is_null(const RkNode *n)
{
    if (!n)
        return true;
    if (n->kind != RK_NODE_SCALAR || !n->plain)
        return false;
    return n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
           strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0;
}

bool rk_node_bool(const RkNode *n, bool *out)
{
    static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
    static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
    if (!n || n->kind != RK_NODE_SCALAR || !n->plain)
        return false;
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcmp(n->text, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcmp(n->text, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

bool rk_node_number(const RkNode *n, double *out)
{
    if (!n || n->kind != RK_NODE_SCALAR || !n->plain || n->len == 0)
        return false;
    const char *s = n->text;
    /* Digits, sign, point, exponent, and '_' separators as YAML 1.1 allows. */
    char buf[64];
    size_t k = 0;
    for (size_t i = 0; i < n->len; i++) {
        char c = s[i];
        if (c == '_')
            continue;
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
            return false;
        if (k + 1 >= sizeof buf)
            return false;
        buf[k++] = c;
    }
    buf[k] = '\0';
    char *end;
    double v = strtod(buf, &end);
    if (end == buf || *end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

const char *rk_node_kind_name(RkNodeKind k)
{
    switch (k) {
    case RK_NODE_SCALAR: return "a scalar";
    case RK_NODE_SEQ: return "a list";
    case RK_NODE_MAP: return "a map";
    }
    return "a node";
}
