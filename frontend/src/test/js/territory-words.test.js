// What the territory's areas and the window's movement say in words, in popups and under the map.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// the layers' modules define Leaflet layers when they load; their words need none of Leaflet
globalThis.L ??= { Layer: class {}, LayerGroup: class {} };
const { areaWords } = await import('../../main/resources/META-INF/resources/js/territory-layer.js');
const { describeMovement, movementWords } = await import('../../main/resources/META-INF/resources/js/movement-layer.js');

test('an area says whether it is held or contested, how we know, and until when a capture may run', () => {
  assert.equal(areaWords({ kind: 'control', status: 'assessed' }, 'Opposition'), 'Held by Opposition, assessed by a curator');
  assert.equal(areaWords({ kind: 'control', status: 'derived' }, 'Opposition'), 'Held by Opposition, derived from events');
  assert.equal(areaWords({ kind: 'contested', status: 'derived' }, 'Opposition'), 'Contested: fighting reported');
  assert.equal(areaWords({ kind: 'contested', status: 'uncertain', until: '2024-12-03' }, 'Opposition'),
    'Contested: capture by Opposition reported, uncertain until 3 Dec 2024');
});

test('the movement reads as gains and losses per side since the first day', () => {
  const movement = { from: '2024-11-26', to: '2024-12-05', km2: { opposition: { gained: 1584.4, lost: 0 } } };
  assert.equal(describeMovement(movement), 'since 26 Nov 2024: opposition +1,584 km², −0 km²');
  assert.equal(describeMovement(null), '');
  assert.equal(movementWords({ kind: 'lost', side: 'government', from: '2024-11-26', to: '2024-12-05', km2: 12.6 }),
    'Lost by government, 26 Nov 2024 → 5 Dec 2024: 13 km²');
});

test('an advance says it claims no land', () => {
  assert.equal(areaWords({ kind: 'advance', length_km: 31.6 }, 'Opposition'),
    'Advance of Opposition to a place it took (32 km; the land between is not claimed)');
});
