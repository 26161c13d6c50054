// Calendar days as ISO strings ("2024-12-05"), computed in UTC so that no time zone moves a day.

const DAY_MS = 86_400_000;

/** The day `n` days after `day` (before, when n is negative). */
export function addDays(day, n) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`: 0 for the same day, negative when b is earlier. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** True for a real calendar day written as YYYY-MM-DD. */
export function isDay(value) {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** The earlier of two days (either may be null). */
export function minDay(a, b) {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/** The later of two days (either may be null). */
export function maxDay(a, b) {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
