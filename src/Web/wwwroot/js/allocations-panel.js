// The dashboard's reserved allocations: seats of a tier set aside for a group, with their live use (refreshed when
// the tier's availability is pushed), comp tickets to named people, and release of unused seats to the public.
import './allocations-i18n.js';
import { api, ApiError, describeError } from './api.js';
import { h, replace, $ } from './dom.js';
import { t } from './i18n.js';
import { number } from './format.js';
import { field, showFieldErrors, clearFieldErrors } from './forms.js';

const PREFIX = 'allocation';
const KINDS = ['comps', 'sponsor', 'designer', 'press'];
/** Pushes of a sale burst are folded into one reload per this many ms. */
const RELOAD_AFTER_MS = 300;

export function mountAllocationsPanel(eventId, tiers) {
  let allocations = null;
  let sponsors = [];
  let reloadTimer = null;

  renderForm();
  load();
  api(`/api/events/${eventId}/lineup`).then((lineup) => { sponsors = lineup.sponsors ?? []; renderSponsors(); }).catch(() => {});
  return {
    render: () => { renderForm(); render(); },
    /** A tier's counters changed: the allocations' use may have too. */
    changed: () => { clearTimeout(reloadTimer); reloadTimer = setTimeout(load, RELOAD_AFTER_MS); },
  };

  function renderForm() {
    const form = $('#allocation-form');
    const select = (id, labelKey, options) => h('div', { class: 'field' }, h('label', { for: `${PREFIX}-${id}` }, t(labelKey)),
      h('select', { id: `${PREFIX}-${id}`, name: id }, options.map(([value, label]) => h('option', { value }, label))),
      h('span', { class: 'field-error', id: `${PREFIX}-${id}-error` }));
    replace(form,
      field(PREFIX, 'name', 'allocations.name', { required: true, maxlength: 200 }),
      h('div', { class: 'field-row' },
        select('ticketTypeId', 'allocations.tier', tiers().map((tier) => [tier.id, tier.name])),
        select('kind', 'allocations.kind', KINDS.map((k) => [k, t(`allocations.kind.${k}`)])),
        select('sponsorId', 'allocations.sponsor', sponsorOptions())),
      h('div', { class: 'field-row' },
        field(PREFIX, 'quantity', 'allocations.quantity', { type: 'number', min: 1, required: true, inputmode: 'numeric' }),
        field(PREFIX, 'code', 'allocations.code', { maxlength: 40, autocomplete: 'off' }, 'allocations.codeHint'),
        field(PREFIX, 'unitPrice', 'allocations.unitPrice', { type: 'number', min: 0, inputmode: 'numeric' })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn small' }, t('allocations.create'))));
    form.onsubmit = create;
  }

  /** The event's sponsors arrived: only the sponsor choices change, so what the organizer has typed meanwhile stays. */
  function renderSponsors() {
    const select = $(`#${PREFIX}-sponsorId`);
    if (!select) return;
    const chosen = select.value;
    replace(select, ...sponsorOptions().map(([value, label]) => h('option', { value }, label)));
    select.value = sponsors.some((s) => s.sponsorId === chosen) ? chosen : '';
  }

  function sponsorOptions() {
    return [['', t('allocations.noSponsor')], ...sponsors.map((s) => [s.sponsorId, s.name])];
  }

  async function load() {
    try {
      allocations = await api(`/api/events/${eventId}/allocations`);
    } catch (error) {
      allocations = error;
    }
    render();
  }

  function render() {
    const list = $('#allocation-list');
    if (allocations === null) return;
    if (allocations instanceof Error) {
      replace(list, h('p', { role: 'alert' }, describeError(allocations)));
      return;
    }
    if (allocations.length === 0) {
      replace(list, h('p', { class: 'muted' }, t('allocations.none')));
      return;
    }
    const cell = (key, value) => h('td', { class: `num ${key}`, 'data-label': t(`allocations.${key}`) }, number(value));
    replace(list, h('table', { class: 'stack' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('allocations.name')), h('th', { scope: 'col' }, t('allocations.tier')),
        ...['quantity', 'held', 'sold', 'remaining', 'checkedIn'].map((k) => h('th', { scope: 'col', class: 'num' }, t(`allocations.${k}`))),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('organizer.actions'))))),
      h('tbody', {}, allocations.map((a) => h('tr', { dataset: { allocationId: a.id } },
        h('td', { 'data-label': t('allocations.name') }, a.name, ' ',
          h('span', { class: 'muted' }, [t(`allocations.kind.${a.kind}`), a.sponsorName, a.code].filter(Boolean).join(' · ')),
          a.releasedAt ? h('span', { class: 'badge' }, ` ${t('allocations.released')}`) : null),
        h('td', { 'data-label': t('allocations.tier') }, a.ticketTypeName),
        cell('quantity', a.quantity), cell('held', a.held), cell('sold', a.sold), cell('remaining', a.remaining), cell('checkedIn', a.checkedIn),
        h('td', { 'data-label': '' }, a.releasedAt || a.remaining === 0 ? null : h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'btn small ghost', onclick: () => issueForm(a) }, t('allocations.issue')),
          h('button', { type: 'button', class: 'btn small ghost release', onclick: (e) => release(a, e.currentTarget) }, t('allocations.release')))))))));
  }

  async function create(event) {
    event.preventDefault();
    const form = event.target;
    const status = $('#allocation-status');
    clearFieldErrors(form);
    status.textContent = '';
    const value = (name) => $(`#${PREFIX}-${name}`).value.trim();
    const body = {
      ticketTypeId: value('ticketTypeId') || null,
      kind: value('kind'),
      name: value('name'),
      quantity: value('quantity') === '' ? null : Number.parseInt(value('quantity'), 10),
      sponsorId: value('sponsorId') || null,
      code: value('code') || null,
      unitPrice: value('unitPrice') === '' ? null : Number.parseInt(value('unitPrice'), 10),
    };
    try {
      const created = await api(`/api/events/${eventId}/allocations`, { method: 'POST', body });
      form.reset();
      status.textContent = t('allocations.created', { name: created.name, quantity: number(created.quantity) });
      await load();
    } catch (failure) {
      if (!(failure instanceof ApiError && showFieldErrors(form, PREFIX, failure.problem?.errors))) status.textContent = describeError(failure);
    }
  }

  function issueForm(allocation) {
    const holder = $('#allocation-issue');
    const issue = h('form', { novalidate: true, class: 'card', dataset: { allocationId: allocation.id } },
      h('h3', {}, `${t('allocations.issue')} · ${allocation.name}`),
      h('div', { class: 'field-row' },
        field('comp', 'name', 'allocations.guestName', { required: true, maxlength: 100 }),
        field('comp', 'email', 'allocations.guestEmail', { type: 'email', required: true, autocomplete: 'off' })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn small' }, t('allocations.issue'))));
    issue.onsubmit = async (event) => {
      event.preventDefault();
      const guest = { name: $('#comp-name').value.trim(), email: $('#comp-email').value.trim() };
      try {
        const issued = await api(`/api/events/${eventId}/allocations/${allocation.id}/tickets`, { method: 'POST', body: { guests: [guest] } });
        replace(holder);
        $('#allocation-status').textContent = t('allocations.issued', { name: issued.tickets[0].name });
        await load();
      } catch (failure) {
        const errors = failure instanceof ApiError ? failure.problem?.errors : null;
        const mapped = errors ? Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^guests\[0\]\./, ''), v])) : null;
        if (!showFieldErrors(issue, 'comp', mapped)) $('#allocation-status').textContent = describeError(failure);
      }
    };
    replace(holder, issue);
    $('#comp-name').focus();
  }

  /** Two steps, no dialog: the first click asks in place, the second releases. */
  async function release(allocation, button) {
    if (button.dataset.armed !== 'true') {
      button.dataset.armed = 'true';
      button.textContent = t('allocations.releaseConfirm', { count: allocation.remaining, name: allocation.name });
      return;
    }
    try {
      await api(`/api/events/${eventId}/allocations/${allocation.id}/release`, { method: 'POST' });
      $('#allocation-status').textContent = t('allocations.releasedDone', { count: number(allocation.remaining), name: allocation.name });
    } catch (failure) {
      $('#allocation-status').textContent = describeError(failure);
    }
    await load();
  }
}
