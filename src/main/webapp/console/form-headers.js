// The "Headers" section: up to 10 name/value rows, added and removed. A row marked secret (an API key) is
// masked and write-only: the API never returns its value, so a stored one shows as "set" and an empty input
// keeps it — while the target stays where it was (`sameTarget()`; `refresh()` when it changes).
import {h, srOnly} from './dom.js';
import {MAX_HEADERS} from './catalog.js';

const KEPT = '•••• set — leave empty to keep';
const AGAIN = 'Enter it again: the target changed';

export function headersSection(stored = [], sameTarget = () => true) {
    const rows = h('div', {class: 'header-rows'});
    const count = h('span', {class: 'hint', id: 'headers-count', 'aria-live': 'polite'});
    const add = h('button', {type: 'button', class: 'button small', id: 'add-header', onclick: () => {
        addRow('', '').querySelector('input').focus();
    }}, '+ Add header');
    let next = 0;

    function addRow(name, value, secret = false, storedSecret = false) {
        const key = next++;
        const nameId = `header-name-${key}`;
        const valueId = `header-value-${key}`;
        const secretId = `header-secret-${key}`;
        const valueInput = h('input', {id: valueId, value: value ?? '', autocomplete: 'off', spellcheck: 'false'});
        const secretBox = h('input', {type: 'checkbox', id: secretId, checked: secret});
        const nameInput = h('input', {id: nameId, value: name, placeholder: 'X-Tenant', autocomplete: 'off', spellcheck: 'false'});
        const mask = () => {
            valueInput.type = secretBox.checked ? 'password' : 'text';
            valueInput.autocomplete = secretBox.checked ? 'new-password' : 'off';
            // a stored secret stays only under its name, as a secret, and while the target stays
            const held = storedSecret && secretBox.checked && nameInput.value.trim().toLowerCase() === name.toLowerCase();
            valueInput.placeholder = !held ? '' : sameTarget() ? KEPT : AGAIN;
        };
        secretBox.addEventListener('change', mask);
        nameInput.addEventListener('input', mask);
        mask();
        const row = h('div', {class: 'header-row'},
            h('div', {class: 'field'}, h('label', {for: nameId}, 'Header name'), nameInput),
            h('div', {class: 'field'}, h('label', {for: valueId}, 'Header value'), valueInput,
                h('div', {class: 'check'}, secretBox, h('label', {for: secretId}, 'Secret (masked, never shown again)'))),
            h('button', {type: 'button', class: 'button ghost small remove', onclick: () => {
                const neighbour = row.nextElementSibling ?? row.previousElementSibling;
                row.remove();
                update();
                (neighbour?.querySelector('input') ?? add).focus();
            }}, 'Remove', srOnly(' this header')));
        row.refresh = mask;
        rows.append(row);
        update();
        return row;
    }

    function update() {
        const n = rows.children.length;
        add.disabled = n >= MAX_HEADERS;
        count.textContent = `${n} of ${MAX_HEADERS} headers`;
    }

    stored.forEach(header => addRow(header.name, header.value, header.secret === true, header.secret === true));
    update();

    const element = h('fieldset', {class: 'section', id: 'headers'},
        h('legend', {}, 'Headers'),
        h('p', {class: 'hint'}, 'Up to 10 additional headers sent to the endpoint with the payload, in the form name: value.'),
        rows, h('div', {class: 'row-actions'}, add, count));

    const inputs = row => row.querySelectorAll('input');
    const filled = () => [...rows.children].filter(row => [...inputs(row)].slice(0, 2).some(i => i.value.trim()));
    return {
        element,
        refresh: () => [...rows.children].forEach(row => row.refresh()),
        collect: () => filled().map(row => {
            const [name, value, secret] = inputs(row);
            if (!secret.checked) return {name: name.value.trim(), value: value.value};
            // an empty secret value keeps the stored one
            return value.value === '' ? {name: name.value.trim(), secret: true} : {name: name.value.trim(), value: value.value, secret: true};
        }),
        // headers[2].name: the third row sent, which is the third filled row
        resolve(path) {
            const match = /^headers\[(\d+)]\.(name|value)$/.exec(path);
            const row = match && filled()[Number(match[1])];
            return row ? row.querySelectorAll('input')[match[2] === 'name' ? 0 : 1] : element;
        },
    };
}
