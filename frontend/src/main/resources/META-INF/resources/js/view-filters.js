// The view's filters (event types, actors, claim statuses, search text): the one copy the filter panel,
// the URL and the layers share. Like the time model, listeners follow its "change" event and tell it
// what they load (followed.js). The dates are the time model's, the map's position the map's.
import { Followed } from './followed.js';
import { filterParams } from './view-state.js';

export class ViewFilters extends Followed {
  /** @param {{types: string[], actors: string[], statuses: string[], q: string}} view */
  constructor(view) {
    super();
    this.values = pick(view);
  }

  /**
   * Takes the filters of `view` (other parts ignored); a change fires "change" with the filters and
   * `cause`, and returns true. `typesOnly` in the event says only the event types changed.
   */
  set(view, cause) {
    const next = pick(view);
    if (filterParams(next).toString() === filterParams(this.values).toString()) return false;
    const typesOnly = filterParams(next, { withTypes: false }).toString()
      === filterParams(this.values, { withTypes: false }).toString();
    this.values = next;
    this._changed({ ...next, cause, typesOnly });
    return true;
  }

  /** The API's parameters for these filters in a window (null: no dates), the types left out on request. */
  params(range, { withTypes = true } = {}) {
    const view = { ...this.values, from: range?.from ?? null, to: range?.to ?? null };
    return filterParams(view, { withDates: range != null, withTypes });
  }
}

function pick({ types = [], actors = [], statuses = [], q = '' }) {
  return { types: [...types], actors: [...actors], statuses: [...statuses], q };
}
