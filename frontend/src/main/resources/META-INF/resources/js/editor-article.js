// "From an article": the curator pastes a report and its date; the service (POST /api/curator/extract)
// finds its places, dates and known actors, which are marked in the text (each piece set as text, never
// as markup), and proposes events, each one click from the event form. Nothing is saved here: the curator
// saves the form as a draft, and publishes it when it is right.
import { ApiError, call } from './editor-api.js';
import { el } from './popup.js';

const KINDS = [['places', 'm-place'], ['dates', 'm-date'], ['actors', 'm-actor']];

export class ArticlePanel {
  /** @param {(draft: object) => void} onUse called with a proposal the curator chose */
  constructor(root, onUse) {
    this.root = root;
    this.onUse = onUse;
    this.form = root.querySelector('#article-form');
    this.message = root.querySelector('#article-message');
    this.marked = root.querySelector('#article-text');
    this.drafts = root.querySelector('#article-drafts');
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.read();
    });
  }

  async read() {
    const f = this.form.elements;
    const body = { text: f.text.value, published: f.published.value };
    for (const name of ['dateline', 'publisher', 'url']) if (f[name].value.trim()) body[name] = f[name].value.trim();
    this.say('Reading…');
    try {
      const answer = (await call('POST', '/api/curator/extract', body)).body;
      this.show(body.text, answer);
      this.say(`${answer.places.length} places, ${answer.dates.length} dates, ${answer.actors.length} actors; `
        + `${answer.drafts.length} proposed events.`, 'ok');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.marked.replaceChildren();
      this.drafts.replaceChildren();
      this.say(error.problem.detail ?? error.message, 'error');
    }
  }

  /** The text with its mentions marked, then the proposals. */
  show(text, answer) {
    const spans = [];
    for (const [kind, className] of KINDS) {
      for (const m of answer[kind]) spans.push({ ...m, className, title: describe(kind, m) });
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    const pieces = [];
    let at = 0;
    for (const s of spans) {
      if (s.start < at) continue; // overlaps one already marked
      if (s.start > at) pieces.push(document.createTextNode(text.slice(at, s.start)));
      const mark = el('mark', s.className, text.slice(s.start, s.end));
      mark.title = s.title;
      if (s.role === 'dateline') mark.classList.add('m-dateline');
      pieces.push(mark);
      at = s.end;
    }
    pieces.push(document.createTextNode(text.slice(at)));
    this.marked.replaceChildren(...pieces);
    this.drafts.replaceChildren(...answer.drafts.map((d) => this.proposal(d)));
  }

  proposal(draft) {
    const item = el('li', 'proposal');
    const dates = draft.date_start === draft.date_end ? draft.date_start : `${draft.date_start} – ${draft.date_end}`;
    const use = el('button', null, 'Use in the form');
    use.type = 'button';
    use.addEventListener('click', () => this.onUse(draft));
    item.append(el('strong', null, draft.title), el('span', 'muted', ` ${dates} · “${draft.cue.text}”`), use);
    return item;
  }

  say(text, kind) {
    this.message.textContent = text;
    this.message.hidden = !text;
    this.message.className = `message ${kind ?? ''}`;
  }
}

function describe(kind, m) {
  if (kind === 'dates') return m.date_start === m.date_end ? m.date_start : `${m.date_start} – ${m.date_end}`;
  if (kind === 'actors') return m.side ? `${m.actor} (${m.side})` : m.actor;
  if (m.role === 'dateline') return `dateline: where the report was filed, not an event's place`;
  return m.result ? `${m.result.name} (${m.result.id})` : `not placed: ${m.explanation}`;
}
