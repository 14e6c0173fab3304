/* Kennisbank Arbeidsmigratie: progressive enhancement only. Without this script every page lists
   everything; with it, the library and agenda filter in place, keep their state in the query string,
   and the agenda corrects "komend" against the reader's clock. No requests; the one thing stored is
   the reader's choice of light or dark colours (below, as Material did).
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

  /* A filter form's submit button: the list is already filtered, so it takes the reader to the result
     count (announced, and on a phone scrolled into view below the form). */
  function showResults(root) {
    var count = root.querySelector("[data-kb-count]");
    if (!count) return;
    count.setAttribute("tabindex", "-1");
    count.focus();
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
    form.addEventListener("submit", function (ev) { ev.preventDefault(); showResults(root); });
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
    // On a phone the facets fold away behind "Filters" unless one is in use. The inline script in
    // <head> (overrides/partials/javascripts/kb-early.html) decided that before the first paint ("kb-fold"
    // hides them by CSS); closing the <details> now changes nothing on screen, so nothing shifts.
    var html = document.documentElement;
    if (facetBox && html.classList.contains("kb-fold")) facetBox.open = false;
    html.classList.remove("kb-fold");
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

  /* The feed's full address, and a webcal: link that makes calendar apps subscribe in one click. The
     address is the value of a read-only field: a longer or shorter text there moves nothing on the page. */
  function initSubscribe() {
    var feed = new URL("agenda.ics", location.href.split("?")[0].split("#")[0]).href;
    toArray(document.querySelectorAll("[data-kb-feed-url]")).forEach(function (el) { el.value = feed; });
    toArray(document.querySelectorAll("[data-kb-webcal]")).forEach(function (a) {
      a.href = feed.replace(/^https?:/, "webcal:");
    });
  }

  function init() {
    var now = Date.now();
    toArray(document.querySelectorAll("form.md-search__form")).forEach(initSearchForm);
    initSubscribe();
    toArray(document.querySelectorAll("[data-kb-library]")).forEach(initLibrary);
    toArray(document.querySelectorAll("[data-kb-agenda]")).forEach(function (el) { initAgenda(el, now); });
    toArray(document.querySelectorAll("[data-kb-upcoming-home]")).forEach(function (el) { initUpcoming(el, now); });
    toArray(document.querySelectorAll("[data-kb-event-page]")).forEach(function (el) { initEventPage(el, now); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* ==== Light or dark colours (the toggle in the header) ===========================================
   Replaces Material's palette component (see overrides/partials/javascripts/palette.html, which shows
   the right scheme before the first paint and defines __kb_palette). A click on the toggle, or Enter on
   it, switches and stores the choice under Material's localStorage key; with no stored choice the page
   follows the system setting when it changes. The browser's toolbar colour (theme-color) follows the
   header, set once the page has loaded so it costs no style recalculation while the page loads. */
(function () {
  "use strict";
  var box = document.querySelector("[data-kb-palette]");
  if (!box || typeof window.__kb_palette !== "function") return;
  var inputs = box.querySelectorAll("input"), body = document.body, meta = null;
  /* The scheme on <body> (the one shown), not the checked radio: see the catch-up below. */
  var current = Array.prototype.findIndex.call(inputs, function (input) {
    return input.getAttribute("data-md-color-scheme") === body.getAttribute("data-md-color-scheme");
  });

  function themeColor() {
    var header = document.querySelector("[data-md-component=header]");
    if (!header) return;
    if (!meta) {
      meta = document.createElement("meta");
      meta.name = "theme-color";
      document.head.appendChild(meta);
    }
    meta.content = getComputedStyle(header).backgroundColor;
  }
  function choose(index) {
    body.setAttribute("data-md-color-switching", "");  /* Material's CSS: no colour transitions */
    current = window.__kb_palette(index);
    __md_set("__palette", { index: index });  /* the index is all __kb_palette reads */
    setTimeout(function () { body.removeAttribute("data-md-color-switching"); themeColor(); });
  }

  box.addEventListener("change", function (ev) {
    var index = Array.prototype.indexOf.call(inputs, ev.target);
    if (index >= 0 && index !== current) choose(index);
  });
  box.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || !inputs.length) return;
    ev.preventDefault();
    var next = (current + 1) % inputs.length;
    choose(next);
    inputs[next].focus();
  });
  Array.prototype.forEach.call(inputs, function (input) {
    matchMedia(input.getAttribute("data-md-color-media")).addEventListener("change", function () {
      if (!__md_get("__palette")) current = window.__kb_palette();
    });
  });
  /* A click before this script ran checked a radio without switching: catch up. */
  var checked = Array.prototype.findIndex.call(inputs, function (input) { return input.checked; });
  if (checked >= 0 && checked !== current) choose(checked);
  if (document.readyState === "complete") setTimeout(themeColor);
  else addEventListener("load", function () { setTimeout(themeColor); });
})();

/* ==== Municipalities table (/gemeenten/; branch municipalities) ================================
   Filters by arbeidsmarktregio and status and sorts by name, region or status; the state lives in the
   query string (regio, status, sorteer). Without this script the table lists every municipality. */
(function () {
  "use strict";
  var STATUS_ORDER = ["actueel", "in-actualisatie", "geen", "onbekend"];
  var collator = null;  /* made when first needed: making one took ~10 ms as the page loaded */
  function collate(a, b) {
    if (!collator) collator = new Intl.Collator("nl");
    return collator.compare(a, b);
  }

  function initMunicipalities(root) {
    var form = root.querySelector("[data-kb-filters]");
    var body = root.querySelector("[data-kb-rows]");
    var count = root.querySelector("[data-kb-count]");
    var empty = root.querySelector("[data-kb-empty]");
    if (!form || !body) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var rows = Array.prototype.slice.call(body.querySelectorAll("tr"));
    var total = rows.length;

    function state() {
      var s = {};
      selects.forEach(function (sel) { s[sel.name] = sel.value; });
      return s;
    }
    function sortKey(tr, by) {
      var name = tr.getAttribute("data-naam");
      if (by === "regio") return [tr.getAttribute("data-regio-naam"), name];
      if (by === "status") return [String(STATUS_ORDER.indexOf(tr.getAttribute("data-status"))), name];
      return [name, ""];
    }
    /* Changes only what differs: on a page opened without filters nothing in the table is touched, so
       the page is not laid out again while it loads (Material's bundle measures it right after). */
    function apply(s) {
      var shown = 0;
      rows.forEach(function (tr) {
        var ok = (!s.regio || tr.getAttribute("data-regio") === s.regio) &&
                 (!s.status || tr.getAttribute("data-status") === s.status);
        if (tr.hidden === ok) tr.hidden = !ok;
        if (ok) shown++;
      });
      /* By name is the order the page came in (the build sorts by name, as without this script). */
      var sorted = !s.sorteer ? rows.slice() : rows.slice().sort(function (a, b) {
        var ka = sortKey(a, s.sorteer), kb = sortKey(b, s.sorteer);
        return collate(ka[0], kb[0]) || collate(ka[1], kb[1]);
      });
      var order = body.children;
      if (sorted.some(function (tr, i) { return order[i] !== tr; })) sorted.forEach(function (tr) { body.appendChild(tr); });
      var text = shown === total ? total + " gemeenten"
        : shown + " van " + total + " gemeenten " + (shown === 1 ? "voldoet" : "voldoen") + " aan de filters";
      if (count.textContent !== text) count.textContent = text;
      if (empty.hidden !== (shown !== 0)) empty.hidden = shown !== 0;
    }
    function toQuery(s) {
      var p = new URLSearchParams();
      selects.forEach(function (sel) { if (s[sel.name]) p.set(sel.name, s[sel.name]); });
      var q = p.toString();
      return location.pathname + (q ? "?" + q : "") + location.hash;
    }
    function fromQuery() {
      var p = new URLSearchParams(location.search);
      selects.forEach(function (sel) {
        var v = p.get(sel.name) || "";
        sel.value = Array.prototype.some.call(sel.options, function (o) { return o.value === v; }) ? v : "";
      });
      apply(state());
    }
    form.addEventListener("change", function () {
      apply(state());
      history.pushState(null, "", toQuery(state()));
    });
    form.addEventListener("submit", function (ev) {  // the list is already filtered: go to the count
      ev.preventDefault();
      var count = root.querySelector("[data-kb-count]");
      if (count) { count.setAttribute("tabindex", "-1"); count.focus(); }
    });
    root.querySelectorAll("[data-kb-clear]").forEach(function (el) {
      el.addEventListener("click", function (ev) {
        ev.preventDefault();
        selects.forEach(function (sel) { sel.value = ""; });
        apply(state());
        history.pushState(null, "", toQuery(state()));
      });
    });
    window.addEventListener("popstate", fromQuery);
    fromQuery();
  }

  function init() {
    // "toon" next to each count is a link to ?status=..., which this script applies on load; CSS shows
    // it only with the script ("kb-js", set before the first paint: showing it later moved the page).
    document.querySelectorAll("[data-kb-municipalities]").forEach(initMunicipalities);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
/* ==== end municipalities ========================================================================= */

/* ==== "Download deze selectie (CSV)" in the library (branch municipalities) ======================
   Builds a CSV in the browser for the practices that match the library's current filters, from the
   open-data JSON (/open-data/goede-voorbeelden.json): the same records and columns as the full CSV on
   /open-data/ (UTF-8 with BOM, dotted columns, lists joined with ";"). The match rule repeats the
   library's: every chosen facet value among the card's data-kb-<facet> words, every word of the text filter
   in the card's text. Same-origin request only; nothing is stored. */
(function () {
  "use strict";
  var SEP = ";";

  function siteBase() {
    var el = document.getElementById("__config");
    try { return (el && JSON.parse(el.textContent).base) || "."; } catch (e) { return "."; }
  }

  function matchingIds(root) {
    var form = root.querySelector("[data-kb-filters]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-kb-facet]"));  // not the sort order
    var text = form.querySelector("[data-kb-text]");
    var terms = (text ? text.value : "").trim().toLowerCase().split(/\s+/).filter(Boolean);
    return Array.prototype.filter.call(root.querySelectorAll("[data-kb-list] > li"), function (li) {
      var ok = selects.every(function (sel) {
        return !sel.value || (li.getAttribute("data-kb-" + sel.name) || "").split(" ").indexOf(sel.value) >= 0;
      });
      var hay = (li.textContent + " " + (li.getAttribute("data-kb-extra") || "")).replace(/\s+/g, " ").toLowerCase();
      return ok && terms.every(function (t) { return hay.indexOf(t) >= 0; });
    }).map(function (li) { return li.getAttribute("data-kb-id"); });
  }

  /* The same flattening as macros/core/site/opendata.py:flatten. */
  function flatten(record, prefix, out) {
    Object.keys(record).forEach(function (key) {
      var name = prefix + key, value = record[key];
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        flatten(value, name + ".", out);
      } else if (Array.isArray(value) && value.length && value.every(function (v) { return v && typeof v === "object"; })) {
        var flat = value.map(function (v) { return flatten(v, "", {}); });
        var fields = [];
        flat.forEach(function (f) { Object.keys(f).forEach(function (k) { if (fields.indexOf(k) < 0) fields.push(k); }); });
        fields.forEach(function (f) {
          out[name + "." + f] = flat.map(function (v) { return f in v ? v[f] : ""; }).join(SEP);
        });
      } else if (Array.isArray(value)) {
        out[name] = value.join(SEP);
      } else if (typeof value === "boolean") {
        out[name] = value ? "ja" : "nee";
      } else {
        out[name] = value === null || value === undefined ? "" : String(value);
      }
    });
    return out;
  }

  function csvCell(v) { return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }

  function toCsv(all, ids) {
    var rows = all.map(function (r) { return flatten(r, "", {}); });
    var columns = [];
    rows.forEach(function (r) { Object.keys(r).forEach(function (k) { if (columns.indexOf(k) < 0) columns.push(k); }); });
    var lines = [columns.map(csvCell).join(",")];
    rows.forEach(function (r) {
      if (ids.indexOf(r.id) < 0) return;
      lines.push(columns.map(function (c) { return csvCell(c in r ? r[c] : ""); }).join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  function initDownload(root) {
    var button = root.querySelector("[data-kb-download-csv]");
    if (!button) return;
    var note = root.querySelector("[data-kb-download] [role=status]");
    button.addEventListener("click", function () {
      var ids = matchingIds(root);
      var url = new URL(siteBase() + "/open-data/goede-voorbeelden.json", location.href).href;
      note.textContent = "";
      fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (doc) {
        var blob = new Blob([toCsv(doc.records, ids)], { type: "text/csv;charset=utf-8" });
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = "goede-voorbeelden-selectie.csv";
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
        note.textContent = ids.length + (ids.length === 1 ? " voorbeeld" : " voorbeelden") + " gedownload.";
      }).catch(function () {
        note.textContent = "Downloaden lukt hier niet. Alle voorbeelden staan als CSV op de pagina Open data.";
      });
    });
  }

  function init() { document.querySelectorAll("[data-kb-library]").forEach(initDownload); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
/* ==== end download ================================================================================ */

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
    form.addEventListener("submit", function (ev) {  // the list is already filtered: go to the count
      ev.preventDefault();
      var count = root.querySelector("[data-kb-count]");
      if (count) { count.setAttribute("tabindex", "-1"); count.focus(); }
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { apply(); history.pushState(null, "", location.pathname); }, 0);
    });
    window.addEventListener("popstate", fromQuery);
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
