#!/usr/bin/env bash
# bench/faults.sh --stop-postgresql [--events N] [--outage S]
#
# Stops the local PostgreSQL for S seconds (default 30) under load, and starts it again. This stops the
# machine's PostgreSQL cluster (every database in it), so it asks for --stop-postgresql, needs root, and
# must not run beside the tests. Loads N synthetic events (default 10,000) into the schema bench_faults,
# starts the service on the postgis profile, and meanwhile runs:
#   - wrk holding about 200 requests/s of bench/read-mix.lua (background load);
#   - a probe that asks /api/events every 100 ms and writes down each answer's status and time;
#   - a curator writing one event every 200 ms, who writes down every write acknowledged (201).
# Then reports: the answers while the database was away (statuses, slowest), how soon after it was back
# the service answered 200 again, and whether every acknowledged write is there afterwards. The last
# line is one JSON object; the figures on record are in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

events=10000
outage=30
confirmed=no
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --outage) outage=$2; shift 2 ;;
    --stop-postgresql) confirmed=yes; shift ;;
    *) echo "usage: bench/faults.sh --stop-postgresql [--events N] [--outage S]" >&2; exit 2 ;;
  esac
done
[ "$confirmed" = yes ] || { echo "bench/faults.sh stops this machine's PostgreSQL for a while; say --stop-postgresql" >&2; exit 2; }
[ -n "${SPRING_DATASOURCE_URL:-}" ] && { echo "bench/faults.sh works on the local PostgreSQL only (it stops it); unset SPRING_DATASOURCE_URL" >&2; exit 2; }
pg_version=$(ls /etc/postgresql | sort -V | tail -n 1)

source bench/lib.sh
bench_setup bench_faults
work=bench/target/faults
mkdir -p "$work"
# the first curator is made by the first command to open the schema (the import), with this password
password=a-long-bench-password
export CONFLICTMAP_ADMIN_PASSWORD=$password
bench_load_events "$events" 3 "$work"
bench_start_service "$work"
# PostgreSQL comes back even if this script is stopped half way
trap 'pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start 2>/dev/null || true; kill $pid 2>/dev/null || true' EXIT

now_ms() { date +%s%3N; }
: >"$work/probe.txt"
: >"$work/writes.txt"
(
  while :; do
    echo "$(now_ms) $(curl -s -o /dev/null --max-time 20 -w '%{http_code} %{time_total}' "$service/api/events?from=2024-01-01&to=2024-01-31&limit=10")" >>"$work/probe.txt"
    sleep 0.1
  done
) &
probe=$!
(
  n=0
  while :; do
    n=$((n + 1))
    answer=$(curl -s --max-time 20 -o "$work/write-body.txt" -w '%{http_code} %header{location}' -u "admin:$password" \
      -H 'Content-Type: application/json' -X POST "$service/api/events" --data "{\"title\": \"Fault drill write $n\",
      \"summary\": \"Written while the database is stopped and started.\", \"event_type\": \"Battles\",
      \"sub_event_type\": \"Armed clash\", \"actors\": {\"side_a\": [\"Hayat Tahrir al-Sham\"]},
      \"date_start\": \"2024-12-05\", \"date_end\": \"2024-12-05\", \"time_precision\": 1, \"place_text\": \"Hama\",
      \"sources\": [{\"publisher\": \"Drill\", \"published\": \"2024-12-05\"}], \"status\": \"published\"}")
    echo "$(now_ms) $answer" >>"$work/writes.txt"
    sleep 0.2
  done
) &
writer=$!
WRK_DELAY_MS=160 wrk -t2 -c32 -d"$((outage + 40))s" --timeout 20s -s bench/read-mix.lua "$service" >"$work/wrk.txt" &
load=$!

sleep 15
echo "bench: stopping PostgreSQL $pg_version for $outage s" >&2
stopped_at=$(now_ms)
pg_ctlcluster --skip-systemctl-redirect "$pg_version" main stop -m fast
sleep "$outage"
echo "bench: starting PostgreSQL" >&2
start_at=$(now_ms)
pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start
for _ in $(seq 1 100); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.1; done
# pg_ctlcluster returns once the server accepts connections
back_at=$(now_ms)
sleep 20
kill $probe $writer 2>/dev/null || true
wait $load || true

# the probe's answers while the database was away (from a second after the stop until the start began),
# and the first 200 after it accepted connections again
down=$(awk -v a="$stopped_at" -v b="$start_at" '$1 > a + 1000 && $1 < b' "$work/probe.txt")
down_statuses=$(echo "$down" | awk '{c[$2]++} END {for (s in c) printf "%s:%d ", s, c[s]}')
down_slowest_s=$(echo "$down" | awk '$3 > m {m = $3} END {printf "%.3f", m + 0}')
recovered_ms=$(awk -v b="$back_at" '$1 >= b && $2 == 200 {print $1 - b; exit}' "$work/probe.txt")
server_errors=$(cat "$work/probe.txt" "$work/writes.txt" | awk '$2 >= 500 && $2 != 503' | wc -l)
# every write acknowledged (201) must be readable afterwards
acknowledged=0; missing=0
while read -r _ status location; do
  [ "$status" = 201 ] || continue
  acknowledged=$((acknowledged + 1))
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$service$location")" = 200 ] || missing=$((missing + 1))
done <"$work/writes.txt"
refused_writes=$(awk '$2 == 503' "$work/writes.txt" | wc -l)
wrk_errors=$(awk '/Socket errors/ {n += $4 + $6 + $8 + $10} END {print n + 0}' "$work/wrk.txt")
wrk_non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
bench_stop_service
trap - EXIT

printf '\n%-32s %s\n' figure value
printf '%-32s %s\n' outage_s "$outage" probe_statuses_while_down "$down_statuses" probe_slowest_while_down_s "$down_slowest_s" \
  recovered_ms_after_pg_ready "$recovered_ms" server_errors_other_than_503 "$server_errors" writes_acknowledged "$acknowledged" \
  acknowledged_writes_missing "$missing" writes_refused_503 "$refused_writes" load_socket_errors "$wrk_errors" \
  load_non_2xx "${wrk_non2xx:-0}"
printf '{"outage_s": %d, "probe_statuses_while_down": "%s", "probe_slowest_while_down_s": %s, "recovered_ms_after_pg_ready": %s, "server_errors_other_than_503": %d, "writes_acknowledged": %d, "acknowledged_writes_missing": %d, "writes_refused_503": %d}\n' \
  "$outage" "${down_statuses% }" "$down_slowest_s" "${recovered_ms:-null}" "$server_errors" "$acknowledged" "$missing" "$refused_writes"
