// The signing secret of a saved webhook: hidden until revealed, copied, rotated after a confirmation.
import {h, toast, confirmAction} from './dom.js';
import {get, post} from './api.js';

export function secretSection(webhook, initial, rotated) {
    const output = h('input', {id: 'signing-secret', type: 'password', readonly: true, value: '',
        placeholder: 'Hidden', class: 'mono', 'aria-describedby': 'signing-secret-hint', spellcheck: 'false'});
    const reveal = h('button', {type: 'button', class: 'button small', id: 'reveal-secret', 'aria-pressed': 'false'}, 'Reveal');
    const copy = h('button', {type: 'button', class: 'button small', id: 'copy-secret'}, 'Copy');
    const rotate = h('button', {type: 'button', class: 'button small danger-outline', id: 'rotate-secret'}, 'Rotate…');

    const fetchSecret = async () => {
        if (!output.value) output.value = (await get(`webhooks/${webhook.id}/secret`)).signingSecret;
        return output.value;
    };
    const show = shown => {
        output.type = shown ? 'text' : 'password';
        reveal.textContent = shown ? 'Hide' : 'Reveal';
        reveal.setAttribute('aria-pressed', String(shown));
    };
    const guarded = action => async () => {
        try { await action(); } catch (error) { toast(error.message, 'error'); }
    };

    reveal.addEventListener('click', guarded(async () => {
        if (output.type === 'text') return show(false);
        await fetchSecret();
        show(true);
    }));
    copy.addEventListener('click', guarded(async () => {
        const secret = await fetchSecret();
        if (await copyText(secret, output)) toast('Signing secret copied to the clipboard.');
        else {
            show(true);
            output.select();
            toast('Copying is not allowed here: the secret is selected, press Ctrl+C (⌘C) to copy it.');
        }
    }));
    rotate.addEventListener('click', guarded(async () => {
        const sure = await confirmAction('Rotate the signing secret?',
            'Deliveries will be signed with a new secret. The old one keeps signing beside it for a grace period, '
            + 'so update the receivers soon.', 'Rotate secret');
        if (!sure) return;
        output.value = (await post(`webhooks/${webhook.id}/secret/rotate`)).signingSecret;
        show(true);
        toast('A new signing secret is in use.');
        await rotated?.();
    }));

    if (initial) { output.value = initial; show(true); }

    return h('section', {class: 'section', id: 'secret', 'aria-labelledby': 'secret-title'},
        h('h3', {id: 'secret-title'}, 'Signing secret'),
        h('div', {class: 'field'},
            h('label', {for: 'signing-secret'}, 'Signing secret'),
            h('div', {class: 'input-with-buttons'}, output, reveal, copy, rotate),
            h('p', {class: 'hint', id: 'signing-secret-hint'},
                'Receivers verify the webhook-signature header with it (Standard Webhooks).')));
}

async function copyText(text, input) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        // no Clipboard API (insecure origin, or permission refused): the old way, from a selected input
        const type = input.type;
        input.type = 'text';
        input.select();
        const copied = document.execCommand?.('copy') ?? false;
        input.type = type;
        input.setSelectionRange(0, 0);
        return copied;
    }
}
