// Words for dates, spans and numbers, as the list, the popups and the header write them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count, dateRange, day, windowInWords } from '../../main/resources/META-INF/resources/js/format.js';

test('a day and a range read as a reader expects, with the precision said', () => {
  assert.equal(day('2024-12-05'), '5 Dec 2024');
  assert.equal(dateRange('2024-12-03', '2024-12-03', 1), '3 Dec 2024');
  assert.equal(dateRange('2024-11-27', '2024-12-03', 2), '27 Nov 2024 – 3 Dec 2024 (within the week)');
});

test('a window says how many days it holds', () => {
  assert.equal(windowInWords('2024-11-20', '2024-12-05'), '20 Nov 2024 – 5 Dec 2024 (16 days)');
  assert.equal(windowInWords('2024-12-05', '2024-12-05'), '5 Dec 2024 (1 day)');
});

test('numbers carry separators', () => {
  assert.equal(count(1234567), '1,234,567');
});
