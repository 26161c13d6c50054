// The timeline strip: events per start day over the whole span, stacked by type, with the window
// highlighted. Drag the window to move it, drag elsewhere to draw a new one, click a bar to pick its day.
// Its counts follow the filters themselves (follow).
import { fetchStats } from './api.js';
import { addDays, daysBetween } from './dates.js';
import { LatestLoad } from './followed.js';
import { count, day } from './format.js';
import { EVENT_TYPES, typeColour } from './vocabulary.js';

const NS = 'http://www.w3.org/2000/svg';
const HEIGHT = 56;

/** Two decimals are finer than a pixel, and keep the paths short. */
const round = (v) => Math.round(v * 100) / 100;

export class Timeline {
  /**
   * @param {SVGSVGElement} svg
   * @param {import('./time-model.js').TimeModel} model
   */
  constructor(svg, model) {
    this.svg = svg;
    this.model = model;
    this._days = [];
    this._types = new Set(EVENT_TYPES.map((t) => t.type));
    svg.setAttribute('height', String(HEIGHT));
    svg.setAttribute('role', 'img');
    this._bars = document.createElementNS(NS, 'g');
    this._window = document.createElementNS(NS, 'rect');
    this._window.setAttribute('class', 'timeline-window');
    this._window.setAttribute('height', String(HEIGHT));
    svg.append(this._bars, this._window);
    svg.addEventListener('pointerdown', (e) => this._pointer(e));
    model.addEventListener('change', () => this._drawWindow());
    new ResizeObserver(() => this.render()).observe(svg);
  }

  /**
   * Keeps the counts for the filters other than the types and the dates (the strip spans every day; a
   * type filter hides the other types' bars, no fetch): each change fetches them (the filters wait for
   * it; a failure fires "error" on the svg). `whole` is the answer without any filter, used whenever
   * there is none.
   * @param {import('./view-filters.js').ViewFilters} filters
   */
  follow(filters, whole) {
    const counts = new LatestLoad((error) => this.svg.dispatchEvent(new CustomEvent('error', { detail: { error } })));
    const types = () => (filters.values.types.length ? filters.values.types : EVENT_TYPES.map((t) => t.type));
    const load = () => counts.run(filters, async (signal) => {
      const params = filters.params(null, { withTypes: false });
      this.setData((params.toString() ? await fetchStats(params, signal) : whole).days, types());
    });
    filters.addEventListener('change', ({ detail }) => {
      if (detail.typesOnly) this.setData(this._days, types());
      else load();
    });
    load();
  }

  /** New counts (from /api/stats) and the types shown. */
  setData(days, types) {
    this._days = days;
    this._types = new Set(types);
    this.render();
  }

  render() {
    const width = this.svg.clientWidth || 600;
    const { bounds } = this.model;
    const dayWidth = width / this.model.span;
    let highest = 1;
    const stacks = this._days.map(({ date, counts }) => {
      const parts = EVENT_TYPES.filter((t) => this._types.has(t.type) && counts[t.type])
        .map((t) => ({ type: t.type, n: counts[t.type] }));
      const total = parts.reduce((sum, p) => sum + p.n, 0);
      highest = Math.max(highest, total);
      return { date, parts, total };
    });
    const scale = (HEIGHT - 4) / highest;
    // one path per type, a rectangle per day in it: a few elements to lay out and paint, not thousands
    const shapes = new Map();
    let bars = 0;
    const barWidth = Math.max(1, dayWidth - (dayWidth > 4 ? 1 : 0));
    for (const { date, parts } of stacks) {
      const offset = daysBetween(bounds.min, date);
      if (offset < 0 || offset >= this.model.span) continue;
      let y = HEIGHT;
      for (const { type, n } of parts) {
        const h = Math.max(1, n * scale);
        y -= h;
        if (!shapes.has(type)) shapes.set(type, []);
        shapes.get(type).push(`M${round(offset * dayWidth)} ${round(y)}h${round(barWidth)}v${round(h)}h${round(-barWidth)}z`);
        bars += 1;
      }
    }
    const paths = EVENT_TYPES.filter((t) => shapes.has(t.type)).map(({ type }) => {
      const path = document.createElementNS(NS, 'path');
      path.setAttribute('d', shapes.get(type).join(''));
      path.setAttribute('fill', typeColour(type));
      path.dataset.type = type;
      path.classList.add('timeline-bar');
      return path;
    });
    this._bars.replaceChildren(...paths);
    const total = stacks.reduce((sum, s) => sum + s.total, 0);
    this.svg.setAttribute('aria-label', `Timeline: ${count(total)} events from ${day(bounds.min)} to ${day(bounds.max)}, `
      + `busiest day ${count(highest)}`);
    this.svg.dataset.bars = String(bars);
    this._drawWindow();
  }

  _drawWindow() {
    const width = this.svg.clientWidth || 600;
    const dayWidth = width / this.model.span;
    const { bounds, range } = this.model;
    this._window.setAttribute('x', String(daysBetween(bounds.min, range.from) * dayWidth));
    this._window.setAttribute('width', String(Math.max(2, this.model.width * dayWidth)));
  }

  _dayAt(clientX) {
    const box = this.svg.getBoundingClientRect();
    const offset = Math.floor(((clientX - box.left) / box.width) * this.model.span);
    return addDays(this.model.bounds.min, Math.min(this.model.span - 1, Math.max(0, offset)));
  }

  _pointer(event) {
    event.preventDefault();
    this.svg.setPointerCapture(event.pointerId);
    const startDay = this._dayAt(event.clientX);
    const { from, to } = this.model.range;
    const moving = startDay >= from && startDay <= to && event.target === this._window;
    let moved = false;
    const move = (e) => {
      const here = this._dayAt(e.clientX);
      if (here === startDay && !moved) return;
      moved = true;
      if (moving) {
        const delta = daysBetween(startDay, here);
        this.model.setRange(addDays(from, delta), addDays(to, delta), 'timeline-drag');
      } else {
        this.model.setRange(startDay, here, 'timeline-drag');
      }
    };
    const up = () => {
      this.svg.removeEventListener('pointermove', move);
      this.svg.removeEventListener('pointerup', up);
      this.svg.removeEventListener('pointercancel', up);
      if (!moved) this.model.setRange(startDay, startDay, 'timeline');
      else this.svg.dispatchEvent(new CustomEvent('rangedragend', { bubbles: true }));
    };
    this.svg.addEventListener('pointermove', move);
    this.svg.addEventListener('pointerup', up);
    this.svg.addEventListener('pointercancel', up);
  }
}
