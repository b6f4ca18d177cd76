-- Drives one page or write path for bench/bench_http.py.
-- Arguments after `--`: method, expected status, body ({token} becomes a fresh submission
-- token, {n} a counter), then the paths to cycle through (none: the URL's path).
-- Prints one line `BENCH {json}` with the figures the bench reads.

local threads = {}
local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  method = args[1] or "GET"
  expect = tonumber(args[2] or "200")
  body_template = args[3] or ""
  paths = {}
  for i = 4, #args do
    paths[#paths + 1] = args[i]
  end
  if #paths == 0 then
    paths = { wrk.path }
  end
  bad = 0
  n = 0
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

local function token()
  local out = {}
  for i = 1, 32 do
    local k = math.random(1, #chars)
    out[i] = chars:sub(k, k)
  end
  return table.concat(out)
end

function request()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  if method == "GET" then
    return wrk.format("GET", path)
  end
  local body = body_template:gsub("{token}", token()):gsub("{n}", tostring(n))
  -- Headers given to wrk.format replace the -H ones (cookies, CSRF): pass them all.
  local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  if status ~= expect then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do
    wrong = wrong + (thread:get("bad") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %.3f, "p50": %.3f, "p99": %.3f, "mean": %.3f, "wrong": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.mean / 1000, wrong,
    e.connect + e.read + e.write + e.timeout
  ))
end
