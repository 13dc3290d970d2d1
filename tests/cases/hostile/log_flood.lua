-- flood standard error
while true do rk.log(("x"):rep(1e5)) end
