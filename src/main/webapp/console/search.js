// The deliveries of all webhooks for one asset uuid or event id (#/search/<text>): both searches at once,
// merged newest first, each webhook named, with the detail of one delivery.
import {h, time, toast} from './dom.js';
import {get, post} from './api.js';
import {eventLabel, statusBadge} from './delivery-format.js';
import {renderDetail, codeClass} from './delivery-detail.js';

const PAGE = 50;
const COLUMNS = ['Webhook', 'Status', 'Event', 'Asset', 'Attempts', 'Last response', 'Created'];

export function renderSearch(pane, text, webhooks) {
    const names = new Map(webhooks.map(w => [w.id, w.name]));
    const cursors = {assetUuid: undefined, eventId: undefined}; // undefined: not asked yet; null: no more
    let items = [];
    const summary = h('p', {id: 'search-summary', role: 'status'}, 'Searching…');
    const body = h('tbody', {id: 'search-rows'});
    const table = h('div', {class: 'table-wrap', hidden: true}, h('table', {class: 'data deliveries search'},
        h('caption', {class: 'sr-only'}, `Deliveries for ${text}, newest first`),
        h('thead', {}, h('tr', {}, COLUMNS.map(c => h('th', {scope: 'col'}, c)), h('th', {scope: 'col'}, h('span', {class: 'sr-only'}, 'Actions')))),
        body));
    const more = h('button', {type: 'button', class: 'button small', id: 'search-more', hidden: true}, 'Show older deliveries');
    const detail = h('section', {class: 'delivery-detail', id: 'delivery-detail', hidden: true, 'aria-labelledby': 'delivery-detail-title'});
    pane.replaceChildren(
        h('header', {class: 'pane-head'}, h('a', {class: 'back', href: '#/'}, '← All webhooks'),
            h('h2', {id: 'pane-title', tabindex: '-1'}, 'Deliveries for ', h('span', {class: 'mono'}, text)),
            h('p', {class: 'muted'}, 'Every webhook\'s deliveries whose asset uuid or event id is exactly this, newest first.')),
        summary, table, more, detail);

    async function load() {
        const asks = Object.entries(cursors).filter(([, cursor]) => cursor !== null).map(async ([parameter, cursor]) => {
            const page = await get(`deliveries?${parameter}=${encodeURIComponent(text)}&limit=${PAGE}`
                + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''));
            cursors[parameter] = page.next ?? null;
            return page.items ?? [];
        });
        try {
            const found = (await Promise.all(asks)).flat();
            const seen = new Set(items.map(d => d.id));
            items = items.concat(found.filter(d => !seen.has(d.id) && seen.add(d.id))).sort((a, b) => a.id < b.id ? 1 : -1);
            show();
        } catch (error) {
            if (error.status !== 401) summary.textContent = `The search failed: ${error.message}`;
        }
    }

    function show() {
        const webhookCount = new Set(items.map(d => d.webhookId)).size;
        const moreToCome = Object.values(cursors).some(c => c);
        summary.textContent = items.length === 0 ? 'No delivery has this asset uuid or event id.'
            : `${items.length}${moreToCome ? '+' : ''} ${items.length === 1 ? 'delivery' : 'deliveries'} to ${webhookCount} ${webhookCount === 1 ? 'webhook' : 'webhooks'}.`;
        body.replaceChildren(...items.map(row));
        table.hidden = items.length === 0;
        more.hidden = !moreToCome;
    }

    function row(delivery) {
        const name = names.get(delivery.webhookId) ?? delivery.webhookId;
        return h('tr', {dataset: {id: delivery.id, status: delivery.status, webhook: delivery.webhookId}},
            h('td', {'data-label': 'Webhook'}, h('a', {href: `#/webhooks/${delivery.webhookId}/deliveries`}, name)),
            h('td', {'data-label': 'Status'}, statusBadge(delivery.status)),
            h('td', {'data-label': 'Event'}, h('div', {}, eventLabel(delivery.eventType), h('span', {class: 'mono muted id'}, delivery.eventId))),
            h('td', {'data-label': 'Asset'}, h('span', {class: 'mono'}, delivery.assetUuid ?? '—')),
            h('td', {'data-label': 'Attempts'}, String(delivery.attemptCount ?? 0)),
            h('td', {'data-label': 'Last response'}, delivery.lastStatusCode != null
                ? h('span', {class: codeClass(delivery.lastStatusCode)}, delivery.lastStatusCode) : h('span', {class: 'muted'}, '—')),
            h('td', {'data-label': 'Created'}, time(delivery.createdAt, true)),
            h('td', {class: 'row-actions'}, h('button', {type: 'button', class: 'button ghost small details',
                onclick: () => open(delivery.id)}, 'Details', h('span', {class: 'sr-only'}, ` of ${delivery.id} to ${name}`))));
    }

    async function open(id) {
        try {
            const delivery = await get(`deliveries/${encodeURIComponent(id)}`);
            renderDetail(detail, delivery, {redeliver: () => redeliver(id), close: () => {
                detail.hidden = true;
                body.querySelector(`tr[data-id="${CSS.escape(id)}"] .details`)?.focus();
            }});
            detail.hidden = false;
            detail.scrollIntoView({block: 'nearest'});
            detail.querySelector('#delivery-detail-title').focus();
        } catch (error) {
            if (error.status !== 401) toast(`Could not load the delivery: ${error.message}`, 'error');
        }
    }

    async function redeliver(id) {
        try {
            await post(`deliveries/${encodeURIComponent(id)}/redeliver`);
            toast('The same message is being sent again.');
            await open(id);
        } catch (error) {
            if (error.status !== 401) toast(`Could not redeliver: ${error.message}`, 'error');
        }
    }

    more.addEventListener('click', load);
    load();
    return () => {};
}
