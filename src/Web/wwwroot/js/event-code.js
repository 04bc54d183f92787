// The event page's code field: checks a promo or presale code and tells the page what it gives (discount, presale,
// hidden tiers it opens). The hold carries the code; the server prices and counts it.
import './codes-i18n.js';
import { api, ApiError, describeError } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { money } from './format.js';
import { currentSession, loginUrl } from './session.js';

/**
 * Renders the form into `container`. `onChange(code)` gets {code, percentOff, amountOff, opensPresale, tiers: Map(id →
 * {ticketType, available, unitPrice})} once a code is accepted, and null when it is removed.
 */
export function mountCodeForm(container, eventId, onChange) {
  let applied = null;
  const input = h('input', { id: 'code-input', name: 'code', autocomplete: 'off', maxlength: 40, 'aria-describedby': 'code-message' });
  const message = h('p', { id: 'code-message', role: 'status', 'aria-live': 'polite', style: 'margin:0' });

  async function apply(event) {
    event.preventDefault();
    const code = input.value.trim();
    if (!code) return;
    if (!currentSession()) {
      message.replaceChildren(h('a', { href: loginUrl() }, t('code.signIn')));
      return;
    }
    try {
      const answer = await api(`/api/events/${eventId}/code-check?code=${encodeURIComponent(code)}`);
      applied = { ...answer, typed: code, tiers: new Map(answer.ticketTypes.map((x) => [x.ticketType.id, x])) };
      message.className = 'perk';
      message.textContent = describe(applied);
      onChange(applied);
    } catch (error) {
      message.className = 'form-error';
      message.textContent = error instanceof ApiError && error.status === 404 ? t('code.notFound')
        : error instanceof ApiError && error.status === 409 ? t('code.refused', { reason: error.problem.detail ?? '' })
        : describeError(error);
    }
  }

  function remove() {
    applied = null;
    input.value = '';
    message.textContent = '';
    onChange(null);
  }

  function render() {
    replace(container, h('form', { class: 'code-form', onsubmit: apply },
      h('div', { class: 'field' }, h('label', { for: 'code-input' }, t('code.label')), input),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'btn' }, t('code.apply')),
        h('button', { type: 'button', class: 'btn ghost', onclick: remove }, t('code.remove'))),
      message));
    if (applied) message.textContent = describe(applied);
  }

  render();
  return { render };
}

function describe(code) {
  const parts = [t('code.applied', { code: code.code })];
  if (code.percentOff) parts.push(t('code.percent', { percent: code.percentOff }));
  if (code.amountOff) parts.push(t('code.amount', { amount: money(code.amountOff) }));
  if (code.opensPresale) parts.push(t('code.presale'));
  const hidden = [...code.tiers.values()].filter((x) => x.ticketType.hidden).map((x) => x.ticketType.name);
  if (hidden.length) parts.push(t('code.revealed', { tiers: hidden.join(', ') }));
  return parts.join(' · ');
}
