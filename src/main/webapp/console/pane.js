// The head of the detail pane: the way back (on a phone), the webhook's name and URL, and its two views.
import {h} from './dom.js';

export function paneHeader(webhook, current) {
    const tab = (id, label, href) => h('a', {class: 'tab', href, id: `tab-${id}`,
        'aria-current': id === current ? 'page' : null}, label);
    return h('header', {class: 'pane-head'},
        h('a', {class: 'back', href: '#/'}, '← All webhooks'),
        h('h2', {id: 'pane-title', tabindex: '-1'}, webhook ? webhook.name : 'New webhook'),
        webhook && h('p', {class: 'mono url muted'}, webhook.url),
        webhook && h('nav', {class: 'tabs', 'aria-label': 'Webhook views'},
            tab('settings', 'Settings', `#/webhooks/${webhook.id}`),
            tab('deliveries', 'Deliveries', `#/webhooks/${webhook.id}/deliveries`)));
}

export function welcome() {
    return h('div', {class: 'welcome'},
        h('h2', {tabindex: '-1'}, 'Call third-party services when assets change'),
        h('p', {}, 'Each webhook POSTs a signed JSON body to its URL upon the triggers you choose: an upload, a move, '
            + 'a rename, a deletion, or a change of metadata, information, tags or labels.'),
        h('p', {}, 'Select a webhook to edit it or to see what it delivered, or add a new one.'),
        h('a', {class: 'button primary', href: '#/new'}, 'Add webhook'));
}
