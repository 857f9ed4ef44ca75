/* A table wider than a phone scrolls sideways in Material's .md-typeset__scrollwrap, and so
   does a row of content tabs; a keyboard user must be able to reach and scroll it (WCAG 2.1.1, axe
   "scrollable-region-focusable"). Such a wrapper becomes a focusable region named after the
   section it is in; one that fits gets no extra tab stop. Material wraps tables from its own
   script, so this runs after it (document$ is Material's page observable). */
(function () {
  "use strict";

  var SCROLLERS = ".md-typeset__scrollwrap, .md-typeset .tabbed-labels";

  function sectionTitle(element) {
    for (var at = element; at && at.tagName !== "ARTICLE"; at = at.parentElement) {
      for (var node = at.previousElementSibling; node; node = node.previousElementSibling) {
        if (/^H[1-6]$/.test(node.tagName)) {
          var permalink = node.querySelector(".headerlink");
          var text = node.textContent;
          return (permalink ? text.replace(permalink.textContent, "") : text).trim();
        }
      }
    }
    return document.title;
  }

  function markScrollingTables() {
    var wrappers = document.querySelectorAll(SCROLLERS);
    var used = {};
    Array.prototype.forEach.call(wrappers, function (wrapper) {
      if (wrapper.scrollWidth > wrapper.clientWidth) {
        // Two scrolling tables in one section still need names of their own.
        var title = sectionTitle(wrapper);
        used[title] = (used[title] || 0) + 1;
        wrapper.tabIndex = 0;
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-label", used[title] > 1 ? title + " (" + used[title] + ")" : title);
      } else {
        wrapper.removeAttribute("tabindex");
        wrapper.removeAttribute("role");
        wrapper.removeAttribute("aria-label");
      }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markScrollingTables);
  } else {
    document.addEventListener("DOMContentLoaded", markScrollingTables);
  }
  window.addEventListener("resize", markScrollingTables);
})();
