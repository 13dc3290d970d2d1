-- a finalizer would run with hooks off
setmetatable({}, {__gc = function () while true do end end})
