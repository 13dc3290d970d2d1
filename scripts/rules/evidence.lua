-- evidence.lua: reads the questionnaire (ids, titles) and the answers
-- (value, note, source): every answered question without a source is named
-- in one recommendation, and the number of such answers is an indicator.
return {
  result = function (r)
    local missing = {}
    for _, pillar in ipairs(rk.questionnaire.pillars) do
      for _, q in ipairs(pillar.questions) do
        local a = rk.get(q.id)
        if a.state == "answered" and not a.source then
          missing[#missing + 1] = q.id
        end
      end
    end
    rk.indicator{id = "unsourced", label = "Answers without a source", value = #missing}
    if #missing > 0 then
      rk.finding{priority = 3, kind = "recommendation",
                 text = "Give a source for: " .. table.concat(missing, ", ") .. ".",
                 questions = missing}
    end
  end,
}
