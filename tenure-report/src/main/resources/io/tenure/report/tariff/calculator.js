// "What would I pay": the bill simulation of the tariff list's rules (rules §1) over every published plan
// with at most one data pack and one voice pack. Money in cents, data in millionths of a MB, as on the server.
(function () {
  'use strict';
  var catalog = JSON.parse(document.getElementById('catalog').textContent);
  var MICROS_PER_MB = 1000000;
  var MICROS_PER_GB = 1024 * MICROS_PER_MB;
  var SHOWN = 5;

  function startedGb(excess) {
    if (excess <= 0) { return 0; }
    var gb = Math.floor(excess / MICROS_PER_GB);
    return gb * MICROS_PER_GB < excess ? gb + 1 : gb;
  }

  function price(plan, data, voice, u) {
    var fixed = plan.fee + (data ? data.fee : 0) + (voice ? voice.fee : 0);
    var voiceAllow = plan.voice + (data ? data.voice : 0) + (voice ? voice.voice : 0);
    var dataAllow = plan.dataMb + (data ? data.dataMb : 0) + (voice ? voice.dataMb : 0);
    var voiceOver = Math.max(0, u.voice - voiceAllow) * plan.voiceRate;
    var dataOver = startedGb(u.dataMicroMb - dataAllow * MICROS_PER_MB) * plan.dataRate;
    var smsOver = Math.max(0, u.sms - plan.sms) * plan.smsRate;
    return { fixed: fixed, voice: voiceOver, data: dataOver, sms: smsOver, total: fixed + voiceOver + dataOver + smsOver };
  }

  function options(u) {
    var dataPacks = [null].concat(catalog.packs.filter(function (p) { return p.kind === 'DATA'; }));
    var voicePacks = [null].concat(catalog.packs.filter(function (p) { return p.kind === 'VOICE'; }));
    var all = [];
    catalog.plans.forEach(function (plan, order) {
      dataPacks.forEach(function (d) {
        voicePacks.forEach(function (v) {
          all.push({ plan: plan, data: d, voice: v, order: order, bill: price(plan, d, v, u) });
        });
      });
    });
    // cheapest first; at equal cost the simpler offer (fewer packs), then the list's order
    all.sort(function (a, b) {
      return a.bill.total - b.bill.total || packs(a) - packs(b) || a.order - b.order;
    });
    return all.slice(0, SHOWN);
  }

  function packs(o) {
    return (o.data ? 1 : 0) + (o.voice ? 1 : 0);
  }

  function yuan(cents) {
    return (cents / 100).toFixed(2);
  }

  function whole(id, fallback) {
    var v = document.getElementById(id).value.trim();
    return v === '' ? fallback : Number(v);
  }

  function usage() {
    var voice = whole('voice', 0);
    var gb = whole('data', 0);
    var sms = whole('sms', 0);
    if (!(Number.isInteger(voice) && voice >= 0 && Number.isInteger(sms) && sms >= 0 && isFinite(gb) && gb >= 0)) {
      return null;
    }
    return { voice: voice, dataMicroMb: Math.round(gb * 1024 * MICROS_PER_MB), sms: sms };
  }

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) { td.className = cls; }
    tr.appendChild(td);
  }

  function show() {
    var body = document.getElementById('results-body');
    var error = document.getElementById('calc-error');
    body.textContent = '';
    var u = usage();
    error.hidden = u !== null;
    if (u === null) { return; }
    options(u).forEach(function (o, i) {
      var tr = document.createElement('tr');
      tr.className = 'option';
      tr.setAttribute('data-plan', o.plan.id);
      tr.setAttribute('data-packs', [o.data, o.voice].filter(Boolean).map(function (p) { return p.id; }).join(';'));
      tr.setAttribute('data-total', String(o.bill.total));
      cell(tr, String(i + 1), 'n');
      cell(tr, [o.plan.name].concat([o.data, o.voice].filter(Boolean).map(function (p) { return p.name; })).join(' + '), 'l');
      cell(tr, yuan(o.bill.fixed), 'n');
      cell(tr, yuan(o.bill.voice), 'n');
      cell(tr, yuan(o.bill.data), 'n');
      cell(tr, yuan(o.bill.sms), 'n');
      cell(tr, yuan(o.bill.total), 'n total');
      body.appendChild(tr);
    });
  }

  document.getElementById('calc').addEventListener('submit', function (e) { e.preventDefault(); show(); });
  ['voice', 'data', 'sms'].forEach(function (id) { document.getElementById(id).addEventListener('input', show); });
  show();
}());
