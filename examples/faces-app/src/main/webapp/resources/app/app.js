// The page calls its own origin; the browser attaches the httpOnly token cookie by itself and the relay
// turns it into "Authorization: Bearer ..." for the API. Nothing here ever holds the token.
'use strict';

const relay = document.body.dataset.relay; // e.g. /relay (relay inside this WAR) or /relay/api (beside it)
const api = path => relay + '/proxy' + path;
const $ = id => document.getElementById(id);

async function loadTasks() {
    $('tasks-url').textContent = api('/tasks');
    const response = await fetch(api('/tasks'), {credentials: 'include', headers: {Accept: 'application/json'}});
    const list = $('task-list');
    list.replaceChildren();
    if (!response.ok) {
        $('tasks-status').textContent = response.status + ': ' + await response.text();
        return;
    }
    const tasks = await response.json();
    for (const task of tasks) {
        const item = document.createElement('li');
        item.textContent = task.title;
        list.append(item);
    }
    $('tasks-status').textContent = response.status + ': ' + tasks.length + ' tasks';
}

async function download() {
    const response = await fetch(api('/files/report.png'), {credentials: 'include'});
    if (!response.ok) {
        $('download-status').textContent = response.status + ': ' + await response.text();
        return;
    }
    const blob = await response.blob();
    const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
    const hex = Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
    $('download-status').textContent = blob.size + ' bytes, ' + blob.type + ', sha256 ' + hex;
    const preview = $('download-preview');
    preview.src = URL.createObjectURL(blob);
    preview.hidden = false;
}

function receiveTicks() {
    const events = new EventSource(api('/ticks'), {withCredentials: true});
    events.onopen = () => { $('tick-status').textContent = 'open'; };
    events.addEventListener('tick', event => {
        const item = document.createElement('li');
        item.textContent = 'tick ' + JSON.parse(event.data).n;
        $('tick-list').append(item);
        $('tick-status').textContent = 'open: ' + $('tick-list').children.length + ' events';
    });
    events.onerror = () => {
        if (events.readyState === EventSource.CLOSED) {
            $('tick-status').textContent = 'closed';
        }
    };
    // Ends the stream before the page goes away (sign-out), so the relay frees its stream slot at once.
    window.addEventListener('pagehide', () => events.close());
}

function showCookies() {
    $('document-cookie').textContent = JSON.stringify(document.cookie);
    $('cookie-verdict').textContent = 'The token cookie is httpOnly: it is not in document.cookie, '
        + 'and no script on this page (or injected into it) can read it.';
}

$('download').addEventListener('click', () => download().catch(error => {
    $('download-status').textContent = 'failed: ' + error;
}));
showCookies();
loadTasks().catch(error => { $('tasks-status').textContent = 'failed: ' + error; });
receiveTicks();
