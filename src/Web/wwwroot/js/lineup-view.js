// The show lineup of an event (designers' collections, models, sponsors), for the event page.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';

/** Loads and renders the lineup into `section`; hides it when the event has nobody in its show. */
export async function renderLineup(section, eventId) {
  let lineup;
  try {
    lineup = await api(`/api/events/${eventId}/lineup`);
  } catch {
    section.hidden = true;
    return;
  }
  const empty = lineup.shows.length === 0 && lineup.models.length === 0 && lineup.sponsors.length === 0;
  section.hidden = empty;
  if (empty) return;
  replace(section,
    h('h2', { id: 'lineup-heading' }, t('lineup.heading')),
    lineup.shows.length === 0 ? null : h('div', {},
      h('h3', {}, t('lineup.shows')),
      h('ul', {}, lineup.shows.map((show) => h('li', { dataset: { collectionId: show.collectionId } },
        h('a', { href: `/designers.html?id=${show.designerId}` }, show.brandName), ' — ', show.collectionName,
        show.season ? ` (${show.season})` : null)))),
    lineup.models.length === 0 ? null : h('div', {},
      h('h3', {}, t('lineup.models')),
      h('p', {}, lineup.models.map((m) => m.displayName).join(' · '))),
    lineup.sponsors.length === 0 ? null : h('div', {},
      h('h3', {}, t('lineup.sponsors')),
      h('ul', {}, lineup.sponsors.map((s) => h('li', {}, s.name, ' ', h('span', { class: 'badge' }, t(`lineup.tier.${s.tier}`)))))));
}
