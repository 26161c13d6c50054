// An event's popup, built from DOM nodes: every value from an event is set as text, never parsed as HTML.
import { dateRange, geoPrecision } from './format.js';

/** The popup content for one GeoJSON event feature. */
export function eventPopup(feature) {
  const p = feature.properties;
  const root = el('div', 'event-popup');
  root.dataset.eventId = feature.id;
  root.append(el('h3', null, p.title));
  root.append(el('p', 'meta', `${dateRange(p.date_start, p.date_end, p.time_precision)} · ${p.event_type}: ${p.sub_event_type}`));
  root.append(el('p', 'meta', `Place as reported: “${p.place_text}” (${geoPrecision(p.geo_precision)})`));
  if (p.summary) root.append(el('p', null, p.summary));
  if (p.claims?.length) {
    root.append(el('h4', null, 'Claims'));
    const list = el('ul', 'claims');
    for (const claim of p.claims) {
      const item = el('li', null, `${claim.by}: ${claim.statement} `);
      item.append(el('span', `claim-status ${claim.status}`, claim.status));
      list.append(item);
    }
    root.append(list);
  }
  if (p.sources?.length) {
    root.append(el('h4', null, 'Sources'));
    const list = el('ul', 'sources');
    for (const source of p.sources) {
      const text = [source.publisher, source.published, source.dateline].filter(Boolean).join(', ');
      const item = el('li');
      if (source.url) {
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
    root.append(list);
  }
  return root;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}
