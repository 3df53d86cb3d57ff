// The console's one script: while a run is active, its live section is fetched again every two
// seconds and swapped in; when it ends, once more, then no more. Without the script the page
// still shows the run, as of when it was loaded.
(function () {
  'use strict';
  var PERIOD = 2000;

  function poll() {
    var live = document.getElementById('live');
    if (!live || live.getAttribute('data-active') !== 'true') {
      return;
    }
    fetch(live.getAttribute('data-live'), { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' })
      .then(function (answer) {
        if (answer.type === 'opaqueredirect' || !answer.ok) {
          // signed out, or the run is gone: the whole page says which
          window.location.reload();
          return null;
        }
        return answer.text();
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
        if (next) {
          live.replaceWith(next);
        }
        window.setTimeout(poll, PERIOD);
      })
      .catch(function () {
        window.setTimeout(poll, PERIOD * 2);
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    window.setTimeout(poll, PERIOD);
  });
}());
