-- require a library
local os = require("os")
