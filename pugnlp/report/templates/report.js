(function () {
  "use strict";
  var input = document.getElementById("cari");
  var items = Array.prototype.slice.call(document.querySelectorAll("details.event"));
  var counter = document.getElementById("jumlah-tampil");
  function filter() {
    var q = (input.value || "").trim().toLowerCase();
    var shown = 0;
    items.forEach(function (el) {
      var hit = !q || el.textContent.toLowerCase().indexOf(q) >= 0;
      el.hidden = !hit;
      if (hit) { shown += 1; }
    });
    counter.textContent = q ? shown + " dari " + items.length + " kegiatan" : "";
  }
  if (input) { input.addEventListener("input", filter); }
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("[data-filter]") : null;
    if (link && input) { input.value = link.getAttribute("data-filter"); filter(); }
  });
  function openTarget(given) {
    var id = given || decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (el && el.tagName === "DETAILS") { el.open = true; }
    if (el && el.classList.contains("panel")) {
      document.querySelectorAll(".panel.active").forEach(function (p) { p.classList.remove("active"); });
      el.classList.add("active");
    }
  }
  // A click on a province keeps the map in view: show its panel below instead of jumping.
  document.querySelectorAll("a.tile-link").forEach(function (link) {
    link.addEventListener("click", function (ev) {
      ev.preventDefault();
      var id = link.getAttribute("href").slice(1);
      history.replaceState(null, "", "#" + id);
      openTarget();
    });
  });
  if (location.hash.indexOf("#wil-") === 0) {
    var map = document.getElementById("peta");
    window.scrollTo(0, map ? map.offsetTop - 8 : 0);
  }
  window.addEventListener("hashchange", function () { openTarget(); });
  openTarget();
  // ?wilayah=63 opens a province's panel without scrolling (links from elsewhere, screenshots).
  var asked = new URLSearchParams(location.search).get("wilayah");
  if (asked) { openTarget("wil-" + asked); }
  document.documentElement.setAttribute("data-js", "ok");
})();
