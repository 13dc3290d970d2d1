-- remove the hook
debug.sethook()
while true do end
