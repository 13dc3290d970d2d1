-- a pathological gmatch
for m in ("a"):rep(300):gmatch("(.-.-.-.-.-.-b)") do end
