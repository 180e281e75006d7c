-- wrk script of `run.sh oneclick`: each request is the RFC 8058 one-click POST of the next
-- List-Unsubscribe URL in the file (distinct tokens, each used once per pass).
local urls = {}
local next_index = 1

function init(args)
  local file = args[1] or "target/oneclick-urls.txt"
  for line in io.lines(file) do
    -- keep the path: wrk connects to the host given on its command line
    local path = line:match("^https?://[^/]+(/.*)$")
    if path then urls[#urls + 1] = path end
  end
  -- each thread starts at its own offset, so threads do not repeat each other's tokens
  next_index = (id or 0) * math.floor(#urls / (threads or 1)) + 1
end

function setup(thread)
  thread:set("id", thread_count or 0)
  thread_count = (thread_count or 0) + 1
  thread:set("threads", threads_total or 2)
end

function request()
  local path = urls[next_index]
  next_index = next_index + 1
  if next_index > #urls then next_index = 1 end
  return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded"},
    "List-Unsubscribe=One-Click")
end

function done(summary, latency, requests)
  io.write(string.format("one-click: %d requests, %.0f/s, p50 %.1f ms, p99 %.1f ms, non-2xx %d, errors %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
