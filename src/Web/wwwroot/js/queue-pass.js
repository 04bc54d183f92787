// The admission pass a waiting room gave this browser, kept per event until it expires; the event page sends it with holds.
const PREFIX = 'fashionistas.queuePass.';

/** Keeps the pass of an admitted place ({ pass, passExpiresAt }). */
export function savePass(eventId, place) {
  if (!place?.pass) return;
  try {
    localStorage.setItem(PREFIX + eventId, JSON.stringify({ pass: place.pass, expiresAt: place.passExpiresAt }));
  } catch {
    // Without storage the pass lives in this page only; the queue page gives it again on reload.
  }
}

/** The unexpired pass for the event, or null. */
export function passFor(eventId) {
  try {
    const saved = JSON.parse(localStorage.getItem(PREFIX + eventId) ?? 'null');
    return saved && Date.parse(saved.expiresAt) > Date.now() ? saved.pass : null;
  } catch {
    return null;
  }
}

/** Headers that carry the event's pass (none when there is none). */
export function passHeaders(eventId) {
  const pass = passFor(eventId);
  return pass ? { 'Waiting-Room-Pass': pass } : {};
}
