-- load a file
local f = loadfile("/etc/passwd")
