// The show lineup of an event (designers' collections with some of their looks, models, sponsors), for the event page.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { mediaFigure } from './fashion-ui.js';

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
      h('div', { class: 'grid' }, lineup.shows.map((show) => h('div', { class: 'lineup-show', dataset: { collectionId: show.collectionId } },
        h('p', {}, h('a', { href: `/designers.html?id=${show.designerId}` }, show.brandName), ' — ', show.collectionName,
          show.season ? ` (${show.season})` : null),
        h('div', { class: 'looks' }))))),
    lineup.models.length === 0 ? null : h('div', {},
      h('h3', {}, t('lineup.models')),
      h('p', {}, lineup.models.map((m) => m.displayName).join(' · '))),
    lineup.sponsors.length === 0 ? null : h('div', {},
      h('h3', {}, t('lineup.sponsors')),
      h('ul', {}, lineup.sponsors.map((s) => h('li', { dataset: { sponsorId: s.sponsorId } }, s.name, ' ', h('span', { class: 'badge' }, t(`lineup.tier.${s.tier}`)))))));
  await Promise.all(lineup.shows.map((show) => renderLooks(section, show)));
}

/** Up to a few looks of a collection in the lineup (the designer's page has them all). */
async function renderLooks(section, show) {
  const MAX_LOOKS = 3;
  const looks = section.querySelector(`[data-collection-id="${show.collectionId}"] .looks`);
  try {
    const { images } = await api(`/api/collections/${show.collectionId}`);
    replace(looks, images.slice(0, MAX_LOOKS).map((image) => mediaFigure(image, show.collectionName)));
  } catch {
    // The lineup still reads without its pictures.
  }
}
