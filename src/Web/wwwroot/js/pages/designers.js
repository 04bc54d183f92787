// Designers: the public list, and one designer's profile with collections (designers.html?id=...).
import { initPage } from '../layout.js';
import { api, describeError } from '../api.js';
import { h, replace, $, guidParam } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { mediaFigure } from '../fashion-ui.js';
import { dateShort } from '../format.js';

const PAGE_SIZE = 100;

initPage({ page: 'designers' });
const designerId = guidParam('id');
let view = null;
onLangChange(render);
load();

async function load() {
  const root = $('#designers');
  root.setAttribute('aria-busy', 'true');
  try {
    if (designerId) {
      const designer = await api(`/api/designers/${designerId}`);
      const [collections, shows] = await Promise.all([
        Promise.all(designer.collections.map((c) => api(`/api/collections/${c.id}`))),
        api(`/api/designers/${designerId}/shows`)]);
      view = { designer, collections, shows };
    } else {
      view = { list: (await api(`/api/designers?pageSize=${PAGE_SIZE}`)).items };
    }
    render();
  } catch (error) {
    replace(root, h('div', { class: 'card empty', role: 'alert' },
      h('p', {}, error.status === 404 ? t('designers.missing') : describeError(error)),
      h('a', { class: 'btn', href: '/designers.html' }, t('designers.all'))));
  } finally {
    root.setAttribute('aria-busy', 'false');
  }
}

function render() {
  if (!view) return;
  const root = $('#designers');
  document.title = `${view.designer?.profile.brandName ?? t('designers.heading')} · Fashionistas`;
  if (view.list) {
    replace(root,
      h('h1', {}, t('designers.heading')),
      h('p', { class: 'lede' }, t('designers.lede')),
      view.list.length === 0
        ? h('p', { class: 'card empty' }, t('designers.none'))
        : h('div', { class: 'grid three' }, view.list.map((d) =>
          h('a', { class: 'card event-card', href: `/designers.html?id=${d.userId}`, dataset: { designerId: d.userId } },
            h('h3', {}, d.brandName),
            d.city ? h('span', { class: 'where' }, d.city) : null,
            d.instagram ? h('span', {}, `@${d.instagram}`) : null))));
    return;
  }

  const { profile } = view.designer;
  replace(root,
    h('p', {}, h('a', { href: '/designers.html' }, `← ${t('designers.all')}`)),
    h('h1', {}, profile.brandName),
    profile.city ? h('p', { class: 'where' }, profile.city) : null,
    profile.bio ? h('p', { class: 'lede' }, profile.bio) : null,
    h('p', { class: 'actions' },
      profile.instagram ? h('a', { href: `https://www.instagram.com/${encodeURIComponent(profile.instagram)}/`, rel: 'noopener' }, `@${profile.instagram}`) : null,
      profile.website ? h('a', { href: profile.website, rel: 'noopener' }, t('designers.website')) : null),
    view.shows.length === 0 ? null : h('section', { id: 'designer-shows' },
      h('h2', {}, t('designers.shows')),
      h('ul', {}, view.shows.map((show) => h('li', {},
        h('a', { href: `/event.html?id=${show.eventId}` }, show.eventName), ` · ${show.collectionName} · ${dateShort(show.startsAt)}`)))),
    h('h2', {}, t('designers.collections')),
    view.collections.length === 0
      ? h('p', { class: 'card empty' }, t('designers.noCollections'))
      : view.collections.map(renderCollection));
}

function renderCollection({ collection, images }) {
  return h('section', { class: 'card', dataset: { collectionId: collection.id } },
    h('h3', {}, collection.name),
    h('p', { class: 'where' }, [collection.season, t('designers.pieces', { count: collection.pieces })].filter(Boolean).join(' · ')),
    collection.description ? h('p', {}, collection.description) : null,
    images.length === 0 ? null : h('div', { class: 'grid three' }, images.map((image) => mediaFigure(image, collection.name))));
}
