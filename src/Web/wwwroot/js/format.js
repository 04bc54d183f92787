// Numbers, money and dates as Colombians read them. Events happen in Colombia, so times are shown in Bogotá time.
import { lang, t } from './i18n.js';

export const TIME_ZONE = 'America/Bogota';
/** Bogotá has no daylight saving time: its offset is always UTC-5. */
export const BOGOTA_OFFSET = '-05:00';

const cop = new Intl.NumberFormat('es-CO', { style: 'currency', currency: 'COP', maximumFractionDigits: 0 });

/** Whole pesos, e.g. "$ 120.000". */
export function money(pesos) {
  return cop.format(pesos);
}

function locale() {
  return lang() === 'es' ? 'es-CO' : 'en-US';
}

export function number(value) {
  return new Intl.NumberFormat(locale()).format(value);
}

export function dateTime(iso) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

export function dateShort(iso) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

export function timeOfDay(iso) {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** "mm:ss" for a countdown. */
export function clock(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** An ISO instant as the value of an <input type="datetime-local"> in Bogotá time. */
export function toLocalInput(iso) {
  if (!iso) return '';
  const bogota = new Date(Date.parse(iso) - 5 * 3600 * 1000);
  return bogota.toISOString().slice(0, 16);
}

/** The value of an <input type="datetime-local"> (Bogotá time) as an ISO instant, or null when empty. */
export function fromLocalInput(value) {
  return value ? `${value.length === 16 ? `${value}:00` : value}${BOGOTA_OFFSET}` : null;
}

export function statusLabel(status) {
  return t(`status.${status}`);
}

/** Ticket codes are 26 characters; groups of 4 are easier to read aloud at the door. */
export function groupedCode(code) {
  return String(code).replace(/(.{4})(?=.)/g, '$1 ');
}
