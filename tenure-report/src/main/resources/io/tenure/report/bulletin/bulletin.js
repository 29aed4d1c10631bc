/* Draws the bulletin charts from the embedded JSON. Texts come from the data; nothing is fetched. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('bulletin-data').textContent);
  var COLORS = { HIGH_TARIFF: '#d4553a', HIGH_DATA: '#2f6fb0', HIGH_SILENCE: '#7a8794', HIGH_ARPU: '#d9a21b' };
  var MOVE_COLORS = { ENTERED: '#e07b39', STAYED: '#9aa8b8', EXITED: '#1f8a5b' };
  var FONT = '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",Arial,sans-serif';
  var charts = [];

  function group(n) {
    if (n === null || n === undefined) { return '-'; }
    var parts = String(n).split('.');
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return parts.join('.');
  }

  function tagName(key) {
    for (var i = 0; i < data.tags.length; i++) {
      if (data.tags[i].key === key) { return data.tags[i].name; }
    }
    return key;
  }

  function base() {
    return {
      animation: false,
      textStyle: { fontFamily: FONT, color: '#1d2733' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: group },
      legend: { top: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 8, textStyle: { color: '#465364' } },
      grid: { left: 12, right: 24, top: 36, bottom: 8, containLabel: true }
    };
  }

  function valueAxis() {
    return { type: 'value', axisLabel: { formatter: group, color: '#687385' },
      splitLine: { lineStyle: { color: '#e8edf3' } } };
  }

  function categoryAxis(names) {
    return { type: 'category', data: names, axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: '#b8c4d2' } }, axisLabel: { color: '#465364', interval: 0 } };
  }

  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    charts.push(chart);
  }

  function tagSeries(values, extra) {
    return Object.keys(values).map(function (key) {
      var s = { name: tagName(key), type: 'bar', data: values[key], itemStyle: { color: COLORS[key] } };
      for (var k in extra) { s[k] = extra[k]; }
      return s;
    });
  }

  // Tag holdings per city, stacked.
  (function () {
    var o = base();
    o.xAxis = categoryAxis(data.cities.names);
    o.yAxis = valueAxis();
    o.series = tagSeries(data.cities.held, { stack: 'held', barMaxWidth: 46 });
    // Totals above the stacks: the topmost series carries the label of the whole stack.
    var totals = data.cities.names.map(function (_, i) {
      return Object.keys(data.cities.held).reduce(function (sum, key) { return sum + data.cities.held[key][i]; }, 0);
    });
    if (o.series.length > 0) {
      o.series[o.series.length - 1].label = { show: true, position: 'top', fontSize: 11, color: '#465364',
        formatter: function (p) { return group(totals[p.dataIndex]); } };
    }
    draw('chart-cities', o);
  })();

  // Entered / stayed / returned to normal per tag.
  (function () {
    var o = base();
    o.xAxis = categoryAxis(data.tags.map(function (t) { return t.name; }));
    o.yAxis = valueAxis();
    o.series = Object.keys(data.movements).map(function (key) {
      return { name: data.labels[key], type: 'bar', data: data.movements[key], barMaxWidth: 34, barGap: '12%',
        itemStyle: { color: MOVE_COLORS[key] },
        label: { show: true, position: 'top', formatter: function (p) { return group(p.value); },
          fontSize: 11, color: '#465364' } };
    });
    draw('chart-movements', o);
  })();

  // Monthly trend: holders and rate per 1,000.
  function trend(id, values, digits) {
    var o = base();
    o.tooltip = { trigger: 'axis', valueFormatter: function (v) {
      return v === null || v === undefined ? '-' : group(digits ? Number(v).toFixed(digits) : v); } };
    o.xAxis = categoryAxis(data.trend.months);
    o.xAxis.boundaryGap = data.trend.months.length < 2;
    o.yAxis = valueAxis();
    o.series = Object.keys(values).map(function (key) {
      return { name: tagName(key), type: 'line', data: values[key], symbol: 'circle', symbolSize: 7,
        connectNulls: false, lineStyle: { width: 2.5 }, itemStyle: { color: COLORS[key] } };
    });
    draw(id, o);
  }
  trend('chart-trend-held', data.trend.held, 0);
  trend('chart-trend-rate', data.trend.perMille, 2);

  // Counties with the most early warnings, largest on top.
  (function () {
    var o = base();
    o.yAxis = categoryAxis(data.warnings.areas.slice().reverse());
    o.yAxis.axisTick = { show: false };
    o.xAxis = valueAxis();
    var values = {};
    Object.keys(data.warnings.subscribers).forEach(function (key) {
      values[key] = data.warnings.subscribers[key].slice().reverse();
    });
    o.series = tagSeries(values, { stack: 'warn', barMaxWidth: 18 });
    draw('chart-warnings', o);
  })();

  function resize() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
})();
