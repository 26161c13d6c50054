#!/usr/bin/env bash
# Regenerates src/main/resources/META-INF/resources/vendor/leaflet-geoman/: the editor's drawing tools,
# Leaflet-Geoman free (MIT), pinned, from the npm registry (it has no WebJar on Maven Central). The
# service then serves these files from its own jar: nothing is fetched at build or run time.
# Why Geoman: maintained (2.20.x in 2026), MIT, and its free edition draws, edits and cuts polygons
# (cut: the curator's "take away from the shown area"); Leaflet.draw's last release is from 2018.
set -euo pipefail
version=2.20.2
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/src/main/resources/META-INF/resources/vendor/leaflet-geoman"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "@geoman-io/leaflet-geoman-free@$version" >/dev/null
tar xzf "geoman-io-leaflet-geoman-free-$version.tgz"
mkdir -p "$out"
cp package/LICENSE "$out/"
# the source maps are not shipped, so nothing points browsers at them
sed '/^\/\/# sourceMappingURL=/d' package/dist/leaflet-geoman.min.js > "$out/leaflet-geoman.min.js"
sed 's#/\*\# sourceMappingURL=[^*]*\*/##' package/dist/leaflet-geoman.css > "$out/leaflet-geoman.css"
echo "Leaflet-Geoman free $version, from npm (@geoman-io/leaflet-geoman-free); regenerate with frontend/scripts/vendor-geoman.sh" > "$out/VERSION"
echo "wrote $(ls "$out" | wc -l) files to $out"
