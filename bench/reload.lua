-- wrk script for bench/reload: POSTs the example orders (examples/orders/*.json) round-robin to
-- /api/v1/screenings with the API key given as second argument, and counts the responses by status, so that a single failed request shows.
orders = {}
counter = 0
statuses = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  key = args[2]
  local list = io.popen('ls ' .. args[1] .. '/*.json')
  for file in list:lines() do
    local f = io.open(file, "r")
    table.insert(orders, f:read("*a"))
    f:close()
  end
  list:close()
  statuses = {}
end

function request()
  counter = counter + 1
  local body = orders[(counter % #orders) + 1]
  return wrk.format("POST", "/api/v1/screenings", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses") or {}
    for status, n in pairs(s) do
      total[status] = (total[status] or 0) + n
    end
  end
  io.write("statuses:")
  for status, n in pairs(total) do
    io.write(string.format(" %d=%d", status, n))
  end
  io.write("\n")
  io.write(string.format("latency p50=%.2fms p99=%.2fms max=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("socket errors: connect=%d read=%d write=%d timeout=%d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
