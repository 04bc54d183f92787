// Waitlists of sold-out tiers: the event page's join / "you are number N" / leave control, and the list on "Mis boletas".
import { api, ApiError, describeError } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { dateShort } from './format.js';
import { currentSession, loginUrl } from './session.js';

/** ticketTypeId → my entry ({position, joinedAt, notifiedAt, ...}) on this page's tiers. */
const mine = new Map();

/** Loads my waitlist places (none when signed out); call before the tiers render their controls. */
export async function loadMyWaitlist() {
  mine.clear();
  if (!currentSession()) return [];
  const entries = await api('/api/me/waitlist');
  for (const entry of entries) mine.set(entry.ticketTypeId, entry);
  return entries;
}

/**
 * Fills a tier card's waitlist slot. canJoin: the tier is sold out while the event sells. My place stays visible
 * (with its leave button) whatever the seats do, so I can see when I have been told.
 */
export function renderWaitlistControl(slot, tierId, { canJoin, onChange }) {
  if (!slot) return;
  const entry = mine.get(tierId);
  if (entry) {
    if (slot.dataset.state === `on-${entry.position}-${Boolean(entry.notifiedAt)}`) return;
    slot.dataset.state = `on-${entry.position}-${Boolean(entry.notifiedAt)}`;
    const message = h('p', { class: 'form-error', role: 'alert', 'data-part': 'waitlist-error' });
    replace(slot,
      h('p', { class: 'waitlist-place', role: 'status', style: 'margin:0' },
        t('waitlist.onList', { position: entry.position }),
        entry.notifiedAt ? h('strong', {}, ' ', t('waitlist.notified')) : null),
      h('button', {
        type: 'button', class: 'btn small ghost', dataset: { action: 'leave-waitlist' },
        onclick: async (click) => {
          click.currentTarget.disabled = true;
          try {
            await api(`/api/ticket-types/${tierId}/waitlist`, { method: 'DELETE' });
          } catch (error) {
            if (!(error instanceof ApiError) || error.status !== 404) {
              click.currentTarget.disabled = false;
              message.textContent = describeError(error);
              return;
            }
          }
          mine.delete(tierId);
          onChange?.();
        },
      }, t('waitlist.leave')),
      message);
    return;
  }

  if (!canJoin) {
    slot.dataset.state = 'none';
    replace(slot);
    return;
  }

  if (!currentSession()) {
    if (slot.dataset.state === 'sign-in') return;
    slot.dataset.state = 'sign-in';
    replace(slot, h('a', { class: 'btn small', href: loginUrl(), dataset: { action: 'sign-in-waitlist' } }, t('waitlist.signIn')));
    return;
  }

  if (slot.dataset.state === 'join') return;
  slot.dataset.state = 'join';
  const message = h('p', { class: 'form-error', role: 'alert', 'data-part': 'waitlist-error' });
  replace(slot,
    h('button', {
      type: 'button', class: 'btn small', dataset: { action: 'join-waitlist' },
      onclick: async (click) => {
        const button = click.currentTarget;
        button.disabled = true;
        message.textContent = '';
        try {
          const joined = await api(`/api/ticket-types/${tierId}/waitlist`, { method: 'POST' });
          mine.set(tierId, joined);
          onChange?.();
        } catch (error) {
          button.disabled = false;
          if (error instanceof ApiError && error.status === 401) {
            location.href = loginUrl();
            return;
          }
          message.textContent = joinRefusal(error);
        }
      },
    }, t('waitlist.join')),
    message);
}

function joinRefusal(error) {
  if (error instanceof ApiError && error.status === 409) {
    const title = error.problem.title;
    if (title === 'Seats are available: buy instead.') return t('waitlist.buyInstead');
    if (title === 'The waitlist is full.') return t('waitlist.full');
    if (title === 'The event is not on sale.') return t('hold.notOnSale');
  }
  return describeError(error);
}

/** The "Mis boletas" section: my places, each with a link to its event. */
export function renderMyWaitlist(container, entries) {
  if (entries.length === 0) {
    replace(container, h('p', { class: 'empty' }, t('waitlist.none')));
    return;
  }
  replace(container, h('ul', { class: 'waitlist-list' }, entries.map((e) =>
    h('li', { dataset: { ticketTypeId: e.ticketTypeId } },
      h('a', { href: `/event.html?id=${e.eventId}` }, `${e.eventName} · ${e.ticketTypeName}`),
      ' · ', dateShort(e.eventStartsAt), ' · ',
      h('strong', {}, t('waitlist.position', { position: e.position })),
      e.notifiedAt ? h('span', { class: 'badge on_sale' }, t('waitlist.notifiedShort')) : null))));
}
