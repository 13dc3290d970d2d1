local function share()
  return rk.answer("informal_share") > 10
end
return {
  result = function (r)
    if share() then
      rk.finding{text = "a large informal economy"}
    end
  end,
}
