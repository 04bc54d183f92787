// A sponsor's own page: the events they sponsor, what each package promised and delivered, placement views, and their
// guests: tickets set aside for them, comps issued (they invite guests themselves) and check-ins.
import '../fashion-i18n.js';
import '../allocations-i18n.js';
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { h, replace } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { dateShort, money, number } from '../format.js';
import { statusBadge, pageRoot, showLoadError } from '../fashion-ui.js';
import { field, showFieldErrors } from '../forms.js';

let figures = null;
let allocations = [];
let notice = '';

if (initPage({ page: 'sponsor', requires: 'sponsor' }) !== undefined) {
  onLangChange(render);
  load();
}

async function load() {
  try {
    [figures, allocations] = await Promise.all([api('/api/me/sponsor/figures'), api('/api/me/sponsor/allocations')]);
    render();
  } catch (error) {
    if (error.status === 404) {
      replace(pageRoot(), h('h1', {}, t('sponsorPage.heading')), h('p', { class: 'card empty' }, t('sponsorPage.notLinked')));
      return;
    }
    showLoadError(error, load);
  }
}

function render() {
  if (!figures) return;
  replace(pageRoot(),
    h('h1', {}, figures.sponsor.name),
    h('p', { class: 'lede' }, t('sponsorPage.lede')),
    h('p', { id: 'sponsor-notice', class: 'muted', role: 'status', 'aria-live': 'polite' }, notice),
    figures.events.length === 0
      ? h('p', { class: 'card empty' }, t('sponsorPage.none'))
      : figures.events.map((e) => h('section', { class: 'card', dataset: { eventId: e.eventId } },
        h('h2', {}, h('a', { href: `/event.html?id=${e.eventId}` }, e.eventName)),
        h('p', { class: 'where' }, `${dateShort(e.startsAt)} · ${t(`lineup.tier.${e.tier}`)} · ${money(e.contribution)}`),
        h('div', { class: 'stats' },
          h('div', { class: 'stat' }, h('span', { class: 'value placement-views' }, number(e.placementViews)), h('span', { class: 'label' }, t('sponsorPage.views'))),
          h('div', { class: 'stat' }, h('span', { class: 'value allocated-seats' }, number(e.allocatedSeats)), h('span', { class: 'label' }, t('sponsorPage.allocated'))),
          h('div', { class: 'stat' }, h('span', { class: 'value tickets-used' }, number(e.ticketsUsed)), h('span', { class: 'label' }, t('sponsorPage.ticketsUsed'))),
          h('div', { class: 'stat' }, h('span', { class: 'value check-ins' }, number(e.checkIns)), h('span', { class: 'label' }, t('sponsorPage.checkIns')))),
        allocations.filter((a) => a.eventId === e.eventId && !a.releasedAt && a.remaining > 0).map(inviteForm),
        h('h3', {}, t('sponsorPage.benefits')),
        e.benefits.length === 0 ? h('p', { class: 'muted' }, t('sponsorPage.noBenefits')) : h('ul', { class: 'staff' }, e.benefits.map((b) =>
          h('li', { dataset: { benefitId: b.id } }, h('span', {}, `${t(`benefit.${b.kind}`)}: ${b.description} `),
            statusBadge(b.deliveredAt ? 'delivered' : 'pending')))))));
}

/** Invites one guest from an allocation: a comp ticket with their name, sent to their e-mail. */
function inviteForm(allocation) {
  const prefix = `guest-${allocation.id}`;
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, class: 'invite', dataset: { allocationId: allocation.id } },
    h('h3', {}, `${t('sponsorPage.guestsHeading')} · ${allocation.name} (${t('allocations.remaining')}: ${number(allocation.remaining)})`),
    h('div', { class: 'field-row' },
      field(prefix, 'name', 'allocations.guestName', { required: true, maxlength: 100 }),
      field(prefix, 'email', 'allocations.guestEmail', { type: 'email', required: true, autocomplete: 'off' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn small' }, t('allocations.issue'))),
    status);
  form.onsubmit = async (event) => {
    event.preventDefault();
    const guest = { name: form.querySelector(`#${prefix}-name`).value.trim(), email: form.querySelector(`#${prefix}-email`).value.trim() };
    try {
      const issued = await api(`/api/me/sponsor/allocations/${allocation.id}/tickets`, { method: 'POST', body: { guests: [guest] } });
      notice = t('allocations.issued', { name: issued.tickets[0].name });
      await load();
    } catch (failure) {
      const errors = failure instanceof ApiError ? failure.problem?.errors : null;
      const mapped = errors ? Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^guests\[0\]\./, ''), v])) : null;
      if (!showFieldErrors(form, prefix, mapped)) status.textContent = describeError(failure);
    }
  };
  return form;
}
