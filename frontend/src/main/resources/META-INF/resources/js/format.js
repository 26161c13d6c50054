// Words for dates, ranges and precisions, as a reader expects them.
import { daysBetween } from './dates.js';

// Made on first use: building an Intl formatter costs a page its first few tens of milliseconds.
let DAY = null;
let LONG_DAY = null;
let NUMBER = null;

const TIME_PRECISION = { 1: '', 2: 'within the week', 3: 'within the month' };

const GEO_PRECISION = { 1: 'exact', 2: 'near', 3: 'region' };

/** "5 Dec 2024". */
export function day(iso) {
  DAY ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return DAY.format(new Date(`${iso}T00:00:00Z`));
}

/** "Thursday 5 December 2024", for screen readers. */
export function longDay(iso) {
  LONG_DAY ??= new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return LONG_DAY.format(new Date(`${iso}T00:00:00Z`));
}

/** "3 Dec 2024", or "27 Nov 2024 – 3 Dec 2024 (within the week)". */
export function dateRange(start, end, precision) {
  const first = day(start);
  const range = start === end ? first : `${first} – ${day(end)}`;
  const qualifier = TIME_PRECISION[precision];
  return qualifier ? `${range} (${qualifier})` : range;
}

/** The selected window in words: "20 Nov 2024 – 5 Dec 2024 (16 days)" or "5 Dec 2024 (1 day)". */
export function windowInWords(from, to) {
  const n = daysBetween(from, to) + 1;
  const span = `${count(n)} day${n === 1 ? '' : 's'}`;
  return from === to ? `${day(from)} (${span})` : `${day(from)} – ${day(to)} (${span})`;
}

/** "exact", "near", "region". */
export function geoPrecision(precision) {
  return GEO_PRECISION[precision] ?? 'unknown';
}

/** "1,234". */
export function count(n) {
  // toLocaleString would build a formatter at every call, and the map counts every cluster it draws
  NUMBER ??= new Intl.NumberFormat('en-GB');
  return NUMBER.format(Number(n));
}
