// Counts down to each [data-countdown] time (ISO 8601). The server renders the first value and the absolute
// time, so the page reads the same without script. No inline script: the Content-Security-Policy forbids it.
(function () {
  'use strict';
  var items = document.querySelectorAll('[data-countdown]');
  if (items.length === 0) {
    return;
  }

  function render() {
    var now = Date.now();
    items.forEach(function (item) {
      var left = Math.floor((Date.parse(item.getAttribute('data-countdown')) - now) / 1000);
      item.textContent = left <= 0
        ? 'expired — renewed at the next photos request'
        : 'in ' + Math.floor(left / 60) + ' min ' + (left % 60) + ' s';
    });
  }

  render();
  window.setInterval(render, 1000);
})();
