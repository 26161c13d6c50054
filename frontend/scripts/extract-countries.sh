#!/usr/bin/env bash
# Regenerates src/main/resources/META-INF/resources/data/countries.geojson, the offline basemap:
# Natural Earth 1:50m country outlines (public domain) for Syria and the countries around it, taken
# from the npm package world-atlas (TopoJSON) and turned into GeoJSON with topojson-client.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/src/main/resources/META-INF/resources/data/countries.geojson"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null
mkdir wa tc && tar xzf world-atlas-2.0.2.tgz -C wa && tar xzf topojson-client-3.1.0.tgz -C tc
node - "$out" <<'JS'
const fs = require('fs');
const topojson = require('./tc/package/dist/topojson-client.js');
const world = require('./wa/package/countries-50m.json');
// ISO 3166-1 numeric ids: Syria and every country within a day's drive of the front.
const keep = new Set(['760', '792', '422', '400', '376', '275', '368', '682', '364', '818', '196']);
const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 1e4) / 1e4, Math.round(c[1] * 1e4) / 1e4];
const features = topojson.feature(world, world.objects.countries).features
  .filter((f) => keep.has(f.id))
  .map((f) => ({ type: 'Feature', id: f.id, properties: { name: f.properties.name },
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) } }));
fs.writeFileSync(process.argv[2], JSON.stringify({ type: 'FeatureCollection',
  attribution: 'Natural Earth 1:50m (public domain), via world-atlas 2.0.2', features }) + '\n');
console.log(`wrote ${features.length} countries to ${process.argv[2]}`);
JS
