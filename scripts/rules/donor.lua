-- donor.lua: a development-finance donor's view of sse-national (the
-- analyst's example of scripts/README.md §4.8):
--  * finance counts double in the overall score;
--  * without an SSE framework law in force, the overall level is at most
--    Emerging, whatever the score;
--  * an indicator: the entities the public SSE fund reached;
--  * a finding where a fund exists but nobody reports whom it reached.
-- Written for sse-national 2.x: on any other questionnaire it is skipped
-- with a warning, and scoring goes on.
rk.requires{questionnaire = "sse-national", version = ">=2.0"}

local FRAMEWORK = {framework = true, framework_implemented = true}

return {
  indicators = {"fund_entities"},

  pillar = function (p, s)
    if p.id == "finance" then
      return {weight = s.weight * 2}
    end
  end,

  result = function (r)
    if not FRAMEWORK[rk.answer("legal_status")] then
      rk.cap{level = "emerging",
             reason = "No SSE framework law in force: the donor's gate holds the level at Emerging."}
    end
    local reach = rk.answer("fund_reach")   -- nil when unanswered: test it
    rk.indicator{id = "fund_entities", label = "Entities reached by the public SSE fund",
                 unit = "entities", value = reach, pillar = "finance"}
    if rk.answer("public_fund") == "yes" and reach == nil then
      rk.finding{pillar = "finance", priority = 1, kind = "gap",
                 text = "A public SSE fund exists but the entities it reached are not reported: "
                        .. "ask for the fund's annual report.",
                 questions = {"public_fund", "fund_reach"}}
    end
  end,
}
