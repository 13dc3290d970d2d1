-- points that are not a number
return {question = function () return {points = {}} end}
