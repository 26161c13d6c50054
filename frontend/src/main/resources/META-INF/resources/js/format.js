// Words for dates and precisions, as a reader expects them.

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const TIME_PRECISION = { 1: '', 2: 'within the week', 3: 'within the month' };

const GEO_PRECISION = { 1: 'exact', 2: 'near', 3: 'region' };

/** "3 Dec 2024", or "27 Nov 2024 – 3 Dec 2024 (within the week)". */
export function dateRange(start, end, precision) {
  const first = DAY.format(new Date(`${start}T00:00:00Z`));
  const range = start === end ? first : `${first} – ${DAY.format(new Date(`${end}T00:00:00Z`))}`;
  const qualifier = TIME_PRECISION[precision];
  return qualifier ? `${range} (${qualifier})` : range;
}

/** "exact", "near", "region". */
export function geoPrecision(precision) {
  return GEO_PRECISION[precision] ?? 'unknown';
}
