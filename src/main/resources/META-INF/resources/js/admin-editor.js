// Live character counters of the suggested messages: progressive enhancement, the server checks the limits anyway.
// Counted as the server counts (MessageLimits): code points; on X every link is 23 characters plus the tracked link.
(function () {
  'use strict';
  var LINK = /https?:\/\/\S+/gi;
  var X_LINK = 23;

  function length(network, text) {
    if (network !== 'x') {
      return Array.from(text).length;
    }
    var links = text.match(LINK) || [];
    var rest = text.replace(LINK, '');
    return Array.from(rest).length + links.length * X_LINK + 1 + X_LINK;
  }

  function update(field) {
    var counter = document.getElementById(field.dataset.counter);
    var limit = parseInt(field.dataset.limit, 10);
    var count = field.value.length === 0 ? 0 : length(field.dataset.network, field.value);
    counter.textContent = counter.dataset.template.replace(/\b0\b/, String(count));
    counter.classList.toggle('over', count > limit);
  }

  document.querySelectorAll('textarea[data-limit][data-counter]').forEach(function (field) {
    field.addEventListener('input', function () { update(field); });
    update(field);
  });
})();
