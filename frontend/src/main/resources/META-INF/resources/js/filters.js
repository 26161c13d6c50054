// The filter panel: the legend of event types (with counts, each a toggle), claim statuses (with the
// symbol each gets), an actor picker and a free-text search. It shows the view it is given and reports
// what the user changes as a "change" event carrying the changed part of the view. Its counts follow the
// time model and the filters themselves (follow).
import { fetchStats } from './api.js';
import { LatestLoad } from './followed.js';
import { count } from './format.js';
import { el } from './popup.js';
import { CLAIM_STATUSES, EVENT_TYPES, typeColour, typeSlug } from './vocabulary.js';

const SEARCH_DELAY_MS = 350;

export class FilterPanel extends EventTarget {
  /** @param {HTMLElement} root */
  constructor(root) {
    super();
    this._typeBoxes = new Map();
    this._statusBoxes = new Map();

    const types = el('fieldset', 'legend types');
    types.append(el('legend', null, 'Event types'));
    for (const { type } of EVENT_TYPES) {
      const box = checkbox(`type-${typeSlug(type)}`, type);
      const swatch = el('span', 'swatch');
      swatch.style.setProperty('--type-colour', typeColour(type));
      const label = el('label', 'legend-row');
      label.append(box, swatch, el('span', 'name', type), el('span', 'count', ''));
      types.append(label);
      this._typeBoxes.set(type, { box, count: label.querySelector('.count') });
      box.addEventListener('change', () => this._toggled(box, this._typeBoxes, 'types'));
    }

    const statuses = el('fieldset', 'legend statuses');
    statuses.append(el('legend', null, 'Claim status'));
    for (const { status, label: text, symbol } of CLAIM_STATUSES) {
      const box = checkbox(`status-${status}`, status);
      const sample = el('span', `event-marker sample claim-${status}`);
      sample.title = symbol;
      const label = el('label', 'legend-row');
      label.append(box, sample, el('span', 'name', text), el('span', 'count', ''));
      statuses.append(label);
      this._statusBoxes.set(status, { box, count: label.querySelector('.count') });
      box.addEventListener('change', () => this._toggled(box, this._statusBoxes, 'statuses'));
    }

    const precision = el('div', 'legend precision');
    precision.append(el('h3', null, 'Location'),
      el('p', null, 'A marker is the reported place. A dashed circle around it: the report names only a'
        + ' neighbourhood (about 8 km) or a region (about 60 km). Numbers are clusters of events.'));

    const actorLabel = el('label', 'field', 'Actor ');
    this._actor = document.createElement('select');
    this._actor.id = 'actor';
    actorLabel.append(this._actor);
    this._actor.addEventListener('change', () => this._emit({ actors: this._actor.value ? [this._actor.value] : [] }));

    const searchLabel = el('label', 'field', 'Search ');
    this._search = document.createElement('input');
    this._search.type = 'search';
    this._search.id = 'q';
    this._search.maxLength = 200;
    this._search.placeholder = 'title, summary, place, actor';
    searchLabel.append(this._search);
    let timer = null;
    this._search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this._emit({ q: this._search.value.trim() }), SEARCH_DELAY_MS);
    });
    this._search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        clearTimeout(timer);
        this._emit({ q: this._search.value.trim() });
      }
    });

    const clear = el('button', 'clear', 'Clear filters');
    clear.type = 'button';
    clear.addEventListener('click', () => this._emit({ types: [], statuses: [], actors: [], q: '' }));

    root.append(searchLabel, actorLabel, types, statuses, precision, clear);
  }

  /** Shows a view's filters (checked boxes, chosen actor, search text). */
  show(view) {
    for (const [type, { box }] of this._typeBoxes) box.checked = !view.types.length || view.types.includes(type);
    for (const [status, { box }] of this._statusBoxes) box.checked = !view.statuses.length || view.statuses.includes(status);
    if (document.activeElement !== this._search) this._search.value = view.q;
    this._selectedActors = view.actors;
    this._fillActors();
  }

  /**
   * Keeps the counts for the window and the filters other than the types: each change of either fetches
   * them (the model that changed waits for it; a failure fires "error"). `first` is the answer for the
   * state they are in now, when the page has it already; else it is fetched now.
   * @param {import('./time-model.js').TimeModel} model
   * @param {import('./view-filters.js').ViewFilters} filters
   */
  follow(model, filters, first = null) {
    const counts = new LatestLoad((error) => this.dispatchEvent(new CustomEvent('error', { detail: { error } })));
    const load = (changed) => counts.run(changed, async (signal) => {
      this.setCounts(await fetchStats(filters.params(model.range, { withTypes: false }), signal));
    });
    model.addEventListener('change', () => load(model));
    filters.addEventListener('change', ({ detail }) => { if (!detail.typesOnly) load(filters); });
    if (first) this.setCounts(first);
    else load(model);
  }

  /** Counts for the legend (in the window, other filters applied) and the actors to offer. */
  setCounts(stats) {
    for (const [type, { count: cell }] of this._typeBoxes) cell.textContent = count(stats.by_type[type] ?? 0);
    for (const [status, { count: cell }] of this._statusBoxes) {
      cell.textContent = count(stats.by_claim_status[status] ?? 0);
    }
    this._actors = stats.actors;
    this._fillActors();
  }

  _fillActors() {
    const selected = this._selectedActors ?? [];
    const options = [new Option('All actors', '')];
    const known = new Set();
    for (const { name, count: n } of this._actors ?? []) {
      options.push(new Option(`${name} (${count(n)})`, name));
      known.add(name.toLowerCase());
    }
    // an actor from a link that has no events under the other filters is still shown as chosen
    for (const name of selected) {
      if (!known.has(name.toLowerCase())) options.push(new Option(`${name} (0)`, name));
    }
    this._actor.replaceChildren(...options);
    const chosen = selected[0]?.toLowerCase();
    this._actor.value = chosen ? [...this._actor.options].find((o) => o.value.toLowerCase() === chosen)?.value ?? '' : '';
  }

  // All on means no filter. The last box cannot be turned off: an empty map that looks like "no events"
  // would mislead; the user turns another one on first.
  _toggled(box, boxes, key) {
    const on = [...boxes].filter(([, { box: b }]) => b.checked).map(([value]) => value);
    if (!on.length) {
      box.checked = true;
      return;
    }
    this._emit({ [key]: on.length === boxes.size ? [] : on });
  }

  _emit(patch) {
    this.dispatchEvent(new CustomEvent('change', { detail: patch }));
  }
}

function checkbox(id, value) {
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = id;
  box.value = value;
  box.checked = true;
  return box;
}
