// The waiting room of one event (?event=): joins (or finds again) the account's one place, then follows the room live.
// A place never moves back: people ahead are worked out from the largest admitted position seen, which only grows.
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { h, replace, $, guidParam } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { dateTime, timeOfDay, number } from '../format.js';
import { connectLive } from '../live.js';
import { savePass } from '../queue-pass.js';
import '../queue-i18n.js';

const eventId = guidParam('event');
const state = { place: null, room: null, admittedThrough: 0, error: null };

if (initPage({ page: 'queue', requires: 'account' }) !== undefined) {
  onLangChange(render);
  start();
}

async function start() {
  if (!eventId) {
    state.error = t('queue.missing');
    render();
    return;
  }
  api(`/api/events/${eventId}`).then((event) => { $('#queue-event').textContent = event.name; }).catch(() => {});
  try {
    // Joining is idempotent: a reload or another tab gets the same place back.
    accept(await api(`/api/events/${eventId}/queue`, { method: 'POST' }));
  } catch (error) {
    state.error = error instanceof ApiError && error.status === 409 ? 'noRoom' : describeError(error);
    render();
    return;
  }
  connectLive({
    join: [['JoinQueue', eventId]],
    on: { queue: onRoom },
    poll: refresh,
    indicator: $('#live'),
  });
}

async function refresh() {
  accept(await api(`/api/events/${eventId}/queue/me`));
}

function accept(place) {
  state.place = place;
  state.admittedThrough = Math.max(state.admittedThrough, place.admittedThrough ?? 0);
  if (place.status === 'admitted') savePass(eventId, place);
  render();
}

function onRoom(room) {
  state.room = room;
  state.admittedThrough = Math.max(state.admittedThrough, room.admittedThrough);
  const place = state.place;
  const turnCame = place?.status === 'waiting' && state.admittedThrough >= place.position;
  if (!room.enabled || (place?.status === 'early' && room.opened) || turnCame) {
    refresh().catch(() => {});
  }
  render();
}

function render() {
  const box = $('#queue-place');
  box.setAttribute('aria-busy', 'false');
  if (state.error) {
    const noRoom = state.error === 'noRoom';
    replace(box, h('p', { role: noRoom ? null : 'alert' }, noRoom ? t('queue.noRoom') : state.error),
      eventId ? h('a', { class: 'btn', href: `/event.html?id=${eventId}` }, t('queue.toEvent')) : null);
    return;
  }
  const place = state.place;
  if (!place) return;
  box.dataset.status = place.status;
  switch (place.status) {
    case 'early':
      replace(box,
        h('p', {}, t('queue.early', { opensAt: dateTime(place.opensAt) })),
        state.room ? h('p', { class: 'muted' }, t('queue.earlyCount', { count: number(state.room.early) })) : null);
      return;
    case 'waiting':
      renderWaiting(box, place);
      return;
    case 'admitted':
      renderAdmitted(box, place);
      return;
    default:
      state.error = 'noRoom';
      render();
  }
}

function renderWaiting(box, place) {
  const ahead = Math.max(0, place.position - state.admittedThrough - 1);
  const rate = state.room?.admissionPerMinute ?? place.admissionPerMinute;
  const paused = state.room?.paused ?? place.paused;
  const minutes = rate > 0 ? (ahead + 1) / rate : null;
  replace(box,
    h('dl', { class: 'queue-figures' },
      h('dt', {}, t('queue.position')), h('dd', { id: 'queue-position' }, number(place.position)),
      h('dt', {}, t('queue.ahead')), h('dd', { id: 'queue-ahead' }, number(ahead)),
      h('dt', {}, t('queue.wait')),
      h('dd', { id: 'queue-wait' }, paused || minutes === null ? '—'
        : minutes < 1 ? t('queue.waitSoon') : t('queue.waitValue', { minutes: Math.ceil(minutes) }))),
    paused ? h('p', { role: 'status' }, t('queue.paused'))
      : h('p', { class: 'muted' }, t('queue.rate', { rate: number(Math.round(rate)) })));
}

function renderAdmitted(box, place) {
  const expired = !place.pass;
  replace(box,
    h('h2', { id: 'queue-admitted' }, expired ? t('queue.expired') : t('queue.admitted')),
    expired ? null : h('p', {}, t('queue.admittedUntil', { time: timeOfDay(place.passExpiresAt) })),
    expired ? null : h('a', { class: 'btn primary', id: 'queue-buy', href: `/event.html?id=${eventId}` }, t('queue.buy')));
}
