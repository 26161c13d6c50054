// Wires the page. The view (window, filters, map position) lives in the URL, so every view is a link and
// the back button walks through views. Two models hold the view: the time model (the window) and the view's
// filters. The territory and movement layers, the legend's counts and the timeline follow them themselves;
// this module composes them and draws the events (or a large store's clusters) of each view.
import { fetchClusters, fetchEvents } from './api.js';
import { addBasemaps } from './basemap.js';
import { ClusterLayer } from './cluster-layer.js';
import { maxDay, minDay } from './dates.js';
import { cellPixels, fetchArea, maxPage, regionBounds } from './map-region.js';
import { EventList } from './event-list.js';
import { EventsLayer } from './events-layer.js';
import { exportMenu } from './export-menu.js';
import { FilterPanel } from './filters.js';
import * as firstReads from './first-reads.js';
import { count, windowInWords } from './format.js';
import { fullscreenControl, resetViewControl } from './map-controls.js';
import { Player } from './player.js';
import { playerControl } from './player-control.js';
import { RangeSlider } from './range-slider.js';
import { describeMovement, MovementLayer } from './movement-layer.js';
import { describeTerritory, TerritoryLayer } from './territory-layer.js';
import { TimeModel } from './time-model.js';
import { Timeline } from './timeline.js';
import { ViewFilters } from './view-filters.js';
import { filterParams, parseView, viewQuery } from './view-state.js';

/**
 * Stores larger than a page are drawn from the server's clusters of the view; once the view holds at
 * most this many events, they are fetched and drawn one by one.
 */
const RAW_IN_VIEW = 2000;
/** Key presses this close together make one history entry, not one per day. */
const HISTORY_COALESCE_MS = 1000;

const statusLine = document.getElementById('status');
const territoryLine = document.getElementById('territory');
const movementLine = document.getElementById('movement');
const rangeText = document.getElementById('range-text');

// The region (and the API's page and cell sizes) come from the service: one small read the first reads
// began as the page loaded.
const settings = await firstReads.mapSettings;
const REGION = L.latLngBounds(regionBounds(settings));
/** The API's largest page: a store larger than this is drawn from the view's clusters. */
const PAGE = maxPage(settings);
const map = L.map('map', { center: REGION.getCenter(), zoom: 7, minZoom: 3, maxZoom: 16 });
// Drawing order: basemap, territory, place names, uncertainty circles, then markers (Leaflet's 600).
for (const [pane, z] of [['basemap', 200], ['territory', 350], ['labels', 380], ['halos', 390]]) {
  map.createPane(pane).style.zIndex = String(z);
}
map.getPane('labels').style.pointerEvents = 'none';
L.control.scale({ imperial: false }).addTo(map);
fullscreenControl(document.getElementById('stage')).addTo(map);
resetViewControl(() => fitToEvents()).addTo(map);

let view = parseView(window.location.search);
let lastPush = 0;
let load = Promise.resolve();
let controller = null;
let firstLoad = true;
// Set while the page itself moves the map to frame the events: that view is the default, not a choice
// worth writing into the link.
let fitting = false;
/** How many events the window holds (what the list counts "in view" out of). */
let loaded = 0;

// A view without dates or filters (a plain link) is framed at once, and its clusters asked for beside the
// first reads rather than after them: whether the store is large enough to need them is known only from
// those reads (a small store's map ignores the answer), but the view's events are all the store holds.
const landing = !filterParams(view).toString();
if (landing) frameFirstView();
const landingClusters = landing ? fetchClusters(`bbox=${viewArea()}&zoom=${map.getZoom()}`) : null;
landingClusters?.catch(() => {}); // reported by the draw that uses it

const [sides, frontlineDates, everything] = await Promise.all([
  firstReads.sides, firstReads.frontlineDates, firstReads.everything,
]);
// The basemap matters less than the events: a missing one must not keep them off the map.
addBasemaps(map, settings).catch((error) => console.warn(`offline basemap unavailable: ${error.message}`));

const model = new TimeModel(spanOf(everything, frontlineDates));
model.include(view.from, view.to);
model.range = { from: view.from ?? model.bounds.min, to: view.to ?? model.bounds.max };
if (model.range.from > model.range.to) model.range = { from: model.range.to, to: model.range.from };

const viewFilters = new ViewFilters(view);
const events = new EventsLayer().addTo(map);
const clusters = new ClusterLayer().addTo(map);
/** Whether the store is too large to send a window's events whole: then the view decides what is sent. */
const scale = everything.total > PAGE;
let viewController = null;
/** The areaKey of what a large store's map draws, while it is drawn (see reloadView). */
let drawnArea = null;
const territory = new TerritoryLayer(sides, { model }).addTo(map);
const movement = new MovementLayer(sides, { model, firstDay: frontlineDates[0] }).addTo(map);
const filters = new FilterPanel(document.getElementById('filters'));
const list = new EventList(document.getElementById('list-heading'), document.getElementById('event-list'));
const exports = exportMenu(document.getElementById('export-menu'));
new RangeSlider(document.getElementById('slider'), model);
const timeline = new Timeline(document.getElementById('timeline'), model);
filters.follow(model, viewFilters, landingLegend({ ...view, ...model.range }));
timeline.follow(viewFilters, everything);
const player = new Player(model, { settled: () => Promise.all([load, model.settled()]) });
playerControl(document.getElementById('player'), player);

// --- the view and the URL ---

function setUrl(mode) {
  const url = `${window.location.pathname}${viewQuery(view)}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  const now = performance.now();
  if (mode === 'push' && now - lastPush > HISTORY_COALESCE_MS) {
    history.pushState(null, '', url);
  } else {
    history.replaceState(null, '', url);
  }
  if (mode === 'push') lastPush = now;
}

model.addEventListener('change', ({ detail }) => {
  view = { ...view, from: detail.from, to: detail.to };
  if (detail.cause !== 'url') setUrl(detail.cause === 'player' || detail.cause.endsWith('-drag') ? 'replace' : 'push');
  reload();
});
// a drag is one step back in history, recorded when it ends
document.addEventListener('rangedragend', () => setUrl('push'));

filters.addEventListener('change', ({ detail }) => {
  view = { ...view, ...detail };
  viewFilters.set(view, 'panel');
});
viewFilters.addEventListener('change', ({ detail }) => {
  if (detail.cause !== 'url') setUrl('push');
  reload();
});
filters.addEventListener('error', ({ detail }) => showError(detail.error));
document.getElementById('timeline').addEventListener('error', ({ detail }) => showError(detail.error));

map.on('moveend', () => {
  if (fitting) {
    fitting = false;
    view = { ...view, center: null, zoom: null };
  } else if (!firstLoad) {
    const c = map.getCenter();
    view = { ...view, center: [c.lat, c.lng], zoom: map.getZoom() };
  }
  if (!firstLoad) setUrl('replace');
  if (scale && !firstLoad) reloadView();
  else showList();
});

window.addEventListener('popstate', () => {
  view = parseView(window.location.search);
  player.pause();
  model.include(view.from, view.to);
  if (view.center && view.zoom != null) map.setView(view.center, view.zoom, { animate: false });
  const filtersChanged = viewFilters.set(view, 'url');
  const windowChanged = model.setRange(view.from ?? model.bounds.min, view.to ?? model.bounds.max, 'url');
  if (!filtersChanged && !windowChanged) reload();
});

// --- map and list in step ---

territory.on('load', ({ end }) => {
  territoryLine.textContent = describeTerritory(end, sides);
  document.body.dataset.territoryDate = end.date;
});
territory.on('error', ({ error }) => showError(error));
territory.on('evidence', ({ id }) => {
  if (events.has(id)) {
    list.select(id);
    events.open(id);
  } else {
    window.open(`/api/events/${encodeURIComponent(id)}`, '_blank', 'noopener');
  }
});
movement.on('load', ({ movement: m }) => { movementLine.textContent = describeMovement(m); });
movement.on('error', ({ error }) => showError(error));

events.on('hover', ({ id }) => list.highlight(id));
events.on('select', ({ id }) => list.select(id));
list.addEventListener('hover', ({ detail }) => events.highlight(detail.id));
list.addEventListener('select', ({ detail }) => {
  list.select(detail.id);
  events.open(detail.id);
});

const toggle = document.getElementById('panel-toggle');
toggle.addEventListener('click', () => {
  const open = document.body.classList.toggle('panel-open');
  toggle.setAttribute('aria-expanded', String(open));
  map.invalidateSize();
});

// --- loading ---

/** Loads what the current view shows; the returned promise resolves once it is drawn. */
function reload() {
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  const started = performance.now();
  // the view is drawn once the events and everything following the two models are
  load = Promise.all([draw(signal), model.settled(), viewFilters.settled()]).then(() => {
    if (signal.aborted) return;
    document.body.dataset.range = `${model.range.from}/${model.range.to}`;
    document.body.dataset.drawMs = String(Math.round(performance.now() - started));
  }, (error) => {
    if (error.name !== 'AbortError') showError(error);
  });
  return load;
}

function showError(error) {
  statusLine.classList.add('error');
  statusLine.textContent = error.message;
  document.body.dataset.eventsLoaded = 'error';
}

/**
 * In a large store, a move of the map fetches what the new view shows (clusters or events), unless the
 * view still lies in the area already fetched (see viewArea).
 */
function reloadView() {
  const shown = { ...view, ...model.range };
  if (drawnArea && drawnArea === areaKey(filterParams(shown))) {
    viewController?.abort(); // back in the drawn area before another one's answer came
    if (document.body.dataset.mode === 'events') showList();
    return;
  }
  viewController?.abort();
  viewController = new AbortController();
  const signal = viewController.signal;
  const started = performance.now();
  load = load.then(() => eventsInView(filterParams(shown), signal)).then((answer) => {
    if (signal.aborted) return;
    showEvents(answer);
    document.body.dataset.drawMs = String(Math.round(performance.now() - started));
  }).catch((error) => {
    if (error.name !== 'AbortError') statusLine.textContent = error.message;
  });
}

/**
 * The events to draw: a small store's whole window, or in a large one the server's clusters of the view,
 * or the view's own events once they are few.
 */
async function eventsInView(params, signal) {
  if (!scale) {
    const eventParams = new URLSearchParams(params);
    eventParams.set('limit', String(PAGE));
    const collection = await fetchEvents(eventParams, signal);
    return { collection, matched: collection.numberMatched };
  }
  const area = areaKey(params);
  const viewParams = new URLSearchParams(params);
  viewParams.set('bbox', viewArea());
  const cells = await fetchClusters(`${viewParams}&zoom=${map.getZoom()}`, signal);
  if (cells.numberMatched > RAW_IN_VIEW) return { cells, matched: cells.numberMatched, area };
  viewParams.set('limit', String(RAW_IN_VIEW));
  const collection = await fetchEvents(viewParams, signal);
  return { collection, matched: collection.numberMatched, area };
}

/**
 * A plain link's first view of a large store, from the clusters asked for before the first reads (the
 * window is the whole span then, which holds every event), or the view's events if they are few.
 */
async function landingView(params, signal) {
  const cells = await landingClusters;
  if (cells.numberMatched <= RAW_IN_VIEW) return eventsInView(params, signal);
  return { cells, matched: cells.numberMatched, area: areaKey(params) };
}

/** What a large store's view is fetched by: the filters, the area around the view and the zoom. */
function areaKey(params) {
  return `${params}&bbox=${viewArea()}&zoom=${map.getZoom()}`;
}

/** The area fetched around the view (map-region.js's fetchArea): whole blocks of the server's cells. */
function viewArea() {
  const b = map.getBounds();
  return fetchArea({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() },
    map.getZoom(), cellPixels(settings));
}

function showEvents({ collection, cells, matched, area }) {
  drawnArea = area ?? null;
  events.setData(collection ?? { features: [] });
  clusters.setData(cells ?? null);
  const n = collection?.features.length ?? 0;
  loaded = n;
  document.body.dataset.mode = cells ? 'clusters' : 'events';
  if (cells) {
    statusLine.textContent = `${count(matched)} events in view, in ${count(clusters.size())} clusters: zoom in to see each one`;
    list.tooMany(matched);
  } else {
    // a small store's window is at most a page, and a large store's view is fetched only when it holds fewer
    statusLine.textContent = `${count(n)} event${n === 1 ? '' : 's'}${scale ? ' in view' : ''}`;
    showList();
  }
  document.body.dataset.eventsLoaded = String(cells ? matched : n);
}

/** The view's events (or clusters); the counts and the territory follow the models themselves. */
async function draw(signal) {
  const { from, to } = model.range;
  const shown = { ...view, from, to };
  rangeText.textContent = windowInWords(from, to);
  filters.show(shown);
  statusLine.classList.remove('error');
  statusLine.textContent = 'Loading events…';
  const params = filterParams(shown);
  exports.update(params);
  if (firstLoad && scale) frameFirstView();
  viewController?.abort();
  const answer = await (firstLoad && scale && landing ? landingView(params, signal) : eventsInView(params, signal));
  if (signal.aborted) return;
  // a large store's first view was framed before the fetch, since there the view decides what is fetched
  if (firstLoad && !scale) {
    firstLoad = false;
    if (view.center && view.zoom != null) map.setView(view.center, view.zoom, { animate: false });
    else {
      events.setData(answer.collection);
      fitToEvents({ animate: false });
    }
  }
  firstLoad = false;
  showEvents(answer);
}

/** A large store's first view: the link's, or the whole region (its events are not all fetched to frame). */
function frameFirstView() {
  if (view.center && view.zoom != null) map.setView(view.center, view.zoom, { animate: false });
  else {
    fitting = true;
    map.fitBounds(REGION, { padding: [40, 40], maxZoom: 7, animate: false });
  }
}

// The first view of a plain link is the whole span without filters: its legend counts every event, which is
// the answer already fetched for the slider's bounds (at 100,000 events the same 0.3-0.6 s query again,
// beside the clusters, on a cold service). Later draws ask, so the counts follow writes made meanwhile.
function landingLegend(shown) {
  if (!firstLoad || !everything.first_day || filterParams(shown, { withDates: false, withTypes: false }).toString()) return null;
  return shown.from <= everything.first_day && shown.to >= everything.last_day ? everything : null;
}

function showList() {
  list.show(events.featuresIn(map.getBounds()), { total: loaded });
}

function fitToEvents({ animate = true } = {}) {
  fitting = true;
  const bounds = events.bounds();
  map.fitBounds(bounds?.isValid() ? bounds : REGION, { padding: [40, 40], maxZoom: 7, animate });
}

// The slider spans every event and every territory snapshot; today when there is nothing yet.
function spanOf(stats, dates) {
  const today = new Date().toISOString().slice(0, 10);
  const min = minDay(stats.first_day, dates[0]) ?? today;
  const max = maxDay(stats.last_day, dates[dates.length - 1]) ?? today;
  return { min, max };
}

await reload();
