-- wrk requests of bench/leaderboard.sh and bench/instances.sh: GET /api/v1/leaderboards (top 50 + me)
-- over a random period, as one of `tokens` in turn, and for half of them in one of `groups` picked at
-- random (none when `groups` is empty). The script that runs it writes `tokens` and `groups` first,
-- then `dofile`s this file.
local periods = { "week", "month", "quarter", "year", "all" }
local n = 0
init = function(args) math.randomseed(os.time() * 100 + math.random(100)) end
request = function()
  n = n + 1
  local path = "/api/v1/leaderboards?limit=50&period=" .. periods[math.random(#periods)]
  if #groups > 0 and math.random(2) == 1 then path = path .. "&groupId=" .. groups[math.random(#groups)] end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] })
end
dofile("target/bench-report.lua")
