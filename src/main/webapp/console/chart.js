// A webhook's last 24 hours as a chart in plain SVG: attempts per hour, succeeded and failed stacked, and the
// p95 latency as a line. The same numbers as a table under "Show the numbers", for screen readers and keyboards.
import {h} from './dom.js';
import {get} from './api.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const BARS = 150;   // height of the attempts part
const LATENCY = 60; // height of the latency part below it
const GAP = 18;
const hour = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit'});

function svg(tag, attributes = {}, ...children) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) if (value != null) element.setAttribute(name, value);
    element.append(...children.flat().filter(c => c != null));
    return element;
}

/** Renders the chart of `webhook` into `container`; answers a function that loads it again. */
export function renderChart(container, webhook) {
    const figure = h('figure', {class: 'chart', id: 'stats-chart'});
    container.replaceChildren(figure);
    async function load() {
        try {
            draw(figure, await get(`webhooks/${encodeURIComponent(webhook.id)}/stats`));
        } catch (error) {
            if (error.status !== 401) figure.replaceChildren(h('p', {class: 'muted'}, `Could not load the statistics: ${error.message}`));
        }
    }
    load();
    return load;
}

function draw(figure, stats) {
    const buckets = stats.buckets ?? [];
    const succeeded = buckets.reduce((sum, b) => sum + b.succeeded, 0);
    const failed = buckets.reduce((sum, b) => sum + b.failed, 0);
    const most = Math.max(1, ...buckets.map(b => b.succeeded + b.failed));
    const slowest = Math.max(1, ...buckets.map(b => b.p95Ms ?? 0));
    const step = WIDTH / Math.max(1, buckets.length);
    const bar = Math.max(2, step * 0.7);
    const top = 4;
    const latencyTop = top + BARS + GAP;
    const summary = `Last 24 hours: ${succeeded} attempts succeeded, ${failed} failed`
        + (buckets.some(b => b.p95Ms != null) ? `; slowest hourly p95 latency ${slowest} ms` : '') + '.';

    const bars = buckets.map((b, i) => {
        const x = i * step + (step - bar) / 2;
        const okHeight = b.succeeded / most * BARS;
        const badHeight = b.failed / most * BARS;
        return svg('g', {class: 'bar', 'data-start': b.start, 'data-succeeded': b.succeeded, 'data-failed': b.failed},
            svg('title', {}, `${hour.format(new Date(b.start))}: ${b.succeeded} succeeded, ${b.failed} failed`
                + (b.p95Ms != null ? `, p50 ${b.p50Ms} ms, p95 ${b.p95Ms} ms` : '')),
            svg('rect', {class: 'ok', x, width: bar, y: top + BARS - okHeight, height: okHeight}),
            svg('rect', {class: 'bad', x, width: bar, y: top + BARS - okHeight - badHeight, height: badHeight}));
    });
    const points = buckets.map((b, i) => b.p95Ms == null ? null
        : `${(i * step + step / 2).toFixed(1)},${(latencyTop + LATENCY - b.p95Ms / slowest * LATENCY).toFixed(1)}`);
    // one line per run of hours that had attempts: an hour without any is a gap, not a zero
    const runs = points.join(' ').split(/\s*null\s*/).map(run => run.trim()).filter(Boolean);
    const dots = points.map(point => point && svg('circle', {class: 'latency', r: 3,
        cx: point.split(',')[0], cy: point.split(',')[1]}));
    const ticks = buckets.map((b, i) => i % 6 === 0 ? svg('text', {class: 'tick', x: i * step + (i ? step / 2 : 0), y: latencyTop + LATENCY + 16,
        'text-anchor': i ? 'middle' : 'start'}, hour.format(new Date(b.start))) : null);

    const chart = svg('svg', {viewBox: `0 0 ${WIDTH} ${latencyTop + LATENCY + 22}`, role: 'img', 'aria-label': summary,
            preserveAspectRatio: 'none', class: 'chart-svg'},
        svg('line', {class: 'axis', x1: 0, x2: WIDTH, y1: top + BARS + 0.5, y2: top + BARS + 0.5}),
        svg('text', {class: 'label', x: 2, y: top + 10}, `${most} attempts`),
        bars,
        svg('line', {class: 'axis', x1: 0, x2: WIDTH, y1: latencyTop + LATENCY + 0.5, y2: latencyTop + LATENCY + 0.5}),
        svg('text', {class: 'label', x: 2, y: latencyTop + 10}, `p95 latency, up to ${slowest} ms`),
        runs.map(run => svg('polyline', {class: 'latency', points: run})), dots,
        ticks);
    figure.replaceChildren(
        h('figcaption', {}, h('strong', {}, 'Last 24 hours'), ' ',
            h('span', {class: 'legend ok'}, `${succeeded} succeeded`), ' ',
            h('span', {class: 'legend bad'}, `${failed} failed`), ' ',
            h('span', {class: 'legend latency'}, 'p95 latency')),
        chart,
        h('details', {class: 'chart-numbers'}, h('summary', {}, 'Show the numbers'),
            h('div', {class: 'table-wrap'}, h('table', {class: 'data stats', id: 'stats-table'},
                h('caption', {class: 'sr-only'}, 'Attempts per hour, last 24 hours'),
                h('thead', {}, h('tr', {}, ['Hour', 'Succeeded', 'Failed', 'p50', 'p95'].map(t => h('th', {scope: 'col'}, t)))),
                h('tbody', {}, buckets.map(b => h('tr', {dataset: {start: b.start}},
                    h('td', {'data-label': 'Hour'}, h('time', {datetime: b.start}, hour.format(new Date(b.start)))),
                    h('td', {'data-label': 'Succeeded', class: 'numeric'}, b.succeeded),
                    h('td', {'data-label': 'Failed', class: 'numeric'}, b.failed),
                    h('td', {'data-label': 'p50', class: 'numeric'}, b.p50Ms != null ? `${b.p50Ms} ms` : '—'),
                    h('td', {'data-label': 'p95', class: 'numeric'}, b.p95Ms != null ? `${b.p95Ms} ms` : '—'))))))));
}
