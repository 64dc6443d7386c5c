// Small DOM helpers. Text always goes in as text nodes, never as HTML, so data from the API can't inject markup.

/** h('a', {href: '#/x', class: 'link', onclick: fn}, 'text', child) */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) {
        if (value == null || value === false) continue;
        if (name === 'class') element.className = value;
        else if (name === 'dataset') Object.assign(element.dataset, value);
        else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
        else if (name === 'value' || name === 'checked') element[name] = value;
        else element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) {
        if (child == null || child === false) continue;
        element.append(child instanceof Node ? child : String(child));
    }
    return element;
}

/** Text only screen readers read. */
export const srOnly = text => h('span', {class: 'sr-only'}, text);

/** A label with its control, and a slot for the control's hint and error. */
export function field(id, label, control, hint) {
    const hintId = hint ? `${id}-hint` : null;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    return h('div', {class: 'field', dataset: {for: id}},
        h('label', {for: id}, label),
        control,
        hint && h('p', {class: 'hint', id: hintId}, hint));
}

/** A checkbox followed by its label. */
export function check(id, label, checked, attributes = {}) {
    return h('div', {class: 'check'},
        h('input', {type: 'checkbox', id, checked, ...attributes}),
        h('label', {for: id}, label));
}

const dateTime = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'medium'});
const timeOnly = new Intl.DateTimeFormat(undefined, {timeStyle: 'medium'});
const shortDateTime = new Intl.DateTimeFormat(undefined, {dateStyle: 'short', timeStyle: 'short'});

/** A <time> for an ISO instant, or a dash; `short`: today's time only, else a short date (full on hover). */
export function time(iso, short = false) {
    if (!iso) return h('span', {class: 'muted'}, '—');
    const date = new Date(iso);
    const today = date.toDateString() === new Date().toDateString();
    const text = !short ? dateTime.format(date) : today ? timeOnly.format(date) : shortDateTime.format(date);
    return h('time', {datetime: iso, title: dateTime.format(date)}, text);
}

let toastTimer;
/** A short message in the polite live region. */
export function toast(message, kind = 'info') {
    const region = document.getElementById('toast');
    region.textContent = message;
    region.dataset.kind = kind;
    region.classList.add('shown');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => region.classList.remove('shown'), 5000);
}

/** Asks with the page's <dialog>; resolves true when confirmed. */
export function confirmAction(title, text, confirmLabel) {
    const dialog = document.getElementById('confirm');
    dialog.querySelector('#confirm-title').textContent = title;
    dialog.querySelector('#confirm-text').textContent = text;
    dialog.querySelector('#confirm-ok').textContent = confirmLabel;
    dialog.returnValue = 'cancel';
    dialog.showModal();
    dialog.querySelector('#confirm-cancel').focus();
    return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), {once: true}));
}
