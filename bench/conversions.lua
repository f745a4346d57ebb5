-- wrk script of bench/conversions.sh: POST /api/v1/conversions with a secret key (the first argument),
-- each report naming a click id from target/bench-conversions-clicks.txt (one a line: real clicks of the
-- benchmark's organization, so that every report is attributed as it is written) and an externalId of
-- its own (thread, start time, counter), so that none is a duplicate. Counts the 202 answers: the
-- script prints them as "ACCEPTED n", to be compared with the rows in conversions.
local threads = {}

setup = function(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

init = function(args)
  key = args[1]
  clicks = {}
  for id in io.lines("target/bench-conversions-clicks.txt") do
    clicks[#clicks + 1] = id
  end
  assert(#clicks > 0, "no click ids in target/bench-conversions-clicks.txt")
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }
  prefix = string.format("bench-%d-%d-", wrk.thread:get("id"), os.time())
  n = 0
  accepted = 0
  math.randomseed(os.time() * 100 + wrk.thread:get("id"))
end

request = function()
  n = n + 1
  local body = string.format(
    '{"clickId":"%s","type":"purchase","value":%d.50,"currency":"EUR","externalId":"%s%d"}',
    clicks[math.random(#clicks)], n % 100, prefix, n)
  return wrk.format("POST", "/api/v1/conversions", headers, body)
end

response = function(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.timeout + summary.errors.connect
    + summary.errors.read + summary.errors.write
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("accepted")
  end
  io.write(string.format("RESULT %.0f %.1f %.1f %.1f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
  io.write(string.format("ACCEPTED %d\n", total))
end
