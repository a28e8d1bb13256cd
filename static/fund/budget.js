// Budget lines of a Fund application: "Add a line" and a running total checked against the requested amount.
(function () {
  var table = document.querySelector(".js-budget");
  if (!table) { return; }
  var script = document.currentScript;
  var rows = table.querySelector(".js-budget-rows");
  var total = table.querySelector(".js-budget-total");
  var check = table.querySelector(".js-budget-check");
  var template = document.querySelector(".js-budget-template");
  var totalForms = document.getElementById("id_budget-TOTAL_FORMS");
  var requested = document.getElementById("id_requested_amount");
  var currency = document.getElementById("id_currency");

  // Whole cents, read and written the page's way (static/js/numbers.js); the server re-checks with decimals.
  var N = window.Numbers;
  function cents(value) {
    var c = N.parseCents(value, 2);
    return c === null ? 0n : c;
  }
  function format(c) {
    return N.formatCents(c, currency ? currency.value : "", 2);
  }
  function update() {
    var sum = 0n;
    rows.querySelectorAll(".js-budget-row").forEach(function (row) {
      var del = row.querySelector("input[type=checkbox]");
      if (del && del.checked) { return; }
      var input = row.querySelector(".js-budget-amount");
      if (input) { sum += cents(input.value); }
    });
    total.textContent = format(sum);
    if (!requested || requested.value === "") { check.textContent = ""; return; }
    var diff = cents(requested.value) - sum;
    check.textContent = diff === 0n ? script.dataset.match : script.dataset.mismatch + " " + format(diff);
    check.className = "small js-budget-check " + (diff === 0n ? "text-success" : "text-danger");
  }
  document.querySelector(".js-budget-add").addEventListener("click", function () {
    var index = parseInt(totalForms.value, 10);
    var html = template.innerHTML.replace(/__prefix__/g, String(index));
    rows.insertAdjacentHTML("beforeend", html);
    totalForms.value = String(index + 1);
    var inputs = rows.lastElementChild.querySelectorAll("input");
    if (inputs.length) { inputs[0].focus(); }
    update();
  });
  table.addEventListener("input", update);
  table.addEventListener("change", update);
  if (requested) { requested.addEventListener("input", update); }
  if (currency) { currency.addEventListener("change", update); }
  update();
})();
