-- the same inside pcall
pcall(string.match, ("a"):rep(300), ".-.-.-.-.-.-.-b")
