// Wires the page: the map, the offline basemap, the events layer and the date filter, which lives in the
// URL (?from=&to=) so that a filtered view is a link.
import { fetchEvents, fetchFrontlineDates, fetchFrontlines } from './api.js';
import { addOfflineBasemap } from './basemap.js';
import { eventsLayer } from './events-layer.js';
import { describeTerritory, territoryLayer } from './territory-layer.js';

const map = L.map('map', { center: [35.6, 37.8], zoom: 7, minZoom: 3, maxZoom: 14 });
L.control.scale({ imperial: false }).addTo(map);
// Drawing order: basemap, then territory, then events (Leaflet's overlay pane, z-index 400).
map.createPane('basemap').style.zIndex = '200';
map.createPane('territory').style.zIndex = '350';

const form = document.getElementById('filters');
const status = document.getElementById('status');
const territoryStatus = document.getElementById('territory');
let layer = null;
let territory = null;
let lastTerritoryDate = null;

function filterFromUrl() {
  const params = new URLSearchParams(window.location.search);
  return { from: params.get('from') ?? '', to: params.get('to') ?? '' };
}

async function load(filter) {
  form.from.value = filter.from;
  form.to.value = filter.to;
  status.classList.remove('error');
  status.textContent = 'Loading events…';
  try {
    const [collection] = await Promise.all([fetchEvents(filter), loadTerritory(filter)]);
    if (layer) layer.remove();
    layer = eventsLayer(collection).addTo(map);
    const n = collection.features.length;
    status.textContent = `${n} event${n === 1 ? '' : 's'}${describe(filter)}`;
    document.body.dataset.eventsLoaded = String(n);
  } catch (error) {
    status.classList.add('error');
    status.textContent = error.message;
    document.body.dataset.eventsLoaded = 'error';
  }
}

// The territory drawn is the one of the range's last day (or the latest day the data know of).
async function loadTerritory({ to }) {
  if (!lastTerritoryDate) {
    const { dates } = await fetchFrontlineDates();
    lastTerritoryDate = dates.length ? dates[dates.length - 1] : null;
  }
  const day = to || lastTerritoryDate;
  if (territory) territory.remove();
  territory = null;
  territoryStatus.textContent = '';
  if (!day) return;
  const collection = await fetchFrontlines(day);
  territory = territoryLayer(collection).addTo(map);
  territoryStatus.textContent = describeTerritory(collection);
  document.body.dataset.territoryDate = day;
}

function describe({ from, to }) {
  if (from && to) return ` from ${from} to ${to}`;
  if (from) return ` from ${from}`;
  if (to) return ` up to ${to}`;
  return '';
}

function navigate(filter) {
  const params = new URLSearchParams();
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  const query = params.toString();
  history.pushState(null, '', query ? `?${query}` : window.location.pathname);
  load(filter);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  navigate({ from: form.from.value, to: form.to.value });
});
document.getElementById('reset').addEventListener('click', () => navigate({ from: '', to: '' }));
window.addEventListener('popstate', () => load(filterFromUrl()));

// The events matter more than the outlines: a missing basemap must not keep them off the map.
await addOfflineBasemap(map).catch((error) => console.warn(`offline basemap unavailable: ${error.message}`));
await load(filterFromUrl());
// First view: frame what there is to see; later filter changes keep the user's view.
if (layer && layer.getLayers().length) map.fitBounds(layer.getBounds(), { padding: [40, 40], maxZoom: 8 });
