// Report editor: section mode, C&A rows ("Add row", remove, running totals per currency), unsaved-changes warning.
(function () {
  "use strict";
  var form = document.querySelector(".js-report-form");
  if (!form) { return; }

  // --- unsaved changes ---------------------------------------------------------------------------
  var dirty = false;
  var flag = form.querySelector(".js-dirty-flag");
  function markDirty() {
    dirty = true;
    if (flag) { flag.classList.remove("d-none"); }
  }
  form.addEventListener("input", markDirty);
  form.addEventListener("change", markDirty);
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = form.dataset.unsaved || "";
      return form.dataset.unsaved || "";
    }
  });
  if (document.getElementById("stale-warning")) { markDirty(); }

  // --- section mode: fill in / no change / not applicable ---------------------------------------------
  var fields = form.querySelector(".js-section-fields");
  form.querySelectorAll(".js-mode").forEach(function (radio) {
    radio.addEventListener("change", function () {
      if (fields) { fields.classList.toggle("d-none", radio.value !== "filled" && radio.checked); }
    });
  });

  // --- the forms' tables (templates/reporting/_table.html): add and remove rows ---------------------------
  form.querySelectorAll(".js-table-add").forEach(function (button) {
    var section = button.closest(".report-table");
    var prefix = button.dataset.prefix;
    var rows = section.querySelector(".js-table-rows");
    var template = section.querySelector(".js-table-template");
    var count = section.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    button.addEventListener("click", function () {
      var index = parseInt(count.value, 10) || 0;
      var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__n__/g, String(index + 1));
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var row = holder.querySelector(".js-table-row");
      rows.appendChild(row);
      count.value = String(index + 1);
      markDirty();
      var first = row.querySelector("select, input, textarea");
      if (first) { first.focus(); }
    });
  });
  form.addEventListener("click", function (event) {
    var remove = event.target.closest(".js-table-remove");
    if (!remove) { return; }
    var row = remove.closest(".js-table-row");
    var del = row.querySelector("input[name$='-DELETE']");
    if (del) { del.checked = true; }
    row.hidden = true;
    markDirty();
  });

  // --- cooperation and assistance rows -----------------------------------------------------------------
  var body = form.querySelector("#ca-rows");
  if (!body) { return; }
  var total = form.querySelector("input[name='rows-TOTAL_FORMS']");
  var template = document.getElementById("ca-row-template");
  var empty = form.querySelector(".js-ca-empty");
  var totals = form.querySelector(".js-ca-totals");

  function visibleRows() {
    return Array.prototype.filter.call(body.querySelectorAll(".js-ca-row"), function (r) { return !r.hidden; });
  }

  // Amounts are read and totals written the page's way (static/js/numbers.js): 25.000,00 CHF in Spanish.
  var N = window.Numbers;

  function updateTotals() {
    if (!totals) { return; }
    var sums = {};
    visibleRows().forEach(function (row) {
      var amount = N.parseCents((row.querySelector(".js-ca-amount") || {}).value, 2);
      var currency = (row.querySelector(".js-ca-currency") || {}).value;
      var direction = (row.querySelector(".js-ca-direction") || {}).value || "received";
      if (amount === null || !currency) { return; }
      var key = direction + " " + currency;
      sums[key] = (sums[key] || 0n) + amount;
    });
    totals.textContent = "";
    var keys = Object.keys(sums).sort();
    if (!keys.length) {
      var li = document.createElement("li");
      li.textContent = totals.dataset.none;
      totals.appendChild(li);
    }
    keys.forEach(function (key) {
      var parts = key.split(" ");
      var item = document.createElement("li");
      item.textContent = (totals.dataset[parts[0]] || parts[0]) + ": " + N.formatCents(sums[key], parts[1], 2);
      totals.appendChild(item);
    });
    if (empty) { empty.classList.toggle("d-none", visibleRows().length > 0); }
  }

  function togglePartnerName(row) {
    var select = row.querySelector(".js-ca-partner");
    var name = row.querySelector(".js-ca-partner-name");
    if (!select || !name) { return; }
    var other = select.value.indexOf("other") === 0;
    name.classList.toggle("d-none", !other && !name.value);
    name.placeholder = name.getAttribute("aria-label") || "";
  }

  function wire(row) {
    var remove = row.querySelector(".js-ca-remove");
    if (remove) {
      remove.addEventListener("click", function () {
        var del = row.querySelector("input[name$='-DELETE']");
        if (del) { del.checked = true; }
        row.hidden = true;
        markDirty();
        updateTotals();
      });
    }
    var partner = row.querySelector(".js-ca-partner");
    if (partner) { partner.addEventListener("change", function () { togglePartnerName(row); }); }
    togglePartnerName(row);
  }

  body.querySelectorAll(".js-ca-row").forEach(wire);
  body.addEventListener("input", updateTotals);
  body.addEventListener("change", updateTotals);

  var add = form.querySelector(".js-ca-add");
  if (add && template && total) {
    add.addEventListener("click", function () {
      var index = parseInt(total.value, 10) || 0;
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var row = holder.querySelector("tbody");
      var year = row.querySelector(".js-ca-year");
      if (year && !year.value && form.dataset.year) { year.value = form.dataset.year; }
      body.appendChild(row);
      total.value = String(index + 1);
      wire(row);
      markDirty();
      updateTotals();
      var first = row.querySelector("select, input");
      if (first) { first.focus(); }
    });
  }
  updateTotals();
})();
