-- errors caught and retried forever
while true do pcall(error, "again") end
