// The payload section: which asset details the JSON body carries, grouped as the DAM groups them.
import {h, check} from './dom.js';
import {FIELD_GROUPS, DEFAULT_FIELDS, METADATA_NOTE, EMBEDDED_WARNING, fieldId} from './catalog.js';

export function fieldsSection(stored = DEFAULT_FIELDS) {
    const chosen = new Set(stored);
    const groups = FIELD_GROUPS.map(group => h('fieldset', {class: 'field-group'},
        h('legend', {}, group.title),
        group.fields.map(([selector, label]) => check(fieldId(selector),
            group.starred ? [label, h('span', {'aria-hidden': 'true'}, '*')] : label,
            chosen.has(selector), {value: selector}))));

    const element = h('fieldset', {class: 'section', id: 'fields'},
        h('legend', {}, 'Asset details in the body'),
        h('p', {class: 'hint'}, 'Only the details that apply to the asset are sent: video details for videos, image details for images.'),
        h('div', {class: 'field-groups'}, groups),
        h('p', {class: 'hint'}, h('span', {'aria-hidden': 'true'}, '* '), METADATA_NOTE),
        h('p', {class: 'warning', id: 'embedded-warning'}, EMBEDDED_WARNING));
    element.querySelector(`#${fieldId('meta.embedded')}`).setAttribute('aria-describedby', 'embedded-warning');

    let sent = [];
    return {
        element,
        collect() {
            sent = [...element.querySelectorAll('input:checked')].map(input => input.value);
            return sent;
        },
        resolve(path) {
            const match = /^fields\[(\d+)]$/.exec(path);
            const selector = match && sent[Number(match[1])];
            return selector ? element.querySelector(`#${fieldId(selector)}`) : element;
        },
    };
}
