// Offers the help service's search below the site search results: it forgives typos and
// finds pages written in another script. The link and its texts come from the JSON element
// #__help_search (overrides/main.html); no inline script, so a strict CSP keeps working.
(function () {
  "use strict";
  var data = document.getElementById("__help_search");
  var input = document.querySelector(".md-search__input");
  var panel = document.querySelector(".md-search-result");
  if (!data || !input || !panel) return;
  var config = JSON.parse(data.textContent);
  var box = document.createElement("div");
  box.className = "help-search";
  box.hidden = true;
  var hint = document.createElement("p");
  hint.className = "help-search__none";
  var link = document.createElement("a");
  link.className = "help-search__link";
  box.appendChild(hint);
  box.appendChild(link);
  panel.appendChild(box);

  function update() {
    var query = input.value.trim();
    if (!query) {
      box.hidden = true;
      return;
    }
    var url = new URL(config.url, document.baseURI);
    url.searchParams.set("q", query);
    url.searchParams.set("lang", config.lang);
    link.href = url.pathname + url.search;
    link.textContent = config.text.link.replace("{q}", query);
    var list = panel.querySelector(".md-search-result__list");
    var none = !list || list.children.length === 0;
    hint.textContent = none ? config.text.none : "";
    hint.hidden = !none;
    box.classList.toggle("help-search--none", none);
    box.hidden = false;
    if (panel.lastElementChild !== box) panel.appendChild(box); // below Material's list
  }

  input.addEventListener("input", update);
  new MutationObserver(function (changes) {
    if (changes.some(function (c) { return c.target !== box && !box.contains(c.target); })) {
      update();
    }
  }).observe(panel, { childList: true, subtree: true });
})();
