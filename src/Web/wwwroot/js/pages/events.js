// The list of events anyone can buy tickets for: those not over yet, optionally matching a search.
import { initPage } from '../layout.js';
import { api, describeError } from '../api.js';
import { h, replace, $ } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { money, dateTime, statusLabel } from '../format.js';

/** Statuses shown to buyers (drafts and events under review are the organizer's business). */
const LISTED = ['published', 'on_sale', 'sold_out', 'in_progress'];
const PAGE_SIZE = 100;

initPage({ page: 'events' });
let events = null;
let searched = '';
onLangChange(render);
$('#event-search').onsubmit = (event) => {
  event.preventDefault();
  searched = $('#q').value.trim();
  load();
};
load();

async function load() {
  const list = $('#events');
  list.setAttribute('aria-busy', 'true');
  try {
    const params = new URLSearchParams({ upcoming: 'true', pageSize: String(PAGE_SIZE) });
    if (searched) params.set('q', searched);
    const page = await api(`/api/events?${params}`);
    events = page.items.filter((e) => LISTED.includes(e.status));
    render();
  } catch (error) {
    replace(list, h('div', { class: 'card empty', role: 'alert' },
      h('p', {}, describeError(error)),
      h('button', { type: 'button', class: 'btn', onclick: load }, t('common.retry'))));
  } finally {
    list.setAttribute('aria-busy', 'false');
  }
}

function render() {
  if (!events) return;
  const list = $('#events');
  if (events.length === 0) {
    replace(list, h('p', { class: 'card empty' }, searched ? t('events.noMatch', { q: searched }) : t('events.none')));
    return;
  }
  replace(list, events.map((e) => h('a', { class: 'card event-card', href: `/event.html?id=${e.id}`, dataset: { eventId: e.id } },
    h('span', { class: 'when' }, dateTime(e.startsAt)),
    h('h3', {}, e.name),
    h('span', { class: 'where' }, e.venue),
    h('span', {}, h('span', { class: `badge ${e.status}` }, statusLabel(e.status))),
    e.fromPrice != null ? h('span', { class: 'from' }, t('events.from', { price: money(e.fromPrice) })) : null)));
}
