// The curator's editor: pick or start an event, write it with a live preview of where its place name
// lands, save as draft or publish, archive or restore, and read its history. Writes carry If-Match, so
// when someone else saved first the curator is told, keeps their own text, and chooses what to do.
import { addBasemaps } from './basemap.js';
import { ApiError, call, loadCsrf } from './editor-api.js';
import { ArticlePanel } from './editor-article.js';
import { EventForm } from './editor-form.js';
import { TerritoryMode } from './editor-territory.js';
import { renderHistory } from './editor-history.js';
import { regionBounds } from './map-region.js';
import { el } from './popup.js';

const PICKER_SIZE = 200;

const $ = (id) => document.getElementById(id);
const message = $('form-message');
const conflict = $('conflict');

const me = (await call('GET', '/api/curator/me')).body;
$('who').textContent = `Logged in as ${me.username}`;
const csrf = await loadCsrf();
$('logout-csrf').name = csrf.parameter_name;
$('logout-csrf').value = csrf.token;

const [vocabulary, sides, settings] = await Promise.all([
  call('GET', '/api/vocabulary').then((r) => r.body),
  call('GET', '/api/sides').then((r) => r.body).catch(() => []),
  call('GET', '/api/map-settings').then((r) => r.body).catch(() => ({})),
]);
const form = new EventForm($('event-form'), vocabulary, sides);

// Events or territory: one of the two layouts is shown; the territory's map is made when first shown.
const territory = new TerritoryMode({ settings, sides });
function mode(name) {
  $('events-mode').hidden = name !== 'events';
  $('territory-mode').hidden = name !== 'territory';
  $('mode-events').setAttribute('aria-pressed', String(name === 'events'));
  $('mode-territory').setAttribute('aria-pressed', String(name === 'territory'));
  if (name === 'territory') territory.show();
}
$('mode-events').addEventListener('click', () => mode('events'));
$('mode-territory').addEventListener('click', () => mode('territory'));

// the map shows where the event goes: the geocoder's answer, its candidates, or the pin
const map = L.map('preview-map', { minZoom: 3, maxZoom: 16 }).fitBounds(regionBounds(settings));
for (const [pane, z] of [['basemap', 200], ['labels', 380]]) map.createPane(pane).style.zIndex = String(z);
map.getPane('labels').style.pointerEvents = 'none';
addBasemaps(map, settings).catch((error) => console.warn(`offline basemap unavailable: ${error.message}`));
const pointLayer = L.layerGroup().addTo(map);
map.on('click', (e) => {
  if (form.pinAt(e.latlng.lat, e.latlng.lng)) preview();
});

/** The event being edited: its id, the ETag of the version the form was filled from, its status. */
let current = null;

// ---- preview -------------------------------------------------------------------------------------

let previewTimer = 0;
let previewAbort = null;
form.form.elements.place_text.addEventListener('input', () => schedulePreview());
for (const name of ['lat', 'lon', 'gazetteer_id']) form.form.elements[name].addEventListener('input', () => schedulePreview());
form.form.addEventListener('pinchange', () => schedulePreview());

function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, 300);
}

async function preview() {
  const pin = form.pin();
  const text = form.form.elements.place_text.value.trim();
  previewAbort?.abort();
  previewAbort = new AbortController();
  if (pin?.lat != null && pin?.lon != null && Number.isFinite(pin.lat) && Number.isFinite(pin.lon)) {
    showPoint(pin.lat, pin.lon, `Pinned at ${pin.lat}, ${pin.lon}`);
    showCandidates([]);
    return;
  }
  if (!text) {
    $('geocode-preview').textContent = '';
    pointLayer.clearLayers();
    showCandidates([]);
    return;
  }
  try {
    const response = await fetch(`/api/geocode?q=${encodeURIComponent(text)}`, { signal: previewAbort.signal });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.detail);
    const all = [answer.result, ...answer.alternatives].filter(Boolean);
    if (pin?.gazetteer_id) {
      const chosen = all.find((c) => c.id === pin.gazetteer_id);
      if (chosen) showPoint(chosen.lat, chosen.lon, `Pinned to ${chosen.name} (${chosen.id})`);
      else { pointLayer.clearLayers(); $('geocode-preview').textContent = `Pinned to ${pin.gazetteer_id}; the point shows once saved.`; }
    } else if (answer.result) {
      showPoint(answer.result.lat, answer.result.lon, `→ ${answer.result.name} (${answer.result.id}): ${answer.explanation}`);
    } else {
      pointLayer.clearLayers();
      $('geocode-preview').textContent = `Not placed: ${answer.explanation}`;
    }
    showCandidates(answer.result ? answer.alternatives : all);
  } catch (error) {
    if (error.name !== 'AbortError') $('geocode-preview').textContent = `Preview unavailable: ${error.message}`;
  }
}

function showPoint(lat, lon, text) {
  pointLayer.clearLayers();
  L.marker([lat, lon], { title: text, keyboard: false }).addTo(pointLayer);
  map.setView([lat, lon], Math.max(map.getZoom(), 8));
  $('geocode-preview').textContent = text;
}

/** Other records the name could mean, each one click from being pinned. */
function showCandidates(candidates) {
  const list = $('geocode-candidates');
  list.replaceChildren();
  for (const c of candidates.slice(0, 6)) {
    const item = el('li');
    const pin = el('button', null, `Pin ${c.name} (${c.id}, ${c.country})`);
    pin.type = 'button';
    pin.addEventListener('click', () => {
      form.pinTo(c.id);
      showPoint(c.lat, c.lon, `Pinned to ${c.name} (${c.id})`);
    });
    item.append(pin);
    list.append(item);
    L.circleMarker([c.lat, c.lon], { radius: 5, color: '#6b7280' }).bindTooltip(c.name).addTo(pointLayer);
  }
}

// ---- saving --------------------------------------------------------------------------------------

let lastStatus = 'draft';
form.form.addEventListener('submit', (e) => {
  e.preventDefault();
  lastStatus = e.submitter?.value ?? lastStatus;
  save(lastStatus);
});

async function save(status, etag = current?.etag) {
  say('');
  conflict.hidden = true;
  const body = form.body(status);
  try {
    const answer = current
      ? await call('PUT', `/api/events/${encodeURIComponent(current.id)}`, body, etag)
      : await call('POST', '/api/events', body);
    show(answer.body, answer.etag);
    say(`Saved version ${answer.body.properties.version} (${answer.body.properties.status}).`, 'ok');
    refreshPicker();
  } catch (error) {
    failed(error, status);
  }
}

function failed(error, status) {
  if (!(error instanceof ApiError)) throw error;
  const problem = error.problem;
  if (error.status === 400 && problem.errors) {
    form.showProblems(problem.errors);
    const general = problem.errors.filter((p) => !p.field).map((p) => p.detail);
    say([problem.detail, ...general].join(' '), 'error');
  } else if (error.status === 422) {
    form.showProblems([{ field: 'place_text', detail: 'pin one of the candidates, or coordinates' }]);
    $('geocode-preview').textContent = problem.detail;
    showCandidates(problem.candidates ?? []);
    say('The place name does not decide where this is: nothing was saved.', 'error');
  } else if (error.status === 412) {
    $('conflict-text').textContent = `Someone else saved version ${problem.current_version} of this event at `
      + `${problem.updated_at} while you were editing version ${current.etag.replaceAll('"', '')}. `
      + 'Nothing of yours was saved; your changes are still in the form.';
    conflict.hidden = false;
    conflict.dataset.etag = error.etag;
    conflict.dataset.status = status;
    $('conflict-reload').focus();
  } else {
    say(problem.detail ?? error.message, 'error');
  }
}

$('conflict-reload').addEventListener('click', () => openEvent(current.id));
$('conflict-overwrite').addEventListener('click', () => save(conflict.dataset.status, conflict.dataset.etag));

$('archive').addEventListener('click', () => write('DELETE', '', 'Archived: off the map and the exports, kept in the history.'));
$('unarchive').addEventListener('click', () => write('POST', '/restore', 'Restored from the archive.'));

async function write(method, suffix, done) {
  say('');
  try {
    const answer = await call(method, `/api/events/${encodeURIComponent(current.id)}${suffix}`, undefined, current.etag);
    show(answer.body, answer.etag);
    say(done, 'ok');
    refreshPicker();
  } catch (error) {
    failed(error, current.status);
  }
}

// ---- loading -------------------------------------------------------------------------------------

$('new-event').addEventListener('click', () => newEvent());

// a proposal from an article fills a new event's form; the curator checks it and saves it as a draft
new ArticlePanel($('article-panel'), (draft) => {
  newEvent();
  form.fillDraft(draft);
  preview();
  say('Filled from the article: check every field, then save it as a draft.', 'ok');
  form.form.elements.title.focus();
});

function newEvent() {
  current = null;
  form.clear();
  $('form-heading').textContent = 'New event';
  $('status-badge').textContent = '';
  $('archive').hidden = true;
  $('unarchive').hidden = true;
  $('history').replaceChildren();
  $('history-empty').hidden = false;
  pointLayer.clearLayers();
  $('geocode-preview').textContent = '';
  history.replaceState(null, '', '/editor');
  say('');
  form.form.elements.title.focus();
}

async function openEvent(id) {
  say('');
  conflict.hidden = true;
  try {
    const answer = await call('GET', `/api/events/${encodeURIComponent(id)}`);
    show(answer.body, answer.etag);
  } catch (error) {
    say(error.message, 'error');
  }
}

/** Shows a saved event: the form, the point, the status, the history. */
function show(feature, etag) {
  const p = feature.properties;
  current = { id: feature.id, etag, status: p.status };
  form.fill(feature);
  $('form-heading').textContent = `Editing: ${p.title}`;
  $('status-badge').textContent = `${p.status}, version ${p.version}`;
  $('status-badge').dataset.status = p.status;
  $('archive').hidden = p.status === 'archived';
  $('unarchive').hidden = p.status !== 'archived';
  const [lon, lat] = feature.geometry.coordinates;
  showPoint(lat, lon, `${p.place_text} → ${p.geocode_explanation}`);
  $('geocode-candidates').replaceChildren();
  history.replaceState(null, '', `/editor?id=${encodeURIComponent(feature.id)}`);
  document.body.dataset.version = String(p.version);
  loadHistory(feature.id);
}

async function loadHistory(id) {
  const answer = await call('GET', `/api/events/${encodeURIComponent(id)}/history`);
  $('history-empty').hidden = answer.body.versions.length > 0;
  renderHistory($('history'), answer.body, (version) => write('POST', `/restore?version=${version}`, `Version ${version} restored as a new version.`));
}

// ---- picker --------------------------------------------------------------------------------------

let pickerTimer = 0;
$('picker-search').addEventListener('input', () => {
  clearTimeout(pickerTimer);
  pickerTimer = setTimeout(refreshPicker, 250);
});

/** The latest events by date (all statuses) matching the search, newest first. */
async function refreshPicker() {
  const q = $('picker-search').value.trim();
  const filter = q ? `&q=${encodeURIComponent(q)}` : '';
  try {
    const total = (await call('GET', `/api/curator/events?limit=1${filter}`)).body.numberMatched;
    const page = (await call('GET', `/api/curator/events?limit=${PICKER_SIZE}&offset=${Math.max(0, total - PICKER_SIZE)}${filter}`)).body;
    $('picker-count').textContent = total > PICKER_SIZE ? `The latest ${PICKER_SIZE} of ${total}` : `${total} events`;
    $('picker-list').replaceChildren(...page.features.reverse().map(pickerEntry));
  } catch (error) {
    $('picker-count').textContent = error.message;
  }
}

function pickerEntry(feature) {
  const p = feature.properties;
  const item = el('li');
  const button = el('button', 'pick');
  button.type = 'button';
  button.dataset.id = feature.id;
  button.append(el('span', 'pick-title', p.title), el('span', `badge ${p.status}`, p.status), el('span', 'muted', p.date_start));
  button.addEventListener('click', () => openEvent(feature.id));
  item.append(button);
  return item;
}

function say(text, kind) {
  message.textContent = text;
  message.hidden = !text;
  message.className = `message ${kind ?? ''}`;
}

await refreshPicker();
const wanted = new URLSearchParams(location.search).get('id');
if (wanted) await openEvent(wanted);
document.body.dataset.editorReady = 'true';
