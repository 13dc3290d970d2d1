-- bands.lua: score the year of the framework law (a number question the
-- questionnaire leaves unscored) by bands: 2010 or later earns 2 points,
-- 2000-2009 1 point, older 0; the question counts out of 2.
local bands = {
  {min = 2010, points = 2},
  {min = 2000, points = 1},
}

return {
  question = function (q, a, s)
    if q.id ~= "law_year" then
      return nil
    end
    local result = {max = 2}          -- counts even when unanswered
    if a.state == "answered" then
      result.points = 0
      for _, band in ipairs(bands) do
        if a.value >= band.min then
          result.points = band.points
          break
        end
      end
    end
    return result
  end,
}
