-- an empty string repeated 10^18 times: a C loop no hook sees
local s = (""):rep(1e18)
local t = ("x"):rep(0)
return {result = function () return {score = #s + #t + 200} end}
