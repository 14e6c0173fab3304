/* Kennisbank Arbeidsmigratie: progressive enhancement only. Without this script every page lists
   everything; with it, the library and agenda filter in place, keep their state in the query string,
   and the agenda corrects "komend" against the reader's clock. No requests, no storage. */
(function () {
  "use strict";

  function words(value) { return value ? value.split(" ") : []; }

  /* ---- Good-practice library --------------------------------------------------------------- */
  function initLibrary(root) {
    var form = root.querySelector("[data-kb-filters]");
    var list = root.querySelector("[data-kb-list]");
    var count = root.querySelector("[data-kb-count]");
    var empty = root.querySelector("[data-kb-empty]");
    if (!form || !list) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var text = form.querySelector("input[name=q]");
    var keys = selects.map(function (s) { return s.name; });
    var cards = Array.prototype.map.call(list.children, function (li) {
      var facets = {};
      keys.forEach(function (k) { facets[k] = words(li.getAttribute("data-" + k)); });
      var text = (li.textContent + " " + (li.getAttribute("data-extra") || "")).replace(/\s+/g, " ").toLowerCase();
      return { el: li, facets: facets, text: text, shown: true };
    });
    var total = cards.length;

    function state() {
      var s = { q: text.value.trim().toLowerCase() };
      selects.forEach(function (sel) { s[sel.name] = sel.value; });
      return s;
    }
    // Show matches a page at a time: a keystroke then changes at most two pages of cards, so the
    // browser never re-lays out a thousand of them (measured by `make bench`).
    var PAGE = 50, limit = PAGE, matches = [];
    var more = root.querySelector("[data-kb-more]");
    var facetBox = root.querySelector("[data-kb-facets]");
    var activeLabel = root.querySelector("[data-kb-active]");
    function show() {
      var shown = 0;
      for (var i = 0; i < cards.length; i++) {
        var c = cards[i], visible = c.match && shown < limit;
        if (visible) shown++;
        if (visible !== c.shown) { c.el.hidden = !visible; c.shown = visible; }
      }
      var rest = matches.length - shown;
      more.hidden = rest <= 0;
      more.textContent = "Toon meer (nog " + rest + ")";
    }
    function apply(s) {
      var terms = words(s.q.replace(/\s+/g, " ").trim());
      matches = [];
      for (var i = 0; i < cards.length; i++) {
        var c = cards[i], ok = true;
        for (var k = 0; ok && k < keys.length; k++) {
          var want = s[keys[k]];
          if (want && c.facets[keys[k]].indexOf(want) < 0) ok = false;
        }
        for (var t = 0; ok && t < terms.length; t++) {
          if (c.text.indexOf(terms[t]) < 0) ok = false;
        }
        c.match = ok;
        if (ok) matches.push(c);
      }
      limit = PAGE;
      show();
      var active = keys.filter(function (k) { return s[k]; }).length;
      if (activeLabel) activeLabel.textContent = active ? "(" + active + " actief)" : "";
      var n = matches.length;
      count.textContent = n === total
        ? total + " goede voorbeelden"
        : n + " van " + total + " goede voorbeelden " + (n === 1 ? "voldoet" : "voldoen") + " aan de filters";
      empty.hidden = n !== 0;
    }
    more.addEventListener("click", function () {
      var first = matches[limit];
      limit += PAGE;
      show();
      if (first) { var a = first.el.querySelector("a"); if (a) a.focus(); }  // keyboard users continue there
    });
    function toQuery(s) {
      var p = new URLSearchParams();
      keys.forEach(function (k) { if (s[k]) p.set(k, s[k]); });
      if (s.q) p.set("q", text.value.trim());
      var q = p.toString();
      return location.pathname + (q ? "?" + q : "") + location.hash;
    }
    function fromQuery() {
      var p = new URLSearchParams(location.search);
      selects.forEach(function (sel) {
        var v = p.get(sel.name) || "";
        var known = Array.prototype.some.call(sel.options, function (o) { return o.value === v; });
        sel.value = known ? v : "";
      });
      text.value = p.get("q") || "";
      apply(state());
    }
    var typing = null;
    form.addEventListener("input", function (ev) {
      var s = state();
      apply(s);
      if (ev.target === text) {
        // Typing replaces the history entry; choosing a facet adds one (so Back undoes it).
        history.replaceState(null, "", toQuery(s));
      }
    });
    form.addEventListener("change", function (ev) {
      if (ev.target.tagName === "SELECT") history.pushState(null, "", toQuery(state()));
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    root.querySelectorAll("[data-kb-clear]").forEach(function (el) {
      el.addEventListener("click", function (ev) {
        ev.preventDefault();
        selects.forEach(function (sel) { sel.value = ""; });
        text.value = "";
        apply(state());
        history.pushState(null, "", toQuery(state()));
        text.focus();
      });
    });
    window.addEventListener("popstate", fromQuery);
    form.hidden = false;
    fromQuery();
    // On a phone the six facets fold away behind "Filters" unless one is in use.
    if (facetBox && window.matchMedia("(max-width: 44.9375em)").matches &&
        !keys.some(function (k) { return new URLSearchParams(location.search).get(k); })) {
      facetBox.open = false;
    }
  }

  /* ---- Agenda ------------------------------------------------------------------------------ */
  function ended(el, now) {
    var end = Date.parse(el.getAttribute("data-einde"));
    return !isNaN(end) && end <= now;
  }

  function initAgenda(root, now) {
    var upcoming = root.querySelector("[data-kb-upcoming]");
    var past = root.querySelector("[data-kb-past]");
    // Move events that ended since the build from "komend" to "eerder" (newest first).
    Array.prototype.slice.call(upcoming.querySelectorAll(".kb-event")).reverse().forEach(function (li) {
      if (!ended(li, now)) return;
      var year = li.getAttribute("data-einde").slice(0, 4);
      var when = li.querySelector("time");
      if (when) year = when.getAttribute("datetime").slice(0, 4);
      var group = past.querySelector('[data-kb-group="' + year + '"] ul');
      if (!group) {
        var section = document.createElement("section");
        section.className = "kb-year";
        section.setAttribute("data-kb-group", year);
        section.setAttribute("aria-labelledby", "jaar-" + year);
        var h = document.createElement("h3");
        h.id = "jaar-" + year;
        h.textContent = year;
        group = document.createElement("ul");
        group.className = "kb-events";
        section.appendChild(h);
        section.appendChild(group);
        var before = Array.prototype.find.call(past.children, function (s) { return s.getAttribute("data-kb-group") < year; });
        past.insertBefore(section, before || null);
      }
      group.insertBefore(li, group.firstChild);
    });
    upcoming.querySelectorAll("[data-kb-group]").forEach(function (s) {
      if (!s.querySelector(".kb-event")) s.remove();
    });
    var form = root.querySelector("[data-kb-filters]");
    var count = root.querySelector("[data-kb-count]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    function apply() {
      var want = {};
      selects.forEach(function (s) { want[s.name] = s.value; });
      var nUp = 0, nPast = 0;
      root.querySelectorAll(".kb-event").forEach(function (li) {
        var ok = (!want.regio || li.getAttribute("data-regio") === want.regio) &&
                 (!want.soort || li.getAttribute("data-soort") === want.soort);
        li.hidden = !ok;
        if (ok) { if (upcoming.contains(li)) nUp++; else nPast++; }
      });
      root.querySelectorAll("[data-kb-group]").forEach(function (s) {
        s.hidden = !s.querySelector(".kb-event:not([hidden])");
      });
      root.querySelector("[data-kb-none-upcoming]").hidden = nUp !== 0;
      root.querySelector("[data-kb-none-past]").hidden = nPast !== 0;
      count.textContent = nUp + " komende en " + nPast + " eerdere bijeenkomsten";
    }
    function fromQuery() {
      var p = new URLSearchParams(location.search);
      selects.forEach(function (sel) {
        var v = p.get(sel.name) || "";
        sel.value = Array.prototype.some.call(sel.options, function (o) { return o.value === v; }) ? v : "";
      });
      apply();
    }
    form.addEventListener("change", function () {
      var p = new URLSearchParams();
      selects.forEach(function (s) { if (s.value) p.set(s.name, s.value); });
      var q = p.toString();
      history.pushState(null, "", location.pathname + (q ? "?" + q : ""));
      apply();
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { history.pushState(null, "", location.pathname); apply(); }, 0);
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    window.addEventListener("popstate", fromQuery);
    form.hidden = false;
    fromQuery();
  }

  function initUpcoming(root, now) {
    var limit = parseInt(root.getAttribute("data-limit"), 10) || 3;
    var shown = 0;
    root.querySelectorAll(".kb-event").forEach(function (li) {
      if (ended(li, now)) { li.remove(); return; }
      li.hidden = shown >= limit;
      shown++;
    });
    root.querySelector("[data-kb-none-upcoming]").hidden = shown !== 0;
  }

  function initEventPage(root, now) {
    var note = root.querySelector("[data-kb-past-note]");
    if (note) note.hidden = !ended(root, now);
  }

  /* The feed's full address, and a webcal: link that makes calendar apps subscribe in one click. */
  function initSubscribe() {
    var feed = new URL("agenda.ics", location.href.split("?")[0].split("#")[0]).href;
    document.querySelectorAll("[data-kb-feed-url]").forEach(function (el) { el.textContent = feed; });
    document.querySelectorAll("[data-kb-webcal]").forEach(function (a) {
      a.href = feed.replace(/^https?:/, "webcal:");
    });
  }

  function init() {
    var now = Date.now();
    initSubscribe();
    document.querySelectorAll("[data-kb-library]").forEach(initLibrary);
    document.querySelectorAll("[data-kb-agenda]").forEach(function (el) { initAgenda(el, now); });
    document.querySelectorAll("[data-kb-upcoming-home]").forEach(function (el) { initUpcoming(el, now); });
    document.querySelectorAll(".kb-event-page[data-einde]").forEach(function (el) { initEventPage(el, now); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* ---- Policy examples (issue 14): facets in the query string, and the comparison table ---------
   Separate from the library's code above. Without this script the index lists every example and the
   comparison shows them all; the compare forms still submit to /beleidsvoorbeelden/vergelijk/. */
(function () {
  "use strict";

  function words(value) { return value ? value.split(" ") : []; }

  /* ?ids=a,b (our links) and ?ids=a&ids=b (a form without this script) both work. */
  function chosenIds(search) {
    var out = [];
    new URLSearchParams(search).getAll("ids").forEach(function (v) {
      v.split(",").forEach(function (id) { id = id.trim(); if (id && out.indexOf(id) < 0) out.push(id); });
    });
    return out;
  }

  /* A compare form submits as ?ids=a,b: one short address to share. */
  function initCompareForm(form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var ids = Array.prototype.filter.call(form.querySelectorAll("input[name=ids]"), function (c) { return c.checked; })
        .map(function (c) { return c.value; });
      var action = form.getAttribute("action") || "./";
      location.href = action + (ids.length ? "?ids=" + ids.map(encodeURIComponent).join(",") : "");
    });
  }

  function initPolicyIndex(root) {
    var form = root.querySelector("[data-kb-filters]");
    var list = root.querySelector("[data-kb-list]");
    var count = root.querySelector("[data-kb-count]");
    var empty = root.querySelector("[data-kb-empty]");
    if (!form || !list) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var items = Array.prototype.slice.call(list.children);
    var total = items.length;
    function apply() {
      var n = 0;
      items.forEach(function (li) {
        var ok = selects.every(function (s) { return !s.value || words(li.getAttribute("data-" + s.name)).indexOf(s.value) >= 0; });
        li.hidden = !ok;
        if (ok) n++;
      });
      count.textContent = n === total ? total + " beleidsvoorbeelden"
        : n + " van " + total + " beleidsvoorbeelden " + (n === 1 ? "voldoet" : "voldoen") + " aan de filters";
      empty.hidden = n !== 0;
    }
    function fromQuery() {
      var p = new URLSearchParams(location.search);
      selects.forEach(function (sel) {
        var v = p.get(sel.name) || "";
        sel.value = Array.prototype.some.call(sel.options, function (o) { return o.value === v; }) ? v : "";
      });
      apply();
    }
    function toQuery() {
      var p = new URLSearchParams();
      selects.forEach(function (s) { if (s.value) p.set(s.name, s.value); });
      var q = p.toString();
      return location.pathname + (q ? "?" + q : "");
    }
    form.addEventListener("change", function () { apply(); history.pushState(null, "", toQuery()); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { apply(); history.pushState(null, "", location.pathname); }, 0);
    });
    window.addEventListener("popstate", fromQuery);
    form.hidden = false;
    fromQuery();
  }

  function initCompare(root) {
    var ids = chosenIds(location.search);
    var known = Array.prototype.map.call(root.querySelectorAll("thead [data-kb-col]"), function (th) { return th.getAttribute("data-kb-col"); });
    ids = ids.filter(function (id) { return known.indexOf(id) >= 0; });
    root.querySelectorAll("input[name=ids]").forEach(function (c) { c.checked = ids.indexOf(c.value) >= 0; });
    if (!ids.length) return;  // nothing chosen: every example stays side by side
    root.querySelectorAll("[data-kb-col]").forEach(function (cell) {
      cell.hidden = ids.indexOf(cell.getAttribute("data-kb-col")) < 0;
    });
    root.querySelectorAll("tr[data-kb-ids]").forEach(function (tr) {
      tr.hidden = !words(tr.getAttribute("data-kb-ids")).some(function (id) { return ids.indexOf(id) >= 0; });
    });
    root.querySelectorAll("tbody[data-kb-group]").forEach(function (tb) {
      tb.hidden = !tb.querySelector("tr[data-kb-ids]:not([hidden])");
      var head = tb.querySelector(".kb-compare__group th");
      if (head) head.colSpan = ids.length + 1;
    });
    var count = root.querySelector("[data-kb-count]");
    if (count) count.textContent = ids.length === 1 ? "1 beleidsvoorbeeld gekozen; kies er nog een om te vergelijken"
      : ids.length + " beleidsvoorbeelden naast elkaar";
  }

  function init() {
    document.querySelectorAll("[data-kb-policies]").forEach(initPolicyIndex);
    document.querySelectorAll("[data-kb-compare]").forEach(initCompare);
    document.querySelectorAll("form[data-kb-compare-form]").forEach(initCompareForm);
    /* Model agreements: a print button (the print stylesheet leaves the site chrome out). */
    document.querySelectorAll("[data-kb-print]").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () { window.print(); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
