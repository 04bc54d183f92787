// A model's page: profile with measurements and availability, portfolio photos, and castings to accept or decline.
import '../fashion-i18n.js';
import { initPage } from '../layout.js';
import { api, describeError } from '../api.js';
import { h, replace, $ } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { field } from '../forms.js';
import { dateShort } from '../format.js';
import { uploadFile } from '../upload.js';
import { statusBadge, pageRoot, showLoadError, readForm, intOrNull, onSubmit, mediaFigure, uploadForm } from '../fashion-ui.js';

const MEASURES = ['heightCm', 'bustCm', 'waistCm', 'hipsCm'];
let view = null;
let notice = '';

if (initPage({ page: 'model', requires: 'model' }) !== undefined) {
  onLangChange(render);
  load();
}

async function load() {
  try {
    let profile = null;
    try {
      profile = await api('/api/me/model');
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    view = {
      profile,
      photos: profile ? await api(`/api/models/${profile.userId}/photos`) : [],
      castings: await api('/api/me/model/castings'),
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
  replace(pageRoot(),
    h('h1', {}, t('modelStudio.heading')),
    h('p', { class: 'form-ok', role: 'status', id: 'model-status' }, notice),
    h('section', { class: 'card', 'aria-labelledby': 'castings-heading' },
      h('h2', { id: 'castings-heading' }, t('modelStudio.castings')),
      castingsList()),
    h('div', { class: 'spacer' }),
    h('div', { class: 'split' },
      h('section', { class: 'card', 'aria-labelledby': 'profile-heading' },
        h('h2', { id: 'profile-heading' }, t('modelStudio.profile')),
        profileForm()),
      h('section', { class: 'card', 'aria-labelledby': 'photos-heading' },
        h('h2', { id: 'photos-heading' }, t('modelStudio.photos')),
        view.profile ? photosPanel() : h('p', { class: 'muted' }, t('modelStudio.profileFirst')))));
}

function profileForm() {
  const p = view.profile ?? {};
  const measure = (name) => field('profile', name, `modelStudio.${name}`, { type: 'number', min: 40, max: 230, inputmode: 'numeric', value: p[name] ?? '' });
  const form = h('form', { novalidate: true },
    field('profile', 'displayName', 'modelStudio.displayName', { type: 'text', required: true, maxlength: 120, value: p.displayName ?? '' }),
    field('profile', 'city', 'studio.city', { type: 'text', maxlength: 80, value: p.city ?? '' }),
    h('div', { class: 'field-row' }, measure('heightCm'), measure('bustCm')),
    h('div', { class: 'field-row' }, measure('waistCm'), measure('hipsCm')),
    field('profile', 'availability', 'modelStudio.availability', { tag: 'textarea', maxlength: 500 }, 'modelStudio.availabilityHint'),
    field('profile', 'bio', 'studio.bio', { tag: 'textarea', maxlength: 2000 }),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'btn primary' }, t('studio.saveProfile')));
  form.querySelector('#profile-availability').value = p.availability ?? '';
  form.querySelector('#profile-bio').value = p.bio ?? '';
  return onSubmit(form, 'profile', (f) => {
    const values = readForm(f, 'profile', ['displayName', 'city', 'availability', 'bio', ...MEASURES]);
    for (const name of MEASURES) values[name] = intOrNull(values[name]);
    return api('/api/me/model', { method: 'PUT', body: values });
  }, () => done('studio.profileSaved'));
}

function photosPanel() {
  const form = onSubmit(uploadForm('photo', 'modelStudio.uploadPhoto'), 'photo',
    (f) => uploadFile('/api/me/model/photos', f.querySelector('#photo-file').files[0], f.querySelector('#photo-caption').value.trim()),
    () => done('modelStudio.photoUploaded'));
  return h('div', {},
    view.photos.length === 0 ? h('p', { class: 'muted' }, t('modelStudio.noPhotos')) : h('div', { class: 'grid', id: 'photos' }, view.photos.map((photo) =>
      h('div', { dataset: { photoId: photo.id } }, mediaFigure(photo, view.profile.displayName),
        h('button', {
          type: 'button',
          class: 'btn small danger',
          onclick: () => act(() => api(`/api/me/model/photos/${photo.id}`, { method: 'DELETE' }), 'modelStudio.photoRemoved'),
        }, t('modelStudio.removePhoto'))))),
    form);
}

function castingsList() {
  if (view.castings.length === 0) return h('p', { class: 'muted' }, t('modelStudio.noCastings'));
  return h('ul', { class: 'staff', id: 'castings' }, view.castings.map((c) => h('li', { dataset: { eventId: c.eventId } },
    h('div', {},
      h('strong', {}, c.eventName), ` · ${c.venue} · ${dateShort(c.startsAt)} `, statusBadge(c.status),
      c.callTime ? h('p', { class: 'call-time' }, t('modelStudio.callTime', { when: dateShort(c.callTime) })) : null,
      c.note ? h('p', { class: 'muted' }, c.note) : null),
    h('div', { class: 'actions' },
      c.status === 'accepted' ? null : h('button', { type: 'button', class: 'btn small primary', onclick: () => answer(c, 'accept') }, t('modelStudio.accept')),
      c.status === 'declined' ? null : h('button', { type: 'button', class: 'btn small ghost', onclick: () => answer(c, 'decline') }, t('modelStudio.decline'))))));
}

function answer(casting, choice) {
  return act(() => api(`/api/me/model/castings/${casting.eventId}`, { method: 'PUT', body: { answer: choice } }),
    choice === 'accept' ? 'modelStudio.accepted' : 'modelStudio.declined');
}

async function act(call, message) {
  try {
    await call();
    await done(message);
  } catch (error) {
    $('#model-status').textContent = describeError(error);
  }
}
