// The territory of the window's last day: each side's control area in the side's colour (from
// /api/sides), contested areas hatched, and the front line. A new day fades in over the old one. The
// layer follows the time model itself: each change of window loads the window's last day, tells the
// model it waits for it, and fires 'load' with it (the window's movement is movement-layer.js's).
import { fetchFrontlines } from './api.js';
import { LatestLoad } from './followed.js';
import { count, day } from './format.js';
import { SharedRequests } from './shared-requests.js';

const FADE_MS = 350;

// A Leaflet layer, drawn in the map's 'territory' pane once added.
export class TerritoryLayer extends L.Layer {
  /**
   * @param {{id: string, label: string, colour: string}[]} sides
   * @param {{model: import('./time-model.js').TimeModel}} options
   */
  constructor(sides, { model }) {
    super();
    this._sides = new Map(sides.map((s) => [s.id, s]));
    this._model = model;
    this._renderer = L.svg({ pane: 'territory' });
    this._days = new SharedRequests((date) => fetchFrontlines(date));
    this._layer = null;
    this._loads = new LatestLoad((error) => this.fire('error', { error }));
    this._onChange = () => this._load();
  }

  onAdd(map) {
    this._renderer.addTo(map);
    addHatchPattern(map.getPane('territory'));
    this._layer?.addTo(map);
    this._model.addEventListener('change', this._onChange);
    this._load();
  }

  onRemove() {
    this._model.removeEventListener('change', this._onChange);
    this._loads.cancel();
    this._layer?.remove();
    this._renderer.remove();
  }

  /** Draws the window's last day; fires 'load' ({end}) or 'error' ({error}) unless a newer window came. */
  _load() {
    this._loads.run(this._model, async (signal) => {
      const end = await this.show(this._model.range.to, signal);
      if (!signal.aborted) this.fire('load', { end });
    });
  }

  /**
   * The collection of a day, fetched once per page (the server answers 304s to revalidation anyway);
   * `signal` aborts this caller's wait, never the fetch another caller shares.
   */
  async collection(date, signal) {
    return this._days.get(date, signal);
  }

  /** Draws the territory of `date`; resolves when the new day is on the map. */
  async show(date, signal) {
    const collection = await this.collection(date, signal);
    if (signal?.aborted || (this._layer && this._shown === collection)) return collection;
    this._shown = collection;
    const previous = this._layer;
    const layer = L.geoJSON(collection, {
      renderer: this._renderer,
      style: (feature) => ({ ...this._style(feature.properties), interactive: feature.properties.kind !== 'frontline' }),
      onEachFeature: (feature, path) => {
        if (feature.properties.kind !== 'frontline') path.bindPopup(() => this._popup(feature.properties));
      },
    });
    if (this._map) layer.addTo(this._map);
    layer.eachLayer((path) => path.getElement()?.classList.add('entering'));
    requestAnimationFrame(() => layer.eachLayer((path) => path.getElement()?.classList.remove('entering')));
    this._layer = layer;
    if (previous) {
      previous.eachLayer((path) => path.getElement()?.classList.add('leaving'));
      setTimeout(() => previous.remove(), FADE_MS);
    }
    return collection;
  }

  /**
   * What an area is, as its popup says: held (assessed or derived) or contested (fighting, or a capture
   * reported within days), since when, its size, and its evidence: assessments as links to their JSON,
   * events as buttons that fire 'evidence' ({id}) for the page to show the event.
   */
  _popup(p) {
    const box = document.createElement('div');
    box.className = 'area-popup';
    const title = document.createElement('strong');
    title.textContent = areaWords(p, this._sides.get(p.side)?.label ?? p.side);
    const facts = document.createElement('p');
    facts.textContent = [p.valid_from ? `since ${day(p.valid_from)}` : null,
      p.area_km2 != null ? `${count(Math.round(p.area_km2))} km²` : null,
      p.confidence ? `confidence ${p.confidence}` : null].filter(Boolean).join(' · ');
    box.append(title, facts);
    if (p.evidence?.length) {
      const list = document.createElement('ul');
      list.className = 'evidence';
      for (const id of p.evidence) {
        const item = document.createElement('li');
        if (p.assessments?.includes(id)) {
          const link = document.createElement('a');
          link.href = `/api/territory/assessments/${encodeURIComponent(id)}`;
          link.textContent = `assessment ${id}`;
          item.append(link);
        } else {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'link';
          button.textContent = id;
          button.addEventListener('click', () => this.fire('evidence', { id }));
          item.append(button);
        }
        list.append(item);
      }
      box.append(list);
    }
    return box;
  }

  _style(p) {
    if (p.kind === 'frontline') {
      return { className: 'frontline', color: '#111827', weight: 3, opacity: 0.9 };
    }
    if (p.kind === 'advance') {
      const colour = this._sides.get(p.side)?.colour ?? '#6b7280';
      return { className: `advance side-${p.side}`, color: colour, weight: 3, dashArray: '2 6', lineCap: 'round', opacity: 0.9 };
    }
    if (p.kind === 'contested') {
      return { className: 'territory contested', color: '#b45309', weight: 1.5, dashArray: '6 4', fillOpacity: 1 };
    }
    const colour = this._sides.get(p.side)?.colour ?? '#6b7280';
    return { className: `territory control side-${p.side} ${p.status}`, color: colour, weight: 1, fillColor: colour,
      fillOpacity: p.status === 'assessed' ? 0.25 : 0.3 };
  }
}

/**
 * "Held by Opposition, assessed by a curator", "Contested: capture by opposition reported, uncertain until
 * 3 Dec 2024", "Contested: fighting reported".
 */
export function areaWords(p, sideLabel) {
  if (p.kind === 'advance') {
    return `Advance of ${sideLabel} to a place it took (${Math.round(p.length_km)} km; the land between is not claimed)`;
  }
  if (p.kind === 'contested') {
    return p.status === 'uncertain'
      ? `Contested: capture by ${sideLabel} reported, uncertain until ${day(p.until)}`
      : 'Contested: fighting reported';
  }
  return `Held by ${sideLabel}, ${p.status === 'assessed' ? 'assessed by a curator' : 'derived from events'}`;
}

/** "Opposition: 8,970 km² on 3 Dec 2024": each side's area on the window's last day. */
export function describeTerritory(end, sides) {
  const label = (id) => {
    const side = sides.find((s) => s.id === id);
    return side ? side.id[0].toUpperCase() + side.id.slice(1) : id;
  };
  const areas = Object.entries(end.area_km2 ?? {});
  if (!areas.length) return '';
  return `${areas.map(([side, km2]) => `${label(side)}: ${count(Math.round(km2))} km²`).join(', ')} on ${day(end.date)}`;
}

// An SVG pattern in the territory pane's SVG, so contested areas are striped rather than a flat colour.
function addHatchPattern(pane) {
  const svg = pane?.querySelector('svg');
  if (!svg || svg.querySelector('#contested-hatch')) return;
  const ns = 'http://www.w3.org/2000/svg';
  const defs = document.createElementNS(ns, 'defs');
  const pattern = document.createElementNS(ns, 'pattern');
  pattern.setAttribute('id', 'contested-hatch');
  pattern.setAttribute('patternUnits', 'userSpaceOnUse');
  pattern.setAttribute('width', '8');
  pattern.setAttribute('height', '8');
  pattern.setAttribute('patternTransform', 'rotate(45)');
  const background = document.createElementNS(ns, 'rect');
  background.setAttribute('width', '8');
  background.setAttribute('height', '8');
  background.setAttribute('fill', 'rgba(245, 158, 11, 0.15)');
  const stripe = document.createElementNS(ns, 'rect');
  stripe.setAttribute('width', '3');
  stripe.setAttribute('height', '8');
  stripe.setAttribute('fill', 'rgba(180, 83, 9, 0.55)');
  pattern.append(background, stripe);
  defs.append(pattern);
  svg.prepend(defs);
}
