// Calendar days as ISO strings, in UTC: the arithmetic the slider, the timeline and the links rely on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, daysBetween, isDay, maxDay, minDay } from '../../main/resources/META-INF/resources/js/dates.js';

test('adding days crosses months, years and the leap day', () => {
  assert.equal(addDays('2024-11-30', 1), '2024-12-01');
  assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
});

test('days between two days count whole days, negative backwards', () => {
  assert.equal(daysBetween('2024-11-26', '2024-12-05'), 9);
  assert.equal(daysBetween('2024-12-05', '2024-12-05'), 0);
  assert.equal(daysBetween('2024-12-05', '2024-11-26'), -9);
});

test('only real calendar days written as YYYY-MM-DD are days', () => {
  assert.equal(isDay('2024-12-05'), true);
  assert.equal(isDay('2024-02-30'), false);
  assert.equal(isDay('2024-12-5'), false);
  assert.equal(isDay('+999999-12-31'), false);
  assert.equal(isDay(null), false);
});

test('the earlier and later of two days take either being absent', () => {
  assert.equal(minDay('2024-12-05', '2024-11-26'), '2024-11-26');
  assert.equal(maxDay('2024-12-05', '2024-11-26'), '2024-12-05');
  assert.equal(minDay(null, '2024-11-26'), '2024-11-26');
  assert.equal(maxDay('2024-12-05', null), '2024-12-05');
});
