// "Mi agenda": the signed-in person's shows, call times, looks and backstage slots, with an .ics download.
import '../fashion-i18n.js';
import { initPage } from '../layout.js';
import { api, describeError } from '../api.js';
import { h, replace, $ } from '../dom.js';
import { t, lang, onLangChange } from '../i18n.js';
import { dateShort, timeOfDay } from '../format.js';
import { downloadFile } from '../upload.js';
import { pageRoot, showLoadError } from '../fashion-ui.js';

let items = null;

if (initPage({ page: 'agenda', requires: 'account' }) !== undefined) {
  onLangChange(render);
  load();
}

async function load() {
  try {
    items = await api('/api/me/agenda');
    render();
  } catch (error) {
    showLoadError(error, load);
  }
}

function title(item) {
  const kind = t(`agenda.kind.${item.kind}`);
  return item.kind === 'show' || !item.title ? `${kind}: ${item.eventName}` : `${kind}: ${item.title}`;
}

function render() {
  if (!items) return;
  replace(pageRoot(),
    h('h1', {}, t('agenda.heading')),
    h('p', { class: 'lede' }, t('agenda.lede')),
    h('p', { class: 'actions' },
      h('button', { type: 'button', class: 'btn', id: 'download-ics', disabled: items.length === 0, onclick: download }, t('agenda.download'))),
    h('p', { role: 'status', id: 'agenda-status', class: 'muted' }),
    items.length === 0
      ? h('p', { class: 'card empty' }, t('agenda.none'))
      : h('ol', { class: 'card staff', id: 'agenda' }, items.map((item) => h('li', { dataset: { kind: item.kind } },
        h('div', {},
          h('strong', {}, title(item)), h('br'),
          h('span', { class: 'muted' }, [dateShort(item.startsAt) + (item.endsAt ? `–${timeOfDay(item.endsAt)}` : ''),
            item.location, `${item.eventName} · ${item.venue}`].filter(Boolean).join(' · ')))))));
}

async function download() {
  try {
    await downloadFile(`/api/me/agenda.ics?lang=${lang()}`, 'mi-agenda.ics');
  } catch (error) {
    $('#agenda-status').textContent = describeError(error);
  }
}
