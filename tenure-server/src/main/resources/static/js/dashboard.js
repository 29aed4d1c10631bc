/* Dashboard charts: the data comes from /dashboard/data.json with the page's area filter; texts come with the data. */
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  var filter = document.getElementById('area');
  if (filter) {
    filter.addEventListener('change', function () { filter.form.submit(); });
  }
  if (!root || typeof echarts === 'undefined') { return; }
  var TAG_COLORS = { HIGH_TARIFF: '#d4553a', HIGH_DATA: '#2f6fb0', HIGH_SILENCE: '#7a8794', HIGH_ARPU: '#d9a21b' };
  var MOVE_COLORS = { ENTERED: '#e07b39', STAYED: '#9aa8b8', EXITED: '#1f8a5b' };
  var BAND_COLORS = { HIGH: '#b42318', MEDIUM: '#e0a43a', LOW: '#7fb48f' };
  var charts = [];

  function group(n) {
    if (n === null || n === undefined) { return '-'; }
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  function base() {
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: group },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 12, right: 24, top: 36, bottom: 8, containLabel: true }
    };
  }

  function valueAxis() {
    return { type: 'value', axisLabel: { formatter: group }, splitLine: { lineStyle: { color: '#e8edf3' } } };
  }

  function categoryAxis(names) {
    return { type: 'category', data: names, axisTick: { alignWithLabel: true }, axisLabel: { interval: 0 } };
  }

  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    charts.push(chart);
  }

  function render(d) {
    var tagNames = d.tags.map(function (t) { return d.labels[t] || t; });

    (function () {
      var o = base();
      o.legend = { show: false };
      o.xAxis = categoryAxis(tagNames);
      o.yAxis = valueAxis();
      o.series = [{ type: 'bar', barMaxWidth: 46, label: { show: true, position: 'top', formatter: function (p) { return group(p.value); } },
        data: d.held.map(function (v, i) { return { value: v, itemStyle: { color: TAG_COLORS[d.tags[i]] } }; }) }];
      draw('chart-tags', o);
    })();

    (function () {
      var o = base();
      o.xAxis = categoryAxis(tagNames);
      o.yAxis = valueAxis();
      o.series = Object.keys(d.movements).map(function (m) {
        return { name: d.labels[m] || m, type: 'bar', stack: 'movement', barMaxWidth: 46,
          itemStyle: { color: MOVE_COLORS[m] }, data: d.movements[m] };
      });
      draw('chart-movements', o);
    })();

    (function () {
      var o = base();
      var names = d.byArea.names.slice().reverse();
      o.yAxis = categoryAxis(names);
      o.xAxis = valueAxis();
      o.series = d.tags.map(function (t) {
        return { name: d.labels[t] || t, type: 'bar', stack: 'area', barMaxWidth: 18, itemStyle: { color: TAG_COLORS[t] },
          data: (d.byArea.held[t] || []).slice().reverse() };
      });
      var el = document.getElementById('chart-areas');
      if (el) { el.style.height = Math.max(320, 60 + names.length * 22) + 'px'; }
      draw('chart-areas', o);
    })();

    (function () {
      var bands = Object.keys(d.risk);
      var total = bands.reduce(function (s, b) { return s + d.risk[b]; }, 0);
      if (total === 0) {
        var el = document.getElementById('chart-risk');
        if (el) {
          var p = document.createElement('p');
          p.className = 'note';
          p.textContent = d.labels.noRisk;
          el.replaceWith(p);
        }
        return;
      }
      draw('chart-risk', {
        animation: false,
        tooltip: { trigger: 'item', valueFormatter: group },
        legend: { top: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], top: 24,
          label: { formatter: function (p) { return p.name + ' ' + group(p.value) + ' (' + p.percent + '%)'; } },
          data: bands.map(function (b) { return { name: d.labels[b] || b, value: d.risk[b], itemStyle: { color: BAND_COLORS[b] } }; }) }]
      });
    })();

    (function () {
      var o = base();
      o.tooltip = { trigger: 'axis', valueFormatter: group };
      o.xAxis = categoryAxis(d.trend.days);
      o.xAxis.boundaryGap = d.trend.days.length < 2;
      o.xAxis.axisLabel = {};
      o.yAxis = valueAxis();
      o.series = Object.keys(d.trend.held).map(function (t) {
        return { name: d.labels[t] || t, type: 'line', symbol: 'circle', symbolSize: 6, itemStyle: { color: TAG_COLORS[t] },
          data: d.trend.held[t] };
      });
      o.series.push({ name: d.labels.highRisk, type: 'line', symbol: 'diamond', symbolSize: 7,
        lineStyle: { type: 'dashed' }, itemStyle: { color: BAND_COLORS.HIGH }, data: d.trend.highRisk });
      draw('chart-trend', o);
    })();
  }

  fetch(root.getAttribute('data-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
    .then(render)
    .catch(function () { root.textContent = root.getAttribute('data-error') || ''; });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
