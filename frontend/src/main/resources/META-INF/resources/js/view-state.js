// A view of the map as a URL query string and back: the date window, the filters, and the map's centre
// and zoom. Any view is a link that reproduces it. Values the page cannot use are dropped, not guessed.
import { isDay } from './dates.js';

/** @typedef {{from: string|null, to: string|null, types: string[], actors: string[], statuses: string[],
 *   q: string, center: [number, number]|null, zoom: number|null}} ViewState */

/** The view a query string describes (missing parts null or empty). */
export function parseView(search) {
  const p = new URLSearchParams(search);
  const center = (p.get('center') ?? '').split(',').map(Number);
  const zoom = Number.parseInt(p.get('zoom') ?? '', 10);
  return {
    from: isDay(p.get('from')) ? p.get('from') : null,
    to: isDay(p.get('to')) ? p.get('to') : null,
    types: p.getAll('type').filter(Boolean),
    actors: p.getAll('actor').filter(Boolean),
    // links made before the filter was named claim_status still work
    statuses: [...p.getAll('claim_status'), ...p.getAll('status')].filter(Boolean),
    q: (p.get('q') ?? '').trim(),
    center: center.length === 2 && center.every(Number.isFinite) && Math.abs(center[0]) <= 90
      && Math.abs(center[1]) <= 180 ? center : null,
    zoom: Number.isInteger(zoom) && zoom >= 0 && zoom <= 20 ? zoom : null,
  };
}

/** The filter parameters the API takes (no map view): for /api/events, /api/stats and the exports. */
export function filterParams(view, { withDates = true, withTypes = true } = {}) {
  const p = new URLSearchParams();
  if (withDates && view.from) p.set('from', view.from);
  if (withDates && view.to) p.set('to', view.to);
  if (withTypes) view.types.forEach((t) => p.append('type', t));
  view.actors.forEach((a) => p.append('actor', a));
  view.statuses.forEach((s) => p.append('claim_status', s));
  if (view.q) p.set('q', view.q);
  return p;
}

/** The query string of a view, map centre and zoom included. */
export function viewQuery(view) {
  const parts = [filterParams(view).toString()];
  // written by hand: URLSearchParams would escape the comma, and "center=35.13,36.76" reads better
  if (view.center) parts.push(`center=${view.center[0].toFixed(4)},${view.center[1].toFixed(4)}`);
  if (view.zoom != null) parts.push(`zoom=${view.zoom}`);
  const query = parts.filter(Boolean).join('&');
  return query ? `?${query}` : '';
}
