-- rk.cap level ids: one misspelt in a branch no dry run takes, one in a
-- comment and one in a string (neither is a call), one right.
-- rk.cap{level = "commented"}
local doc = 'rk.cap{level = "quoted"}'
--[==[ rk.cap{level = "longcomment"} ]] still inside ]==]
local long = [[rk.cap{level = "longstring"}]]
return {
  pillar = function (p, s)
    if p.id == "nowhere" then
      rk.cap{pillar = p.id, level = "progresing", reason = doc .. long}
    end
    if s.score and s.score > 200 then
      rk.cap({reason = {en = "never", level = "inner"}, level = "nascent"})
    end
  end,
}
