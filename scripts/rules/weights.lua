-- weights.lua: legislation counts three times as much as any other pillar,
-- and the legal definition twice as much as the other legislation questions.
return {
  question = function (q, a, s)
    if q.id == "legal_definition" then
      return {weight = 2}
    end
  end,
  pillar = function (p, s)
    if p.id == "legislation" then
      return {weight = 3}
    end
  end,
}
