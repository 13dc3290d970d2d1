-- an error at the top level, in a local function it calls
local function f() return nil + 1 end
local x = f()
return {}
