// The curator's calls: the login session's cookie authenticates, the CSRF token (from /api/csrf) proves
// the request comes from this page. A 401 means the session ended: back to the login form.

let csrf = null;

/** Fetches this session's CSRF token; call once the page knows it is logged in. */
export async function loadCsrf() {
  csrf = (await call('GET', '/api/csrf')).body;
  return csrf;
}

/** An error the service answered with: status, its problem+json body, and the ETag when it sent one. */
export class ApiError extends Error {
  constructor(status, problem, etag) {
    super(problem?.detail ?? `the service answered ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.etag = etag;
  }
}

/**
 * One request; resolves to { body, etag }, or rejects with an ApiError.
 * @param {string} [ifMatch] the ETag of the version the change was made to
 */
export async function call(method, url, body, ifMatch) {
  const headers = { Accept: 'application/geo+json, application/json', 'X-Requested-With': 'fetch' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (csrf && method !== 'GET') headers[csrf.header_name] = csrf.token;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    location.assign('/login');
    throw new ApiError(401, { detail: 'Your session has ended; log in again.' });
  }
  const json = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, json, response.headers.get('ETag'));
  return { body: json, etag: response.headers.get('ETag') };
}
