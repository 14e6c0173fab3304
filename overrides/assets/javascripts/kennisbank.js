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
    form.addEventListener("submit", function (ev) { ev.preventDefault(); showResults(count); });
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
    fromQuery();
    // On a phone the six facets fold away behind "Filters" unless one is in use. The inline script in
    // <head> decided that before the first paint ("kb-fold" hides them by CSS); closing the <details>
    // now changes nothing on screen, so nothing shifts.
    var html = document.documentElement;
    if (facetBox && html.classList.contains("kb-fold")) facetBox.open = false;
    html.classList.remove("kb-fold");
  }

  /* A filter form's submit button: the list is already filtered, so it takes the reader to the result
     count (announced, and on a phone scrolled into view below the form). */
  function showResults(count) {
    count.setAttribute("tabindex", "-1");
    count.focus();
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
    form.addEventListener("submit", function (ev) { ev.preventDefault(); showResults(count); });
    window.addEventListener("popstate", fromQuery);
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

  /* The header search has a submit button (a form needs one, WCAG H32); Material already searches as you
     type, so submitting opens the first result, as Enter does in Material. */
  function initSearchForm(form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = document.querySelector(".md-search-result__link");
      if (first) first.click();
    });
  }

  function init() {
    var now = Date.now();
    document.querySelectorAll("form.md-search__form").forEach(initSearchForm);
    initSubscribe();
    document.querySelectorAll("[data-kb-library]").forEach(initLibrary);
    document.querySelectorAll("[data-kb-agenda]").forEach(function (el) { initAgenda(el, now); });
    document.querySelectorAll("[data-kb-upcoming-home]").forEach(function (el) { initUpcoming(el, now); });
    document.querySelectorAll(".kb-event-page[data-einde]").forEach(function (el) { initEventPage(el, now); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
