/* SIKERJA — small behaviours on top of htmx and Bootstrap (served locally). */
(function () {
  "use strict";
  // Org tree: a sub-unit toggle loads its children once (htmx) and collapses them again
  // on the next click (issue #12 point 2). Runs in the capture phase, before htmx's handler.
  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("[data-toggle-anak]") : null;
    if (!b) return;
    var t = document.querySelector(b.getAttribute("hx-target"));
    if (b.getAttribute("aria-expanded") === "true") {
      if (t) t.hidden = true;
      b.setAttribute("aria-expanded", "false");
      b.textContent = "▸";
      e.preventDefault();
      e.stopImmediatePropagation();
    } else if (t && t.childElementCount) {
      t.hidden = false;
      b.setAttribute("aria-expanded", "true");
      b.textContent = "▾";
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);
  document.addEventListener("htmx:afterSwap", function (e) {
    var b = e.detail && e.detail.requestConfig && e.detail.requestConfig.elt;
    if (b && b.hasAttribute && b.hasAttribute("data-toggle-anak")) {
      var t = document.querySelector(b.getAttribute("hx-target"));
      if (t) t.hidden = false;
      b.setAttribute("aria-expanded", "true");
      b.textContent = "▾";
    }
  });
  // Confirmation before a destructive action (issue #12 point 8): a form with
  // data-konfirmasi asks first, naming what will change.
  document.addEventListener("submit", function (e) {
    var f = e.target;
    var pesan = f.getAttribute && f.getAttribute("data-konfirmasi");
    if (pesan && !window.confirm(pesan)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);
})();
