// An event's promo and presale codes: create one, watch each code's uses, holds and sales live, disable one.
import '../codes-i18n.js';
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { h, replace, $, guidParam } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { money, number, dateShort, fromLocalInput } from '../format.js';
import { field, showFieldErrors, clearFieldErrors } from '../forms.js';
import { pageRoot, showLoadError } from '../fashion-ui.js';

/** How often the list asks again for each code's uses (ms). */
const REFRESH_MS = 5000;
const PREFIX = 'code';

const eventId = guidParam('id');
const state = { event: null, codes: null, message: '' };

if (initPage({ page: 'organizer', requires: 'organizer' }) !== undefined) {
  onLangChange(render);
  start();
}

async function start() {
  try {
    [state.event, state.codes] = await Promise.all([api(`/api/events/${eventId}`), api(`/api/events/${eventId}/codes`)]);
  } catch (error) {
    showLoadError(error, start);
    return;
  }
  render();
  setInterval(refresh, REFRESH_MS);
}

async function refresh() {
  try {
    state.codes = await api(`/api/events/${eventId}/codes`, { retryBusy: false });
    renderList();
  } catch {
    // The next round tries again; the list shows the last answer meanwhile.
  }
}

function render() {
  if (!state.event) return;
  document.title = t('codes.pageTitle');
  replace(pageRoot(),
    h('p', { style: 'margin:0' }, h('a', { href: `/dashboard.html?id=${eventId}` }, t('codes.back'))),
    h('h1', {}, t('codes.heading')),
    h('p', { class: 'lede' }, state.event.name),
    h('section', { class: 'card', 'aria-labelledby': 'new-code-heading' },
      h('h2', { id: 'new-code-heading' }, t('codes.new')),
      renderForm()),
    h('section', { 'aria-labelledby': 'codes-heading' },
      h('h2', { id: 'codes-heading' }, t('codes.list')),
      h('div', { id: 'code-list' })));
  renderList();
}

function renderForm() {
  const kind = h('select', { id: `${PREFIX}-kind`, name: 'kind' },
    h('option', { value: 'percent' }, t('codes.percentKind')),
    h('option', { value: 'amount' }, t('codes.amountKind')),
    h('option', { value: 'none' }, t('codes.none')));
  return h('form', { id: 'code-form', novalidate: true, onsubmit: create },
    h('div', { class: 'field-row' },
      field(PREFIX, 'code', 'codes.code', { type: 'text', required: true, maxlength: 40, autocomplete: 'off' }),
      h('div', { class: 'field' }, h('label', { for: `${PREFIX}-kind` }, t('codes.kind')), kind),
      field(PREFIX, 'value', 'codes.value', { type: 'number', min: 1, inputmode: 'numeric' })),
    h('fieldset', { class: 'field' }, h('legend', {}, t('codes.tiers')),
      state.event.ticketTypes.map((tier) => h('div', { class: 'check-field' },
        h('input', { type: 'checkbox', id: `${PREFIX}-tier-${tier.id}`, name: 'tier', value: tier.id }),
        h('label', { for: `${PREFIX}-tier-${tier.id}` }, tier.hidden ? `${tier.name} (${t('codes.hidden')})` : tier.name))),
      h('span', { class: 'field-error', id: `${PREFIX}-ticketTypeIds-error` })),
    h('div', { class: 'check-field' },
      h('input', { type: 'checkbox', id: `${PREFIX}-opensPresale` }),
      h('label', { for: `${PREFIX}-opensPresale` }, t('codes.presale'))),
    h('div', { class: 'field-row' },
      field(PREFIX, 'validFrom', 'codes.validFrom', { type: 'datetime-local' }, 'form.bogotaTime'),
      field(PREFIX, 'validUntil', 'codes.validUntil', { type: 'datetime-local' }, 'form.bogotaTime')),
    h('div', { class: 'field-row' },
      field(PREFIX, 'maxUses', 'codes.maxUses', { type: 'number', min: 1, inputmode: 'numeric' }, 'form.optional'),
      field(PREFIX, 'maxUsesPerBuyer', 'codes.maxUsesPerBuyer', { type: 'number', min: 1, inputmode: 'numeric' }, 'form.optional')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn primary' }, t('codes.create'))),
    h('p', { id: 'code-form-message', role: 'status', 'aria-live': 'polite' }, state.message));
}

async function create(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const value = (name) => form.querySelector(`#${PREFIX}-${name}`).value.trim();
  const whole = (name) => (value(name) === '' ? null : Number.parseInt(value(name), 10));
  const kind = value('kind');
  const tiers = [...form.querySelectorAll('input[name="tier"]:checked')].map((x) => x.value);
  const body = {
    code: value('code'),
    percentOff: kind === 'percent' ? whole('value') : null,
    amountOff: kind === 'amount' ? whole('value') : null,
    ticketTypeIds: tiers.length ? tiers : null,
    opensPresale: form.querySelector(`#${PREFIX}-opensPresale`).checked,
    validFrom: fromLocalInput(value('validFrom')),
    validUntil: fromLocalInput(value('validUntil')),
    maxUses: whole('maxUses'),
    maxUsesPerBuyer: whole('maxUsesPerBuyer'),
  };
  clearFieldErrors(form);
  const message = $('#code-form-message');
  message.className = '';
  try {
    const created = await api(`/api/events/${eventId}/codes`, { method: 'POST', body });
    state.message = t('codes.created', { code: created.code });
    form.reset();
    message.textContent = state.message;
    await refresh();
  } catch (error) {
    const errors = error instanceof ApiError ? error.problem?.errors : null;
    if (errors && 'percentOff' in errors) errors.value = errors.percentOff;
    if (errors && 'amountOff' in errors) errors.value = errors.amountOff;
    if (!errors || !showFieldErrors(form, PREFIX, errors)) {
      message.className = 'form-error';
      message.textContent = describeError(error);
    }
  }
}

function renderList() {
  const list = $('#code-list');
  if (!list || !state.codes) return;
  if (state.codes.length === 0) {
    replace(list, h('p', { class: 'card empty' }, t('codes.empty')));
    return;
  }
  const names = new Map(state.event.ticketTypes.map((x) => [x.id, x.name]));
  const headings = ['codes.code', 'codes.kind', 'codes.tiers', 'codes.uses', 'codes.active', 'codes.sold', 'codes.status', 'codes.validUntil'];
  replace(list, h('div', { class: 'card table-wrap' }, h('table', { class: 'stack' },
    h('thead', {}, h('tr', {}, headings.map((key) => h('th', { scope: 'col' }, t(key === 'codes.tiers' ? 'event.tiers' : key))), h('th', {}))),
    h('tbody', {}, state.codes.map((c) => h('tr', { dataset: { codeId: c.id, code: c.code } },
      h('td', { 'data-label': t('codes.code') }, h('strong', {}, c.code)),
      h('td', { 'data-label': t('codes.kind') }, c.percentOff ? `${c.percentOff}%` : c.amountOff ? money(c.amountOff) : t('codes.none'),
        c.opensPresale ? h('span', { class: 'muted' }, ` · ${t('code.presale')}`) : null),
      h('td', { 'data-label': t('event.tiers') }, c.ticketTypeIds ? c.ticketTypeIds.map((id) => names.get(id) ?? id).join(', ') : t('codes.allTiers')),
      h('td', { 'data-label': t('codes.uses'), 'data-part': 'uses' },
        `${number(c.uses)} / ${c.maxUses ? number(c.maxUses) : t('codes.unlimited')}`),
      h('td', { 'data-label': t('codes.active') }, number(c.activeHolds)),
      h('td', { 'data-label': t('codes.sold') }, number(c.soldHolds)),
      h('td', { 'data-label': t('codes.status') }, h('span', { class: `badge ${c.disabled ? 'cancelled' : 'on_sale'}` },
        t(c.disabled ? 'codes.disabled' : 'codes.enabled'))),
      h('td', { 'data-label': t('codes.validUntil') }, c.validUntil ? dateShort(c.validUntil) : '—'),
      h('td', {}, c.disabled ? null : h('button', { type: 'button', class: 'btn small', onclick: () => disable(c) }, t('codes.disable')))))))));
}

async function disable(code) {
  try {
    await api(`/api/events/${eventId}/codes/${code.id}`, { method: 'DELETE' });
    await refresh();
  } catch (error) {
    $('#code-form-message').textContent = describeError(error);
  }
}
