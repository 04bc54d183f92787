// The frame every page shares: header with navigation and language switch, footer, offline notice,
// and the sign-in guard for pages that need an account or a role.
import { h, replace } from './dom.js';
import { t, lang, setLang, applyI18n, onLangChange } from './i18n.js';
import { currentSession, signOut, isOrganizer, isAdmin, hasRole, loginUrl } from './session.js';
import './fashion-i18n.js';
import { showNotice, clearNotice } from './notice.js';
import { api } from './api.js';

/** The Orleans dashboard (admins only); a browser reaches it with a session cookie asked for first. */
const ORLEANS_DASHBOARD = '/admin/orleans/';
const ORLEANS_DASHBOARD_SESSION = '/api/admin/orleans-dashboard/session';

/**
 * initPage({ page: 'events'|'tickets'|'organizer'|'users'|'login'|..., requires: null|'account'|'organizer'|'admin' })
 * Returns the session (or null), or undefined when the page redirected to sign-in.
 */
/** Pages for one industry role (`requires: 'designer'` ...): only accounts with that role use them. */
const ROLE_PAGES = ['designer', 'model', 'sponsor'];

export function initPage({ page, requires = null }) {
  const session = currentSession();
  if (requires && !session) {
    location.replace(loginUrl());
    return undefined;
  }

  renderHeader(page);
  applyI18n(document);
  onLangChange(() => { renderHeader(page); applyI18n(document); });

  addEventListener('offline', () => showNotice('error', t('error.offline')));
  addEventListener('online', () => { clearNotice(); showNotice('info', t('notice.online')); setTimeout(clearNotice, 3000); });

  const roleMissing = ROLE_PAGES.includes(requires) && !hasRole(requires);
  if ((requires === 'organizer' && !isOrganizer()) || (requires === 'admin' && !isAdmin()) || roleMissing) {
    const main = document.querySelector('main');
    const reason = roleMissing ? `error.${requires}sOnly` : requires === 'admin' ? 'error.adminsOnly' : 'error.organizersOnly';
    replace(main, h('h1', {}, t('error.forbiddenTitle')), h('p', {}, t(reason)),
      h('a', { class: 'btn', href: '/' }, t('nav.events')));
    return undefined;
  }
  return session;
}

function renderHeader(page) {
  const header = document.querySelector('.site-header');
  const session = currentSession();
  const link = (href, key, name) =>
    h('a', { href, 'aria-current': page === name ? 'page' : null }, t(key));

  const nav = h('nav', { class: 'site-nav', 'aria-label': t('nav.label') },
    link('/', 'nav.events', 'events'),
    link('/designers.html', 'nav.designers', 'designers'),
    session ? link('/tickets.html', 'nav.tickets', 'tickets') : null,
    session && isOrganizer() ? link('/organizer.html', 'nav.organizer', 'organizer') : null,
    session && isOrganizer() ? link('/sponsors.html', 'nav.sponsors', 'sponsors') : null,
    session && hasRole('designer') ? link('/studio.html', 'nav.studio', 'studio') : null,
    session && hasRole('model') ? link('/model.html', 'nav.model', 'model') : null,
    session && hasRole('designer', 'model') ? link('/agenda.html', 'nav.agenda', 'agenda') : null,
    session && hasRole('sponsor') ? link('/sponsor.html', 'nav.sponsor', 'sponsor') : null,
    session && isAdmin() ? link('/users.html', 'nav.users', 'users') : null,
    session && isAdmin() ? link('/messages.html', 'nav.messages', 'messages') : null,
    session && isAdmin()
      ? h('a', { href: ORLEANS_DASHBOARD, id: 'nav-orleans', onclick: openOrleansDashboard }, t('nav.orleans'))
      : null,
    session ? link('/account.html', 'nav.account', 'account') : null,
    session
      ? h('button', { type: 'button', id: 'sign-out', onclick: () => { signOut(); location.href = '/'; } },
        t('nav.signOut'))
      : link(loginUrl(page === 'login' ? '/' : undefined), 'nav.signIn', 'login'),
    h('span', { class: 'lang-switch', role: 'group', 'aria-label': t('nav.language') },
      langButton('es', 'ES', 'Español'), langButton('en', 'EN', 'English')));

  replace(header, h('div', { class: 'bar' },
    h('a', { class: 'brand', href: '/' }, 'Fashion', h('span', {}, 'istas')),
    session ? h('span', { class: 'visually-hidden', id: 'signed-in-as' }, t('nav.signedInAs', { name: session.user.displayName })) : null,
    nav));

  if (!document.querySelector('.site-footer')) {
    document.body.append(h('footer', { class: 'site-footer' }, h('span', { 'data-i18n': 'footer.text' })));
  }
}

/** Navigating sends no bearer header: the dashboard's session cookie carries the admin's token there. */
async function openOrleansDashboard(event) {
  event.preventDefault();
  try {
    await api(ORLEANS_DASHBOARD_SESSION, { method: 'POST' });
    location.href = ORLEANS_DASHBOARD;
  } catch (error) {
    showNotice('error', error.message);
  }
}

function langButton(code, label, name) {
  return h('button', {
    type: 'button',
    lang: code,
    'aria-pressed': String(lang() === code),
    'aria-label': name,
    onclick: () => setLang(code),
  }, label);
}
