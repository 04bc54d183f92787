// Tickets with their QR codes: shown after a purchase and on "my tickets".
import { h, replace } from './dom.js';
import { api, imageUrl, describeError, ApiError } from './api.js';
import { t } from './i18n.js';
import { groupedCode, dateShort } from './format.js';
import './i18n-multitier.js';


/**
 * renderTickets(container, tickets, { transfer: bool, onChanged: fn })
 * A ticket is {code, qrUrl?, ticketId?, eventName?, ticketTypeName?, status?, checkedInAt?}.
 */
export function renderTickets(container, tickets, { transfer = false, onChanged = null } = {}) {
  replace(container, tickets.map((ticket) => renderTicket(ticket, { transfer, onChanged })));
}

function renderTicket(ticket, { transfer, onChanged }) {
  const code = ticket.code;
  // A valid ticket that went through the door is "used"; it stays valid in the API.
  const stored = String(ticket.status ?? 'valid').toLowerCase();
  const status = stored === 'valid' && ticket.checkedInAt ? 'checked_in' : stored;
  const title = [ticket.eventName, ticket.ticketTypeName].filter(Boolean).join(' · ');
  const img = h('img', { class: 'qr', width: 170, height: 170, alt: t('tickets.qrAlt', { code: groupedCode(code) }) });
  loadQr(img, ticket.qrUrl ?? `/api/tickets/${encodeURIComponent(code)}/qr.png`, code);
  return h('article', { class: 'card ticket', dataset: { code, status } },
    img,
    h('div', {},
      title ? h('h3', {}, title) : null,
      h('p', { class: 'code', style: 'margin:4px 0' }, groupedCode(code)),
      h('span', { class: `badge ticket-status ${status}` }, t(`ticketStatus.${status}`)),
      ticket.checkedInAt ? h('p', { class: 'muted' }, t('tickets.checkedInAt', { date: dateShort(ticket.checkedInAt) })) : null,
      ticket.attendeeName ? h('p', { class: 'attendee', 'data-part': 'attendee' }, t('attendee.shown', { name: ticket.attendeeName })) : null,
      transfer && status === 'valid' ? attendeeForm(ticket) : null,
      transfer && status === 'valid' ? transferForm(code, onChanged) : null));
}

/** The owner names who uses the ticket (and gives their document when the event asks; the server says when it does). */
function attendeeForm(ticket) {
  const code = ticket.code;
  const nameId = `attendee-${code}`;
  const documentId = `document-${code}`;
  const message = h('p', { class: 'form-error', role: 'alert' });
  const ok = h('p', { class: 'form-ok', role: 'status' });
  const name = h('input', { id: nameId, name: 'attendeeName', maxlength: 120, autocomplete: 'off', value: ticket.attendeeName ?? '' });
  const documentNumber = h('input', { id: documentId, name: 'attendeeDocument', maxlength: 30, autocomplete: 'off', value: ticket.attendeeDocument ?? '' });
  return h('details', {},
    h('summary', {}, t('attendee.edit')),
    h('form', {
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        message.textContent = '';
        ok.textContent = '';
        try {
          await api(`/api/tickets/${encodeURIComponent(code)}/attendee`, {
            method: 'PUT', body: { name: name.value, document: documentNumber.value || null },
          });
          ok.textContent = t('attendee.saved');
        } catch (error) {
          message.textContent = error instanceof ApiError && error.problem?.detail ? error.problem.detail : describeError(error);
        }
      },
    },
    h('div', { class: 'field' }, h('label', { for: nameId }, t('attendee.name')), name),
    h('div', { class: 'field' }, h('label', { for: documentId }, t('attendee.document')), documentNumber),
    h('button', { type: 'submit', class: 'btn small' }, t('attendee.save')),
    message, ok));
}

async function loadQr(img, url, code) {
  try {
    img.src = await imageUrl(url);
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
