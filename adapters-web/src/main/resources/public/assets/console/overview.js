/* The overview's two pictures: the share of each segment, and the map of the customers (10,000 points at most). */
(function () {
    'use strict';

    function shares(element) {
        const data = JSON.parse(element.dataset.shares);
        const chart = Segments.chart(element);
        chart.setOption({
            animation: false,
            grid: {left: 8, right: 24, top: 16, bottom: 8, containLabel: true},
            tooltip: {trigger: 'item', renderMode: 'richText', formatter: p => p.name + ': ' + p.value.toFixed(1) + '%'},
            xAxis: {type: 'value', axisLabel: {formatter: '{value}%'}},
            yAxis: {type: 'category', inverse: true, data: data.map(s => s.name),
                axisLabel: {width: 140, overflow: 'truncate'}},
            series: [{type: 'bar', data: data.map(s => ({value: 100 * s.share,
                itemStyle: {color: Segments.colors[s.id % Segments.colors.length]}})),
                label: {show: true, position: 'right', formatter: p => p.value.toFixed(1) + '%'}}]
        });
        return chart;
    }

    async function map(element) {
        const chart = Segments.chart(element);
        chart.showLoading({text: 'Placing the customers…'});
        const result = await Segments.api('GET', element.dataset.url);
        chart.hideLoading();
        const note = document.getElementById('map-note');
        if (!result.ok || result.body.unavailable) {
            note.textContent = result.ok ? 'No map: ' + result.body.unavailable + '.' : 'No map: ' + Segments.message(result);
            element.hidden = true;
            return chart;
        }
        const p = result.body;
        const series = p.names.map((name, id) => ({name, type: 'scatter', large: p.ids.length > 2000, symbolSize: 4,
            itemStyle: {color: Segments.colors[id % Segments.colors.length], opacity: 0.7}, data: []}));
        const noise = {name: 'no segment', type: 'scatter', symbolSize: 4, itemStyle: {color: '#9aa3ad'}, data: []};
        for (let i = 0; i < p.ids.length; i++) {
            const point = [p.x[i], p.y[i], i];
            (p.segments[i] >= 0 ? series[p.segments[i]] : noise).data.push(point);
        }
        if (noise.data.length > 0) {
            series.push(noise);
        }
        note.textContent = (p.ids.length < p.rows ? p.ids.length.toLocaleString('en') + ' of ' : 'All ')
            + p.rows.toLocaleString('en') + ' customers of ' + p.source
            + ' on the first two principal components of the model\u2019s space, coloured by segment; hover to see who it is.';
        chart.setOption({
            animation: false,
            legend: {type: 'scroll', top: 0},
            grid: {left: 8, right: 24, top: 56, bottom: 8, containLabel: true},
            tooltip: {trigger: 'item', renderMode: 'richText',
                formatter: item => 'Customer ' + p.ids[item.value[2]] + '\n' + item.seriesName},
            xAxis: {type: 'value', name: 'PC1', nameLocation: 'middle', nameGap: 24, scale: true, splitLine: {show: false}},
            yAxis: {type: 'value', name: 'PC2', scale: true, splitLine: {show: false}},
            series
        });
        element.dataset.points = String(p.ids.length);
        return chart;
    }

    document.addEventListener('DOMContentLoaded', async () => {
        const charts = [shares(document.getElementById('shares-chart'))];
        Segments.resizing(charts);
        charts.push(await map(document.getElementById('map-chart')));
        document.body.dataset.ready = 'true';
    });
})();
