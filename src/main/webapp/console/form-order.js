// The "Order and rate" section: per-asset ordering and a rate limit (attempts per second), with what each costs.
import {h, field, check} from './dom.js';

export const MAX_PER_SECOND = 10000;

export function orderSection(stored = {}) {
    const perAsset = check('webhook-ordering', 'Deliver each asset’s events one at a time, in the order they happened',
        stored.ordering === 'per-asset', {'aria-describedby': 'webhook-ordering-hint'});
    const limited = check('webhook-rate-limited', 'Limit the request rate', stored.rateLimit != null);
    const perSecond = h('input', {id: 'webhook-rate', type: 'number', min: 1, max: MAX_PER_SECOND, step: 1,
        inputmode: 'numeric', value: stored.rateLimit?.perSecond ?? 10});
    const limitBox = limited.querySelector('input');
    const rateField = field('webhook-rate', 'Requests per second at most', perSecond,
        `1 to ${MAX_PER_SECOND}, across all instances. Deliveries beyond it wait (still pending; waiting costs no attempt).`);
    const showRate = () => { rateField.hidden = !limitBox.checked; };
    limitBox.addEventListener('change', showRate);
    showRate();

    const element = h('fieldset', {class: 'section', id: 'order-and-rate'},
        h('legend', {}, 'Order and rate'),
        perAsset,
        h('p', {class: 'hint', id: 'webhook-ordering-hint'},
            'An asset’s next delivery waits until the previous one succeeded or failed for good, so a slow or failing '
            + 'receiver holds up that asset (up to the whole retry schedule), not the others. Redelivering a message by hand '
            + 'sends it at once, outside this order.'),
        limited, rateField);

    return {
        element,
        collect: () => ({
            ordering: perAsset.querySelector('input').checked ? 'per-asset' : 'none',
            // a number the server checks; an empty or broken one is sent as null and named in its answer
            rateLimit: limitBox.checked ? {perSecond: perSecond.value === '' ? null : Number(perSecond.value)} : null,
        }),
        resolve: apiField => apiField === 'ordering' ? perAsset.querySelector('input') : perSecond,
    };
}
