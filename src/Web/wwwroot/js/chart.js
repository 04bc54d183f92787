// A small SVG step chart of tickets sold over time, drawn from the dashboard's live messages.
import { timeOfDay, number } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
/** Drawing units are CSS pixels of the element, so labels keep their size on a phone and on a wide screen. */
const FALLBACK_WIDTH = 600;
const HEIGHT = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 26 };
/** Smallest y-axis top, so a handful of sales does not look like a wall. */
const MIN_Y_MAX = 5;

function el(name, attributes = {}, text = null) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  if (text !== null) node.textContent = text;
  return node;
}

function niceCeiling(value) {
  const v = Math.max(MIN_Y_MAX, value);
  const magnitude = 10 ** Math.floor(Math.log10(v));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= v) return step * magnitude;
  return 10 * magnitude;
}

/** points: [{at: ms, sold: n}] in time order; draws into the <svg> `svg`, up to `now`. */
export function drawSalesChart(svg, points, now, label) {
  const WIDTH = Math.round(svg.clientWidth) || FALLBACK_WIDTH;
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.replaceChildren();
  if (points.length === 0) return;

  const t0 = points[0].at;
  const t1 = Math.max(now, t0 + 1000);
  const yMax = niceCeiling(Math.max(...points.map((p) => p.sold)) * 1.2);
  const x = (at) => PAD.left + ((at - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const y = (sold) => HEIGHT - PAD.bottom - (sold / yMax) * (HEIGHT - PAD.top - PAD.bottom);

  for (const tick of [0, yMax / 2, yMax]) {
    svg.append(el('line', { class: 'axis', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(tick), y2: y(tick) }));
    svg.append(el('text', { x: PAD.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, number(tick)));
  }
  svg.append(el('text', { x: PAD.left, y: HEIGHT - 6 }, timeOfDay(new Date(t0).toISOString())));
  svg.append(el('text', { x: WIDTH - PAD.right, y: HEIGHT - 6, 'text-anchor': 'end' }, timeOfDay(new Date(t1).toISOString())));

  // Steps: a count holds until the next message changes it.
  let d = `M ${x(points[0].at)} ${y(points[0].sold)}`;
  for (let i = 1; i < points.length; i++) d += ` H ${x(points[i].at)} V ${y(points[i].sold)}`;
  d += ` H ${x(t1)}`;
  const area = `${d} V ${y(0)} H ${x(points[0].at)} Z`;
  svg.append(el('path', { class: 'area', d: area }));
  svg.append(el('path', { class: 'line', d }));
}
