-- GET /api/v1/units?parent={id}&limit=100 for parents read from $PARENTS, chosen at random.
local parents = {}
for line in io.lines(os.getenv("PARENTS")) do parents[#parents + 1] = line end
math.randomseed(7)
request = function()
  return wrk.format("GET", "/api/v1/units?limit=100&parent=" .. parents[math.random(#parents)])
end
