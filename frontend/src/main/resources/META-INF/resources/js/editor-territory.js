// The editor's territory mode: choose a day and a side, see that day's territory (assessed areas solid,
// derived ones dashed, contested striped), draw the side's area with Leaflet-Geoman (polygon, rectangle,
// edit, cut, remove) or start from the shown area, and save it as an assessment, a draft or published.
// Writes carry If-Match; when someone else saved first, the conflict box says so and the drawing stays.
import { addBasemaps } from './basemap.js';
import { ApiError, call } from './editor-api.js';
import { regionBounds } from './map-region.js';

const PATH = '/api/territory/assessments';
const $ = (id) => document.getElementById(id);

/**
 * The polygons of a FeatureCollection of Polygon / MultiPolygon features as one MultiPolygon's
 * coordinates (the service joins polygons that overlap).
 */
export function multiPolygon(collection) {
  const polygons = [];
  for (const f of collection.features ?? []) {
    if (f.geometry?.type === 'Polygon') polygons.push(f.geometry.coordinates);
    else if (f.geometry?.type === 'MultiPolygon') polygons.push(...f.geometry.coordinates);
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** The assessment the form and the drawing make, as the API takes it. */
export function assessmentBody({ id, side, day, form, geometry, status }) {
  const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);
  return {
    type: 'Feature',
    ...(id ? { id } : {}),
    geometry,
    properties: {
      side,
      valid_from: day,
      confidence: form.confidence,
      note: form.note.trim(),
      sources: lines(form.sources),
      evidence: form.evidence.split(';').map((s) => s.trim()).filter(Boolean),
      status,
    },
  };
}

export class TerritoryMode {
  constructor({ settings, sides }) {
    this._sides = sides;
    this._current = null; // { id, etag, status } of the assessment being edited
    this._map = null;
    this._settings = settings;
    const side = $('t-side');
    for (const s of sides) side.append(new Option(s.label ?? s.id, s.id));
    $('t-day').value = new URLSearchParams(location.search).get('day') ?? '2024-11-30';
    $('t-day').addEventListener('change', () => this.show());
    side.addEventListener('change', () => this.show());
    $('t-new').addEventListener('click', () => this._edit(null));
    $('t-start').addEventListener('click', () => this._startFromShown());
    $('t-clear').addEventListener('click', () => this._drawnLayers().forEach((l) => l.remove()));
    $('t-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this._save(e.submitter?.value ?? 'draft', this._current?.etag);
    });
    $('t-conflict-reload').addEventListener('click', () => this._open(this._current.id));
    $('t-conflict-overwrite').addEventListener('click', () => this._save($('t-conflict').dataset.status,
      $('t-conflict').dataset.etag));
  }

  /** Makes the map once the mode is first shown (Leaflet measures its container). */
  _ensureMap() {
    if (this._map) return;
    const map = L.map('territory-map', { minZoom: 3, maxZoom: 16 }).fitBounds(regionBounds(this._settings));
    for (const [pane, z] of [['basemap', 200], ['labels', 380]]) map.createPane(pane).style.zIndex = String(z);
    map.getPane('labels').style.pointerEvents = 'none';
    addBasemaps(map, this._settings).catch((error) => console.warn(`offline basemap unavailable: ${error.message}`));
    map.pm.addControls({
      position: 'topleft', drawMarker: false, drawCircleMarker: false, drawPolyline: false, drawCircle: false,
      drawText: false, rotateMode: false, dragMode: false, drawPolygon: true, drawRectangle: true, editMode: true,
      cutPolygon: true, removalMode: true,
    });
    this._reference = L.layerGroup().addTo(map);
    // the view's box, for scripts and tests that draw on the map by coordinates
    const said = () => { document.body.dataset.territoryBounds = map.getBounds().toBBoxString(); };
    map.on('moveend', said);
    said();
    this._map = map;
  }

  async show() {
    this._ensureMap();
    this._map.invalidateSize();
    const day = $('t-day').value;
    const side = $('t-side').value;
    const [territory, assessments] = await Promise.all([
      call('GET', `/api/frontlines?date=${encodeURIComponent(day)}`).then((r) => r.body),
      call('GET', `${PATH}?date=${encodeURIComponent(day)}&side=${encodeURIComponent(side)}&status=draft,published`)
        .then((r) => r.body),
    ]);
    this._shown = territory;
    this._reference.clearLayers();
    this._reference.addLayer(L.geoJSON(territory, {
      pmIgnore: true,
      interactive: false,
      filter: (f) => f.properties.kind !== 'frontline',
      style: ({ properties: p }) => ({
        className: `reference ${p.kind} ${p.status}`, color: p.kind === 'contested' ? '#b45309' : '#6b7280',
        weight: 1.5, fillOpacity: p.kind === 'contested' ? 0.1 : 0.15,
      }),
    }));
    const list = $('t-list');
    list.replaceChildren(...assessments.features.map((f) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'pick';
      button.dataset.assessmentId = f.id;
      button.textContent = `${f.properties.valid_from} · ${f.properties.status} · ${f.properties.confidence}`;
      button.addEventListener('click', () => this._open(f.id));
      const item = document.createElement('li');
      item.append(button);
      return item;
    }));
    document.body.dataset.territoryShown = `${day}/${side}`;
  }

  /** Copies the side's shown control area into the drawing, to edit from there. */
  _startFromShown() {
    const side = $('t-side').value;
    const area = this._shown?.features.find((f) => f.properties.kind === 'control' && f.properties.side === side);
    if (!area) {
      this._say(`The shown day has no area of ${side} to start from; draw one.`, 'error');
      return;
    }
    this._draw(area.geometry);
    this._map.fitBounds(L.geoJSON(area.geometry).getBounds(), { padding: [20, 20] });
  }

  _draw(geometry) {
    this._drawnLayers().forEach((l) => l.remove());
    L.geoJSON(geometry).eachLayer((layer) => layer.addTo(this._map));
  }

  /** What the curator drew: every Geoman layer on the map (the reference layers are ignored by Geoman). */
  _drawnLayers() {
    return this._map ? this._map.pm.getGeomanLayers().filter((l) => l instanceof L.Polygon) : [];
  }

  async _open(id) {
    const { body, etag } = await call('GET', `${PATH}/${encodeURIComponent(id)}`);
    this._edit({ id, etag, status: body.properties.status });
    const f = $('t-form');
    f.confidence.value = body.properties.confidence;
    f.note.value = body.properties.note ?? '';
    f.sources.value = (body.properties.sources ?? []).join('\n');
    f.evidence.value = (body.properties.evidence ?? []).join('; ');
    $('t-day').value = body.properties.valid_from;
    $('t-side').value = body.properties.side;
    this._draw(body.geometry);
  }

  _edit(current) {
    this._current = current;
    $('t-heading').textContent = current ? `Assessment ${current.id}` : 'New assessment';
    $('t-status').textContent = current?.status ?? '';
    $('t-conflict').hidden = true;
    $('t-message').hidden = true;
    if (!current) {
      $('t-form').reset();
      this._drawnLayers().forEach((l) => l.remove());
    }
  }

  async _save(status, etag) {
    $('t-conflict').hidden = true;
    const layers = this._drawnLayers();
    if (!layers.length) {
      this._say('Draw the area first (or start from the shown one).', 'error');
      return;
    }
    const geometry = multiPolygon(L.featureGroup(layers).toGeoJSON());
    const f = $('t-form');
    const body = assessmentBody({
      id: this._current?.id, side: $('t-side').value, day: $('t-day').value, status, geometry,
      form: { confidence: f.confidence.value, note: f.note.value, sources: f.sources.value, evidence: f.evidence.value },
    });
    try {
      const saved = this._current
        ? await call('PUT', `${PATH}/${encodeURIComponent(this._current.id)}`, body, etag)
        : await call('POST', PATH, body);
      this._current = { id: saved.body.id, etag: saved.etag, status: saved.body.properties.status };
      $('t-heading').textContent = `Assessment ${saved.body.id}`;
      $('t-status').textContent = saved.body.properties.status;
      this._say(status === 'published' ? 'Published: the map shows it from its day.' : 'Saved as a draft.', 'ok');
      await this.show();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 412) {
        $('t-conflict-text').textContent = `Someone else saved version ${error.problem.current_version} of this `
          + `assessment at ${error.problem.updated_at}. Your drawing and fields are kept here.`;
        $('t-conflict').hidden = false;
        $('t-conflict').dataset.etag = error.etag;
        $('t-conflict').dataset.status = status;
        return;
      }
      const details = (error.problem.errors ?? []).map((p) => `${p.field ?? 'body'}: ${p.detail}`);
      this._say(details.length ? details.join('; ') : error.message, 'error');
    }
  }

  _say(text, kind) {
    const m = $('t-message');
    m.textContent = text;
    m.className = `message ${kind}`;
    m.hidden = false;
  }
}
