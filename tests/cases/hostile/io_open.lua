-- read a file
local f = io.open("/etc/passwd")
return {}
