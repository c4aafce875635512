/* A segment's profile bars, and its edit form (PUT /api/v1/segments/{id}: the server checks names are unique). */
(function () {
    'use strict';

    function bars(element) {
        const data = JSON.parse(element.dataset.bars);
        element.style.height = Math.max(240, 26 * data.length + 40) + 'px';
        const chart = Segments.chart(element);
        chart.setOption({
            animation: false,
            grid: {left: 8, right: 40, top: 8, bottom: 8, containLabel: true},
            tooltip: {trigger: 'item', renderMode: 'richText',
                formatter: p => p.name + ': ' + (p.value >= 0 ? '+' : '') + p.value.toFixed(2) + ' SD'},
            xAxis: {type: 'value', name: 'SD', axisLabel: {formatter: v => (v > 0 ? '+' : '') + v}},
            yAxis: {type: 'category', inverse: true, data: data.map(f => f.feature), axisLabel: {width: 170, overflow: 'truncate'}},
            series: [{type: 'bar', data: data.map(f => ({value: f.z,
                itemStyle: {color: f.z >= 0 ? '#2f6fbf' : '#e0803a'}}))}]
        });
        return chart;
    }

    async function save(event) {
        event.preventDefault();
        const form = event.target;
        const error = document.getElementById('edit-error');
        const nameError = document.getElementById('edit-name-error');
        const name = document.getElementById('edit-name');
        error.textContent = '';
        nameError.textContent = '';
        name.removeAttribute('aria-invalid');
        const offers = document.getElementById('edit-offers').value.split('\n').map(o => o.trim()).filter(o => o);
        const body = {name: name.value, description: document.getElementById('edit-description').value, offers};
        const button = document.getElementById('edit-save');
        button.disabled = true;
        const result = await Segments.api('PUT', form.dataset.url, {body, needsKey: true});
        button.disabled = false;
        if (result.ok) {
            Segments.flash('Saved: the segment is now called “' + result.body.name + '”.');
            window.location.reload();
            return;
        }
        if (result.status === 400 && /name|already called/i.test(Segments.message(result))) {
            nameError.textContent = Segments.message(result);
            name.setAttribute('aria-invalid', 'true');
            name.focus();
        } else {
            error.textContent = Segments.message(result);
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        Segments.resizing([bars(document.getElementById('profile-chart'))]);
        document.getElementById('edit-form').addEventListener('submit', save);
        document.body.dataset.ready = 'true';
    });
})();
