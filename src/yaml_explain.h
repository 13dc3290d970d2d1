/* yaml_explain: libyaml's parser errors in words a questionnaire author
   understands (an indentation slip, a missing '- ', a tab, an unclosed quote,
   a colon inside an unquoted text), with the position that helps most.
   Owns nothing; writes into the caller's buffer. */
#ifndef READYKIT_YAML_EXPLAIN_H
#define READYKIT_YAML_EXPLAIN_H

#include <stddef.h>
#include <yaml.h>

/* Explain the parser's error in p over the document data[0..len): a
   sentence that says what to do, then libyaml's own words in parentheses.
   *line and *column (1-based) are set to where the user should look. */
void rk_yaml_explain(const yaml_parser_t *p, const char *data, size_t len, char *out,
                     size_t size, int *line, int *column);

#endif
