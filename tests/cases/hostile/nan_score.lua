-- a score that is not a number
return {result = function (r) return {score = 0/0} end}
