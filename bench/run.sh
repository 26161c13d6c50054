#!/usr/bin/env bash
# bench/run.sh --events N [--seed S] [--wrk-seconds T]
#
# Loads N synthetic ACLED events into PostGIS with the service's own importer, starts the service on the
# postgis profile (heap capped at 256 MB), measures, prints a table, and as its very last line one JSON
# object with the figures. See bench/README.md for what each figure means and the numbers on record.
#
# The database: SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD when set (a PostGIS database; the run works
# in its own schema, bench_run, dropped and refilled every run), else a local database conflictmap_bench
# that bench/lib.sh creates (as the postgres OS user, like .ci/run). wrk comes from Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

events=1000000
seed=1
wrk_seconds=30
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --wrk-seconds) wrk_seconds=$2; shift 2 ;;
    *) echo "usage: bench/run.sh --events N [--seed S] [--wrk-seconds T]" >&2; exit 2 ;;
  esac
done
[[ "$events" =~ ^[0-9]+$ ]] && [ "$events" -ge 1000 ] || { echo "bench/run.sh: --events takes a whole number >= 1000" >&2; exit 2; }

source bench/lib.sh
schema=bench_run
bench_setup "$schema"
work=bench/target/run
mkdir -p "$work"
bench_load_events "$events" "$seed" "$work"
bench_start_service "$work"

echo "bench: month windows through /api/events and as raw SQL" >&2
java -cp "$bench_jar" org.conflictmap.bench.ServiceBench reads "$service" "$url" "$db_user" "$db_password" \
  2017-01-01 2024-12-31 | tee "$work/reads.txt"

small="$service/api/events?from=2022-06-01&to=2022-06-30&bbox=36.0,33.3,36.6,33.7&limit=100"
small_features=$(curl -sf "$small" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["features"]))')
echo "bench: wrk -t2 -c32 -d${wrk_seconds}s on a $small_features-feature query" >&2
wrk -t2 -c32 -d"${wrk_seconds}s" --latency "$small" | tee "$work/wrk.txt"
small_rps=$(awk '/Requests\/sec/ {printf "%d", $2}' "$work/wrk.txt")
small_errors=$(awk '/Socket errors/ {n += $4 + $6 + $8 + $10} /Non-2xx/ {n += $NF} END {print n + 0}' "$work/wrk.txt")
echo "bench: the same, every request a different box (never a cached answer)" >&2
wrk -t2 -c32 -d"${wrk_seconds}s" --latency -s bench/vary-bbox.lua "$service" | tee "$work/wrk-uncached.txt"
small_uncached_rps=$(awk '/Requests\/sec/ {printf "%d", $2}' "$work/wrk-uncached.txt")
small_errors=$((small_errors + $(awk '/Socket errors/ {n += $4 + $6 + $8 + $10} /Non-2xx/ {n += $NF} END {print n + 0}' "$work/wrk-uncached.txt")))
echo "bench: PostGIS answering the same questions itself (pgbench -c32, bench/raw-vary-bbox.sql)" >&2
pg_parts=$(python3 -c "import re, sys; m = re.match(r'jdbc:postgresql://([^:/]+)(?::(\d+))?/([^?]+)', sys.argv[1]); print(m.group(1), m.group(2) or 5432, m.group(3))" "$url")
read -r pg_host pg_port pg_db <<<"$pg_parts"
PGPASSWORD=$db_password PGOPTIONS="-c jit=off -c search_path=$schema,public" pgbench -n -h "$pg_host" -p "$pg_port" \
  -U "$db_user" -c 32 -j 2 -T "$wrk_seconds" -f bench/raw-vary-bbox.sql "$pg_db" | tee "$work/pgbench-uncached.txt"
raw_uncached_tps=$(awk '/^tps/ {printf "%d", $3}' "$work/pgbench-uncached.txt")
uncached_ratio_vs_raw=$(python3 -c "print(round($small_uncached_rps / max($raw_uncached_tps, 1), 2))")

echo "bench: full GeoJSON export, heap sampled every 100 ms" >&2
jstat -gc "$pid" 100 >"$work/jstat.txt" &
jstat_pid=$!
java -cp "$bench_jar" org.conflictmap.bench.ServiceBench export "$service" | tee "$work/export.txt"
kill $jstat_pid
# used heap = survivor spaces + eden + old generation, in KB
export_heap_mb=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {u = $3 + $4 + $6 + $8; if (u > m) m = u} END {printf "%d", m / 1024}' "$work/jstat.txt")
bench_stop_service

figure() { awk -v k="$1" '$1 == k {print $2}' "$work/reads.txt" "$work/export.txt"; }
bbox_month_p50_ms=$(figure bbox_month_p50_ms)
raw_sql_p50_ms=$(figure raw_sql_p50_ms)
ratio_vs_raw=$(figure ratio_vs_raw)
export_all_s=$(figure export_all_s)

printf '\n%-22s %14s %10s\n' figure value target
printf '%-22s %14s %10s\n' events "$events" ""
printf '%-22s %14s %10s\n' import_rows_per_s "$import_rows_per_s" ">= 20000"
printf '%-22s %14s %10s\n' bbox_month_p50_ms "$bbox_month_p50_ms" ""
printf '%-22s %14s %10s\n' raw_sql_p50_ms "$raw_sql_p50_ms" ""
printf '%-22s %14s %10s\n' ratio_vs_raw "$ratio_vs_raw" "<= 1.5"
printf '%-22s %14s %10s\n' small_rps "$small_rps" ">= 1500"
printf '%-22s %14s %10s\n' small_uncached_rps "$small_uncached_rps" ""
printf '%-22s %14s %10s\n' raw_uncached_tps "$raw_uncached_tps" ""
printf '%-22s %14s %10s\n' uncached_ratio_vs_raw "$uncached_ratio_vs_raw" ">= 0.8"
printf '%-22s %14s %10s\n' small_errors "$small_errors" "0"
printf '%-22s %14s %10s\n' export_all_s "$export_all_s" ""
printf '%-22s %14s %10s\n' export_heap_mb "$export_heap_mb" "<= 256"
printf '{"events": %d, "import_rows_per_s": %d, "bbox_month_p50_ms": %s, "raw_sql_p50_ms": %s, "ratio_vs_raw": %s, "small_rps": %d, "small_uncached_rps": %d, "raw_uncached_tps": %d, "uncached_ratio_vs_raw": %s, "small_errors": %d, "export_all_s": %s, "export_heap_mb": %d}\n' \
  "$events" "$import_rows_per_s" "$bbox_month_p50_ms" "$raw_sql_p50_ms" "$ratio_vs_raw" "$small_rps" "$small_uncached_rps" "$raw_uncached_tps" "$uncached_ratio_vs_raw" "$small_errors" \
  "$export_all_s" "$export_heap_mb"
