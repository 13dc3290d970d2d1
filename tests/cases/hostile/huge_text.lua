-- a huge finding text
return {result = function (r)
  rk.finding{text = ("x"):rep(1e6)}
end}
