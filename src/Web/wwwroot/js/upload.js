// Sending files (multipart, with the bearer token) and saving files the API makes (.ics), which api() does not do.
import { token } from './session.js';
import { ApiError } from './api.js';
import { t } from './i18n.js';

function authHeaders() {
  const bearer = token();
  return bearer ? { Authorization: `Bearer ${bearer}` } : {};
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: response.statusText };
  }
}

/** Posts `file` (field "file", optional caption) to `path`; resolves to the created record or throws ApiError. */
export async function uploadFile(path, file, caption = '') {
  const body = new FormData();
  body.append('file', file);
  if (caption) body.append('caption', caption);
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers: { Accept: 'application/json', ...authHeaders() }, body });
  } catch {
    throw new ApiError(0, { title: t('error.network') });
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response.json();
}

/** Fetches `path` with the session and hands it to the browser as a download named `filename`. */
export async function downloadFile(path, filename) {
  let response;
  try {
    response = await fetch(path, { headers: authHeaders() });
  } catch {
    throw new ApiError(0, { title: t('error.network') });
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
