-- A pattern bomb (no hook can stop it) for the answers whose fund_kind is
-- "loans" only: the hard deadline must fail that one file of a batch.
return {
  result = function (r)
    if rk.answer("fund_kind") == "loans" then
      return {score = (("a"):rep(200):find(".-.-.-.-.-.-b")) or 0}
    end
  end,
}
