-- score.lua: readykit's standard scorer. It is compiled into readykit and
-- runs before any other rule file; it uses only the rules API documented in
-- scripts/README.md, so a rule file can change any step it takes.
--
--   question: points of the answer (choice points; multi: the sum, capped;
--             number: the band reached); only answered, scored questions
--   pillar:   score = weighted mean of points/max over the questions that
--             have points, as 0-100; none has points: no score
--   result:   score = weighted mean of the pillar scores that exist
-- The level (highest threshold whose min <= score) and caps are applied by
-- readykit after the last layer.

-- The points of each question's choices (by value) and its bands, read once
-- from rk.questionnaire when this file loads: reading q.choices in every
-- call would build a fresh copy of the list each time. A value that appears
-- twice keeps its first points, as a search in order would; NONE stands for
-- a choice without points.
local NONE = {}
local choice_map, bands_of = {}, {}
for _, p in ipairs(rk.questionnaire.pillars) do
  for _, q in ipairs(p.questions) do
    local m = {}
    for _, c in ipairs(q.choices or {}) do
      if c.value ~= nil and m[c.value] == nil then
        m[c.value] = c.points == nil and NONE or c.points
      end
    end
    choice_map[q.id] = m
    bands_of[q.id] = q.bands or {}
  end
end

local function choice_points(q, value)
  local m = choice_map[q.id]
  local points = m and m[value]
  if points == NONE then
    return nil
  end
  return points
end

-- The points of the highest band whose min is <= x.
-- (The loops below index their lists with numbers instead of ipairs: the
-- lists come from readykit as plain sequences, and a numeric loop spares a
-- function call per item.)
local NO_BANDS = {}
local function band_points(q, x)
  local best
  local bands = bands_of[q.id] or NO_BANDS
  for i = 1, #bands do
    local b = bands[i]
    if x >= b.min and (best == nil or b.min >= best.min) then
      best = b
    end
  end
  return best and best.points
end

local function question(q, a, s)
  if not q.scored or a.state ~= "answered" then
    return nil
  end
  local points
  if q.type == "multi" then
    points = 0
    local values = a.value
    for i = 1, #values do
      points = points + (choice_points(q, values[i]) or 0)
    end
    local cap = q.cap
    if cap and cap < points then -- math.min(points, cap)
      points = cap
    end
  elseif q.type == "number" then
    points = band_points(q, a.value)
  else
    points = choice_points(q, a.value)
  end
  if points == nil then
    return nil
  end
  -- math.max(0, math.min(points, s.max)), without the calls
  local max = s.max
  if max < points then
    points = max
  end
  if not (0 < points) then
    points = 0
  end
  -- Returning s itself, changed, is the same as returning {points = ...}
  -- and spares a table.
  s.points = points
  return s
end

-- Weighted mean of part/whole as a percentage over the items that count.
local function pillar(p, s)
  local sum, weights = 0, 0
  local questions = s.questions
  for i = 1, #questions do
    local x = questions[i]
    if x.points and x.max and x.max > 0 and x.weight > 0 then
      sum = sum + x.weight * x.points / x.max
      weights = weights + x.weight
    end
  end
  s.score = weights ~= 0 and 100 * sum / weights
  return s
end

local function result(r)
  local sum, weights = 0, 0
  local pillars = r.pillars
  for i = 1, #pillars do
    local p = pillars[i]
    if p.score and p.weight > 0 then
      sum = sum + p.weight * p.score
      weights = weights + p.weight
    end
  end
  r.score = weights ~= 0 and sum / weights
  return r
end

return {question = question, pillar = pillar, result = result}
