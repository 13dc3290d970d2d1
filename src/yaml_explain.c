/* yaml_explain: libyaml's parser errors in plain words (see yaml_explain.h). */
#include "yaml_explain.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static bool has(const char *s, const char *part)
{
    return s && strstr(s, part);
}

/* The byte offset of a mark. libyaml counts a mark's index and column in
   characters, not bytes, so after any non-ASCII text (a Portuguese or French
   label) the index is not an offset into data: walk to the mark's line, then
   over its column's UTF-8 characters. */
static size_t offset_of(const char *data, size_t len, const yaml_mark_t *m)
{
    size_t i = 0;
    for (size_t line = 0; i < len && line < m->line; i++)
        if (data[i] == '\n')
            line++;
    for (size_t c = 0; c < m->column && i < len && data[i] != '\n'; c++)
        do
            i++;
        while (i < len && ((unsigned char)data[i] & 0xC0) == 0x80);
    return i;
}

/* The byte at a mark, or 0 past the end. */
static char at(const char *data, size_t len, const yaml_mark_t *m)
{
    size_t i = offset_of(data, len, m);
    return i < len ? data[i] : '\0';
}

/* Does the mark's line hold ": " (or ":" at its end) before the mark? That
   is, is the colon at the mark the second one of a "key: value" line? */
static bool colon_before_on_line(const char *data, size_t len, const yaml_mark_t *m)
{
    size_t end = offset_of(data, len, m), start = end;
    while (start > 0 && data[start - 1] != '\n')
        start--;
    for (size_t i = start; i + 1 < end && i + 1 < len; i++)
        if (data[i] == ':' && (data[i + 1] == ' ' || data[i + 1] == '\t'))
            return true;
    return false;
}

/* Is the last non-blank character before the mark, on its line, a quote? */
static bool quote_before_on_line(const char *data, size_t len, const yaml_mark_t *m)
{
    for (size_t i = offset_of(data, len, m); i > 0; i--) {
        char c = data[i - 1];
        if (c == '\n')
            return false;
        if (c != ' ' && c != '\t')
            return c == '"' || c == '\'';
    }
    return false;
}

/* The number of '"' on the line holding byte offset i, up to end (or its
   end), and where the line starts. */
static size_t quotes_on_line(const char *data, size_t len, size_t i, size_t end,
                             size_t *start)
{
    while (i > 0 && data[i - 1] != '\n')
        i--;
    *start = i;
    size_t n = 0;
    for (; i < len && i < end && data[i] != '\n'; i++)
        n += data[i] == '"';
    return n;
}

/* A quoted text left open on the line before the mark's, closed by the first
   quote of the mark's line: libyaml then stumbles on what follows that quote.
   On a match, the open line's mark into open. */
static bool open_quote_above(const char *data, size_t len, const yaml_mark_t *m,
                             yaml_mark_t *open)
{
    size_t here = offset_of(data, len, m), start, above;
    if (quotes_on_line(data, len, here, here, &start) % 2 == 0 || start == 0)
        return false;
    size_t n = quotes_on_line(data, len, start - 1, len, &above);
    if (n % 2 == 0)
        return false;
    /* at its last quote, the one left open; columns count characters */
    size_t last = above;
    for (size_t i = above; i < start; i++)
        if (data[i] == '"')
            last = i;
    *open = (yaml_mark_t){.line = m->line - 1, .column = 0};
    for (size_t i = above; i < last; i++)
        open->column += ((unsigned char)data[i] & 0xC0) != 0x80;
    return true;
}

static const char *plain_words(const yaml_parser_t *p, const char *data, size_t len,
                               const yaml_mark_t **where, yaml_mark_t *open)
{
    const char *problem = p->problem, *context = p->context;
    const yaml_mark_t *pm = &p->problem_mark, *cm = &p->context_mark;
    *where = pm;
    if (has(problem, "tab character") || at(data, len, pm) == '\t')
        return "a tab character: YAML indents with spaces only; replace the tab with spaces";
    if (has(problem, "cannot start any token")) {
        char c = at(data, len, pm);
        if (open_quote_above(data, len, pm, open) && (*where = open))
            return "this quoted text is never closed: add the closing quote at its end";
        if (c == '@' || c == '`')
            return "a text cannot start with '@' or '`' in YAML: put the whole text in quotes";
        return "this character cannot start a value here: put the text in quotes";
    }
    if (has(problem, "mapping values are not allowed")) {
        if (colon_before_on_line(data, len, pm))
            return "a colon followed by a space inside a text that is not quoted: put the "
                   "whole text in quotes, e.g. text: \"Note: this\"";
        return "this line is indented further than the key above it, which already has a "
               "value: align it with that key, or put it under a key that ends with ':'";
    }
    if (has(problem, "unexpected end of stream") && has(context, "quoted scalar")) {
        *where = cm;
        return "this quoted text is never closed: add the closing quote at its end";
    }
    if (has(problem, "did not find expected '-' indicator"))
        return "this line is inside a list but does not start with '- ': start each item "
               "with '- ', or indent the line under the item it belongs to";
    if (has(problem, "could not find expected ':'")) {
        *where = cm;
        return "a line without 'key: value' where a key was expected: add the ':' after the "
               "key, or start the line with '- ' if it is a list item";
    }
    if (has(problem, "did not find expected key")) {
        if (quote_before_on_line(data, len, pm))
            return "text after a closing quote: put the whole text inside the quotes";
        return "this line's indentation does not match the lines above it: the keys of one "
               "map start in the same column, and a list item starts with '- '";
    }
    if (has(problem, "expected ',' or ']'")) {
        *where = cm;
        return "this list in brackets [ ] is not closed: add the ']' (or a ',' between items)";
    }
    if (has(problem, "expected ',' or '}'")) {
        *where = cm;
        return "this map in braces { } is not closed: add the '}' (or a ',' between entries)";
    }
    if (has(problem, "expected <document start>"))
        return "this line is indented less than the lines before it: start the file's "
               "top-level keys at column 1";
    if (has(problem, "found undefined tag handle") || has(problem, "tag"))
        return "a '!' tag that YAML does not know: put the text in quotes";
    return NULL;
}

void rk_yaml_explain(const yaml_parser_t *p, const char *data, size_t len, char *out,
                     size_t size, int *line, int *column)
{
    const yaml_mark_t *where;
    yaml_mark_t open;
    const char *words = plain_words(p, data, len, &where, &open);
    /* libyaml marks the end of the file for some errors; the context mark
       (where the construct began) is then the better place to look. */
    if (!words && !p->problem_mark.line && !p->problem_mark.column)
        where = &p->context_mark;
    *line = (int)where->line + 1;
    *column = (int)where->column + 1;
    const char *problem = p->problem ? p->problem : "syntax error";
    if (words)
        snprintf(out, size, "YAML syntax error: %s (libyaml: %s%s%s)", words, problem,
                 p->context ? " " : "", p->context ? p->context : "");
    else
        snprintf(out, size, "YAML syntax error: %s%s%s", problem, p->context ? " " : "",
                 p->context ? p->context : "");
}
