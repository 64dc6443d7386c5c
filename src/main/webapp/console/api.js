// The REST API under ../api/ with HTTP Basic. Credentials live in memory, and in sessionStorage only when
// the user asks to stay signed in for the tab. A 401 fires 'unauthorized' on window: the page signs in again.

const BASE = new URL('../api/', import.meta.url);
const STORE = 'dam-webhooks.credentials';

let authorization = null;
let user = null;

export class ApiError extends Error {
    constructor(status, problem) {
        super(problem?.detail || problem?.title || `The service answered ${status}`);
        this.status = status;
        this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    }
}

function basic(name, password) {
    const bytes = new TextEncoder().encode(`${name}:${password}`);
    return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

export const session = {
    get user() { return user; },
    get signedIn() { return authorization != null; },
    signIn(name, password, remember) {
        authorization = basic(name, password);
        user = name;
        if (remember) sessionStorage.setItem(STORE, JSON.stringify({user, authorization}));
    },
    signOut() {
        authorization = null;
        user = null;
        sessionStorage.removeItem(STORE);
    },
    restore() {
        try {
            const saved = JSON.parse(sessionStorage.getItem(STORE));
            if (saved?.authorization) ({user, authorization} = saved);
        } catch { sessionStorage.removeItem(STORE); }
        return this.signedIn;
    },
};

/** Calls the API; resolves to the parsed JSON (or null), rejects with an ApiError. */
export async function api(method, path, body) {
    // X-Requested-With keeps the 401 free of WWW-Authenticate, which would make the browser prompt
    const headers = {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'};
    if (authorization) headers.Authorization = authorization;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
        response = await fetch(new URL(path, BASE), {
            method, headers, cache: 'no-store', credentials: 'omit',
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    } catch (offline) {
        throw new ApiError(0, {title: 'The service cannot be reached. Check the connection and try again.'});
    }
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = null; }
    if (response.status === 401) window.dispatchEvent(new CustomEvent('unauthorized'));
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
}

export const get = path => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = path => api('DELETE', path);
