// An organizer's events (an admin sees every event, reviews first) and the form to create one.
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { h, replace, $ } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { dateShort, statusLabel } from '../format.js';
import { eventFields, readEvent, showFieldErrors, clearFieldErrors } from '../forms.js';

const PAGE_SIZE = 100;
const PREFIX = 'new-event';
let events = null;

if (initPage({ page: 'organizer', requires: 'organizer' }) !== undefined) {
  renderForm();
  onLangChange(() => { renderList(); renderForm(); });
  load();
}

async function load() {
  try {
    events = (await api(`/api/me/events?pageSize=${PAGE_SIZE}`)).items;
  } catch (error) {
    events = error;
  }
  renderList();
}

function renderList() {
  const list = $('#my-events');
  list.setAttribute('aria-busy', 'false');
  if (events === null) return;
  if (events instanceof Error) {
    replace(list, h('div', { class: 'empty', role: 'alert' }, h('p', {}, describeError(events)),
      h('button', { type: 'button', class: 'btn', onclick: load }, t('common.retry'))));
    return;
  }
  if (events.length === 0) {
    replace(list, h('p', { class: 'empty' }, t('organizer.none')));
    return;
  }
  replace(list, h('table', { class: 'stack' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('organizer.event')), h('th', { scope: 'col' }, t('organizer.date')),
      h('th', { scope: 'col' }, t('orders.status')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('organizer.actions'))))),
    h('tbody', {}, events.map((e) => h('tr', { dataset: { eventId: e.id } },
      h('td', { 'data-label': t('organizer.event') }, h('span', {}, h('a', { href: `/dashboard.html?id=${e.id}` }, e.name), h('br'), h('span', { class: 'muted' }, e.venue))),
      h('td', { 'data-label': t('organizer.date') }, dateShort(e.startsAt)),
      h('td', { 'data-label': t('orders.status') }, h('span', { class: `badge ${e.status}` }, statusLabel(e.status))),
      h('td', { 'data-label': '' }, h('div', { class: 'actions' },
        h('a', { class: 'btn small', href: `/dashboard.html?id=${e.id}` }, t('organizer.dashboard')),
        h('a', { class: 'btn small ghost', href: `/show.html?id=${e.id}` }, t('organizer.show')),
        h('a', { class: 'btn small ghost', href: `/checkin.html?id=${e.id}` }, t('organizer.door')))))))));
}

function renderForm() {
  const form = $('#create-form');
  replace(form, ...eventFields(PREFIX),
    h('p', { class: 'form-error', role: 'alert', id: 'create-error' }),
    h('button', { type: 'submit', class: 'btn primary' }, t('organizer.createButton')));
  form.onsubmit = create;
}

async function create(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearFieldErrors(form);
  $('#create-error').textContent = '';
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const created = await api('/api/events', { method: 'POST', body: readEvent(form, PREFIX) });
    location.href = `/dashboard.html?id=${created.id}`;
  } catch (error) {
    button.disabled = false;
    if (!(error instanceof ApiError && error.status === 400 && showFieldErrors(form, PREFIX, error.fieldErrors))) {
      $('#create-error').textContent = describeError(error);
    }
  }
}
