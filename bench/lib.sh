# Shared steps of the bench scripts (sourced, not run): build, pick the database, load synthetic events,
# start and stop the service. Each script works in a schema of its own, dropped and refilled every run.

# bench_setup SCHEMA: wrk installed, the jars built; sets jar, bench_jar, base_url, db_user, db_password,
# url (the schema's JDBC URL), spring (the service's profile arguments) and exports SPRING_DATASOURCE_*.
# The database: SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD when set (a PostGIS database), else a local
# database conflictmap_bench created here (as the postgres OS user, like .ci/run).
bench_setup() {
  local schema=$1
  if ! command -v wrk >/dev/null; then
    echo "bench: installing wrk" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
  fi
  ./mvnw -B -q -DskipTests package
  jar=backend/target/conflict-map.jar
  bench_jar=bench/target/benchmarks.jar
  if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
    base_url=$SPRING_DATASOURCE_URL
    db_user=${SPRING_DATASOURCE_USERNAME:-conflictmap}
    db_password=${SPRING_DATASOURCE_PASSWORD:-conflictmap}
  else
    as_postgres() { runuser -u postgres -- "$@"; }
    as_postgres psql -q -v ON_ERROR_STOP=1 -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'conflictmap') THEN
        CREATE ROLE conflictmap LOGIN PASSWORD 'conflictmap';
      END IF; END \$\$;"
    as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'conflictmap_bench'" | grep -q 1 \
      || as_postgres createdb -O conflictmap conflictmap_bench
    as_postgres psql -q -v ON_ERROR_STOP=1 -d conflictmap_bench -c "CREATE EXTENSION IF NOT EXISTS postgis"
    base_url=jdbc:postgresql://localhost:5432/conflictmap_bench
    db_user=conflictmap
    db_password=conflictmap
  fi
  case "$base_url" in *\?*) url="$base_url&currentSchema=$schema,public" ;; *) url="$base_url?currentSchema=$schema,public" ;; esac
  # the service and the import command read these, as an operator would set them
  export SPRING_DATASOURCE_URL=$url SPRING_DATASOURCE_USERNAME=$db_user SPRING_DATASOURCE_PASSWORD=$db_password
  spring=(--spring.profiles.active=postgis --spring.flyway.schemas=$schema)
  java -cp "$bench_jar" org.conflictmap.bench.ServiceBench reset "$base_url" "$db_user" "$db_password" "$schema"
}

# bench_load_events N SEED WORK: N synthetic ACLED events (generated once per N and seed, kept under
# bench/target/data) imported with the service's own command; sets import_rows_per_s.
bench_load_events() {
  local events=$1 seed=$2 work=$3
  mkdir -p bench/target/data
  local csv=bench/target/data/acled-$events-$seed.csv
  [ -s "$csv" ] || java -jar "$jar" generate-acled --events "$events" --seed "$seed" --out "$csv"
  echo "bench: importing $csv" >&2
  java -jar "$jar" import --format acled "$csv" "${spring[@]}" | tee "$work/import.txt"
  import_rows_per_s=$(sed -n 's/.*(\([0-9,]*\) rows\/s).*/\1/p' "$work/import.txt" | tr -d ,)
}

# bench_start_service WORK [ARGS...]: the service on a free port, heap capped at 256 MB, its log in
# WORK/service.log; sets port, service (its base URL) and pid, and stops it when the script exits.
bench_start_service() {
  local work=$1
  shift
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  service=http://localhost:$port
  java -Xmx256m -XX:+ExitOnOutOfMemoryError -jar "$jar" --server.port="$port" "${spring[@]}" \
    --conflictmap.import-seeds-on-start=false "$@" >"$work/service.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "$service/api/map-settings" >/dev/null && break; sleep 1; done
  curl -sf "$service/api/map-settings" >/dev/null || { echo "bench: the service did not start; see $work/service.log" >&2; exit 1; }
}

# bench_stop_service: SIGTERM (a graceful shutdown), then wait for it.
bench_stop_service() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  trap - EXIT
}
