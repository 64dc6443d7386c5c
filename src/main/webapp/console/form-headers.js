// The "Headers" section: up to 10 name/value rows, added and removed.
import {h, srOnly} from './dom.js';
import {MAX_HEADERS} from './catalog.js';

export function headersSection(stored = []) {
    const rows = h('div', {class: 'header-rows'});
    const count = h('span', {class: 'hint', id: 'headers-count', 'aria-live': 'polite'});
    const add = h('button', {type: 'button', class: 'button small', id: 'add-header', onclick: () => {
        addRow('', '').querySelector('input').focus();
    }}, '+ Add header');
    let next = 0;

    function addRow(name, value) {
        const key = next++;
        const nameId = `header-name-${key}`;
        const valueId = `header-value-${key}`;
        const row = h('div', {class: 'header-row'},
            h('div', {class: 'field'}, h('label', {for: nameId}, 'Header name'),
                h('input', {id: nameId, value: name, placeholder: 'X-Tenant', autocomplete: 'off', spellcheck: 'false'})),
            h('div', {class: 'field'}, h('label', {for: valueId}, 'Header value'),
                h('input', {id: valueId, value, autocomplete: 'off', spellcheck: 'false'})),
            h('button', {type: 'button', class: 'button ghost small remove', onclick: () => {
                const neighbour = row.nextElementSibling ?? row.previousElementSibling;
                row.remove();
                update();
                (neighbour?.querySelector('input') ?? add).focus();
            }}, 'Remove', srOnly(' this header')));
        rows.append(row);
        update();
        return row;
    }

    function update() {
        const n = rows.children.length;
        add.disabled = n >= MAX_HEADERS;
        count.textContent = `${n} of ${MAX_HEADERS} headers`;
    }

    stored.forEach(header => addRow(header.name, header.value));
    update();

    const element = h('fieldset', {class: 'section', id: 'headers'},
        h('legend', {}, 'Headers'),
        h('p', {class: 'hint'}, 'Up to 10 additional headers sent to the endpoint with the payload, in the form name: value.'),
        rows, h('div', {class: 'row-actions'}, add, count));

    const filled = () => [...rows.children].filter(row => [...row.querySelectorAll('input')].some(i => i.value.trim()));
    return {
        element,
        collect: () => filled().map(row => {
            const [name, value] = row.querySelectorAll('input');
            return {name: name.value.trim(), value: value.value};
        }),
        // headers[2].name: the third row sent, which is the third filled row
        resolve(path) {
            const match = /^headers\[(\d+)]\.(name|value)$/.exec(path);
            const row = match && filled()[Number(match[1])];
            return row ? row.querySelectorAll('input')[match[2] === 'name' ? 0 : 1] : element;
        },
    };
}
