-- gate.lua: two gates. Without a legal definition of the SSE, legislation is
-- at most Emerging; without a register of SSE organisations, the country as
-- a whole is at most Emerging. The scores are kept; the caps are shown
-- beside them.
return {
  pillar = function (p, s)
    if p.id == "legislation" and rk.answer("legal_definition") ~= "yes" then
      rk.cap{
        pillar = "legislation",
        level = "emerging",
        reason = {en = "no legal definition of the SSE",
                  fr = "pas de définition légale de l'ESS"},
      }
    end
  end,
  result = function (r)
    if rk.answer("has_registry") == "no" then
      rk.cap{level = "emerging", reason = "no register of SSE organisations"}
    end
  end,
}
