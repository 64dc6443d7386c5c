// The JSON Schema of the body a receiver gets for an event (GET /api/event-types), shown on demand under
// its trigger: loaded when first opened, once for all triggers.
import {h} from './dom.js';
import {get} from './api.js';

let catalog = null;

export function schemaDetails(event) {
    const pre = h('pre', {class: 'mono', tabindex: '0'}, 'Loading…');
    const details = h('details', {class: 'event-schema', id: `schema-${event.replace(/[._]/g, '-')}`},
        h('summary', {}, 'Body schema (JSON Schema)'), pre);
    details.addEventListener('toggle', async () => {
        if (!details.open || pre.dataset.loaded) return;
        try {
            catalog ??= get('event-types');
            const type = (await catalog).find(t => t.type === event);
            pre.textContent = type ? JSON.stringify(type.schema, null, 2) : 'No schema for this event.';
            pre.dataset.loaded = 'true';
        } catch (error) {
            catalog = null; // the next opening tries again
            pre.textContent = `The schema could not be loaded: ${error.message}`;
        }
    });
    return details;
}
