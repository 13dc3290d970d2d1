-- cap-first.lua (tests/cli/test_explain.sh): caps the money pillar at
-- nascent, first of two files that tie; and a cap that a lower one beats.
return {
  pillar = function (p, s)
    if p.id == "money" then
      rk.cap{pillar = "money", level = "emerging", reason = "higher, not reported"}
      rk.cap{pillar = "money", level = "nascent", reason = "first at nascent"}
    end
  end,
}
