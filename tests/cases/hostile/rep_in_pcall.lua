-- huge allocations caught by pcall, forever
while true do pcall(string.rep, "x", 2^40) end
