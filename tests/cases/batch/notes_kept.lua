-- Keeps every respondent's note in a top-level table: scored alone, each
-- answers file must see only its own notes (tests/cli/test_batch.sh).
local seen = {}
return {
  question = function (q, a)
    if a.note then seen[#seen + 1] = a.note:match("^[%w ]*") end
  end,
  result = function (r)
    rk.indicator{id = "notes_seen", value = #seen}
    rk.finding{text = "notes: " .. table.concat(seen, " | ")}
  end,
}
