// A designer's studio: their profile, collections with looks, and applications to events' shows.
import '../fashion-i18n.js';
import { initPage } from '../layout.js';
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { field } from '../forms.js';
import { dateShort } from '../format.js';
import { uploadFile } from '../upload.js';
import { statusBadge, pageRoot, showLoadError, readForm, intOrNull, onSubmit, mediaFigure, uploadForm } from '../fashion-ui.js';

const PAGE_SIZE = 100;
let view = null;
let notice = '';

if (initPage({ page: 'studio', requires: 'designer' }) !== undefined) {
  onLangChange(render);
  load();
}

async function load() {
  try {
    let mine = null;
    try {
      mine = await api('/api/me/designer');
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    const collections = mine?.collections ?? [];
    const images = await Promise.all(collections.map((c) => api(`/api/collections/${c.id}`).then((r) => r.images)));
    view = {
      profile: mine?.profile ?? null,
      collections: collections.map((c, i) => ({ ...c, images: images[i] })),
      applications: mine ? await api('/api/me/designer/applications') : [],
      events: (await api(`/api/events?pageSize=${PAGE_SIZE}`)).items,
    };
    render();
  } catch (error) {
    showLoadError(error, load);
  }
}

function done(message) {
  notice = t(message);
  return load();
}

function render() {
  if (!view) return;
  const root = pageRoot();
  replace(root,
    h('h1', {}, t('studio.heading')),
    h('p', { class: 'form-ok', role: 'status', id: 'studio-status' }, notice),
    h('div', { class: 'split' },
      h('section', { class: 'card', 'aria-labelledby': 'profile-heading' },
        h('h2', { id: 'profile-heading' }, t('studio.profile')),
        profileForm()),
      h('section', { class: 'card', 'aria-labelledby': 'new-collection-heading' },
        h('h2', { id: 'new-collection-heading' }, t('studio.newCollection')),
        view.profile ? collectionForm() : h('p', { class: 'muted' }, t('studio.profileFirst')))),
    h('h2', {}, t('designers.collections')),
    view.collections.length === 0 ? h('p', { class: 'card empty' }, t('designers.noCollections')) : view.collections.map(collectionCard),
    h('h2', {}, t('studio.applications')),
    applicationsList(),
    view.profile ? h('p', {}, h('a', { href: `/designers.html?id=${view.profile.userId}` }, t('studio.publicPage'))) : null);
}

function profileForm() {
  const p = view.profile ?? {};
  const form = h('form', { novalidate: true },
    field('profile', 'brandName', 'studio.brandName', { type: 'text', required: true, maxlength: 120, value: p.brandName ?? '' }),
    h('div', { class: 'field-row' },
      field('profile', 'city', 'studio.city', { type: 'text', maxlength: 80, value: p.city ?? '' }),
      field('profile', 'instagram', 'studio.instagram', { type: 'text', maxlength: 31, value: p.instagram ?? '' })),
    field('profile', 'website', 'studio.website', { type: 'url', maxlength: 300, value: p.website ?? '' }),
    field('profile', 'bio', 'studio.bio', { tag: 'textarea', maxlength: 2000 }),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'btn primary' }, t('studio.saveProfile')));
  form.querySelector('#profile-bio').value = p.bio ?? '';
  return onSubmit(form, 'profile',
    (f) => api('/api/me/designer', { method: 'PUT', body: readForm(f, 'profile', ['brandName', 'city', 'instagram', 'website', 'bio']) }),
    () => done('studio.profileSaved'));
}

function collectionForm() {
  const form = h('form', { novalidate: true },
    field('collection', 'name', 'studio.collectionName', { type: 'text', required: true, maxlength: 120 }),
    h('div', { class: 'field-row' },
      field('collection', 'season', 'studio.season', { type: 'text', maxlength: 60 }),
      field('collection', 'pieces', 'studio.pieces', { type: 'number', min: 0, max: 1000, inputmode: 'numeric' })),
    field('collection', 'description', 'studio.description', { tag: 'textarea', maxlength: 2000 }),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'btn primary' }, t('studio.createCollection')));
  return onSubmit(form, 'collection', (f) => {
    const values = readForm(f, 'collection', ['name', 'season', 'pieces', 'description']);
    return api('/api/collections', { method: 'POST', body: { ...values, pieces: intOrNull(values.pieces) } });
  }, () => done('studio.collectionCreated'));
}

function collectionCard(collection) {
  const prefix = `c-${collection.id}`;
  const upload = onSubmit(uploadForm(`${prefix}-look`, 'studio.uploadLook'), `${prefix}-look`, (f) => uploadFile(
    `/api/collections/${collection.id}/images`, f.querySelector(`#${prefix}-look-file`).files[0], f.querySelector(`#${prefix}-look-caption`).value.trim()),
  () => done('studio.lookUploaded'));
  const apply = h('form', { novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: `${prefix}-event` }, t('studio.event')),
      h('select', { id: `${prefix}-event`, required: true },
        view.events.map((e) => h('option', { value: e.id }, `${e.name} · ${dateShort(e.startsAt)}`)))),
    field(`${prefix}-apply`, 'note', 'studio.note', { type: 'text', maxlength: 500 }),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'btn small', disabled: view.events.length === 0 }, t('studio.apply')));
  onSubmit(apply, `${prefix}-apply`, (f) => api(`/api/collections/${collection.id}/applications`, {
    method: 'POST',
    body: { eventId: f.querySelector(`#${prefix}-event`).value, note: f.querySelector(`#${prefix}-apply-note`).value.trim() || null },
  }), () => done('studio.applied'));
  return h('section', { class: 'card', dataset: { collectionId: collection.id } },
    h('h3', {}, collection.name),
    h('p', { class: 'where' }, [collection.season, t('designers.pieces', { count: collection.pieces })].filter(Boolean).join(' · ')),
    collection.images.length === 0 ? null : h('div', { class: 'grid three' }, collection.images.map((image) => mediaFigure(image, collection.name))),
    h('div', { class: 'split' }, upload, apply));
}

function applicationsList() {
  if (view.applications.length === 0) return h('p', { class: 'card empty' }, t('studio.noApplications'));
  return h('ul', { class: 'card staff', id: 'applications' }, view.applications.map((a) => h('li', { dataset: { eventId: a.eventId, collectionId: a.collectionId } },
    h('span', {}, h('strong', {}, a.eventName), ` · ${a.collectionName} · ${dateShort(a.startsAt)} `), statusBadge(a.status), ' ',
    h('button', {
      type: 'button',
      class: 'btn small ghost',
      onclick: async () => {
        await api(`/api/collections/${a.collectionId}/applications/${a.eventId}`, { method: 'DELETE' });
        await done('studio.withdrawn');
      },
    }, t('studio.withdraw')))));
}
