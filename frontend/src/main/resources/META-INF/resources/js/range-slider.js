// The date range slider: two thumbs (start and end of the window) and the window between them, each an
// ARIA slider. Arrow keys move a day, PageUp/PageDown a week, Home/End to the bounds; pointer drags move
// a thumb or, on the window, the whole window. It writes to the time model and redraws from it.
import { addDays, daysBetween } from './dates.js';
import { day, longDay } from './format.js';

const KEY_STEPS = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -7, PageUp: 7 };

export class RangeSlider {
  /**
   * @param {HTMLElement} root an empty element to build the slider in
   * @param {import('./time-model.js').TimeModel} model
   */
  constructor(root, model) {
    this.model = model;
    root.classList.add('range-slider');
    this._track = div('track');
    this._window = thumb('window', 'Window: move both dates');
    this._start = thumb('thumb start', 'Start date');
    this._end = thumb('thumb end', 'End date');
    this._track.append(this._window, this._start, this._end);
    this._min = div('bound min');
    this._max = div('bound max');
    root.append(this._track, this._min, this._max);
    for (const [element, part] of [[this._start, 'start'], [this._end, 'end'], [this._window, 'window']]) {
      element.addEventListener('keydown', (e) => this._key(e, part));
      element.addEventListener('pointerdown', (e) => this._drag(e, part));
    }
    model.addEventListener('change', () => this.render());
    this.render();
  }

  /** Redraws the thumbs and the ARIA values from the model. */
  render() {
    const { bounds, range } = this.model;
    // a day's position is the middle of its bar in the timeline below, which gives each day equal width
    const at = (d) => `${(100 * (daysBetween(bounds.min, d) + 0.5)) / this.model.span}%`;
    this._start.style.left = at(range.from);
    this._end.style.left = at(range.to);
    this._window.style.left = at(range.from);
    this._window.style.width = `calc(${at(range.to)} - ${at(range.from)})`;
    setAria(this._start, daysBetween(bounds.min, range.from), this.model.span - 1, longDay(range.from));
    setAria(this._end, daysBetween(bounds.min, range.to), this.model.span - 1, longDay(range.to));
    setAria(this._window, daysBetween(bounds.min, range.from), this.model.span - this.model.width,
      `${longDay(range.from)} to ${longDay(range.to)}`);
    this._min.textContent = day(bounds.min);
    this._max.textContent = day(bounds.max);
  }

  _key(event, part) {
    const { bounds, range } = this.model;
    let step = KEY_STEPS[event.key];
    if (event.key === 'Home') step = -daysBetween(bounds.min, part === 'end' ? range.to : range.from);
    if (event.key === 'End') step = daysBetween(part === 'start' ? range.from : range.to, bounds.max);
    if (step === undefined) return;
    event.preventDefault();
    this._move(part, step, 'slider');
  }

  _move(part, days, cause) {
    const { from, to } = this.model.range;
    if (part === 'window') {
      this.model.shift(days, cause);
    } else if (part === 'start') {
      const next = addDays(from, days);
      this.model.setRange(next > to ? to : next, to, cause);
    } else {
      const next = addDays(to, days);
      this.model.setRange(from, next < from ? from : next, cause);
    }
  }

  _drag(event, part) {
    event.preventDefault();
    event.currentTarget.focus();
    const element = event.currentTarget;
    element.setPointerCapture(event.pointerId);
    const dayWidth = this._track.getBoundingClientRect().width / this.model.span;
    let startX = event.clientX;
    const move = (e) => {
      const days = Math.round((e.clientX - startX) / dayWidth);
      if (days !== 0) {
        this._move(part, days, 'slider-drag');
        startX += days * dayWidth;
      }
    };
    const up = () => {
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', up);
      element.dispatchEvent(new CustomEvent('rangedragend', { bubbles: true }));
    };
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', up);
  }
}

function div(className) {
  const element = document.createElement('div');
  element.className = className;
  return element;
}

function thumb(className, label) {
  const element = div(className);
  element.tabIndex = 0;
  element.setAttribute('role', 'slider');
  element.setAttribute('aria-label', label);
  element.setAttribute('aria-valuemin', '0');
  return element;
}

function setAria(element, now, max, text) {
  element.setAttribute('aria-valuemax', String(Math.max(0, max)));
  element.setAttribute('aria-valuenow', String(now));
  element.setAttribute('aria-valuetext', text);
}
