// The webhook list in the sidebar, with an active switch each. A switch PUTs the GET document with `active`
// flipped; a 409 (changed elsewhere) reloads the list.
import {h, srOnly, toast} from './dom.js';
import {put, ApiError} from './api.js';
import {triggerLabel} from './catalog.js';

export function renderList(list, webhooks, selectedId, reload) {
    if (!webhooks.length) {
        list.replaceChildren(h('li', {class: 'empty'}, 'No webhooks yet. Add one to call a service when assets change.'));
        return;
    }
    list.replaceChildren(...webhooks.map(webhook => item(webhook, webhook.id === selectedId, reload)));
}

function item(webhook, selected, reload) {
    const switchId = `active-${webhook.id}`;
    const toggle = h('input', {type: 'checkbox', role: 'switch', id: switchId, class: 'switch', checked: webhook.active});
    toggle.addEventListener('change', async () => {
        toggle.disabled = true;
        try {
            await put(`webhooks/${webhook.id}`, {...webhook, active: toggle.checked});
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
            h('a', {class: 'item-name', href: `#/webhooks/${webhook.id}`, 'aria-current': selected ? 'true' : null},
                webhook.name),
            h('span', {class: 'item-url mono', title: webhook.url}, webhook.url),
            h('span', {class: 'item-triggers'}, (webhook.triggers ?? []).map(t => triggerLabel(t.event))
                .filter((label, i, all) => all.indexOf(label) === i).join(' · ')),
            webhook.disabledReason && h('span', {class: 'item-warning'}, `Paused by the service: ${webhook.disabledReason}`)),
        h('div', {class: 'item-side'},
            h('div', {class: 'switch-box'}, toggle,
                h('label', {for: switchId}, 'Active', srOnly(`: ${webhook.name}`))),
            h('a', {class: 'item-link', href: `#/webhooks/${webhook.id}/deliveries`}, 'Deliveries',
                srOnly(` of ${webhook.name}`))));
}
