// Events on the map: one marker per event, coloured by type and drawn by claim status, clustered where
// events share a place or crowd together (Leaflet.markercluster). Where the report names only a
// neighbourhood (precision 2) or a region (precision 3), a faint circle around the marker shows how far
// off the point may be; it is drawn for markers standing alone, not for those inside a cluster.
import { count } from './format.js';
import { eventPopup } from './popup.js';
import { PRECISION_RADIUS, typeColour, typeSlug } from './vocabulary.js';

// A Leaflet layer: it draws once added to a map, and fires 'hover' and 'select' with the event's id.
export class EventsLayer extends L.Layer {
  constructor() {
    super();
    this._markers = new Map();
    /** Made with the first marker: a large store's map may draw only the server's clusters. */
    this._clusters = null;
    this._halos = L.layerGroup([], { pane: 'halos' });
    this._haloRenderer = L.canvas({ pane: 'halos' });
    this._zooming = false;
  }

  onAdd(map) {
    this._halos.addTo(map);
    this._clusters?.addTo(map);
    this._drawHalos();
  }

  onRemove(map) {
    this._halos.remove();
    this._clusters?.remove();
  }

  getEvents() {
    return {
      moveend: this._drawHalos,
      zoomstart: () => { this._zooming = true; },
      zoomend: () => { this._zooming = false; },
    };
  }

  _group() {
    if (!this._clusters) {
      this._clusters = L.markerClusterGroup({
        chunkedLoading: true,
        maxClusterRadius: 36,
        showCoverageOnHover: false,
        spiderfyOnMaxZoom: true,
        iconCreateFunction: clusterIcon,
      });
      this._clusters.on('animationend', () => this._drawHalos());
      if (this._map) this._clusters.addTo(this._map);
    }
    return this._clusters;
  }

  /**
   * Replaces the events drawn with those of a FeatureCollection. Markers of events that stay (same id,
   * same version) are kept: moving the window a day changes a few markers, not all of them.
   */
  setData(collection) {
    const next = new Map(collection.features.map((f) => [f.id, f]));
    const gone = [];
    for (const [id, marker] of this._markers) {
      const feature = next.get(id);
      if (!feature || feature.properties.version !== marker.feature.properties.version) {
        gone.push(marker);
        this._markers.delete(id);
      }
    }
    const added = [];
    for (const feature of collection.features) {
      if (this._markers.has(feature.id)) continue;
      const marker = eventMarker(feature);
      marker.on('click', () => this._emit('select', feature.id));
      marker.on('mouseover', () => this._emit('hover', feature.id));
      marker.on('mouseout', () => this._emit('hover', null));
      this._markers.set(feature.id, marker);
      added.push(marker);
    }
    if (gone.length) this._group().removeLayers(gone);
    if (added.length) this._group().addLayers(added);
    this._order = collection.features.map((f) => f.id);
    this._drawHalos();
  }

  /** Whether the event is drawn. */
  has(id) {
    return this._markers.has(id);
  }

  /** The features whose point lies inside `bounds`, in the order they were given. */
  featuresIn(bounds) {
    const inView = [];
    for (const id of this._order ?? []) {
      const marker = this._markers.get(id);
      if (bounds.contains(marker.getLatLng())) inView.push(marker.feature);
    }
    return inView;
  }

  /** The bounds of all events drawn, or null when there are none. */
  bounds() {
    return this._markers.size ? this._clusters.getBounds() : null;
  }

  /** Zooms in as far as needed to show the event's marker on its own, then opens its popup. */
  open(id) {
    const marker = this._markers.get(id);
    if (!marker) return;
    const show = () => this._clusters.zoomToShowLayer(marker, () => marker.openPopup());
    // Leaflet drops a setView asked for during a zoom animation; wait for it to end
    if (this._zooming) this._map.once('zoomend', show);
    else show();
  }

  /** Marks the event's marker (or the cluster holding it) as the one the user points at. */
  highlight(id) {
    this._map.getContainer().querySelectorAll('.highlight').forEach((el) => el.classList.remove('highlight'));
    const marker = id && this._markers.get(id);
    if (!marker) return;
    const shown = this._clusters.getVisibleParent(marker);
    shown?.getElement()?.classList.add('highlight');
  }

  _drawHalos() {
    this._halos.clearLayers();
    if (!this._map) return;
    const view = this._map.getBounds().pad(0.5);
    for (const marker of this._markers.values()) {
      const radius = PRECISION_RADIUS[marker.feature.properties.geo_precision];
      if (!radius || !view.contains(marker.getLatLng())) continue;
      if (this._clusters.getVisibleParent(marker) !== marker) continue;
      const colour = typeColour(marker.feature.properties.event_type);
      this._halos.addLayer(L.circle(marker.getLatLng(), {
        radius, renderer: this._haloRenderer, interactive: false, color: colour, weight: 1, opacity: 0.6,
        fillColor: colour, fillOpacity: 0.08, dashArray: '3 3',
      }));
    }
  }

  _emit(type, id) {
    this.fire(type, { id });
  }
}

function eventMarker(feature) {
  const p = feature.properties;
  const classes = ['event-marker', `type-${typeSlug(p.event_type)}`, `claim-${p.claim_status}`,
    `precision-${p.geo_precision}`];
  const marker = L.marker(L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0]), {
    icon: L.divIcon({ className: classes.join(' '), iconSize: [16, 16], html: '' }),
    keyboard: true,
    title: p.title,
    alt: p.title,
    riseOnHover: true,
  });
  marker.feature = feature;
  marker.bindPopup(() => eventPopup(feature), { maxWidth: 360, autoPanPadding: [40, 40] });
  // The drawn element names its event (for the list, for tests) and carries its type's colour.
  marker.on('add', () => {
    const element = marker.getElement();
    element.dataset.eventId = feature.id;
    element.style.setProperty('--type-colour', typeColour(p.event_type));
    element.setAttribute('aria-label', `${p.title} (${p.event_type}, ${p.claim_status})`);
  });
  return marker;
}

function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 44 : 52;
  const label = document.createElement('span');
  label.textContent = count(n);
  return L.divIcon({ className: 'event-cluster', html: label, iconSize: [size, size] });
}
