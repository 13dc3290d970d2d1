-- unbounded recursion
local function f(n) return 1 + f(n + 1) end
return {question = function () f(1) end}
