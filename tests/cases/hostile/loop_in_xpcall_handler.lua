-- a looping xpcall handler, called again for each error it raises
while true do
  xpcall(error, function () while true do end end)
end
