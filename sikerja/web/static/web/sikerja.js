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
  // Kotak Masuk: opening an item is a POST that marks its notices read, then the page
  // follows (no state change on GET, issue #10 point 12). Without JavaScript the link
  // simply opens the page.
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[data-buka]") : null;
    var f = document.getElementById("form-buka");
    if (!a || !f || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    f.action = a.getAttribute("data-buka");
    f.submit();
    e.preventDefault();
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

/* Autocomplete of a pegawai (organisasi/_pilih_pegawai.html): a click on a result
   stores its value in the hidden input and shows its label in the search box. */
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var opsi = e.target.closest ? e.target.closest("[data-pilih-pegawai] [data-nilai]") : null;
    if (!opsi) return;
    var kotak = opsi.closest("[data-pilih-pegawai]");
    kotak.querySelector("[data-pilih-nilai]").value = opsi.getAttribute("data-nilai");
    var teks = kotak.querySelector("input[type=search]");
    teks.value = opsi.getAttribute("data-label");
    teks.dataset.terpilih = "1";
    teks.setAttribute("aria-expanded", "false");
    opsi.closest(".pilih-hasil").innerHTML = "";
    teks.dispatchEvent(new Event("change", { bubbles: true }));
  });
  document.addEventListener("input", function (e) {
    var t = e.target;
    if (!t.closest || !t.closest("[data-pilih-pegawai]") || t.type !== "search") return;
    // Typing again drops the previous choice: what is submitted is always what is shown.
    delete t.dataset.terpilih;
    t.closest("[data-pilih-pegawai]").querySelector("[data-pilih-nilai]").value = "";
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    var el = e.detail && e.detail.target;
    if (el && el.classList && el.classList.contains("pilih-hasil")) {
      var teks = el.parentNode.querySelector("input[type=search]");
      if (teks) teks.setAttribute("aria-expanded", el.childElementCount ? "true" : "false");
    }
  });
})();
