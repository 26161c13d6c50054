// Events as map symbols: a dot where the place is exact, a circle whose size says how far off the point
// may be where the report names only a neighbourhood (precision 2) or a region (precision 3).
import { eventPopup } from './popup.js';

const TYPE_COLOURS = {
  Battles: '#b91c1c',
  'Explosions/Remote violence': '#ea580c',
  'Violence against civilians': '#7c3aed',
  Protests: '#0284c7',
  Riots: '#0891b2',
  'Strategic developments': '#374151',
};

/** Uncertainty radius in metres by geo_precision. */
const PRECISION_RADIUS = { 2: 8000, 3: 60000 };

/** A Leaflet layer with one symbol per event feature; each symbol carries the class "event-marker". */
export function eventsLayer(collection) {
  // Widest uncertainty first, so that precise dots are drawn on top and stay clickable.
  const features = [...collection.features].sort((a, b) => b.properties.geo_precision - a.properties.geo_precision);
  return L.geoJSON({ type: 'FeatureCollection', features }, {
    pointToLayer: (feature, latlng) => symbol(feature, latlng),
    onEachFeature: (feature, layer) => {
      layer.bindPopup(() => eventPopup(feature), { maxWidth: 360 });
      // The drawn element names its event, for the list, for tests and for assistive tech.
      layer.on('add', () => {
        const element = layer.getElement();
        element?.setAttribute('data-event-id', feature.id);
        element?.setAttribute('aria-label', feature.properties.title);
      });
    },
  });
}

function symbol(feature, latlng) {
  const p = feature.properties;
  const colour = TYPE_COLOURS[p.event_type] ?? '#111827';
  const contested = p.claims?.some((c) => c.status === 'contested' || c.status === 'denied');
  const style = {
    className: `event-marker precision-${p.geo_precision}`,
    color: colour,
    weight: 2,
    dashArray: contested ? '4 3' : null,
    fillColor: colour,
  };
  const radius = PRECISION_RADIUS[p.geo_precision];
  if (radius) {
    return L.circle(latlng, { ...style, radius, fillOpacity: 0.12 });
  }
  return L.circleMarker(latlng, { ...style, radius: 7, fillOpacity: 0.85, color: '#fff' });
}
