-- exclude.lua (tests/cli/test_explain.sh): a rule that excludes two
-- questions: one by clearing its points, one by a weight of 0.
return {
  question = function (q, a, s)
    if q.id == "has_procurement" then
      return {points = false}
    elseif q.id == "has_fund" then
      return {weight = 0}
    end
  end,
}
