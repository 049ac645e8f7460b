// Sort a table by a clicked column: numbers numerically (data-sort first), text in Kazakh order.
(function () {
  function key(cell) {
    var raw = cell.getAttribute("data-sort");
    var text = raw !== null ? raw : cell.textContent.trim();
    var num = parseFloat(text);
    return { num: isNaN(num) || !/^-?[\d.]+$/.test(text) ? null : num, text: text.toLowerCase() };
  }
  function sortBy(table, th, column) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = key(a.cells[column]), y = key(b.cells[column]);
      var order = (x.num !== null && y.num !== null) ? x.num - y.num : x.text.localeCompare(y.text, "kk");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      th.addEventListener("click", function () { sortBy(table, th, column); });
    });
  });
})();
