// Optional: click a column heading of a table marked data-sortable to sort its rows.
// Pages are complete without it; a cell sorts by its text, a number when it reads as one
// (commas dropped), or by its data-sort where the text is no such value (a dash, a bar).
(function () {
  "use strict";
  function key(cell) {
    var raw = cell.getAttribute("data-sort");
    var text = raw !== null ? raw : cell.textContent.trim();
    var number = parseFloat(text.replace(/,/g, ""));
    return isNaN(number) || !/^[-+]?[\d,.]+$/.test(text.replace(/\s/g, "")) ? text : number;
  }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), "th");
  }
  function sortBy(table, index, button) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    // The heading's own state: other columns' states are cleared below, so a column sorted
    // before, then left for another, sorts ascending again when it is chosen once more.
    var th = button.parentNode;
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (x, y) {
      var result = compare(key(x.cells[index]), key(y.cells[index]));
      return ascending ? result : -result;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th) {
      th.removeAttribute("aria-sort");
    });
    // aria-sort belongs on the column header (a button may not carry it).
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function enhance(table) {
    if (!table.tHead || !table.tBodies.length) return;
    var headings = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headings, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, button); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), enhance);
  });
})();
