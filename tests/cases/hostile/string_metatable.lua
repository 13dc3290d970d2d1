-- change the shared string table
getmetatable("").__index.rep = function () return "" end
