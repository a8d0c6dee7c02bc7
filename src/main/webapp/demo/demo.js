'use strict';
// The cookie-relay pattern from the page's side. Every backend call goes to this page's own origin under
// /api/proxy/...; the browser attaches the HttpOnly auth cookie by itself, the relay turns it into
// "Authorization: Bearer <token>" for the backend. No line of this script ever holds the token.

const $ = id => document.getElementById(id);
const api = path => '/api/proxy' + path;
let ticks = null;

// A cookie this script sets itself, so the panel shows that document.cookie works and simply
// cannot see the HttpOnly auth cookie.
document.cookie = 'demo_note=set-by-javascript; Path=/; SameSite=Strict';

/** fetch() plus a line in the call log; relay-made and backend errors alike arrive as JSON. */
async function call(label, url, init) {
    const response = await fetch(url, { credentials: 'same-origin', ...init });
    const preview = await response.clone().text().then(text => text.slice(0, 160)).catch(() => '');
    const isJson = (response.headers.get('Content-Type') || '').startsWith('application/json');
    log(label, response.status, isJson ? preview : response.headers.get('Content-Type'));
    return response;
}

function log(label, status, answer) {
    $('last-status').textContent = `${status} ${label}`;
    const row = document.createElement('tr');
    const css = typeof status !== 'number' ? '' : status < 400 ? 'status-ok' : 'status-error';
    for (const [text, className] of [[new Date().toTimeString().slice(0, 8), ''], [label, ''],
        [String(status), css], [answer || '', 'answer']]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        cell.className = className;
        row.appendChild(cell);
    }
    $('call-log').prepend(row);
}

async function sha256Hex(buffer) {
    const digest = await crypto.subtle.digest('SHA-256', buffer);
    return [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('');
}

function showCookies() {
    $('document-cookie').textContent = document.cookie === '' ? '(empty)' : document.cookie;
    const visible = document.cookie.split(';').some(c => c.trim().startsWith('auth_token='));
    $('cookie-verdict').textContent = visible
        ? 'auth_token is readable by JavaScript!'
        : 'No auth_token here: it is HttpOnly, so scripts (and XSS) cannot read it.';
    $('cookie-verdict').className = 'verdict ' + (visible ? 'bad' : 'good');
}

/** Shows which request the backend received and the Authorization header the relay added; true when signed in. */
async function showBackendView() {
    $('backend-authorization').textContent = '(asking the backend\u2026)';
    const response = await call('GET /api/proxy/echo', api('/echo'));
    if (!response.ok) {
        $('backend-authorization').textContent = `(no request reached the backend: relay answered ${response.status})`;
        $('backend-cookie').textContent = '\u2013';
        $('backend-received').textContent = await response.text();
        return false;
    }
    const seen = await response.json();
    const authorization = seen.headers.filter(([name]) => name.toLowerCase() === 'authorization').map(([, value]) => value);
    const cookies = seen.headers.filter(([name]) => name.toLowerCase() === 'cookie');
    $('backend-authorization').textContent = authorization.join('\n') || '(none)';
    $('backend-cookie').textContent = cookies.length === 0 ? 'none (the relay does not forward it)' : `${cookies.length} received!`;
    $('backend-received').textContent = `${seen.method} ${seen.target}\n`
        + seen.headers.map(([name, value]) => `${name}: ${value}`).join('\n')
        + `\n\nCookie headers received: ${cookies.length}`;
    return true;
}

async function refresh() {
    showCookies();
    await showBackendView();
}

async function signIn() {
    const response = await call('POST /demo/sign-in', '/demo/sign-in', { method: 'POST' });
    setSignedIn(response.ok);
    await refresh();
}

async function signOut() {
    await call('POST /demo/sign-out', '/demo/sign-out', { method: 'POST' });
    stopTicks();
    setSignedIn(false);
    await refresh();
}

function setSignedIn(signedIn) {
    $('session-state').textContent = signedIn ? 'signed in (cookie set, HttpOnly)' : 'signed out';
    $('session-state').className = 'badge' + (signedIn ? ' on' : '');
}

async function listTasks() {
    $('tasks-status').textContent = '\u2026';
    const response = await call('GET /api/proxy/tasks', api('/tasks'));
    if (response.ok) {
        const tasks = await response.json();
        $('task-list').replaceChildren(...tasks.map(task => {
            const item = document.createElement('li');
            item.textContent = `#${task.id} ${task.title}`;
            return item;
        }));
        $('tasks-status').textContent = `${response.status}: ${tasks.length} tasks`;
    } else {
        $('task-list').replaceChildren();
        $('tasks-status').textContent = `${response.status}: ${await response.text()}`;
    }
    await showBackendView();
}

async function createTask(event) {
    event.preventDefault();
    const title = $('task-title').value.trim() || 'A task created through the relay';
    const response = await call('POST /api/proxy/tasks', api('/tasks'), {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title })
    });
    if (response.ok) {
        $('task-title').value = '';
    }
    await listTasks();
}

function startTicks() {
    stopTicks();
    $('tick-list').replaceChildren();
    $('tick-count').textContent = '0';
    // EventSource sends the page's cookies like fetch does; the relay flushes each event as it arrives.
    ticks = new EventSource(api('/ticks'));
    ticks.addEventListener('tick', event => {
        const tick = JSON.parse(event.data);
        const item = document.createElement('li');
        item.textContent = `tick ${tick.n}, sent by the backend at ${tick.at.slice(11)}`;
        $('tick-list').prepend(item);
        $('tick-count').textContent = String(tick.n);
    });
    ticks.onerror = () => {
        if (ticks && ticks.readyState === EventSource.CLOSED) {
            log('EventSource /api/proxy/ticks', 'closed', 'stream refused (e.g. 401 when signed out)');
        }
    };
    log('EventSource /api/proxy/ticks', 'open', 'text/event-stream');
}

function stopTicks() {
    if (ticks) {
        ticks.close();
        ticks = null;
    }
}

async function download() {
    const response = await call('GET /api/proxy/files/report.png', api('/files/report.png'));
    if (!response.ok) {
        return;
    }
    const bytes = await response.arrayBuffer();
    const pageSha = await sha256Hex(bytes);
    const backendDigest = (response.headers.get('Repr-Digest') || '').match(/sha-256=:([^:]+):/);
    const backendSha = backendDigest
        ? [...atob(backendDigest[1])].map(c => c.charCodeAt(0).toString(16).padStart(2, '0')).join('') : '(none)';
    const url = URL.createObjectURL(new Blob([bytes], { type: response.headers.get('Content-Type') }));
    $('download-size').textContent = String(bytes.byteLength);
    $('download-sha').textContent = pageSha;
    showMatch('download-backend-sha', backendSha, pageSha);
    $('download-preview').src = url;
    $('download-save').href = url;
    $('download-preview').classList.remove('hidden');
    $('download-save').classList.remove('hidden');
}

async function upload() {
    const file = $('upload-file').files[0];
    if (!file) {
        log('POST /api/proxy/upload', '-', 'choose a file first');
        return;
    }
    $('upload-local-sha').textContent = await sha256Hex(await file.arrayBuffer());
    // The file is the request body as it is: the relay streams it through without buffering it.
    const response = await call('POST /api/proxy/upload', api('/upload'), {
        method: 'POST', headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file
    });
    if (response.ok) {
        const received = await response.json();
        $('upload-size').textContent = String(received.bytes);
        showMatch('upload-sha', received.sha256, $('upload-local-sha').textContent);
    }
}

function showMatch(id, value, expected) {
    const mark = document.createElement('span');
    mark.className = value === expected ? 'match' : 'mismatch';
    mark.textContent = value === expected ? ' \u2713 same' : ' \u2717 different';
    $(id).replaceChildren(document.createTextNode(value), mark);
}

function guarded(action) {
    return event => action(event).catch(error => log('page error', 'error', String(error)));
}

$('sign-in').addEventListener('click', guarded(signIn));
$('sign-out').addEventListener('click', guarded(signOut));
$('task-form').addEventListener('submit', guarded(createTask));
$('list-tasks').addEventListener('click', guarded(listTasks));
$('ticks-start').addEventListener('click', startTicks);
$('ticks-stop').addEventListener('click', stopTicks);
$('download-file').addEventListener('click', guarded(download));
$('upload-send').addEventListener('click', guarded(upload));
// The page cannot read its own session cookie, so it learns whether it is signed in by asking.
showCookies();
showBackendView().then(setSignedIn).catch(error => log('page error', 'error', String(error)));
