// Requests several callers may wait for at once, made once per key. The request itself carries no
// caller's AbortSignal: one caller giving up (a newer draw replaced it) never fails the others, who each
// wait with a signal of their own.

/** One request per key, shared by every caller that asks for it while it is pending or done. */
export class SharedRequests {
  /** @param {(key: string) => Promise<any>} request makes the request for a key */
  constructor(request) {
    this._request = request;
    this._pending = new Map();
  }

  /** The answer for `key`; rejects with an AbortError when `signal` aborts first (the request goes on). */
  get(key, signal) {
    if (!this._pending.has(key)) {
      const pending = this._request(key);
      this._pending.set(key, pending);
      // a failed request is asked again next time
      pending.catch(() => this._pending.delete(key));
    }
    return untilAborted(this._pending.get(key), signal);
  }

  /** Forgets every answer (after the data changed). */
  clear() {
    this._pending.clear();
  }
}

/** `promise`, or a rejection with the signal's AbortError as soon as `signal` aborts. */
export function untilAborted(promise, signal) {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (error) => { signal.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}

function abortError(signal) {
  return signal.reason?.name === 'AbortError' ? signal.reason : new DOMException('The wait was aborted', 'AbortError');
}
