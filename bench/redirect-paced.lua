-- bench/redirect.lua at a fixed rate. wrk (4.1) has no rate option, but each connection waits
-- delay() ms after a response before its next request. Here every thread keeps a timetable of
-- its share of the rate (one slot every THREADS * 1000 / RATE ms) and delay() gives the connection
-- that asks the next free slot: the rate holds whatever the latency, as long as enough connections
-- are free (a thread that falls behind starts its timetable again from now, so it never bursts to
-- catch up, and the rate achieved is then lower: the script reports it). The first request of
-- each connection goes at once, as in any wrk run. wrk truncates delay() to whole milliseconds,
-- so a fraction is drawn up or down with the right odds.
-- Usage: wrk -tTHREADS ... -s bench/redirect-paced.lua URL -- RATE THREADS
dofile("bench/redirect.lua")
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *ts);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local base_init = init
local interval, next_slot

init = function(args)
  base_init(args)
  interval = 1000 * assert(tonumber(args[2]), "usage: -- RATE THREADS") / assert(tonumber(args[1]), "no RATE")
end

delay = function()
  local now = now_ms()
  next_slot = math.max((next_slot or now) + interval, now)
  local d = next_slot - now
  local whole = math.floor(d)
  if math.random() < d - whole then return whole + 1 end
  return whole
end
