#!/usr/bin/env bash
# bench/load.sh [--events N] [--minutes M] [--share P]
#
# Sustained load: loads N synthetic ACLED events (default 100,000) into PostGIS, starts the service on the
# postgis profile (heap capped at 256 MB), warms it up for 60 s, measures its capacity for the read mix
# of bench/read-mix.lua (wrk flat out, 2 threads, 32 connections, 30 s), then holds P% of that (default
# 80; the wait between requests calibrated in a 20 s trial) for M minutes (default 10) and samples the
# service's heap and resident memory every 10 s. Prints a table and, as the last line, one JSON object.
# The figures on record are in bench/README.md.
#
# The database: SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD when set, else the local database
# conflictmap_bench that bench/run.sh also uses; this script works in its own schema, bench_load.
set -euo pipefail
cd "$(dirname "$0")/.."

events=100000
minutes=10
share=80
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --share) share=$2; shift 2 ;;
    *) echo "usage: bench/load.sh [--events N] [--minutes M] [--share P]" >&2; exit 2 ;;
  esac
done
[[ "$events" =~ ^[0-9]+$ && "$minutes" =~ ^[0-9]+$ && "$share" =~ ^[0-9]+$ ]] \
  || { echo "bench/load.sh: --events, --minutes and --share take whole numbers" >&2; exit 2; }

source bench/lib.sh
bench_setup bench_load
work=bench/target/load
mkdir -p "$work"
bench_load_events "$events" 1 "$work"
bench_start_service "$work"

echo "bench: warm-up, wrk flat out for 60 s (the JIT, the pool, the response cache; not measured)" >&2
wrk -t2 -c32 -d60s --timeout 10s -s bench/read-mix.lua "$service" >"$work/warmup.txt"
echo "bench: capacity, wrk flat out for 30 s" >&2
wrk -t2 -c32 -d30s --latency --timeout 10s -s bench/read-mix.lua "$service" | tee "$work/capacity.txt"
capacity=$(awk '/Requests\/sec/ {printf "%d", $2}' "$work/capacity.txt")
target=$((capacity * share / 100))
[ "$target" -ge 1 ] || { echo "bench: capacity measured as $capacity requests/s; nothing to hold" >&2; exit 1; }
# each connection's rate is 1000 / (its wait + an answer's time): a 20 s trial at the wait alone finds the
# answer's time under this load, and the wait held is shortened by it
first_delay=$((32000 / target))
WRK_DELAY_MS=$first_delay wrk -t2 -c32 -d20s --timeout 10s -s bench/read-mix.lua "$service" >"$work/calibration.txt"
trial=$(awk '/Requests\/sec/ {printf "%d", $2}' "$work/calibration.txt")
delay_ms=$(python3 -c "print(max(0, round(32000 / $target - (32000 / max($trial, 1) - $first_delay))))")

echo "bench: holding $share% of $capacity = $target requests/s for $minutes min (each connection waits ${delay_ms} ms; ${first_delay} ms gave $trial/s)" >&2
: >"$work/memory.txt"
(
  while kill -0 "$pid" 2>/dev/null; do
    # used heap (survivors + eden + old, KB), old generation alone (KB), resident set (KB)
    heap=$(jstat -gc "$pid" | awk 'NR == 2 {printf "%d %d", $3 + $4 + $6 + $8, $8}')
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    echo "$(date +%s) $heap $rss" >>"$work/memory.txt"
    sleep 10
  done
) &
sampler=$!
WRK_DELAY_MS=$delay_ms wrk -t2 -c32 -d"${minutes}m" --latency --timeout 10s -s bench/read-mix.lua "$service" | tee "$work/held.txt"
kill $sampler 2>/dev/null || true
bench_stop_service

achieved=$(awk '/Requests\/sec/ {printf "%d", $2}' "$work/held.txt")
total=$(awk '/requests in/ {print $1}' "$work/held.txt")
errors=$(awk '/Socket errors/ {n += $4 + $6 + $8 + $10} /Non-2xx/ {n += $NF} END {print n + 0}' "$work/held.txt")
p50=$(awk '/^ +50%/ {print $2}' "$work/held.txt")
p99=$(awk '/^ +99%/ {print $2}' "$work/held.txt")
samples=$(wc -l <"$work/memory.txt")
per_minute=6
# the first and last minute's samples: their highest used heap, old generation and resident set, in MB
mem() { awk -v col="$2" '{printf "%d\n", $col / 1024}' "$work/memory.txt" | $1 -n "$per_minute" | sort -n | tail -n 1; }
heap_first=$(mem head 2); heap_last=$(mem tail 2)
old_first=$(mem head 3); old_last=$(mem tail 3)
rss_first=$(mem head 4); rss_last=$(mem tail 4)

printf '\n%-26s %12s\n' figure value
printf '%-26s %12s\n' events "$events" capacity_rps "$capacity" target_rps "$target" achieved_rps "$achieved" \
  requests "$total" errors "$errors" latency_p50 "$p50" latency_p99 "$p99" memory_samples "$samples" \
  heap_used_mb_first_min "$heap_first" heap_used_mb_last_min "$heap_last" old_gen_mb_first_min "$old_first" \
  old_gen_mb_last_min "$old_last" rss_mb_first_min "$rss_first" rss_mb_last_min "$rss_last"
printf '{"events": %d, "minutes": %d, "capacity_rps": %d, "target_rps": %d, "achieved_rps": %d, "requests": "%s", "errors": %d, "latency_p50": "%s", "latency_p99": "%s", "heap_used_mb_first_min": %d, "heap_used_mb_last_min": %d, "old_gen_mb_first_min": %d, "old_gen_mb_last_min": %d, "rss_mb_first_min": %d, "rss_mb_last_min": %d}\n' \
  "$events" "$minutes" "$capacity" "$target" "$achieved" "$total" "$errors" "$p50" "$p99" "$heap_first" "$heap_last" \
  "$old_first" "$old_last" "$rss_first" "$rss_last"
