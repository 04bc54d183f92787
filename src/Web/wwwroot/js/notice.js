// One page-wide notice under the header: errors, busy server, lost connection. Announced to screen readers.
import { h, replace } from './dom.js';
import { t } from './i18n.js';

function area() {
  let element = document.getElementById('notice');
  if (!element) {
    element = h('div', { id: 'notice', class: 'notice', hidden: true });
    const holder = h('div', { class: 'notice-area' }, element);
    document.querySelector('.site-header')?.after(holder) ?? document.body.prepend(holder);
  }
  return element;
}

/** kind: 'error' | 'warn' | 'info'. action: optional {label, run} shown as a button (e.g. retry). */
export function showNotice(kind, message, action = null) {
  const element = area();
  element.className = `notice ${kind}`;
  element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  replace(element,
    h('span', { class: 'notice-text' }, message),
    action ? h('button', { type: 'button', class: 'btn small ghost', onclick: action.run }, action.label) : null,
    h('button', { type: 'button', class: 'btn small ghost', 'aria-label': t('notice.close'), onclick: clearNotice }, '×'));
  element.hidden = false;
}

export function clearNotice() {
  const element = document.getElementById('notice');
  if (element) element.hidden = true;
}
