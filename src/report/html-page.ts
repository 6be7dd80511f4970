// The HTML report's own style sheet and browser script (html.ts puts them in the page). The script reads
// the data blob, draws the charts with uPlot, fills the table of all experiments and wires the status
// filter. It is plain ES2020 in a string, so it reaches the page exactly as written here; it must never
// contain a closing script tag. test/browser-report.test.ts runs it in Chromium.
import type { Status } from '../ledger/types.js';

/** Status colours: keep green, discard grey, crash and timeout red, explore blue, invalid orange. */
export const STATUS_COLORS: Record<Status, string> = {
  keep: '#1a7f37',
  discard: '#8c959f',
  crash: '#d1242f',
  timeout: '#a40e26',
  explore: '#0969da',
  invalid: '#e36209',
};

export const LINE_COLORS = { best: '#116329', baseline: '#57606a', limit: '#8250df' };

export const PAGE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1f2328; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 24px 48px; }
h1 { font-size: 20px; margin: 0 0 2px; font-weight: 600; }
h2 { font-size: 17px; margin: 32px 0 8px; font-weight: 600; }
h3 { font-size: 15px; margin: 20px 0 4px; font-weight: 600; }
code, pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
.muted { color: #59636e; }
.sub { color: #59636e; margin: 0; }
.headline { margin: 18px 0 4px; padding: 14px 18px; border: 1px solid #d1d9e0; border-radius: 8px; background: #f6f8fa; }
.headline .big { font-size: 26px; font-weight: 600; }
.headline .big .metric { font-weight: 400; color: #59636e; margin-right: 8px; }
.headline .better { color: #1a7f37; }
.headline .worse { color: #d1242f; }
.headline p { margin: 4px 0 0; }
.filters { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; margin: 14px 0 0; }
.filters label { display: inline-flex; align-items: center; gap: 6px; cursor: pointer; user-select: none; }
.filters label.empty { color: #8c959f; cursor: default; }
.filters .count { font-variant-numeric: tabular-nums; font-weight: 600; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%; flex: none; }
.line-swatch { display: inline-block; width: 22px; height: 0; border-top: 2px solid; vertical-align: middle; margin-right: 4px; }
.line-swatch.dashed { border-top-style: dashed; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; color: #59636e; font-size: 13px; margin: 4px 0 0; }
.chart { width: 100%; min-height: 120px; }
.readout { min-height: 1.5em; font-size: 13px; color: #59636e; margin: 2px 0 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.charts-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 8px 24px; }
.grid-table { max-height: 75vh; overflow: auto; border: 1px solid #d1d9e0; border-radius: 6px; }
.grid-list { border: 1px solid #d1d9e0; border-radius: 6px; }
.grid-row { display: grid; grid-template-columns: var(--columns); align-items: baseline; border-bottom: 1px solid #d1d9e0; }
.grid-row > span { padding: 4px 8px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.grid-row > span.desc { white-space: normal; overflow-wrap: anywhere; }
.grid-row > span.num { text-align: right; font-variant-numeric: tabular-nums; }
.grid-head { position: sticky; top: 0; z-index: 1; background: #f6f8fa; font-weight: 600; }
.block { content-visibility: auto; }
.kept-item { border-bottom: 1px solid #d1d9e0; }
.kept-item > .grid-row { border-bottom: none; }
.kept-item.best > .grid-row { background: #dafbe1; }
.diff-line { padding: 0 8px 6px 72px; }
.mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
.status { white-space: nowrap; }
.status::before { content: ""; display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 5px; }
details > summary { cursor: pointer; color: #0969da; font-size: 13px; }
pre.diff { margin: 4px 0 0; padding: 8px 0; background: #f6f8fa; border: 1px solid #d1d9e0; border-radius: 6px; overflow: auto; max-height: 480px; line-height: 1.4; }
pre.diff span { display: block; padding: 0 10px; min-width: max-content; }
pre.diff .add { background: #dafbe1; } pre.diff .del { background: #ffebe9; } pre.diff .hunk { color: #0969da; } pre.diff .file { font-weight: 600; }
footer { margin-top: 40px; color: #59636e; font-size: 12px; }
footer pre { white-space: pre-wrap; font-size: 11px; }
`;

export const PAGE_SCRIPT = `
(function () {
  'use strict';
  // Marks for the bench: when the script starts (the HTML is parsed), and when the charts and table are done.
  performance.mark('autoexp:script');
  var data = JSON.parse(document.getElementById('autoexp-data').textContent);
  var statuses = data.statuses;
  var colors = data.colors;
  var lines = data.lineColors;
  var n = data.experiment.length;
  var hidden = {};
  var charts = [];
  // Points are drawn in this order, so kept ones sit on top of the many grey discards.
  var DRAW_ORDER = ['discard', 'invalid', 'timeout', 'crash', 'explore', 'keep'];
  var ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }
  function fmt(value) {
    if (value === null || value === undefined) return '\\u2014';
    var rounded = Number(value.toPrecision(6));
    return Object.is(rounded, -0) ? '0' : String(rounded);
  }
  function statusOf(i) { return statuses[data.status[i]]; }

  // Rows go in blocks of 100: the browser skips laying out (and drawing) blocks scrolled out of view, yet
  // every row stays in the page, so find-in-page still finds it.
  var BLOCK_ROWS = 100;
  function fillAllExperiments() {
    var body = document.getElementById('all-body');
    if (!body) return;
    var parts = [];
    for (var i = n - 1, k = 0; i >= 0; i--, k++) {
      if (k % BLOCK_ROWS === 0) {
        var rows = Math.min(BLOCK_ROWS, n - k);
        parts.push((k === 0 ? '' : '</div>') + '<div class="block" style="contain-intrinsic-size: auto ' + rows * 31 + 'px">');
      }
      var s = statusOf(i);
      var html = '<div class="grid-row s-' + s + '"><span class="num">' + data.experiment[i] +
        '</span><span class="status dot-' + s + '">' + s + '</span><span class="mono">' + esc(data.commit[i]) + '</span>';
      for (var m = 0; m < data.metrics.length; m++) html += '<span class="num">' + fmt(data.values[m][i]) + '</span>';
      html += '<span>' + esc(data.reason[i]) + '</span><span class="desc">' + esc(data.description[i]) + '</span></div>';
      parts.push(html);
    }
    if (n > 0) parts.push('</div>');
    body.innerHTML = parts.join('');
  }

  function constant(value) {
    var column = new Array(n);
    for (var i = 0; i < n; i++) column[i] = value;
    return column;
  }

  // Experiments without a value for this metric (crash, timeout, invalid) are ticks along the bottom.
  function drawMissing(u, m) {
    var values = data.values[m];
    var ctx = u.ctx;
    var ratio = window.devicePixelRatio || 1;
    var bottom = u.bbox.top + u.bbox.height;
    var xMin = u.scales.x.min, xMax = u.scales.x.max;
    ctx.save();
    for (var i = 0; i < n; i++) {
      if (values[i] !== null) continue;
      var s = statusOf(i);
      var x = data.experiment[i];
      if (hidden[s] || x < xMin || x > xMax) continue;
      ctx.fillStyle = colors[s];
      ctx.fillRect(Math.round(u.valToPos(x, 'x', true) - ratio), bottom - 9 * ratio, 2 * ratio, 9 * ratio);
    }
    ctx.restore();
  }

  // One line for the experiment under the cursor, like the CLI prints it: "#12 keep  score=0.81  try x".
  function describe(i) {
    var text = '#' + data.experiment[i] + ' ' + statusOf(i);
    for (var m = 0; m < data.metrics.length; m++) {
      if (data.values[m][i] !== null) text += '  ' + data.metrics[m].name + '=' + fmt(data.values[m][i]);
    }
    if (data.description[i]) text += '  ' + data.description[i];
    if (data.reason[i] && data.reason[i] !== data.description[i]) text += '  (' + data.reason[i] + ')';
    return text;
  }

  // Smaller points when there are many, so the cloud of discards does not bury the rest.
  var pointSize = n > 2000 ? 4 : 6;
  // A little room left and right of all the experiments, so the first and last points are not cut in half
  // by the edge. uPlot asks this of every range, zoomed ones too: those are kept as they are.
  function padWholeRange(chart, min, max) {
    if (min !== data.experiment[0] || max !== data.experiment[n - 1]) return [min, max];
    var pad = Math.max(0.5, (max - min) * 0.01);
    return [min - pad, max + pad];
  }

  // Experiment numbers are whole: no tick at 2.5.
  var WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000];
  function makeChart(m, container, height) {
    var metric = data.metrics[m];
    var values = data.values[m];
    var noLine = function () { return null; };
    var series = [{ label: 'experiment' }];
    var columns = [data.experiment];
    var statusSeries = {};
    DRAW_ORDER.forEach(function (s) {
      var code = statuses.indexOf(s);
      var column = new Array(n);
      var any = false;
      for (var i = 0; i < n; i++) {
        var v = data.status[i] === code ? values[i] : null;
        column[i] = v;
        if (v !== null) any = true;
      }
      if (!any) return;
      statusSeries[s] = series.length;
      var color = colors[s];
      series.push({
        label: s, show: !hidden[s], stroke: color, paths: noLine,
        points: { show: true, size: pointSize + (s === 'discard' ? 0 : 2), width: 0, stroke: color, fill: color },
      });
      columns.push(column);
    });
    if (m === 0) {
      series.push({ label: 'best so far', stroke: lines.best, width: 2, spanGaps: true,
        paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } });
      columns.push(data.best);
    }
    if (data.baseline[m] !== null) {
      series.push({ label: 'baseline', stroke: lines.baseline, width: 1.5, dash: [6, 4], points: { show: false } });
      columns.push(constant(data.baseline[m]));
    }
    ['min', 'max'].forEach(function (key) {
      if (metric[key] === undefined) return;
      series.push({ label: key, stroke: lines.limit, width: 1.5, dash: [3, 3], points: { show: false } });
      columns.push(constant(metric[key]));
    });

    var u = new uPlot({
      width: Math.max(300, container.clientWidth),
      height: height,
      legend: { show: false },
      // One sync key: the cursor, a drag to zoom and a double-click to reset act on every chart at once.
      cursor: { sync: { key: 'autoexp' }, points: { show: false }, drag: { x: true, y: false } },
      scales: { x: { time: false, range: padWholeRange } },
      axes: [
        { label: 'experiment', stroke: '#59636e', grid: { stroke: '#eef1f4' }, ticks: { stroke: '#d1d9e0' },
          incrs: WHOLE_STEPS },
        { label: metric.name + ' ' + (metric.goal === 'maximize' ? '\\u2191 higher is better' : '\\u2193 lower is better'),
          stroke: '#59636e', size: 64, grid: { stroke: '#eef1f4' }, ticks: { stroke: '#d1d9e0' } },
      ],
      series: series,
      hooks: {
        draw: [function (chart) { drawMissing(chart, m); }],
        setCursor: [function (chart) {
          var readout = document.getElementById('readout');
          var i = chart.cursor.idx;
          if (readout && i !== null && i !== undefined) readout.textContent = describe(i);
        }],
      },
    }, columns, container);
    u.statusSeries = statusSeries;
    u.container = container;
    charts.push(u);
  }

  function applyFilter(s, show) {
    hidden[s] = !show;
    document.body.classList.toggle('hide-' + s, !show);
    charts.forEach(function (u) {
      var index = u.statusSeries[s];
      if (index !== undefined) u.setSeries(index, { show: show });
      else u.redraw(false, false);
    });
  }

  // Charts first: each reads its container's width, which lays the page out, cheaper before the big table.
  if (n > 0) {
    makeChart(0, document.getElementById('chart-0'), 340);
    for (var m = 1; m < data.metrics.length; m++) {
      var element = document.getElementById('chart-' + m);
      if (element) makeChart(m, element, 220);
    }
  }
  performance.mark('autoexp:charts');
  fillAllExperiments();
  performance.mark('autoexp:table');
  Array.prototype.forEach.call(document.querySelectorAll('input[data-status]'), function (box) {
    if (!box.checked) applyFilter(box.getAttribute('data-status'), false);
    box.addEventListener('change', function () { applyFilter(box.getAttribute('data-status'), box.checked); });
  });
  var resizePending = false;
  window.addEventListener('resize', function () {
    if (resizePending) return;
    resizePending = true;
    requestAnimationFrame(function () {
      resizePending = false;
      charts.forEach(function (u) { u.setSize({ width: Math.max(300, u.container.clientWidth), height: u.height }); });
    });
  });
  // For tests and the bench: the charts, and the page is drawn once data-ready is set.
  window.autoexpCharts = charts;
  requestAnimationFrame(function () {
    setTimeout(function () {
      window.autoexpRenderedMs = performance.now();
      document.body.setAttribute('data-ready', 'true');
    }, 0);
  });
})();
`;
