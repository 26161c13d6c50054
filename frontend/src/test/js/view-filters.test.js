// The view's filters the panel, the URL and the layers share, and the latest-load rule every follower of
// the two models uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// Node 18 has no global CustomEvent (browsers and Node 19+ do)
globalThis.CustomEvent ??= class extends Event {
  constructor(type, options) {
    super(type, options);
    this.detail = options?.detail;
  }
};
const { ViewFilters } = await import('../../main/resources/META-INF/resources/js/view-filters.js');
const { LatestLoad } = await import('../../main/resources/META-INF/resources/js/followed.js');

const none = { types: [], actors: [], statuses: [], q: '' };

test('a change of filters fires once, says whether only the types changed, and ignores the rest of the view', () => {
  const filters = new ViewFilters({ ...none, from: '2024-12-01', center: [35, 36] });
  const changes = [];
  filters.addEventListener('change', (e) => changes.push(e.detail));

  assert.equal(filters.set({ ...none, from: '2024-12-05', zoom: 9 }, 'url'), false, 'dates and map are not filters');
  assert.equal(filters.set({ ...none, types: ['Battles'] }, 'panel'), true);
  assert.equal(filters.set({ ...none, types: ['Battles'], q: 'Hama' }, 'panel'), true);

  assert.deepEqual(changes.map((c) => [c.cause, c.typesOnly]), [['panel', true], ['panel', false]]);
  assert.equal(filters.params({ from: '2024-12-01', to: '2024-12-05' }).toString(),
    'from=2024-12-01&to=2024-12-05&type=Battles&q=Hama');
  assert.equal(filters.params(null, { withTypes: false }).toString(), 'q=Hama');
});

test('a follower keeps only its latest load: the one before is aborted and its failure not reported', async () => {
  const filters = new ViewFilters(none);
  const errors = [];
  const latest = new LatestLoad((error) => errors.push(error.message));
  const signals = [];
  const pending = (signal) => new Promise((resolve, reject) => {
    signals.push(signal);
    signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
  });

  latest.run(filters, pending);
  const second = latest.run(filters, async () => { throw new Error('the service is down'); });
  await second;

  assert.equal(signals[0].aborted, true, 'the first load was aborted by the second');
  assert.deepEqual(errors, ['the service is down']);
});

test('the filters are settled once the loads their listeners started for the latest change are', async () => {
  const filters = new ViewFilters(none);
  let finish;
  filters.addEventListener('change', () => filters.waitFor(new Promise((resolve) => { finish = resolve; })));
  filters.set({ ...none, q: 'Aleppo' }, 'panel');
  let settled = false;
  const done = filters.settled().then(() => { settled = true; });

  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(settled, false, 'the load is still running');
  finish();
  await done;
  assert.equal(settled, true);
});
