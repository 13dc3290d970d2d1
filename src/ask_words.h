/* ask_words: why a value typed in `readykit ask` is not an answer to its
   question, in the screen's language (en, fr, es; else English). The
   English sentences are those of the answers module, word for word.
   Static tables: nothing to own or free. */
#ifndef READYKIT_ASK_WORDS_H
#define READYKIT_ASK_WORDS_H

#include <stddef.h>

#include "readykit/questionnaire.h"

/* NULL when text is a value qn accepts (a yes/no, a choice's value, a
   number within its bounds, any text); else the reason, written into buf.
   A multi's text is one of its values. */
const char *rk_ask_why_invalid(const char *lang, const RkQuestion *qn, const char *text,
                               char *buf, size_t size);

/* "this question does not accept dont_know", in the language. */
const char *rk_ask_no_dont_know(const char *lang);

#endif
