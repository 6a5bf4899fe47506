// Progressive enhancement for the timeline page: filter by category and level, and reverse
// the order, from a collapsed panel. Without JavaScript the panel stays hidden and every entry is shown; the switch that
// hides entries known only from outside reporting works without it (CSS :has()), and this
// script adds it to the count and hides emptied year headings. It writes to the page only what
// differs from what is shown: on an unfiltered first load (the usual case) it changes nothing,
// so a long page is not laid out twice.
(function () {
  "use strict";

  function setUp() {
    var form = document.getElementById("timeline-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    form.hidden = false;
    var panel = document.getElementById("timeline-filters-panel");
    if (panel) panel.hidden = false;
    var entries = Array.prototype.slice.call(document.querySelectorAll(".cd-entry"));
    var years = Array.prototype.slice.call(document.querySelectorAll(".cd-year"));
    var count = document.getElementById("timeline-count");
    var hideOutside = document.getElementById("timeline-hide-outside");
    var newestShown = false;

    function checked(name) {
      return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]:checked'))
        .map(function (input) { return input.value; });
    }

    function apply() {
      var categories = checked("category");
      var levels = checked("level");
      var outsideHidden = hideOutside !== null && hideOutside.checked;
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = categories.indexOf(entry.dataset.category) !== -1 && levels.indexOf(entry.dataset.level) !== -1 &&
          !(outsideHidden && entry.dataset.fromSources === "no");
        if (entry.hidden === visible) entry.hidden = !visible;
        if (visible) shown += 1;
      });
      years.forEach(function (year) {
        var anyVisible = year.querySelector(".cd-entry:not([hidden])") !== null;
        if (year.hidden === anyVisible) year.hidden = !anyVisible;
        var heading = year.previousElementSibling;
        if (heading && /^H2$/.test(heading.tagName) && heading.hidden === anyVisible) heading.hidden = !anyVisible;
      });
      if (count.textContent !== String(shown)) count.textContent = String(shown);
      var newest = form.querySelector('input[name="order"]:checked').value === "newest";
      if (newest !== newestShown) order(newest);
    }

    function order(newest) {
      var sorted = years.slice().sort(function (a, b) {
        return newest ? b.dataset.year - a.dataset.year : a.dataset.year - b.dataset.year;
      });
      var anchor = years[0].previousElementSibling;
      var parent = anchor.parentNode;
      var marker = document.createComment("timeline");
      parent.insertBefore(marker, anchor);
      sorted.forEach(function (year) {
        var heading = year.previousElementSibling;
        var items = Array.prototype.slice.call(year.querySelectorAll(".cd-entry"));
        if (newest !== (year.dataset.order === "newest")) {
          items.reverse().forEach(function (item) { year.appendChild(item); });
          year.dataset.order = newest ? "newest" : "oldest";
        }
        parent.insertBefore(heading, marker);
        parent.insertBefore(year, marker);
      });
      parent.removeChild(marker);
      newestShown = newest;
    }

    years.forEach(function (year) { year.dataset.order = "oldest"; });
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () {
      if (hideOutside) hideOutside.checked = false;
      setTimeout(apply, 0);
    });
    if (hideOutside) hideOutside.addEventListener("change", apply);
    apply();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
