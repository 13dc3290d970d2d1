-- table.concat of a huge list
local t = {}
for i = 1, 1e6 do t[i] = ("y"):rep(100) end
local s = table.concat(t)
for i = 1, 10 do s = s .. s end
