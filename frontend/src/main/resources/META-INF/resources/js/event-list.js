// The side panel's list: the events in range and in view, synced with the map both ways. Pointing at an
// entry highlights its marker; choosing one opens its popup. Choosing a marker scrolls to its entry.
import { count } from './format.js';
import { claimsAndSources, eventFacts, el } from './popup.js';

/** Entries drawn at most; beyond this the list asks the user to zoom in. */
const MAX_ENTRIES = 200;

export class EventList extends EventTarget {
  /**
   * @param {HTMLElement} heading where the count goes
   * @param {HTMLOListElement} list
   */
  constructor(heading, list) {
    super();
    this._heading = heading;
    this._list = list;
    this._items = new Map();
    list.addEventListener('mouseover', (e) => this._emit('hover', idOf(e.target)));
    list.addEventListener('mouseleave', () => this._emit('hover', null));
    list.addEventListener('focusin', (e) => this._emit('hover', idOf(e.target)));
    list.addEventListener('click', (e) => {
      const id = idOf(e.target);
      if (id && !e.target.closest('a')) this._emit('select', id);
    });
    list.addEventListener('keydown', (e) => {
      if ((e.key === 'Enter' || e.key === ' ') && e.target.classList.contains('event-entry')) {
        e.preventDefault();
        this._emit('select', idOf(e.target));
      }
    });
  }

  /** Lists these features (already those in view and in range). */
  show(features, { total }) {
    const shown = features.slice(0, MAX_ENTRIES);
    this._items.clear();
    const items = shown.map((feature) => {
      const item = el('li', 'event-entry');
      item.tabIndex = 0;
      item.dataset.eventId = feature.id;
      item.append(el('h3', null, feature.properties.title), ...eventFacts(feature));
      const details = el('details');
      details.append(el('summary', null, 'Claims and sources'), ...claimsAndSources(feature.properties));
      item.append(details);
      this._items.set(feature.id, item);
      return item;
    });
    if (features.length > shown.length) {
      items.push(el('li', 'more', `${count(features.length - shown.length)} more in view: zoom in or narrow the filters.`));
    }
    this._list.replaceChildren(...items);
    this._heading.textContent = features.length === total
      ? `${count(total)} event${total === 1 ? '' : 's'} in view`
      : `${count(features.length)} of ${count(total)} events in view`;
    this._list.dataset.count = String(features.length);
    // the chosen entry stays chosen when the map moves under it
    this._items.get(this._selected)?.classList.add('selected');
  }

  /** Says how many events are in view when they are too many to list (the map draws clusters). */
  tooMany(total) {
    this._items.clear();
    this._list.replaceChildren(el('li', 'more',
      `Too many to list here: zoom in on a cluster, or narrow the window or the filters.`));
    this._heading.textContent = `${count(total)} events in view`;
    this._list.dataset.count = '0';
  }

  /** Marks an entry as the one pointed at on the map (null: none). */
  highlight(id) {
    this._list.querySelectorAll('.highlight').forEach((item) => item.classList.remove('highlight'));
    this._items.get(id)?.classList.add('highlight');
  }

  /** Marks an entry as chosen and scrolls it into view. */
  select(id) {
    this._selected = id;
    this._list.querySelectorAll('.selected').forEach((item) => item.classList.remove('selected'));
    const item = this._items.get(id);
    if (!item) return;
    item.classList.add('selected');
    item.scrollIntoView({ block: 'nearest' });
  }

  _emit(type, id) {
    this.dispatchEvent(new CustomEvent(type, { detail: { id } }));
  }
}

function idOf(node) {
  return node.closest?.('[data-event-id]')?.dataset.eventId ?? null;
}
