/* TEMPORARY (pdf branch only): lets build/readykit link while rk_text_get and
   rk_result_confidence live on other branches. Delete at merge, together with
   tests/unit/fixture_stubs.h (weak definitions: the real ones win anyway). */
#define RK_TEST_STUBS 1
#include "../tests/unit/fixture_stubs.h"
