-- coroutines reset the hook count
local co = coroutine.wrap(function () while true do end end)
co()
