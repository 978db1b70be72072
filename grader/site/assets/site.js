// The site's only script: the theme toggle and the in-page search. No network, no libraries:
// the search index is a JSON block in the page itself, so it works from file:// too.
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme: follow the system until the reader picks one; remember the pick (when storage works).
  var toggle = document.getElementById("theme-toggle");
  function effectiveTheme() {
    if (root.dataset.theme) return root.dataset.theme;
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function labelToggle() {
    var next = effectiveTheme() === "dark" ? "light" : "dark";
    toggle.setAttribute("aria-label", "Switch to the " + next + " theme");
    toggle.title = "Switch to the " + next + " theme";
  }
  toggle.addEventListener("click", function () {
    var next = effectiveTheme() === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    try { localStorage.setItem("ztm-theme", next); } catch (e) { /* file:// in some browsers */ }
    labelToggle();
  });
  labelToggle();

  // Search: every word of the query must occur in the entry; a whole-phrase match ranks first.
  var entries = JSON.parse(document.getElementById("search-index").textContent);
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var words = q.split(/\s+/);
    var hits = [];
    entries.forEach(function (e, i) {
      var hay = (e.text + " " + e.where).toLowerCase();
      if (!words.every(function (w) { return hay.indexOf(w) >= 0; })) return;
      var score = (e.text.toLowerCase().indexOf(q) >= 0 ? 0 : 10) + e.rank;
      hits.push({ e: e, score: score, i: i });
    });
    hits.sort(function (a, b) { return a.score - b.score || a.i - b.i; });
    return hits.slice(0, 12).map(function (h) { return h.e; });
  }
  function show() {
    var hits = search(input.value);
    list.textContent = "";
    if (!input.value.trim()) { list.hidden = true; return; }
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.className = "search-empty";
      none.textContent = "No chapter or section matches.";
      list.appendChild(none);
    }
    hits.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.href;
      a.textContent = e.text;
      var where = document.createElement("span");
      where.className = "search-where";
      where.textContent = e.where;
      a.appendChild(where);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
  }
  input.addEventListener("input", show);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var first = list.querySelector("a");
      if (first) window.location.href = first.getAttribute("href");
    } else if (ev.key === "Escape") {
      input.value = "";
      show();
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== input) { ev.preventDefault(); input.focus(); }
  });
  document.addEventListener("click", function (ev) {
    if (!ev.target.closest || !ev.target.closest(".search")) list.hidden = true;
  });
})();
