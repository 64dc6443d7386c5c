// The webhook list in the sidebar, with an active switch each. A switch PUTs the GET document with `active`
// flipped; a 409 (changed elsewhere) reloads the list.
import {h, srOnly, toast} from './dom.js';
import {get, put, ApiError} from './api.js';
import {triggerLabel} from './catalog.js';

export function renderList(list, webhooks, selectedId, reload) {
    const focused = list.contains(document.activeElement) ? document.activeElement.id : null;
    if (!webhooks.length) {
        list.replaceChildren(h('li', {class: 'empty'}, 'No webhooks yet. Add one to call a service when assets change.'));
        return;
    }
    list.replaceChildren(...webhooks.map(webhook => item(webhook, webhook.id === selectedId, reload)));
    // a fresh list must not take the keyboard focus away from the switch or link that was in use
    if (focused) document.getElementById(focused)?.focus();
}

function item(webhook, selected, reload) {
    const switchId = `active-${webhook.id}`;
    const toggle = h('input', {type: 'checkbox', role: 'switch', id: switchId, class: 'switch', checked: webhook.active});
    toggle.addEventListener('change', async () => {
        toggle.disabled = true;
        try {
            // the current document, so that a change made here since the list loaded (a rotated secret) is no conflict
            const current = await get(`webhooks/${webhook.id}`);
            await put(`webhooks/${webhook.id}`, {...current, active: toggle.checked});
            toast(`“${webhook.name}” is ${toggle.checked ? 'active' : 'paused'}.`);
            await reload();
        } catch (error) {
            toggle.checked = !toggle.checked;
            if (error instanceof ApiError && error.status === 409) {
                toast(`“${webhook.name}” was changed elsewhere: the list is reloaded, please try again.`, 'error');
                await reload();
            } else if (error.status !== 401) {
                toast(`Could not change “${webhook.name}”: ${error.message}`, 'error');
            }
        } finally {
            toggle.disabled = false;
        }
    });
    return h('li', {class: 'webhook-item' + (selected ? ' selected' : ''), dataset: {id: webhook.id}},
        h('div', {class: 'item-main'},
            h('a', {class: 'item-name', id: `open-${webhook.id}`, href: `#/webhooks/${webhook.id}`, 'aria-current': selected ? 'true' : null},
                webhook.name),
            h('span', {class: 'item-url mono', title: webhook.url}, webhook.url),
            h('span', {class: 'item-triggers'}, (webhook.triggers ?? []).map(t => triggerLabel(t.event))
                .filter((label, i, all) => all.indexOf(label) === i).join(' · ')),
            webhook.disabledReason && h('span', {class: 'item-warning'}, `Paused by the service: ${webhook.disabledReason}`)),
        h('div', {class: 'item-side'},
            h('div', {class: 'switch-box'}, toggle,
                h('label', {for: switchId}, 'Active', srOnly(`: ${webhook.name}`))),
            h('a', {class: 'item-link', id: `deliveries-${webhook.id}`, href: `#/webhooks/${webhook.id}/deliveries`}, 'Deliveries',
                srOnly(` of ${webhook.name}`))));
}
