#!/usr/bin/env bash
# bench/tiles.sh [--events N] [--requests R]
#
# Vector tiles against GeoJSON over the densest area (#25): N synthetic events (default 1,000,000) in
# PostGIS, the service on them (heap capped at 256 MB), then R requests (default 30, after 3 warm-ups)
# of the tile 8/102/153 (Damascus and its countryside) as Mapbox Vector Tile, and of the same box as a
# GeoJSON page of the OGC API (limit 10,000). Every request asks a different datetime (the whole record
# each time), so no answer comes from the response cache. Prints p50 and p95 of each and the bytes sent;
# the last line is one JSON object. Figures on record: bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

events=1000000
requests=30
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    *) echo "usage: bench/tiles.sh [--events N] [--requests R]" >&2; exit 2 ;;
  esac
done

source bench/lib.sh
schema=bench_tiles
bench_setup "$schema"
work=bench/target/tiles
mkdir -p "$work"
bench_load_events "$events" 1 "$work"
bench_start_service "$work"

# tile 8/102/153 in WebMercatorQuad: lon 35.15625-36.5625, lat 32.84267-34.01624
box=35.15625,32.84267,36.5625,34.01624
tile="$service/ogcapi/collections/events/tiles/WebMercatorQuad/8/102/153"
items="$service/ogcapi/collections/events/items?bbox=$box&limit=10000"

# times URL: R timings in ms (after 3 warm-ups), each with another datetime covering the whole record
times() {
  local url=$1 out=$2
  : >"$out"
  for i in $(seq 1 $((requests + 3))); do
    local end
    end=$(printf '2027-%02d-%02d' $(( (i % 11) + 1 )) $(( (i % 28) + 1 )))
    read -r code ms size < <(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}\n' \
      "$url$( [[ $url == *\?* ]] && echo '&' || echo '?')datetime=2000-01-01/$end")
    [ "$code" = 200 ] || { echo "bench: $url answered $code" >&2; exit 1; }
    [ "$i" -gt 3 ] && echo "$ms $size" >>"$out"
  done
}
quantile() { sort -n "$1" | awk -v q="$2" '{a[NR] = $1} END {i = int(q * NR + 0.999999); if (i < 1) i = 1; printf "%.0f", a[i] * 1000}'; }
bytes() { awk '{s += $2} END {printf "%d", s / NR}' "$1"; }

echo "bench: $requests tiles and $requests GeoJSON pages of the same box" >&2
times "$tile" "$work/tile.txt"
times "$items" "$work/items.txt"
bench_stop_service

printf '\n%-22s %10s %10s %10s\n' what p50_ms p95_ms bytes
printf '%-22s %10s %10s %10s\n' tile "$(quantile "$work/tile.txt" 0.5)" "$(quantile "$work/tile.txt" 0.95)" "$(bytes "$work/tile.txt")"
printf '%-22s %10s %10s %10s\n' geojson_page "$(quantile "$work/items.txt" 0.5)" "$(quantile "$work/items.txt" 0.95)" "$(bytes "$work/items.txt")"
printf '{"events": %s, "tile_p50_ms": %s, "tile_p95_ms": %s, "tile_bytes": %s, "geojson_p50_ms": %s, "geojson_p95_ms": %s, "geojson_bytes": %s}\n' \
  "$events" "$(quantile "$work/tile.txt" 0.5)" "$(quantile "$work/tile.txt" 0.95)" "$(bytes "$work/tile.txt")" \
  "$(quantile "$work/items.txt" 0.5)" "$(quantile "$work/items.txt" 0.95)" "$(bytes "$work/items.txt")"
