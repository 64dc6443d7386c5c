// One delivery: its attempts (when, how long, what answered) and the exact payload sent.
import {h, time} from './dom.js';
import {eventLabel, statusBadge} from './delivery-format.js';

export function renderDetail(container, delivery, {redeliver, close}) {
    const attempts = delivery.attempts ?? [];
    container.replaceChildren(
        h('div', {class: 'detail-head'},
            h('h3', {id: 'delivery-detail-title', tabindex: '-1'}, 'Delivery ', h('span', {class: 'mono'}, delivery.id)),
            h('div', {class: 'actions'},
                h('button', {type: 'button', class: 'button small', id: 'detail-redeliver', onclick: redeliver}, 'Redeliver'),
                h('button', {type: 'button', class: 'button ghost small', id: 'detail-close', onclick: close}, 'Close'))),
        h('dl', {class: 'facts'},
            fact('Status', statusBadge(delivery.status)),
            fact('Event', eventLabel(delivery.eventType), ' ', h('span', {class: 'mono muted'}, delivery.eventType)),
            fact('Event id', h('span', {class: 'mono'}, delivery.eventId ?? '—')),
            fact('Created', time(delivery.createdAt)),
            fact('Next attempt', time(delivery.nextAttemptAt))),
        h('h4', {}, `Attempts (${attempts.length})`),
        attempts.length ? attemptsTable(attempts) : h('p', {class: 'muted'}, 'No attempt yet.'),
        delivery.payload != null && h('details', {class: 'payload'},
            h('summary', {}, 'Payload'),
            h('pre', {class: 'mono', tabindex: '0'}, pretty(delivery.payload))));
}

function attemptsTable(attempts) {
    return h('div', {class: 'table-wrap'}, h('table', {class: 'data attempts'},
        h('caption', {class: 'sr-only'}, 'Attempts, first to last'),
        h('thead', {}, h('tr', {}, ['#', 'Started', 'Duration', 'Response', 'Error'].map(t => h('th', {scope: 'col'}, t)))),
        h('tbody', {}, attempts.map(attempt => h('tr', {},
            h('td', {'data-label': '#'}, attempt.number),
            h('td', {'data-label': 'Started'}, time(attempt.startedAt, true)),
            h('td', {'data-label': 'Duration', class: 'numeric'}, attempt.durationMs != null ? `${attempt.durationMs} ms` : '—'),
            h('td', {'data-label': 'Response'}, responseCell(attempt)),
            h('td', {'data-label': 'Error'}, attempt.error ?? h('span', {class: 'muted'}, '—')))))));
}

function responseCell(attempt) {
    const code = attempt.statusCode != null ? h('span', {class: codeClass(attempt.statusCode)}, attempt.statusCode) : '—';
    if (!attempt.responseBody) return code;
    return h('details', {class: 'response'}, h('summary', {}, code, ' body'), h('pre', {class: 'mono'}, attempt.responseBody));
}

export const codeClass = code => code >= 200 && code < 300 ? 'code ok' : 'code bad';

function fact(term, ...description) {
    return h('div', {}, h('dt', {}, term), h('dd', {}, description));
}

function pretty(payload) {
    try { return JSON.stringify(typeof payload === 'string' ? JSON.parse(payload) : payload, null, 2); }
    catch { return String(payload); }
}
