-- a loaded chunk with its own environment is still sandboxed
local f = load("return io.open(\"/etc/passwd\")", "x", "t", {})
f()
