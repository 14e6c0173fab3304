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

/* ==== Municipalities table (/gemeenten/; branch municipalities) ================================
   Filters by arbeidsmarktregio and status and sorts by name, region or status; the state lives in the
   query string (regio, status, sorteer). Without this script the table lists every municipality. */
(function () {
  "use strict";
  var STATUS_ORDER = ["actueel", "in-actualisatie", "geen", "onbekend"];

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
    function apply(s) {
      var shown = 0;
      rows.forEach(function (tr) {
        var ok = (!s.regio || tr.getAttribute("data-regio") === s.regio) &&
                 (!s.status || tr.getAttribute("data-status") === s.status);
        tr.hidden = !ok;
        if (ok) shown++;
      });
      var sorted = rows.slice().sort(function (a, b) {
        var ka = sortKey(a, s.sorteer), kb = sortKey(b, s.sorteer);
        return ka[0].localeCompare(kb[0], "nl") || ka[1].localeCompare(kb[1], "nl");
      });
      sorted.forEach(function (tr) { body.appendChild(tr); });
      count.textContent = shown === total ? total + " gemeenten"
        : shown + " van " + total + " gemeenten " + (shown === 1 ? "voldoet" : "voldoen") + " aan de filters";
      empty.hidden = shown !== 0;
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
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    root.querySelectorAll("[data-kb-clear]").forEach(function (el) {
      el.addEventListener("click", function (ev) {
        ev.preventDefault();
        selects.forEach(function (sel) { sel.value = ""; });
        apply(state());
        history.pushState(null, "", toQuery(state()));
      });
    });
    window.addEventListener("popstate", fromQuery);
    form.hidden = false;
    fromQuery();
  }

  function init() {
    document.querySelectorAll("[data-kb-municipalities]").forEach(initMunicipalities);
    // "toon" next to each count: a link to ?status=..., which this script applies on load.
    document.querySelectorAll("[data-kb-status-link]").forEach(function (a) { a.hidden = false; });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
/* ==== end municipalities ========================================================================= */

/* ==== "Download deze selectie (CSV)" in the library (branch municipalities) ======================
   Builds a CSV in the browser for the practices that match the library's current filters, from the
   open-data JSON (/open-data/goede-voorbeelden.json): the same records and columns as the full CSV on
   /open-data/ (UTF-8 with BOM, dotted columns, lists joined with ";"). The match rule repeats the
   library's: every chosen facet value among the card's data-<facet> words, every word of the text filter
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
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var text = form.querySelector("input[name=q]");
    var terms = (text ? text.value : "").trim().toLowerCase().split(/\s+/).filter(Boolean);
    return Array.prototype.filter.call(root.querySelectorAll("[data-kb-list] > li"), function (li) {
      var ok = selects.every(function (sel) {
        return !sel.value || (li.getAttribute("data-" + sel.name) || "").split(" ").indexOf(sel.value) >= 0;
      });
      var hay = (li.textContent + " " + (li.getAttribute("data-extra") || "")).replace(/\s+/g, " ").toLowerCase();
      return ok && terms.every(function (t) { return hay.indexOf(t) >= 0; });
    }).map(function (li) { return li.getAttribute("data-id"); });
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
    var count = root.querySelector("[data-kb-count]");
    if (!count || !root.querySelector("[data-kb-filters]")) return;
    var wrap = document.createElement("p");
    wrap.className = "kb-download";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.setAttribute("data-kb-download-csv", "");
    button.textContent = "Download deze selectie (CSV)";
    var note = document.createElement("span");
    note.className = "kb-hint";
    note.setAttribute("role", "status");
    wrap.appendChild(button);
    wrap.appendChild(document.createTextNode(" "));
    wrap.appendChild(note);
    count.parentNode.insertBefore(wrap, count.nextSibling);
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
