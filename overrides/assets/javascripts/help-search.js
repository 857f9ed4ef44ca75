// Offers the help service's search below the site search results: it forgives typos and
// finds pages whatever script the query is written in. The link and its texts come from the
// JSON element #__help_search (overrides/main.html); no inline script, so a strict CSP keeps
// working.
(function () {
  "use strict";
  var data = document.getElementById("__help_search");
  var input = document.querySelector(".md-search__input");
  var panel = document.querySelector(".md-search-result");
  var meta = panel && panel.querySelector(".md-search-result__meta");
  if (!data || !input || !panel || !meta) return;
  var help = JSON.parse(data.textContent);
  // "Nothing found" is Material's own verdict, read from its result line: an empty list alone
  // also means "the index is still loading" or "the query has not been answered yet".
  var material = document.getElementById("__config");
  var none = material ? JSON.parse(material.textContent).translations["search.result.none"] : "";

  var box = document.createElement("div");
  box.className = "help-search";
  box.hidden = true;
  var hint = document.createElement("p");
  hint.className = "help-search__none";
  hint.textContent = help.text.none;
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
    var url = new URL(help.url, document.baseURI);
    url.searchParams.set("q", query);
    url.searchParams.set("lang", help.lang);
    link.href = url.pathname + url.search;
    link.textContent = help.text.link.replace("{q}", query);
    var list = panel.querySelector(".md-search-result__list");
    var nothing = !!none && meta.textContent.trim() === none && !(list && list.children.length);
    hint.hidden = !nothing;
    box.classList.toggle("help-search--none", nothing);
    box.hidden = false;
    if (panel.lastElementChild !== box) panel.appendChild(box); // below Material's list
  }

  input.addEventListener("input", update);
  // Material answers in its worker and then rewrites the result line and list.
  new MutationObserver(function (changes) {
    var answered = changes.some(function (change) {
      return !box.contains(change.target); // not this script's own changes
    });
    if (answered) update();
  }).observe(panel, { childList: true, subtree: true, characterData: true });
  update();
})();
