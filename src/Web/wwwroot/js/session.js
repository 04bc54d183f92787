// The signed-in user lives in sessionStorage: it ends with the tab, and is never sent to other origins.
const KEY = 'fashionistas.session';

/** {token, expiresAt, user: {id, email, displayName, roles}} or null when signed out or expired. */
export function currentSession() {
  let session;
  try {
    session = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    session = null;
  }
  if (!session?.token) return null;
  if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return session;
}

export function token() {
  return currentSession()?.token ?? null;
}

export function saveSession(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

export function hasRole(...roles) {
  const mine = currentSession()?.user?.roles ?? [];
  return roles.some((r) => mine.includes(r));
}

export const isOrganizer = () => hasRole('organizer', 'admin');
export const isAdmin = () => hasRole('admin');

/** A same-site path to come back to after signing in (never another origin). */
export function loginUrl(next = location.pathname + location.search) {
  return `/login.html?next=${encodeURIComponent(next)}`;
}

/**
 * `next` as a path on this site, or '/'. Browsers drop tabs and newlines inside URLs and read '\\' as '/', so
 * '/\t/evil.example' or '/\\evil.example' would leave the site: anything with control characters, spaces or
 * backslashes is refused, and what remains must resolve to this origin.
 */
export function safeNext(next) {
  if (typeof next !== 'string' || !next.startsWith('/') || /[\u0000-\u0020\u007f-\u009f\\]/.test(next)) return '/';
  let url;
  try {
    url = new URL(next, location.origin);
  } catch {
    return '/';
  }
  return url.origin === location.origin ? url.pathname + url.search + url.hash : '/';
}
