-- math.random would make reports irreproducible
local x = math.random()
