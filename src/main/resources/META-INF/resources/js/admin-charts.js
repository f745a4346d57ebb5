// Shares and clicks per day as a chart (Chart.js, served from its webjar): progressive enhancement of the table of
// figures per day, which stays the source of the numbers and, without JavaScript, their only view. The table's
// figures are read from its rows' data attributes, its series' names from its column headers.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var lang = document.documentElement.lang || 'en';
  var dayLabel = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  var COLOURS = { shares: '#3b5bdb', clicks: '#e8590c' };

  document.querySelectorAll('table[data-chart]').forEach(function (table) {
    var box = document.getElementById(table.dataset.chart);
    var canvas = box && box.querySelector('canvas');
    if (!canvas) {
      return;
    }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var labels = rows.map(function (row) {
      return dayLabel.format(new Date(row.dataset.day + 'T00:00:00Z'));
    });
    var datasets = Array.prototype.map.call(table.querySelectorAll('th[data-series]'), function (head) {
      var series = head.dataset.series;
      return {
        type: series === 'shares' ? 'bar' : 'line',
        label: head.textContent.trim(),
        data: rows.map(function (row) { return Number(row.dataset[series]); }),
        backgroundColor: COLOURS[series],
        borderColor: COLOURS[series],
        borderWidth: 2,
        pointRadius: rows.length > 60 ? 0 : 2,
        tension: 0.2,
        order: series === 'shares' ? 2 : 1
      };
    });
    box.hidden = false;
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: lang,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { sort: function (a, b) { return a.datasetIndex - b.datasetIndex; } } } },
        scales: {
          x: { ticks: { autoSkip: true, maxRotation: 0 } },
          y: { beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
    // The chart shows the figures: the table folds away, one click from being read.
    var details = table.closest('details');
    if (details) {
      details.open = false;
    }
  });
})();
