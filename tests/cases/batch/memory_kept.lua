-- Keeps 6 MiB per answers file in an upvalue: with --max-memory 16, a third
-- file of a batch would go over the cap if memory carried over.
local kept = {}
return {
  result = function (r)
    kept[#kept + 1] = string.rep("x", 6 * 1024 * 1024 - #kept)
    rk.indicator{id = "kept", value = #kept}
  end,
}
