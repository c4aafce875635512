/*
 * The registry's changes, each one REST call with the API key: activate, roll back, point an alias, start a
 * retrain. A retrain's job is then followed live (GET /api/v1/jobs/{id}) until it ends.
 */
(function () {
    'use strict';

    const FINISHED = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

    async function change(method, path, body, errorId, done) {
        const error = document.getElementById(errorId);
        error.textContent = '';
        const result = await Segments.api(method, path, {body, needsKey: true});
        if (result.ok) {
            Segments.flash(done(result.body));
            window.location.reload();
        } else {
            error.textContent = Segments.message(result);
        }
    }

    function activate(event) {
        const version = event.target.dataset.version;
        change('POST', '/api/v1/models/' + version + '/activate', {}, 'models-error',
            a => 'Version ' + a.active + ' is now active' + (a.previous ? ' (it replaced version ' + a.previous + ').' : '.'));
    }

    function rollback() {
        change('POST', '/api/v1/models/rollback', {}, 'models-error',
            a => 'Rolled back: version ' + a.active + ' is active again.');
    }

    function alias(event) {
        event.preventDefault();
        const name = document.getElementById('alias-name').value.trim();
        const version = Number(document.getElementById('alias-version').value);
        change('PUT', '/api/v1/aliases/' + encodeURIComponent(name || '-'), {version}, 'alias-error',
            () => 'The alias ' + name + ' now points at version ' + version + '.');
    }

    /** A number the person typed, or the text itself so that the server names what is wrong with it. */
    function integer(id) {
        const text = document.getElementById(id).value.trim();
        return /^-?\d+$/.test(text) ? Number(text) : text;
    }

    async function retrain(event) {
        event.preventDefault();
        const error = document.getElementById('retrain-error');
        error.textContent = '';
        const features = document.getElementById('retrain-features').value.trim();
        const body = {
            data: document.getElementById('retrain-data').value.trim(),
            algorithm: document.getElementById('retrain-algorithm').value,
            parameters: {k: integer('retrain-k')},
            seed: integer('retrain-seed'),
            transactions: document.getElementById('retrain-transactions').checked
        };
        if (features) {
            body.features = features;
        }
        if (body.algorithm === 'hdbscan') {
            body.parameters = {};
        }
        const result = await Segments.api('POST', '/api/v1/retrain', {body, needsKey: true});
        if (!result.ok) {
            error.textContent = Segments.message(result);
            return;
        }
        follow(result.body);
    }

    function show(job) {
        document.getElementById('job').hidden = false;
        document.getElementById('job-progress').value = job.progress;
        const state = document.getElementById('job-state');
        state.textContent = job.state;
        state.className = 'badge ' + job.state;
        const stage = job.state === 'SUCCEEDED' ? 'Done: version ' + job.version + ' was trained.'
            : job.state === 'FAILED' || job.state === 'CANCELLED' ? job.state.toLowerCase() + ': ' + (job.error || '')
                : (100 * job.progress).toFixed(0) + '% · ' + (job.stage || job.state.toLowerCase());
        document.getElementById('job-stage').textContent = stage;
        document.getElementById('job-cancel').hidden = FINISHED.includes(job.state);
        document.getElementById('job').dataset.state = job.state;
    }

    async function follow(job) {
        const cancel = document.getElementById('job-cancel');
        cancel.onclick = () => Segments.api('DELETE', '/api/v1/jobs/' + job.id, {needsKey: true});
        show(job);
        while (!FINISHED.includes(job.state)) {
            await new Promise(resolve => setTimeout(resolve, 400));
            const result = await Segments.api('GET', '/api/v1/jobs/' + job.id);
            if (!result.ok) {
                document.getElementById('retrain-error').textContent = Segments.message(result);
                return;
            }
            job = result.body;
            show(job);
        }
        document.getElementById('job-refresh').hidden = job.state !== 'SUCCEEDED';
    }

    document.addEventListener('DOMContentLoaded', () => {
        document.querySelectorAll('button.activate').forEach(b => b.addEventListener('click', activate));
        document.getElementById('rollback').addEventListener('click', rollback);
        document.getElementById('alias-form').addEventListener('submit', alias);
        document.getElementById('retrain-form').addEventListener('submit', retrain);
        document.getElementById('job-refresh').addEventListener('click', () => window.location.reload());
        document.body.dataset.ready = 'true';
    });
})();
