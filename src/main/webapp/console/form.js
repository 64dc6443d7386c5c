// The create/edit form. PUT sends back the document GET returned (with its version), changed by the form.
import {h, field, check, toast, confirmAction} from './dom.js';
import {get, post, put, del, ApiError} from './api.js';
import {authSection} from './form-auth.js';
import {headersSection} from './form-headers.js';
import {triggersSection} from './form-triggers.js';
import {fieldsSection} from './form-fields.js';
import {secretSection} from './form-secret.js';
import {orderSection} from './form-order.js';
import {clearErrors, showErrors, showMessage} from './errors.js';
import {paneHeader} from './pane.js';

/** Renders the form for `webhook` (null: a new one) into `pane`; `changed()` refreshes the list. */
export function renderForm(pane, webhook, {changed, newSecret} = {}) {
    const original = webhook ?? {};
    const name = h('input', {id: 'webhook-name', value: original.name ?? '', required: true, maxlength: 200,
        autocomplete: 'off', placeholder: 'PIM sync'});
    const active = check('webhook-active', 'Active: deliver events to this webhook', original.active ?? true);
    const scheme = h('select', {id: 'webhook-scheme'},
        h('option', {value: 'https'}, 'https://'),
        h('option', {value: 'http'}, 'http://'));
    scheme.value = original.scheme ?? 'https';
    // http:// only where this server accepts it; a webhook saved with http keeps showing its scheme
    get('target-policy').then(policy => {
        if (!policy.allowHttp && scheme.value !== 'http') scheme.querySelector('option[value="http"]')?.remove();
    }, () => {});
    const hostname = h('input', {id: 'webhook-hostname', value: original.hostname ?? '', required: true,
        placeholder: 'pim.example.com', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', inputmode: 'url'});
    const path = h('input', {id: 'webhook-path', value: original.path ?? '/', placeholder: '/hooks/dam',
        autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false'});
    const url = h('output', {id: 'webhook-url', for: 'webhook-scheme webhook-hostname webhook-path', class: 'mono'});
    const showUrl = () => {
        const host = hostname.value.trim() || 'hostname';
        const rest = path.value.trim();
        url.value = `${scheme.value}://${host}${rest.startsWith('/') ? rest : '/' + rest}`;
    };
    [scheme, hostname, path].forEach(input => input.addEventListener('input', showUrl));
    showUrl();

    // stored secrets go only where they went before: a changed scheme, host or port needs them again
    const origin = (s, host) => `${s}://${host.trim().toLowerCase()}`.replace(/^(https:\/\/[^/]*):443$|^(http:\/\/[^/]*):80$/, '$1$2');
    const sameTarget = () => !webhook || origin(scheme.value, hostname.value) === origin(original.scheme ?? 'https', original.hostname ?? '');
    const auth = authSection(original.auth, sameTarget);
    const headers = headersSection(original.headers, sameTarget);
    const targetChanged = () => { auth.refresh(); headers.refresh(); };
    [scheme, hostname].forEach(input => ['input', 'change'].forEach(kind => input.addEventListener(kind, targetChanged)));
    const triggers = triggersSection(original.triggers);
    const fields = fieldsSection(original.fields);
    const order = orderSection(original);

    const save = h('button', {type: 'submit', class: 'button primary', id: 'save-webhook'},
        webhook ? 'Save changes' : 'Create webhook');
    const remove = webhook && h('button', {type: 'button', class: 'button danger-outline', id: 'delete-webhook'},
        'Delete webhook…');

    const form = h('form', {class: 'webhook-form', id: 'webhook-form', novalidate: true},
        h('div', {class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true}),
        h('fieldset', {class: 'section', id: 'target'},
            h('legend', {}, 'Webhook'),
            field('webhook-name', 'Name', name),
            active,
            h('div', {class: 'grid target'},
                field('webhook-scheme', 'Scheme', scheme, 'http:// only where the server allows it.'),
                field('webhook-hostname', 'Hostname', hostname,
                    'The domain name of the third-party API, optionally with :port.'),
                field('webhook-path', 'Path', path, 'With the hostname it forms the webhook URL.')),
            h('div', {class: 'url-preview'}, h('span', {class: 'label'}, 'Webhook URL'), url)),
        auth.element, headers.element, triggers.element, fields.element, order.element,
        webhook && secretSection(webhook, newSecret, async () => {
            // rotating saved the webhook: later saves need its new version, not a conflict with ourselves
            original.version = (await get(`webhooks/${webhook.id}`)).version;
            await changed?.();
        }),
        h('div', {class: 'form-actions'}, save, webhook && h('a', {class: 'button ghost', href: `#/webhooks/${webhook.id}/deliveries`}, 'Deliveries'), remove));

    const resolve = apiField => {
        if (apiField === 'name') return name;
        if (apiField === 'active') return active.querySelector('input');
        if (apiField === 'scheme') return scheme;
        if (apiField === 'hostname' || apiField === 'url') return hostname;
        if (apiField === 'path') return path;
        if (apiField.startsWith('auth')) return auth.resolve(apiField);
        if (apiField.startsWith('headers')) return headers.resolve(apiField);
        if (apiField.startsWith('triggers')) return triggers.resolve(apiField);
        if (apiField.startsWith('fields')) return fields.resolve(apiField);
        if (apiField === 'ordering' || apiField.startsWith('rateLimit')) return order.resolve(apiField);
        return null;
    };

    form.addEventListener('submit', async event => {
        event.preventDefault();
        const body = {
            ...original, name: name.value.trim(), active: active.querySelector('input').checked,
            scheme: scheme.value, hostname: hostname.value.trim(), path: path.value.trim() || '/',
            auth: auth.collect(), headers: headers.collect(), triggers: triggers.collect(), fields: fields.collect(),
            ...order.collect(),
        };
        delete body.url; // derived from hostname and path
        save.disabled = true;
        try {
            const saved = webhook ? await put(`webhooks/${webhook.id}`, body) : await post('webhooks', body);
            clearErrors(form);
            toast(webhook ? 'Changes saved.' : 'Webhook created. Copy its signing secret for the receiver.');
            // pushState fires no hashchange: the form shows the new webhook with its secret, once
            if (!webhook) history.pushState(null, '', `#/webhooks/${saved.id}`);
            await changed?.();
            renderForm(pane, saved, {changed, newSecret: saved.signingSecret});
        } catch (error) {
            failed(error);
        } finally {
            save.disabled = false;
        }
    });

    function failed(error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.errors.length) return showErrors(form, error, resolve);
        if (error.status === 409 && webhook) {
            return showMessage(form, 'This webhook was changed elsewhere since you opened it.',
                h('button', {type: 'button', class: 'button small', onclick: async () => {
                    renderForm(pane, await get(`webhooks/${webhook.id}`), {changed});
                }}, 'Load the current version (discards your changes)'));
        }
        if (error.status !== 401) showMessage(form, error.message);
    }

    remove?.addEventListener('click', async () => {
        const sure = await confirmAction(`Delete “${webhook.name}”?`,
            'It stops receiving events at once. This cannot be undone.',
            'Delete webhook');
        if (!sure) return;
        try {
            await del(`webhooks/${webhook.id}`);
            toast(`“${webhook.name}” was deleted.`);
            location.hash = '#/';
            await changed?.();
        } catch (error) {
            failed(error);
        }
    });

    pane.replaceChildren(
        paneHeader(webhook, 'settings'),
        form);
    return () => {};
}
