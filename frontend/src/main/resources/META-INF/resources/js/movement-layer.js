// The window's movement: what each side gained and lost between the window's first day (or the first
// mapped day, when that is later) and its last, from GET /api/frontlines/changes, drawn over the territory
// (gains outlined in the side's colour, losses dashed red). Like the territory, it follows the time model
// itself and tells the model what it waits for; it fires 'load' with the km² per side.
import { fetchMovement } from './api.js';
import { maxDay } from './dates.js';
import { LatestLoad } from './followed.js';
import { count, day } from './format.js';

export class MovementLayer extends L.Layer {
  /**
   * @param {{id: string, colour: string}[]} sides
   * @param {{model: import('./time-model.js').TimeModel, firstDay?: string}} options
   */
  constructor(sides, { model, firstDay }) {
    super();
    this._colours = new Map(sides.map((s) => [s.id, s.colour]));
    this._model = model;
    this._firstDay = firstDay;
    this._group = L.layerGroup();
    this._loads = new LatestLoad((error) => this.fire('error', { error }));
    this._onChange = () => this._load();
  }

  onAdd(map) {
    this._group.addTo(map);
    this._model.addEventListener('change', this._onChange);
    this._load();
  }

  onRemove() {
    this._model.removeEventListener('change', this._onChange);
    this._loads.cancel();
    this._group.remove();
  }

  _load() {
    const { from, to } = this._model.range;
    const start = maxDay(from, this._firstDay ?? from);
    if (start >= to) {
      this._loads.cancel();
      this._group.clearLayers();
      this.fire('load', { movement: null });
      return;
    }
    this._loads.run(this._model, async (signal) => {
      const movement = await fetchMovement(start, to, signal);
      if (signal.aborted) return;
      this._draw(movement);
      this.fire('load', { movement });
    });
  }

  _draw(movement) {
    this._group.clearLayers();
    this._group.addLayer(L.geoJSON(movement, {
      pane: 'territory',
      style: ({ properties: p }) => (p.kind === 'gained'
        ? { className: `movement gained side-${p.side}`, color: this._colours.get(p.side) ?? '#374151', weight: 2, fillOpacity: 0.15 }
        : { className: `movement lost side-${p.side}`, color: '#b91c1c', weight: 2, dashArray: '4 4', fillOpacity: 0.1 }),
      onEachFeature: (feature, layer) => layer.bindPopup(() => movementPopup(feature.properties)),
    }));
  }
}

/** "Gained by opposition, 26 Nov 2024 → 5 Dec 2024: 1,584 km²", and its evidence. */
export function movementWords(p) {
  return `${p.kind === 'gained' ? 'Gained' : 'Lost'} by ${p.side}, ${day(p.from)} → ${day(p.to)}: ${count(Math.round(p.km2))} km²`;
}

function movementPopup(p) {
  const box = document.createElement('div');
  box.className = 'area-popup';
  const title = document.createElement('strong');
  title.textContent = movementWords(p);
  box.append(title);
  if (p.evidence?.length) {
    const list = document.createElement('p');
    list.textContent = `Evidence: ${p.evidence.join(', ')}`;
    box.append(list);
  }
  return box;
}

/** "since 26 Nov 2024: opposition +1,584 km², −0 km²", from a movement answer. */
export function describeMovement(movement) {
  if (!movement) return '';
  const sides = Object.entries(movement.km2 ?? {});
  if (!sides.length) return '';
  return `since ${day(movement.from)}: ${sides.map(([side, k]) => `${side} +${count(Math.round(k.gained))} km², −${count(Math.round(k.lost))} km²`).join('; ')}`;
}
