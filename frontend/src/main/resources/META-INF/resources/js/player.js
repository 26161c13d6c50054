// The player: moves the time model's window forward a day at a time, at a chosen speed, waiting for
// the layers to finish drawing each day before it takes the next (so a slow day is never skipped).
import { addDays } from './dates.js';

export class Player extends EventTarget {
  /**
   * @param {import('./time-model.js').TimeModel} model
   * @param {{msPerDay?: number, loop?: boolean, settled?: () => Promise<unknown>}} options settled resolves
   *   once the page has drawn the current range
   */
  constructor(model, { msPerDay = 1000, loop = false, settled = () => Promise.resolve() } = {}) {
    super();
    this.model = model;
    this.msPerDay = msPerDay;
    this.loop = loop;
    this.settled = settled;
    this.playing = false;
    this._timer = null;
  }

  /** Starts playing; from the first day when the window already sits at the end. */
  play() {
    if (this.playing) return;
    if (this.model.atEnd) this._rewind();
    this.playing = true;
    this._changed();
    this._schedule();
  }

  /** Stops after the current step. */
  pause() {
    if (!this.playing) return;
    this.playing = false;
    clearTimeout(this._timer);
    this._changed();
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** One day forward (or back, with -1), whether playing or not. */
  step(days = 1) {
    if (days > 0 && this.model.atEnd) {
      if (this.loop) this._rewind();
      return;
    }
    this.model.shift(days, 'player');
  }

  _rewind() {
    const width = this.model.width;
    const from = this.model.bounds.min;
    this.model.setRange(from, addDays(from, width - 1), 'player');
  }

  _schedule() {
    this._timer = setTimeout(async () => {
      if (!this.playing) return;
      if (this.model.atEnd && !this.loop) {
        this.pause();
        return;
      }
      this.step(1);
      await this.settled();
      if (!this.playing) return;
      this._schedule();
    }, this.msPerDay);
  }

  _changed() {
    this.dispatchEvent(new CustomEvent('statechange', { detail: { playing: this.playing } }));
  }
}
