// The offline basemap: Natural Earth country outlines shipped with the app, so the map needs no tile server.
import { fetchGeoJson } from './api.js';

/** Adds country outlines with name labels to the map; resolves once drawn. */
export async function addOfflineBasemap(map) {
  const countries = await fetchGeoJson('/data/countries.geojson');
  const layer = L.geoJSON(countries, {
    pane: 'basemap',
    style: (feature) => ({
      color: '#8a96a3',
      weight: 1,
      fillColor: feature.properties.name === 'Syria' ? '#fbfaf5' : '#eceae3',
      fillOpacity: 1,
    }),
    interactive: false,
  }).addTo(map);
  layer.eachLayer((country) => {
    country.bindTooltip(country.feature.properties.name, { permanent: true, direction: 'center', className: 'country-label' });
  });
  map.attributionControl.addAttribution('Outlines: Natural Earth');
  return layer;
}
