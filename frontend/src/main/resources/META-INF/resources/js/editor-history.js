// The selected event's history: every version, newest first, with who wrote it, when, what kind of
// change it was and the fields it changed (before and after). Any older version can be restored.
import { el } from './popup.js';

const CHANGE_WORDS = { created: 'Created', updated: 'Updated', archived: 'Archived', restored: 'Restored' };

/**
 * @param {HTMLOListElement} list
 * @param {(version: number) => void} onRestore
 */
export function renderHistory(list, history, onRestore) {
  list.replaceChildren();
  for (const v of history.versions) {
    const item = el('li', 'version');
    item.dataset.version = String(v.version);
    const heading = el('p', 'version-head');
    heading.append(el('strong', null, `v${v.version}`), ` ${CHANGE_WORDS[v.change] ?? v.change}`,
      v.restored_from ? ` from v${v.restored_from}` : '', ` · ${v.status} · ${v.written_by} · `,
      el('time', null, new Date(v.written_at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC'));
    item.append(heading);
    if (v.changes.length) item.append(diffTable(v.changes));
    if (v.version !== history.current_version) {
      const restore = el('button', 'restore', `Restore v${v.version}`);
      restore.type = 'button';
      restore.addEventListener('click', () => onRestore(v.version));
      item.append(restore);
    }
    list.append(item);
  }
}

function diffTable(changes) {
  const table = el('table', 'diff');
  const head = el('tr');
  head.append(el('th', null, 'Field'), el('th', null, 'Before'), el('th', null, 'After'));
  table.append(head);
  for (const change of changes) {
    const row = el('tr');
    row.append(el('th', null, change.field), el('td', 'before', show(change.from)), el('td', 'after', show(change.to)));
    table.append(row);
  }
  return table;
}

/** A value as text: strings as they are, lists and objects as compact JSON, nothing as a dash. */
function show(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
