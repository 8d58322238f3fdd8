/* Facet filters for the programme list (/interventies/).
 *
 * The table is in the page, so the list works without JavaScript; this script adds the
 * filters. Data comes from interventies-data.js (window.KB_INTERVENTIES), written at build
 * time: no fetch, so it works from file:// too. The filter state lives in the query string
 * (?niveau=sterke-aanwijzingen&onderwijstype=mbo&q=...) so a filtered view can be linked.
 * Within a facet the chosen values are alternatives (OR); facets combine (AND).
 * At most PAGE matching rows are in the table at once ("Toon meer" adds the next ones); the
 * others wait outside the document. Laying out a table of thousands of rows, even hidden ones,
 * is what makes a filter slow, not the filtering itself.
 */
(function () {
  "use strict";
  var PAGE = 50;

  function init() {
    var root = document.querySelector("[data-kb-interventies]");
    var data = window.KB_INTERVENTIES;
    if (!root || !data) return;
    var form = root.querySelector("form");
    var search = form.querySelector("input[type=search]");
    var status = root.querySelector("[role=status]");
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
    form.hidden = false;

    function readState() {
      var state = { q: search.value.trim().toLowerCase(), facets: {} };
      data.facets.forEach(function (key) {
        var chosen = [];
        boxes[key].forEach(function (item) { if (item.box.checked) chosen.push(item.box.value); });
        if (chosen.length) state.facets[key] = chosen;
      });
      return state;
    }

    // One pass over the rows: which chosen facets does a row fail? A row is shown when it fails
    // none; it counts towards a facet's values when it fails no *other* facet (standard faceting).
    function failing(row, chosen, words) {
      // plain loops: this runs for every row on every change
      var failed = [];
      for (var w = 0; w < words.length; w++) {
        if (row.t.indexOf(words[w]) < 0) { failed.push("q"); break; }
      }
      for (var c = 0; c < chosen.length; c++) {
        var key = chosen[c][0], wanted = chosen[c][1], values = row.f[key] || [], hit = false;
        for (var v = 0; v < wanted.length && !hit; v++) hit = values.indexOf(wanted[v]) >= 0;
        if (!hit) failed.push(key);
      }
      return failed;
    }

    function apply(updateUrl) {
      var state = readState();
      var words = state.q ? state.q.split(/\s+/) : [];
      var shown = 0;
      var visible = [];
      var counts = {};
      data.facets.forEach(function (key) { counts[key] = {}; });
      var chosen = Object.keys(state.facets).map(function (key) { return [key, state.facets[key]]; });
      var facets = data.facets;
      rows.forEach(function (row) {
        var failed = failing(row, chosen, words);
        if (failed.length === 0) {
          shown += 1;
          if (shown <= limit && trs[row.id]) visible.push(trs[row.id]);
        }
        if (failed.length > 1) return;
        for (var k = 0; k < facets.length; k++) {
          var key = facets[k];
          if (failed.length === 1 && failed[0] !== key) continue;
          var values = row.f[key] || [], tally = counts[key];
          for (var v = 0; v < values.length; v++) tally[values[v]] = (tally[values[v]] || 0) + 1;
        }
      });
      tbody.replaceChildren.apply(tbody, visible);
      more.hidden = shown <= limit;
      more.textContent = "Toon meer (" + Math.min(PAGE, shown - limit) + " van de " + (shown - limit) + " overige)";
      data.facets.forEach(function (key) {
        boxes[key].forEach(function (item) {
          var n = counts[key][item.box.value] || 0;
          var text = "(" + n + ")";
          if (item.count.textContent !== text) item.count.textContent = text;
          item.label.classList.toggle("kb-leeg", n === 0 && !item.box.checked);
        });
      });
      status.textContent = (shown === 1 ? "1 programma" : shown + " programma's") +
        (shown > limit ? ", de eerste " + limit + " staan hieronder" : "");
      if (updateUrl) writeUrl(state);
    }

    function writeUrl(state) {
      var params = new URLSearchParams();
      data.facets.forEach(function (key) {
        (state.facets[key] || []).forEach(function (v) { params.append(key, v); });
      });
      if (state.q) params.set("q", search.value.trim());
      var query = params.toString();
      var url = location.pathname + (query ? "?" + query : "") + location.hash;
      try {
        history.replaceState(null, "", url);
      } catch (err) {
        /* some file:// contexts refuse history changes; the filters still work */
      }
    }

    function readUrl() {
      var params = new URLSearchParams(location.search);
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
      });
      search.value = params.get("q") || "";
    }

    form.addEventListener("change", function () { limit = PAGE; apply(true); });
    search.addEventListener("input", function () { limit = PAGE; apply(true); });
    more.addEventListener("click", function () { limit += PAGE; apply(false); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-kb-wis]").addEventListener("click", function () {
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = false; });
      search.value = "";
      limit = PAGE;
      apply(true);
      search.focus();
    });
    window.addEventListener("popstate", function () { readUrl(); apply(false); });
    readUrl();
    apply(false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
