local A = {}
return {
  result = function (r)
    A.informal_share = rk.answer("informal_share")
    rk.indicator{id = "formal", label = "formal share", value = 100 - A.informal_share}
  end,
}
