// Every call to our API goes through here: bearer token, problem+json errors, and patient retries when the
// server says it is busy (503) or we are going too fast (429), honouring Retry-After.
import { token, signOut } from './session.js';
import { showNotice, clearNotice } from './notice.js';
import { t } from './i18n.js';

/** Retries of a busy answer before the error reaches the page. */
const MAX_BUSY_RETRIES = 4;
/** Wait when the server sends no Retry-After (seconds). */
const DEFAULT_RETRY_AFTER_SECONDS = 2;
/** Never wait longer than this between retries (seconds), whatever the header says. */
const MAX_RETRY_AFTER_SECONDS = 30;

/** A failed API call: status 0 means the network (or server) could not be reached. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.retryAfter = retryAfter;
  }

  get isNetwork() { return this.status === 0; }
  get isBusy() { return this.status === 503 || this.status === 429; }
  /** Field errors of a validation problem: {field: [messages]}. */
  get fieldErrors() { return this.problem.errors ?? {}; }
}

/** A fresh key, so a retried POST is recognised by the server as the same request. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}

/**
 * api('/api/events', {method, body, headers, retryBusy}) → parsed JSON (or null for 204).
 * retryBusy (default true) waits and retries on 503/429; pass an Idempotency-Key header for POSTs that
 * must not happen twice.
 */
export async function api(path, { method = 'GET', body, headers = {}, retryBusy = true, signal } = {}) {
  const request = { method, headers: { Accept: 'application/json', ...headers }, signal };
  const bearer = token();
  if (bearer) request.headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }

  for (let attempt = 0; ; attempt++) {
    let response;
    try {
      response = await fetch(path, request);
    } catch (error) {
      if (error?.name === 'AbortError') throw error;
      throw new ApiError(0, { title: t('error.network') });
    }

    if ((response.status === 503 || response.status === 429) && retryBusy && attempt < MAX_BUSY_RETRIES) {
      const wait = retryAfterSeconds(response);
      await response.body?.cancel();
      showNotice('warn', t(response.status === 429 ? 'error.tooFast' : 'error.busy', { seconds: wait }));
      await delay(wait * 1000, signal);
      continue;
    }

    if (attempt > 0) clearNotice();
    if (response.status === 204) return null;
    const payload = await readBody(response);
    if (response.ok) return payload;
    if (response.status === 401 && bearer) signOut();
    throw new ApiError(response.status, typeof payload === 'object' ? payload : { title: String(payload ?? '') },
      response.status === 503 || response.status === 429 ? retryAfterSeconds(response) : null);
  }
}

/** Fetches an authenticated image and returns an object URL for an <img>. */
export async function imageUrl(path) {
  const headers = {};
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let response;
  try {
    response = await fetch(path, { headers });
  } catch {
    throw new ApiError(0, { title: t('error.network') });
  }
  if (!response.ok) throw new ApiError(response.status, await readBody(response));
  return URL.createObjectURL(await response.blob());
}

async function readBody(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { title: text };
  }
}

function retryAfterSeconds(response) {
  const header = response.headers.get('Retry-After');
  let seconds = Number(header);
  if (header && Number.isNaN(seconds)) seconds = (Date.parse(header) - Date.now()) / 1000;
  if (!Number.isFinite(seconds) || seconds <= 0) seconds = DEFAULT_RETRY_AFTER_SECONDS;
  return Math.min(Math.ceil(seconds), MAX_RETRY_AFTER_SECONDS);
}

function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
  });
}

/** The message to show a person for a failed call, in the current language. */
export function describeError(error) {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.isNetwork) return t('error.network');
  if (error.status === 503) return t('error.busyGaveUp', { seconds: error.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS });
  if (error.status === 429) return t('error.tooFastGaveUp', { seconds: error.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS });
  if (error.status === 401) return t('error.signInAgain');
  if (error.status === 403) return t('error.forbidden');
  const { title, detail } = error.problem;
  const fields = Object.values(error.fieldErrors).flat();
  return [title, detail, ...fields].filter(Boolean).join(' ') || t('error.unexpected');
}
