/* Kennisbank Arbeidsmigratie: progressive enhancement only. Without this script every page lists
   everything; with it, the library and agenda filter in place, keep their state in the query string,
   and the agenda corrects "komend" against the reader's clock. No requests, no storage.
   Hooks: scripts find elements only by data-kb-* attributes (and form field names). */
(function () {
  "use strict";

  /* ---- Before Material's bundle -------------------------------------------------------------
     This file is loaded before Material's bundle (overrides/main.html), because Material opens its
     search dialog for any "?q=" in the address. The library's text filter is "zoek"; an old shared
     "?q=" link to the library is rewritten here, before Material reads it. */
  var LIBRARY_TEXT = "zoek";
  (function renameLibraryQuery() {
    if (!document.querySelector("[data-kb-library]")) return;
    var params = new URLSearchParams(location.search);
    if (!params.has("q")) return;
    if (!params.get(LIBRARY_TEXT)) params.set(LIBRARY_TEXT, params.get("q"));
    params.delete("q");
    var rest = params.toString();
    history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
  })();

  function words(value) { return value ? value.split(" ") : []; }
  function toArray(list) { return Array.prototype.slice.call(list); }

  /* ---- Filter forms (library and agenda) ----------------------------------------------------- */
  /* The form's fields (selects and text inputs) are its state; their names are the query keys. */
  function fields(form) {
    return toArray(form.querySelectorAll("select[name], input[name]"));
  }

  /* Set every field from the address; a value a select does not offer counts as empty. */
  function syncFormWithQuery(form) {
    var p = new URLSearchParams(location.search);
    fields(form).forEach(function (el) {
      var v = p.get(el.name) || "";
      if (el.tagName === "SELECT") {
        var known = toArray(el.options).some(function (o) { return o.value === v; });
        el.value = known ? v : "";
      } else {
        el.value = v;
      }
    });
  }

  /* The address for the form's current state (empty fields left out). */
  function queryFromForm(form) {
    var p = new URLSearchParams();
    fields(form).forEach(function (el) {
      var v = el.value.trim();
      if (v) p.set(el.name, v);
    });
    var q = p.toString();
    return location.pathname + (q ? "?" + q : "") + location.hash;
  }

  /* Wire a filter form: apply on input, keep the address in step, one way to clear (data-kb-clear),
     Back/Forward restore. `isFilter(el)` tells which fields count as filters (sorting does not). */
  function wireFilterForm(root, form, apply, isFilter) {
    var clearWrap = root.querySelector("[data-kb-when-filtered]");
    function filtered() {
      return fields(form).some(function (el) { return isFilter(el) && el.value.trim(); });
    }
    function update() {
      apply();
      if (clearWrap) clearWrap.hidden = !filtered();
    }
    form.addEventListener("input", function (ev) {
      update();
      // Typing replaces the history entry; choosing a facet adds one (so Back undoes it).
      if (ev.target.tagName !== "SELECT") history.replaceState(null, "", queryFromForm(form));
    });
    form.addEventListener("change", function (ev) {
      if (ev.target.tagName === "SELECT") history.pushState(null, "", queryFromForm(form));
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    toArray(root.querySelectorAll("[data-kb-clear]")).forEach(function (el) {
      el.addEventListener("click", function (ev) {
        ev.preventDefault();
        fields(form).forEach(function (f) { if (isFilter(f)) f.value = ""; });
        update();
        history.pushState(null, "", queryFromForm(form));
        var first = form.querySelector("input[name], select[name]");
        if (first) first.focus();
      });
    });
    window.addEventListener("popstate", function () { syncFormWithQuery(form); update(); });
    form.hidden = false;
    syncFormWithQuery(form);
    update();
  }

  /* ---- Good-practice library --------------------------------------------------------------- */
  function initLibrary(root) {
    var form = root.querySelector("[data-kb-filters]");
    var list = root.querySelector("[data-kb-list]");
    var count = root.querySelector("[data-kb-count]");
    var empty = root.querySelector("[data-kb-empty]");
    if (!form || !list) return;
    var selects = toArray(form.querySelectorAll("select[data-kb-facet]"));
    var text = form.querySelector("[data-kb-text]");
    var sorter = form.querySelector("[data-kb-sort]");
    var keys = selects.map(function (s) { return s.name; });
    var cards = toArray(list.querySelectorAll("[data-kb-card]")).map(function (li, i) {
      var facets = {};
      keys.forEach(function (k) { facets[k] = words(li.getAttribute("data-kb-" + k)); });
      var haystack = (li.textContent + " " + (li.getAttribute("data-kb-extra") || "")).replace(/\s+/g, " ").toLowerCase();
      var year = parseInt(li.getAttribute("data-kb-jaar"), 10);
      return { el: li, facets: facets, text: haystack, shown: true, order: i, year: isNaN(year) ? -Infinity : year };
    });
    var total = cards.length;
    var byTitle = cards.slice();
    var byNewest = cards.slice().sort(function (a, b) { return (b.year - a.year) || (a.order - b.order); });
    var sortedBy = "";

    // Show matches a page at a time: a keystroke then changes at most two pages of cards, so the
    // browser never re-lays out a thousand of them (measured by `make bench`).
    var PAGE = 50, limit = PAGE, matches = [];
    var more = root.querySelector("[data-kb-more]");
    var facetBox = root.querySelector("[data-kb-facets]");
    var activeLabel = root.querySelector("[data-kb-active]");

    function state() {
      var s = { terms: words(text.value.replace(/\s+/g, " ").trim().toLowerCase()) };
      selects.forEach(function (sel) { s[sel.name] = sel.value; });
      return s;
    }
    function matchesText(c, terms) {
      for (var t = 0; t < terms.length; t++) if (c.text.indexOf(terms[t]) < 0) return false;
      return true;
    }
    function matchesFacets(c, s, except) {
      for (var k = 0; k < keys.length; k++) {
        var key = keys[k], want = s[key];
        if (key !== except && want && c.facets[key].indexOf(want) < 0) return false;
      }
      return true;
    }
    function sortCards() {
      var by = sorter && sorter.value === "nieuwste" ? "nieuwste" : "";
      if (by === sortedBy) return;
      sortedBy = by;
      cards = by ? byNewest : byTitle;
      var frag = document.createDocumentFragment();
      cards.forEach(function (c) { frag.appendChild(c.el); });
      list.appendChild(frag);
    }
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
    /* Faceted counts: an option's count is what choosing it would show, given the other filters. */
    function updateCounts(s) {
      selects.forEach(function (sel) {
        var counts = {};
        for (var i = 0; i < cards.length; i++) {
          var c = cards[i];
          if (!c.textOk || !matchesFacets(c, s, sel.name)) continue;
          var vals = c.facets[sel.name];
          for (var v = 0; v < vals.length; v++) counts[vals[v]] = (counts[vals[v]] || 0) + 1;
        }
        toArray(sel.options).forEach(function (o) {
          if (!o.value) return;
          var n = counts[o.value] || 0;
          o.textContent = o.getAttribute("data-kb-label") + " (" + n + ")";
          o.disabled = n === 0 && o.value !== sel.value;
        });
      });
    }
    function apply() {
      var s = state();
      sortCards();
      matches = [];
      for (var i = 0; i < cards.length; i++) {
        var c = cards[i];
        c.textOk = matchesText(c, s.terms);
        c.match = c.textOk && matchesFacets(c, s, null);
        if (c.match) matches.push(c);
      }
      limit = PAGE;
      show();
      updateCounts(s);
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
    wireFilterForm(root, form, apply, function (el) { return el !== sorter; });
    // On a phone the facets fold away behind "Filters" unless one is in use.
    if (facetBox && window.matchMedia("(max-width: 44.9375em)").matches &&
        !keys.some(function (k) { return new URLSearchParams(location.search).get(k); })) {
      facetBox.open = false;
    }
  }

  /* ---- Agenda ------------------------------------------------------------------------------ */
  function ended(el, now) {
    var end = Date.parse(el.getAttribute("data-kb-einde"));
    return !isNaN(end) && end <= now;
  }

  /* Text that differs once an event is over ("dag nog niet bekend" -> "datum in de maand niet bekend"). */
  function markPast(el) {
    toArray(el.querySelectorAll("[data-kb-past-text]")).forEach(function (t) {
      t.textContent = t.getAttribute("data-kb-past-text");
    });
    toArray(el.querySelectorAll("[data-kb-until-ended]")).forEach(function (t) { t.hidden = true; });
    toArray(el.querySelectorAll("[data-kb-once-ended]")).forEach(function (t) { t.hidden = false; });
  }

  /* The past list's section for a year: present, or made from the page's <template>. */
  function yearSection(past, template, year) {
    var section = past.querySelector('[data-kb-group="' + year + '"]');
    if (section) return section;
    section = template.content.firstElementChild.cloneNode(true);
    section.setAttribute("data-kb-group", year);
    section.setAttribute("aria-labelledby", "jaar-" + year);
    var h = section.querySelector("[data-kb-group-title]");
    h.id = "jaar-" + year;
    h.textContent = year;
    var before = toArray(past.querySelectorAll("[data-kb-group]")).find(function (s) {
      return s.getAttribute("data-kb-group") < year;
    });
    past.insertBefore(section, before || null);
    return section;
  }

  /* `root` holds the form and count; the lists sit under their own headings further down the page. */
  function initAgenda(root, now) {
    var upcoming = document.querySelector("[data-kb-upcoming]");
    var past = document.querySelector("[data-kb-past]");
    var template = document.querySelector("template[data-kb-year-template]");
    if (!upcoming || !past || !template) return;
    // Move events that ended since the build from "komend" to "eerder" (newest first).
    toArray(upcoming.querySelectorAll("[data-kb-event]")).reverse().forEach(function (li) {
      if (!ended(li, now)) return;
      var year = li.getAttribute("data-kb-year");
      var list = yearSection(past, template, year).querySelector("[data-kb-group-list]");
      markPast(li);
      list.insertBefore(li, list.firstChild);
    });
    toArray(upcoming.querySelectorAll("[data-kb-group]")).forEach(function (s) {
      if (!s.querySelector("[data-kb-event]")) s.remove();
    });
    var form = root.querySelector("[data-kb-filters]");
    var count = root.querySelector("[data-kb-count]");
    var selects = toArray(form.querySelectorAll("select[name]"));
    function apply() {
      var want = {};
      selects.forEach(function (s) { want[s.name] = s.value; });
      var nUp = 0, nPast = 0;
      toArray(document.querySelectorAll("[data-kb-upcoming] [data-kb-event], [data-kb-past] [data-kb-event]")).forEach(function (li) {
        var ok = (!want.regio || li.getAttribute("data-kb-regio") === want.regio) &&
                 (!want.soort || li.getAttribute("data-kb-soort") === want.soort);
        li.hidden = !ok;
        if (ok) { if (upcoming.contains(li)) nUp++; else nPast++; }
      });
      toArray(document.querySelectorAll("[data-kb-upcoming] [data-kb-group], [data-kb-past] [data-kb-group]")).forEach(function (s) {
        s.hidden = !s.querySelector("[data-kb-event]:not([hidden])");
      });
      document.querySelector("[data-kb-none-upcoming]").hidden = nUp !== 0;
      document.querySelector("[data-kb-none-past]").hidden = nPast !== 0;
      count.textContent = nUp + " komende en " + nPast + " eerdere bijeenkomsten";
    }
    wireFilterForm(root, form, apply, function () { return true; });
  }

  /* Home page: the next events; when none is left, the most recent ones (said so plainly). */
  function initUpcoming(root, now) {
    var limit = parseInt(root.getAttribute("data-kb-limit"), 10) || 3;
    var shown = 0;
    var recentList = root.querySelector("[data-kb-recent-list]");
    toArray(root.querySelectorAll("[data-kb-upcoming-list] [data-kb-event]")).forEach(function (li) {
      if (ended(li, now)) {
        // Ended since the build: now among the most recent (newest first), with its past wording.
        markPast(li);
        li.hidden = false;
        if (recentList) recentList.insertBefore(li, recentList.firstChild); else li.remove();
        return;
      }
      li.hidden = shown >= limit;
      shown++;
    });
    if (recentList) {
      toArray(recentList.querySelectorAll("[data-kb-event]")).forEach(function (li, i) { if (i >= limit) li.remove(); });
    }
    var recent = root.querySelector("[data-kb-recent]");
    if (recent) recent.hidden = shown !== 0;
    var upcoming = root.querySelector("[data-kb-upcoming-list]");
    if (upcoming) upcoming.hidden = shown === 0;
  }

  function initEventPage(root, now) {
    if (ended(root, now)) markPast(root);
  }

  /* The feed's full address, and a webcal: link that makes calendar apps subscribe in one click. */
  function initSubscribe() {
    var feed = new URL("agenda.ics", location.href.split("?")[0].split("#")[0]).href;
    toArray(document.querySelectorAll("[data-kb-feed-url]")).forEach(function (el) { el.textContent = feed; });
    toArray(document.querySelectorAll("[data-kb-webcal]")).forEach(function (a) {
      a.href = feed.replace(/^https?:/, "webcal:");
    });
  }

  function init() {
    var now = Date.now();
    initSubscribe();
    toArray(document.querySelectorAll("[data-kb-library]")).forEach(initLibrary);
    toArray(document.querySelectorAll("[data-kb-agenda]")).forEach(function (el) { initAgenda(el, now); });
    toArray(document.querySelectorAll("[data-kb-upcoming-home]")).forEach(function (el) { initUpcoming(el, now); });
    toArray(document.querySelectorAll("[data-kb-event-page]")).forEach(function (el) { initEventPage(el, now); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
