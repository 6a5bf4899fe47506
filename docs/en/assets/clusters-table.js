// Progressive enhancement for the clusters directory: filter by sector, region, status, division and
// official list, and sort by any column. Without JavaScript the form stays hidden and the whole table is shown.
// Filtering writes to the page only what differs from what is shown, so the first pass on an
// unfiltered load costs no layout.
(function () {
  "use strict";

  function setUp() {
    var form = document.getElementById("cluster-filters");
    var table = document.getElementById("cluster-table");
    if (!form || !table || form.dataset.ready) return;
    form.dataset.ready = "true";
    form.hidden = false;
    table.classList.add("cd-sortable"); // its headings become buttons: assets/reader.css shows them on phones
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var count = document.getElementById("cluster-count");

    // A row names every division its cluster spans; the map links here with ?division=<key>.
    var divisions = form.elements.divisions;
    var requested = new URLSearchParams(window.location.search).get("division");
    if (divisions && requested) divisions.value = requested;

    // A row names every division its cluster spans and every official list it is on.
    function matchesAny(row, name) {
      var field = form.elements[name];
      var wanted = field ? field.value : "";
      return !wanted || (row.dataset[name] || "").split(" ").indexOf(wanted) >= 0;
    }

    function filter() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = ["sectors", "regions", "statuses"].every(function (name) {
          var wanted = form.elements[name].value;
          return !wanted || row.dataset[name] === wanted;
        }) && matchesAny(row, "divisions") && matchesAny(row, "lists");
        if (row.hidden === visible) row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count.textContent !== String(shown)) count.textContent = String(shown);
    }

    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cd-sort";
      while (cell.firstChild) button.appendChild(cell.firstChild);
      cell.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = cell.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
        cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = a.cells[column].dataset.value, y = b.cells[column].dataset.value;
          var order = isNaN(x) || isNaN(y) ? x.localeCompare(y, document.documentElement.lang) : x - y;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });

    form.addEventListener("change", filter);
    filter();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
