// The territory of one day: control areas in their side's colour, contested areas dashed, and the front line.
// Side colours follow seeds/sides.yaml.

const SIDE_COLOURS = { opposition: '#2e7d32', government: '#c62828' };

/** A Leaflet layer for a /api/frontlines FeatureCollection. */
export function territoryLayer(collection) {
  return L.geoJSON(collection, {
    pane: 'territory',
    interactive: false,
    style: (feature) => {
      const p = feature.properties;
      if (p.kind === 'frontline') {
        return { className: 'frontline', color: '#111827', weight: 3, opacity: 0.9 };
      }
      if (p.kind === 'contested') {
        return { className: 'territory contested', color: '#b45309', weight: 2, dashArray: '6 4', fillColor: '#f59e0b', fillOpacity: 0.35 };
      }
      const colour = SIDE_COLOURS[p.side] ?? '#6b7280';
      return { className: `territory control side-${p.side} ${p.status}`, color: colour, weight: 1, fillColor: colour,
        fillOpacity: p.status === 'assessed' ? 0.25 : 0.3 };
    },
  });
}

/** "Opposition: 8,970 km² on 3 Dec 2024". */
export function describeTerritory(collection) {
  const parts = Object.entries(collection.area_km2 ?? {}).map(([side, km2]) =>
    `${side[0].toUpperCase()}${side.slice(1)}: ${Math.round(km2).toLocaleString('en-GB')} km²`);
  return parts.length ? `${parts.join(', ')} on ${collection.date}` : '';
}
