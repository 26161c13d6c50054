// The time model the slider, the player and the layers share: a window kept inside the data's bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// Node 18 has no global CustomEvent (browsers and Node 19+ do)
globalThis.CustomEvent ??= class extends Event {
  constructor(type, options) {
    super(type, options);
    this.detail = options?.detail;
  }
};
const { TimeModel } = await import('../../main/resources/META-INF/resources/js/time-model.js');

const bounds = { min: '2024-11-26', max: '2024-12-10' };

test('a window is clamped to the bounds and put in order, and its change names its cause', () => {
  const model = new TimeModel(bounds);
  const changes = [];
  model.addEventListener('change', (e) => changes.push(e.detail));

  // clamped and reordered, this is the whole span the model starts with: no change
  assert.equal(model.setRange('2024-12-20', '2024-11-01', 'url'), false);

  assert.deepEqual(model.range, { from: '2024-11-26', to: '2024-12-10' });
  assert.equal(changes.length, 0);
  model.setRange('2024-12-05', '2024-12-01', 'slider');
  assert.deepEqual(changes, [{ from: '2024-12-01', to: '2024-12-05', cause: 'slider' }]);
  assert.equal(model.width, 5);
  assert.equal(model.span, 15);
});

test('shifting keeps the width and stops at either end', () => {
  const model = new TimeModel(bounds);
  model.setRange('2024-12-01', '2024-12-03');

  model.shift(5, 'player');
  assert.deepEqual(model.range, { from: '2024-12-06', to: '2024-12-08' });
  model.shift(5, 'player');
  assert.deepEqual(model.range, { from: '2024-12-08', to: '2024-12-10' });
  assert.equal(model.atEnd, true);
  model.shift(-30, 'player');
  assert.deepEqual(model.range, { from: '2024-11-26', to: '2024-11-28' });
});

test('bounds widen to include a linked day outside the data', () => {
  const model = new TimeModel(bounds);
  model.include('2024-11-01', null, '2024-12-31');
  assert.deepEqual(model.bounds, { min: '2024-11-01', max: '2024-12-31' });
});

test('the model is settled once the loads its listeners started for the current window are', async () => {
  const model = new TimeModel(bounds);
  const pending = [];
  model.addEventListener('change', () => {
    let finish;
    model.waitFor(new Promise((resolve) => { finish = resolve; }));
    pending.push(finish);
  });
  model.setRange('2024-12-01', '2024-12-05', 'player');
  let settled = false;
  const done = model.settled().then(() => { settled = true; });
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(settled, false, 'the load is still running');
  // the window moves on before the first load ends: settled waits for the new window's load too
  model.setRange('2024-12-02', '2024-12-06', 'player');
  pending[0]();
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(settled, false, 'the second window is still loading');
  pending[1]();
  await done;
  assert.equal(settled, true);
});
