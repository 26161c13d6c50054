// The server's clusters (GET /api/events/clusters): what the map draws instead of markers when the view
// holds more events than a browser should be sent one by one. One circle per grid cell, sized by its
// count and ringed in the colour of its commonest type; choosing one zooms to the box around its events.
import { count } from './format.js';
import { typeColour } from './vocabulary.js';

export class ClusterLayer extends L.LayerGroup {
  /** Replaces the clusters drawn with those of a clusters FeatureCollection; null clears them. */
  setData(collection) {
    this.clearLayers();
    for (const feature of collection?.features ?? []) {
      // the map this layer is on (Leaflet sets _map for a layer's own use while it is added)
      this.addLayer(clusterMarker(feature, () => this._map));
    }
  }

  /** How many clusters are drawn. */
  size() {
    return this.getLayers().length;
  }
}

/** A cluster's circle; choosing it zooms `map()` to the box around its events. */
function clusterMarker(feature, mapOf) {
  const { count: n, by_type: byType, bbox } = feature.properties;
  const [lon, lat] = feature.geometry.coordinates;
  const [commonest] = Object.entries(byType).sort((a, b) => b[1] - a[1])[0];
  // smaller than the 60-pixel cells, so neighbouring circles overlap less
  const size = n < 10 ? 26 : n < 100 ? 32 : n < 1000 ? 38 : n < 10000 ? 44 : 50;
  const label = document.createElement('span');
  label.textContent = count(n);
  const types = Object.entries(byType).sort((a, b) => b[1] - a[1])
    .map(([type, k]) => `${count(k)} ${type}`).join(', ');
  const marker = L.marker(L.latLng(lat, lon), {
    icon: L.divIcon({ className: 'event-cluster server-cluster', html: label, iconSize: [size, size] }),
    keyboard: true,
    // neighbouring cells' circles can overlap: the larger one is drawn over (and takes the click from) the smaller
    zIndexOffset: Math.round(Math.log10(n + 1) * 1000),
    title: `${count(n)} events: ${types}`,
    alt: `${count(n)} events`,
  });
  marker.on('add', () => {
    const element = marker.getElement();
    element.dataset.clusterId = feature.id;
    element.dataset.count = String(n);
    element.style.setProperty('--type-colour', typeColour(commonest));
    element.setAttribute('aria-label', `${count(n)} events: ${types}. Zoom in.`);
  });
  marker.on('click', () => {
    const map = mapOf();
    const bounds = L.latLngBounds([bbox[1], bbox[0]], [bbox[3], bbox[2]]);
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), map.getZoom() + 2);
    else map.fitBounds(bounds, { padding: [40, 40] });
  });
  return marker;
}
