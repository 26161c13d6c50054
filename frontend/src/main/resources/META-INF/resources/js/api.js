// The service's read API, as the map uses it. Errors come back as problem+json; their detail is shown.

/** Fetches the events of a date range as a GeoJSON FeatureCollection. */
export async function fetchEvents({ from, to } = {}) {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  const query = params.toString();
  return getJson(`/api/events${query ? `?${query}` : ''}`);
}

/** Fetches the control areas, contested areas and front line of a day. */
export function fetchFrontlines(date) {
  return getJson(`/api/frontlines?date=${encodeURIComponent(date)}`);
}

/** Fetches the days on which the territory layer changes. */
export function fetchFrontlineDates() {
  return getJson('/api/frontlines/dates');
}

/** Fetches a static GeoJSON file shipped with the frontend. */
export function fetchGeoJson(path) {
  return getJson(path);
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body?.detail ?? `${url} answered ${response.status}`);
  }
  return body;
}
