/* Starts a comparison (POST /api/v1/comparisons, with the API key) and follows it until its report is ready. */
(function () {
    'use strict';

    const FINISHED = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

    function show(job) {
        document.getElementById('comparison').hidden = false;
        document.getElementById('comparison-progress').value = job.progress;
        const state = document.getElementById('comparison-state');
        state.textContent = job.state;
        state.className = 'badge ' + job.state;
        document.getElementById('comparison-stage').textContent = job.state === 'SUCCEEDED' ? 'Done.'
            : FINISHED.includes(job.state) ? job.state.toLowerCase() + ': ' + (job.error || '')
                : (100 * job.progress).toFixed(0) + '% · ' + (job.stage || '');
        const report = document.getElementById('comparison-report');
        report.hidden = !job.report;
        if (job.report) {
            report.href = job.report;
        }
        document.getElementById('comparison').dataset.state = job.state;
    }

    function numbers(text) {
        return text.split(',').map(s => s.trim()).filter(s => s).map(s => (/^\d+$/.test(s) ? Number(s) : s));
    }

    async function start(event) {
        event.preventDefault();
        const error = document.getElementById('compare-error');
        error.textContent = '';
        const bootstrap = document.getElementById('compare-bootstrap').value.trim();
        const body = {
            data: document.getElementById('compare-data').value.trim(),
            algorithms: [...document.querySelectorAll('input[name=algorithm]:checked')].map(c => c.value),
            k: document.getElementById('compare-k').value.trim(),
            minClusterSizes: numbers(document.getElementById('compare-sizes').value),
            bootstrap: /^\d+$/.test(bootstrap) ? Number(bootstrap) : bootstrap
        };
        const result = await Segments.api('POST', '/api/v1/comparisons', {body, needsKey: true});
        if (!result.ok) {
            error.textContent = Segments.message(result);
            return;
        }
        let job = result.body;
        show(job);
        while (!FINISHED.includes(job.state)) {
            await new Promise(resolve => setTimeout(resolve, 500));
            const polled = await Segments.api('GET', '/api/v1/comparisons/' + job.id);
            if (!polled.ok) {
                error.textContent = Segments.message(polled);
                return;
            }
            job = polled.body;
            show(job);
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        document.getElementById('compare-form').addEventListener('submit', start);
        document.body.dataset.ready = 'true';
    });
})();
