-- a string doubling with ..
local s = "x"
while true do s = s .. s end
