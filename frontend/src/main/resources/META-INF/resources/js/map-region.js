// What the page takes from GET /api/map-settings rather than writing down itself: the region it frames
// and the constants it shares with the API. A service that cannot say gets a map that still works:
// the whole world framed, small pages (a store larger than one is drawn from the server's clusters).
const WORLD = [[-60, -180], [75, 180]];
const FALLBACK_PAGE = 1000;
const FALLBACK_CELL_PIXELS = 60;

/** The region's box as Leaflet takes it, [[south, west], [north, east]]. */
export function regionBounds(settings) {
  const b = settings?.region?.bbox;
  return Array.isArray(b) && b.length === 4 ? [[b[1], b[0]], [b[3], b[2]]] : WORLD;
}

/** The country the basemap lights up, or null. */
export function regionName(settings) {
  return settings?.region?.name ?? null;
}

/** The most events /api/events sends at once. */
export function maxPage(settings) {
  return settings?.max_page ?? FALLBACK_PAGE;
}

/** The side of the server's cluster cells, in screen pixels. */
export function cellPixels(settings) {
  return settings?.cluster_cell_pixels ?? FALLBACK_CELL_PIXELS;
}

/**
 * The area fetched around a view: the view widened to whole blocks of 8 × 8 of the server's cluster
 * cells (at 60 pixels, 480 pixels a side, so 240 pixels of margin each way on average), as the
 * "minLon,minLat,maxLon,maxLat" of a bbox parameter. A small move of the map stays inside it and fetches
 * nothing, and visitors whose windows differ a little in size ask the same question, which the service
 * (and a CDN) then answers from its cache.
 * @param {{west: number, south: number, east: number, north: number}} view in degrees
 */
export function fetchArea(view, zoom, cell) {
  const blockLon = (8 * cell * 360) / (256 * 2 ** zoom);
  const blockY = (blockLon * Math.PI) / 180; // Web Mercator's y, in radians as longitude is
  const y = (lat) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
  const lat = (v) => (360 / Math.PI) * Math.atan(Math.exp(v)) - 90;
  const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v)).toFixed(5);
  return [
    clamp(Math.floor(view.west / blockLon) * blockLon, 180),
    clamp(lat(Math.floor(y(view.south) / blockY) * blockY), 90),
    clamp(Math.ceil(view.east / blockLon) * blockLon, 180),
    clamp(lat(Math.ceil(y(view.north) / blockY) * blockY), 90),
  ].join(',');
}
