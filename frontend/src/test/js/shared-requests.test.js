// One request per key shared by its callers, each waiting with its own AbortSignal: the territory
// layer's days. The race it ends: a draw aborted while the day loaded failed the next draw of that day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SharedRequests } from '../../main/resources/META-INF/resources/js/shared-requests.js';

/** A request that answers when told to, counting how often it was made. */
function deferredRequests() {
  const made = [];
  const requests = new SharedRequests((key) => new Promise((resolve) => made.push({ key, resolve })));
  return { requests, made };
}

test('a caller that aborts does not fail another caller waiting for the same key', async () => {
  const { requests, made } = deferredRequests();
  const first = new AbortController();
  const second = new AbortController();

  const firstWait = requests.get('2024-12-05', first.signal);
  const secondWait = requests.get('2024-12-05', second.signal);
  first.abort();
  made[0].resolve({ date: '2024-12-05' });

  await assert.rejects(firstWait, { name: 'AbortError' });
  assert.deepEqual(await secondWait, { date: '2024-12-05' });
  assert.equal(made.length, 1, 'one request for both');
});

test('a caller that comes after an aborted one gets the answer without a second request', async () => {
  const { requests, made } = deferredRequests();
  const aborted = new AbortController();
  const firstWait = requests.get('day', aborted.signal);
  aborted.abort();
  await assert.rejects(firstWait, { name: 'AbortError' });

  const later = requests.get('day', new AbortController().signal);
  made[0].resolve('answer');

  assert.equal(await later, 'answer');
  assert.equal(made.length, 1);
});

test('a failed request is made again, and clear forgets answers', async () => {
  let calls = 0;
  const requests = new SharedRequests(async () => {
    calls++;
    if (calls === 1) throw new Error('HTTP 503');
    return calls;
  });

  await assert.rejects(requests.get('day'), /503/);
  assert.equal(await requests.get('day'), 2);
  assert.equal(await requests.get('day'), 2);
  requests.clear();
  assert.equal(await requests.get('day'), 3);
});
