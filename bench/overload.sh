#!/usr/bin/env bash
# bench/overload.sh [--events N] [--seconds T]
#
# Overload is not an outage: loads N synthetic ACLED events (default 1,000,000) into PostGIS, starts the
# service on the postgis profile (heap capped at 256 MB, its default pool of 10 connections), and sends the
# varying-box query of bench/vary-bbox-statuses.lua (every request a different 100-feature box, so none is
# a cached answer) cold with 32 connections, then after a 30 s warm-up with 32, 64 and 128, T seconds
# each (default 20). Per run:
# answers per second that were 200, p99 latency, the answers by status, and 503s without Retry-After;
# then whether the service's log says "database unavailable". Prints a table and, as the last line, one
# JSON object. The figures on record are in bench/README.md.
#
# The database: SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD when set, else the local database
# conflictmap_bench that bench/run.sh also uses; this script works in its own schema, bench_overload.
set -euo pipefail
cd "$(dirname "$0")/.."

events=1000000
seconds=20
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "usage: bench/overload.sh [--events N] [--seconds T]" >&2; exit 2 ;;
  esac
done
[[ "$events" =~ ^[0-9]+$ && "$seconds" =~ ^[0-9]+$ ]] \
  || { echo "bench/overload.sh: --events and --seconds take whole numbers" >&2; exit 2; }

source bench/lib.sh
bench_setup bench_overload
work=bench/target/overload
mkdir -p "$work"
bench_load_events "$events" 1 "$work"
bench_start_service "$work"

declare -A ok_rps p99_ms statuses
runs=(cold 32 64 128)
for run in "${runs[@]}"; do
  connections=${run/cold/32}
  if [ "$run" = 32 ]; then
    echo "bench: warm-up, wrk -c32 for 30 s (the JIT, PostgreSQL's cache; not measured)" >&2
    wrk -t2 -c32 -d30s --timeout 10s -s bench/vary-bbox.lua "$service" >/dev/null
  fi
  echo "bench: $run: wrk -t2 -c$connections -d${seconds}s, a different box every request" >&2
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s bench/vary-bbox-statuses.lua "$service" | tee "$work/wrk-$run.txt"
  ok=$(awk '/^statuses/ {for (i = 2; i <= NF; i++) if ($i ~ /^200=/) {sub("200=", "", $i); print $i}}' "$work/wrk-$run.txt")
  ok_rps[$run]=$(python3 -c "print(round(${ok:-0} / $seconds))")
  # wrk prints the 99th percentile as e.g. "99%  512.34ms" or "99%    1.20s"
  p99_ms[$run]=$(awk '$1 == "99%" {v = $2; if (v ~ /ms$/) {sub("ms", "", v); print v} else if (v ~ /us$/) {sub("us", "", v); print v / 1000} else {sub("s", "", v); print v * 1000}}' "$work/wrk-$run.txt")
  statuses[$run]=$(sed -n 's/^statuses //p' "$work/wrk-$run.txt")
done
outage_lines=$(grep -c "database unavailable" "$work/service.log" || true)
bench_stop_service

printf '\n%-12s %10s %10s  %s\n' run ok_rps p99_ms statuses
for run in "${runs[@]}"; do
  printf '%-12s %10s %10s  %s\n' "$run" "${ok_rps[$run]}" "${p99_ms[$run]}" "${statuses[$run]}"
done
printf '"database unavailable" in the log: %s time(s)\n' "$outage_lines"
printf '{"events": %d, "ok_rps_cold_32": %d, "p99_ms_cold_32": %s, "ok_rps_32": %d, "ok_rps_64": %d, "ok_rps_128": %d, "p99_ms_32": %s, "p99_ms_64": %s, "p99_ms_128": %s, "share_64": %s, "share_128": %s, "outage_log_lines": %d}\n' \
  "$events" "${ok_rps[cold]}" "${p99_ms[cold]}" "${ok_rps[32]}" "${ok_rps[64]}" "${ok_rps[128]}" "${p99_ms[32]}" "${p99_ms[64]}" "${p99_ms[128]}" \
  "$(python3 -c "print(round(${ok_rps[64]} / max(${ok_rps[32]}, 1), 2))")" \
  "$(python3 -c "print(round(${ok_rps[128]} / max(${ok_rps[32]}, 1), 2))")" "$outage_lines"
