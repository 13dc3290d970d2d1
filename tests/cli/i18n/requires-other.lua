-- requires-other.lua (tests/cli/test_i18n.sh): for two other
-- questionnaires from version 2, so rk.requires skips it on i18n-q.
rk.requires{questionnaire = {"sse-local", "sse-city"}, version = ">=2"}
return {}
