-- wrk script for bench/run.sh: every request asks for a different 100-feature box near Damascus (shifted
-- east a little each time, per thread), so no answer can come from the service's response cache.
local thread_id = 0
local n = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function request()
  n = n + 1
  local dx = (n * 2 + id) * 0.00001
  return wrk.format("GET", string.format(
    "/api/events?from=2022-06-01&to=2022-06-30&bbox=%.5f,33.3,%.5f,33.7&limit=100", 36.0 + dx, 36.6 + dx))
end
