-- memory errors caught by pcall, forever
local t = {}
while true do pcall(function () t[#t + 1] = ("z"):rep(1e5) end) end
