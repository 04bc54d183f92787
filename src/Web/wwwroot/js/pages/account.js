// The signed-in user's account: who they are (name, e-mail, roles), whether their e-mail is confirmed, phone and
// WhatsApp consent (with a one-click opt-out) and message language, the doors they work, and changing their password.
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { h, replace, $ } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { field, showFieldErrors, clearFieldErrors } from '../forms.js';
import { dateShort } from '../format.js';
import { currentSession, saveSession } from '../session.js';

const PREFIX = 'password';
const MIN_PASSWORD = 8;
const CONTACT = 'contact';
let me = null;
let doors = [];
let prefs = null;

if (initPage({ page: 'account', requires: 'account' }) !== undefined) {
  renderForm();
  onLangChange(() => { renderProfile(); renderForm(); renderDoors(); renderPrefs(); });
  load();
  loadDoors();
  loadPrefs();
}

async function loadPrefs() {
  try {
    prefs = await api('/api/me/preferences');
  } catch (error) {
    prefs = error;
  }
  renderPrefs();
}

/** E-mail confirmation status (with "send another link") and the contact form. */
function renderPrefs() {
  const status = $('#email-status');
  if (prefs === null) return;
  status.setAttribute('aria-busy', 'false');
  if (prefs instanceof Error) {
    replace(status, h('p', { role: 'alert' }, describeError(prefs)));
    return;
  }
  replace(status, prefs.emailVerified
    ? h('p', { id: 'email-verified' }, t('account.verified'))
    : h('div', {}, h('p', { id: 'email-unverified' }, t('account.unverified')),
      h('button', { type: 'button', class: 'btn small', id: 'resend-verification', onclick: resend }, t('account.resend'))));

  const form = $('#contact-form');
  replace(form,
    field(CONTACT, 'phone', 'account.phone', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: '32', value: prefs.phone ?? '' }, 'account.phoneHint'),
    h('div', { class: 'check-field' },
      h('input', { type: 'checkbox', id: `${CONTACT}-whatsAppOptIn`, name: 'whatsAppOptIn', checked: prefs.whatsAppOptIn, 'aria-describedby': `${CONTACT}-whatsAppOptIn-error` }),
      h('label', { for: `${CONTACT}-whatsAppOptIn` }, t('account.whatsapp'))),
    h('span', { class: 'field-error', id: `${CONTACT}-whatsAppOptIn-error` }),
    h('div', { class: 'field' },
      h('label', { for: `${CONTACT}-language` }, t('account.language')),
      h('select', { id: `${CONTACT}-language`, name: 'language' },
        ['es', 'en'].map((code) => h('option', { value: code, selected: prefs.language === code }, t(`language.${code}`))))),
    h('p', { class: 'form-error', role: 'alert', id: 'contact-error' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'btn primary' }, t('account.savePrefs')),
      prefs.whatsAppOptIn ? h('button', { type: 'button', class: 'btn ghost', id: 'whatsapp-opt-out', onclick: optOut }, t('account.optOut')) : null));
  form.onsubmit = savePrefs;
}

async function resend(event) {
  event.currentTarget.disabled = true;
  try {
    await api('/api/me/verification', { method: 'POST' });
    $('#email-sent').textContent = t('account.resent');
  } catch (error) {
    $('#email-sent').textContent = describeError(error);
  }
}

async function savePrefs(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearFieldErrors(form);
  $('#contact-error').textContent = '';
  $('#contact-ok').textContent = '';
  const body = {
    phone: $(`#${CONTACT}-phone`).value.trim() || null,
    whatsAppOptIn: $(`#${CONTACT}-whatsAppOptIn`).checked,
    language: $(`#${CONTACT}-language`).value,
  };
  if (body.whatsAppOptIn && !body.phone) return showFieldErrors(form, CONTACT, { phone: t('account.needPhone') });
  try {
    prefs = await api('/api/me/preferences', { method: 'PUT', body });
    renderPrefs();
    $('#contact-ok').textContent = t('account.prefsSaved');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 400 && showFieldErrors(form, CONTACT, error.fieldErrors))) {
      $('#contact-error').textContent = describeError(error);
    }
  }
}

/** One click, honoured at once: the next message (even one already queued) goes by e-mail only. */
async function optOut() {
  try {
    await api('/api/me/whatsapp', { method: 'DELETE' });
    prefs = { ...prefs, whatsAppOptIn: false };
    renderPrefs();
    $('#contact-ok').textContent = t('account.optedOut');
  } catch (error) {
    $('#contact-error').textContent = describeError(error);
  }
}

async function load() {
  try {
    me = await api('/api/me');
  } catch (error) {
    me = error;
  }
  renderProfile();
}

function renderProfile() {
  const list = $('#profile');
  if (me === null) return;
  list.setAttribute('aria-busy', 'false');
  if (me instanceof Error) {
    replace(list, h('p', { role: 'alert' }, describeError(me)));
    return;
  }
  replace(list,
    h('dt', {}, t('form.name')), h('dd', {}, me.displayName),
    h('dt', {}, t('form.email')), h('dd', {}, me.email),
    h('dt', {}, t('users.roles')), h('dd', {}, me.roles.map((r) => t(`role.${r}`)).join(', ')));
}

async function loadDoors() {
  try {
    doors = await api('/api/me/door-events');
  } catch {
    doors = [];
  }
  renderDoors();
}

/** The events this person checks tickets in at (door staff), each with its door page. */
function renderDoors() {
  $('#doors').hidden = doors.length === 0;
  replace($('#door-events'), doors.map((d) => h('li', {},
    h('span', {}, d.name, ' ', h('span', { class: 'muted' }, dateShort(d.startsAt))),
    h('a', { class: 'btn small', href: `/checkin.html?id=${d.eventId}` }, t('account.openDoor')))));
}

function renderForm() {
  const form = $('#password-form');
  replace(form,
    field(PREFIX, 'currentPassword', 'account.current', { type: 'password', autocomplete: 'current-password', required: true }),
    field(PREFIX, 'newPassword', 'account.new', { type: 'password', autocomplete: 'new-password', required: true, minlength: String(MIN_PASSWORD) }, 'form.passwordHint'),
    h('p', { class: 'form-error', role: 'alert', id: 'password-error' }),
    h('button', { type: 'submit', class: 'btn primary' }, t('account.change')));
  form.onsubmit = change;
}

async function change(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const body = { currentPassword: $('#password-currentPassword').value, newPassword: $('#password-newPassword').value };
  clearFieldErrors(form);
  $('#password-error').textContent = '';
  $('#password-ok').textContent = '';
  const problems = {};
  if (!body.currentPassword) problems.currentPassword = t('form.required');
  if (body.newPassword.length < MIN_PASSWORD) problems.newPassword = t('form.passwordHint');
  if (Object.keys(problems).length) return showFieldErrors(form, PREFIX, problems);

  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    // The change signs out every earlier token (other devices too); this tab continues with the new one.
    const { accessToken, expiresAt } = await api('/api/me/password', { method: 'PUT', body });
    saveSession({ ...currentSession(), token: accessToken, expiresAt });
    form.reset();
    $('#password-ok').textContent = t('account.changed');
  } catch (error) {
    if (error instanceof ApiError && error.status === 400 && Object.keys(error.fieldErrors).length) {
      showFieldErrors(form, PREFIX, error.fieldErrors.currentPassword ? { currentPassword: t('account.wrongCurrent') } : error.fieldErrors);
    } else {
      $('#password-error').textContent = describeError(error);
    }
  } finally {
    button.disabled = false;
  }
}
