-- wrk script of bench/redirect.sh: GET /s/{code} with a code picked at random from the 10,000 in
-- target/bench-redirect-codes.txt (one a line), as Chrome on Windows. The same script drives nginx's
-- static 302, so both servers see the same requests and the same client cost. Every request is
-- built once, in init, so that the Lua side costs as little as possible per request.
-- With the arguments "codes FILE" (section 4 of bench/redirect.sh) the codes come from FILE; with
-- "visitors FILE" each request also carries one of 200 Chrome builds as its user agent: 200 visitors,
-- so that almost every click is a new unique visitor of its share and earns points. In both cases
-- requests are built per request (section 4 measures scoring, not the redirect's top speed).
local requests = {}
local visitors = false
local codes = {}
local agents = {}
local agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
  .. "Chrome/131.0.0.0 Safari/537.36"

setup = function(thread)
  thread_count = (thread_count or 0) + 1
  thread:set("id", thread_count)
end

init = function(args)
  if args[1] == "visitors" then
    visitors = true
  end
  if args[1] == "visitors" or args[1] == "codes" then
    for code in io.lines(args[2]) do
      codes[#codes + 1] = "/s/" .. code
    end
    for i = 1, 200 do
      agents[i] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        .. "Chrome/131.0." .. (6000 + i) .. ".86 Safari/537.36"
    end
  end
  if #codes > 0 then
    math.randomseed(os.time() * 100 + (wrk.thread:get("id") or 0))
    return
  end
  local headers = {
    ["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
      .. "Chrome/131.0.0.0 Safari/537.36",
    ["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
    ["Accept-Language"] = "en-GB,en;q=0.9",
  }
  for code in io.lines("target/bench-redirect-codes.txt") do
    requests[#requests + 1] = wrk.format("GET", "/s/" .. code, headers)
  end
  assert(#requests > 0, "no codes in target/bench-redirect-codes.txt")
  math.randomseed(os.time() * 100 + (wrk.thread:get("id") or 0))
end

request = function()
  if visitors then
    return wrk.format("GET", codes[math.random(#codes)], { ["User-Agent"] = agents[math.random(200)] })
  elseif #codes > 0 then
    return wrk.format("GET", codes[math.random(#codes)], { ["User-Agent"] = agent })
  end
  return requests[math.random(#requests)]
end

-- One machine-readable line: completed requests, seconds, req/s, p50, p99 (ms), errors
-- (connect/read/write/timeout, and responses >= 400; a 302 is not an error).
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.timeout + summary.errors.connect
    + summary.errors.read + summary.errors.write
  io.write(string.format("RESULT %d %.3f %.0f %.2f %.2f %d\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors))
end
