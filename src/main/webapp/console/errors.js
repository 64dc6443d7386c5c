// Shows the API's validation errors (problem document `errors[{field, message}]`) beside the inputs they name,
// and in a summary at the top of the form whose links lead to them.
import {h} from './dom.js';

/** Removes every error a previous attempt showed. */
export function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(error => error.remove());
    form.querySelectorAll('[aria-invalid]').forEach(control => {
        control.removeAttribute('aria-invalid');
        const describedBy = (control.getAttribute('aria-describedby') ?? '').split(' ')
            .filter(id => id && !id.startsWith('error-')).join(' ');
        if (describedBy) control.setAttribute('aria-describedby', describedBy);
        else control.removeAttribute('aria-describedby');
    });
    const summary = form.querySelector('.error-summary');
    summary.hidden = true;
    summary.replaceChildren();
}

/** `resolve(field)` gives the control (or group) an API field name stands for, or null. */
export function showErrors(form, problem, resolve) {
    clearErrors(form);
    const summary = form.querySelector('.error-summary');
    const items = [];
    for (const [index, {field, message}] of problem.errors.entries()) {
        const target = resolve(field ?? '');
        if (!target) {
            items.push(h('li', {}, field ? `${field} ${message}` : message));
            continue;
        }
        const text = sentence(labelOf(target), message);
        const errorId = `error-${index}`;
        const box = target.closest('.field, .check, fieldset') ?? target.parentElement;
        box.append(h('p', {class: 'field-error', id: errorId, dataset: {field}}, text));
        target.setAttribute('aria-invalid', 'true');
        target.setAttribute('aria-describedby', `${target.getAttribute('aria-describedby') ?? ''} ${errorId}`.trim());
        items.push(h('li', {}, h('a', {href: `#${target.id}`, onclick: event => {
            event.preventDefault();
            focusable(target).focus();
        }}, text)));
    }
    summary.append(
        h('h2', {}, problem.errors.length ? 'Please correct the highlighted fields' : problem.message),
        items.length ? h('ul', {}, items) : null);
    summary.hidden = false;
    summary.focus();
}

/** A form-level message with no field, e.g. a conflict or the webhook limit. */
export function showMessage(form, message, ...actions) {
    clearErrors(form);
    const summary = form.querySelector('.error-summary');
    summary.append(h('h2', {}, message), actions.length ? h('p', {class: 'actions'}, actions) : null);
    summary.hidden = false;
    summary.focus();
}

function labelOf(target) {
    if (target.tagName === 'FIELDSET') return target.querySelector('legend')?.textContent ?? '';
    return document.querySelector(`label[for="${CSS.escape(target.id)}"]`)?.textContent ?? '';
}

// the API's messages continue their field's name: "hostname" + "is required" reads "Hostname is required"
function sentence(label, message) {
    const continues = /^(is|must|has|names|appears|at most|field and value)\b/.test(message);
    const text = continues && label ? `${label.trim()} ${message}` : message;
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function focusable(target) {
    return target.tagName === 'FIELDSET' ? target.querySelector('input, select, button') ?? target : target;
}
