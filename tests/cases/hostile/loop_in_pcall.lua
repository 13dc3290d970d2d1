-- pcall must not swallow the instruction budget
for i = 1, math.huge do
  pcall(function () while true do end end)
end
