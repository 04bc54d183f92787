// An organizer's live dashboard for one event: capacity per tier, sales over time, check-ins, status steps,
// and editing of the event and its tiers.
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { h, replace, $, guidParam } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { money, number, dateTime, statusLabel } from '../format.js';
import { connectLive } from '../live.js';
import { isAdmin } from '../session.js';
import { drawSalesChart } from '../chart.js';
import { mountOrdersPanel } from '../orders-panel.js';
import { mountStaffPanel } from '../staff-panel.js';
import { mountAllocationsPanel } from '../allocations-panel.js';
import { mountWaitingRoomPanel } from '../waiting-room-panel.js';
import { eventFields, readEvent, tierFields, readTier, showFieldErrors, clearFieldErrors, setDescription } from '../forms.js';

/** Points kept for the chart (older ones are dropped first). */
const MAX_CHART_POINTS = 500;
/** How often the chart's right edge moves on to "now" (ms). */
const CHART_REFRESH_MS = 10_000;
/** Check-ins are counted by the check-in API; the dashboard asks again this often when the hub does not say (ms). */
const CHECKINS_POLL_MS = 10_000;
/** How often the tier table asks again how many people wait for each tier (ms). */
const WAITLISTS_POLL_MS = 30_000;
const EDITABLE = ['draft', 'revision'];
const FINAL = ['completed', 'cancelled'];

/** The status steps an organizer (or admin) can take from each status, as the server's lifecycle allows. */
const STEPS = {
  draft: [{ to: 'review', key: 'dashboard.submitReview' }],
  review: [{ to: 'published', key: 'dashboard.publish', admin: true }, { to: 'revision', key: 'dashboard.sendBack', admin: true }],
  revision: [{ to: 'review', key: 'dashboard.submitReview' }],
  published: [{ to: 'on_sale', key: 'dashboard.openSales' }],
  on_sale: [{ to: 'in_progress', key: 'dashboard.start' }],
  sold_out: [{ to: 'in_progress', key: 'dashboard.start' }],
  in_progress: [{ to: 'completed', key: 'dashboard.complete' }],
};

const eventId = guidParam('id');
const state = { event: null, status: null, counters: new Map(), waitlists: new Map(), checkIns: null, points: [], editingTier: null, confirmCancel: false };
const historyKey = `fashionistas.sales.${eventId}`;

if (initPage({ page: 'organizer', requires: 'organizer' }) !== undefined) {
  onLangChange(renderAll);
  start();
}

async function start() {
  if (!eventId) return showProblem(t('event.notFound'));
  try {
    const [event, availability] = await Promise.all([api(`/api/events/${eventId}`), api(`/api/events/${eventId}/availability`)]);
    state.event = event;
    state.status = availability.status;
    applyAvailability(availability.ticketTypes, null);
  } catch (error) {
    return showProblem(error instanceof ApiError && error.status === 404 ? t('event.notFound') : describeError(error), true);
  }
  loadHistory();
  recordPoint(Date.now());
  renderAll();
  $('#dash-body').hidden = false;
  $('#dash-head').setAttribute('aria-busy', 'false');

  state.orders = mountOrdersPanel(eventId);
  state.staff = mountStaffPanel(eventId);
  state.allocations = mountAllocationsPanel(eventId, () => state.event.ticketTypes);
  state.room = mountWaitingRoomPanel(eventId);
  refreshCheckIns();
  refreshWaitlists();
  setInterval(() => { if (state.checkInsFromHub !== true) refreshCheckIns(); }, CHECKINS_POLL_MS);
  setInterval(refreshWaitlists, WAITLISTS_POLL_MS);
  setInterval(renderChart, CHART_REFRESH_MS);
  addEventListener('resize', renderChart);

  connectLive({
    join: [['JoinEvent', eventId], ['JoinDashboard', eventId]],
    on: {
      dashboard: onDashboard,
      availability: (m) => { if (m.eventId === eventId) { applyAvailability([m], m.at); afterCounters(); state.allocations?.changed(); } },
      eventStatus: (m) => { if (m.eventId === eventId) { state.status = m.status; renderHead(); renderStatus(); renderDetails(); } },
    },
    poll: poll,
    indicator: $('#live'),
  });
}

function showProblem(message, retry = false) {
  replace($('#dash-head'), h('div', { class: 'card empty', role: 'alert' }, h('p', {}, message),
    retry ? h('button', { type: 'button', class: 'btn', onclick: start }, t('common.retry')) : h('a', { class: 'btn', href: '/organizer.html' }, t('nav.organizer'))));
}

async function poll() {
  const availability = await api(`/api/events/${eventId}/availability`, { retryBusy: false });
  if (availability.status !== state.status) {
    state.status = availability.status;
    renderHead();
    renderStatus();
  }
  applyAvailability(availability.ticketTypes, null);
  afterCounters();
  state.allocations?.changed();
  refreshCheckIns();
}

function onDashboard(message) {
  if (message.eventId !== eventId) return;
  applyAvailability(message.ticketTypes ?? [], message.at);
  if (message.checkIns != null) {
    state.checkIns = message.checkIns;
    state.checkInsFromHub = true;
  }
  afterCounters();
}

/** at: the commit time of pushed counters (pushes may arrive out of order), null for counters read over HTTP. */
function applyAvailability(tiers, at) {
  for (const c of tiers) {
    const id = c.ticketTypeId ?? c.id;
    const known = state.counters.get(id);
    if (known?.at && at && Date.parse(at) < Date.parse(known.at)) continue;
    state.counters.set(id, { capacity: c.capacity, available: c.available, held: c.held, sold: c.sold, at });
  }
}

function totals() {
  let sold = 0, held = 0, available = 0;
  for (const c of state.counters.values()) {
    sold += c.sold;
    held += c.held;
    available += c.available;
  }
  return { sold, held, available };
}

// The chart is drawn on this browser's clock (the moment a change arrived), so it never runs ahead of "now".
function afterCounters() {
  recordPoint(Date.now());
  renderStats();
  renderBars();
  renderChart();
}

function loadHistory() {
  try {
    state.points = JSON.parse(sessionStorage.getItem(historyKey) ?? '[]').filter((p) => Number.isFinite(p.at) && Number.isFinite(p.sold));
  } catch {
    state.points = [];
  }
}

function recordPoint(at) {
  const { sold } = totals();
  const last = state.points.at(-1);
  if (last && last.sold === sold) return;
  state.points.push({ at: last && at < last.at ? last.at : at, sold });
  if (state.points.length > MAX_CHART_POINTS) state.points.splice(0, state.points.length - MAX_CHART_POINTS);
  sessionStorage.setItem(historyKey, JSON.stringify(state.points));
}

async function refreshCheckIns() {
  try {
    const summary = await api(`/api/events/${eventId}/check-ins/summary`, { retryBusy: false });
    state.checkIns = summary.checkedIn;
    renderStats();
  } catch {
    // The count stays as it was; the live indicator already tells when the server is unreachable.
  }
}

async function refreshWaitlists() {
  try {
    const tiers = await api(`/api/events/${eventId}/waitlists`, { retryBusy: false });
    state.waitlists = new Map(tiers.map((w) => [w.ticketTypeId, w]));
    renderTierTable();
  } catch {
    // The table keeps the counts it had; they are a courtesy, not the sale.
  }
}

function waitlistLabel(tierId) {
  const line = state.waitlists.get(tierId);
  if (!line || line.waiting === 0) return '—';
  return t('dashboard.waitlistCount', { waiting: number(line.waiting), notified: number(line.notified) });
}

function renderAll() {
  if (!state.event) return;
  renderHead();
  renderStatus();
  renderStats();
  renderBars();
  renderChart();
  renderTierTable();
  renderTierForm();
  state.orders?.render();
  state.staff?.render();
  state.allocations?.render();
  state.room?.render();
  renderDetails();
}

function renderHead() {
  const e = state.event;
  document.title = `${e.name} · ${t('dashboard.pageTitle')}`;
  replace($('#dash-head'),
    h('p', { style: 'margin:0' }, h('a', { href: '/organizer.html' }, `← ${t('nav.organizer')}`)),
    h('h1', {}, e.name),
    h('div', { class: 'meta' },
      h('span', {}, dateTime(e.startsAt)),
      h('span', {}, e.venue),
      h('span', { id: 'event-status', class: `badge ${state.status}` }, statusLabel(state.status))),
    h('div', { class: 'actions', style: 'margin-top:10px' },
      h('a', { class: 'btn small ghost', href: `/event.html?id=${e.id}` }, t('dashboard.publicPage')),
      h('a', { class: 'btn small', href: `/checkin.html?id=${e.id}` }, t('organizer.door'))));
}

function renderStatus() {
  const steps = (STEPS[state.status] ?? []).filter((s) => !s.admin || isAdmin());
  const buttons = steps.map((s) => h('button', { type: 'button', class: 'btn primary', dataset: { to: s.to }, onclick: () => transition(s.to) }, t(s.key)));
  if (state.status === 'review' && !isAdmin()) buttons.push(h('span', { class: 'muted' }, t('dashboard.waitingReview')));
  if (!FINAL.includes(state.status)) {
    buttons.push(state.confirmCancel
      ? h('span', { class: 'actions' }, h('span', {}, t('dashboard.cancelSure')),
        h('button', { type: 'button', class: 'btn danger', dataset: { to: 'cancelled' }, onclick: () => transition('cancelled') }, t('dashboard.cancelYes')),
        h('button', { type: 'button', class: 'btn ghost', onclick: () => { state.confirmCancel = false; renderStatus(); } }, t('dashboard.cancelNo')))
      : h('button', { type: 'button', class: 'btn danger', onclick: () => { state.confirmCancel = true; renderStatus(); } }, t('dashboard.cancel')));
  }
  replace($('#status-actions'), buttons);
}

async function transition(to) {
  $('#status-error').textContent = '';
  for (const b of document.querySelectorAll('#status-actions button')) b.disabled = true;
  try {
    const updated = await api(`/api/events/${eventId}/status`, { method: 'POST', body: { status: to, reason: null } });
    state.event = updated;
    state.status = updated.status;
    state.confirmCancel = false;
    renderHead();
    renderDetails();
  } catch (error) {
    $('#status-error').textContent = describeError(error);
  }
  renderStatus();
}

function renderStats() {
  const { sold, held, available } = totals();
  $('#stat-sold').textContent = number(sold);
  $('#stat-held').textContent = number(held);
  $('#stat-available').textContent = number(available);
  $('#stat-checkins').textContent = state.checkIns == null ? '—' : number(state.checkIns);
}

function renderBars() {
  const bars = (state.event?.ticketTypes ?? []).map((tier) => {
    const c = state.counters.get(tier.id) ?? { capacity: tier.capacity, sold: 0, held: 0, available: tier.capacity };
    const pct = (n) => `${c.capacity > 0 ? (100 * n) / c.capacity : 0}%`;
    return h('div', { class: 'tier-bar', dataset: { tierId: tier.id, sold: c.sold, held: c.held, available: c.available } },
      h('div', { class: 'numbers' }, h('strong', {}, tier.name),
        h('span', {}, t('dashboard.barNumbers', { sold: number(c.sold), held: number(c.held), available: number(c.available), capacity: number(c.capacity) }))),
      h('div', { class: 'meter big', role: 'img', 'aria-label': t('event.meterLabel', { sold: c.sold, held: c.held, available: c.available }) },
        h('span', { class: 'sold', style: `width:${pct(c.sold)}` }),
        h('span', { class: 'held', style: `width:${pct(c.held)}` }),
        h('span', { class: 'free', style: `width:${pct(c.available)}` })));
  });
  replace($('#tier-bars'), bars.length ? bars : h('p', { class: 'muted' }, t('event.noTiers')));
}

function renderChart() {
  const last = state.points.at(-1);
  drawSalesChart($('#sales-chart'), state.points, Date.now(),
    t('dashboard.chartLabel', { sold: last ? last.sold : 0 }));
}

function renderTierTable() {
  const tiers = state.event.ticketTypes;
  if (tiers.length === 0) {
    replace($('#tier-table'), h('p', { class: 'empty' }, t('event.noTiers')));
    return;
  }
  replace($('#tier-table'), h('table', { class: 'stack' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('form.tierName')), h('th', { scope: 'col', class: 'num' }, t('form.price')),
      h('th', { scope: 'col', class: 'num' }, t('form.capacity')), h('th', { scope: 'col' }, t('dashboard.perks')),
      h('th', { scope: 'col' }, t('dashboard.waitlist')),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('organizer.actions'))))),
    h('tbody', {}, tiers.map((tier) => h('tr', { dataset: { tierId: tier.id } },
      h('td', { 'data-label': t('form.tierName') }, tier.name),
      h('td', { class: 'num', 'data-label': t('form.price') }, money(tier.price)),
      h('td', { class: 'num', 'data-label': t('form.capacity') }, number(tier.capacity)),
      h('td', { 'data-label': t('dashboard.perks') }, [
        tier.earlyBirdPrice != null ? t('dashboard.earlyBirdShort', { price: money(tier.earlyBirdPrice) }) : null,
        tier.groupDiscountThreshold ? t('event.groupDiscount', { percent: tier.groupDiscountPercentage, threshold: tier.groupDiscountThreshold }) : null,
      ].filter(Boolean).join(' · ') || '—'),
      h('td', { 'data-label': t('dashboard.waitlist'), class: 'waitlist-count' }, waitlistLabel(tier.id)),
      h('td', { 'data-label': '' }, h('button', { type: 'button', class: 'btn small ghost', onclick: () => editTier(tier) }, t('dashboard.edit'))))))));
}

function editTier(tier) {
  state.editingTier = tier;
  renderTierForm();
  $('#tier-form input').focus();
}

function renderTierForm() {
  const tier = state.editingTier;
  $('#tier-form-heading').textContent = tier ? t('dashboard.editTier', { name: tier.name }) : t('dashboard.addTier');
  const form = $('#tier-form');
  replace(form, ...tierFields('tier', tier ?? {}),
    h('p', { class: 'form-error', role: 'alert', id: 'tier-error' }),
    h('p', { class: 'form-ok', role: 'status', id: 'tier-ok' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'btn primary' }, tier ? t('dashboard.saveTier') : t('dashboard.addTierButton')),
      tier ? h('button', { type: 'button', class: 'btn ghost', onclick: () => { state.editingTier = null; renderTierForm(); } }, t('common.cancel')) : null));
  setDescription(form, 'tier', tier?.description);
  form.onsubmit = saveTier;
}

async function saveTier(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearFieldErrors(form);
  $('#tier-error').textContent = '';
  const editing = state.editingTier;
  try {
    const saved = await api(editing ? `/api/events/${eventId}/ticket-types/${editing.id}` : `/api/events/${eventId}/ticket-types`,
      { method: editing ? 'PUT' : 'POST', body: readTier(form, 'tier') });
    state.event = await api(`/api/events/${eventId}`);
    state.editingTier = null;
    if (!state.counters.has(saved.id)) state.counters.set(saved.id, { capacity: saved.capacity, sold: 0, held: 0, available: saved.capacity, at: null });
    renderTierTable();
    renderBars();
    renderStats();
    renderTierForm();
    $('#tier-ok').textContent = t('dashboard.tierSaved', { name: saved.name });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 400 && showFieldErrors(form, 'tier', error.fieldErrors))) {
      $('#tier-error').textContent = describeError(error);
    }
  }
}

function renderDetails() {
  const editable = EDITABLE.includes(state.status);
  $('#details-locked').hidden = editable;
  const form = $('#details-form');
  replace(form, h('fieldset', { disabled: !editable, style: 'border:0;padding:0;display:grid;gap:12px' },
    h('legend', { class: 'visually-hidden' }, t('dashboard.detailsHeading')),
    ...eventFields('details', state.event),
    h('p', { class: 'form-error', role: 'alert', id: 'details-error' }),
    h('p', { class: 'form-ok', role: 'status', id: 'details-ok' }),
    h('div', {}, h('button', { type: 'submit', class: 'btn primary' }, t('dashboard.saveDetails')))));
  setDescription(form, 'details', state.event.description);
  form.onsubmit = saveDetails;
}

async function saveDetails(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearFieldErrors(form);
  try {
    state.event = await api(`/api/events/${eventId}`, { method: 'PUT', body: readEvent(form, 'details') });
    renderHead();
    $('#details-ok').textContent = t('dashboard.detailsSaved');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 400 && showFieldErrors(form, 'details', error.fieldErrors))) {
      $('#details-error').textContent = describeError(error);
    }
  }
}
