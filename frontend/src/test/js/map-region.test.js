// The region and constants the page takes from /api/map-settings, and the area it fetches around a view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellPixels, fetchArea, maxPage, regionBounds, regionName }
  from '../../main/resources/META-INF/resources/js/map-region.js';

const SETTINGS = {
  region: { name: 'Syria', bbox: [35.5, 32.3, 42.4, 37.4] }, max_page: 10000, cluster_cell_pixels: 60,
};

test('the region comes from the settings, as Leaflet takes a box', () => {
  assert.deepEqual(regionBounds(SETTINGS), [[32.3, 35.5], [37.4, 42.4]]);
  assert.equal(regionName(SETTINGS), 'Syria');
  assert.equal(maxPage(SETTINGS), 10000);
  assert.equal(cellPixels(SETTINGS), 60);
});

test('without settings the map frames the world and reads small pages', () => {
  assert.deepEqual(regionBounds({}), [[-60, -180], [75, 180]]);
  assert.equal(regionName({}), null);
  assert.ok(maxPage({}) < 10000);
});

test('the fetched area holds the view and snaps to whole blocks of cells', () => {
  const view = { west: 36.9, south: 35.9, east: 37.4, north: 36.4 };
  const [w, s, e, n] = fetchArea(view, 9, 60).split(',').map(Number);
  assert.ok(w <= view.west && s <= view.south && e >= view.east && n >= view.north);
  const blockLon = (8 * 60 * 360) / (256 * 2 ** 9);
  assert.ok(Math.abs(w / blockLon - Math.round(w / blockLon)) < 1e-4, `west ${w} on a block edge`);
  assert.ok(e - w <= (view.east - view.west) + 2 * blockLon + 1e-9, 'at most a block of margin each way');
  // a small move inside the same blocks asks the same question
  const moved = { west: 36.91, south: 35.91, east: 37.41, north: 36.41 };
  assert.equal(fetchArea(moved, 9, 60), fetchArea(view, 9, 60));
});
