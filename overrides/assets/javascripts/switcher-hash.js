/* The language switcher keeps the section the reader is on: anchors are the same in every
   language, so /guides/auto-recharge/#turn-on switches to /de/guides/auto-recharge/#turn-on.
   A file, not an inline script, so that a Content-Security-Policy without 'unsafe-inline'
   still allows it. */
(function () {
  "use strict";
  var SWITCHER = "a.md-select__link[hreflang]";

  function carryHash(link) {
    link.hash = window.location.hash;
  }

  function carryHashToAll() {
    Array.prototype.forEach.call(document.querySelectorAll(SWITCHER), carryHash);
  }

  // On click as well as on hashchange: Material's table of contents can move to a section
  // without a hashchange event reaching this script first.
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element ? event.target.closest(SWITCHER) : null;
      if (link) {
        carryHash(link);
      }
    },
    true
  );
  window.addEventListener("hashchange", carryHashToAll);
  carryHashToAll();
})();
