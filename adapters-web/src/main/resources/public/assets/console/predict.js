/*
 * Try a customer: the form's values go to POST /api/v1/predict as typed (empty means unknown, sent as null); the
 * server reads them, and a value it refuses is shown beside its field in the server's words. A CSV file goes to
 * POST /api/v1/predict/batch and comes back scored, to download.
 */
(function () {
    'use strict';

    function clearErrors(form) {
        form.querySelectorAll('[data-field-error]').forEach(e => { e.textContent = ''; });
        form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
        document.getElementById('predict-error').textContent = '';
    }

    function customer(form) {
        const fields = {};
        form.querySelectorAll('[data-field]').forEach(input => {
            const value = input.value.trim();
            if (input.id === 'field-id') {
                if (value) {
                    fields[input.dataset.field] = value;
                }
                return;
            }
            fields[input.dataset.field] = value === '' ? null : value;
        });
        return fields;
    }

    function showFieldError(form, result) {
        const field = result.body && result.body.field;
        const slot = field ? [...form.querySelectorAll('[data-field-error]')].find(e => e.dataset.fieldError === field) : null;
        if (!slot) {
            document.getElementById('predict-error').textContent = Segments.message(result);
            return;
        }
        slot.textContent = Segments.message(result);
        const input = [...form.querySelectorAll('[data-field]')].find(e => e.dataset.field === field);
        input.setAttribute('aria-invalid', 'true');
        input.focus();
    }

    function showAnswer(p) {
        document.getElementById('answer-name').textContent = p.noise ? 'no segment (noise)' : (p.segmentName || '');
        document.getElementById('answer-segment').textContent = 'segment ' + p.segment;
        document.getElementById('answer-offers').textContent = p.offers.length ? p.offers.join(' · ') : 'none';
        document.getElementById('answer-confidence').textContent = (100 * p.confidence).toFixed(0) + '%';
        document.getElementById('answer-outlier').textContent = p.outlier
            ? 'yes: farther from the centre than 99% of the segment' : 'no';
        document.getElementById('answer-distance').textContent = p.distance.toFixed(3);
        document.getElementById('answer-version').textContent = String(p.modelVersion);
        const answer = document.getElementById('answer');
        answer.hidden = false;
        answer.dataset.segment = String(p.segment);
    }

    async function predict(event) {
        event.preventDefault();
        const form = event.target;
        clearErrors(form);
        document.getElementById('answer').hidden = true;
        const result = await Segments.api('POST', form.dataset.url, {body: customer(form)});
        if (result.ok) {
            showAnswer(result.body);
        } else {
            showFieldError(form, result);
        }
    }

    async function upload(event) {
        event.preventDefault();
        const form = event.target;
        const file = document.getElementById('upload-file').files[0];
        const error = document.getElementById('upload-error');
        const download = document.getElementById('upload-download');
        const summary = document.getElementById('upload-summary');
        error.textContent = '';
        summary.textContent = '';
        download.hidden = true;
        if (!file) {
            error.textContent = 'Choose a CSV file first.';
            return;
        }
        summary.textContent = 'Scoring ' + file.name + '…';
        const result = await Segments.api('POST', form.dataset.url, {body: file, contentType: 'text/csv', accept: 'text/csv'});
        if (!result.ok) {
            summary.textContent = '';
            error.textContent = Segments.message(result);
            return;
        }
        const scores = await result.response.blob();
        if (download.href.startsWith('blob:')) {
            URL.revokeObjectURL(download.href);
        }
        download.href = URL.createObjectURL(scores);
        download.download = file.name.replace(/\.csv$/i, '') + '-scores.csv';
        download.hidden = false;
        summary.textContent = Number(result.response.headers.get('X-Rows')).toLocaleString('en')
            + ' customers scored by model version ' + result.response.headers.get('X-Model-Version') + '.';
    }

    document.addEventListener('DOMContentLoaded', () => {
        document.getElementById('predict-form').addEventListener('submit', predict);
        document.getElementById('upload-form').addEventListener('submit', upload);
        document.body.dataset.ready = 'true';
    });
})();
