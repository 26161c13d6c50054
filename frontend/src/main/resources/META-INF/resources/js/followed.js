// What the page's models share: listeners follow a model's "change" event, load what the change shows,
// and tell the model what they wait for (waitFor), so the player and the page know when a change is
// drawn (settled), as Leaflet.TimeDimension's layers do. time-model.js and view-filters.js build on it.

export class Followed extends EventTarget {
  constructor() {
    super();
    /** What the listeners of the latest change are loading. */
    this._loads = [];
  }

  /** A listener's load for the current state: settled() waits for it. */
  waitFor(promise) {
    this._loads.push(promise);
    return promise;
  }

  /**
   * Resolves once every load the current state's listeners started has settled (failed or aborted
   * loads too); if the state changes meanwhile, once the new state's have.
   */
  async settled() {
    await null; // the change's listeners all run first, whatever the order they were added in
    const loads = this._loads;
    await Promise.allSettled(loads);
    if (loads !== this._loads) await this.settled();
  }

  /** Tells the listeners of a change (a new round of loads begins). */
  _changed(detail) {
    this._loads = [];
    this.dispatchEvent(new CustomEvent('change', { detail }));
  }
}

/**
 * The latest of a follower's loads: each run aborts the one before, is handed to the changed model's
 * waitFor, and reports a failure other than an abort to `onError` (an aborted load was superseded).
 */
export class LatestLoad {
  /** @param {(error: Error) => void} onError */
  constructor(onError) {
    this._onError = onError;
    this._controller = null;
  }

  /** @param {Followed} model @param {(signal: AbortSignal) => Promise<unknown>} load */
  run(model, load) {
    this.cancel();
    const controller = new AbortController();
    this._controller = controller;
    const loading = load(controller.signal).catch((error) => {
      if (!controller.signal.aborted && error.name !== 'AbortError') this._onError(error);
    });
    return model.waitFor(loading);
  }

  /** Aborts the load under way, if any (a follower leaving the map, or with nothing to load). */
  cancel() {
    this._controller?.abort();
  }
}
