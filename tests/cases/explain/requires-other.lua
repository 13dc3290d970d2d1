-- requires-other.lua (tests/cli/test_explain.sh): written for sse-local
-- only, so rk.requires skips it on tiny.
rk.requires{questionnaire = "sse-local"}
return {
  question = function (q, a, s) return {points = 0} end,
}
