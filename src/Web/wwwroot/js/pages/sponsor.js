// A sponsor's own page: the events they sponsor, what each package promised and delivered, and placement views.
import '../fashion-i18n.js';
import { initPage } from '../layout.js';
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { dateShort, money, number } from '../format.js';
import { statusBadge, pageRoot, showLoadError } from '../fashion-ui.js';

let figures = null;

if (initPage({ page: 'sponsor', requires: 'sponsor' }) !== undefined) {
  onLangChange(render);
  load();
}

async function load() {
  try {
    figures = await api('/api/me/sponsor/figures');
    render();
  } catch (error) {
    if (error.status === 404) {
      replace(pageRoot(), h('h1', {}, t('sponsorPage.heading')), h('p', { class: 'card empty' }, t('sponsorPage.notLinked')));
      return;
    }
    showLoadError(error, load);
  }
}

function render() {
  if (!figures) return;
  replace(pageRoot(),
    h('h1', {}, figures.sponsor.name),
    h('p', { class: 'lede' }, t('sponsorPage.lede')),
    figures.events.length === 0
      ? h('p', { class: 'card empty' }, t('sponsorPage.none'))
      : figures.events.map((e) => h('section', { class: 'card', dataset: { eventId: e.eventId } },
        h('h2', {}, h('a', { href: `/event.html?id=${e.eventId}` }, e.eventName)),
        h('p', { class: 'where' }, `${dateShort(e.startsAt)} · ${t(`lineup.tier.${e.tier}`)} · ${money(e.contribution)}`),
        h('div', { class: 'stats' },
          h('div', { class: 'stat' }, h('span', { class: 'value placement-views' }, number(e.placementViews)), h('span', { class: 'label' }, t('sponsorPage.views')))),
        h('h3', {}, t('sponsorPage.benefits')),
        e.benefits.length === 0 ? h('p', { class: 'muted' }, t('sponsorPage.noBenefits')) : h('ul', { class: 'staff' }, e.benefits.map((b) =>
          h('li', { dataset: { benefitId: b.id } }, h('span', {}, `${t(`benefit.${b.kind}`)}: ${b.description} `),
            statusBadge(b.deliveredAt ? 'delivered' : 'pending')))))),
    h('p', { class: 'muted' }, t('sponsorPage.checkInsNote')));
}
