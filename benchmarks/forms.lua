-- wrk script of `run.sh forms`: each request is a JSON post of a new address to the form given as the
-- first script argument (each thread numbers its own addresses, so every post is a new subscriber).
local form = "bench"
local run = "r"
local counter = 0

function init(args)
  form = args[1] or form
  run = args[2] or run
end

function setup(thread)
  thread:set("tid", (thread_count or 0))
  thread_count = (thread_count or 0) + 1
end

function request()
  counter = counter + 1
  local body = string.format('{"email":"f%d-%d-%s@bench.test","firstname":"Bench","consent":true}',
    tid or 0, counter, run)
  return wrk.format("POST", "/herald/forms/" .. form, {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("form posts: %d requests, %.0f/s, p50 %.1f ms, p99 %.1f ms, non-2xx %d, errors %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
