-- one huge allocation
local s = ("x"):rep(1e10)
