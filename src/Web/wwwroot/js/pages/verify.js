// The page of the e-mailed verification link (?token=): confirms the address on opening.
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { h, replace, $, param } from '../dom.js';
import { t, onLangChange } from '../i18n.js';

let outcome = 'working';
let failure = null;

initPage({ page: 'verify' });
onLangChange(render);
confirm();

async function confirm() {
  const token = param('token');
  try {
    if (!token) throw new ApiError(400, {});
    await api('/api/auth/verify-email', { method: 'POST', body: { token } });
    outcome = 'done';
  } catch (error) {
    outcome = error instanceof ApiError && error.status === 400 ? 'bad' : 'error';
    failure = error;
  }
  render();
}

function render() {
  const result = $('#verify-result');
  if (outcome === 'working') return;
  result.setAttribute('aria-busy', 'false');
  const text = outcome === 'error' ? describeError(failure) : t(`verify.${outcome}`);
  replace(result,
    h('p', { role: outcome === 'done' ? null : 'alert' }, text),
    outcome === 'done'
      ? h('a', { class: 'btn primary', href: '/' }, t('verify.events'))
      : h('a', { class: 'btn', href: '/account.html' }, t('nav.account')));
}
