// Several tiers of the event in one order: quantities per tier → one hold across tiers (all or nothing) → attendee
// names → one checkout, one payment, every tier's tickets.
import { api, ApiError, describeError, newIdempotencyKey } from '../api.js';
import { h, replace, $, guidParam } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { money, timeOfDay } from '../format.js';
import { quote, inSalesWindow } from '../pricing.js';
import { currentSession, loginUrl } from '../session.js';
import { renderTickets } from '../tickets-view.js';
import { passHeaders } from '../queue-pass.js';
import '../i18n-multitier.js';

const SELLING = ['on_sale', 'sold_out'];
const eventId = guidParam('id');
const basket = { event: null, status: null, documentRequired: false, group: null, tickets: null, error: null, busy: false, code: null };

onLangChange(render);
// The code applied in the event page's code form (event.js) goes with the basket's hold too.
document.addEventListener('event-code', (e) => { basket.code = e.detail; });
start();

async function start() {
  if (!eventId) return;
  try {
    const [event, availability, settings] = await Promise.all([
      api(`/api/events/${eventId}`),
      api(`/api/events/${eventId}/availability`),
      api(`/api/events/${eventId}/attendee-settings`),
    ]);
    basket.event = event;
    basket.status = availability.status;
    basket.documentRequired = settings.documentRequired;
  } catch {
    return; // The main event page shows the failure.
  }
  render();
}

function tiersOnSale() {
  return SELLING.includes(basket.status) ? basket.event.ticketTypes.filter((tier) => inSalesWindow(tier)) : [];
}

function render() {
  const section = $('#basket');
  if (!basket.event || tiersOnSale().length < 2) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  const heading = h('h2', { id: 'basket-heading' }, t('basket.heading'));
  const error = h('p', { class: 'form-error', role: 'alert', id: 'basket-error' }, basket.error ?? '');
  if (basket.tickets) {
    const list = h('div', { class: 'grid', id: 'basket-tickets' });
    replace(section, heading, h('p', { role: 'status' }, t('basket.done')), list);
    renderTickets(list, basket.tickets);
    return;
  }
  replace(section, heading, ...(basket.group ? heldView() : pickView()), error);
}

function pickView() {
  const preview = h('p', { class: 'total-preview', id: 'basket-preview', 'aria-live': 'polite' });
  const inputs = tiersOnSale().map((tier) => h('input', {
    id: `basket-${tier.id}`, type: 'number', min: 0, max: tier.perBuyerLimit, value: 0, inputmode: 'numeric',
    dataset: { basketTier: tier.id }, oninput: () => { preview.textContent = previewText(); },
  }));
  const rows = tiersOnSale().map((tier, i) => h('div', { class: 'field' },
    h('label', { for: `basket-${tier.id}` }, t('basket.quantityOf', { tier: tier.name })), inputs[i]));
  return [
    h('p', { class: 'muted' }, t('basket.lede')),
    h('div', { class: 'tier-buy' }, ...rows),
    preview,
    h('button', { type: 'button', class: 'btn primary', id: 'basket-hold', disabled: basket.busy, onclick: hold },
      basket.busy ? t('basket.holding') : t('basket.hold')),
  ];
}

function chosen() {
  return [...document.querySelectorAll('[data-basket-tier]')]
    .map((input) => ({ ticketTypeId: input.dataset.basketTier, quantity: Number.parseInt(input.value, 10) }))
    .filter((item) => Number.isInteger(item.quantity) && item.quantity > 0);
}

function previewText() {
  const total = chosen().reduce((sum, item) => sum + quote(tierOf(item.ticketTypeId), item.quantity).total, 0);
  return total > 0 ? t('event.preview', { total: money(total) }) : '';
}

function tierOf(id) {
  return basket.event.ticketTypes.find((x) => x.id === id);
}

async function hold() {
  if (!currentSession()) {
    location.href = loginUrl();
    return;
  }
  const items = chosen();
  basket.error = null;
  if (items.length === 0) {
    basket.error = t('basket.nothing');
    render();
    return;
  }
  basket.busy = true;
  render();
  try {
    basket.group = await api(`/api/events/${eventId}/holds`, {
      method: 'POST', body: { items, code: basket.code ?? undefined }, headers: { 'Idempotency-Key': newIdempotencyKey(), ...passHeaders(eventId) },
    });
  } catch (error) {
    const tier = error instanceof ApiError ? tierOf(error.problem.ticketTypeId) : null;
    basket.error = tier ? t('basket.tierRefused', { tier: tier.name, reason: describeError(error) }) : describeError(error);
  }
  basket.busy = false;
  render();
}

function heldView() {
  const group = basket.group;
  const fields = group.holds.flatMap((held) => Array.from({ length: held.quantity }, (_, i) => {
    const tier = tierOf(held.ticketTypeId);
    const key = `${held.ticketTypeId}-${i}`;
    return h('fieldset', { class: 'attendee-fields', dataset: { tier: held.ticketTypeId } },
      h('legend', {}, t('basket.ticketOf', { n: i + 1, tier: tier?.name ?? '' })),
      h('div', { class: 'field' }, h('label', { for: `name-${key}` }, t('attendee.name')),
        h('input', { id: `name-${key}`, name: 'attendee-name', maxlength: 120, autocomplete: 'off' })),
      basket.documentRequired ? h('div', { class: 'field' }, h('label', { for: `doc-${key}` }, t('attendee.document')),
        h('input', { id: `doc-${key}`, name: 'attendee-document', maxlength: 30, autocomplete: 'off' })) : null);
  }));
  return [
    h('p', { role: 'status' }, t('basket.held', { time: timeOfDay(group.expiresAt) })),
    basket.documentRequired ? h('p', { class: 'muted' }, t('attendee.documentRequired')) : null,
    ...fields,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn primary', id: 'basket-pay', disabled: basket.busy, onclick: pay },
        basket.busy ? t('buy.paying') : t('basket.pay', { total: money(group.total) })),
      h('button', { type: 'button', class: 'btn ghost', id: 'basket-release', disabled: basket.busy, onclick: release }, t('basket.release'))),
  ];
}

function attendees() {
  return [...document.querySelectorAll('.attendee-fields')]
    .map((set) => ({
      ticketTypeId: set.dataset.tier,
      name: set.querySelector('[name="attendee-name"]').value.trim(),
      document: set.querySelector('[name="attendee-document"]')?.value.trim() || null,
    }))
    .filter((a) => a.name);
}

async function pay() {
  basket.busy = true;
  basket.error = null;
  const body = { attendees: attendees() };
  render();
  try {
    const result = await api(`/api/holds/${basket.group.groupId}/checkout`, { method: 'POST', body, headers: { 'Idempotency-Key': newIdempotencyKey() } });
    if (result.status === 'pending_payment' && /^https?:\/\//.test(result.paymentUrl ?? '')) {
      location.assign(result.paymentUrl);
      return;
    }
    basket.tickets = (result.tickets ?? []).map((x) => ({ eventName: basket.event.name, ...x }));
  } catch (error) {
    basket.error = describeError(error);
  }
  basket.busy = false;
  render();
}

async function release() {
  try {
    await api(`/api/holds/${basket.group.groupId}`, { method: 'DELETE' });
  } catch (error) {
    basket.error = describeError(error);
  }
  basket.group = null;
  render();
}
