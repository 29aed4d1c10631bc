/* Customer 360: the bills trend (bill components stacked by month, the total as a line) from the page's JSON block. */
(function () {
  'use strict';
  var el = document.getElementById('bills-chart');
  var block = document.getElementById('bills-data');
  if (!el || !block || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(block.textContent);
  if (!data.months || data.months.length === 0) { return; }
  var COLORS = {
    plan_fee: '#5b7fb5', addon_fee: '#8fb0dd', voice_overage_fee: '#d4553a', data_overage_fee: '#2f6fb0',
    sms_fee: '#9aa8b8', intl_roaming_fee: '#b45fb0', idd_fee: '#e08fd0', vas_fee: '#d9a21b',
    min_spend_topup: '#7a8794', discount: '#1f8a5b'
  };
  function money(v) {
    return v === null || v === undefined ? '-' : Number(v).toFixed(2);
  }
  var series = Object.keys(data.components).map(function (key) {
    return { name: data.labels[key], type: 'bar', stack: 'bill', barMaxWidth: 36,
      itemStyle: { color: COLORS[key] }, data: data.components[key].map(Number) };
  });
  series.push({ name: data.labels.total_fee, type: 'line', symbol: 'circle', symbolSize: 7, z: 5,
    lineStyle: { width: 2.5, color: '#1d2733' }, itemStyle: { color: '#1d2733' },
    label: { show: true, position: 'top', fontSize: 11, formatter: function (p) { return money(p.value); } },
    data: data.total.map(Number) });
  var chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: money },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 12, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.months },
    yAxis: { type: 'value', splitLine: { lineStyle: { color: '#e8edf3' } } },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
