-- dump a function to bytecode
local b = string.dump(function () return 1 end)
