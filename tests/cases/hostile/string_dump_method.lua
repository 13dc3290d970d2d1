-- dump through the string metatable
local b = (""):dump()
