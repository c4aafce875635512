/* The comparison report's four pictures, from the numbers the page carries. */
(function () {
    'use strict';

    const base = {animation: false, grid: {left: 8, right: 24, top: 40, bottom: 8, containLabel: true}};

    function lines(element, series, yName) {
        const chart = Segments.chart(element);
        chart.setOption(Object.assign({}, base, {
            legend: {top: 0},
            tooltip: {trigger: 'item', renderMode: 'richText', formatter: p => p.seriesName + ' k=' + p.value[0] + ': ' + Number(p.value[1]).toPrecision(4)},
            xAxis: {type: 'value', name: 'k', minInterval: 1, scale: true},
            yAxis: {type: 'value', name: yName, scale: true},
            series
        }));
        return chart;
    }

    document.addEventListener('DOMContentLoaded', () => {
        const data = JSON.parse(document.getElementById('report-charts').dataset.charts);
        const charts = [];
        charts.push(lines(document.getElementById('silhouette-chart'), Object.keys(data.silhouette).map((name, i) => ({
            name, type: 'line', data: data.silhouette[name], itemStyle: {color: Segments.colors[i]}})), 'silhouette'));
        charts.push(lines(document.getElementById('elbow-chart'),
            [{name: 'kmeans', type: 'line', data: data.inertia, itemStyle: {color: Segments.colors[0]}}], 'inertia'));
        const stability = Segments.chart(document.getElementById('stability-chart'));
        stability.setOption(Object.assign({}, base, {
            tooltip: {trigger: 'item', renderMode: 'richText', formatter: p => 'segment ' + p.name + ': ' + p.value.toFixed(2)},
            xAxis: {type: 'category', name: 'segment', data: (data.stability || []).map((_, i) => String(i))},
            yAxis: {type: 'value', name: 'Jaccard', min: 0, max: 1},
            series: [{type: 'bar', data: (data.stability || []).map(j => ({value: j,
                itemStyle: {color: j <= 0.5 ? '#b3261e' : j >= 0.75 ? '#3c9a5f' : '#e0803a'}}))}]
        }));
        charts.push(stability);
        const map = Segments.chart(document.getElementById('scatter-chart'));
        const groups = {};
        (data.map || []).forEach(p => { (groups[p[2]] = groups[p[2]] || []).push([p[0], p[1]]); });
        map.setOption(Object.assign({}, base, {
            legend: {type: 'scroll', top: 0},
            tooltip: {trigger: 'item', renderMode: 'richText', formatter: p => p.seriesName},
            xAxis: {type: 'value', name: 'PC1', scale: true, splitLine: {show: false}},
            yAxis: {type: 'value', name: 'PC2', scale: true, splitLine: {show: false}},
            series: Object.keys(groups).map(label => ({name: label < 0 ? 'noise' : 'segment ' + label, type: 'scatter',
                symbolSize: 4, data: groups[label], itemStyle: {color: label < 0 ? '#9aa3ad' : Segments.colors[label % 10]}}))
        }));
        charts.push(map);
        Segments.resizing(charts);
        document.body.dataset.ready = 'true';
    });
})();
