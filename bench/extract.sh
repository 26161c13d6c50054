#!/usr/bin/env bash
# bench/extract.sh [--events N] [--requests R]
#
# The article reader (#27), POST /api/curator/extract, on a PostGIS store of N synthetic events (default
# 100,000; the reader counts the store's 1,000 most named actors on every call), heap capped at 256 MB:
# R calls (default 20, after 3 warm-ups) with the seed report retold (2.6 KB), then R with the 13 dev set
# reports repeated to 59,000 characters (the most a call takes is 60,000), then once each three hostile
# texts of 59,000 characters (one sentence of verbs, places and "the city"; the same under "if"; nothing
# but capitalised place names). Prints p50 and p95 in ms; the last line is one JSON object. Figures on
# record: bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

events=100000
requests=20
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    *) echo "usage: bench/extract.sh [--events N] [--requests R]" >&2; exit 2 ;;
  esac
done

source bench/lib.sh
schema=bench_extract
bench_setup "$schema"
work=bench/target/extract
mkdir -p "$work"
# the first start (the import's) makes the curator admin with this password
export CONFLICTMAP_ADMIN_PASSWORD=bench-extract-password
bench_load_events "$events" 1 "$work"
bench_start_service "$work"

python3 - "$service" "$requests" "$events" <<'PY'
import base64, glob, json, sys, time, urllib.request
service, requests, events = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
auth = "Basic " + base64.b64encode(b"admin:bench-extract-password").decode()

def call(text):
    body = json.dumps({"text": text, "published": "2024-12-05"}).encode()
    request = urllib.request.Request(service + "/api/curator/extract", data=body,
                                     headers={"Content-Type": "application/json", "Authorization": auth})
    start = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    return (time.perf_counter() - start) * 1000, answer

def quantile(values, q):
    values = sorted(values)
    return values[max(0, min(len(values) - 1, int(q * len(values) + 0.999999) - 1))]

def timed(text):
    for _ in range(3):
        call(text)
    return [call(text)[0] for _ in range(requests)]

seed = open("backend/src/test/resources/extract/seed-report-retold.txt").read()
reports = " ".join(open(f).read().split("\n---\n")[1] for f in sorted(glob.glob("gazetteer/src/test/resources/reports/*.txt")))
long = (reports * 30)[:59000]
hostile = {
    "one_sentence": ("Hama captured the city, the city clashed overnight on Tuesday, " * 1000)[:59000],
    "supposed": ("if Hama captured the city, would the city clashed overnight on Tuesday, Rebels " * 1000)[:59000],
    "capitals": ("Aleppo Hama Idlib Homs Damascus Raqqa Deir Tal Kafr Ain " * 1100)[:59000],
}
seed_ms = timed(seed)
long_ms = timed(long)
once = {name: round(call(text)[0]) for name, text in hostile.items()}
print("%-22s %10s %10s" % ("what", "p50_ms", "p95_ms"))
print("%-22s %10.0f %10.0f" % ("seed report 2.6 KB", quantile(seed_ms, .5), quantile(seed_ms, .95)))
print("%-22s %10.0f %10.0f" % ("reports 59,000 chars", quantile(long_ms, .5), quantile(long_ms, .95)))
for name, ms in once.items():
    print("%-22s %10d" % (name, ms))
print(json.dumps({"events": events, "seed_p50_ms": round(quantile(seed_ms, .5)), "seed_p95_ms": round(quantile(seed_ms, .95)),
                  "long_p50_ms": round(quantile(long_ms, .5)), "long_p95_ms": round(quantile(long_ms, .95)),
                  **{name + "_ms": ms for name, ms in once.items()}}))
PY
bench_stop_service
