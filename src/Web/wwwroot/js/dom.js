// Builds DOM nodes without innerHTML, so text from the server can never become markup.

/**
 * h('a', { href: '/x', class: 'btn', dataset: { id: 1 }, onclick: fn }, 'text', child, [more])
 * Attributes whose value is null, undefined or false are left out; true gives an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') {
      for (const [key, v] of Object.entries(value)) element.dataset[key] = String(v);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'text') {
      element.textContent = String(value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `element`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** The query-string parameter, or null. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/** A GUID from the query string, or null when missing or malformed (never sent on to the API). */
export function guidParam(name) {
  const value = param(name);
  return value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : null;
}
