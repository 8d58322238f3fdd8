/* Search box on the bibliography (/bronnen/): hides entries that do not contain every word typed. */
(function () {
  "use strict";

  // "Dekovic" finds "Deković", as the programme search does: no case, no accents
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function init() {
    var root = document.querySelector("[data-kb-bronnen]");
    if (!root) return;
    var field = root.querySelector(".kb-zoekveld");
    var input = field.querySelector("input");
    var status = root.querySelector("[role=status]");
    var entries = Array.prototype.map.call(root.querySelectorAll(".kb-bron"), function (el) {
      return { el: el, text: fold(el.querySelector(".kb-ref").textContent) };
    });
    var initial = status.textContent;
    field.hidden = false;
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = words.every(function (w) { return entry.text.indexOf(w) >= 0; });
        entry.el.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = words.length ? shown + (shown === 1 ? " bron gevonden" : " bronnen gevonden") : initial;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
