-- a pattern the matcher backtracks over for minutes: no hook runs
return {result = function (r)
  return {score = (("a"):rep(200):find(".-.-.-.-.-.-b")) or 0}
end}
