// The time model: the span the data cover (bounds) and the window the user looks at (range). Controls
// change it; layers listen to its "change" event, load what the new window shows, and tell the model
// what they wait for (waitFor, settled: followed.js). It knows nothing of the map or the page.
import { addDays, daysBetween, maxDay, minDay } from './dates.js';
import { Followed } from './followed.js';

export class TimeModel extends Followed {
  /** @param {{min: string, max: string}} bounds first and last day the slider offers */
  constructor(bounds) {
    super();
    this.bounds = { ...bounds };
    this.range = { from: bounds.min, to: bounds.max };
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
    this._changed({ ...this.range, cause });
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
