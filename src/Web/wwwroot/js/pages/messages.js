// Admins see every message that went out, or that was kept because its service (SMTP, WATI) is not configured.
import { initPage } from '../layout.js';
import { api, describeError } from '../api.js';
import { h, replace, $ } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { dateTime } from '../format.js';
import { renderPager } from '../pager.js';

const PAGE_SIZE = 20;
let page = 1;
let result = null;

if (initPage({ page: 'messages', requires: 'admin' }) !== undefined) {
  onLangChange(render);
  load();
}

async function load() {
  $('#messages').setAttribute('aria-busy', 'true');
  try {
    result = await api(`/api/messages?page=${page}&pageSize=${PAGE_SIZE}`);
  } catch (error) {
    result = error;
  }
  render();
}

function render() {
  const list = $('#messages');
  list.setAttribute('aria-busy', 'false');
  if (result === null) return;
  if (result instanceof Error) {
    replace(list, h('div', { class: 'empty', role: 'alert' }, h('p', {}, describeError(result)),
      h('button', { type: 'button', class: 'btn', onclick: load }, t('common.retry'))));
    replace($('#messages-pages'));
    return;
  }
  replace(list, result.items.length === 0
    ? h('p', { class: 'empty' }, t('messages.none'))
    : h('table', { class: 'stack' },
      h('thead', {}, h('tr', {},
        ['messages.when', 'messages.to', 'messages.what', 'messages.status'].map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, result.items.map(row))));
  renderPager($('#messages-pages'), result, (p) => { page = p; load(); });
}

function row(message) {
  return h('tr', { dataset: { messageId: message.id } },
    h('td', { 'data-label': t('messages.when') }, dateTime(message.createdAt)),
    h('td', { 'data-label': t('messages.to') }, h('span', {}, t(`channel.${message.channel}`), h('br'), h('span', { class: 'muted' }, message.recipient))),
    h('td', { 'data-label': t('messages.what') }, h('div', {},
      h('strong', {}, message.subject ?? message.template),
      h('p', { class: 'message-text' }, message.text ?? t('messages.hidden')),
      message.attachments.length ? h('p', { class: 'muted' }, t('messages.files', { files: message.attachments.join(', ') })) : null)),
    h('td', { 'data-label': t('messages.status') }, t(`messageStatus.${message.status}`)));
}
