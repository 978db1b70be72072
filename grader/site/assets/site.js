// The site's script: theme toggle, search, keyboard and copy helpers, the full-size diagram
// viewer, and opening folded parts for printing. No network: the search index and MiniSearch are
// local scripts, loaded the first time the search box is used, so everything works from file://.
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
    try { localStorage.setItem("ztm-theme", next); } catch (e) { /* storage may be off */ }
    labelToggle();
  });
  labelToggle();

  // Search: MiniSearch over every section's text (search-index.js, built by npm run docs).
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var engine = null;
  var loading = null;
  function loadScript(src) {
    return new Promise(function (done, fail) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = done;
      s.onerror = function () { fail(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }
  function loadSearch() {
    loading = loading || loadScript("minisearch.js").then(function () { return loadScript("search-index.js"); }).then(function () {
      var data = window.ZTM_SEARCH;
      engine = window.MiniSearch.loadJS(data.index, data.options);
    });
    return loading;
  }
  function search(query) {
    // Every word must match (a word may be the start of a longer one, or one typo off); titles
    // count triple; at most three results per page, so one long chapter cannot fill the list.
    var hits = engine.search(query, { combineWith: "AND", prefix: true, fuzzy: function (t) { return t.length > 4 ? 0.2 : 0; }, boost: { title: 3 } });
    var perPage = {};
    return hits.filter(function (h) {
      var file = h.id.split("#")[0];
      perPage[file] = (perPage[file] || 0) + 1;
      return perPage[file] <= 3;
    }).slice(0, 12);
  }
  // A few words around the match in the section's text (the whole query if it occurs, else the
  // first matched word), the match marked.
  function snippet(hit, query) {
    var text = hit.text || "";
    var lower = text.toLowerCase();
    var term = query.toLowerCase();
    var at = lower.indexOf(term);
    if (at < 0) {
      hit.terms.forEach(function (t) {
        var i = lower.indexOf(t);
        if (i >= 0 && (at < 0 || i < at)) { at = i; term = t; }
      });
    }
    if (at < 0) return null;
    var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 50)) + 1);
    var end = Math.min(text.length, at + term.length + 70);
    var quote = document.createElement("span");
    quote.className = "search-snippet";
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + term.length);
    quote.append((start > 0 ? "…" : "") + text.slice(start, at), mark, text.slice(at + term.length, end) + (end < text.length ? "…" : ""));
    return quote;
  }
  function show() {
    var query = input.value.trim();
    list.textContent = "";
    if (!query || !engine) { list.hidden = true; return; }
    var hits = search(query);
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.className = "search-empty";
      none.textContent = "Nothing in the course matches.";
      list.appendChild(none);
    }
    hits.forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.id;
      a.textContent = h.title;
      var where = document.createElement("span");
      where.className = "search-where";
      where.textContent = h.where;
      a.appendChild(where);
      var quote = snippet(h, query);
      if (quote) a.appendChild(quote);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
  }
  input.addEventListener("focus", loadSearch);
  input.addEventListener("input", function () { loadSearch().then(show); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var first = list.querySelector("a");
      if (first) window.location.href = first.getAttribute("href");
    } else if (ev.key === "Escape") {
      input.value = "";
      show();
    }
  });
  document.addEventListener("click", function (ev) {
    if (!ev.target.closest || !ev.target.closest(".search")) list.hidden = true;
  });

  // Keys: "/" focuses the search; ← and → go to the previous and next chapter.
  document.addEventListener("keydown", function (ev) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (typing || ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey || document.querySelector("dialog[open]")) return;
    if (ev.key === "/") { ev.preventDefault(); input.focus(); return; }
    var rel = ev.key === "ArrowLeft" ? "prev" : ev.key === "ArrowRight" ? "next" : null;
    var link = rel && document.querySelector('a[rel="' + rel + '"]');
    if (link) window.location.href = link.getAttribute("href");
  });

  // A copy button on every code block.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (done, fail) {
      var area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      area.remove();
      if (ok) done(); else fail(new Error("copy refused"));
    });
  }
  document.querySelectorAll("main pre.shiki").forEach(function (pre) {
    var wrap = document.createElement("div");
    wrap.className = "code-block";
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy this code");
    button.addEventListener("click", function () {
      copyText(pre.innerText).then(function () { button.textContent = "Copied"; }, function () { button.textContent = "Select and copy"; });
      setTimeout(function () { button.textContent = "Copy"; }, 2000);
    });
    wrap.appendChild(button);
  });

  // Diagrams full size: a dialog with the picture at its natural size, scrolling both ways.
  var viewer = document.createElement("dialog");
  viewer.className = "diagram-viewer";
  viewer.setAttribute("aria-label", "Diagram, full size");
  viewer.innerHTML = '<button type="button" class="viewer-close" aria-label="Close">× Close</button><div class="viewer-body"></div>';
  document.body.appendChild(viewer);
  viewer.querySelector(".viewer-close").addEventListener("click", function () { viewer.close(); });
  viewer.addEventListener("close", function () { viewer.querySelector(".viewer-body").textContent = ""; });
  document.querySelectorAll("button.enlarge").forEach(function (button) {
    // The picture itself opens too: on a phone, tapping a diagram is what a reader tries first.
    button.parentNode.querySelector("svg").addEventListener("click", function () { button.click(); });
    var scroller = button.parentNode.querySelector(".diagram-scroll");
    if (scroller) {
      // When the picture scrolls sideways (a phone), say so, and start on the middle column,
      // where the request path runs.
      var note = document.createElement("p");
      note.className = "scroll-note";
      note.textContent = "← The diagram scrolls sideways →";
      scroller.after(note);
      scroller.scrollLeft = (scroller.scrollWidth - scroller.clientWidth) / 2;
    }
    button.addEventListener("click", function () {
      var svg = button.parentNode.querySelector("svg").cloneNode(true);
      // Ids must stay unique in the page: the copy gets its own.
      svg.querySelectorAll("[id]").forEach(function (el) { el.id += "-full"; });
      svg.querySelectorAll("[marker-start],[marker-end]").forEach(function (el) {
        ["marker-start", "marker-end"].forEach(function (a) {
          if (el.hasAttribute(a)) el.setAttribute(a, el.getAttribute(a).replace(/\)$/, "-full)"));
        });
      });
      svg.setAttribute("aria-labelledby", svg.getAttribute("aria-labelledby") + "-full");
      viewer.querySelector(".viewer-body").appendChild(svg);
      viewer.showModal();
    });
  });

  // "On this page" marks the section being read.
  var tocLinks = document.querySelectorAll(".page-toc a");
  if (tocLinks.length && "IntersectionObserver" in window) {
    var sections = Array.prototype.map.call(tocLinks, function (a) { return document.getElementById(a.getAttribute("href").slice(1)); });
    var spy = new IntersectionObserver(function () {
      // The current section is the last heading above the top third of the window.
      var current = 0;
      sections.forEach(function (h, i) { if (h && h.getBoundingClientRect().top < window.innerHeight / 3) current = i; });
      tocLinks.forEach(function (a, i) { if (i === current) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current"); });
    }, { rootMargin: "0px 0px -66% 0px" });
    sections.forEach(function (h) { if (h) spy.observe(h); });
  }

  // Printing: folded hints and contents print open; they fold again afterwards.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) { return !d.closest(".ascii"); });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
