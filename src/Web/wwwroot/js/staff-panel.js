// The dashboard's door staff: people the organizer lets check tickets in at this event, added by e-mail.
import { api, ApiError, describeError } from './api.js';
import { h, replace, $ } from './dom.js';
import { t } from './i18n.js';
import { field } from './forms.js';

const PREFIX = 'staff';

export function mountStaffPanel(eventId) {
  let members = null;

  renderForm();
  load();
  return { render: () => { renderForm(); render(); } };

  function renderForm() {
    const form = $('#staff-form');
    replace(form,
      field(PREFIX, 'email', 'staff.email', { type: 'email', autocomplete: 'off', required: true }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn small' }, t('staff.add'))));
    form.onsubmit = add;
  }

  async function load() {
    try {
      members = await api(`/api/events/${eventId}/staff`);
    } catch (error) {
      members = error;
    }
    render();
  }

  function render() {
    const list = $('#staff-list');
    if (members === null) return;
    if (members instanceof Error) {
      replace(list, h('p', { role: 'alert' }, describeError(members)));
      return;
    }
    replace(list, members.length === 0
      ? h('p', { class: 'muted' }, t('staff.none'))
      : h('ul', { class: 'staff' }, members.map((m) => h('li', { dataset: { userId: m.userId } },
        h('span', {}, m.displayName, ' ', h('span', { class: 'muted' }, m.email)),
        h('button', { type: 'button', class: 'btn small ghost', onclick: () => remove(m) }, t('staff.remove'))))));
  }

  async function add(event) {
    event.preventDefault();
    const input = $(`#${PREFIX}-email`);
    const error = $(`#${PREFIX}-email-error`);
    const status = $('#staff-status');
    error.textContent = '';
    status.textContent = '';
    if (!input.value.trim() || !input.checkValidity()) {
      error.textContent = t('form.emailInvalid');
      return;
    }
    try {
      const member = await api(`/api/events/${eventId}/staff`, { method: 'POST', body: { email: input.value.trim() } });
      input.value = '';
      status.textContent = t('staff.added', { name: member.displayName });
      await load();
    } catch (failure) {
      error.textContent = failure instanceof ApiError && failure.status === 404 ? t('staff.notFound') : describeError(failure);
    }
  }

  async function remove(member) {
    try {
      await api(`/api/events/${eventId}/staff/${member.userId}`, { method: 'DELETE' });
    } catch (failure) {
      $('#staff-status').textContent = describeError(failure);
    }
    await load();
  }
}
