// Basemaps. The default needs no internet: Natural Earth country outlines shipped with the app, and
// governorate and town names from the shipped gazetteer. An online tile layer (OpenStreetMap unless the
// operator configures another) is offered in the layer switcher and never loaded unless picked.
import { fetchGeoJson } from './api.js';

/**
 * Adds the offline basemap and the layer switcher; resolves once the outlines are drawn.
 * @param {{region?: {name: string}, tiles?: {name: string, url: string, attribution: string, attribution_url: string|null}}} settings
 */
export async function addBasemaps(map, settings) {
  const offline = L.layerGroup([], { attribution: 'Outlines: Natural Earth · Names: GeoNames (CC BY 4.0)' });
  const bases = { 'Offline outlines': offline };
  if (settings.tiles) {
    const t = settings.tiles;
    bases[t.name] = L.tileLayer(t.url, { maxZoom: 18, attribution: attribution(t), pane: 'basemap' });
  }
  offline.addTo(map);
  L.control.layers(bases, null, { position: 'topright' }).addTo(map);
  const [countries, labels] = await Promise.all([
    fetchGeoJson('/data/countries.geojson'),
    fetchGeoJson('/api/basemap/labels').catch(() => ({ features: [] })),
  ]);
  offline.addLayer(countryLayer(countries, settings.region?.name));
  offline.addLayer(labelLayer(map, labels));
}

/** The outlines, the region's country lighter than its neighbours. */
function countryLayer(countries, regionName) {
  const layer = L.geoJSON(countries, {
    pane: 'basemap',
    interactive: false,
    style: (feature) => ({
      color: '#8a96a3',
      weight: 1,
      fillColor: feature.properties.name === regionName ? '#fbfaf5' : '#eceae3',
      fillOpacity: 1,
    }),
  });
  layer.eachLayer((country) => {
    country.bindTooltip(country.feature.properties.name, { permanent: true, direction: 'center', className: 'country-label', pane: 'labels' });
  });
  return layer;
}

// Governorate names from zoom 8, towns as small dots with names; the names are text, set by Leaflet's
// tooltip from strings of the shipped gazetteer.
function labelLayer(map, labels) {
  const layer = L.layerGroup();
  for (const feature of labels.features) {
    const [lon, lat] = feature.geometry.coordinates;
    const { name, kind } = feature.properties;
    const marker = kind === 'town'
      ? L.circleMarker([lat, lon], { pane: 'basemap', radius: 2.5, weight: 1, color: '#4b5563', fillColor: '#fff', fillOpacity: 1, interactive: false })
      : L.circleMarker([lat, lon], { pane: 'basemap', radius: 0, stroke: false, interactive: false });
    // a governorate's point is its seat, so its name goes above the town's
    marker.bindTooltip(name, { permanent: true, direction: kind === 'town' ? 'right' : 'top', offset: kind === 'town' ? [4, 0] : [0, -6],
      className: `place-label ${kind}-label`, pane: 'labels' });
    layer.addLayer(marker);
  }
  const zoomClass = () => map.getContainer().classList.toggle('show-governorates', map.getZoom() >= 8);
  map.on('zoomend', zoomClass);
  zoomClass();
  return layer;
}

function attribution({ attribution: text, attribution_url: url }) {
  // Leaflet's attribution is HTML; build it from text so a configured string cannot inject markup.
  const holder = document.createElement('span');
  if (url) {
    const link = document.createElement('a');
    link.href = url;
    link.textContent = text;
    holder.append(link);
  } else {
    holder.textContent = text;
  }
  return holder.innerHTML;
}
