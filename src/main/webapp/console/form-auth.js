// The "Authentication" section: the auth type and its own fields. Passwords and tokens are write-only: the
// API never returns them, so a stored one shows as "set" and an empty input keeps it — while the webhook's
// target (and an OAuth2 token endpoint) stays where it was: moved, the service wants them again.
import {h, field} from './dom.js';
import {AUTH_TYPES} from './catalog.js';

const KEPT = '•••• set — leave empty to keep';
const AGAIN = 'Enter it again: the target changed';
const FIELDS = {
    none: [],
    basic: ['username', 'password'],
    oauth2: ['tokenEndpoint', 'username', 'password', 'grantType', 'scope'],
    bearer: ['token'],
};
const IDS = {
    type: 'auth-type', tokenEndpoint: 'auth-token-endpoint', username: 'auth-username', password: 'auth-password',
    grantType: 'auth-grant-type', scope: 'auth-scope', token: 'auth-token',
};

/** `sameTarget()`: whether the webhook still goes to its stored scheme, host and port; call `refresh()` when it changes. */
export function authSection(stored = {type: 'none'}, sameTarget = () => true) {
    const type = h('select', {id: IDS.type}, AUTH_TYPES.map(t => h('option', {value: t.type}, t.label)));
    type.value = stored.type ?? 'none';
    const inputs = {
        tokenEndpoint: h('input', {id: IDS.tokenEndpoint, type: 'url', value: stored.tokenEndpoint ?? '',
            placeholder: 'https://login.example.com/oauth2/token', autocomplete: 'off', spellcheck: 'false'}),
        username: h('input', {id: IDS.username, value: stored.username ?? '', autocomplete: 'off', spellcheck: 'false'}),
        password: h('input', {id: IDS.password, type: 'password', autocomplete: 'new-password'}),
        grantType: h('select', {id: IDS.grantType},
            h('option', {value: 'client_credentials'}, 'Client credentials'),
            h('option', {value: 'password'}, 'Password')),
        scope: h('input', {id: IDS.scope, value: stored.scope ?? '', autocomplete: 'off', spellcheck: 'false'}),
        token: h('input', {id: IDS.token, type: 'password', autocomplete: 'off'}),
    };
    inputs.grantType.value = stored.grantType ?? 'client_credentials';
    const boxes = {
        tokenEndpoint: field(IDS.tokenEndpoint, 'Authentication endpoint', inputs.tokenEndpoint,
            'The OAuth2 token endpoint that issues a temporary token before each delivery.'),
        username: field(IDS.username, 'Username', inputs.username),
        password: field(IDS.password, 'Password', inputs.password),
        grantType: field(IDS.grantType, 'Grant type', inputs.grantType,
            'Client credentials: the username and password are the client id and secret.'),
        scope: field(IDS.scope, 'Scope (optional)', inputs.scope),
        token: field(IDS.token, 'Static bearer token', inputs.token,
            'Sent as "Authorization: Bearer …" with every delivery, without fetching a temporary token.'),
    };

    function update() {
        const visible = FIELDS[type.value];
        for (const [name, box] of Object.entries(boxes)) box.hidden = !visible.includes(name);
        // a secret stays stored only while the type stays the same, and goes only where it went before
        const sameType = type.value === stored.type;
        const endpointKept = type.value !== 'oauth2' || inputs.tokenEndpoint.value.trim() === (stored.tokenEndpoint ?? '');
        const moved = !sameTarget() || !endpointKept;
        const hint = held => !sameType || !held ? '' : moved ? AGAIN : KEPT;
        inputs.password.placeholder = hint(FIELDS[stored.type].includes('password'));
        inputs.token.placeholder = hint(stored.type === 'bearer');
    }
    type.addEventListener('change', update);
    inputs.tokenEndpoint.addEventListener('input', update);
    update();

    const element = h('fieldset', {class: 'section', id: 'auth'},
        h('legend', {}, 'Authentication'),
        h('p', {class: 'hint'}, 'How the receiver verifies that a delivery comes from us, besides the webhook-signature header.'),
        field(IDS.type, 'Authentication type', type),
        h('div', {class: 'grid auth'}, Object.values(boxes)));
    boxes.tokenEndpoint.classList.add('wide');
    boxes.token.classList.add('wide');

    return {
        element,
        collect() {
            const auth = {type: type.value};
            for (const name of FIELDS[type.value]) {
                const value = inputs[name].value.trim();
                const secret = name === 'password' || name === 'token';
                if (value !== '' || !secret) auth[name] = value === '' ? undefined : value;
            }
            return auth;
        },
        refresh: update,
        resolve(path) {
            const name = path.slice('auth.'.length);
            return name === 'type' ? type : inputs[name] ?? type;
        },
    };
}
