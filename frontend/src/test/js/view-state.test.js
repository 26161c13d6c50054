// A view of the map as a link and back: what a shared URL reproduces, and what it drops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterParams, parseView, viewQuery } from '../../main/resources/META-INF/resources/js/view-state.js';

test('a link reproduces the view it was made from', () => {
  const search = '?from=2024-12-01&to=2024-12-05&type=Battles&actor=Syrian+army&q=hama&center=35.1300,36.7600&zoom=10';
  const view = parseView(search);

  assert.deepEqual(view, {
    from: '2024-12-01', to: '2024-12-05', types: ['Battles'], actors: ['Syrian army'], statuses: [], q: 'hama',
    center: [35.13, 36.76], zoom: 10,
  });
  assert.equal(viewQuery(view), search);
});

test('values the page cannot use are dropped, not guessed', () => {
  const view = parseView('?from=2024-02-30&to=tomorrow&center=95,10&zoom=99&type=');

  assert.equal(view.from, null);
  assert.equal(view.to, null);
  assert.equal(view.center, null);
  assert.equal(view.zoom, null);
  assert.deepEqual(view.types, []);
});

test('the API parameters leave the map position out, and moving the map changes no filter', () => {
  const a = parseView('?from=2024-12-01&type=Battles&center=35,36&zoom=7');
  const b = parseView('?from=2024-12-01&type=Battles&center=34,38&zoom=9');

  assert.equal(filterParams(a).toString(), 'from=2024-12-01&type=Battles');
  assert.equal(filterParams(a, { withDates: false }).toString(), 'type=Battles');
  assert.equal(filterParams(a).toString(), filterParams(b).toString());
});

test("claim statuses travel as claim_status, and an older link's status still reads as one", () => {
  const view = parseView('?claim_status=contested&status=denied');

  assert.deepEqual(view.statuses, ['contested', 'denied']);
  assert.equal(filterParams(view).toString(), 'claim_status=contested&claim_status=denied');
});
