-- an endless loop while a question is scored
return {question = function (q, a, s)
  local n = 0
  while true do n = n + 1 end
end}
