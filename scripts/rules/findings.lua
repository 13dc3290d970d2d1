-- findings.lua: findings and recommendations tied to a pillar and to the
-- answers that triggered them, with a priority (1 = most urgent).
return {
  pillar = function (p, s)
    if p.id == "legislation" and rk.answer("framework_law") ~= "adopted" then
      rk.finding{
        pillar = "legislation", priority = 1, kind = "gap",
        text = {en = "There is no framework law on the SSE.",
                fr = "Il n'existe pas de loi-cadre sur l'ESS."},
        questions = {"framework_law"},
      }
      rk.finding{
        pillar = "legislation", priority = 2, kind = "recommendation",
        text = "Draft a framework law with the SSE networks.",
        questions = {"framework_law", "legal_definition"},
      }
    end
    if p.id == "funding" and s.score and s.score >= 75 then
      rk.finding{pillar = "funding", priority = 3, kind = "strength",
                 text = "Several public funding tools exist.",
                 questions = {"funding_tools"}}
    end
  end,
}
