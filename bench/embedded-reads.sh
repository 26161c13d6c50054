#!/usr/bin/env bash
# bench/embedded-reads.sh [--events N]
#
# The embedded H2 store's reads at N synthetic events (default 100,000, seed 42): imports them into a
# fresh store under bench/target/embedded-N, starts the service on it (no PostgreSQL needed) and times
# the reads the map and GIS tools make, with and without a date window and a bbox. Each figure is the
# median of 7 requests after 2 warm-ups; every request moves the bbox's west edge by a few millionths of
# a degree, so no answer comes from a cache. The last line is one JSON object (milliseconds); the figures
# on record are in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

events=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    *) echo "usage: bench/embedded-reads.sh [--events N]" >&2; exit 2 ;;
  esac
done

./mvnw -B -q -DskipTests package
jar=backend/target/conflict-map.jar
store=bench/target/embedded-$events
work=bench/target/embedded-work
rm -rf "$store" "$work"
mkdir -p "$work"
# the store the import command and the service use: the embedded one, in a directory of its own
spring=(--conflictmap.data-dir="$store")
bench_load_events "$events" 42 "$work"
bench_start_service "$work"

# median_ms URL: @R@ in URL is replaced by a few digits that differ per request
median_ms() {
  local times=()
  for i in $(seq 1 9); do
    local u=${1//@R@/0000$i$RANDOM}
    local code time
    read -r code time < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$u")
    [ "$code" = 200 ] || { echo "bench: $u answered $code" >&2; exit 1; }
    times+=("$time")
  done
  printf '%s\n' "${times[@]:2}" | sort -n | sed -n 4p | awk '{ printf "%.0f", $1 * 1000 }'
}

syria=35.5@R@,32.3,42.4,37.4
aleppo=36.9@R@,36.0,37.4,36.4
small=38.0@R@,35.0,38.05,35.05
names=(month_syria month_aleppo all_time_aleppo all_time_small_box clusters_two_years_z7 clusters_year_aleppo_z10
  stats_year_aleppo ogc_items_aleppo)
urls=("$service/api/events?from=2024-03-01&to=2024-03-30&bbox=$syria&limit=500"
  "$service/api/events?from=2024-03-01&to=2024-03-30&bbox=$aleppo&limit=500"
  "$service/api/events?bbox=$aleppo&limit=100"
  "$service/api/events?bbox=$small&limit=100"
  "$service/api/events/clusters?from=2023-01-01&to=2024-12-31&bbox=34.0@R@,31,44,38&zoom=7"
  "$service/api/events/clusters?from=2024-01-01&to=2024-12-31&bbox=$aleppo&zoom=10"
  "$service/api/stats?from=2024-01-01&to=2024-12-31&bbox=$aleppo"
  "$service/ogcapi/collections/events/items?bbox=$aleppo&limit=100")
json="{\"events\":$events"
printf '%-24s %8s\n' read ms
for i in "${!names[@]}"; do
  ms=$(median_ms "${urls[$i]}")
  printf '%-24s %8s\n' "${names[$i]}" "$ms"
  json="$json,\"${names[$i]}_ms\":$ms"
done
bench_stop_service
echo "$json}"
