// Admins find people by e-mail or name and set their roles (organizers, designers, models, sponsors, admins).
import { initPage } from '../layout.js';
import { api, describeError } from '../api.js';
import { h, replace, $, $$ } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { dateShort } from '../format.js';
import { renderPager } from '../pager.js';

const ROLES = ['admin', 'organizer', 'designer', 'model', 'sponsor', 'attendee'];
const PAGE_SIZE = 25;
const query = { search: '', role: '', page: 1 };
let result = null;

if (initPage({ page: 'users', requires: 'admin' }) !== undefined) {
  renderFilter();
  $('#user-search').onsubmit = (event) => {
    event.preventDefault();
    query.search = $('#search').value.trim();
    query.role = $('#role-filter').value;
    query.page = 1;
    load();
  };
  onLangChange(() => { renderFilter(); render(); });
  load();
}

function renderFilter() {
  const select = $('#role-filter');
  replace(select, h('option', { value: '' }, t('users.anyRole')),
    ROLES.map((role) => h('option', { value: role, selected: query.role === role }, t(`role.${role}`))));
}

async function load() {
  $('#users').setAttribute('aria-busy', 'true');
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(PAGE_SIZE) });
  if (query.search) params.set('search', query.search);
  if (query.role) params.set('role', query.role);
  try {
    result = await api(`/api/users?${params}`);
  } catch (error) {
    result = error;
  }
  render();
}

function render() {
  const list = $('#users');
  list.setAttribute('aria-busy', 'false');
  if (result === null) return;
  if (result instanceof Error) {
    replace(list, h('div', { class: 'empty', role: 'alert' }, h('p', {}, describeError(result)),
      h('button', { type: 'button', class: 'btn', onclick: load }, t('common.retry'))));
    replace($('#users-pages'));
    return;
  }
  if (result.items.length === 0) {
    replace(list, h('p', { class: 'empty' }, t('users.none')));
  } else {
    replace(list, h('table', { class: 'stack' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('users.person')), h('th', { scope: 'col' }, t('users.roles')),
        h('th', { scope: 'col' }, t('users.since')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('organizer.actions'))))),
      h('tbody', {}, result.items.map(row))));
  }
  renderPages();
}

function row(user) {
  const boxes = ROLES.map((role) => h('label', { class: 'role-choice' },
    h('input', { type: 'checkbox', name: 'role', value: role, checked: user.roles.includes(role) }), ' ', t(`role.${role}`)));
  const error = h('p', { class: 'form-error', role: 'alert' });
  return h('tr', { dataset: { userId: user.id } },
    h('td', { 'data-label': t('users.person') }, h('span', {}, user.displayName, h('br'), h('span', { class: 'muted' }, user.email))),
    h('td', { 'data-label': t('users.roles') }, h('fieldset', { class: 'role-set' },
      h('legend', { class: 'visually-hidden' }, t('users.roles')), boxes), error),
    h('td', { 'data-label': t('users.since') }, dateShort(user.createdAt)),
    h('td', { 'data-label': '' }, h('button', {
      type: 'button', class: 'btn small', onclick: (event) => save(user, event.currentTarget.closest('tr'), error),
    }, t('users.save'))));
}

async function save(user, tr, error) {
  const roles = $$('input[name=role]:checked', tr).map((box) => box.value);
  error.textContent = '';
  if (roles.length === 0) {
    error.textContent = t('users.needOne');
    return;
  }
  try {
    const saved = await api(`/api/users/${user.id}/roles`, { method: 'PUT', body: { roles } });
    user.roles = saved.roles;
    $('#users-status').textContent = t('users.saved', { name: saved.displayName });
  } catch (failure) {
    error.textContent = describeError(failure);
  }
}

function renderPages() {
  renderPager($('#users-pages'), result, (page) => { query.page = page; load(); });
}
