// The signed-in user's account: who they are (name, e-mail, roles), the doors they work, and changing their password.
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { h, replace, $ } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { field, showFieldErrors, clearFieldErrors } from '../forms.js';
import { dateShort } from '../format.js';
import { currentSession, saveSession } from '../session.js';

const PREFIX = 'password';
const MIN_PASSWORD = 8;
let me = null;
let doors = [];

if (initPage({ page: 'account', requires: 'account' }) !== undefined) {
  renderForm();
  onLangChange(() => { renderProfile(); renderForm(); renderDoors(); });
  load();
  loadDoors();
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
