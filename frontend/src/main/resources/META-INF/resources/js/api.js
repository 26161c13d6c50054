// The service's read API, as the map uses it. Errors come back as problem+json; their detail is shown.

/** Published events matching the filters, as a GeoJSON FeatureCollection. */
export function fetchEvents(params, signal) {
  return getJson(`/api/events?${params}`, signal);
}

/** The same events counted per grid cell of the map at a zoom level (the server's clusters). */
export function fetchClusters(params, signal) {
  return getJson(`/api/events/clusters?${params}`, signal);
}

/** Counts per day and type, per type, per claim status, and the actors most named. */
export function fetchStats(params, signal) {
  return getJson(`/api/stats?${params}`, signal);
}

/** Control areas, contested areas and front line of a day. */
export function fetchFrontlines(date, signal) {
  return getJson(`/api/frontlines?date=${encodeURIComponent(date)}`, signal);
}

/** What each side gained and lost between two days. */
export function fetchMovement(from, to, signal) {
  return getJson(`/api/frontlines/changes?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, signal);
}

/** The days on which the territory layer changes. */
export function fetchFrontlineDates() {
  return getJson('/api/frontlines/dates');
}

/** The sides of the conflict, with their colours. */
export function fetchSides() {
  return getJson('/api/sides');
}

/** The operator's map settings (the optional online tile layer). */
export function fetchMapSettings() {
  return getJson('/api/map-settings');
}

/** A GeoJSON file or endpoint. */
export function fetchGeoJson(path) {
  return getJson(path);
}

async function getJson(url, signal) {
  const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' }, signal });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body?.detail ?? `${url} answered ${response.status}`);
  }
  return body;
}
