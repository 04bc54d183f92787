// The dashboard's order list: every order of the event with its buyer, filters by status and buyer, and the
// organizer's full refund (tickets void, seats back on sale, money back through the payment provider).
import { api, ApiError, describeError } from './api.js';
import { token } from './session.js';
import { h, replace, $ } from './dom.js';
import { t } from './i18n.js';
import { money, dateShort } from './format.js';
import { renderPager } from './pager.js';

const PAGE_SIZE = 20;
const STATUSES = ['paid', 'pending_payment', 'partially_refunded', 'refunded', 'failed', 'cancelled'];
const REFUNDABLE = ['paid', 'partially_refunded'];

/** Fills `root` (a section with #orders-filter, #orders-list, #orders-pages) for `eventId`. */
export function mountOrdersPanel(eventId) {
  const query = { status: '', search: '', page: 1 };
  let result = null;
  let refunding = null;

  renderFilter();
  $('#guest-list').onclick = downloadGuestList;
  load();
  return { refresh: load, render: () => { renderFilter(); render(); } };

  function renderFilter() {
    const form = $('#orders-filter');
    replace(form,
      h('div', { class: 'field' }, h('label', { for: 'orders-search' }, t('eventOrders.search')),
        h('input', { id: 'orders-search', type: 'search', maxlength: '100', value: query.search, autocomplete: 'off' })),
      h('div', { class: 'field' }, h('label', { for: 'orders-status' }, t('orders.status')),
        h('select', { id: 'orders-status' }, h('option', { value: '' }, t('eventOrders.anyStatus')),
          STATUSES.map((s) => h('option', { value: s, selected: query.status === s }, t(`orderStatus.${s}`))))),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn small' }, t('eventOrders.find'))));
    form.onsubmit = (event) => {
      event.preventDefault();
      query.search = $('#orders-search').value.trim();
      query.status = $('#orders-status').value;
      query.page = 1;
      load();
    };
  }

  async function load() {
    const params = new URLSearchParams({ page: String(query.page), pageSize: String(PAGE_SIZE) });
    if (query.status) params.set('status', query.status);
    if (query.search) params.set('search', query.search);
    $('#orders-list').setAttribute('aria-busy', 'true');
    try {
      result = await api(`/api/events/${eventId}/orders?${params}`);
    } catch (error) {
      result = error;
    }
    render();
  }

  function render() {
    const list = $('#orders-list');
    list.setAttribute('aria-busy', 'false');
    if (result === null) return;
    if (result instanceof Error) {
      replace(list, h('div', { class: 'empty', role: 'alert' }, h('p', {}, describeError(result)),
        h('button', { type: 'button', class: 'btn', onclick: load }, t('common.retry'))));
      replace($('#orders-pages'));
      return;
    }
    replace(list, result.items.length === 0
      ? h('p', { class: 'empty' }, t('eventOrders.none'))
      : h('table', { class: 'stack' },
        h('thead', {}, h('tr', {},
          ['eventOrders.buyer', 'eventOrders.tier', 'orders.tickets', 'orders.total', 'orders.status', 'orders.date']
            .map((key) => h('th', { scope: 'col' }, t(key))),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('organizer.actions'))))),
        h('tbody', {}, result.items.map(row))));
    renderPager($('#orders-pages'), result, (page) => { query.page = page; load(); });
  }

  function row(order) {
    const refunded = order.refundedAmount > 0 ? h('span', { class: 'muted' }, h('br'), t('eventOrders.refunded', { amount: money(order.refundedAmount) })) : null;
    return h('tr', { dataset: { orderId: order.orderId } },
      h('td', { 'data-label': t('eventOrders.buyer') }, h('span', {}, order.buyerName, h('br'), h('span', { class: 'muted' }, order.buyerEmail))),
      h('td', { 'data-label': t('eventOrders.tier') }, order.ticketTypeName),
      h('td', { 'data-label': t('orders.tickets') },
        t('eventOrders.ticketCount', { valid: order.validTickets, quantity: order.quantity, checkedIn: order.checkedIn })),
      h('td', { 'data-label': t('orders.total') }, h('span', {}, money(order.total), refunded)),
      h('td', { 'data-label': t('orders.status') }, h('span', { class: `badge ${order.status}` }, t(`orderStatus.${order.status}`))),
      h('td', { 'data-label': t('orders.date') }, dateShort(order.paidAt ?? order.createdAt)),
      h('td', { 'data-label': '' }, REFUNDABLE.includes(order.status) && order.validTickets > 0 ? refundCell(order) : null));
  }

  function refundCell(order) {
    if (refunding !== order.orderId) {
      return h('button', { type: 'button', class: 'btn small ghost', onclick: () => { refunding = order.orderId; render(); } }, t('eventOrders.refund'));
    }
    const reason = h('input', { type: 'text', maxlength: '500', 'aria-label': t('eventOrders.reason'), placeholder: t('eventOrders.reason') });
    const error = h('p', { class: 'form-error', role: 'alert' });
    const confirm = async () => {
      error.textContent = '';
      if (!reason.value.trim()) {
        error.textContent = t('eventOrders.reasonNeeded');
        return;
      }
      try {
        await api(`/api/orders/${order.orderId}/refund`, { method: 'POST', body: { reason: reason.value.trim() } });
        refunding = null;
        $('#orders-status-line').textContent = t('eventOrders.done', { name: order.buyerName });
        await load();
      } catch (failure) {
        error.textContent = describeError(failure);
      }
    };
    return h('div', { class: 'refund-confirm' }, reason,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn small danger', onclick: confirm }, t('eventOrders.confirmRefund', { amount: money(order.total - order.refundedAmount) })),
        h('button', { type: 'button', class: 'btn small ghost', onclick: () => { refunding = null; render(); } }, t('eventOrders.keep'))),
      error);
  }

  /** The CSV needs the bearer token, so it is fetched and handed to the browser as a file. */
  async function downloadGuestList() {
    const line = $('#orders-status-line');
    try {
      const response = await fetch(`/api/events/${eventId}/attendees.csv`, { headers: { Authorization: `Bearer ${token()}` } });
      if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
      const url = URL.createObjectURL(await response.blob());
      const link = h('a', { href: url, download: `asistentes-${eventId}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      line.textContent = t('eventOrders.guestListReady');
    } catch (error) {
      line.textContent = describeError(error);
    }
  }
}
