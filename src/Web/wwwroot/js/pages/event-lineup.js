// Adds the show lineup to the event page (kept apart from the buying flow in event.js).
import { renderLineup } from '../lineup-view.js';
import { guidParam, $ } from '../dom.js';
import { onLangChange } from '../i18n.js';

const eventId = guidParam('id');
const section = $('#lineup');
if (eventId && section) {
  renderLineup(section, eventId);
  onLangChange(() => renderLineup(section, eventId));
}
