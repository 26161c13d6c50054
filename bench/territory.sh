#!/usr/bin/env bash
# bench/territory.sh [--events N] [--assessments A] [--days D] [--dates K]
#
# The territory of a day at scale (#23): N synthetic events (default 100,000) imported into PostGIS, the
# service started on them (heap capped at 256 MB), A assessments (default 1,000) published through the
# API over two years (2023-2024), then: D of their days asked once each (the first question about a day)
# and again (repeated), and the heap after a full GC before and after K distinct dates (default 10,000)
# are asked. Prints a table and, as its last line, one JSON object. Figures on record: bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

events=100000
assessments=1000
days=200
dates=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --assessments) assessments=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --dates) dates=$2; shift 2 ;;
    *) echo "usage: bench/territory.sh [--events N] [--assessments A] [--days D] [--dates K]" >&2; exit 2 ;;
  esac
done

source bench/lib.sh
schema=bench_territory
bench_setup "$schema"
work=bench/target/territory
mkdir -p "$work"
# the first curator is made by the first command to open the schema (the import), with this password
export CONFLICTMAP_ADMIN_PASSWORD=a-long-bench-password
bench_load_events "$events" 1 "$work"
bench_start_service "$work"

echo "bench: publishing $assessments assessments" >&2
java -cp "$bench_jar" org.conflictmap.bench.TerritoryBench assess "$service" admin "$CONFLICTMAP_ADMIN_PASSWORD" \
  "$assessments" 2023-01-01 2024-12-31 | tee "$work/assess.txt"
echo "bench: $days days, first time and again" >&2
java -cp "$bench_jar" org.conflictmap.bench.TerritoryBench days "$service" 2023-01-01 2024-12-31 "$assessments" "$days" | tee "$work/days.txt"
echo "bench: one more assessment, then the first question after it, 9 times" >&2
java -cp "$bench_jar" org.conflictmap.bench.TerritoryBench rewrite "$service" admin "$CONFLICTMAP_ADMIN_PASSWORD" 9 \
  | tee -a "$work/days.txt"

# used heap after a full GC, in MB (jcmd GC.run, then jstat's survivor + eden + old columns)
heap_mb() {
  jcmd "$pid" GC.run >/dev/null
  sleep 1
  jstat -gc "$pid" | awk 'NR == 2 {printf "%.1f", ($3 + $4 + $6 + $8) / 1024}'
}
heap_before_mb=$(heap_mb)
echo "bench: $dates distinct dates" >&2
java -cp "$bench_jar" org.conflictmap.bench.TerritoryBench dates "$service" "$dates" | tee "$work/dates.txt"
heap_after_mb=$(heap_mb)
bench_stop_service

figure() { awk -v k="$1" '$1 == k {print $2}' "$work/assess.txt" "$work/days.txt" "$work/dates.txt"; }
heap_growth_mb=$(python3 -c "print(round($heap_after_mb - $heap_before_mb, 1))")
printf '\n%-22s %10s %10s\n' figure value target
printf '%-22s %10s %10s\n' events "$events" ""
printf '%-22s %10s %10s\n' assessments "$assessments" ""
printf '%-22s %10s %10s\n' assess_s "$(figure assess_s)" ""
printf '%-22s %10s %10s\n' after_writes_ms "$(figure after_writes_ms)" ""
printf '%-22s %10s %10s\n' after_write_p50_ms "$(figure after_write_p50_ms)" "< 500"
printf '%-22s %10s %10s\n' first_p50_ms "$(figure first_p50_ms)" ""
printf '%-22s %10s %10s\n' first_max_ms "$(figure first_max_ms)" "< 500"
printf '%-22s %10s %10s\n' repeat_p50_ms "$(figure repeat_p50_ms)" "< 20"
printf '%-22s %10s %10s\n' heap_before_mb "$heap_before_mb" ""
printf '%-22s %10s %10s\n' heap_after_mb "$heap_after_mb" ""
printf '%-22s %10s %10s\n' heap_growth_mb "$heap_growth_mb" "< 10"
printf '{"events": %s, "assessments": %s, "after_writes_ms": %s, "after_write_p50_ms": %s, "first_p50_ms": %s, "first_p95_ms": %s, "first_max_ms": %s, "repeat_p50_ms": %s, "dates": %s, "heap_growth_mb": %s}\n' \
  "$events" "$assessments" "$(figure after_writes_ms)" "$(figure after_write_p50_ms)" "$(figure first_p50_ms)" "$(figure first_p95_ms)" \
  "$(figure first_max_ms)" "$(figure repeat_p50_ms)" "$dates" "$heap_growth_mb"
