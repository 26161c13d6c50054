// The time model: the span the data cover (bounds) and the window the user looks at (range). Controls
// change it; layers listen to its "change" event, load what the new window shows, and tell the model
// what they wait for (waitFor), so the player and the page know when a window is drawn (settled), as
// Leaflet.TimeDimension's layers do. It knows nothing of the map or the page.
import { addDays, daysBetween, maxDay, minDay } from './dates.js';

export class TimeModel extends EventTarget {
  /** @param {{min: string, max: string}} bounds first and last day the slider offers */
  constructor(bounds) {
    super();
    this.bounds = { ...bounds };
    this.range = { from: bounds.min, to: bounds.max };
    /** What the listeners of the latest change are loading. */
    this._loads = [];
  }

  /** A listener's load for the current window: settled() waits for it. */
  waitFor(promise) {
    this._loads.push(promise);
    return promise;
  }

  /**
   * Resolves once every load the current window's listeners started has settled (failed or aborted
   * loads too); if the window changes meanwhile, once the new window's have.
   */
  async settled() {
    await null; // the change's listeners all run first, whatever the order they were added in
    const loads = this._loads;
    await Promise.allSettled(loads);
    if (loads !== this._loads) await this.settled();
  }

  /** Widens the bounds to include these days (e.g. a linked range outside the data). */
  include(...days) {
    for (const d of days.filter(Boolean)) {
      this.bounds.min = minDay(this.bounds.min, d);
      this.bounds.max = maxDay(this.bounds.max, d);
    }
  }

  /** Number of days in the bounds. */
  get span() {
    return daysBetween(this.bounds.min, this.bounds.max) + 1;
  }

  /** Number of days in the range. */
  get width() {
    return daysBetween(this.range.from, this.range.to) + 1;
  }

  /**
   * Sets the window, clamped to the bounds and kept in order; `cause` travels with the change event
   * ("slider", "player", "timeline", "url", ...) so listeners can tell a drag from a back button.
   */
  setRange(from, to, cause) {
    let f = clamp(from, this.bounds);
    let t = clamp(to, this.bounds);
    if (f > t) [f, t] = [t, f];
    if (f === this.range.from && t === this.range.to) return false;
    this.range = { from: f, to: t };
    this._loads = [];
    this.dispatchEvent(new CustomEvent('change', { detail: { ...this.range, cause } }));
    return true;
  }

  /** Moves the whole window by `days`, keeping its width; stops at the bounds. */
  shift(days, cause) {
    const width = this.width - 1;
    let from = addDays(this.range.from, days);
    if (from < this.bounds.min) from = this.bounds.min;
    if (addDays(from, width) > this.bounds.max) from = maxDay(this.bounds.min, addDays(this.bounds.max, -width));
    return this.setRange(from, addDays(from, width), cause);
  }

  /** True when the window's end is the last day of the bounds. */
  get atEnd() {
    return this.range.to >= this.bounds.max;
  }
}

function clamp(day, { min, max }) {
  return day < min ? min : day > max ? max : day;
}
