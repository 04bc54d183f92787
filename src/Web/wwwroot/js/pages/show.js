// An organizer runs one event's show: applications, castings, running order, backstage schedule, sponsor benefits.
import '../fashion-i18n.js';
import { initPage } from '../layout.js';
import { api, describeError } from '../api.js';
import { h, replace, $, guidParam } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { field } from '../forms.js';
import { dateShort, fromLocalInput } from '../format.js';
import { statusBadge, pageRoot, showLoadError, readForm, onSubmit } from '../fashion-ui.js';

const PAGE_SIZE = 100;
const BACKSTAGE_KINDS = ['fitting', 'hair_makeup', 'rehearsal', 'call'];
const BENEFIT_KINDS = ['logo', 'activation'];
const TIERS = ['title', 'gold', 'silver', 'partner'];
const eventId = guidParam('id');
let view = null;
let notice = '';

if (initPage({ page: 'organizer', requires: 'organizer' }) !== undefined) {
  onLangChange(render);
  load();
}

async function load() {
  try {
    const base = `/api/events/${eventId}`;
    const [show, applications, castings, order, backstage, benefits, lineup, models, mySponsors] = await Promise.all([
      api(base), api(`${base}/applications`), api(`${base}/castings`), api(`${base}/running-order`), api(`${base}/backstage`),
      api(`${base}/sponsor-benefits`), api(`${base}/lineup`), api(`/api/models?pageSize=${PAGE_SIZE}`), api('/api/sponsors/crm-state')]);
    view = { show, applications, castings, order, backstage, benefits, sponsors: lineup.sponsors, models: models.items, mySponsors };
    render();
  } catch (error) {
    showLoadError(error, load);
  }
}

function done(message) {
  notice = t(message);
  return load();
}

async function act(call, message) {
  try {
    await call();
    await done(message);
  } catch (error) {
    $('#show-status').textContent = describeError(error);
  }
}

const accepted = (list) => list.filter((x) => x.status === 'accepted');
const select = (id, options, blankKey = null) => h('select', { id },
  blankKey ? h('option', { value: '' }, t(blankKey)) : null,
  options.map(([value, label]) => h('option', { value }, label)));

function render() {
  if (!view) return;
  document.title = `${view.show.name} · Fashionistas`;
  replace(pageRoot(),
    h('p', {}, h('a', { href: `/dashboard.html?id=${eventId}` }, `← ${view.show.name}`)),
    h('h1', {}, t('show.heading', { name: view.show.name })),
    h('p', { class: 'form-ok', role: 'status', id: 'show-status' }, notice),
    section('applications', 'show.applications', applicationsPanel()),
    section('castings', 'show.castings', castingsPanel()),
    section('running-order', 'show.runningOrder', runningOrderPanel()),
    section('backstage', 'show.backstage', backstagePanel()),
    section('benefits', 'show.benefits', benefitsPanel()));
}

function section(id, headingKey, ...content) {
  return [h('section', { class: 'card', id, 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, t(headingKey)), ...content),
    h('div', { class: 'spacer' })];
}

function applicationsPanel() {
  if (view.applications.length === 0) return h('p', { class: 'muted' }, t('show.noApplications'));
  return h('ul', { class: 'staff' }, view.applications.map((a) => h('li', { dataset: { collectionId: a.collectionId } },
    h('div', {}, h('strong', {}, a.brandName), ` · ${a.collectionName} `, statusBadge(a.status), a.note ? h('p', { class: 'muted' }, a.note) : null),
    h('div', { class: 'actions' },
      a.status === 'accepted' ? null : h('button', {
        type: 'button', class: 'btn small primary',
        onclick: () => act(() => api(`/api/events/${eventId}/collections/${a.collectionId}`, { method: 'PUT' }), 'show.acceptedApplication'),
      }, t('show.accept')),
      a.status === 'declined' ? null : h('button', {
        type: 'button', class: 'btn small ghost',
        onclick: () => act(() => api(`/api/events/${eventId}/collections/${a.collectionId}`, { method: 'DELETE' }), 'show.declinedApplication'),
      }, t('show.decline'))))));
}

function castingsPanel() {
  const form = h('form', { novalidate: true },
    h('div', { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: 'cast-model' }, t('show.model')),
        select('cast-model', view.models.map((m) => [m.userId, m.displayName]))),
      field('cast', 'callTime', 'show.callTime', { type: 'datetime-local' }, 'form.bogotaTime')),
    field('cast', 'note', 'studio.note', { type: 'text', maxlength: 500 }),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'btn small', disabled: view.models.length === 0 }, t('show.invite')));
  onSubmit(form, 'cast', (f) => api(`/api/events/${eventId}/models/${f.querySelector('#cast-model').value}`, {
    method: 'PUT', body: { callTime: fromLocalInput(f.querySelector('#cast-callTime').value), note: f.querySelector('#cast-note').value.trim() || null },
  }), () => done('show.invited'));
  return [
    view.castings.length === 0 ? h('p', { class: 'muted' }, t('show.noCastings')) : h('ul', { class: 'staff' }, view.castings.map((c) =>
      h('li', { dataset: { modelId: c.modelId } },
        h('span', {}, h('strong', {}, c.displayName), c.callTime ? ` · ${t('modelStudio.callTime', { when: dateShort(c.callTime) })} ` : ' ', statusBadge(c.status)),
        h('button', {
          type: 'button', class: 'btn small ghost',
          onclick: () => act(() => api(`/api/events/${eventId}/models/${c.modelId}`, { method: 'DELETE' }), 'show.removedCasting'),
        }, t('show.remove'))))),
    form];
}

function runningOrderPanel() {
  const lines = view.order.map((e) => ({ segment: e.segment, collectionId: e.collectionId, modelId: e.modelId, look: e.look }));
  const save = (next, message) => act(() => api(`/api/events/${eventId}/running-order`, { method: 'PUT', body: { lines: next } }), message);
  const form = h('form', { novalidate: true },
    h('div', { class: 'field-row' },
      field('line', 'segment', 'show.segment', { type: 'text', required: true, maxlength: 120 }),
      field('line', 'look', 'show.look', { type: 'text', maxlength: 200 })),
    h('div', { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: 'line-collection' }, t('show.collection')),
        select('line-collection', accepted(view.applications).map((a) => [a.collectionId, `${a.brandName} · ${a.collectionName}`]), 'show.none')),
      h('div', { class: 'field' }, h('label', { for: 'line-model' }, t('show.model')),
        select('line-model', accepted(view.castings).map((c) => [c.modelId, c.displayName]), 'show.none'))),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'btn small' }, t('show.addLook')));
  onSubmit(form, 'line', (f) => api(`/api/events/${eventId}/running-order`, {
    method: 'PUT',
    body: { lines: [...lines, { ...readForm(f, 'line', ['segment', 'look']), collectionId: f.querySelector('#line-collection').value || null, modelId: f.querySelector('#line-model').value || null }] },
  }), () => done('show.orderSaved'));
  return [
    view.order.length === 0 ? h('p', { class: 'muted' }, t('show.noLooks')) : h('ol', { class: 'staff' }, view.order.map((e, i) =>
      h('li', {}, h('span', {}, h('strong', {}, e.segment), [e.look, e.brandName && `${e.brandName} · ${e.collectionName}`, e.modelName].filter(Boolean).map((x) => ` · ${x}`).join('')),
        h('button', { type: 'button', class: 'btn small ghost', onclick: () => save(lines.filter((_, j) => j !== i), 'show.orderSaved') }, t('show.remove'))))),
    form];
}

function backstagePanel() {
  const people = [...accepted(view.castings).map((c) => [c.modelId, c.displayName]),
    ...accepted(view.applications).map((a) => [a.designerId, a.brandName])];
  const form = h('form', { novalidate: true },
    h('div', { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: 'slot-kind' }, t('show.kind')),
        select('slot-kind', BACKSTAGE_KINDS.map((k) => [k, t(`agenda.kind.${k}`)]))),
      field('slot', 'title', 'show.slotTitle', { type: 'text', required: true, maxlength: 120 })),
    h('div', { class: 'field-row' },
      field('slot', 'startsAt', 'form.startsAt', { type: 'datetime-local', required: true }, 'form.bogotaTime'),
      field('slot', 'endsAt', 'form.endsAt', { type: 'datetime-local' }, 'form.bogotaTime')),
    h('div', { class: 'field-row' },
      field('slot', 'location', 'show.location', { type: 'text', maxlength: 120 }),
      h('div', { class: 'field' }, h('label', { for: 'slot-person' }, t('show.person')), select('slot-person', people, 'show.everyone'))),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'btn small' }, t('show.addSlot')));
  onSubmit(form, 'slot', (f) => api(`/api/events/${eventId}/backstage`, {
    method: 'POST',
    body: {
      kind: f.querySelector('#slot-kind').value,
      title: f.querySelector('#slot-title').value.trim(),
      startsAt: fromLocalInput(f.querySelector('#slot-startsAt').value),
      endsAt: fromLocalInput(f.querySelector('#slot-endsAt').value),
      location: f.querySelector('#slot-location').value.trim() || null,
      personId: f.querySelector('#slot-person').value || null,
    },
  }), () => done('show.slotAdded'));
  return [
    view.backstage.length === 0 ? h('p', { class: 'muted' }, t('show.noSlots')) : h('ul', { class: 'staff' }, view.backstage.map((s) =>
      h('li', { dataset: { slotId: s.id } },
        h('span', {}, h('strong', {}, `${t(`agenda.kind.${s.kind}`)}: ${s.title}`), ` · ${dateShort(s.startsAt)} · ${s.personName ?? t('show.everyone')}`),
        h('button', {
          type: 'button', class: 'btn small ghost',
          onclick: () => act(() => api(`/api/events/${eventId}/backstage/${s.id}`, { method: 'DELETE' }), 'show.slotRemoved'),
        }, t('show.remove'))))),
    form];
}

function sponsorshipForm() {
  const form = h('form', { novalidate: true },
    h('div', { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: 'sponsorship-sponsor' }, t('show.sponsor')),
        select('sponsorship-sponsor', view.mySponsors.map((s) => [s.id, s.name]))),
      h('div', { class: 'field' }, h('label', { for: 'sponsorship-tier' }, t('sponsors.tier')),
        select('sponsorship-tier', TIERS.map((tier) => [tier, t(`lineup.tier.${tier}`)])))),
    field('sponsorship', 'contribution', 'show.contribution', { type: 'number', min: 0, step: 1, inputmode: 'numeric' }, 'form.pesos'),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'btn small', disabled: view.mySponsors.length === 0 }, t('show.addSponsor')));
  return onSubmit(form, 'sponsorship', (f) => api(`/api/events/${eventId}/sponsors/${f.querySelector('#sponsorship-sponsor').value}`, {
    method: 'PUT',
    body: { tier: f.querySelector('#sponsorship-tier').value, contribution: Number.parseInt(f.querySelector('#sponsorship-contribution').value || '0', 10) },
  }), () => done('show.sponsorAdded'));
}

function benefitsPanel() {
  if (view.sponsors.length === 0) return [h('p', { class: 'muted' }, t('show.noSponsors')), sponsorshipForm()];
  return [h('p', { class: 'muted' }, t('show.compTicketsNote')), sponsorshipForm(), view.sponsors.map((sponsor) => {
    const prefix = `benefit-${sponsor.sponsorId}`;
    const form = h('form', { novalidate: true },
      h('div', { class: 'field-row' },
        h('div', { class: 'field' }, h('label', { for: `${prefix}-kind` }, t('show.kind')),
          select(`${prefix}-kind`, BENEFIT_KINDS.map((k) => [k, t(`benefit.${k}`)]))),
        field(prefix, 'description', 'show.benefitDescription', { type: 'text', required: true, maxlength: 500 })),
      h('p', { class: 'form-error', role: 'alert' }),
      h('button', { type: 'submit', class: 'btn small' }, t('show.addBenefit')));
    onSubmit(form, prefix, (f) => api(`/api/events/${eventId}/sponsors/${sponsor.sponsorId}/benefits`, {
      method: 'POST', body: { kind: f.querySelector(`#${prefix}-kind`).value, description: f.querySelector(`#${prefix}-description`).value.trim() },
    }), () => done('show.benefitAdded'));
    const mine = view.benefits.filter((b) => b.sponsorId === sponsor.sponsorId);
    return h('div', { dataset: { sponsorId: sponsor.sponsorId } },
      h('h3', {}, sponsor.name),
      h('ul', { class: 'staff' }, mine.map((b) => h('li', {},
        h('span', {}, `${t(`benefit.${b.kind}`)}: ${b.description} `, statusBadge(b.deliveredAt ? 'delivered' : 'pending')),
        b.deliveredAt ? null : h('button', {
          type: 'button', class: 'btn small',
          onclick: () => act(() => api(`/api/events/${eventId}/sponsors/${sponsor.sponsorId}/benefits/${b.id}/delivered`, { method: 'PUT' }), 'show.benefitDelivered'),
        }, t('show.markDelivered'))))),
      form);
  })];
}
