// The door: type or scan a ticket code → a large green ADMITIDO with the attendee's name, or red with the reason.
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { h, replace, $, guidParam } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { timeOfDay, dateTime, number } from '../format.js';
import { isOrganizer } from '../session.js';
import '../i18n-multitier.js';

/** Scans remembered in the "recent" list. */
const RECENT_LIMIT = 8;
/** A code seen by the camera is ignored for this long, so one QR held up is not scanned twice in a row (ms). */
const SAME_CODE_PAUSE_MS = 4000;
/** Camera frames looked at per second. */
const SCAN_INTERVAL_MS = 250;

const eventId = guidParam('id');
const recent = [];
let event = null;
let busy = false;
let lastScan = { code: null, at: 0 };
let lastVerdict = null;

// The event's organizer, its door staff and admins may scan; the API says who is who (403 for anyone else).
if (initPage({ page: 'organizer', requires: 'account' }) !== undefined) {
  onLangChange(() => { renderHead(); renderRecent(); if (lastVerdict) showVerdict(lastVerdict); });
  start();
}

async function start() {
  if (!eventId) {
    replace($('#door-head'), h('p', { class: 'card empty' }, t('event.notFound')));
    $('#checkin-form').hidden = true;
    return;
  }
  $('#checkin-form').addEventListener('submit', (e) => { e.preventDefault(); check($('#code').value); });
  setUpCamera();
  try {
    event = await api(`/api/events/${eventId}`);
  } catch (error) {
    replace($('#door-head'), h('p', { class: 'card empty', role: 'alert' },
      error instanceof ApiError && error.status === 404 ? t('event.notFound') : describeError(error)));
  }
  renderHead();
  refreshCount();
  $('#code').focus();
}

function renderHead() {
  if (!event) return;
  $('#door-head').setAttribute('aria-busy', 'false');
  replace($('#door-head'),
    isOrganizer() ? h('p', { style: 'margin:0' }, h('a', { href: `/dashboard.html?id=${eventId}` }, `← ${t('organizer.dashboard')}`)) : null,
    h('h1', { style: 'margin-bottom:4px' }, t('checkin.heading', { name: event.name })),
    h('p', { class: 'muted', style: 'margin:0' }, dateTime(event.startsAt)));
}

async function refreshCount() {
  try {
    const summary = await api(`/api/events/${eventId}/check-ins/summary`, { retryBusy: false });
    $('#checkin-count').textContent = number(summary.checkedIn);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      replace($('#door-head'), h('div', { class: 'card empty', role: 'alert' }, h('h1', {}, t('error.forbiddenTitle')), h('p', {}, t('checkin.notStaff'))));
      $('#checkin-form').hidden = true;
    }
    // Otherwise the door keeps working without the counter.
  }
}

async function check(raw) {
  const code = raw.trim();
  if (!code) {
    $('#code').focus();
    return;
  }
  if (busy) return;
  busy = true;
  $('#check').disabled = true;
  try {
    const admitted = await api(`/api/events/${eventId}/check-ins`, { method: 'POST', body: { code } });
    showVerdict({ ok: true, name: admitted.attendeeName, document: admitted.attendeeDocument, detail: admitted.ticketType, at: admitted.checkedInAt, code });
  } catch (error) {
    showVerdict({ ok: false, reason: refusal(error), name: error instanceof ApiError ? error.problem.attendeeName : null, code });
  } finally {
    busy = false;
    $('#check').disabled = false;
    $('#code').value = '';
    $('#code').focus();
    refreshCount();
  }
}

/** Why the door says no, in the door's language (the API's reason codes; its own words for anything else). */
function refusal(error) {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  const p = error.problem;
  if (error.status === 404) return t('checkin.notThisEvent');
  if (error.status === 400) return t('checkin.malformed');
  if (p.reason === 'already_checked_in') return p.checkedInAt ? t('checkin.alreadyAt', { time: timeOfDay(p.checkedInAt) }) : t('checkin.already');
  if (p.reason === 'void') return t('checkin.void');
  if (p.reason === 'transferred') return t('checkin.transferred');
  return describeError(error);
}

function showVerdict(verdict) {
  lastVerdict = verdict;
  const box = $('#verdict');
  box.className = `verdict ${verdict.ok ? 'admitted' : 'refused'}`;
  box.dataset.result = verdict.ok ? 'admitted' : 'refused';
  replace(box,
    h('div', { class: 'headline' }, verdict.ok ? t('checkin.admitted') : t('checkin.refused')),
    verdict.name ? h('div', { class: 'who' }, verdict.name) : null,
    verdict.document ? h('div', { class: 'who-document', 'data-part': 'document' }, t('attendee.documentShown', { document: verdict.document })) : null,
    h('div', { class: 'why' }, verdict.ok ? [verdict.detail, verdict.at ? timeOfDay(verdict.at) : null].filter(Boolean).join(' · ') : verdict.reason));
  box.hidden = false;
  if (!recent.includes(verdict)) {
    recent.unshift(verdict);
    recent.splice(RECENT_LIMIT);
  }
  renderRecent();
}

function renderRecent() {
  replace($('#recent'), recent.map((v) => h('li', {},
    h('span', {}, v.name ?? `${v.code.slice(0, 6)}…`),
    h('span', { class: v.ok ? 'ok' : 'bad' }, v.ok ? t('checkin.admitted') : v.reason))));
}

/** The camera button appears only where the browser can read QR codes itself (BarcodeDetector). */
async function setUpCamera() {
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices?.getUserMedia) return;
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    if (!formats.includes('qr_code')) return;
  } catch {
    return;
  }
  const button = $('#scan');
  button.hidden = false;
  let stream = null;
  let timer = null;
  button.addEventListener('click', async () => {
    if (stream) {
      stop();
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      showVerdict({ ok: false, reason: t('checkin.noCamera'), code: '' });
      return;
    }
    const video = $('#camera');
    video.srcObject = stream;
    await video.play();
    $('#scanner').hidden = false;
    button.textContent = t('checkin.stopScan');
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    timer = setInterval(async () => {
      if (busy) return;
      try {
        const [found] = await detector.detect(video);
        if (!found) return;
        const now = Date.now();
        if (found.rawValue === lastScan.code && now - lastScan.at < SAME_CODE_PAUSE_MS) return;
        lastScan = { code: found.rawValue, at: now };
        check(found.rawValue);
      } catch {
        // A frame that could not be read; the next one will be.
      }
    }, SCAN_INTERVAL_MS);
  });

  function stop() {
    clearInterval(timer);
    for (const track of stream.getTracks()) track.stop();
    stream = null;
    $('#scanner').hidden = true;
    button.textContent = t('checkin.scan');
  }
}
