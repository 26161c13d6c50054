// An event as DOM nodes, for its popup and its entry in the list. Every value from an event is set as
// text, never parsed as HTML: a title like "<img onerror=...>" shows as those characters.
import { dateRange, geoPrecision } from './format.js';
import { typeColour } from './vocabulary.js';

/** The popup content for one GeoJSON event feature. */
export function eventPopup(feature) {
  const p = feature.properties;
  const root = el('div', 'event-popup');
  root.dataset.eventId = feature.id;
  root.append(el('h3', null, p.title));
  root.append(...eventFacts(feature));
  if (p.summary) root.append(el('p', null, p.summary));
  root.append(...claimsAndSources(p));
  return root;
}

/** When, what, how sure and where: the lines under an event's title. */
export function eventFacts(feature) {
  const p = feature.properties;
  const what = el('p', 'meta');
  const swatch = el('span', 'swatch');
  swatch.style.setProperty('--type-colour', typeColour(p.event_type));
  what.append(swatch, `${dateRange(p.date_start, p.date_end, p.time_precision)} · ${p.event_type}: ${p.sub_event_type} `,
    el('span', `claim-status ${p.claim_status}`, p.claim_status));
  const where = el('p', 'meta', `Place as reported: “${p.place_text}” (${geoPrecision(p.geo_precision)})`);
  return [what, where];
}

/** Who says what, and where it was reported. */
export function claimsAndSources(p) {
  const nodes = [];
  if (p.claims?.length) {
    nodes.push(el('h4', null, 'Claims'));
    const list = el('ul', 'claims');
    for (const claim of p.claims) {
      const item = el('li', null, `${claim.by}: ${claim.statement} `);
      item.append(el('span', `claim-status ${claim.status}`, claim.status));
      list.append(item);
    }
    nodes.push(list);
  }
  if (p.sources?.length) {
    nodes.push(el('h4', null, 'Sources'));
    const list = el('ul', 'sources');
    for (const source of p.sources) {
      const text = [source.publisher, source.published, source.dateline].filter(Boolean).join(', ');
      const item = el('li');
      if (source.url && /^https?:\/\//i.test(source.url)) {
        const link = el('a', null, text);
        link.href = source.url;
        link.rel = 'noopener noreferrer';
        link.target = '_blank';
        item.append(link);
      } else {
        item.textContent = text;
      }
      list.append(item);
    }
    nodes.push(list);
  }
  return nodes;
}

/** A new element with an optional class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}
