// Forms shared by the organizer pages: an event's details and a ticket tier. Times are entered in Bogotá time.
import { h, $$ } from './dom.js';
import { t } from './i18n.js';
import { toLocalInput, fromLocalInput } from './format.js';
import './codes-i18n.js';

/** A labelled input with a place for its error (aria-describedby ties them together). */
export function field(prefix, name, labelKey, attributes = {}, hintKey = null) {
  const id = `${prefix}-${name}`;
  const describedBy = [hintKey ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  const control = attributes.tag === 'textarea'
    ? h('textarea', { id, name, 'aria-describedby': describedBy, ...attributes, tag: null })
    : h('input', { id, name, 'aria-describedby': describedBy, ...attributes });
  return h('div', { class: 'field' },
    h('label', { for: id }, t(labelKey)),
    control,
    hintKey ? h('span', { class: 'hint', id: `${id}-hint` }, t(hintKey)) : null,
    h('span', { class: 'field-error', id: `${id}-error` }));
}

/** Shows the API's validation errors ({field: [messages]}) next to the fields; true when any matched. */
export function showFieldErrors(form, prefix, errors) {
  clearFieldErrors(form);
  let first = null;
  for (const [name, messages] of Object.entries(errors ?? {})) {
    const input = form.querySelector(`#${prefix}-${name}`);
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    form.querySelector(`#${prefix}-${name}-error`).textContent = [].concat(messages).join(' ');
    first ??= input;
  }
  first?.focus();
  return first !== null;
}

export function clearFieldErrors(form) {
  for (const input of $$('[aria-invalid]', form)) input.removeAttribute('aria-invalid');
  for (const error of $$('.field-error', form)) error.textContent = '';
}

const intOrNull = (value) => (value === '' ? null : Number.parseInt(value, 10));

export function eventFields(prefix, e = {}) {
  return [
    field(prefix, 'name', 'form.eventName', { type: 'text', required: true, maxlength: 200, value: e.name ?? '' }),
    field(prefix, 'venue', 'form.venue', { type: 'text', required: true, maxlength: 200, value: e.venue ?? '' }),
    h('div', { class: 'field-row' },
      field(prefix, 'startsAt', 'form.startsAt', { type: 'datetime-local', required: true, value: toLocalInput(e.startsAt) }, 'form.bogotaTime'),
      field(prefix, 'endsAt', 'form.endsAt', { type: 'datetime-local', required: true, value: toLocalInput(e.endsAt) }, 'form.bogotaTime')),
    field(prefix, 'capacity', 'form.capacity', { type: 'number', required: true, min: 1, inputmode: 'numeric', value: e.capacity ?? '' }),
    field(prefix, 'description', 'form.description', { tag: 'textarea', maxlength: 4000 }),
  ];
}

export function readEvent(form, prefix) {
  const v = (name) => form.querySelector(`#${prefix}-${name}`).value;
  return {
    name: v('name').trim(),
    venue: v('venue').trim(),
    startsAt: fromLocalInput(v('startsAt')),
    endsAt: fromLocalInput(v('endsAt')),
    capacity: intOrNull(v('capacity')),
    description: v('description').trim() || null,
  };
}

export function tierFields(prefix, tier = {}) {
  return [
    h('div', { class: 'field-row' },
      field(prefix, 'name', 'form.tierName', { type: 'text', required: true, maxlength: 200, value: tier.name ?? '' }),
      field(prefix, 'price', 'form.price', { type: 'number', required: true, min: 0, step: 1, inputmode: 'numeric', value: tier.price ?? '' }, 'form.pesos')),
    h('div', { class: 'field-row' },
      field(prefix, 'capacity', 'form.capacity', { type: 'number', required: true, min: 1, inputmode: 'numeric', value: tier.capacity ?? '' }),
      field(prefix, 'perBuyerLimit', 'form.perBuyerLimit', { type: 'number', min: 1, max: 100, inputmode: 'numeric', value: tier.perBuyerLimit ?? 10 })),
    h('div', { class: 'field-row' },
      field(prefix, 'salesStart', 'form.salesStart', { type: 'datetime-local', value: toLocalInput(tier.salesStart) }, 'form.bogotaTime'),
      field(prefix, 'salesEnd', 'form.salesEnd', { type: 'datetime-local', value: toLocalInput(tier.salesEnd) }, 'form.bogotaTime')),
    h('div', { class: 'field-row' },
      field(prefix, 'earlyBirdPrice', 'form.earlyBirdPrice', { type: 'number', min: 0, inputmode: 'numeric', value: tier.earlyBirdPrice ?? '' }, 'form.optional'),
      field(prefix, 'earlyBirdDeadline', 'form.earlyBirdDeadline', { type: 'datetime-local', value: toLocalInput(tier.earlyBirdDeadline) }, 'form.optional')),
    h('div', { class: 'field-row' },
      field(prefix, 'groupDiscountThreshold', 'form.groupThreshold', { type: 'number', min: 2, inputmode: 'numeric', value: tier.groupDiscountThreshold ?? '' }, 'form.optional'),
      field(prefix, 'groupDiscountPercentage', 'form.groupPercentage', { type: 'number', min: 1, max: 100, inputmode: 'numeric', value: tier.groupDiscountPercentage ?? '' }, 'form.optional')),
    h('div', { class: 'check-field' },
      h('input', { type: 'checkbox', id: `${prefix}-hidden`, checked: tier.hidden === true }),
      h('label', { for: `${prefix}-hidden` }, t('form.hiddenTier'))),
    field(prefix, 'description', 'form.description', { tag: 'textarea', maxlength: 4000 }),
  ];
}

export function readTier(form, prefix) {
  const v = (name) => form.querySelector(`#${prefix}-${name}`).value;
  return {
    name: v('name').trim(),
    price: intOrNull(v('price')),
    capacity: intOrNull(v('capacity')),
    perBuyerLimit: intOrNull(v('perBuyerLimit')),
    salesStart: fromLocalInput(v('salesStart')),
    salesEnd: fromLocalInput(v('salesEnd')),
    earlyBirdPrice: intOrNull(v('earlyBirdPrice')),
    earlyBirdDeadline: fromLocalInput(v('earlyBirdDeadline')),
    groupDiscountThreshold: intOrNull(v('groupDiscountThreshold')),
    groupDiscountPercentage: intOrNull(v('groupDiscountPercentage')),
    description: v('description').trim() || null,
    hidden: form.querySelector(`#${prefix}-hidden`).checked,
  };
}

/** Textareas take their text as content, not as a value attribute. */
export function setDescription(form, prefix, text) {
  form.querySelector(`#${prefix}-description`).value = text ?? '';
}
