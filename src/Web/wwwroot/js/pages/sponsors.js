// The organizer's sponsors (an admin's: all of them) with their Twenty CRM sync state.
import '../fashion-i18n.js';
import { initPage } from '../layout.js';
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { dateShort } from '../format.js';
import { statusBadge, pageRoot, showLoadError } from '../fashion-ui.js';

let sponsors = null;

if (initPage({ page: 'sponsors', requires: 'organizer' }) !== undefined) {
  onLangChange(render);
  load();
}

async function load() {
  try {
    sponsors = await api('/api/sponsors/crm-state');
    render();
  } catch (error) {
    showLoadError(error, load);
  }
}

function syncState(s) {
  if (s.pendingSyncs > 0) return statusBadge(s.lastError ? 'retrying' : 'pending');
  return statusBadge(s.crmCompanyId ? 'synced' : 'notSynced');
}

function render() {
  if (!sponsors) return;
  replace(pageRoot(),
    h('h1', {}, t('sponsors.heading')),
    h('p', { class: 'lede' }, t('sponsors.lede')),
    sponsors.length === 0 ? h('p', { class: 'card empty' }, t('sponsors.none')) : h('div', { class: 'card table-wrap' }, h('table', { class: 'stack' },
      h('thead', {}, h('tr', {}, ['sponsors.name', 'sponsors.tier', 'sponsors.crm', 'sponsors.crmIds', 'sponsors.lastSync']
        .map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, sponsors.map((s) => h('tr', { dataset: { sponsorId: s.id } },
        h('td', { 'data-label': t('sponsors.name') }, s.name),
        h('td', { 'data-label': t('sponsors.tier') }, t(`lineup.tier.${s.tier}`)),
        h('td', { 'data-label': t('sponsors.crm') }, syncState(s), s.lastError ? h('span', { class: 'muted' }, ` ${s.lastError}`) : null),
        h('td', { 'data-label': t('sponsors.crmIds') }, [s.crmCompanyId, s.crmPersonId].filter(Boolean).join(' / ') || '—'),
        h('td', { 'data-label': t('sponsors.lastSync') }, s.crmSyncedAt ? dateShort(s.crmSyncedAt) : '—')))))));
}
