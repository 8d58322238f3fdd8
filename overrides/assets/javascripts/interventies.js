/* Search and facet filters for the programme list (/interventies/).
 *
 * The table is in the page, so the list works without JavaScript; this script adds the
 * filters. Data comes from interventies-data.js (window.KB_INTERVENTIES), written at build
 * time: no fetch, so it works from file:// too. The filter state lives in the query string
 * (?niveau=sterke-aanwijzingen&onderwijstype=po&zoek=pesten) so a filtered view can be linked;
 * each choice is a history entry, so the back button undoes it (typing replaces its own entry).
 * The text goes in "zoek", not "q": Material opens its site search for a "q" in the address, and
 * removes "q" from it when that search closes.
 * Within a facet the chosen values are alternatives (OR); facets and search words combine (AND).
 * An empty result names the filters that emptied it, with how many programmes each one's removal
 * gives, and a button to remove it: never a bare "0".
 * At most PAGE matching rows are in the table at once ("Toon meer" adds the next ones); the
 * others wait outside the document. Laying out a table of thousands of rows, even hidden ones,
 * is what makes a filter slow, not the filtering itself.
 * Everything from the data is inserted as text (textContent), never as HTML.
 */
(function () {
  "use strict";
  var PAGE = 50;
  var ZOEK = "zoek";  // query-string key of the search text
  var WIDE = "(min-width: 60em)";  // filters open by default from here; folded below

  // Same normalisation as zoektekst() in hooks/kennisbank/interventies.py: accents removed,
  // lower case, everything but letters and digits separates words.
  function words(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss")
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function init() {
    var root = document.querySelector("[data-kb-interventies]");
    var data = window.KB_INTERVENTIES;
    if (!root || !data) return;
    var form = root.querySelector("form");
    var search = form.querySelector("input[type=search]");
    var panel = form.querySelector("[data-kb-filterpaneel]");
    var chosenCount = form.querySelector("[data-kb-gekozen]");
    var status = root.querySelector("[role=status]");
    var empty = root.querySelector("[data-kb-leeg]");
    var tbody = root.querySelector("tbody");
    var trs = {};
    tbody.querySelectorAll("tr[data-id]").forEach(function (tr) { trs[tr.getAttribute("data-id")] = tr; });
    var rows = data.rows;
    var limit = PAGE;
    var more = root.querySelector("[data-kb-meer]");
    var boxes = {};
    data.facets.forEach(function (key) {
      boxes[key] = Array.prototype.map.call(form.querySelectorAll("input[name='" + key + "']"), function (box) {
        return { box: box, label: box.parentNode, count: box.parentNode.querySelector(".kb-telling") };
      });
    });
    // Rows with their facet values as indices of the facet's boxes: counting into typed arrays and
    // comparing small integers keeps a change fast at thousands of programmes.
    var facets = data.facets;
    var Q = facets.length;  // index of the search text among the filters
    var indices = facets.map(function (key) {
      var index = {};
      boxes[key].forEach(function (item, i) { index[item.box.value] = i; });
      return index;
    });
    var prepared = rows.map(function (row) {
      return {
        t: row.t, tr: trs[row.id] || null,
        f: facets.map(function (key, k) {
          return (row.f[key] || []).map(function (v) { return v in indices[k] ? indices[k][v] : -1; });
        })
      };
    });
    var order = [];  // active filters (facet keys and "q"), the most recently chosen last
    var typing = false;  // the last history entry came from typing: replace it rather than add one
    form.hidden = false;
    if (panel) panel.open = window.matchMedia(WIDE).matches;

    function readState() {
      var state = { q: search.value.trim(), words: words(search.value), facets: {} };
      data.facets.forEach(function (key) {
        var chosen = [];
        boxes[key].forEach(function (item) { if (item.box.checked) chosen.push(item.box.value); });
        if (chosen.length) state.facets[key] = chosen;
      });
      return state;
    }

    // Keep `order` to the active filters; `changed` (just chosen) moves to the end.
    function updateOrder(state, changed) {
      var active = Object.keys(state.facets);
      if (state.words.length) active.push("q");
      order = order.filter(function (key) { return active.indexOf(key) >= 0 && key !== changed; });
      active.forEach(function (key) { if (order.indexOf(key) < 0 && key !== changed) order.push(key); });
      if (changed && active.indexOf(changed) >= 0) order.push(changed);
    }

    // One pass over the rows: which chosen filters does a row fail? A row is shown when it fails
    // none; it counts towards a facet's values when it fails no *other* facet (standard faceting),
    // and towards "without filter X" when X is the only one it fails.
    // how: "push" (a history entry), "replace" or null (the address stays)
    function apply(how, changed) {
      var state = readState();
      updateOrder(state, changed);
      var ws = state.words, nw = ws.length;
      var wanted = [], active = [], counts = [];
      facets.forEach(function (key, k) {
        counts.push(new Int32Array(boxes[key].length));
        var chosen = state.facets[key];
        if (!chosen) return;
        var mask = new Uint8Array(boxes[key].length);
        boxes[key].forEach(function (item, i) { if (item.box.checked) mask[i] = 1; });
        wanted[k] = mask;
        active.push(k);
      });
      var without = new Int32Array(Q + 1);  // rows that only this one filter keeps out
      var shown = 0, visible = [], na = active.length;
      // plain loops: this runs for every row on every change
      for (var r = 0; r < prepared.length; r++) {
        var row = prepared[r], nFailed = 0, failedAt = -1;
        for (var w = 0; w < nw; w++) {
          if (row.t.indexOf(ws[w]) < 0) { nFailed = 1; failedAt = Q; break; }
        }
        for (var a = 0; a < na && nFailed < 2; a++) {
          var k = active[a], values = row.f[k], mask = wanted[k], hit = false;
          for (var v = 0; v < values.length && !hit; v++) hit = values[v] >= 0 && mask[values[v]] === 1;
          if (!hit) { nFailed += 1; failedAt = k; }
        }
        if (nFailed > 1) continue;
        if (nFailed === 0) {
          shown += 1;
          if (shown <= limit && row.tr) visible.push(row.tr);
        } else {
          without[failedAt] += 1;
        }
        for (var f = 0; f < Q; f++) {
          if (nFailed === 1 && failedAt !== f) continue;
          var vals = row.f[f], tally = counts[f];
          for (var j = 0; j < vals.length; j++) if (vals[j] >= 0) tally[vals[j]] += 1;
        }
      }
      tbody.replaceChildren.apply(tbody, visible);
      more.hidden = shown <= limit;
      more.textContent = "Toon meer (" + Math.min(PAGE, shown - limit) + " van de " + (shown - limit) + " overige)";
      var nChosen = 0;
      facets.forEach(function (key, k) {
        boxes[key].forEach(function (item, i) {
          var n = counts[k][i];
          var text = "(" + n + ")";
          if (item.count.textContent !== text) item.count.textContent = text;
          item.label.classList.toggle("kb-leeg", n === 0 && !item.box.checked);
          if (item.box.checked) nChosen += 1;
        });
      });
      if (chosenCount) chosenCount.textContent = nChosen ? "(" + nChosen + " gekozen)" : "";
      if (shown === 0 && order.length) {
        status.textContent = "Geen programma's bij deze filters";
      } else {
        status.textContent = (shown === 1 ? "1 programma" : shown + " programma's") +
          (shown > limit ? ", de eerste " + limit + " staan hieronder" : "");
      }
      var dropped = { q: without[Q] };
      facets.forEach(function (key, k) { dropped[key] = without[k]; });
      explainEmpty(shown === 0 ? state : null, dropped);
      if (how) writeUrl(state, how);
    }

    // A filter as it reads inside a sentence: "zoekwoorden ‘pesten’", "onderwijstype: Primair onderwijs (po)".
    function describe(state, key) {
      if (key === "q") return "zoekwoorden \u2018" + state.q + "\u2019";
      var labels = data.labels[key] || {};
      var name = data.names[key].charAt(0).toLowerCase() + data.names[key].slice(1);
      return name + ": " + state.facets[key].map(function (v) { return labels[v] || v; }).join(" of ");
    }

    function plural(n) { return n === 1 ? "1 programma" : n + " programma's"; }

    function el(tag, text, className) {
      var node = document.createElement(tag);
      if (text) node.textContent = text;
      if (className) node.className = className;
      return node;
    }

    // The empty result: which filter emptied it (the last chosen first), and for each active filter
    // how many programmes there are without it, with a button that removes it.
    function explainEmpty(state, without) {
      empty.replaceChildren();
      empty.hidden = !state || !order.length;
      if (empty.hidden) return;
      var last = order[order.length - 1];
      var intro = el("p");
      intro.appendChild(el("strong", "Geen enkel programma past bij alle gekozen filters samen."));
      // the last filter chosen emptied the list only if the list without it has programmes
      intro.appendChild(document.createTextNode(without[last] > 0
        ? " Het laatst gekozen filter, " + describe(state, last) + ", maakte de lijst leeg."
        : ""));
      intro.appendChild(document.createTextNode(order.length > 1 ? " Haal een filter weg:" : ""));
      empty.appendChild(intro);
      var list = el("ul");
      order.slice().reverse().forEach(function (key) {
        var item = el("li");
        if (without[key] > 0) {
          var button = el("button", "Filter " + describe(state, key) + " weghalen", "md-button kb-weg");
          button.type = "button";
          button.addEventListener("click", function () { drop(key); });
          item.appendChild(button);
          item.appendChild(document.createTextNode(" geeft " + plural(without[key])));
        } else {
          item.appendChild(document.createTextNode("Zonder " + describe(state, key) + " blijft de lijst leeg"));
        }
        list.appendChild(item);
      });
      empty.appendChild(list);
      if (!order.some(function (key) { return without[key] > 0; })) {
        var again = el("p", "Ook zonder \u00e9\u00e9n van deze filters blijft de lijst leeg. ");
        var clear = el("button", "Alle filters wissen", "md-button kb-weg");
        clear.type = "button";
        clear.addEventListener("click", clearAll);
        again.appendChild(clear);
        empty.appendChild(again);
      }
    }

    function drop(key) {
      if (key === "q") search.value = "";
      else boxes[key].forEach(function (item) { item.box.checked = false; });
      limit = PAGE;
      typing = false;
      apply("push");
      status.focus();  // the button is gone: continue where the new result is announced
    }

    function clearAll() {
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = false; });
      search.value = "";
      limit = PAGE;
      typing = false;
      apply("push");
      search.focus();
    }

    function writeUrl(state, how) {
      var params = new URLSearchParams();
      data.facets.forEach(function (key) {
        (state.facets[key] || []).forEach(function (v) { params.append(key, v); });
      });
      if (state.q) params.set(ZOEK, state.q);
      var query = params.toString();
      var url = location.pathname + (query ? "?" + query : "") + location.hash;
      if (url === location.pathname + location.search + location.hash) return;
      try {
        if (how === "push") history.pushState(null, "", url);
        else history.replaceState(null, "", url);
      } catch (err) {
        /* some file:// contexts refuse history changes; the filters still work */
      }
    }

    function readUrl() {
      var params = new URLSearchParams(location.search);
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
      });
      search.value = params.get(ZOEK) || "";
      // the order of a shared link: the filter written last counts as chosen last
      order = [];  // in a shared link, the filter written last counts as chosen last
      params.forEach(function (value, name) {
        var key = name === ZOEK ? "q" : name;
        if (key === "q" ? !words(value).length : !boxes[key]) return;
        if (order.indexOf(key) >= 0) order.splice(order.indexOf(key), 1);
        order.push(key);
      });
    }

    form.addEventListener("change", function (event) {
      if (event.target === search) return;  // typed text is handled by "input"
      limit = PAGE;
      typing = false;
      apply("push", event.target.checked ? event.target.name : null);
    });
    search.addEventListener("input", function () {
      limit = PAGE;
      apply(typing ? "replace" : "push", "q");
      typing = true;
    });
    more.addEventListener("click", function () { limit += PAGE; apply(null); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-kb-wis]").addEventListener("click", clearAll);
    window.addEventListener("popstate", function () { readUrl(); typing = false; limit = PAGE; apply(null); });
    readUrl();
    apply(null);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
