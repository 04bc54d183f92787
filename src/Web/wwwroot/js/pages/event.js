// One event: its tiers with live availability, and the buy flow (quantity → hold with countdown → checkout → tickets).
import { initPage } from '../layout.js';
import { api, ApiError, describeError, newIdempotencyKey } from '../api.js';
import { h, replace, $, guidParam, param } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { money, dateTime, dateShort, statusLabel, clock } from '../format.js';
import { quote, earlyBirdActive, inSalesWindow } from '../pricing.js';
import { connectLive } from '../live.js';
import { currentSession, loginUrl } from '../session.js';
import { renderTickets } from '../tickets-view.js';
import { loadMyWaitlist, renderWaitlistControl } from '../waitlist-view.js';
import { mountCodeForm } from '../event-code.js';
import { passHeaders } from '../queue-pass.js';

/** Statuses in which the server accepts holds (sold out may flip back when holds expire). */
const SELLING = ['on_sale', 'sold_out'];
/** Countdown turns red in the last minute. */
const LOW_TIME_MS = 60_000;
/** While a payment is pending at the provider, how often to look at the order (ms). */
const ORDER_POLL_MS = 3000;
const HOLD_KEY = 'fashionistas.hold';
const PAID = ['paid', 'partially_refunded'];
const FAILED = ['failed', 'cancelled'];

const eventId = guidParam('id');
/** Back from Stripe's hosted payment page: the order paid (or not) there, and whether the buyer left it unpaid. */
const returnedOrderId = guidParam('order');
const paymentCancelled = param('payment') === 'cancelled';
const state = {
  event: null,
  status: null,
  counters: new Map(), // ticketTypeId → {capacity, available, held, sold, at}
  hold: null,          // the active hold, as the API returned it
  holdingTierId: null, // the tier whose hold request is on its way
  phase: 'idle',       // idle | holding | held | paying | redirecting | pending | done | expired | ended
  returned: false,     // back from Stripe's hosted page (the tickets may still be on their way)
  tickets: [],
  order: null,
  error: null,
  code: null,          // the applied promo/presale code (see event-code.js), or null
};
let countdownTimer = null;
let codeForm = null;

initPage({ page: 'event' });
onLangChange(() => { renderEvent(); renderTiers(); renderHold(); codeForm?.render(); });
// Back from Stripe's page with the browser's back button: the page comes from the cache as it was left, mid-redirect.
window.addEventListener('pageshow', (e) => {
  if (e.persisted && state.phase === 'redirecting') { state.phase = 'held'; renderHold(); }
});
start();

async function start() {
  if (!eventId) {
    showMissing();
    return;
  }
  try {
    const [event, availability] = await Promise.all([
      api(`/api/events/${eventId}`),
      api(`/api/events/${eventId}/availability`),
    ]);
    state.event = event;
    state.status = availability.status;
    applyAvailability(availability);
    // My waitlist places only decorate sold-out tiers: the page works without them.
    await loadMyWaitlist().catch(() => []);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) showMissing();
    else replace($('#event'), h('div', { class: 'card empty', role: 'alert' }, h('p', {}, describeError(error)),
      h('button', { type: 'button', class: 'btn', onclick: start }, t('common.retry'))));
    return;
  }

  renderEvent();
  renderTiers();
  $('#tickets-section').hidden = false;
  codeForm = mountCodeForm($('#code-panel'), eventId, applyCode);
  $('#event').setAttribute('aria-busy', 'false');

  connectLive({
    join: [['JoinEvent', eventId]],
    on: {
      availability: (message) => { if (message.eventId === eventId) updateCounters(message); },
      eventStatus: (message) => { if (message.eventId === eventId) { state.status = message.status; renderEvent(); refreshTiers(); } },
    },
    poll: pollAvailability,
    indicator: $('#live'),
  });
  if (returnedOrderId && currentSession()) await resumeOrder(returnedOrderId);
  else restoreHold();
}

/**
 * Back from Stripe's hosted page: show the order's hold again and settle the order. Paid there, the tickets come by
 * webhook, so a pending order is watched until they are issued; left unpaid, the seats are still held to pay again.
 */
async function resumeOrder(orderId) {
  let order;
  try {
    order = await api(`/api/orders/${orderId}`);
  } catch {
    restoreHold();
    return;
  }
  const hold = await api(`/api/holds/${order.holdId}`).catch(() => null);
  state.hold = hold ?? { holdId: order.holdId, ticketTypeId: order.ticketTypeId, quantity: order.quantity,
    unitPrice: order.unitPrice, total: order.total, expiresAt: new Date().toISOString() };
  const status = String(order.status ?? '').toLowerCase();
  if (paymentCancelled && (status === 'pending_payment' || status === 'failed') && hold?.status === 'active') {
    state.order = order;
    state.phase = 'held';
    state.error = t('buy.paymentCancelled');
    renderHold();
    return;
  }
  if (status === 'cancelled') {
    sessionStorage.removeItem(HOLD_KEY);
    state.phase = 'ended';
    state.error = t('buy.expiredText');
    renderHold();
    return;
  }
  state.returned = true;
  await settle(order);
}

function showMissing() {
  replace($('#event'), h('div', { class: 'card empty' }, h('h1', {}, t('event.notFound')),
    h('a', { class: 'btn', href: '/' }, t('nav.events'))));
}

async function pollAvailability() {
  const availability = await api(`/api/events/${eventId}/availability`, { retryBusy: false });
  if (availability.status !== state.status) {
    state.status = availability.status;
    renderEvent();
  }
  applyAvailability(availability);
  refreshTiers();
}

/** Counters read over HTTP: current when read, but without a commit time to order them against pushes. */
function applyAvailability(availability) {
  for (const c of availability.ticketTypes) {
    state.counters.set(c.ticketTypeId, { capacity: c.capacity, available: c.available, held: c.held, sold: c.sold, at: null });
  }
}

function updateCounters(message) {
  const known = state.counters.get(message.ticketTypeId);
  // Pushes carry their commit time and may arrive out of order: never go back in time.
  if (known?.at && message.at && Date.parse(message.at) < Date.parse(known.at)) return;
  state.counters.set(message.ticketTypeId, {
    capacity: message.capacity, available: message.available, held: message.held, sold: message.sold, at: message.at,
  });
  refreshTier(message.ticketTypeId);
}

function renderEvent() {
  const e = state.event;
  if (!e) return;
  document.title = `${e.name} · Fashionistas`;
  replace($('#event'),
    h('p', { class: 'when', style: 'margin:0' }, h('a', { href: '/' }, `← ${t('nav.events')}`)),
    h('h1', {}, e.name),
    h('div', { class: 'meta' },
      h('span', {}, h('strong', {}, t('event.when')), ' ', dateTime(e.startsAt)),
      h('span', {}, h('strong', {}, t('event.where')), ' ', e.venue),
      h('span', { id: 'event-status', class: `badge ${state.status}` }, statusLabel(state.status))),
    e.description ? h('p', {}, e.description) : null);
}

function renderTiers() {
  if (!state.event) return;
  const tiers = state.event.ticketTypes;
  if (tiers.length === 0) {
    replace($('#tiers'), h('p', { class: 'card empty' }, t('event.noTiers')));
    return;
  }
  replace($('#tiers'), tiers.map(renderTier));
  refreshTiers();
}

/** A code was applied (or removed): hidden tiers it opens join the list, prices and presale follow it. */
function applyCode(code) {
  state.code = code;
  // The several-tiers basket (event-basket.js) sends the same code with its hold.
  document.dispatchEvent(new CustomEvent('event-code', { detail: code?.typed ?? null }));
  state.event.ticketTypes = state.event.ticketTypes.filter((x) => !x.hidden);
  for (const { ticketType, available } of code?.tiers.values() ?? []) {
    if (!ticketType.hidden) continue;
    state.event.ticketTypes.push(ticketType);
    if (!state.counters.has(ticketType.id)) {
      state.counters.set(ticketType.id, { capacity: ticketType.capacity, available, held: 0, sold: ticketType.capacity - available, at: null });
    }
  }
  renderTiers();
}

/** The applied code's terms for this tier, or null when it does not apply to it. */
function codeFor(tierId) {
  return state.code?.tiers.has(tierId) ? state.code : null;
}

function renderTier(tier) {
  const early = earlyBirdActive(tier);
  const code = codeFor(tier.id);
  const quantityId = `qty-${tier.id}`;
  const errorId = `error-${tier.id}`;
  const quantity = h('input', {
    id: quantityId, type: 'number', min: 1, value: 1, inputmode: 'numeric', 'aria-describedby': errorId,
    oninput: () => updatePreview(tier),
  });
  return h('article', { class: 'card tier', dataset: { tierId: tier.id }, 'aria-labelledby': `name-${tier.id}` },
    h('div', { class: 'tier-head' },
      h('div', {},
        h('h3', { id: `name-${tier.id}` }, tier.name),
        tier.description ? h('p', { class: 'muted', style: 'margin:0' }, tier.description) : null,
        early ? h('p', { class: 'perk', style: 'margin:0' }, t('event.earlyBirdUntil', { date: dateShort(tier.earlyBirdDeadline) })) : null,
        tier.groupDiscountThreshold ? h('p', { class: 'perk', style: 'margin:0' },
          t('event.groupDiscount', { percent: tier.groupDiscountPercentage, threshold: tier.groupDiscountThreshold })) : null),
      h('div', { class: 'tier-price' },
        early ? h('s', { 'aria-label': t('event.regularPrice', { price: money(tier.price) }) }, money(tier.price)) : null,
        h('span', { class: 'now' }, money(early ? tier.earlyBirdPrice : tier.price)),
        code && (code.percentOff || code.amountOff)
          ? h('span', { class: 'perk code-price', 'data-part': 'code-price' }, t('code.priceWith', { price: money(code.tiers.get(tier.id).unitPrice) })) : null,
        h('span', { class: 'sold-out-badge badge sold_out', hidden: true }, t('event.soldOut')))),
    h('div', { class: 'meter', role: 'img', 'data-part': 'meter' },
      h('span', { class: 'sold' }), h('span', { class: 'held' }), h('span', { class: 'free' })),
    h('p', { class: 'availability-text', 'data-part': 'availability', 'aria-live': 'polite', style: 'margin:0' }),
    h('div', { class: 'tier-buy' },
      h('div', { class: 'field' }, h('label', { for: quantityId }, t('event.quantity')), quantity),
      h('button', { type: 'button', class: 'btn primary', 'data-part': 'hold', onclick: () => hold(tier) }, t('event.hold')),
      h('span', { class: 'total-preview', 'data-part': 'preview', 'aria-live': 'polite' })),
    h('div', { class: 'tier-waitlist', 'data-part': 'waitlist' }),
    h('p', { id: errorId, class: 'form-error', role: 'alert', 'data-part': 'error' }));
}

function refreshTiers() {
  for (const tier of state.event?.ticketTypes ?? []) refreshTier(tier.id);
}

function refreshTier(id) {
  const tier = state.event?.ticketTypes.find((x) => x.id === id);
  const card = document.querySelector(`[data-tier-id="${id}"]`);
  const c = state.counters.get(id);
  if (!tier || !card || !c) return;

  const soldOut = c.available <= 0;
  card.dataset.soldOut = String(soldOut);
  card.dataset.available = String(c.available);
  card.querySelector('.sold-out-badge').hidden = !soldOut;

  const pct = (n) => `${c.capacity > 0 ? (100 * n) / c.capacity : 0}%`;
  const meter = card.querySelector('[data-part="meter"]');
  const [sold, held, free] = meter.children;
  sold.style.width = pct(c.sold);
  held.style.width = pct(c.held);
  free.style.width = pct(c.available);
  meter.setAttribute('aria-label', t('event.meterLabel', { sold: c.sold, held: c.held, available: c.available }));

  card.querySelector('[data-part="availability"]').textContent = soldOut
    ? (c.held > 0 ? t('event.soldOutHeld', { held: c.held }) : t('event.soldOutText'))
    : t('event.left', { available: c.available, capacity: c.capacity });

  // A presale code opens the tier before its public sale, and while the event is only published.
  const presale = Boolean(codeFor(id)?.opensPresale);
  const salesWindow = presale ? { ...tier, salesStart: null } : tier;
  const reason = !(SELLING.includes(state.status) || (presale && state.status === 'published')) ? t('event.notSelling')
    : !inSalesWindow(salesWindow) ? (tier.salesStart && Date.now() < Date.parse(tier.salesStart)
      ? t('event.salesFrom', { date: dateShort(tier.salesStart) }) : t('event.salesClosed'))
    : soldOut ? t('event.soldOut') : null;
  const button = card.querySelector('[data-part="hold"]');
  const busy = state.phase === 'holding';
  button.disabled = Boolean(reason) || busy || ['held', 'paying', 'pending'].includes(state.phase);
  button.textContent = reason ?? (busy && state.holdingTierId === id ? t('event.holding') : t('event.hold'));
  const input = card.querySelector('input[type="number"]');
  const max = Math.max(1, Math.min(tier.perBuyerLimit, c.available));
  input.max = String(max);
  input.disabled = Boolean(reason);
  if (Number(input.value) > max) input.value = String(max);
  updatePreview(tier);
  renderWaitlistControl(card.querySelector('[data-part="waitlist"]'), id, {
    canJoin: soldOut && SELLING.includes(state.status) && inSalesWindow(tier),
    onChange: () => refreshTier(id),
  });
}

function updatePreview(tier) {
  const card = document.querySelector(`[data-tier-id="${tier.id}"]`);
  const input = card.querySelector('input[type="number"]');
  const n = Number.parseInt(input.value, 10);
  const preview = card.querySelector('[data-part="preview"]');
  if (!Number.isInteger(n) || n < 1) {
    preview.textContent = '';
    return;
  }
  const q = quote(tier, n, Date.now(), codeFor(tier.id));
  preview.textContent = q.code
    ? t('code.previewCode', { total: money(q.total), unit: money(q.unit) })
    : q.group
    ? t('event.previewGroup', { total: money(q.total), unit: money(q.unit) })
    : t('event.preview', { total: money(q.total) });
}

async function hold(tier) {
  if (!currentSession()) {
    location.href = loginUrl();
    return;
  }
  const card = document.querySelector(`[data-tier-id="${tier.id}"]`);
  const error = card.querySelector('[data-part="error"]');
  const quantity = Number.parseInt(card.querySelector('input[type="number"]').value, 10);
  error.textContent = '';
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > tier.perBuyerLimit) {
    error.textContent = t('event.quantityRange', { max: tier.perBuyerLimit });
    return;
  }

  state.phase = 'holding';
  state.holdingTierId = tier.id;
  refreshTiers();
  try {
    const held = await api(`/api/ticket-types/${tier.id}/holds`, {
      method: 'POST', body: { quantity, code: codeFor(tier.id)?.typed }, headers: { 'Idempotency-Key': newIdempotencyKey(), ...passHeaders(eventId) },
    });
    state.hold = held;
    state.phase = 'held';
    sessionStorage.setItem(HOLD_KEY, JSON.stringify(held));
    renderHold();
    $('#hold-heading').focus();
    $('#hold').scrollIntoView({ behavior: 'smooth', block: 'start' });
  } catch (e) {
    state.phase = 'idle';
    if (e instanceof ApiError && e.status === 401) {
      location.href = loginUrl();
      return;
    }
    // The sale has a waiting room and this browser has no valid pass: take the buyer to the queue.
    if (e instanceof ApiError && e.status === 403 && typeof e.problem.queueUrl === 'string' && e.problem.queueUrl.startsWith('/')) {
      location.href = e.problem.queueUrl;
      return;
    }
    error.textContent = holdRefusal(e);
  } finally {
    refreshTiers();
  }
}

function holdRefusal(error) {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.status === 409) {
    const title = error.problem.title;
    if (title === 'Sold out.') return t('hold.soldOut', { available: error.problem.available ?? 0 });
    if (title === 'Over the per-buyer limit.') return t('hold.overLimit', { limit: error.problem.limit, held: error.problem.alreadyHeld });
    if (title === 'Not on sale.') return t('hold.notOnSale');
  }
  return describeError(error);
}

async function restoreHold() {
  let saved;
  try {
    saved = JSON.parse(sessionStorage.getItem(HOLD_KEY) ?? 'null');
  } catch {
    saved = null;
  }
  if (!saved || saved.eventId !== eventId || !currentSession() || Date.parse(saved.expiresAt) <= Date.now()) return;
  try {
    const current = await api(`/api/holds/${saved.holdId}`);
    if (current.status === 'active') {
      state.hold = current;
      state.phase = 'held';
      renderHold();
    } else {
      sessionStorage.removeItem(HOLD_KEY);
    }
  } catch {
    sessionStorage.removeItem(HOLD_KEY);
  }
}

function tierOf(ticketTypeId) {
  return state.event.ticketTypes.find((x) => x.id === ticketTypeId);
}

// Every phase change goes through here; the tiers' buttons depend on the phase, so they are refreshed with it.
function renderHold() {
  renderHoldPanel();
  refreshTiers();
}

function renderHoldPanel() {
  const panel = $('#hold');
  clearInterval(countdownTimer);
  if (state.phase === 'idle' || (!state.hold && state.phase !== 'done')) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const heading = $('#hold-heading');
  const body = $('#hold-body');
  const hold = state.hold;

  if (state.phase === 'done') {
    heading.textContent = t('buy.doneTitle');
    replace(body,
      h('p', {}, t('buy.doneText')),
      h('div', { id: 'purchased-tickets', class: 'grid' }),
      h('p', {}, h('a', { class: 'btn', href: '/tickets.html' }, t('nav.tickets'))));
    renderTickets($('#purchased-tickets'), state.tickets, { transfer: false });
    return;
  }

  if (state.phase === 'expired' || state.phase === 'ended') {
    heading.textContent = t(state.phase === 'expired' ? 'buy.expiredTitle' : 'buy.endedTitle');
    replace(body, h('p', { role: 'alert' }, state.phase === 'expired' ? t('buy.expiredText') : state.error),
      h('button', { type: 'button', class: 'btn', onclick: () => { state.phase = 'idle'; state.hold = null; state.error = null; renderHold(); } },
        t('buy.tryAgain')));
    return;
  }

  const tier = tierOf(hold.ticketTypeId);
  heading.textContent = state.phase === 'pending' ? t('buy.pendingTitle') : t('buy.heldTitle');
  const countdown = h('div', { class: 'countdown', role: 'timer', 'aria-live': 'off', id: 'countdown' });
  const announce = h('p', { class: 'visually-hidden', 'aria-live': 'assertive', id: 'countdown-announce' });
  const payButton = h('button', { type: 'button', class: 'btn primary', id: 'pay', onclick: checkout,
    disabled: state.phase !== 'held' }, state.phase === 'paying' ? t('buy.paying') : t('buy.pay', { total: money(hold.total) }));
  replace(body,
    h('div', { class: 'split' },
      h('div', {},
        h('div', { class: 'summary-line' }, h('span', {}, `${tier?.name ?? ''} × ${hold.quantity}`), h('span', {}, money(hold.unitPrice))),
        h('div', { class: 'summary-line total' }, h('span', {}, t('buy.total')), h('span', { id: 'hold-total' }, money(hold.total)))),
      h('div', {},
        h('p', { class: 'muted', style: 'margin:0' }, t('buy.timeLeft')),
        countdown, announce)),
    state.phase === 'pending' ? h('p', { role: 'status', id: 'pay-status' }, t(state.returned ? 'buy.confirmingText' : 'buy.pendingText')) : null,
    state.phase === 'redirecting' ? h('p', { role: 'status', id: 'pay-status' }, t('buy.redirecting')) : null,
    h('p', { class: 'form-error', role: 'alert', id: 'pay-error' }, state.error ?? ''),
    h('div', { class: 'actions' }, payButton,
      state.phase === 'pending'
        ? h('button', { type: 'button', class: 'btn ghost', id: 'cancel-order', onclick: cancelOrder }, t('orders.cancel'))
        : h('button', { type: 'button', class: 'btn ghost', onclick: release, disabled: state.phase !== 'held' }, t('buy.release'))));

  let announcedLow = false;
  const tick = () => {
    const left = Date.parse(hold.expiresAt) - Date.now();
    countdown.textContent = clock(left);
    countdown.classList.toggle('low', left < LOW_TIME_MS);
    if (left < LOW_TIME_MS && !announcedLow) {
      announcedLow = true;
      announce.textContent = t('buy.oneMinute');
    }
    if (left <= 0 && state.phase === 'held') {
      clearInterval(countdownTimer);
      sessionStorage.removeItem(HOLD_KEY);
      state.phase = 'expired';
      renderHold();
    }
  };
  tick();
  countdownTimer = setInterval(tick, 250);
}

/** A payment still pending at the provider: the buyer gives up, the order is cancelled and the seats released. */
async function cancelOrder() {
  try {
    await api(`/api/orders/${state.order.orderId}/cancel`, { method: 'POST' });
  } catch (error) {
    // 409: the payment went through after all; the order watch settles it as paid.
    state.error = error instanceof ApiError && error.status === 409 ? t('orders.cancelTooLate') : describeError(error);
    renderHold();
    return;
  }
  sessionStorage.removeItem(HOLD_KEY);
  state.hold = null;
  state.order = null;
  state.phase = 'idle';
  state.error = null;
  renderHold();
}

async function release() {
  const hold = state.hold;
  try {
    await api(`/api/holds/${hold.holdId}`, { method: 'DELETE' });
  } catch (error) {
    // 409: it already ended (expired or bought); either way it is no longer ours to release.
    if (!(error instanceof ApiError) || error.status !== 409) {
      state.error = describeError(error);
      renderHold();
      return;
    }
  }
  sessionStorage.removeItem(HOLD_KEY);
  state.hold = null;
  state.phase = 'idle';
  state.error = null;
  renderHold();
}

async function checkout() {
  const hold = state.hold;
  state.phase = 'paying';
  state.error = null;
  renderHold();
  try {
    const result = await api(`/api/holds/${hold.holdId}/checkout`, {
      method: 'POST', headers: { 'Idempotency-Key': newIdempotencyKey() },
    });
    await settle(result);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      // The hold ended (expired, or its seats went while the provider answered): this checkout cannot go on.
      sessionStorage.removeItem(HOLD_KEY);
      state.phase = 'ended';
      state.error = error.problem.title === 'The hold has ended.' ? t('buy.expiredText') : t('buy.seatsGone');
    } else {
      // 402 declined: the seats stay held until the countdown ends, so the buyer may pay again.
      state.phase = 'held';
      state.error = error instanceof ApiError && error.status === 402 ? t('buy.declined') : describeError(error);
    }
    renderHold();
  }
}

/** result: a checkout answer {orderId, status, paymentUrl?, clientSecret?, tickets?} or an order {orderId, status, tickets}. */
async function settle(result) {
  state.order = result;
  const status = String(result.status ?? '').toLowerCase();
  if (status === 'pending_payment' && /^https?:\/\//.test(result.paymentUrl ?? '')) {
    // Stripe's hosted page takes the card: no card data ever touches this site. It sends the buyer back here.
    state.phase = 'redirecting';
    renderHold();
    location.assign(result.paymentUrl);
    return;
  }
  if (PAID.includes(status)) {
    const tier = tierOf(state.hold.ticketTypeId);
    state.tickets = (result.tickets ?? [])
      .filter((x) => x.code && (x.status ?? 'valid') === 'valid')
      .map((x) => ({ eventName: state.event.name, ticketTypeName: tier?.name, ...x }));
    sessionStorage.removeItem(HOLD_KEY);
    state.phase = 'done';
    renderHold();
    $('#hold-heading').focus();
    return;
  }
  if (FAILED.includes(status)) {
    state.phase = 'held';
    state.error = t('buy.declined');
    renderHold();
    return;
  }
  // The provider needs more time (or the buyer's bank): watch the order until it settles.
  state.phase = 'pending';
  renderHold();
  setTimeout(watchOrder, ORDER_POLL_MS);
}

// A payment the provider has not settled yet (e.g. Stripe with 3-D Secure) ends by webhook: watch the order.
async function watchOrder() {
  if (state.phase !== 'pending') return;
  try {
    const order = await api(`/api/orders/${state.order.orderId}`, { retryBusy: false });
    if (order.status !== 'pending_payment') {
      await settle(order);
      return;
    }
  } catch {
    // Keep watching: the countdown and the pending message are already on screen.
  }
  setTimeout(watchOrder, ORDER_POLL_MS);
}
