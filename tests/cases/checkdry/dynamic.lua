return {
  result = function (r)
    local level = "progres" .. "ing"
    rk.cap{level = level, reason = "built at run time"}
  end,
}
