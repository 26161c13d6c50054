-- wrk script for bench/overload.sh: the requests of vary-bbox.lua (a different 100-feature box each time,
-- never a cached answer), counting the answers by status and the 503s that lack a Retry-After header.
-- Its last output line: "statuses 200=N 503=N ... missing_retry_after=N".
-- the requests of vary-bbox.lua (wrk runs from the repository's root, as the scripts do)
dofile("bench/vary-bbox.lua")

local threads = {}
counts = {}
missing_retry_after = 0

local vary_setup = setup
function setup(thread)
  vary_setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 503 and headers["Retry-After"] == nil then
    missing_retry_after = missing_retry_after + 1
  end
end

function done(summary, latency, requests)
  local total = {}
  local missing = 0
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("counts")) do
      total[status] = (total[status] or 0) + count
    end
    missing = missing + t:get("missing_retry_after")
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, status .. "=" .. count)
  end
  table.sort(parts)
  io.write("statuses " .. table.concat(parts, " ") .. " missing_retry_after=" .. missing .. "\n")
end
