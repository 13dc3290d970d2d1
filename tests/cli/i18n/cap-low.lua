-- cap-low.lua (tests/cli/test_i18n.sh): caps the law pillar at low.
return {
  pillar = function (p, s)
    if p.id == "law" then
      rk.cap{pillar = "law", level = "low", reason = "no decree"}
    end
  end,
}
