// Pieces the fashion-side pages share: loading a page's data, status badges, form reading, media figures.
import { describeError } from './api.js';
import { h, replace, $ } from './dom.js';
import { t } from './i18n.js';
import { showFieldErrors, clearFieldErrors } from './forms.js';

/** A coloured badge for an application, casting or delivery status. */
export function statusBadge(status) {
  return h('span', { class: `badge ${status}`, dataset: { status } }, t(`fashion.status.${status}`));
}

/** The page's main container (#page), marked loaded. */
export function pageRoot() {
  const root = $('#page');
  root.setAttribute('aria-busy', 'false');
  return root;
}

/** Replaces the page with an error and a retry button. */
export function showLoadError(error, retry) {
  replace(pageRoot(), h('div', { class: 'card empty', role: 'alert' }, h('p', {}, describeError(error)),
    h('button', { type: 'button', class: 'btn', onclick: retry }, t('common.retry'))));
}

/** The trimmed values of `names` in a form whose inputs have ids `${prefix}-${name}`; blanks become null. */
export function readForm(form, prefix, names) {
  return Object.fromEntries(names.map((name) => {
    const value = form.querySelector(`#${prefix}-${name}`).value.trim();
    return [name, value === '' ? null : value];
  }));
}

/** An integer or null from a form value. */
export const intOrNull = (value) => (value === null || value === '' ? null : Number.parseInt(value, 10));

/**
 * Wires `form` to `action(form)`: field errors from the API beside their inputs, other errors in the form's
 * .form-error, `done(result)` on success. The submit button is disabled while the call runs.
 */
export function onSubmit(form, prefix, action, done) {
  form.onsubmit = async (submitted) => {
    submitted.preventDefault();
    clearFieldErrors(form);
    const error = form.querySelector('.form-error');
    if (error) error.textContent = '';
    const button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    try {
      await done(await action(form));
    } catch (failure) {
      if (!showFieldErrors(form, prefix, failure.fieldErrors) && error) error.textContent = describeError(failure);
    } finally {
      if (button) button.disabled = false;
    }
  };
  return form;
}

/** An image or a video of a collection look or a portfolio, as stored. */
export function mediaFigure(item, alt) {
  return h('figure', {},
    item.contentType.startsWith('video/')
      ? h('video', { src: item.url, controls: true, preload: 'metadata', style: 'width:100%' })
      : h('img', { src: item.url, alt: item.caption ?? alt, loading: 'lazy', style: 'width:100%;height:auto' }),
    item.caption ? h('figcaption', {}, item.caption) : null);
}

/** A file input with caption and an upload button, for looks and portfolio photos. */
export function uploadForm(prefix, labelKey) {
  return h('form', { class: 'upload-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: `${prefix}-file` }, t(labelKey)),
      h('input', { id: `${prefix}-file`, name: 'file', type: 'file', accept: 'image/jpeg,image/png,image/webp,image/gif,video/mp4,video/webm', required: true }),
      h('span', { class: 'field-error', id: `${prefix}-file-error` })),
    h('div', { class: 'field' },
      h('label', { for: `${prefix}-caption` }, t('fashion.caption')),
      h('input', { id: `${prefix}-caption`, name: 'caption', type: 'text', maxlength: 300 }),
      h('span', { class: 'field-error', id: `${prefix}-caption-error` })),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'btn small' }, t('fashion.upload')));
}
