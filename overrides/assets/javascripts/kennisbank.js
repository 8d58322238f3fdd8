// Reading aids on every page.
// 1. A table wider than the screen scrolls in its own region: that region gets a keyboard stop
//    and a name, so keyboard users can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
// 2. Escape closes the tooltip of a term or citation (WCAG 1.4.13); it shows again on the next
//    hover or keyboard focus.
(function () {
  "use strict";

  function heading(region) {
    // the table's caption, or else the nearest heading above it
    const caption = region.querySelector("caption");
    if (caption) return caption.textContent.trim();
    for (let el = region; el && !el.classList.contains("md-content__inner"); el = el.parentElement) {
      for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (/^H[1-6]$/.test(prev.tagName)) {
          const copy = prev.cloneNode(true);
          copy.querySelectorAll(".headerlink").forEach((a) => a.remove());
          return "Tabel bij " + copy.textContent.trim();
        }
      }
    }
    return "Tabel";
  }

  function markScrollRegions() {
    for (const region of document.querySelectorAll(".md-typeset__scrollwrap, .kb-scrollregio")) {
      if (region.scrollWidth > region.clientWidth) {  // even 1 px more must be reachable
        region.tabIndex = 0;
        region.setAttribute("role", "region");
        region.setAttribute("aria-label", (region.dataset.kbLabel || heading(region)) + " (schuif opzij voor de rest)");
      } else {
        region.removeAttribute("tabindex");
        region.removeAttribute("role");
        region.removeAttribute("aria-label");
      }
    }
  }

  let closedFor = null;  // the element whose tooltip the reader closed
  function hovered() {
    const all = document.querySelectorAll(":hover");
    return all.length ? all[all.length - 1].closest("a, abbr") : null;
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.querySelector(".md-tooltip2--active")) {
      document.body.classList.add("kb-tips-dicht");
      closedFor = hovered() || document.activeElement;
    }
  });
  document.addEventListener("focusin", () => {
    document.body.classList.remove("kb-tips-dicht");
    closedFor = null;
  });
  document.addEventListener("mouseover", (event) => {
    const host = event.target.closest && event.target.closest("a, abbr");
    if (host && host !== closedFor) {
      document.body.classList.remove("kb-tips-dicht");
      closedFor = null;
    }
  });
  document.addEventListener("mouseout", (event) => {
    if (closedFor && event.target === closedFor) closedFor = null;  // leaving it: the next visit shows it
  });

  if (window.document$) window.document$.subscribe(markScrollRegions);  // Material's page-ready stream
  else document.addEventListener("DOMContentLoaded", markScrollRegions);
  window.addEventListener("resize", markScrollRegions);
})();
