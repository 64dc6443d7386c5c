// The sign-in form. It checks the credentials with one API call before showing the console.
import {get, session} from './api.js';

const section = document.getElementById('login');
const form = document.getElementById('login-form');
const user = document.getElementById('login-user');
const password = document.getElementById('login-password');
const remember = document.getElementById('login-remember');
const error = document.getElementById('login-error');
const submit = document.getElementById('login-submit');
let onSignedIn = () => {};

export function showLogin(message, signedIn) {
    onSignedIn = signedIn;
    section.hidden = false;
    password.value = '';
    say(message);
    (user.value ? password : user).focus();
}

export function hideLogin() {
    section.hidden = true;
    say(null);
}

function say(message) {
    error.textContent = message ?? '';
    error.hidden = !message;
}

form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!user.value.trim() || !password.value) return say('Enter your user and password.');
    submit.disabled = true;
    session.signIn(user.value.trim(), password.value, remember.checked);
    try {
        await get('webhooks');
        onSignedIn();
    } catch (failure) {
        session.signOut();
        say(failure.status === 401 ? 'Unknown user or wrong password.'
            : failure.status === 403 ? 'This user may not manage webhooks (the webhook-admin role is needed).'
            : failure.message);
        password.select();
    } finally {
        submit.disabled = false;
    }
});
