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
h1 { font-size: 20px; margin: 0 0 2px; font-weight: 600; overflow-wrap: anywhere; }
h2 { font-size: 17px; margin: 32px 0 8px; font-weight: 600; }
h3 { font-size: 15px; margin: 20px 0 4px; font-weight: 600; }
h2, h3 { overflow-wrap: anywhere; }
.h-note { font-weight: 400; color: #59636e; font-size: 14px; }
code, pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
code { overflow-wrap: anywhere; }
.muted { color: #59636e; }
.nowrap { white-space: nowrap; }
.sub { color: #59636e; margin: 0; }
.headline { margin: 18px 0 4px; padding: 14px 18px; border: 1px solid #d1d9e0; border-radius: 8px; background: #f6f8fa; overflow-wrap: anywhere; }
.headline .verdict { margin: 0 0 2px; font-weight: 600; }
.headline .verdict.better { color: #1a7f37; }
.headline .verdict.worse, .headline .verdict.none { color: #59636e; }
.headline .big { font-size: 26px; font-weight: 600; line-height: 1.3; }
.headline .big .metric { font-weight: 400; color: #59636e; margin-right: 8px; }
.headline .better { color: #1a7f37; }
.headline .worse { color: #d1242f; }
.headline p { margin: 4px 0 0; }
.headline .tally { color: #59636e; }
.filters { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; margin: 14px 0 0; }
.filters label, .baseline-key { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
.filters label { cursor: pointer; user-select: none; }
.filters label.empty { color: #8c959f; cursor: default; }
.filters .count { font-variant-numeric: tabular-nums; font-weight: 600; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%; flex: none; }
.line-swatch { display: inline-block; width: 22px; height: 0; border-top: 2px solid; vertical-align: middle; margin-right: 6px; flex: none; }
.line-swatch.dashed { border-top-style: dashed; }
.band-swatch { display: inline-block; width: 22px; height: 10px; border-top: 2px solid; vertical-align: middle; margin-right: 6px; flex: none; }
.band-swatch.min { border-top: none; border-bottom: 2px solid; }
.tick-swatch { display: inline-block; width: 2px; height: 10px; vertical-align: middle; margin: 0 10px; flex: none; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; color: #59636e; font-size: 13px; margin: 4px 0 0; }
.legend > span { display: inline-flex; align-items: center; }
.chart { width: 100%; min-height: 120px; }
.chart-box { min-width: 0; display: flex; flex-direction: column; }
.chart-box > .chart { margin-top: auto; }
.readout { min-height: 3em; font-size: 13px; color: #59636e; margin: 2px 0 0; overflow-wrap: anywhere; }
.charts-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap: 8px 24px; }
.grid-table { max-height: 75vh; overflow: auto; border: 1px solid #d1d9e0; border-radius: 6px; }
.grid-list { border: 1px solid #d1d9e0; border-radius: 6px; overflow: auto; }
.grid-row { display: grid; grid-template-columns: var(--columns); align-items: baseline; border-bottom: 1px solid #d1d9e0; }
.grid-row > span { padding: 4px 8px; min-width: 0; overflow-wrap: anywhere; }
.grid-head > span { overflow-wrap: break-word; font-size: 14px; }
.grid-row > span.num { text-align: right; font-variant-numeric: tabular-nums; }
.grid-head { position: sticky; top: 0; z-index: 1; background: #f6f8fa; font-weight: 600; }
#all-body .grid-row { cursor: pointer; }
#all-body .grid-row:hover, #all-body .grid-row[aria-expanded="true"] { background: #f6f8fa; }
#all-body .grid-row:focus-visible { outline: 2px solid #0969da; outline-offset: -2px; }
.detail { padding: 8px 12px 10px 72px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; font-size: 14px; overflow-wrap: anywhere; }
.detail p { margin: 2px 0; }
.detail .label { color: #59636e; display: inline-block; min-width: 6.5em; }
.when { color: #59636e; font-size: 13px; white-space: nowrap; }
.block { content-visibility: auto; }
.kept-item { border-bottom: 1px solid #d1d9e0; }
.kept-item > .grid-row { border-bottom: none; }
.kept-item.best > .grid-row { background: #dafbe1; }
.diff-line { padding: 0 8px 6px 72px; min-width: 0; }
.mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
.status { white-space: nowrap; }
.status::before { content: ""; display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 5px; }
details > summary { cursor: pointer; color: #0969da; font-size: 13px; }
pre.diff { margin: 4px 0 0; padding: 8px 0; background: #f6f8fa; border: 1px solid #d1d9e0; border-radius: 6px; overflow: auto; max-height: 480px; line-height: 1.4; }
pre.diff span { display: block; padding: 0 10px; min-width: max-content; }
pre.diff .add { background: #dafbe1; } pre.diff .del { background: #ffebe9; } pre.diff .hunk { color: #0969da; } pre.diff .file { font-weight: 600; }
footer { margin-top: 40px; color: #59636e; font-size: 12px; }
footer pre { white-space: pre-wrap; font-size: 11px; }
/* A phone's width: no table columns; each experiment is a small card of its cells. */
@media (max-width: 720px) {
  main { padding: 12px 14px 32px; }
  .headline { padding: 12px 14px; }
  .headline .big { font-size: 22px; }
  .grid-row.grid-head { display: none; }
  .grid-table { max-height: none; }
  .grid-row { display: flex; flex-wrap: wrap; align-items: baseline; padding: 6px 4px; }
  .grid-row > span { padding: 1px 6px; }
  .grid-row > span.num { text-align: left; }
  .grid-row > span.exp::before { content: "#"; }
  .grid-row > span[data-label]::before { content: attr(data-label) " "; color: #59636e; }
  .grid-row > span.reason, .grid-row > span.desc { flex: 1 1 100%; }
  .grid-row > span.reason { color: #59636e; }
  .diff-line, .detail { padding-left: 10px; }
}
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
  var LIMIT_SHADE = 'rgba(130, 80, 223, 0.09)';

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }
  function fmt(value) {
    if (value === null || value === undefined) return '\\u2014';
    var rounded = Number(value.toPrecision(6));
    return Object.is(rounded, -0) ? '0' : String(rounded);
  }
  // The baseline is the starting point, not a kept experiment: it has a status of its own on the page.
  function statusOf(i) { return i === data.baselineIndex ? 'baseline' : statuses[data.status[i]]; }
  function colorOf(s) { return s === 'baseline' ? lines.baseline : colors[s]; }

  // Times in the reader's own time zone and language: "2 Dec 2026, 07:20 CET". One formatter for all:
  // making one costs far more than using it, and the kept table may hold thousands of times. A browser
  // whose language Intl refuses (a bare Linux's LANG=C can make one) gets UTC, as the page was written.
  var timeFormat = null;
  function utcTime(ms) { return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'; }
  function localTime(ms) {
    try {
      if (timeFormat === null) {
        timeFormat = new Intl.DateTimeFormat(undefined,
          { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
      }
      return timeFormat.format(new Date(ms));
    } catch (error) {
      return utcTime(ms);
    }
  }
  // "2 hours ago"; empty where Intl cannot say it.
  function ago(ms) {
    try {
      var seconds = (ms - Date.now()) / 1000;
      var units = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60]];
      var format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
      for (var k = 0; k < units.length; k++) {
        if (Math.abs(seconds) >= units[k][1]) return format.format(Math.round(seconds / units[k][1]), units[k][0]);
      }
      return format.format(0, 'minute');
    } catch (error) {
      return '';
    }
  }
  function localizeTimes() {
    Array.prototype.forEach.call(document.querySelectorAll('time[datetime]'), function (element) {
      var ms = Date.parse(element.getAttribute('datetime'));
      if (!isFinite(ms)) return;
      var relative = element.hasAttribute('data-relative') ? ago(ms) : '';
      element.title = element.getAttribute('datetime');
      element.textContent = localTime(ms) + (relative ? ' (' + relative + ')' : '');
    });
  }

  // The limits in force at each experiment, one column per bound: null where there was none.
  function limitColumns(m) {
    var spans = data.metrics[m].limits;
    var columns = { min: new Array(n).fill(null), max: new Array(n).fill(null) };
    for (var k = 0; k < spans.length; k++) {
      var end = k + 1 < spans.length ? spans[k + 1].from : n;
      for (var i = spans[k].from; i < end; i++) {
        columns.min[i] = spans[k].min;
        columns.max[i] = spans[k].max;
      }
    }
    return columns;
  }
  // "max 100 (#0–#4), 150 (#5–#9)": one value for the whole run reads "max 150".
  function limitText(m, key) {
    var spans = data.metrics[m].limits;
    var parts = [];
    for (var k = 0; k < spans.length; k++) {
      var last = k + 1 < spans.length ? spans[k + 1].from - 1 : n - 1;
      parts.push({ value: spans[k][key], range: '#' + data.experiment[spans[k].from] + '\\u2013#' + data.experiment[last] });
    }
    if (parts.length === 1) return key + ' ' + fmt(parts[0].value);
    return key + ' ' + parts.map(function (part) {
      return (part.value === null ? 'none' : fmt(part.value)) + ' (' + part.range + ')';
    }).join(', ');
  }
  function hasLimit(m, key) {
    return data.metrics[m].limits.some(function (span) { return span[key] !== null; });
  }

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
      // As few attributes as will do: 10,000 rows of them are parsed before the page is ready.
      var html = '<div class="grid-row s-' + s + '" tabindex="0">' +
        '<span class="num exp">' + data.experiment[i] + '</span><span class="status dot-' + s + '">' + s +
        '</span><span class="mono">' + esc(data.commit[i]) + '</span>';
      for (var m = 0; m < data.metrics.length; m++) {
        html += '<span class="num">' + fmt(data.values[m][i]) + '</span>';
      }
      html += '<span class="reason">' + esc(data.reason[i]) + '</span><span class="desc">' + esc(data.description[i]) + '</span></div>';
      parts.push(html);
    }
    if (n > 0) parts.push('</div>');
    body.innerHTML = parts.join('');
    body.addEventListener('click', function (event) {
      var row = event.target.closest('.grid-row');
      if (row) toggleDetail(row);
    });
    body.addEventListener('keydown', function (event) {
      if ((event.key === 'Enter' || event.key === ' ') && event.target.classList.contains('grid-row')) {
        event.preventDefault();
        toggleDetail(event.target);
      }
    });
  }

  // A row's detail, opened by a click (or Enter) on the row: everything the log says of the experiment.
  function detailHtml(i) {
    var facts = [];
    if (data.time[i] !== null) facts.push('<time datetime="' + new Date(data.time[i]).toISOString() + '">' + esc(localTime(data.time[i])) + '</time>');
    if (data.seconds[i] !== null) facts.push('eval ' + fmt(data.seconds[i]) + ' s');
    if (data.proposer[i] >= 0) facts.push('proposer ' + esc(data.proposers[data.proposer[i]]));
    facts.push('commit <code>' + esc(data.commit[i]) + '</code>');
    var metrics = [];
    for (var m = 0; m < data.metrics.length; m++) {
      var text = esc(data.metrics[m].name) + ' ' + fmt(data.values[m][i]);
      var bounds = [];
      var columns = limitColumns(m);
      if (columns.min[i] !== null) bounds.push('min ' + fmt(columns.min[i]));
      if (columns.max[i] !== null) bounds.push('max ' + fmt(columns.max[i]));
      if (bounds.length > 0) text += ' <span class="muted">(limit then: ' + bounds.join(', ') + ')</span>';
      metrics.push(text);
    }
    return '<p><span class="label">experiment</span>#' + data.experiment[i] + ' ' + esc(statusOf(i)) + ' \\u00b7 ' + facts.join(' \\u00b7 ') + '</p>' +
      '<p><span class="label">reason</span>' + (data.reason[i] ? esc(data.reason[i]) : '\\u2014') + '</p>' +
      '<p><span class="label">description</span>' + (data.description[i] ? esc(data.description[i]) : '\\u2014') + '</p>' +
      '<p><span class="label">metrics</span>' + metrics.join(' \\u00b7 ') + '</p>';
  }
  var indexByExperiment = null;
  function indexOf(experiment) {
    if (indexByExperiment === null) {
      indexByExperiment = new Map();
      for (var i = 0; i < n; i++) indexByExperiment.set(data.experiment[i], i);
    }
    return indexByExperiment.get(experiment);
  }
  function toggleDetail(row) {
    var next = row.nextElementSibling;
    if (next && next.classList.contains('detail')) {
      next.remove();
      row.setAttribute('aria-expanded', 'false');
      return;
    }
    var detail = document.createElement('div');
    detail.className = 'detail ' + row.className.split(' ').filter(function (name) { return name.indexOf('s-') === 0; }).join(' ');
    detail.innerHTML = detailHtml(indexOf(Number(row.firstChild.textContent)));
    row.after(detail);
    row.setAttribute('aria-expanded', 'true');
  }

  function constant(value) {
    var column = new Array(n);
    for (var i = 0; i < n; i++) column[i] = value;
    return column;
  }
  function pixelRatio() { return window.devicePixelRatio || 1; }

  // Experiments without a value for this metric (crash, timeout, invalid) are ticks along the bottom.
  function drawMissing(u, m) {
    var values = data.values[m];
    var ctx = u.ctx;
    var ratio = pixelRatio();
    var bottom = u.bbox.top + u.bbox.height;
    var xMin = u.scales.x.min, xMax = u.scales.x.max;
    ctx.save();
    for (var i = 0; i < n; i++) {
      if (values[i] !== null) continue;
      var s = statusOf(i);
      var x = data.experiment[i];
      if (hidden[s] || x < xMin || x > xMax) continue;
      ctx.fillStyle = colorOf(s);
      ctx.fillRect(Math.round(u.valToPos(x, 'x', true) - ratio), bottom - 9 * ratio, 2 * ratio, 9 * ratio);
    }
    ctx.restore();
  }

  // Each constraint as it was when the experiments were decided: a solid line at the limit and the side
  // beyond it shaded, one stretch per period the limit held (from halfway before its first experiment to
  // halfway after its last). Drawn under the points and the baseline line, so a baseline on the limit shows.
  function drawLimits(u, m) {
    var spans = data.metrics[m].limits;
    if (spans.length === 0) return;
    var ctx = u.ctx;
    var ratio = pixelRatio();
    var box = u.bbox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.left, box.top, box.width, box.height);
    ctx.clip();
    for (var k = 0; k < spans.length; k++) {
      var first = data.experiment[spans[k].from];
      var last = data.experiment[k + 1 < spans.length ? spans[k + 1].from - 1 : n - 1];
      var left = u.valToPos(first - 0.5, 'x', true);
      var right = u.valToPos(last + 0.5, 'x', true);
      ['min', 'max'].forEach(function (key) {
        var value = spans[k][key];
        if (value === null) return;
        var y = Math.round(u.valToPos(value, 'y', true));
        var edge = key === 'max' ? box.top : box.top + box.height;
        ctx.fillStyle = LIMIT_SHADE;
        ctx.fillRect(left, Math.min(y, edge), right - left, Math.abs(edge - y));
        ctx.fillStyle = lines.limit;
        ctx.fillRect(left, y - ratio, right - left, 2 * ratio);
      });
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
  // The y axis is as wide as its widest number, so no value is cut at the left edge.
  function yAxisSize(u, values, axisIndex, cycle) {
    var axis = u.axes[axisIndex];
    if (cycle > 1) return axis._size;
    var widest = 0;
    u.ctx.font = axis.font[0];
    (values || []).forEach(function (value) { widest = Math.max(widest, u.ctx.measureText(value).width); });
    return Math.max(40, Math.ceil(widest / pixelRatio()) + 10 + 5 + 6);
  }
  // The y axis is labelled with the metric's name when it fits the chart's height; the heading above
  // always names it, so a name too long for a small chart is left out rather than cut.
  function yAxisLabel(name) {
    return function (u) {
      u.ctx.font = u.axes[1].labelFont[0];
      var fits = u.ctx.measureText(name).width <= u.bbox.height - 8 * pixelRatio();
      u.yLabel = fits ? name : '';
      return u.yLabel;
    };
  }

  // What the legend above a chart says of one thing drawn on it.
  function lineEntry(label, color, dashed) {
    return '<span data-legend="' + esc(label) + '"><span class="line-swatch' + (dashed ? ' dashed' : '') +
      '" style="border-color:' + color + '"></span>' + esc(label) + '</span>';
  }

  // Experiment numbers are whole: no tick at 2.5.
  var WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000];
  function makeChart(m, container, legend, height) {
    var metric = data.metrics[m];
    var values = data.values[m];
    var noLine = function () { return null; };
    var series = [{ label: 'experiment' }];
    var columns = [data.experiment];
    var statusSeries = {};
    var entries = [];
    DRAW_ORDER.concat(['baseline']).forEach(function (s) {
      var column = new Array(n);
      var any = false;
      for (var i = 0; i < n; i++) {
        var v = statusOf(i) === s ? values[i] : null;
        column[i] = v;
        if (v !== null) any = true;
      }
      if (!any) return;
      statusSeries[s] = series.length;
      var color = colorOf(s);
      series.push({
        label: s, show: !hidden[s], stroke: color, paths: noLine,
        points: { show: true, size: pointSize + (s === 'discard' ? 0 : s === 'baseline' ? 4 : 2), width: 0, stroke: color, fill: color },
      });
      columns.push(column);
    });
    if (m === 0) {
      series.push({ label: 'best so far', stroke: lines.best, width: 2, spanGaps: true,
        paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } });
      columns.push(data.best);
      entries.push(lineEntry('best so far (kept)', lines.best, false));
    }
    if (data.baseline[m] !== null) {
      series.push({ label: 'baseline', stroke: lines.baseline, width: 1.5, dash: [6, 4], points: { show: false } });
      columns.push(constant(data.baseline[m]));
      entries.push(lineEntry('baseline ' + fmt(data.baseline[m]), lines.baseline, true));
    }
    var limits = limitColumns(m);
    ['min', 'max'].forEach(function (key) {
      if (!hasLimit(m, key)) return;
      // Not drawn by uPlot (drawLimits does it); here so the y range includes the limit.
      series.push({ label: key, stroke: lines.limit, paths: noLine, points: { show: false } });
      columns.push(limits[key]);
      var label = limitText(m, key);
      entries.push('<span data-legend="' + esc(label) + '"><span class="band-swatch ' + key + '" style="border-color:' +
        lines.limit + ';background:' + LIMIT_SHADE + '"></span>' + esc(label) + ' (shaded: not allowed)</span>');
    });
    var missing = false;
    for (var i = 0; i < n; i++) if (values[i] === null) missing = true;
    if (missing) {
      entries.push('<span data-legend="no value"><span class="tick-swatch" style="background:' + colors.crash +
        '"></span>ticks along the bottom: no value (crash, timeout, invalid)</span>');
    }
    if (legend) legend.innerHTML = entries.join('');

    var u = new uPlot({
      width: Math.max(280, container.clientWidth),
      height: height,
      legend: { show: false },
      // One sync key: the cursor, a drag to zoom and a double-click to reset act on every chart at once.
      cursor: { sync: { key: 'autoexp' }, points: { show: false }, drag: { x: true, y: false } },
      scales: { x: { time: false, range: padWholeRange } },
      axes: [
        { label: 'experiment', stroke: '#59636e', grid: { stroke: '#eef1f4' }, ticks: { stroke: '#d1d9e0' },
          incrs: WHOLE_STEPS },
        { label: yAxisLabel(metric.name), stroke: '#59636e', size: yAxisSize, grid: { stroke: '#eef1f4' },
          ticks: { stroke: '#d1d9e0' } },
      ],
      series: series,
      hooks: {
        drawAxes: [function (chart) { drawLimits(chart, m); }],
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
    u.limitColumns = limits;
    u.metricIndex = m;
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

  function chartHeight(m, container) {
    var width = container.clientWidth;
    return m === 0 ? Math.round(Math.min(340, Math.max(240, width * 0.45))) : 220;
  }

  localizeTimes();
  // Charts first: each reads its container's width, which lays the page out, cheaper before the big table.
  if (n > 0) {
    for (var m = 0; m < data.metrics.length; m++) {
      var element = document.getElementById('chart-' + m);
      if (element) makeChart(m, element, document.getElementById('legend-' + m), chartHeight(m, element));
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
      charts.forEach(function (u) {
        u.setSize({ width: Math.max(280, u.container.clientWidth), height: chartHeight(u.metricIndex, u.container) });
      });
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
