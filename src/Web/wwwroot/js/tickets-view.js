// Tickets with their QR codes: shown after a purchase and on "my tickets".
import { h, replace } from './dom.js';
import { api, imageUrl, describeError, ApiError } from './api.js';
import { t } from './i18n.js';
import { groupedCode, dateShort } from './format.js';

/** Statuses in which a ticket still admits someone (and so can be transferred). */
const USABLE = ['valid', 'issued', 'active'];

/**
 * renderTickets(container, tickets, { transfer: bool, onChanged: fn })
 * A ticket is {code, ticketId?, eventName?, ticketTypeName?|ticketType?, status?, startsAt?, venue?}.
 */
export function renderTickets(container, tickets, { transfer = false, onChanged = null } = {}) {
  replace(container, tickets.map((ticket) => renderTicket(ticket, { transfer, onChanged })));
}

function renderTicket(ticket, { transfer, onChanged }) {
  const code = ticket.code;
  const status = String(ticket.status ?? 'valid').toLowerCase();
  const title = [ticket.eventName, ticket.ticketTypeName ?? ticket.ticketType].filter(Boolean).join(' · ');
  const img = h('img', { class: 'qr', width: 170, height: 170, alt: t('tickets.qrAlt', { code: groupedCode(code) }) });
  loadQr(img, code);
  return h('article', { class: 'card ticket', dataset: { code, status } },
    img,
    h('div', {},
      title ? h('h3', {}, title) : null,
      ticket.startsAt ? h('p', { class: 'muted', style: 'margin:0' }, [dateShort(ticket.startsAt), ticket.venue].filter(Boolean).join(' · ')) : null,
      h('p', { class: 'code', style: 'margin:4px 0' }, groupedCode(code)),
      h('span', { class: `badge ticket-status ${status}` }, t(`ticketStatus.${status}`)),
      ticket.checkedInAt ? h('p', { class: 'muted' }, t('tickets.checkedInAt', { date: dateShort(ticket.checkedInAt) })) : null,
      transfer && USABLE.includes(status) ? transferForm(code, onChanged) : null));
}

async function loadQr(img, code) {
  try {
    img.src = await imageUrl(`/api/tickets/${encodeURIComponent(code)}/qr.png`);
    img.addEventListener('load', () => URL.revokeObjectURL(img.src), { once: true });
  } catch {
    img.alt = t('tickets.qrFailed', { code: groupedCode(code) });
  }
}

function transferForm(code, onChanged) {
  const id = `transfer-${code}`;
  const message = h('p', { class: 'form-error', role: 'alert' });
  const ok = h('p', { class: 'form-ok', role: 'status' });
  const email = h('input', { id, type: 'email', name: 'email', required: true, autocomplete: 'off', placeholder: t('tickets.transferPlaceholder') });
  const details = h('details', {},
    h('summary', {}, t('tickets.transfer')),
    h('form', {
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        message.textContent = '';
        ok.textContent = '';
        if (!email.value || !email.checkValidity()) {
          message.textContent = t('form.emailInvalid');
          email.setAttribute('aria-invalid', 'true');
          return;
        }
        try {
          await api(`/api/tickets/${encodeURIComponent(code)}/transfer`, { method: 'POST', body: { email: email.value.trim() } });
          ok.textContent = t('tickets.transferred', { email: email.value.trim() });
          onChanged?.();
        } catch (error) {
          message.textContent = error instanceof ApiError && error.status === 404 ? t('tickets.transferNoUser') : describeError(error);
        }
      },
    },
    h('div', { class: 'field' }, h('label', { for: id }, t('tickets.transferTo')), email),
    h('button', { type: 'submit', class: 'btn small' }, t('tickets.transferButton')),
    message, ok));
  return details;
}
