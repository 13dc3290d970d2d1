-- @ID@.lua: the rules of questionnaire @ID@, written by `readykit new`.
--
-- readykit scores every answers file with the standard scorer first
-- (weighted points -> pillar scores 0-100 -> overall score -> level), then
-- with this file, then with each `--rules FILE` given on the command line.
-- The whole API, with worked examples: scripts/README.md or
-- `man 7 readykit-rules`. Check this file with `readykit check @ID@.yaml`.

-- On any other questionnaire this file is skipped with a warning, instead of
-- failing on question ids that questionnaire does not have.
rk.requires{questionnaire = "@ID@"}

-- Top-level code runs before each answers file: constants and helpers only.
local PLAN_MISSING = {en = "there is no written plan", fr = "il n'y a pas de plan écrit"}

-- The file returns a table of layer functions, all optional. Each gets the
-- score so far and returns the fields it changes, or nothing to keep them.
-- The functions below name pillars and questions of @ID@.yaml (strategy,
-- capacity, has_plan, staff, lead): when you rename or remove one there,
-- change it here too, or scoring stops at the first unknown id.
return {
  -- question(q, a, s): once per question. q is the question, a the answer
  -- ({state = "answered" | "dont_know" | "none" | "skipped", value, note,
  -- source}), s its score so far ({points, max, weight}).
  question = function (q, a, s)
    -- rk.log prints to standard error, with the answers file: for debugging.
    -- rk.log(q.id, a.state, a.value)
    if q.evidence and a.state == "answered" and (a.source or "") == "" and s.points then
      return {points = s.points / 2}      -- an answer without a source counts half
    end
  end,

  -- pillar(p, s): once per pillar, after every question. s.score is 0-100,
  -- or nil when nothing in the pillar is answered.
  pillar = function (p, s)
    -- rk.answer(id) is the value, or nil when unanswered or "don't know":
    -- compare with a string (nil ~= "yes"), or test it before using it.
    if p.id == "strategy" and rk.answer("has_plan") ~= "yes" then
      -- A gate: the score stays, the level shown is at most this one.
      rk.cap{pillar = "strategy", level = "emerging", reason = PLAN_MISSING}
    end
  end,

  -- result(r): once per answers file. r.pillars is indexed by pillar id.
  result = function (r)
    local capacity = r.pillars.capacity.score
    if capacity and capacity < 40 then
      rk.finding{pillar = "capacity", priority = 1, kind = "recommendation",
                 text = {en = "Name a team and give it time for this work.",
                         fr = "Désignez une équipe et donnez-lui du temps pour ce travail."},
                 questions = {"staff", "lead"}}
    end
    local c = rk.coverage()
    rk.indicator{id = "answered_share",
                 label = {en = "Scored questions answered", fr = "Questions notées répondues"},
                 unit = "%",
                 value = c.questions > c.skipped and 100 * c.answered / (c.questions - c.skipped) or nil}
  end,

  -- Every indicator this file may add, so CSV columns are the same in every batch.
  indicators = {"answered_share"},
}
