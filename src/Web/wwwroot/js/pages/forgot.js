// "I forgot my password": one answer whether or not the address has an account; the link arrives by e-mail.
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { $ } from '../dom.js';
import { t } from '../i18n.js';
import { showFieldErrors, clearFieldErrors } from '../forms.js';

initPage({ page: 'forgot' });
$('#forgot-form').addEventListener('submit', send);

async function send(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearFieldErrors(form);
  $('#forgot-error').textContent = '';
  $('#forgot-sent').textContent = '';
  const email = form.email.value.trim();
  if (!email || !form.email.checkValidity()) return showFieldErrors(form, 'forgot', { email: t('form.emailInvalid') });

  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    await api('/api/auth/password-reset', { method: 'POST', body: { email } });
    $('#forgot-sent').textContent = t('forgot.sent');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 400 && showFieldErrors(form, 'forgot', error.fieldErrors))) {
      $('#forgot-error').textContent = describeError(error);
    }
  } finally {
    button.disabled = false;
  }
}
