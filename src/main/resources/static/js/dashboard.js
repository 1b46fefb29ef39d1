// Draws each dashboard chart from the data table beside it, so the chart and the accessible table never disagree.
(function () {
  'use strict';

  var COLOURS = ['#0017c1', '#197a4b', '#8a5300', '#ce0000'];

  function readTable(table) {
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr[data-row]'), function (tr) {
      var cells = Array.prototype.filter.call(tr.children, function (cell) {
        return !cell.hasAttribute('data-total') && !cell.hasAttribute('data-skip');
      });
      return { label: cells[0].textContent.trim(), values: cells.slice(1).map(function (c) { return Number(c.textContent) || 0; }) };
    });
    return { series: headers.slice(1), rows: rows };
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof window.Chart !== 'function') {
      return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var data = readTable(document.getElementById(canvas.getAttribute('data-table')));
      if (!data.rows.length) {
        return;
      }
      var stacked = canvas.getAttribute('data-chart') === 'stacked';
      new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: data.rows.map(function (r) { return r.label; }),
          datasets: data.rows[0].values.map(function (_, i) {
            return {
              label: data.series[i],
              data: data.rows.map(function (r) { return r.values[i]; }),
              backgroundColor: COLOURS[i % COLOURS.length]
            };
          })
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } }
        }
      });
      canvas.setAttribute('data-drawn', 'true');
    });
  });
})();
