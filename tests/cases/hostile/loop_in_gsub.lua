-- a gsub replacement function that never returns
local s = ("x"):rep(10):gsub("x", function () while true do end end)
