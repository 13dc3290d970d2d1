-- analyst-trial.lua: judge the evidence behind each pillar, not only its
-- score. Uses the pillar layer's s.questions (every question of the pillar
-- after all question layers), the answers' notes and the questionnaire's
-- levels:
--  * a pillar where at most half of the scored questions have an answer is
--    capped at Emerging, with the count in the reason (only when its score
--    reaches a higher level, so the cap really lowers something);
--  * a "don't know" without a note (what was looked for, where) is a gap.

-- top-level code runs once: the score from which a level above Emerging starts
local above_emerging
for i, level in ipairs(rk.questionnaire.levels) do
  local next_level = rk.questionnaire.levels[i + 1]
  if level.id == "emerging" and next_level then
    above_emerging = next_level.min
  end
end
assert(above_emerging, "analyst-trial.lua needs a level 'emerging' and a level above it")

return {
  pillar = function (p, s)
    local counted, answered = 0, 0
    for _, x in ipairs(s.questions) do
      if x.counted then                 -- has a max above 0: it counts in the pillar
        counted = counted + 1
        if x.points then answered = answered + 1 end
      end
      if x.state == "dont_know" and not rk.get(x.id).note then
        rk.finding{pillar = p.id, priority = 2, kind = "gap",
                   text = string.format("'%s' is answered \"don't know\" without a note "
                                        .. "saying what was looked for.", x.id),
                   questions = {x.id}}
      end
    end
    if s.score and s.score >= above_emerging and answered * 2 <= counted then
      rk.cap{pillar = p.id, level = "emerging",
             reason = string.format("only %d of %d scored questions answered",
                                    answered, counted)}
    end
  end,
}
