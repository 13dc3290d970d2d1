-- indicator.lua: SSE organisations per 10,000 inhabitants, from two number
-- answers, shown with the statistics pillar.
return {
  result = function (r)
    local orgs, people = rk.answer("sse_orgs"), rk.answer("population")
    if orgs and people and people > 0 then
      rk.indicator{
        id = "orgs_per_10k",
        label = {en = "SSE organisations per 10,000 inhabitants",
                 fr = "Organisations de l'ESS pour 10 000 habitants"},
        value = orgs / people * 10000,
        unit = {en = "per 10,000", fr = "pour 10 000"},
        pillar = "statistics",
      }
    end
  end,
}
