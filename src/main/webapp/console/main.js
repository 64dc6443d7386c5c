// Boots the console: signs in, keeps the webhook list, and shows the view the URL's hash names:
// #/ (welcome), #/new, #/webhooks/{id} (settings), #/webhooks/{id}/deliveries, #/search/{asset uuid or event id}.
import {h} from './dom.js';
import {get, session} from './api.js';
import {renderList} from './list.js';
import {renderForm} from './form.js';
import {renderDeliveries} from './deliveries.js';
import {renderSearch} from './search.js';
import {welcome} from './pane.js';
import {showLogin, hideLogin} from './login.js';

const app = document.getElementById('app');
const pane = document.getElementById('pane');
const list = document.getElementById('webhook-list');
let webhooks = [];
let dispose = () => {};

function route() {
    const [, view, id, sub] = location.hash.split('/');
    if (view === 'new') return {view: 'new'};
    if (view === 'search' && id) return {view: 'search', text: decodeURIComponent(id)};
    if (view === 'webhooks' && id) return {view: sub === 'deliveries' ? 'deliveries' : 'settings', id: decodeURIComponent(id)};
    return {view: 'home'};
}

async function loadList() {
    webhooks = await get('webhooks');
    renderList(list, webhooks, route().id, loadList);
}

async function render() {
    dispose();
    dispose = () => {};
    const {view, id, text} = route();
    // on a phone the list and the pane take turns; on a wide screen they sit side by side
    document.body.className = view === 'home' ? 'view-list' : 'view-detail';
    renderList(list, webhooks, id, loadList);
    loadList().catch(() => {}); // changes made elsewhere show up on the next navigation
    if (view === 'home') return pane.replaceChildren(welcome());
    if (view === 'new') return (dispose = renderForm(pane, null, {changed: loadList}));
    if (view === 'search') return (dispose = renderSearch(pane, text, webhooks));
    pane.replaceChildren(h('p', {class: 'muted loading'}, 'Loading…'));
    try {
        const webhook = await get(`webhooks/${encodeURIComponent(id)}`);
        if (route().id !== id) return; // the user went elsewhere meanwhile
        dispose = view === 'deliveries' ? renderDeliveries(pane, webhook) : renderForm(pane, webhook, {changed: loadList});
    } catch (error) {
        if (error.status === 401) return;
        pane.replaceChildren(h('div', {class: 'notice', role: 'alert'},
            error.status === 404 ? 'This webhook does not exist (any more).' : error.message,
            ' ', h('a', {href: '#/'}, 'Back to the webhooks')));
    }
}

async function start() {
    hideLogin();
    document.getElementById('session-user').textContent = session.user;
    document.getElementById('session').hidden = false;
    app.hidden = false;
    try {
        await loadList();
        await render();
    } catch (error) {
        if (error.status !== 401) pane.replaceChildren(h('div', {class: 'notice', role: 'alert'}, error.message));
    }
}

function signedOut(message) {
    dispose();
    dispose = () => {};
    app.hidden = true;
    document.getElementById('session').hidden = true;
    showLogin(message, start);
}

// after a navigation the keyboard and screen reader continue at the new view's heading
window.addEventListener('hashchange', async () => {
    if (!session.signedIn) return;
    await render();
    if (!list.contains(document.activeElement)) document.querySelector('#pane-title, #pane h2')?.focus();
});
window.addEventListener('unauthorized', () => {
    const wasSignedIn = session.signedIn;
    session.signOut();
    if (wasSignedIn && !app.hidden) signedOut('Your session ended: please sign in again.');
});
document.getElementById('search-form').addEventListener('submit', event => {
    event.preventDefault();
    const text = document.getElementById('search-query').value.trim();
    if (!text) return;
    const hash = `#/search/${encodeURIComponent(text)}`;
    if (location.hash === hash) render(); else location.hash = hash;
});
document.getElementById('sign-out').addEventListener('click', () => {
    session.signOut();
    signedOut('You are signed out.');
});

if (session.restore()) start();
else signedOut();
