// The event form: filled from a GeoJSON feature, read back as the write API's JSON body, and marked
// with the problems the service reports per field. Every value is set as a property or text, never as
// markup, so whatever a curator typed is shown as typed.
import { el } from './popup.js';

const LIST_SEPARATOR = /\s*;\s*/;

export class EventForm {
  constructor(form, vocabulary, sides) {
    this.form = form;
    this.vocabulary = vocabulary;
    this.claims = form.querySelector('#claims');
    this.sources = form.querySelector('#sources');
    const types = form.elements.event_type;
    for (const type of Object.keys(vocabulary.event_types)) types.append(new Option(type, type));
    types.addEventListener('change', () => this.#subTypes());
    this.#subTypes();
    for (const side of sides) form.elements.control_side.append(new Option(side.label, side.id));
    form.elements.pin_mode.addEventListener('change', () => this.#pinMode());
    form.querySelector('#add-claim').addEventListener('click', () => this.addClaim().querySelector('input').focus());
    form.querySelector('#add-source').addEventListener('click', () => this.addSource().querySelector('input').focus());
    this.clear();
  }

  /** An empty form for a new event: one claim row, one source row. */
  clear() {
    this.form.reset();
    this.claims.replaceChildren();
    this.sources.replaceChildren();
    this.addClaim();
    this.addSource();
    this.#subTypes();
    this.#pinMode();
    this.showProblems([]);
  }

  /** Fills the form from a feature as GET /api/events/{id} returns it. */
  fill(feature) {
    this.clear();
    const p = feature.properties;
    const f = this.form.elements;
    f.title.value = p.title;
    f.summary.value = p.summary;
    f.event_type.value = p.event_type;
    this.#subTypes();
    f.sub_event_type.value = p.sub_event_type;
    f.side_a.value = p.actors.side_a.join('; ');
    f.side_b.value = p.actors.side_b.join('; ');
    f.associated.value = p.actors.associated.join('; ');
    f.date_start.value = p.date_start;
    f.date_end.value = p.date_end;
    f.time_precision.value = String(p.time_precision);
    f.place_text.value = p.place_text;
    f.fatalities.value = p.fatalities ?? '';
    f.control_side.value = p.control_change?.side ?? '';
    f.control_change.value = p.control_change?.change ?? 'gained';
    // a pinned place stays pinned: the form shows the pin the audit records
    if (p.geocode_method === 'pinned-id') {
      f.pin_mode.value = 'id';
      f.gazetteer_id.value = p.place_id;
    } else if (p.geocode_method === 'pinned-coordinates') {
      f.pin_mode.value = 'coordinates';
      [f.lon.value, f.lat.value] = feature.geometry.coordinates.map(String);
    }
    if (f.pin_mode.value) f.geo_precision.value = String(p.geo_precision);
    this.#pinMode();
    this.claims.replaceChildren();
    this.sources.replaceChildren();
    for (const claim of p.claims) this.addClaim(claim);
    for (const source of p.sources) this.addSource(source);
    if (!p.claims.length) this.addClaim();
  }

  /**
   * Fills the form from a proposal of the article reader (POST /api/curator/extract): its type, actors,
   * days, place (pinned when the place text alone would land elsewhere), the sentence as the source's claim.
   * The summary is a plain sentence of ours for the curator to improve.
   */
  fillDraft(d) {
    const s = d.source;
    const days = d.date_start === d.date_end ? d.date_start : `${d.date_start} to ${d.date_end}`;
    const who = d.actors.side_a.length ? d.actors.side_a.join(' and ') : 'Unnamed forces';
    this.fill({
      geometry: { coordinates: [d.place.lon, d.place.lat] },
      properties: {
        ...d,
        summary: `${who}: ${d.sub_event_type.toLowerCase()} at ${d.place_text}, ${days}, as reported on ${s.published}.`,
        fatalities: null,
        geocode_method: d.pin ? 'pinned-id' : d.place.method,
        place_id: d.pin?.gazetteer_id,
        geo_precision: d.pin?.geo_precision,
        claims: [{ by: s.publisher ?? '', statement: d.claim, status: 'reported' }],
        sources: [{ publisher: s.publisher ?? '', published: s.published, dateline: s.dateline ?? '', url: s.url ?? '' }],
      },
    });
    if (d.pin) this.form.elements.note.value = d.pin.note ?? '';
  }

  /** The write API's body; blank optional fields are left out, blank rows dropped. */
  body(status) {
    const f = this.form.elements;
    const body = {
      title: f.title.value,
      summary: f.summary.value,
      event_type: f.event_type.value,
      sub_event_type: f.sub_event_type.value,
      actors: { side_a: names(f.side_a.value), side_b: names(f.side_b.value), associated: names(f.associated.value) },
      date_start: f.date_start.value,
      date_end: f.date_end.value || f.date_start.value,
      time_precision: Number(f.time_precision.value),
      place_text: f.place_text.value,
      fatalities: f.fatalities.value === '' ? null : Number(f.fatalities.value),
      claims: rows(this.claims, ['by', 'statement', 'status'], []),
      sources: rows(this.sources, ['publisher', 'published', 'dateline', 'url'], ['dateline', 'url']),
      status,
    };
    if (f.control_side.value) body.control_change = { side: f.control_side.value, change: f.control_change.value };
    const pin = this.pin();
    if (pin) body.place = pin;
    return body;
  }

  /** The curator's pin, or null when the place name decides. */
  pin() {
    const f = this.form.elements;
    const common = { geo_precision: Number(f.geo_precision.value) };
    if (f.note.value.trim()) common.note = f.note.value.trim();
    if (f.pin_mode.value === 'id') return { gazetteer_id: f.gazetteer_id.value.trim(), ...common };
    if (f.pin_mode.value === 'coordinates') return { lat: number(f.lat.value), lon: number(f.lon.value), ...common };
    return null;
  }

  /** Pins to a gazetteer record (a candidate the preview listed). */
  pinTo(placeId) {
    this.form.elements.pin_mode.value = 'id';
    this.form.elements.gazetteer_id.value = placeId;
    this.#pinMode();
  }

  /** Pins to coordinates (a click on the map), when the curator chose coordinates. */
  pinAt(lat, lon) {
    if (this.form.elements.pin_mode.value !== 'coordinates') return false;
    this.form.elements.lat.value = lat.toFixed(5);
    this.form.elements.lon.value = lon.toFixed(5);
    return true;
  }

  addClaim(claim = { by: '', statement: '', status: 'reported' }) {
    const status = el('select');
    status.name = 'status';
    for (const s of this.vocabulary.claim_statuses) status.append(new Option(s, s));
    status.value = claim.status;
    return this.#row(this.claims, 'claims', [input('by', 'Who says', claim.by), input('statement', 'What they say', claim.statement, 'wide'),
      labelled('Status', status)]);
  }

  addSource(source = { publisher: '', published: '', dateline: '', url: '' }) {
    const published = input('published', 'Published', source.published);
    published.querySelector('input').type = 'date';
    return this.#row(this.sources, 'sources', [input('publisher', 'Publisher', source.publisher), published,
      input('dateline', 'Dateline', source.dateline ?? ''), input('url', 'Address', source.url ?? '', 'wide')]);
  }

  /** Marks each field the service named and lists what it said; problems without a field are listed first. */
  showProblems(problems) {
    for (const old of this.form.querySelectorAll('.problem')) old.remove();
    for (const marked of this.form.querySelectorAll('[aria-invalid]')) marked.removeAttribute('aria-invalid');
    for (const { field, detail } of problems) {
      const holder = field ? this.#fieldElement(field) : null;
      if (!holder) continue;
      holder.append(el('span', 'problem', detail));
      holder.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    }
  }

  #fieldElement(field) {
    // claims[1].status -> the second claim row's status; place.lat -> the lat field
    const row = /^(claims|sources)\[(\d+)\](?:\.(\w+))?$/.exec(field);
    if (row) {
      const item = (row[1] === 'claims' ? this.claims : this.sources).children[Number(row[2])];
      return item?.querySelector(`[data-field="${row[3]}"]`) ?? item ?? null;
    }
    const direct = [...this.form.querySelectorAll('[data-field]')].find((node) => node.dataset.field === field);
    if (direct) return direct;
    return [...this.form.querySelectorAll('[data-field]')].find((node) => field.startsWith(node.dataset.field)) ?? null;
  }

  #row(list, kind, fields) {
    const item = el('li', 'row');
    const remove = el('button', 'remove', 'Remove');
    remove.type = 'button';
    remove.addEventListener('click', () => item.remove());
    item.append(...fields, remove);
    list.append(item);
    return item;
  }

  #subTypes() {
    const select = this.form.elements.sub_event_type;
    const previous = select.value;
    select.replaceChildren(...(this.vocabulary.event_types[this.form.elements.event_type.value] ?? []).map((s) => new Option(s, s)));
    if ([...select.options].some((o) => o.value === previous)) select.value = previous;
  }

  #pinMode() {
    const mode = this.form.elements.pin_mode.value;
    for (const node of this.form.querySelectorAll('.pin-id')) node.hidden = mode !== 'id';
    for (const node of this.form.querySelectorAll('.pin-xy')) node.hidden = mode !== 'coordinates';
    for (const node of this.form.querySelectorAll('.pin-any')) node.hidden = !mode;
    this.form.dispatchEvent(new Event('pinchange'));
  }
}

function names(text) {
  return text.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
}

function number(text) {
  return text.trim() === '' ? null : Number(text);
}

/**
 * The rows' values; a row whose text fields are all blank is dropped, a half-filled one is sent for the
 * service to judge. Blank optional fields are sent as null.
 */
function rows(list, keys, optional) {
  const out = [];
  for (const item of list.children) {
    const values = Object.fromEntries(keys.map((k) => [k, item.querySelector(`[name="${k}"]`).value.trim()]));
    if (keys.every((k) => k === 'status' || values[k] === '')) continue;
    for (const k of optional) if (values[k] === '') values[k] = null;
    out.push(values);
  }
  return out;
}

function input(name, label, value, className) {
  const field = el('input');
  field.name = name;
  field.value = value ?? '';
  return labelled(label, field, className, name);
}

function labelled(label, control, className, name = control.name) {
  const holder = el('label', `field${className ? ` ${className}` : ''}`, label);
  holder.dataset.field = name;
  holder.append(control);
  return holder;
}
