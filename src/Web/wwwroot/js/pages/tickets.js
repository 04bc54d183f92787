// My tickets (QR codes, transfer) and my orders with their status.
import { initPage } from '../layout.js';
import { api, describeError, ApiError } from '../api.js';
import { h, replace, $ } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { money, dateShort } from '../format.js';
import { renderTickets } from '../tickets-view.js';
import { renderMyWaitlist } from '../waitlist-view.js';

const data = { tickets: null, orders: null, waitlist: null };
/** Orders that still await payment and may be cancelled by the buyer. */
const CANCELLABLE = ['pending_payment', 'failed'];
/** After a transfer, the list reloads (the old ticket is gone) once the person has read the confirmation (ms). */
const TRANSFER_RELOAD_MS = 2500;

if (initPage({ page: 'tickets', requires: 'account' }) !== undefined) {
  onLangChange(render);
  load();
}

/** A list answer, bare or wrapped in {items}. */
const listOf = (payload) => (Array.isArray(payload) ? payload : payload?.items ?? []);

async function load() {
  const [tickets, orders, waitlist] = await Promise.allSettled(
    [api('/api/me/tickets'), api('/api/me/orders'), api('/api/me/waitlist')]);
  data.tickets = tickets.status === 'fulfilled' ? listOf(tickets.value) : tickets.reason;
  data.orders = orders.status === 'fulfilled' ? listOf(orders.value) : orders.reason;
  data.waitlist = waitlist.status === 'fulfilled' ? listOf(waitlist.value) : waitlist.reason;
  render();
}

function failure(error) {
  return h('div', { class: 'empty', role: 'alert' }, h('p', {}, describeError(error)),
    h('button', { type: 'button', class: 'btn', onclick: load }, t('common.retry')));
}

function render() {
  const tickets = $('#tickets');
  tickets.setAttribute('aria-busy', 'false');
  if (data.tickets instanceof Error) replace(tickets, failure(data.tickets));
  else if (data.tickets.length === 0) {
    replace(tickets, h('div', { class: 'card empty' }, h('p', {}, t('tickets.none')), h('a', { class: 'btn primary', href: '/' }, t('nav.events'))));
  } else renderTickets(tickets, data.tickets, { transfer: true, onChanged: () => setTimeout(load, 1500) });

  const waitlist = $('#waitlist');
  waitlist.setAttribute('aria-busy', 'false');
  if (data.waitlist instanceof Error) replace(waitlist, failure(data.waitlist));
  else renderMyWaitlist(waitlist, data.waitlist);

  const orders = $('#orders');
  orders.setAttribute('aria-busy', 'false');
  if (data.orders instanceof Error) replace(orders, failure(data.orders));
  else if (data.orders.length === 0) replace(orders, h('p', { class: 'empty' }, t('orders.none')));
  else {
    replace(orders, h('table', { class: 'stack' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('orders.date')), h('th', { scope: 'col' }, t('orders.event')),
        h('th', { scope: 'col', class: 'num' }, t('orders.tickets')), h('th', { scope: 'col', class: 'num' }, t('orders.total')),
        h('th', { scope: 'col' }, t('orders.status')))),
      h('tbody', {}, data.orders.map((o) => {
        const status = String(o.status ?? '').toLowerCase();
        return h('tr', { dataset: { orderId: o.orderId } },
          h('td', { 'data-label': t('orders.date') }, dateShort(o.createdAt)),
          h('td', { 'data-label': t('orders.event') }, `${o.eventName} · ${o.ticketTypeName}`),
          h('td', { class: 'num', 'data-label': t('orders.tickets') }, o.quantity),
          h('td', { class: 'num', 'data-label': t('orders.total') }, money(o.total)),
          h('td', { 'data-label': t('orders.status') }, h('span', { class: `badge order-status ${status}` }, t(`orderStatus.${status}`)),
            CANCELLABLE.includes(status) ? cancelControl(o) : null));
      }))));
  }
}

/** "Cancelar pedido" for an order awaiting payment: its seats are released at once; the list then reloads. */
function cancelControl(order) {
  const message = h('p', { class: 'form-error', role: 'alert' });
  const button = h('button', {
    type: 'button', class: 'btn small ghost', dataset: { action: 'cancel-order' },
    onclick: async () => {
      button.disabled = true;
      button.textContent = t('orders.cancelling');
      message.textContent = '';
      try {
        await api(`/api/orders/${order.orderId}/cancel`, { method: 'POST' });
        message.className = 'form-ok';
        message.setAttribute('role', 'status');
        message.textContent = t('orders.cancelDone');
        setTimeout(load, 1500);
      } catch (error) {
        message.textContent = error instanceof ApiError && error.status === 409 ? t('orders.cancelTooLate') : describeError(error);
        button.disabled = false;
        button.textContent = t('orders.cancel');
      }
    },
  }, t('orders.cancel'));
  return h('div', { class: 'order-actions' }, button, message);
}
