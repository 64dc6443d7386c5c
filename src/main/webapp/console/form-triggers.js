// The "Triggers" section: the DAM's eight events as checkboxes; "On change meta" narrows to a field and value.
import {h, field} from './dom.js';
import {TRIGGERS, META_EVENT, triggerId} from './catalog.js';
import {schemaDetails} from './event-schema.js';

export function triggersSection(stored = []) {
    const events = new Set(stored.map(t => t.event));
    const metas = stored.filter(t => t.event === META_EVENT);
    const metaField = h('input', {id: 'meta-field', value: metas[0]?.field ?? '', placeholder: 'any field',
        autocomplete: 'off', spellcheck: 'false'});
    const metaValue = h('input', {id: 'meta-value', value: metas[0]?.value ?? '', placeholder: 'any value',
        autocomplete: 'off'});
    const metaBox = h('div', {class: 'grid nested', id: 'meta-condition'},
        field('meta-field', 'Metadata field', metaField, 'Leave empty for any field.'),
        field('meta-value', 'Changed to value', metaValue, 'Leave empty for any value.'));

    const boxes = TRIGGERS.map(trigger => {
        const id = triggerId(trigger.event);
        const input = h('input', {type: 'checkbox', id, value: trigger.event, checked: events.has(trigger.event),
            'aria-describedby': `${id}-hint`});
        return h('div', {class: 'check described'}, input,
            h('label', {for: id}, trigger.label),
            h('p', {class: 'hint', id: `${id}-hint`}, trigger.help),
            schemaDetails(trigger.event),
            trigger.event === META_EVENT ? metaBox : null);
    });
    const metaCheck = boxes[TRIGGERS.findIndex(t => t.event === META_EVENT)].querySelector('input');
    const update = () => { metaBox.hidden = !metaCheck.checked; };
    metaCheck.addEventListener('change', update);
    update();

    const element = h('fieldset', {class: 'section', id: 'triggers'},
        h('legend', {}, 'Triggers'),
        h('p', {class: 'hint'}, 'The events that need to happen to execute the webhook.'),
        h('div', {class: 'checks two-columns'}, boxes));

    let sent = [];
    return {
        element,
        collect() {
            sent = [];
            for (const box of boxes) {
                const input = box.querySelector('input');
                if (!input.checked) continue;
                if (input.value !== META_EVENT) { sent.push({event: input.value}); continue; }
                const condition = {event: META_EVENT};
                if (metaField.value.trim()) condition.field = metaField.value.trim();
                if (metaValue.value !== '') condition.value = metaValue.value;
                // further field/value pairs set through the API are kept as they are
                sent.push(condition, ...metas.slice(1));
            }
            return sent;
        },
        resolve(path) {
            const match = /^triggers\[(\d+)]\.(\w+)$/.exec(path);
            const trigger = match && sent[Number(match[1])];
            if (!trigger) return element;
            if (match[2] === 'field') return metaField;
            if (match[2] === 'value') return metaValue;
            return element.querySelector(`#${triggerId(trigger.event)}`);
        },
    };
}
