-- cap-second.lua (tests/cli/test_explain.sh): ties with cap-first.lua
-- through a helper, so the call's line and the caller's line differ.
local function gate(pillar, why)
  rk.cap{pillar = pillar, level = "nascent", reason = why}
end

return {
  pillar = function (p, s)
    if p.id == "money" then
      gate("money", "second at nascent")
    end
  end,
}
