/* Copy-link buttons: beside every heading, bibliography entry and page title, a button copies the
 * permanent address (the canonical URL of the page, so a link copied from the offline copy points
 * to the site too). GGD advisers paste these into handouts and e-mails. The page's own button keeps
 * the query string as the reader sees it at that moment: a filtered list is shared filtered, and the
 * self-scan with its answers (after the #). */
(function () {
  "use strict";

  function permanent(anchor, keepState) {
    var canonical = document.querySelector("link[rel=canonical]");
    var base = canonical ? canonical.href.split("#")[0].split("?")[0] : location.href.split("#")[0].split("?")[0];
    // a page that keeps its state after the # (the self-scan's answers) is shared with it
    var state = keepState && document.querySelector("[data-kb-staat-in-adres]") ? location.hash : "";
    return base + (keepState ? location.search : "") + (anchor ? "#" + anchor : state);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");  // file:// and older browsers
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  function button(label, anchor, status, keepState) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "kb-kopieer";
    b.setAttribute("aria-label", label);
    b.title = label;
    b.setAttribute("data-kb-link", permanent(anchor, keepState));
    // an inline icon, not an emoji: no font needed, so no empty box where emoji fonts are missing
    b.innerHTML = '<svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">' +
      '<path fill="currentColor" d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42"/></svg>';
    b.addEventListener("click", function () {
      b.setAttribute("data-kb-link", permanent(anchor, keepState));  // filters may have changed since
      copy(b.getAttribute("data-kb-link")).then(function () {
        status.textContent = "Link gekopieerd: " + b.getAttribute("data-kb-link");
        b.classList.add("kb-gekopieerd");
        setTimeout(function () { b.classList.remove("kb-gekopieerd"); }, 1500);
      });
    });
    return b;
  }

  function init() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) return;
    var status = document.createElement("p");
    status.className = "kb-kopieer-status md-visually-hidden";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
    var title = article.querySelector("h1");
    if (title) title.appendChild(button("Kopieer de link naar deze pagina", "", status, true));
    article.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]").forEach(function (h) {
      h.appendChild(button("Kopieer de vaste link naar dit kopje", h.id, status));
    });
    article.querySelectorAll(".kb-bron[id] .kb-ref").forEach(function (ref) {
      ref.appendChild(button("Kopieer de vaste link naar deze bron", ref.parentNode.id, status));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
