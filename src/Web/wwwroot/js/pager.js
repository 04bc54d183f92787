// Previous/next buttons and the total under a paged list ({items, page, pageSize, total} from the API).
import { h, replace } from './dom.js';
import { t } from './i18n.js';

/** Fills `container` for `result`; `go(page)` loads another page. */
export function renderPager(container, result, go) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  replace(container,
    h('span', { class: 'muted' }, t('pager.total', { count: result.total })),
    result.page > 1 ? h('button', { type: 'button', class: 'btn small ghost', onclick: () => go(result.page - 1) }, t('pager.prev')) : null,
    result.page < pages ? h('button', { type: 'button', class: 'btn small ghost', onclick: () => go(result.page + 1) }, t('pager.next')) : null);
}
