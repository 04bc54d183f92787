// The dashboard's waiting room: settings (opening, fixed or automatic rate, shopping time), switch on/off, pause/resume,
// and the live counters (waiting, admitted, measured rate, sold), read again every few seconds.
import { api, ApiError, describeError } from './api.js';
import { h, replace, $ } from './dom.js';
import { t } from './i18n.js';
import { number, dateTime, toLocalInput, fromLocalInput } from './format.js';
import { field, showFieldErrors, clearFieldErrors } from './forms.js';
import './queue-i18n.js';

const PREFIX = 'room';
const REFRESH_MS = 2000;

export function mountWaitingRoomPanel(eventId) {
  let room = null;
  let formShown = false;

  load();
  setInterval(load, REFRESH_MS);
  return { render: () => { formShown = false; render(); } };

  async function load() {
    try {
      room = await api(`/api/events/${eventId}/waiting-room`, { retryBusy: false });
    } catch (error) {
      room = error;
    }
    render();
  }

  function render() {
    const stats = $('#room-stats');
    const status = $('#room-status');
    if (room === null) return;
    if (room instanceof Error) {
      replace(status, h('span', { role: 'alert' }, describeError(room)));
      return;
    }
    replace(stats,
      stat('waitingRoom.waiting', 'room-waiting', number(room.waiting)),
      stat('waitingRoom.admitted', 'room-admitted', number(room.admitted)),
      stat('waitingRoom.rate', 'room-rate', number(Math.round(room.measuredPerMinute))),
      stat('waitingRoom.sold', 'room-sold', number(room.sold)));
    stats.hidden = !room.enabled;
    replace(status, !room.enabled ? t('waitingRoom.off')
      : room.paused ? t('waitingRoom.pausedNow')
        : room.opened ? '' : t('waitingRoom.closedBefore', { opensAt: dateTime(room.opensAt) }));
    replace($('#room-actions'),
      room.enabled ? h('button', { type: 'button', class: 'btn small', id: 'room-toggle', onclick: () => post(room.paused ? 'resume' : 'pause') },
        t(room.paused ? 'waitingRoom.resume' : 'waitingRoom.pause')) : null,
      room.enabled ? h('button', { type: 'button', class: 'btn small ghost', onclick: disable }, t('waitingRoom.disable')) : null);
    if (!formShown) renderForm();
  }

  function stat(labelKey, id, value) {
    return h('div', { class: 'card stat' }, h('div', { class: 'label' }, t(labelKey)), h('div', { class: 'value', id }, value));
  }

  function renderForm() {
    formShown = true;
    const form = $('#room-form');
    const automatic = room?.mode === 'automatic';
    replace(form,
      field(PREFIX, 'opensAt', 'waitingRoom.opensAt', { type: 'datetime-local', required: true, value: toLocalInput(room?.opensAt ?? new Date().toISOString()) }),
      h('div', { class: 'field' },
        h('label', { for: `${PREFIX}-mode` }, t('waitingRoom.mode')),
        h('select', { id: `${PREFIX}-mode`, name: 'mode', 'aria-describedby': `${PREFIX}-mode-error` },
          h('option', { value: 'fixed', selected: !automatic }, t('waitingRoom.fixed')),
          h('option', { value: 'automatic', selected: automatic }, t('waitingRoom.automatic'))),
        h('span', { class: 'field-error', id: `${PREFIX}-mode-error` })),
      field(PREFIX, 'admissionPerMinute', 'waitingRoom.perMinute', { type: 'number', min: 1, value: room?.admissionPerMinute ?? 100 }),
      field(PREFIX, 'shoppingMinutes', 'waitingRoom.shopping', { type: 'number', min: 1, max: 120, required: true, value: room?.shoppingMinutes ?? 10 }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn small primary' }, t('waitingRoom.save'))));
    form.onsubmit = save;
  }

  async function save(event) {
    event.preventDefault();
    const form = $('#room-form');
    clearFieldErrors(form);
    const mode = $(`#${PREFIX}-mode`).value;
    const body = {
      opensAt: fromLocalInput($(`#${PREFIX}-opensAt`).value),
      mode,
      admissionPerMinute: mode === 'fixed' ? Number.parseInt($(`#${PREFIX}-admissionPerMinute`).value, 10) || null : null,
      shoppingMinutes: Number.parseInt($(`#${PREFIX}-shoppingMinutes`).value, 10) || null,
    };
    try {
      room = await api(`/api/events/${eventId}/waiting-room`, { method: 'PUT', body });
      formShown = false;
      render();
    } catch (error) {
      if (!(error instanceof ApiError && showFieldErrors(form, PREFIX, error.fieldErrors))) {
        replace($('#room-status'), h('span', { role: 'alert' }, describeError(error)));
      }
    }
  }

  async function post(action) {
    try {
      room = await api(`/api/events/${eventId}/waiting-room/${action}`, { method: 'POST' });
      render();
    } catch (error) {
      replace($('#room-status'), h('span', { role: 'alert' }, describeError(error)));
    }
  }

  async function disable() {
    try {
      room = await api(`/api/events/${eventId}/waiting-room`, { method: 'DELETE' });
      render();
    } catch (error) {
      replace($('#room-status'), h('span', { role: 'alert' }, describeError(error)));
    }
  }
}
