// Sign in and register; afterwards the visitor goes back where they came from (?next=).
import { initPage } from '../layout.js';
import { api, ApiError, describeError } from '../api.js';
import { $, $$, param } from '../dom.js';
import { t } from '../i18n.js';
import { saveSession, safeNext } from '../session.js';

initPage({ page: 'login' });
setUpTabs();
$('#signin-form').addEventListener('submit', signIn);
$('#register-form').addEventListener('submit', register);
if (param('tab') === 'register') selectTab($('#tab-register'));

function setUpTabs() {
  const tabs = $$('[role="tab"]');
  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      selectTab(next);
      next.focus();
    });
  }
}

function selectTab(selected) {
  for (const tab of $$('[role="tab"]')) {
    const on = tab === selected;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !on;
  }
}

/** Exchanges credentials for a token and remembers who signed in. */
async function startSession(email, password) {
  const { accessToken, expiresAt } = await api('/api/auth/login', { method: 'POST', body: { email, password } });
  saveSession({ token: accessToken, expiresAt, user: null });
  const user = await api('/api/me');
  saveSession({ token: accessToken, expiresAt, user });
  location.href = safeNext(param('next'));
}

async function signIn(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const error = $('#signin-error');
  error.textContent = '';
  const email = form.email.value.trim();
  const password = form.password.value;
  if (!email || !password) {
    error.textContent = t('login.missing');
    return;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    await startSession(email, password);
  } catch (e) {
    error.textContent = e instanceof ApiError && e.status === 401 ? t('login.wrong') : describeError(e);
    button.disabled = false;
  }
}

async function register(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const fields = { displayName: form.displayName, email: form.email, password: form.password };
  const fieldError = (name) => $(`#register-${name === 'displayName' ? 'name' : name}-error`);
  for (const [name, input] of Object.entries(fields)) {
    input.removeAttribute('aria-invalid');
    fieldError(name).textContent = '';
  }
  $('#register-error').textContent = '';

  const problems = {};
  if (!form.displayName.value.trim()) problems.displayName = t('form.required');
  if (!form.email.value.trim() || !form.email.checkValidity()) problems.email = t('form.emailInvalid');
  if (form.password.value.length < 8) problems.password = t('form.passwordHint');
  if (showFieldErrors(problems, fields, fieldError)) return;

  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  const body = { displayName: form.displayName.value.trim(), email: form.email.value.trim(), password: form.password.value };
  try {
    // Registration answers the same whether the e-mail is new or taken; signing in tells the owner apart.
    await api('/api/auth/register', { method: 'POST', body });
    await startSession(body.email, body.password);
  } catch (e) {
    button.disabled = false;
    if (e instanceof ApiError && e.status === 401) {
      $('#register-error').textContent = t('login.exists');
    } else if (e instanceof ApiError && e.status === 400 && Object.keys(e.fieldErrors).length) {
      showFieldErrors(Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [k, v.join(' ')])), fields, fieldError);
    } else {
      $('#register-error').textContent = describeError(e);
    }
  }
}

function showFieldErrors(problems, fields, fieldError) {
  let first = null;
  for (const [name, message] of Object.entries(problems)) {
    if (!fields[name]) continue;
    fields[name].setAttribute('aria-invalid', 'true');
    fieldError(name).textContent = message;
    first ??= fields[name];
  }
  first?.focus();
  return first !== null;
}
