// A webhook's delivery log, newest first: refreshed every few seconds while the page is visible, with
// redelivery, a test send, and the detail of one delivery.
import {h, time, toast} from './dom.js';
import {get, post} from './api.js';
import {paneHeader} from './pane.js';
import {eventLabel, statusBadge} from './delivery-format.js';
import {renderDetail, codeClass} from './delivery-detail.js';
import {renderChart} from './chart.js';

const REFRESH_MS = 3000;
const CHART_REFRESH_MS = 30000;
const PAGE = 25;
const COLUMNS = ['Status', 'Event', 'Attempts', 'Last response', 'Created'];

/** Renders the log of `webhook` into `pane`; returns what stops its refreshing. */
export function renderDeliveries(pane, webhook) {
    let items = [];
    let next = null;
    let openId = null;
    let openSeen = null;
    const rows = new Map();

    const filter = h('select', {id: 'delivery-status'},
        h('option', {value: ''}, 'All'), h('option', {value: 'pending'}, 'Pending'),
        h('option', {value: 'succeeded'}, 'Succeeded'), h('option', {value: 'failed'}, 'Failed'));
    const testButton = h('button', {type: 'button', class: 'button primary small', id: 'send-test'}, 'Send test event');
    const updated = h('p', {class: 'muted refreshed', id: 'deliveries-updated'});
    const body = h('tbody', {id: 'delivery-rows'});
    const table = h('div', {class: 'table-wrap', hidden: true}, h('table', {class: 'data deliveries'},
        h('caption', {class: 'sr-only'}, `Deliveries of ${webhook.name}, newest first`),
        h('thead', {}, h('tr', {}, COLUMNS.map(c => h('th', {scope: 'col'}, c)), h('th', {scope: 'col'}, h('span', {class: 'sr-only'}, 'Actions')))),
        body));
    const empty = h('p', {class: 'empty', id: 'deliveries-empty', hidden: true},
        'No deliveries yet. They appear here when a trigger fires, or when you send a test event.');
    const more = h('button', {type: 'button', class: 'button small', id: 'load-more', hidden: true}, 'Show older deliveries');
    const detail = h('section', {class: 'delivery-detail', id: 'delivery-detail', hidden: true,
        'aria-labelledby': 'delivery-detail-title'});

    const chart = h('div', {class: 'chart-box'});
    pane.replaceChildren(paneHeader(webhook, 'deliveries'), chart,
        h('div', {class: 'toolbar'},
            h('div', {class: 'field inline'}, h('label', {for: 'delivery-status'}, 'Show'), filter),
            testButton),
        updated, table, empty, more, detail);

    const query = (limit, cursor) => `webhooks/${webhook.id}/deliveries?limit=${limit}`
        + (filter.value ? `&status=${filter.value}` : '') + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');

    async function refresh() {
        try {
            const page = await get(query(Math.min(100, Math.max(PAGE, items.length))));
            items = page.items ?? [];
            next = page.next ?? null;
            show();
            updated.textContent = `Refreshes every ${REFRESH_MS / 1000} seconds · updated ${new Date().toLocaleTimeString()}`;
            const opened = items.find(d => d.id === openId);
            if (opened && `${opened.status}/${opened.attemptCount}` !== openSeen) await openDetail(openId, false);
        } catch (error) {
            if (error.status !== 401) updated.textContent = `Could not refresh: ${error.message}`;
        }
    }

    function show() {
        const ids = new Set(items.map(d => d.id));
        for (const [id, row] of rows) if (!ids.has(id)) { row.remove(); rows.delete(id); }
        items.forEach((delivery, index) => {
            const row = rows.get(delivery.id) ?? newRow(delivery.id);
            fill(row, delivery);
            // moving a row would take the focus off its buttons: only move rows out of place
            if (body.children[index] !== row) body.insertBefore(row, body.children[index] ?? null);
        });
        empty.hidden = items.length > 0;
        table.hidden = items.length === 0;
        more.hidden = !next;
    }

    function newRow(id) {
        const row = h('tr', {dataset: {id}});
        COLUMNS.forEach(column => row.append(h('td', {'data-label': column})));
        row.append(h('td', {class: 'row-actions'}, h('div', {class: 'stack'},
            h('button', {type: 'button', class: 'button ghost small details', onclick: () => openDetail(id, true)},
                'Details', h('span', {class: 'sr-only'}, ` of ${id}`)),
            h('button', {type: 'button', class: 'button small redeliver', onclick: () => redeliver(id)},
                'Redeliver', h('span', {class: 'sr-only'}, ` ${id}`)))));
        rows.set(id, row);
        return row;
    }

    function fill(row, delivery) {
        row.dataset.status = delivery.status;
        const cells = row.children;
        cells[0].replaceChildren(statusBadge(delivery.status));
        cells[1].replaceChildren(h('div', {}, eventLabel(delivery.eventType), h('span', {class: 'mono muted id'}, delivery.id)));
        cells[2].replaceChildren(String(delivery.attemptCount ?? 0));
        cells[3].replaceChildren(delivery.lastStatusCode != null
            ? h('span', {class: codeClass(delivery.lastStatusCode)}, delivery.lastStatusCode) : h('span', {class: 'muted'}, '—'));
        cells[4].replaceChildren(h('div', {}, time(delivery.createdAt, true), delivery.nextAttemptAt && delivery.status === 'pending'
            && h('span', {class: 'next muted'}, 'next attempt ', time(delivery.nextAttemptAt, true))));
    }

    async function openDetail(id, focus) {
        try {
            const delivery = await get(`deliveries/${encodeURIComponent(id)}`);
            openId = id;
            openSeen = `${delivery.status}/${delivery.attemptCount}`;
            renderDetail(detail, delivery, {redeliver: () => redeliver(id), close: closeDetail});
            detail.hidden = false;
            if (focus) {
                detail.scrollIntoView({block: 'nearest'});
                detail.querySelector('#delivery-detail-title').focus();
            }
        } catch (error) {
            if (error.status !== 401) toast(`Could not load the delivery: ${error.message}`, 'error');
        }
    }

    function closeDetail() {
        const row = rows.get(openId);
        openId = null;
        detail.hidden = true;
        detail.replaceChildren();
        row?.querySelector('.details')?.focus();
    }

    async function redeliver(id) {
        try {
            await post(`deliveries/${encodeURIComponent(id)}/redeliver`);
            toast('The same message is being sent again.');
            await refresh();
        } catch (error) {
            if (error.status !== 401) toast(`Could not redeliver: ${error.message}`, 'error');
        }
    }

    testButton.addEventListener('click', async () => {
        testButton.disabled = true;
        try {
            await post(`webhooks/${webhook.id}/test`);
            toast('A test event is on its way.');
            await refresh();
        } catch (error) {
            if (error.status !== 401) toast(`Could not send a test event: ${error.message}`, 'error');
        } finally {
            testButton.disabled = false;
        }
    });
    filter.addEventListener('change', () => { items = []; refresh(); });
    more.addEventListener('click', async () => {
        try {
            const page = await get(query(PAGE, next));
            items = items.concat(page.items ?? []);
            next = page.next ?? null;
            show();
        } catch (error) {
            if (error.status !== 401) toast(`Could not load older deliveries: ${error.message}`, 'error');
        }
    });

    const reloadChart = renderChart(chart, webhook);
    const chartTimer = setInterval(() => { if (document.visibilityState === 'visible') reloadChart(); }, CHART_REFRESH_MS);
    const tick = () => { if (document.visibilityState === 'visible') refresh(); };
    const timer = setInterval(tick, REFRESH_MS);
    document.addEventListener('visibilitychange', tick);
    refresh();
    return () => {
        clearInterval(timer);
        clearInterval(chartTimer);
        document.removeEventListener('visibilitychange', tick);
    };
}
