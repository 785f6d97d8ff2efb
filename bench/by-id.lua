-- GET /api/v1/units/{id} for ids read from $IDS (one per line), chosen at random.
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/v1/units/" .. ids[math.random(#ids)])
end
