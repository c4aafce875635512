/*
 * What every console page shares: the API key (kept in this tab's sessionStorage only, never in a cookie or
 * localStorage, and sent as the X-API-Key header), calls to the REST API, and messages that survive a reload.
 * The pages hold no business rules: the server checks everything and its answer is shown as it is.
 */
(function () {
    'use strict';

    const KEY = 'segments.apiKey';
    const FLASH = 'segments.flash';
    const colors = ['#2f6fbf', '#e0803a', '#3c9a5f', '#8e5ac8', '#c94f6d', '#3aa6b9', '#9a7b3c', '#6b7a8f',
        '#d4a72c', '#4f5bd5'];

    function key() {
        return sessionStorage.getItem(KEY);
    }

    function showKeyState() {
        const state = document.getElementById('key-state');
        if (!state) {
            return;
        }
        const known = key() !== null;
        state.textContent = known ? 'API key set for this tab' : 'No API key';
        document.getElementById('key-forget').hidden = !known;
        document.getElementById('key-set').textContent = known ? 'Change API key' : 'Enter API key';
    }

    /** Asks for the key in the page's dialog; resolves to the key, or null when the person cancels. */
    function askKey(message) {
        const dialog = document.getElementById('key-dialog');
        const input = document.getElementById('key-input');
        document.getElementById('key-error').textContent = message || '';
        input.value = '';
        return new Promise(resolve => {
            dialog.addEventListener('close', () => {
                const given = dialog.returnValue === 'save' ? input.value.trim() : '';
                input.value = '';
                if (given) {
                    sessionStorage.setItem(KEY, given);
                }
                showKeyState();
                resolve(given || null);
            }, {once: true});
            dialog.showModal();
            input.focus();
        });
    }

    function forgetKey() {
        sessionStorage.removeItem(KEY);
        showKeyState();
    }

    const KEY_REFUSALS = ['api_key_missing', 'api_key_wrong', 'api_key_not_configured', 'role_not_allowed'];

    /**
     * Calls the API. With needsKey the key is asked for when the tab has none, and asked for again (with the
     * server's reason) when the server refuses it. Resolves to {status, ok, body, response}; body is the parsed JSON
     * when the answer is JSON, else null (the response is there to read).
     */
    async function api(method, path, options = {}) {
        let apiKey = options.needsKey ? key() : null;
        if (options.needsKey && apiKey === null) {
            apiKey = await askKey();
            if (apiKey === null) {
                return {status: 0, ok: false, cancelled: true, body: {message: 'No API key was given, so nothing was changed.'}};
            }
        }
        for (let attempt = 0; ; attempt++) {
            const headers = {'Accept': options.accept || 'application/json'};
            if (options.body !== undefined) {
                headers['Content-Type'] = options.contentType || 'application/json';
            }
            if (apiKey) {
                headers['X-API-Key'] = apiKey;
            }
            const body = options.body === undefined ? undefined
                : (options.contentType ? options.body : JSON.stringify(options.body));
            const response = await fetch(path, {method, headers, body, credentials: 'omit'});
            const json = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
            if (options.needsKey && attempt < 2 && json && KEY_REFUSALS.includes(json.error)) {
                forgetKey();
                apiKey = await askKey(json.message);
                if (apiKey === null) {
                    return {status: response.status, ok: false, cancelled: true, body: json, response};
                }
                continue;
            }
            return {status: response.status, ok: response.ok, body: json, response};
        }
    }

    /** The message of a refusal, in the server's words. */
    function message(result) {
        if (result.body && result.body.message) {
            return result.body.message;
        }
        return 'The server answered ' + result.status + '.';
    }

    /** A message shown once, on the next page this tab opens (after a reload, say). */
    function flash(text) {
        sessionStorage.setItem(FLASH, text);
    }

    function showFlash() {
        const text = sessionStorage.getItem(FLASH);
        const main = document.getElementById('main');
        if (!text || !main) {
            return;
        }
        sessionStorage.removeItem(FLASH);
        const line = document.createElement('p');
        line.className = 'success panel';
        line.id = 'flash';
        line.setAttribute('role', 'status');
        line.textContent = text;
        main.insertBefore(line, main.firstChild);
    }

    function chart(element) {
        return window.echarts.init(element, null, {renderer: 'canvas'});
    }

    /** Charts follow the width of their box (a phone turned, a window resized). */
    function resizing(charts) {
        window.addEventListener('resize', () => charts.forEach(c => c.resize()));
    }

    window.Segments = {key, askKey, forgetKey, api, message, flash, chart, resizing, colors};

    document.addEventListener('DOMContentLoaded', () => {
        showKeyState();
        showFlash();
        const set = document.getElementById('key-set');
        if (set) {
            set.addEventListener('click', () => askKey());
            document.getElementById('key-forget').addEventListener('click', forgetKey);
        }
    });
})();
