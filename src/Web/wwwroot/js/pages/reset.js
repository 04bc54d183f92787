// The page of the e-mailed reset link (?token=): a new password, once.
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { h, replace, $, param } from '../dom.js';
import { t } from '../i18n.js';
import { showFieldErrors, clearFieldErrors } from '../forms.js';

const MIN_PASSWORD = 8;
const token = param('token');

initPage({ page: 'reset' });
if (!token) {
  $('#reset-form').hidden = true;
  replace($('#reset-result'), h('p', { role: 'alert' }, t('reset.missing')), h('a', { class: 'btn', href: '/forgot.html' }, t('reset.again')));
} else {
  $('#reset-form').addEventListener('submit', save);
}

async function save(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearFieldErrors(form);
  $('#reset-error').textContent = '';
  const newPassword = form.newPassword.value;
  if (newPassword.length < MIN_PASSWORD) return showFieldErrors(form, 'reset', { newPassword: t('form.passwordHint') });

  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    await api('/api/auth/password-reset/confirm', { method: 'POST', body: { token, newPassword } });
    form.hidden = true;
    replace($('#reset-result'), h('p', {}, t('reset.done')), h('a', { class: 'btn primary', href: '/login.html' }, t('reset.signIn')));
  } catch (error) {
    button.disabled = false;
    if (error instanceof ApiError && error.status === 400 && showFieldErrors(form, 'reset', error.fieldErrors)) return;
    if (error instanceof ApiError && error.status === 400) {
      form.hidden = true;
      replace($('#reset-result'), h('p', { role: 'alert' }, t('reset.bad')), h('a', { class: 'btn', href: '/forgot.html' }, t('reset.again')));
    } else {
      $('#reset-error').textContent = describeError(error);
    }
  }
}
