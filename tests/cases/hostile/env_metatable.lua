-- remove the unknown-global guard
setmetatable(_ENV, nil)
return {}
