// Submits the form marked [data-auto-submit] once the page has loaded (RP-initiated logout by POST). Without script the
// form's own "Continue" button does the same. No inline script: the Content-Security-Policy forbids it.
(function () {
  'use strict';
  var form = document.querySelector('form[data-auto-submit]');
  if (form) {
    form.submit();
  }
})();
