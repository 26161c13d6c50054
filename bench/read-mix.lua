-- wrk script for bench/load.sh and bench/faults.sh: a realistic mix of map and GIS-tool reads over a store
-- of synthetic ACLED events (2017-2024, Syria). Windows of 30 days start on one of 96 month starts and the
-- boxes are the map's usual views, so popular answers repeat (as on a real map, where the cache helps)
-- while the long tail does not. Pacing: when the environment sets WRK_DELAY_MS, each connection waits
-- that long before its next request (wrk's delay hook), so 32 connections hold about 32000/WRK_DELAY_MS
-- requests per second; without it, wrk runs flat out (capacity).
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")
local counter = 0

local views = {
  "35.5,32.3,42.4,37.4",   -- all of Syria
  "36.8,35.8,37.5,36.5",   -- Aleppo
  "36.5,34.9,37.0,35.4",   -- Hama
  "36.0,33.3,36.6,33.7",   -- Damascus
  "36.3,35.6,36.9,36.1",   -- Idlib
  "38.5,35.7,39.3,36.2",   -- Raqqa
}

local function month()
  local m = math.random(0, 95)
  return string.format("%04d-%02d-01", 2017 + math.floor(m / 12), m % 12 + 1),
         string.format("%04d-%02d-28", 2017 + math.floor(m / 12), m % 12 + 1)
end

function init(args)
  math.randomseed(os.time() + counter)
  counter = counter + 1
end

function delay()
  return delay_ms
end

function request()
  local r = math.random(100)
  local from, to = month()
  local view = views[math.random(#views)]
  local path
  if r <= 35 then
    path = string.format("/api/events?from=%s&to=%s&bbox=%s&limit=500", from, to, view)
  elseif r <= 50 then
    path = string.format("/api/events/clusters?zoom=%d&from=%s&to=%s", math.random(6, 9), from, to)
  elseif r <= 62 then
    path = string.format("/api/stats?from=%s&to=%s&bbox=%s", from, to, view)
  elseif r <= 72 then
    path = string.format("/api/frontlines?date=%s", to)
  elseif r <= 82 then
    path = string.format("/ogcapi/collections/events/items?limit=100&datetime=%s/%s&bbox=%s", from, to, view)
  elseif r <= 92 then
    path = string.format("/api/events/acled-syr%d", math.random(1, 10000))
  elseif r <= 97 then
    path = string.format("/api/export/events.csv?from=%s&to=%s&bbox=%s", to, to, view)
  else
    path = "/api/map-settings"
  end
  return wrk.format("GET", path)
end
